"""A post typed all in lower case, read with the capitals a careful writer would have used.

Staff on a trip type on a phone: "herons are at tatton park farm today!! feeding the pigs til 11.30
then picnic by the mansion at 12". The pupil analyses read capitals as evidence (a venue's name, a
child's name, a sentence's start), so a post with none reads as if it named nobody and nowhere.
:func:`truecase` gives such a post back with those capitals, letter for letter the same length, so
every position found in it is a position in the post. Only the pupil analyses read it; the
spelling, text-speak and tone rules read what was typed.

What gets a capital, and only in a post whose sentences all start in lower case:

* the first word of each sentence (after ``.``, ``!``, ``?``, a line break or an emoji);
* the school's class names ("robins", "kestrels") and pupils' names that are no English word
  ("rosie", "marsden"); a name that is also a word ("fin", "robin") only after a cue that makes a
  child of it ("well done fin!!", "happy birthday robin");
* a venue: the words before a venue noun ("tatton park farm", "yate leisure centre", "chester
  zoo"), and words no dictionary knows after a word of going ("good morning from kingswood
  colomendy").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from safepost.policy.text import fold

if TYPE_CHECKING:
    from safepost.policy.roster import Roster

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Where a sentence starts: the text's start, after an end mark, a line break or an emoji.
_STARTS = re.compile(
    r"(?:^|(?<!\b[A-Za-z])[.!?]+['\")\]]*\s+|\n\s*|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s+)(?=[A-Za-z])"
)
_VENUE_NOUNS = frozenset(
    [
        "zoo",
        "farm",
        "park",
        "museum",
        "gallery",
        "pool",
        "centre",
        "center",
        "castle",
        "beach",
        "abbey",
        "cathedral",
        "church",
        "theatre",
        "stadium",
        "arena",
        "hall",
        "gardens",
        "library",
        "aquarium",
        "pier",
        "lido",
        "baths",
        "planetarium",
        "observatory",
        "manor",
        "palace",
        "towers",
        "safari",
        "reserve",
        "wetlands",
        "priory",
        "minster",
        "chapel",
        "woods",
        "forest",
    ]
)
# Words that never belong to a venue's name ("at the farm" is no name).
_NOT_IN_A_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "his",
        "her",
        "my",
        "its",
        "this",
        "that",
        "these",
        "those",
        "at",
        "to",
        "in",
        "on",
        "by",
        "from",
        "for",
        "and",
        "of",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "we",
        "they",
        "you",
        "it",
        "he",
        "she",
        "all",
        "some",
        "any",
        "every",
        "no",
        "not",
        "then",
        "than",
        "so",
        "but",
        "or",
        "if",
        "back",
        "off",
        "out",
        "up",
        "down",
        "over",
        "into",
        "onto",
        "near",
        "round",
        "around",
        "through",
        "after",
        "before",
        "until",
        "til",
        "till",
        "today",
        "tomorrow",
        "tmrw",
        "tonight",
        "morning",
        "afternoon",
        "lunch",
        "trip",
        "visit",
        "class",
        "year",
        "yr",
        "group",
        "team",
        "school",
    ]
)
# A thread's counter: "1/3", "2/2" at the start of a post or a line.
_THREAD = re.compile(r"(?m)^\s*\d{1,2}/\d{1,2}(?=\s)")
# "well done to everyone in herons class ..., and to faith for finding the lost class rabbit"
_AND_TO = re.compile(
    r"\b(?:well\s+done|thank\s+you|thanks|congratulations|congrats)\b[^.!?]*\band\s+to\s+$", re.IGNORECASE
)
_GOING = frozenset(["from", "at", "to", "visiting", "visit", "reached", "arrived", "in"])
_CUES = re.compile(
    r"(?:well\s+done|happy\s+birthday|congrats|congratulations|good\s+luck|thank\s+you|thanks|go|come\s+on|"
    r"shout\s*out\s+to|proud\s+of|massive|huge|big)\s+(?:to\s+)?$",
    re.IGNORECASE,
)


def _in_a_class(after: str, roster: Roster) -> bool:
    """ "izzy in tawe class", "sam from year 2": a class or year group straight after a word."""
    m = re.match(
        r"\s+(?:in|from)\s+(?:(?P<year>year\s*\d+|yr\s*\d+|reception|nursery)|(?P<word>[a-z]+))\b",
        after,
        re.I,
    )
    return m is not None and (
        m.group("year") is not None or fold(m.group("word") or "") in roster.class_names
    )


def all_lower_case(text: str) -> bool:
    """Whether every sentence of a post starts in lower case (and it has a few words)."""
    starts = [m.end() for m in _STARTS.finditer(text)]
    first = _WORD.search(text)
    return (
        first is not None
        and first.group(0)[0].islower()
        and len(_WORD.findall(text)) >= 4
        and all(text[i].islower() for i in starts)
    )


def truecase(text: str, roster: Roster) -> str | None:
    """The post with the capitals it lacks, or None when it is not typed all in lower case."""
    if not all_lower_case(text):
        return None
    from safepost.policy.names import first_name_lexicon
    from safepost.policy.spelling import dictionary

    words = dictionary()
    lexicon = first_name_lexicon()
    chars = list(text)

    def capital(i: int) -> None:
        chars[i] = chars[i].upper()

    for m in _THREAD.finditer(text):
        chars[m.start() : m.end()] = " " * (m.end() - m.start())  # "1/3 robins have arrived": no date
    for m in _STARTS.finditer(text):
        capital(m.end())
    first = _WORD.search(text)
    if first is not None:
        capital(first.start())  # "2/2 semi is at 2.15 ..."
    found = list(_WORD.finditer(text))
    keys = [fold(m.group(0)).removesuffix("'s").removesuffix("’s") for m in found]
    for n, (m, key) in enumerate(zip(found, keys, strict=True)):
        ordinary = key in words
        if (
            key in roster.class_names
            or (key.endswith("s") and key[:-1] in roster.class_names)
            or ((key in roster.by_first or key in roster.by_surname) and not ordinary)
        ):
            capital(m.start())
        elif (
            (key in roster.by_first or key in roster.by_surname or key in lexicon)
            and len(key) >= 3
            and key not in _NOT_IN_A_NAME
            and (
                _CUES.search(text[max(0, m.start() - 30) : m.start()])
                or _AND_TO.search(text[max(0, m.start() - 120) : m.start()])
                or (not ordinary and _in_a_class(text[m.end() : m.end() + 30], roster))
            )
        ):
            capital(m.start())  # "well done fin!!", "happy birthday rosie"
        elif key in _VENUE_NOUNS and n > 0 and keys[n - 1] not in _NOT_IN_A_NAME:
            # "tatton park farm": the venue noun and up to three words of its name before it
            k = n - 1
            while k >= 0 and n - k <= 3 and keys[k] not in _NOT_IN_A_NAME and not keys[k].isdigit():
                capital(found[k].start())
                k -= 1
            capital(m.start())
        elif (
            n > 0
            and keys[n - 1] in _GOING
            and not ordinary
            and key.removesuffix("s") not in words  # "in todays assembly"
            and len(key) >= 4
            and key not in _NOT_IN_A_NAME
        ):
            capital(m.start())  # "good morning from kingswood colomendy"
            if n + 1 < len(found) and keys[n + 1] not in words and len(keys[n + 1]) >= 4:
                capital(found[n + 1].start())
    return "".join(chars)

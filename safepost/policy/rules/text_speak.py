"""SP402 text-speak."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule
from safepost.policy.spelling import ProseWord, prose_words
from safepost.policy.text import PostText, fold

if TYPE_CHECKING:
    from safepost.policy.config import Policy

DATA = Path(__file__).parent.parent / "data" / "text_speak.toml"


@dataclass(frozen=True)
class Lexicon:
    """The text-speak word lists (``data/text_speak.toml``)."""

    words: dict[str, str]  # text language -> Standard English ("" means leave it out)
    not_in_capitals: frozenset[str]
    name_like: frozenset[str]
    interjections: frozenset[str]
    candidates: frozenset[str]  # every word worth a closer look


@cache
def lexicon() -> Lexicon:
    """The word lists, read on first use."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    words = data["words"]
    forms = data["forms"]
    return Lexicon(
        words,
        frozenset(forms["not_in_capitals"]),
        frozenset(forms["name_like"]),
        frozenset(forms["interjections"]),
        frozenset(words) | {"c", "u", "r", "b", "x", "n"},
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words around a bare "2" or "4" that show it is a number ("Year 4", "won 2-1").
_NUMBER_CONTEXT = _words("""
blwyddyn dosbarth cam year yr y years class classes group groups key stage ks table tables set sets team teams room
level levels step steps page pages number no chapter unit units lesson lessons book books term
terms week weeks day days grade grades pitch court lane house gate door platform bus bay under
aged age ages top row zone block phase part question task act scene verse psalm and or to of from
than between x by times minus plus about around over the only just all these those first last
every each with p pp hole lap laps round rounds match game games goal goals point points score
scored won lost drew beat beaten nil is are was were be made make makes equals add take subtract
multiply divide divided multiplied half quarter tier form forms station stations v vs series
version season episode tt at
""")
_PREV_FOR = _words("""
thanks thank thx thanx thnx tx ty cheers you u ready time wait waiting w8 here there hope hoping
prayers luck crossed done great gr8 congrats congratulations proud sorry apologies news back
""")
_NEXT_FOR = _words("""
the a an your ur you u everyone every1 everybody everything us me them him her it this that our
coming joining helping supporting attending being having making tomorrow 2moro today 2day tonight
2nite now ever sure his their monday tuesday wednesday thursday friday saturday sunday christmas xmas easter
""")
# A meeting, and whom it is for: "residential meeting 4 parents".
_MEETING = _words("meeting meetings evening session workshop event information info talk")
_WHO_FOR = _words("parents families carers everyone all children pupils students")
# Things wanted for an event, before a "4" and the event's name: "Tickets 4 #BloodBrothers".
_WANTED_FOR = _words("tickets ticket auditions volunteers entries costumes helpers donations sign-ups")
# "well done 2 Tommy", "welcome 2 Mrs Lee": "2" for "to" before a name.
_BEFORE_TO_NAME = _words("done welcome thanks congrats congratulations hello hi goodbye bye out luck up")
_NEXT_TO = _words("""
the a an be b see c go get come do have make help meet hear say all everyone every1 u you school
bed your ur our me us them join watch celebrate welcome thank raise support read learn play share
show tell let keep visit win enjoy know follow bring collect book sign arrive leave find give try start finish
plan discuss talk decide practise practice prepare vote pick choose organise organize design build create write
sing cook bake wish remind check chat ask pray
""")
_YOU_ARE = _words("""
welcome amazing invited the a an so very all not brilliant great gr8 fab fantastic awesome stars
superstars ready right wrong here there going doing always never
""")
_PRONOUNS = frozenset({"u", "you", "ya", "we", "they", "ur", "your"})
_MODALS = _words("""
will to 2 can't cant won't wont should must might would could shall may not gonna wanna wud shud
""")
# Words before a lower-case "c" that make it the verb "see" ("lovely to c", "come and c", "can't wait 2 c").
_BEFORE_SEE = frozenset(
    ["to", "2", "can", "cant", "will", "wil", "and", "n", "come", "wanna", "gonna", "must", "u"]
)
_PHONICS = re.compile(
    r"\b(?:sounds?|letters?|phonics|graphemes?|phonemes?|digraphs?|begins?\s+with|starts?\s+with)\b",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_LETTER_DIGITS = re.compile(r"[a-z]+8[a-z]*|[a-z]{2,}1|[24][a-z]{3,}")
_RUN = re.compile(r"([a-z])\1{2,}")
_SPECIAL = re.compile(r"\d|([a-z])\1\1")


@dataclass(frozen=True, slots=True)
class TextSpeakUse:
    """Text language found in a post: where, what was typed, and the Standard English for it."""

    nstart: int
    nend: int
    typed: str
    replacement: str
    why: str


def _use(
    w: ProseWord, replacement: str, why: str, end: int | None = None, shown: str | None = None
) -> TextSpeakUse:
    """A use of text language at ``w`` (or from ``w`` to ``end``), with the replacement in the writer's case."""
    shown = w.text if shown is None else shown
    return TextSpeakUse(
        w.nstart, w.nend if end is None else end, shown, _cased(shown, replacement, w.initial), why
    )


def _cased(typed: str, replacement: str, initial: bool) -> str:
    """``replacement`` in the writer's case: "Pls" gives "Please", "THX" "THANKS"."""
    if not replacement:
        return replacement
    if len(typed) > 1 and typed.isupper() and any(ch.isalpha() for ch in typed) and len(replacement) > 1:
        return replacement.upper() if not any(ch.isdigit() for ch in typed) else replacement.capitalize()
    if typed[:1].isupper() and (len(typed) > 1 or initial):
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _standalone(text: str, w: ProseWord) -> bool:
    """A bare number with spaces round it, not part of "2-1", "£4", "3:30" or "4.5"."""
    before = text[w.nstart - 1] if w.nstart > 0 else " "
    after = text[w.nend] if w.nend < len(text) else " "
    return (before.isspace() or before in "(\"'") and (after.isspace() or after in ",!?;)\"'.")


def _ends_clause(text: str, w: ProseWord) -> bool:
    rest = text[w.nend :].lstrip(" ")
    return not rest or rest[0] in ".!?,;)\n" or (not rest[0].isalnum() and not rest[0].isspace())


def _one_letter_too_many(lower: str) -> bool:
    """Whether a word with three of a letter is a word with a double letter and one too many ("lettters",
    "fulll"), a slip of the keyboard rather than a drawn-out word ("sooo", "weee")."""
    from safepost.policy.spelling import dictionary

    words = dictionary()
    return (
        all(len(m.group(0)) == 3 for m in _RUN.finditer(lower))
        and lower not in lexicon().words
        and words.knows(_RUN.sub(r"\1\1", lower))
        and not words.knows(_RUN.sub(r"\1", lower))
    )


def _elongated(word: str) -> str | None:
    """Standard English for a word with drawn-out letters ("sooo" is "so", "lolll" is ""), or ``None``."""
    lower = word.lower()
    if not _RUN.search(lower) or _ROMAN.fullmatch(lower):
        return None
    two = _RUN.sub(r"\1\1", lower)
    one = _RUN.sub(r"\1", lower)
    lex = lexicon()
    if two in lex.interjections or one in lex.interjections or len(one) < 2:
        return None
    for form in (two, one):
        if form in lex.words:  # "plsss", "thxxx"
            return lex.words[form]
    from safepost.policy.spelling import dictionary

    words = dictionary()
    if _one_letter_too_many(lower):
        return None  # "lettters", "fulll": a slip of the keyboard, SP403's to find
    for form in (two, one):
        if words.knows(form):
            return form
    return None


def _digit_word(lower: str) -> str | None:
    """Standard English for a word spelt with digits for sounds ("h8ful", "some1"), or ``None``."""
    if not _LETTER_DIGITS.fullmatch(lower):
        return None
    from safepost.policy.spelling import dictionary

    words = dictionary()
    if "8" in lower and not lower.startswith("8"):
        for sound in ("ate", "eat", "ait"):
            if words.knows(lower.replace("8", sound)):
                return lower.replace("8", sound)
        return None
    if lower.endswith("1"):
        return lower[:-1] + "one" if words.knows(lower[:-1] + "one") else None
    word = ("to" if lower[0] == "2" else "for") + lower[1:]
    return word if words.knows(word) else None


def looks_like_text_speak(word: str) -> bool:
    """Whether a word is one the text-speak rule judges, so the spelling rule leaves it alone."""
    lower = word.lower()
    return (
        lower in lexicon().words
        or lower in ("u", "r", "c", "b", "x", "n")
        or (bool(_RUN.search(lower)) and not _one_letter_too_many(lower))
        or bool(_LETTER_DIGITS.fullmatch(lower))
    )


@lru_cache(maxsize=32)
def find_text_speak(ptext: PostText, allowed: frozenset[str] = frozenset()) -> tuple[TextSpeakUse, ...]:
    """Every use of text language in a post, in text order. ``allowed`` words (folded) are skipped.

    (Cached for the last few posts: the spelling rule asks too, to leave these words alone.)
    """
    text = ptext.text
    words = prose_words(ptext)
    lex = lexicon()
    found: list[TextSpeakUse] = []
    skip_next = False
    for i, w in enumerate(words):
        if skip_next:
            skip_next = False
            continue
        typed = w.text
        lower = typed.lower()
        if lower not in lex.candidates and not _SPECIAL.search(lower):
            continue
        if w.quoted or (allowed and fold(typed) in allowed):
            continue
        prev = words[i - 1].text.lower() if i > 0 and not w.initial else ""
        nxt = words[i + 1] if i + 1 < len(words) else None
        nxt_lower = nxt.text.lower() if nxt else ""
        caps = len(typed) > 1 and typed.isupper()

        if lower == "c" and nxt_lower in ("u", "ya") and text[w.nend : nxt.nstart if nxt else 0] == " ":
            assert nxt is not None
            shown = text[w.nstart : nxt.nend]
            found.append(_use(w, "see you", f'"{shown}" for "see you"', nxt.nend, shown))
            skip_next = True
            continue
        if lower in lex.words:
            if caps and lower in lex.not_in_capitals:
                continue
            if typed[:1].isupper() and not caps and lower in lex.name_like and not w.initial:
                continue
            if lower == "cos" and (prev in ("sin", "tan", "sine") or nxt_lower[:1].isdigit()):
                continue  # cos in trigonometry
            replacement = lex.words[lower]
            if lower == "ur" and nxt_lower in _YOU_ARE:
                replacement = "you're"  # "ur welcome", "ur amazing"
            found.append(_use(w, replacement, f'"{lower}" is in the text-speak list'))
            continue
        # A letter among other letters is being talked about: "the sounds s, a, t, p, i, n and u".
        letter_list = any(
            len(x.text) == 1 and x.text.isalpha() and x.text.lower() not in ("a", "i", "u", "r", "c")
            for x in words[max(0, i - 2) : i + 3]
            if x is not w
        )
        # A letter of phonics, quoted or given with its word: "the sounds 'u' and 'r'", "begin with u, like umbrella"
        letter_list = letter_list or (
            lower in ("u", "r", "c", "b", "n", "x")
            and _PHONICS.search(text) is not None
            and (
                (
                    text[w.nstart - 1 : w.nstart] in ("'", "‘", '"', "“")
                    and text[w.nend : w.nend + 1] in ("'", "’", '"', "”")
                )
                or re.match(r"\s*,?\s*(?:like|as\s+in)\b", text[w.nend : w.nend + 12]) is not None
                or prev in ("with", "letter", "sound", "grapheme")
            )
        )
        if (
            lower == "u"
            and not letter_list
            and (
                typed == "u"
                or prev
                in (
                    "c",
                    "see",
                    "thank",
                    "love",
                    "miss",
                    "thx",
                    "4",
                    "for",
                    "with",
                    "r",
                    "are",
                    "will",
                    "can",
                    "did",
                    "do",
                )
                or nxt_lower in ("r", "2")
                # "U were all amazing!", "U are stars": a capital U opening a sentence, then a verb of "you"
                or (
                    nxt_lower
                    in ("were", "are", "was", "have", "did", "can", "will", "all", "guys", "lot", "rock")
                    and (
                        text[: w.nstart].rstrip()[-1:] in ("", ".", "!", "?", ",", ":")
                        or prev in ("and", "but", "so", "because", "cos", "if", "when", "coz")
                    )
                )
            )
        ):
            found.append(_use(w, "you", '"u" for "you"'))
        elif (
            lower == "r"
            and not letter_list
            and (
                (
                    typed == "r"
                    and (
                        prev not in ("class", "year", "key", "stage", "grade")
                        or nxt_lower.endswith("ing")
                        # "Osprey Class r at the museum now": a verb's place, not Class R
                        or nxt_lower
                        in ("at", "in", "on", "so", "all", "very", "now", "off", "back", "out", "here")
                    )
                )
                or nxt_lower in _PRONOUNS
                or (prev in _PRONOUNS and prev != "your")
            )
        ):
            found.append(_use(w, "are", '"r" for "are"'))
        elif (
            typed == "c"
            and not letter_list
            and prev in _BEFORE_SEE
            and nxt is not None
            and nxt_lower.isalpha()
            and text[w.nend : nxt.nstart] == " "
        ):
            found.append(_use(w, "see", '"c" for "see"'))  # "great to c so many", "come and c us"
        elif (
            typed == "n"
            and not letter_list
            and prev.isalpha()
            and len(prev) > 1
            and prev not in ("rock", "fish", "salt", "pick", "mix", "shake", "sweet")
            and nxt is not None
            and nxt_lower.isalpha()
            and text[w.nstart - 1 : w.nstart] == " "
            and text[w.nend : nxt.nstart] == " "
        ):
            found.append(_use(w, "and", '"n" for "and"'))  # "Come n support them!"
        elif typed == "b" and prev in _MODALS and not letter_list:
            found.append(_use(w, "be", '"b" for "be"'))
        elif (
            typed == "x"
            and prev.isalpha()
            and len(prev) > 1
            and _ends_clause(text, w)
            and (nxt is None or text[w.nend : nxt.nstart].strip(" ") != "")
        ):
            found.append(_use(w, "", '"x" for a kiss'))
        elif (
            typed in ("2", "4")
            and _standalone(text, w)
            and not prev[:1].isdigit()
            and prev not in _NUMBER_CONTEXT
            and not nxt_lower[:1].isdigit()
        ):
            if (
                typed == "4"
                and (
                    prev in _PREV_FOR
                    or nxt_lower in _NEXT_FOR
                    or re.sub(r"['’]s$", "", nxt_lower) in _NEXT_FOR  # "left 4 Friday's disco"
                    # "Tickets 4 #BloodBrothers go on sale": what the tickets are for, by its name
                    or (
                        prev in _WANTED_FOR and re.match(r"\s+#?[A-Z]", text[w.nend : w.nend + 3]) is not None
                    )
                    # "Year 6 residential meeting 4 parents is on Thursday"
                    or (prev in _MEETING and nxt_lower in _WHO_FOR)
                )
            ):
                found.append(_use(w, "for", '"4" for "for"'))
            elif typed == "2" and (
                nxt_lower in _NEXT_TO
                or (prev in _BEFORE_TO_NAME and nxt is not None and nxt.text[:1].isupper())
                or prev == "forward"  # "looking forward 2 seeing you"
            ):
                found.append(_use(w, "to", '"2" for "to"'))
            elif typed == "2" and prev in ("me", "you", "u", "us", "them", "it") and _ends_clause(text, w):
                found.append(_use(w, "too", '"2" for "too"'))
        elif any(ch.isdigit() for ch in typed):
            if typed[:1].isupper() and (caps or len(typed) < 3):
                continue  # codes: "A4", "MP3", "L8", "KS2"
            word = _digit_word(lower)
            if word:
                found.append(_use(w, word, f'"{lower}": digits for the sounds of "{word}"'))
        elif not caps or len(typed) > 3:
            word = _elongated(typed)
            if word is not None:
                found.append(_use(w, word, f'"{typed}": drawn-out letters'))
    return tuple(found)


class TextSpeak(Rule):
    """Text language: lol, gr8, l8r, u, pls, 2moro and the like.

    What it flags:
        Chat abbreviations (lol, omg, btw, idk, tbh), shortened words (thx, pls,
        ur, ppl, msg, luv, coz, nite), letters and digits for sounds (gr8, l8r,
        w8, b4, 2moro, every1, and new ones built the same way), "u" and "r"
        for "you" and "are", "c u", "4" for "for" and "2" for "to" between
        words, kisses (x, xx) and drawn-out letters ("sooo proud").
        Not flagged: age groups and codes (U9, Y6, KS2, A4, MP3, 3D, 4G,
        Covid-19), ordinals, times and amounts (2nd, 10am, 3:30pm, 4kg, £96),
        scores (2-1), Roman numerals, "Class C", "Year 4", a letter being
        talked about ("the 'u' sound"), interjections such as "Brrr" and
        "Ooooh", and words the policy allows under `[rules.text-speak] words`.

    Why it matters:
        SUT-05: "Tweets will not contain 'text language' such as: lol, gr8 or
        l8r" and are written in grammatically correct Standard English. The
        school's posts are read as the school's voice by parents and the public.

    Example:
        What a gr8 day! Thx to every1 who came. C u at sports day!

    Use instead:
        What a great day! Thanks to everyone who came. See you at sports day!
    """

    code = "SP402"
    name = "text-speak"
    category = "text-speak"
    default_severity = Severity.BLOCK

    def setting(self, policy: Policy) -> str:
        return policy.writing.text_speak

    def check(self, ctx: Context) -> Iterator[Finding]:
        allowed = self.allowed_words(ctx.policy)
        setting = f'writing.text_speak = "{self.setting(ctx.policy)}"'
        for ts in find_text_speak(ctx.text, allowed):
            suggestion = ts.replacement or f'Leave out "{ts.typed}".'
            yield self.finding(
                ctx,
                ts.nstart,
                ts.nend,
                f'"{ts.typed}" is text language; the school\'s policy asks for Standard English with '
                'no text language such as "lol", "gr8" or "l8r".',
                suggestion=suggestion,
                trace=(setting, ts.why),
            )

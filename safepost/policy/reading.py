"""Reading a post as a person does: who each sentence is about, and when.

The name analysis (:mod:`safepost.policy.names`) decides which capitalised
words are names. This module reads what is left the way a careful senior
leader would:

* **one child without a name**: a singular description of a child ("one very
  proud Year 2 lad", "a little girl in Rowan Class", "our resident chess wizard
  in Lovelace Class"), initials ("T.L.", "AJ in Year 5"), or "she"/"he" where
  the post mentions no adult, story or thing the pronoun could mean;
* **a surname used alone**, as sports reports write ("Oyelaran made save after
  save", "Fenwick's penalty save"), told apart from a member of staff ("Mr Swan")
  and from the same word used as an ordinary word;
* **when** a sentence happens: has happened, is happening now, or will happen,
  and the time expressions it gives (a clock time, a day, a date, a range).

Every pattern here is linear-time: alternations of literal words, bounded
repetitions, no nested unbounded quantifiers over overlapping classes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from safepost.policy.roster import Roster
from safepost.policy.text import PostText, Token, at_word_starts, fold

# How far after a word the patterns read, in characters: a few words, so a long post stays linear.
_WINDOW = 200

# --- one child described without a name ------------------------------------------------------

# Nouns that can only mean a child.
_CHILD_NOUNS = (
    r"daughter|son|girl|boy|lad|lass|laddie|lassie|pupil|child|youngster|kiddo|tot|toddler|"
    # somebody is a child only where the post places them: "someone in Year 5", not "this month someone"
    r"(?:someone|somebody)(?=\s+(?:in|from|of)\s)|"
    r"(?:big|little|younger|older|baby)\s+(?:sister|brother)|little\s+(?:man|lady|miss|mister|helper|one)|wee\s+(?:man|one|lass|lassie|laddie|fella|yin)|young\s+(?:man|lady)(?=\s*[:,!.]|\s+(?:in|from|who)\b)|granddaughter|grandson|niece|nephew|stepdaughter|stepson|chappy|chap|fella|cherub|munchkin|schoolgirl|schoolboy|classmate|twins|triplets|boarder|day\s+pupil|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)-year-old"
)
# Nouns for somebody who did something; a child when the description places them in a class or
# year group ("our Year 2 chef", "the chess wizard in Lovelace Class").
_DOER_NOUNS = (
    r"runner|reader|writer|speller|chef|baker|cook|wizard|whizz|whiz|champion|champ|star|superstar|"
    r"scorer|goalscorer|goalkeeper|keeper|goalie|captain|skipper|winger|flanker|midfielder|fly-half|scrum-half|"
    r"full-back|centre-back|wing-back|chair|ambassador|artist|mathematician|scientist|poet|"
    r"musician|singer|dancer|swimmer|gymnast|footballer|cricketer|player|athlete|helper|hero|heroine|anchor|"
    r"delegate|cox|rower|sculler|cadet|debater|speaker|queen|king|"
    r"winner|finalist|candidate|medallist|medalist|prizewinner|laureate|member|genius|expert|engineer|inventor|designer|photographer|actor|actress|"
    r"performer|soloist|pianist|violinist|drummer|guitarist|bowler|batter|batsman|striker|defender|"
    r"prefect|monitor|councillor|rep|representative|leader|newcomer|starter|learner|student|editor|reporter|"
    r"record[\s-]breaker|record[\s-]holder|"
    r"journalist|presenter|narrator|host|organiser|organizer|librarian|buddy|mentor|steward|mediator|warrior|"
    r"scholar|author|illustrator|composer|coder|programmer|builder|gardener|explorer|adventurer|entrepreneur|"
    r"climber|cyclist|skater|skier|rider|jockey|boxer|fencer|archer|sprinter|jumper|thrower|camper|trumpeter|bugler|"
    r"piper|cornetist|bard|"
    r"chorister|server|altar\s+server|bell\s+ringer|chorus\s+member|soprano|alto|treble|"
    r"chess\s+player|magician|comedian|chatterbox|bookworm|superhero|legend|all-rounder|newbie|arrival|"
    r"fan|enthusiast|fanatic|lover|friend|pal|shepherd|angel|innkeeper|"
    # people by what they do, whatever the word: "geologist", "magician", "youngster", "mountaineer"
    r"[a-z]{3,}(?:ologist|ist|ician|eer|ster)|"
    r"addition|recruit|carer|young\s+carer|treasurer|secretary|president|vice-captain|vice-chair|deputy"
)
_DETERMINER = (
    r"(?:one|our|this|that|a|an|the|their|a\s+certain|this\s+week's|today's|"
    r"(?:mr|mrs|miss|ms|mx)\.?\s+(?-i:[A-Z])[\w-]*['’]s|"  # "Mr Bell's little helper in Juniper Class"
    r"(?-i:[A-Z])[\w-]*\s+class['’]s|year\s*\d+['’]s|"  # "Emerald Class's resident artist"
    r"(?-i:[A-Z])[\w-]*['’]s(?=\s+(?:very\s+own|own|resident)\s))"  # "Rackham's resident Lego genius"
)
# Words that end a noun phrase: a description never runs over them ("a warm welcome to the ...").
_BREAK_WORDS = (
    "your their my his her its so that the a an and or but to of for with which who if as than b4 before "
    "after while when because is are was were be been in from on at by per every each has have had"
)
_MODIFIERS = r"(?:(?!(?:" + "|".join(_BREAK_WORDS.split()) + r")\s)[a-z0-9][\w'-]*\s+){0,4}?"
_GROUP = (
    r"(?:(?:year\s*\d+|yr\s*\d+|[yps]\d|reception|nursery|ks\s*\d|school\s+council|class|"
    r"(?-i:[A-Z])[\w'-]*\s+class)\s+)?"  # "our Wren Class bookworm"
)
_IN_GROUP = (
    r"(?:(?:\s*,)?\s+(?:in|from|of)\s+|\s*\(\s*)(?:our\s+|the\s+)?(?:year\s*\d+|yr\s*\d+|[yps]\d\b|reception|nursery|"
    r"(?-i:\d{1,2}[A-Z]{1,2})\b|"
    r"class\s+(?:\d+|(?-i:[A-Z])\w*)|(?-i:[A-Z])[\w'-]*\s+class)(?:\s+(?:family|community|team|group))?\)?"
)
_CHILD_DESCRIPTION = re.compile(
    rf"\b{_DETERMINER}\s+{_MODIFIERS}{_GROUP}{_MODIFIERS}(?P<noun>{_CHILD_NOUNS})\b(?!s\b|-)"
    # not a room or a group named for them: "Our Toddler Room sang", "the Baby Room", "Our pupil guides"
    r"(?!\s+(?:room|rooms|group|groups|unit|area|club|section|corner|garden|team|class|classes|trio|duo|pair|quartet|squad|crew|band|choir|cast|contingent)\b)"
    # (not a child who might be: "a child will get hurt")
    r"(?!\s+(?:will|could|might|may|would)\s+(?:get|be)\s+(?:hurt|injured|killed|knocked|run\s+over)\b)"
    r"(?!\s+(?-i:[a-z]+(?:ers|ors|ists|ians|ants|ents|ides|ies))\b)"
    rf"(?P<group>{_IN_GROUP})?",
    re.IGNORECASE,
)
_CHILD_NOUN_ANY = re.compile(rf"\b(?:{_CHILD_NOUNS})\b", re.IGNORECASE)
_DOER_NOUN_ANY = at_word_starts(re.compile(rf"\b(?:{_DOER_NOUNS})\b", re.IGNORECASE))
# The quick looks for a child noun and a doer noun, word by word: the alternations above, tried at every
# letter of a post, cost more than the rest of the description search. Each is a superset of its
# regex: every noun of the list is one of these words (a phrase by its first or last word: "little"
# of "little man", "ringer" of "bell ringer"), ends with one of the endings, or is "N-year-old".
_CHILD_WORDS = frozenset(
    re.findall(r"[a-z]{3,}", re.sub(r"\(\?=[^)]*\)\)?", "", _CHILD_NOUNS.split("(?:\\d+")[0]))
) - {"big", "younger", "older", "baby", "man", "lady", "miss", "mister", "helper", "one", "day"}
_DOER_WORDS = frozenset(
    re.findall(
        r"[a-z]+", (_DOER_NOUNS.split("[a-z]{3,}")[0] + _DOER_NOUNS.split(")|")[-1]).replace(r"\s+", " ")
    )
) - {
    "all",
    "altar",
    "bell",
    "chess",
    "chorus",
    "young",
    "vice",
    "fly",
    "scrum",
    "full",
    "centre",
    "wing",
    "half",
    "back",
} | {
    "ringer",
    "rounder",
}  # "fly-half", "full-back": found by their hyphen (below), not by "half" and "back", which most posts have
_DOER_ENDINGS = ("ologist", "ist", "ician", "eer", "ster")
_LETTERS = re.compile(r"[a-z]+")


def _has_child_noun(norm: str) -> bool:
    """Whether a post may hold a child noun (never False where :data:`_CHILD_NOUN_ANY` finds one)."""
    folded = norm.casefold()
    return "year-old" in folded or not _CHILD_WORDS.isdisjoint(_LETTERS.findall(folded))


def _has_doer_noun(norm: str) -> bool:
    """Whether a post may hold a doer noun (never False where :data:`_DOER_NOUN_ANY` finds one)."""
    folded = norm.casefold()
    return (
        "-half" in folded
        or "-back" in folded
        or any(
            w in _DOER_WORDS or (len(w) >= 6 and w.endswith(_DOER_ENDINGS) and _DOER_NOUN_ANY.fullmatch(w))
            for w in _LETTERS.findall(folded)
        )
    )


_DOER_DESCRIPTION = re.compile(
    rf"\b{_DETERMINER}\s+{_MODIFIERS}(?P<year>{_GROUP}){_MODIFIERS}(?P<noun>{_DOER_NOUNS})\b(?!s\b|-)"
    # (not a group of them: "our Sea Cadet trio from Year 9")
    r"(?!\s+(?:trio|duo|pair|quartet|squad|crew|band|choir|cast|team|teams)\b)"
    rf"(?P<group>(?:\s+[a-z]+)?{_IN_GROUP})?",
    re.IGNORECASE,
)
# Descriptions that mean any child, not one: "every child", "a child who is unwell should stay home".
_GENERIC = re.compile(
    r"\b(?:every|each|any|no|your|their|my|his|her|which|what|whose|another|if|whether)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:anyone|anybody|everyone|families|parents|those)\s+with\s+$"  # "anyone with a child in Year 8"
    r"|\bif\s+(?:\w+\s+){0,3}$|\bone\s+day\s+$"
    r"|\bnot\s+$"  # "Not a single child wanted to come inside": none of them
    r"|\b(?:until|till)\s+$"  # "on duty until the last boarder has been collected": whoever it is
    # a story's hero: "The Way Back Home by Oliver Jeffers, about a boy stranded on the moon"
    r"|\b(?:about|story\s+of|tale\s+of)\s+$"
    # a namesake: "We've named him Colin, after the boy in The Secret Garden"
    r"|\b(?:named|called)\b[^.!?]{0,30}\bafter\s+$"
    # a kind of person, not one child: "Is Pip a snob or just a boy out of his depth?"
    r"|\b(?:just|merely|simply|such|like|than)\s+$",
    re.IGNORECASE,
)
_ADULT_MODIFIER = re.compile(
    r"\b(?:staff|teacher|parent|adult|visiting|guest|of\s+governors|lollipop|school\s+cook|kitchen|pta|pfa|"
    r"lunchtime|midday|breakfast\s+club|office|site|cleaning|"
    r"grown-up|local|professional|famous|olympic|former|(?<!-)old|retired)\b",
    re.IGNORECASE,
)
# A singular child pronoun as the doer or the one spoken about.
_GROUP_WORD = re.compile(
    r"\b(?:year\s*\d+|yr\s*\d+|[yps]\d|reception|nursery|ks\s*\d|school\s+council|class\s+(?:\d+|[A-Z]\w*)|[A-Z]\w*\s+class)\b",
    re.IGNORECASE,
)
_SINGULAR_PRONOUN = re.compile(r"\b(?:she|he|her|him|his|hers|himself|herself|she's|he's)\b", re.IGNORECASE)
# What a "she"/"he" could mean other than a child: an adult, an animal, a toy, a character.
_OTHER_ANTECEDENT = re.compile(
    r"\b(?:mr|mrs|miss|ms|mx|dr|sir|dame|lady|lord|king|queen|prince|princess|author|illustrator|poet|"
    r"visitor|speaker|guest|teacher|head|headteacher|caretaker|cook|chef\s+\w+|nurse|coach|mum|dad|mummy|"
    r"daddy|grandma|grandad|granny|grandpa|nan|nana|parent|governor|vicar|priest|firefighter|police\w*|"
    r"officer|lollipop|volunteer|dog|cat|puppy|kitten|rabbit|bunny|hamster|guinea\s+pig|tortoise|horse|"
    r"pony|bear|teddy|toy|doll|mascot|elf|santa|father\s+christmas|character|hero|heroine|tiger|lion|"
    r"dragon|giant|witch|wizard\s+of|gruffalo|fox|wolf|pig|hen|chick|duck|snail|caterpillar|robot|"
    r"stick\s+man|tree|baby|lady|man|woman|gentleman|person|calf|lamb|foal|goat|cow|sheep|chicken|owl|"
    r"bird|animal|pet|creature|butterfly|frog|tadpole|guide|ranger|keeper|driver|pilot|astronaut|"
    r"knight|soldier|explorer|emperor|pharaoh|god|goddess|monster|alien|cub|donkey|reindeer|puppet|professor|"
    r"novel|story|stories|reading\s+(?-i:[A-Z])\w*)\b",
    re.IGNORECASE,
)
_GROUP_CONTEXT = re.compile(
    r"\b(?:year\s*\d+|yr\s*\d|reception|nursery|class|pupils?|children|team|squad|school)\b", re.IGNORECASE
)
# Initials: "T.L.", "K.A.'s", "B.W."; and bare capitals with a class ("AJ in Year 5").
_DOTTED_INITIALS = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w])")
_BARE_INITIALS = re.compile(
    r"(?<![\w.#@])(?P<ini>[A-Z]{2})(?=(?:'s)?\s+(?:in|from)\s+(?:[Yy]ear\s*\d|[Rr]eception|[Nn]ursery|"
    r"[Cc]lass\s+[A-Z]|[A-Z][\w'-]*\s+[Cc]lass))"
)
_NOT_INITIALS = frozenset(
    {
        "ai",
        "pe",
        "xv",
        "xi",
        "re",
        "dt",
        "uk",
        "us",
        "it",
        "ta",
        "pm",
        "am",
        "bc",
        "ad",
        "tv",
        "fc",
        "mp",
        "pc",
        "ok",
        "hq",
        "gb",
        "eu",
    }
)
_BEFORE_ADULT = re.compile(r"\b(?:mr|mrs|miss|ms|mx|dr|prof|rev|sir|dame|cllr|author|by|coach)\.?\s*$", re.I)


# After a child's role or description, words that make it the name of a thing: "our Star of the
# Week certificates", "our head girl and head boy elections".
ROLE_AS_A_THING = (
    r"['’\"”]?(?:\s+(?:and|&)\s+(?:deputy\s+)?head\s+(?:girl|boy|pupil)s?)?\s+(?:certificates?|awards?|assembly|"
    r"assemblies|board|display|wall|book|badges?|list|nominations?|presentations?|trophy|trophies|cup|mugs?|"
    r"stickers?|tradition|scheme|system|chair|table|elections?|applications?|interviews?|hustings|speeches|"
    r"votes?|voting|candidates?|nominees?|roles?|positions?|vacanc(?:y|ies)|shortlist|voice|surveys?|premium|"
    r"parliament|conferences?|progress|data|numbers|attendance|group|groups|sessions?|"
    # "Thank you for the keeper talk": a zoo keeper's talk, not a goalkeeper
    r"talks?|tours?|feeds?|feeding|experiences?|chats?|demonstrations?|demos?|"
    # "Congratulations to our Head Student team": the team the role names, not one child
    r"team|teams|committee|panel)\b"
)
_A_THING_AFTER = re.compile(ROLE_AS_A_THING, re.IGNORECASE)


# Inside a hashtag, words before a name that cheer a child on: #GoRose, #ProudOfYouDominik.
HASHTAG_CHEER = re.compile(
    r"\b(?:go|go\s+on|get\s+in|come\s+on|proud\s+of\s+you|(?:so\s+)?proud\s+of|so\s+proud|well\s+done|congrats|congratulations|happy\s+birthday|"
    r"love\s+you|you\s+did\s+it|super|super\s+star|superstar|star|legend|hero|star\s+pupil|pupil\s+of\s+the\s+week|"
    r"champ|champion|winner|birthday\s+(?:girl|boy)|well\s+(?:played|bowled|batted|run|swum|caught|kept|saved|fought|sung|jumped|thrown)|brave|proud|classic|safe\s+hands|"
    r"golden\s+(?:gloves|boot)|potm|motm|mvp|player\s+of\s+the\s+match|take\s+a\s+bow|hats\s+off(?:\s+to)?|"
    # "#BounceQueenFlorence", "#GoldenBookWill"
    r"queen|king|boss|ace|whizz|wizard|genius|golden\s+book|gold\s+book|star\s+of\s+the\s+week|sotw|"
    # what a player did, praised: "#SuperSaveAustin", "#GreatGoalMaya"
    r"(?:super|great|top|star|amazing|awesome|golden|what\s+a)\s+(?:save|saves|goal|goals|catch|tackle|try|"
    r"finish|strike|shot|keeper|striker|scorer|swimmer|runner|reader|writer)|"
    r"shout\s*out(?:\s+to)?|big\s+up|respect|bravo|kudos|"
    # in Welsh: "#DaIawnDeio", "#LlongyfarchiadauCadi", "#PenblwyddHapusGwen"
    r"da\s+iawn|llongyfarchiadau|pen\s*-?\s*blwydd\s+hapus|"
    # in Hebrew: "#MazalTovRuby"
    r"mazal\s+tov|mazel\s+tov)\s*$",
    re.IGNORECASE,
)


def split_hashtag(pre: str) -> str:
    """``... #WellDone`` becomes ``...  Well Done``, so cues inside a hashtag are read."""
    hash_at = pre.rfind("#")
    if hash_at == -1:
        return pre
    # "#TakeABow": a one-letter word is a word of its own too
    return (
        pre[:hash_at] + " " + re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", pre[hash_at + 1 :])
    )


class SpanIndex:
    """Spans of the text, answering "does anything overlap this span?" in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._max_end: list[int] = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self._max_end.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starting before ``end`` reaches past ``start``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start


class ChildKind(StrEnum):
    """How a child is singled out without a name."""

    DESCRIPTION = "description"
    INITIALS = "initials"
    PRONOUN = "pronoun"


@dataclass(frozen=True)
class ChildReference:
    """One child pointed at without a name, in the normalised text."""

    nstart: int
    nend: int
    phrase: str
    kind: ChildKind


def _singular_pronoun_outside(text: str, spans: list[tuple[int, int]]) -> bool:
    """A singular pronoun in the post that no adult, animal, toy or character explains."""
    if _OTHER_ANTECEDENT.search(text):
        return False
    return any(
        not any(a <= m.start() < b for a, b in spans)
        and not _EACH_BEFORE.search(_sentence_before(text, m.start()))
        for m in _SINGULAR_PRONOUN.finditer(text)
    )


def _sentence_before(text: str, at: int) -> str:
    """The words of the sentence before ``at``."""
    return text[max(text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at)) + 1 : at]


# "Every single player played her part", "Each of them brought his own recipe": every child, one at a
# time, in the same sentence before the pronoun.
_EACH_BEFORE = re.compile(
    r"\b(?:every|each)\s+(?:single\s+|one\s+of\s+(?:them|our|the)\s+|of\s+(?:them|our|the)\s+)?[\w-]+\b[^.!?]*$"
    r"|\b(?:everyone|everybody|each\s+one|anyone|anybody|no\s+one|nobody|whoever)\b[^.!?]*$",
    re.IGNORECASE,
)


_PHRASE_BREAK = frozenset(
    [
        "your",
        "their",
        "my",
        "his",
        "her",
        "its",
        "so",
        "that",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "for",
        "with",
        "which",
        "who",
        "if",
        "as",
        "than",
        "b4",
        "before",
        "after",
        "while",
        "when",
        "because",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
    ]
)


def _not_one_phrase(phrase: str) -> bool:
    """Whether the words between the determiner and the noun run over a phrase boundary."""
    words = phrase.lower().split()
    inner = words[1:-1]
    if words[:2] == ["a", "certain"]:
        inner = words[2:-1]
    if any(w in ("any", "every", "each", "all", "no") for w in words[:3]):
        return True  # "that any child with a plaster cast": any child, not one
    return any(w in _PHRASE_BREAK for w in inner if w not in ("in", "from", "of"))


# "in Acorns", "from Seedlings": a class the school names without the word "class".
# (up to three words: "in Puddle Ducks", "from Little Acorns")
_IN_NAMED_GROUP = re.compile(
    r"^\s*,?\s*(?:\(|in\s+|from\s+|of\s+)(?:the\s+)?(?P<name>(?:[A-Z]|\d{1,2}\s?[A-Z])[\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


def in_roster_class(after: str, classes: frozenset[str] | set[str]) -> str | None:
    """The school's class the words after a description or a name place somebody in, if any."""
    m = _IN_NAMED_GROUP.match(after)
    if m is None or not classes:
        return None
    words = m.group("name").split()
    for n in range(len(words), 0, -1):  # the longest class name first: "Puddle Ducks", not "Puddle"
        name = " ".join(words[:n])
        key = fold(name[:-2] if name.endswith(("'s", "’s")) else name)
        if key in classes or (key.endswith("s") and key[:-1] in classes):  # "in Ladybirds" for Ladybird
            return m.group(0)[: m.start("name") + len(name)].strip(" ,(")
    return None


# "our youngest ever chess champion", "the fastest runner in the school": only one child is that.
_SUPERLATIVE = re.compile(
    # (or a class's: "Puffin Class's biggest steam train fan")
    r"^(?:our|the|(?-i:[A-Z])[\w-]*\s+class['’]s|year\s*\d+['’]s)\s+(?:very\s+)?(?:[a-z]+est|first|only|first-ever|newest|"
    r"youngest|oldest)\b(?<!\binterest)",
    re.IGNORECASE,
)
# "..., who is just five years old", "turns seven today": an age, a child's.
_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_AGE = re.compile(
    r"^\s*(?:,\s*who\s+|,\s*)?(?:(?:is|was|turns|turned|is\s+now|has\s+just\s+turned|aged)\s+(?:just\s+|only\s+)?"
    + _NUMBER
    + r"(?:\s+years?\s+old)?\b|(?:just\s+|only\s+)?"
    + _NUMBER
    + r"\s+years?\s+old\b|,\s*(?:just|only|aged|age)\s+"
    + _NUMBER
    + r"(?=\s*,)|\s*\(\s*(?:aged?\s+)?(?:just\s+|only\s+)?"
    + _NUMBER
    + r"\s*[!.]?\s*\))",
    re.IGNORECASE,
)
# "... of our choir", "in Year 2": where the one described belongs, read past to what is said of them.
# What one child wears or uses, which picks them out: "in the red wheelchair", "with the blue ear defenders".
_WEARING = re.compile(
    r"\s+(?:in|with)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:wheelchair|walker|frame|glasses|"
    r"hearing\s+aids?|ear\s+defenders|cochlear\s+implants?|hat|coat|jumper|wellies|boots|cast|plaster|sling|"
    r"crutches|helmet|headphones|raincoat|scarf|dress|costume|mask|cape)\b",
    re.IGNORECASE,
)
_BELONGS = re.compile(
    r"^\s+(?:in|of|from|on)\s+(?:our\s+|the\s+|(?:this|yesterday|today)(?:\s+(?:morning|afternoon|evening|week))?['’]s\s+)?"
    r"(?:whole\s+|entire\s+)?(?:year\s*\d+|reception|nursery|[\w'’-]+)"
    r"(?:\s+(?:class|choir|team|squad|group|band|club|orchestra|council|eleven)){0,2}",
    re.IGNORECASE,
)


# "One of our Falcons has just been selected": one child of a class, told by the singular verb.
_ONE_OF_GROUP = re.compile(
    r"(?<!\bevery\s)(?<!\beach\s)(?<!\bany\s)(?<!\bno\s)(?<!\bnot\s)(?<!\bsingle\s)\bone\s+of\s+(?:our|the|my)\s+(?:(?:year\s*\d+|reception|nursery|ks\s*\d|very\s+own|own|little|lovely)\s+)?"
    # "one of our Sycamore Class boys", "one of our Puddle Ducks boys"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s+(?:class\s+)?(?=(?:boys|girls|children|pupils|friends)\b))?"
    r"(?P<word>(?:year\s*\d+|[yp]\d|reception)['’]?s\b|[\w'’-]+)"
    # "one of our friends in Puddle Ducks"
    r"(?P<group>\s+(?:in|from)\s+(?:year\s*\d+|reception|nursery|(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?))?"
    r"(?:\s+(?:today|2day|this\s+morning|this\s+afternoon|yesterday|this\s+week))?"
    r"(?=\s*,?\s+(?:who|whose)\b|\s+(?:has|was|is|won|got|scored|raised|wrote|made|became|received|came|"
    r"just|recently|finally|bravely|proudly|lost|found|took|brought|ate|drew|ran|swam|sang|fell|broke|told|gave|"
    r"left|met|saw|went|had|did|can|will|(?-i:[a-z]+ed))\b)",
    re.IGNORECASE,
)
# "one Hawthorn Class early bird has now been on time for 60 days", "Big sister in Brontë Class":
# one child of a class, whatever the noun, told by a singular verb or a relation.
_ONE_FROM_CLASS = re.compile(
    r"\bone\s+(?:year\s*\d+|reception|nursery|class\s+\w+|(?-i:[A-Z])[\w'’-]*\s+class)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*(?<![^s]s)(?<!ss)\s+(?:has|had|was|is|did|won|got|(?-i:[a-z]+ed))\b"
    r"|\b(?:big|little|older|younger|baby|twin)\s+(?:sister|brother)\s+(?:in|from)\s+"
    r"(?:year\s*\d+|reception|nursery|class\s+\w+|(?-i:[A-Z])[\w'’-]*\s+class)",
    re.IGNORECASE,
)
_PICTURED = re.compile(
    r"^(?:\s+[\w'’-]+){0,8}?\s*[(\[]\s*(?:pictured|see\s+photo|in\s+the\s+photo)", re.IGNORECASE
)
# A child who has grown up: a former pupil, now an adult.
_GROWN_UP = re.compile(
    r"\b(?:back\s+in\s+(?:19|20)\d\d|(?:\d+|many|ten|twenty|fifteen)\s+years\s+ago|qualified\s+as|graduated|"
    r"is\s+now\s+(?:a|an)\s+\w+|works\s+as|(?:19|20)\d\d\s+leaver|"
    # "Doris, who was a Harbourside pupil in the 1930s"
    r"in\s+the\s+(?:19|20)?\d0s|in\s+(?:19[0-9]\d|200\d))\b"
    # "Our Year 2 class rep is collecting ... Email her at jen.mc@...": a parent, whose own address is given
    r"|\b(?:email|e-mail|ring|call|text|phone|message)\s+(?:her|him)\s+(?:at|on)\s+(?:[\w.+-]+@|0\d|\+44)",
    re.IGNORECASE,
)
_IN_A_STORY = re.compile(
    r"^\s+(?:in|of)\s+(?:all\s+)?(?:fiction|literature|history|the\s+(?:story|book|film|novel|play|poem|tale|legend|myth))\b",
    re.IGNORECASE,
)
_NAME_IS = re.compile(
    r"(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z]+\s+(?:may|must|might|could)\s+be\s+$",
    re.IGNORECASE,
)
_TITLE_CASE = re.compile(r"(?:[A-Z][\w'’-]*\s+)+[A-Z][\w'’-]*")
_AWARDED_TO = re.compile(
    r"\b(?:award|star\s+of\s+the\s+\w+|\w+\s+of\s+the\s+(?:week|month|term)|certificate|trophy|cup|prize|medal)\b"
    r"[^.!?]{0,40}?\b(?:goes|went|is\s+awarded|was\s+awarded|is\s+given|was\s+given)\s+to\s*$"
    # "Another #StarReader certificate for our Wren Class bookworm"
    r"|\b(?:certificate|trophy|cup|prize|medal|badge|award|shield)\s+for\s*$"
    # "Special mention to our delegate for Brazil, who won Best Delegate"
    r"|\b(?:special\s+mention|shout[\s-]?out|hats\s+off|congratulations|well\s+done)\s+(?:to|for)\s*$",
    re.IGNORECASE,
)
_CAPTION_BEFORE = re.compile(r"\b(?:pictured|photo|picture|above|below)\s*:\s*$", re.IGNORECASE)
_AFTER_A_NAME = re.compile(r"(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?\s*,\s*$")
# What a rule for any child says: "A child who has been sick must stay at home".
_A_RULE = re.compile(
    r"^[^.!?]{0,100}?\b(?:must|should|will\s+need|needs?\s+to|may\s+not|cannot|can't|is\s+asked|can\s+still)\b",
    re.IGNORECASE,
)
# One of a class or year group, whatever the noun, who did something: "Our sharp-eyed Foxglove Class
# lookout noticed", "our Year 6 hospital patient is feeling brighter", "this week's lucky holder in
# Foxglove Class gets to sit on the cushion". Things are told apart by a list of the things schools
# post about (_THINGS).
_GROUPED = (
    r"(?:year\s*\d+|reception|nursery|class\s+\d+|(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s+class)"
)
_ONE_OF_A_CLASS_DID = re.compile(
    r"\b(?:our|the|this|one|a\s+certain|this\s+week's|today's)\s+(?:(?!(?:in|from|of|at|for|with|and|who)\s)[\w'’-]+\s+){0,3}?"
    r"(?:" + _GROUPED + r"\s+(?:(?![\w'’-]*s\s|[\w-]*s['’]\s|children\s|people\s)[\w'’-]+\s+){0,2}?"
    r"(?P<noun>(?-i:[a-z])[\w-]*)"
    r"|(?P<noun2>(?-i:[a-z])[\w-]*)\s+(?:in|from)\s+" + _GROUPED + r")"
    # an active verb, not a passive one ("the yearbook is nearly finished" is about a thing)
    r"(?=\s+(?:(?:has|had)\s+(?:[a-z]+ly\s+)?(?:(?-i:[a-z]+ed)|[a-z]+en|been|got|made|built|won)"
    r"|(?:is|was)\s+(?:[a-z]+ly\s+)?(?-i:[a-z]+ing)"
    r"|(?:[a-z]+ly\s+)?(?-i:[a-z]+ed)|gets|got|made|built|won|came|took|found|caught|drew|wrote|read|sang|ran|swam)\b)",
    re.IGNORECASE,
)
_AUX = frozenset(
    [
        "were",
        "was",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "been",
        "be",
        "who",
        "which",
        "that",
        "and",
        "but",
        "with",
        "each",
        "all",
        "both",
        "to",
        "for",
        "in",
        "on",
        "at",
        "of",
        "by",
        "from",
        "children",
        "people",
    ]
)
_THINGS = frozenset(
    [
        # "Our Year 3 faith trail visited the church": an outing, "Our Year 6 London fundraiser": an event
        "trail",
        "walk",
        # a thing a year group made or ran: "The Year 8 haunted corridor was terrifying", "The Year 10 ghost train raised"
        "corridor",
        "train",
        # a show a year group put on: "Our Year 1 and 2 nativity played to a packed hall"
        "nativity",
        "panto",
        "pantomime",
        "musical",
        "stalls",
        "tombola",
        "maze",
        "list",  # "The Year 6 residential kit list has been updated"
        "wash",  # "The Year 8 charity car wash raised £640"
        "bake",
        "swap",
        "fundraiser",
        "appeal",
        "match",
        "game",
        "fixture",
        "race",
        "tournament",
        "quiz",
        "display",
        "work",
        "garden",
        "tree",
        "book",
        "project",
        "model",
        "wall",
        "board",
        "room",
        "corner",
        "classroom",
        "door",
        "window",
        "play",
        "show",
        "assembly",
        "trip",
        "visit",
        "topic",
        "class",
        "team",
        "choir",
        "council",
        "group",
        "pond",
        "shed",
        "area",
        "trophy",
        "cup",
        "plant",
        "hamster",
        "fish",
        "pet",
        "rabbit",
        "tortoise",
        "chick",
        "lesson",
        "week",
        "day",
        "term",
        "performance",
        "production",
        "concert",
        "party",
        "sale",
        "fair",
        "competition",
        "exhibition",
        "letter",
        "newsletter",
        "homework",
        "reading",
        "writing",
        "maths",
        "art",
        "music",
        "science",
        "food",
        "lunch",
        "dinner",
        "menu",
        "bench",
        "gate",
        "playground",
        "field",
        "library",
        "hall",
        "building",
        "roof",
        "kitchen",
        "bus",
        "coach",
        "minibus",
        "car",
        "computer",
        "silence",
        "sleepout",
        "box",
        "showcase",
        "recital",
        "trial",
        "heat",
        "final",
        "gala",
        "festival",
        "timetable",
        "deadline",
        "website",
        "blog",
        "page",
        "video",
        "film",
        "photo",
        "picture",
        "poster",
        "sign",
        "banner",
        "song",
        "story",
        "poem",
        "orchestra",
        "band",
        "squad",
        "cast",
        "crew",
        "club",
        "family",
        "staff",
        "teacher",
        "assistant",
        "helper",
        "volunteer",
        "parent",
        "governor",
        "visitor",
        "author",
        "register",
        "timetable",
        "rota",
        "boiler",
        "workshop",
        "challenge",
        "programme",
        "scheme",
        "booster",
        "plan",
        "session",
        "event",
        "rehearsal",
        "practice",
        "training",
        "festival",
        "residential",
        "disco",
        "sleepover",
        "fun",
        "celebration",
        "service",
        "mass",
        "heating",
        "radiator",
        "toilet",
        "toilets",
        "oven",
        "kiln",
        "printer",
        "laptop",
        "whiteboard",
        "projector",
        "fence",
        "path",
        "van",
        "wifi",
        "internet",
        "phone",
        "alarm",
        "fridge",
        "freezer",
        "sink",
        "tap",
        "floor",
        "ceiling",
        # things a class makes or carries: "Our Year 6 wreath looked beautiful by the memorial"
        "wreath",
        "float",
        "mural",
        "quilt",
        "sculpture",
        "collage",
        "cake",
        "entry",
        "stall",
        "scarecrow",
        "time-capsule",
        "capsule",
        "flag",
        "lantern",
        "boat",
        "robot",
        "rocket",
        "garden",
        "bake",
        "campaign",
        "petition",
        "newspaper",
        "magazine",
        "podcast",
        "animation",
        "exhibit",
        "picnic",
        "barbecue",
        "bbq",
        "outing",
        "breakfast",
        "camp",
        "parade",
        "hunt",
    ]
)
# A name in apposition after a description: the name decides whether it is a pupil.
_APPOSITION = re.compile(r"^\s*,\s*(?-i:[A-Z])[a-z][\w'’-]*(?:\s+(?-i:[A-Z])[a-z][\w'’-]*)?\s*,")
_RELATIVE_OF = re.compile(
    r"\b(?:grandad|grandpa|grandma|granny|nan|nana|mum|dad|mother|father|parent|parents|family|uncle|aunt|auntie|"
    r"carer|carers)\s+of\s+$",
    re.IGNORECASE,
)
_YEAR_PLURAL = re.compile(r"(?:year\s*\d+|[yp]\d|reception)['’]?s", re.IGNORECASE)
# What one of them carries or wears, then what they did: "Our Year 8 drummer with the bright green sticks had ...".
_WITH_A_THING = re.compile(r"^\s+(?:with|wearing|holding|carrying)\s+(?:the|a|an|his|her)\s")
_WITH_PHRASE = re.compile(
    r"^\s+(?:with|wearing|holding|carrying|in\s+(?:the|a|his|her))\s+(?:[\w'’-]+\s+){0,6}?(?=who\b)", re.I
)
# "Our youngest chorister, just four years old, stole the show": whatever the noun, the youngest
# (oldest, newest) one is one child, when the post gives an age or says what they did.
_AGE_OR_SIZE = frozenset(["youngest", "oldest", "newest", "smallest", "tallest", "littlest", "eldest"])
_SUPERLATIVE_ONE = re.compile(
    r"\b(?:our|the)\s+(?:(?:[\w-]+\s+){0,2}?[\w-]+['’]s\s+)?(?:very\s+)?(?P<most>youngest|oldest|newest|smallest|tallest|"
    r"littlest|eldest|bravest|loudest|kindest|cheekiest|proudest|fastest|speediest|keenest|happiest|noisiest|"
    r"sleepiest|strongest|funniest)\s+"
    r"(?:(?:ever|year\s*\d+|reception|[a-z-]+)\s+){0,2}?(?P<noun>[a-z-]+)\b(?!s\b)",
    re.IGNORECASE,
)
# "our youngest in Bluebell fed the lambs": the youngest of a class, with no noun
# One of a class, named by the class's own word: "One little Bumblebee walked in on her very first morning".
_ONE_OF_A_CLASS = re.compile(
    r"\bone\s+(?:little|young|tiny|brave|small|very\s+proud)?\s*(?P<noun>(?-i:[A-Z])[a-z]+)\b(?!['’]?s\b)"
    r"(?=\s+(?:(?-i:[a-z]+ed)|walked|came|told|said|was|has|had|ran|made|found|drew|wrote|won|got|brought)\b)"
    # "the Robin who finally ate a sprout", "a Kestrel who drew a padlock-shaped superhero" (not the title
    # "The Owl Who Was Afraid of the Dark")
    r"|\b(?:the|a|our)\s+(?:little\s+|youngest\s+|oldest\s+)?(?P<noun2>(?-i:[A-Z])[a-z]+)(?=\s+(?-i:who)\s+(?!are\b|were\b|have\b))"
    # "One of our youngest Puffins told Mrs Hale today that her new glasses ..."
    # ... or of a year group: "One of our Year 11s sat every one of her mock exams"
    r"|\bone\s+of\s+our\s+(?:(?P<year>(?:year|yr)\s*\d{1,2}['’]?s|[yps]\d{1,2}['’]?s)|(?:[\w-]+\s+)?(?P<noun3>(?-i:[A-Z])[a-z]+s))\b"
    r"(?!['’]?\s+(?:mums?|dads?|parents?|carers?|families|grandparents?)\b)"
    r"(?=[^.!?]{0,80}\b(?:her|his|she|he)\b)",
    re.IGNORECASE,
)
_SUPERLATIVE_IN = re.compile(
    r"\b(?:our|the)\s+(?:very\s+)?(?:youngest|oldest|newest|smallest|tallest|littlest|eldest)\s+(?=(?:in|from)\s)",
    re.IGNORECASE,
)
# Two capitals as a child's initials doing or making something: "AJ's volcano erupted", "AJ scored".
_INITIALS_DID = re.compile(
    r"(?<![\w.#@])(?P<ini>[A-Z]{2})(?:['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:volcano|model|painting|drawing|poem|story|"
    r"picture|project|invention|costume|rocket|design|sculpture|castle|cake|work|writing|book|kite|boat|robot)"
    r"|\s+(?:scored|won|read|wrote|made|built|finished|swam|ran|drew|painted|baked|managed|got|earned|"
    r"has\s+been|was\s+(?:our|the)))\b"
)
_IRREGULAR_PLURALS = frozenset(["children", "people", "men", "women", "folk", "little ones", "ones"])


def plural(noun: str) -> bool:
    """Whether a noun names many ("pupils", "children"), not one ("class", "chorister")."""
    return (
        noun in _MANY_CHILDREN
        or noun in _IRREGULAR_PLURALS
        or (noun.endswith("s") and not noun.endswith("ss"))
    )


# A nickname in quotes with the class after it: "our very own 'Little Messi' in Year 5".
_NICKNAME_IN_GROUP = re.compile(
    r"(?:\b(?:our|the)\s+(?:very\s+own\s+|own\s+|resident\s+|little\s+)?['‘\"“][A-Z][^'’\"”\n]{1,30}['’\"”]"
    r"|\b(?:little|young)\s+(?:miss|mister|mr|master|madam)\s+(?-i:[A-Z])[\w'’-]+)"
    r"\s+(?:in|from)\s+(?P<group>(?:year\s*\d+|reception|nursery|class\s+\w+|[A-Z][\w'’-]*(?:\s+class)?))",
    re.IGNORECASE,
)
# "Year 5's very own Picasso for the mural": a famous name given to one child of a class.
_VERY_OWN = re.compile(
    r"\b(?P<owner>our|(?:year\s*\d+|reception|nursery|class\s+\w+|(?-i:[A-Z])[\w-]*\s+class|(?-i:[A-Z])[\w-]*)['’]s)"
    r"\s+(?:(?:very\s+)?own\s+(?:little\s+|mini\s+|budding\s+|future\s+)?|budding\s+|mini\s+|future\s+|resident\s+)"
    r"(?P<nick>(?-i:[A-Z])[a-z][\w'’-]*(?:\s+(?-i:[A-Z])[a-z][\w'’-]*){0,2}?)"
    r"(?=\s*[,!.]|\s+(?:for|who|has|is|was|did|in|from|with|after|at)\b)",
    re.IGNORECASE,
)
# A capitalised word after "our very own" that is no nickname: a title, an event, a thing.
_NOT_A_NICKNAME = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "mx",
        "dr",
        "sir",
        "dame",
        "coach",
        "rev",
        "reverend",
        "father",
        "sister",
        "captain",
        "professor",
        "olympics",
        "olympic",
        "christmas",
        "easter",
        "eid",
        "diwali",
        "bake",
        "strictly",
        "masterchef",
        "apprentice",
        "eurovision",
        "wimbledon",
        "glastonbury",
        "oscars",
        "sports",
        "fun",
        "book",
        "world",
        "school",
        "summer",
        "winter",
        "spring",
        "autumn",
        "harvest",
        "nativity",
        "panto",
        "pantomime",
        "fair",
        "fete",
        "radio",
        "podcast",
        "newspaper",
        "magazine",
        "gallery",
        "museum",
        "library",
        "allotment",
        "orchestra",
        "choir",
        "band",
        "team",
        "club",
        "council",
        "parliament",
    ]
)
# "Someone in Larch class has been practising": one child of a class, unnamed.
# "Big news from Ladybirds: somebody lost their very first wobbly tooth", "a certain Otter finally
# mastered joined handwriting": one child of a class the post names
_SOMEBODY_DID = re.compile(
    r"\b(?P<who>someone|somebody|a\s+certain\s+(?-i:[A-Z])[a-z]+)\s+(?:(?:has|had|just|finally|really|very\s+proudly|proudly)\s+)*"
    r"(?:lost|won|got|learnt|learned|turned|became|brought|wrote|made|read|scored|mastered|managed|tied|rode|swam|"
    r"climbed|counted|spelt|spelled)\b",
    re.IGNORECASE,
)
_SOMEONE_IN = re.compile(
    r"\b(?:someone|somebody|a\s+little\s+someone|a\s+special\s+someone)\s+(?:special\s+|very\s+special\s+)?"
    r"(?:in|from)\s+(?P<group>(?:year\s*\d+|reception|nursery|class\s+\w+|[A-Z][\w'’-]*(?:\s+class)?))",
    re.IGNORECASE,
)
_MANY_CHILDREN = frozenset(
    [
        "girls",
        "boys",
        "pupils",
        "children",
        "students",
        "learners",
        "readers",
        "writers",
        "athletes",
        "swimmers",
        "runners",
        "players",
        "footballers",
        "dancers",
        "singers",
        "musicians",
        "artists",
        "scientists",
        "mathematicians",
        "councillors",
        "monitors",
        "leavers",
        "starters",
    ]
)


def _after_group(norm: str, end: int, classes: frozenset[str] | set[str]) -> str:
    """The words after a description, past the school's class it names ("... in Seedlings, who")."""
    after = norm[end : end + 60]
    in_class = in_roster_class(after, classes)
    if in_class is None:
        return after
    skip = after.index(in_class) + len(in_class)
    return norm[end + skip : end + skip + 60]


def _sentence_start(norm: str, at: int, most: int) -> int:
    """Where the sentence holding ``at`` starts, looking back no more than ``most`` characters."""
    window = max(0, at - most)
    ends = [e.end() for e in re.finditer(r"[.!?](?=\s)", norm[window:at])]
    return window + ends[-1] if ends else window


def child_references(
    text: PostText, other_people: bool = False, classes: frozenset[str] | set[str] = frozenset()
) -> list[ChildReference]:
    """Descriptions, initials and pronouns that single out one child without a name.

    ``other_people``: the post names somebody who is not a pupil (an adult, a character),
    whom a "she" or "he" may mean. ``classes``: the school's class names (folded), which a
    post may write without the word "class" ("our little star in Seedlings").
    """
    # a hashtag's words read as words: "Our youngest #Reader in Bluebell Class can now read"
    norm = text.text.replace("#", " ")
    found: list[ChildReference] = []
    pronoun = bool(_SINGULAR_PRONOUN.search(norm))
    # the descriptions end on a noun: a post with none of the nouns has none of them (the quick
    # search spares the slow one, which tries every "the" and "a" of the post)
    child_nouns = _has_child_noun(norm)
    for m in _CHILD_DESCRIPTION.finditer(norm) if child_nouns else ():
        if _not_one_phrase(m.group(0)) or _A_THING_AFTER.match(norm, m.end()):
            continue
        if re.search(r"\b(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?-i:[A-Z])[\w-]*(?!['’\w-])", m.group(0)):
            continue  # "Our librarian Ms Marsh recommends Boy, Everywhere": a grown-up by name, then a title
        if re.match(r"an?\s", m.group(0), re.I) and _WHAT_MIGHT_BE.match(norm, m.end()):
            continue  # "you absolute moron. A child could have been seriously hurt": no child in particular
        if (
            m.group("noun")[:1].isupper()
            and m.group(0)[:1].isupper()
            and norm[: m.start()].rstrip()[-1:] not in ("", ".", "!", "?")
        ):
            continue  # "read The Boy at the Back of the Class": a title in capitals
        if _GENERIC.search(norm[max(0, m.start() - 30) : m.start()]) or _ADULT_MODIFIER.search(m.group(0)):
            continue
        if re.search(
            r"\b(?:mr|mrs|miss|ms|mx|dr)\.?\s+\S+['’]s\s+(?:new\s+|newborn\s+)?baby\b", m.group(0), re.I
        ) or (
            # "Mrs Kaur's little girl was born on 12.01.26": a member of staff's newborn, not "Mr Fox's little boy
            # starts in Bluebell Class today"
            re.search(
                r"\b(?:mr|mrs|miss|ms|mx|dr)\.?\s+\S+['’]s\s+(?:little\s+)?(?:girl|boy)\b", m.group(0), re.I
            )
            and re.match(r"\s+(?:was\s+born|arrived|weighing|weighed)\b", norm[m.end() : m.end() + 20], re.I)
        ):
            continue  # "the birth of Miss Green's baby girl": a member of staff's baby
        if _GROWN_UP.search(norm[m.end() : m.end() + 120]):
            continue  # "Mrs Khan's daughter, who left us back in 2014, has just qualified as a teacher"
        det = m.group(0).split()[0].lower()
        if det in ("that", "the") and m.group("noun").lower() in ("someone", "somebody"):
            continue  # "gutted that someone nicked the cash tin": "that" joins a clause
        after = _after_group(norm, m.end(), classes)
        if (
            det == "the"
            and re.search(r"\bsame\s+(?:little\s+)?(?:boy|girl|child|pupil)\b", m.group(0), re.I)
            and not re.search(r"\b(?:are|were|is|was|be)\s+$", norm[max(0, m.start() - 6) : m.start()])
        ):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
            continue  # "three teeth lost in Kingfishers this week, all by the same boy"
        if det == "a" and m.group(0).lower().startswith("a certain"):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
            continue  # "a certain young man in Oak Class": one child, hinted at
        if _APPOSITION.match(after):
            continue  # "our Year 2 class rep, Janine, is collecting": the name says who
        if _IN_A_STORY.match(after) or _NAME_IS.search(norm[max(0, m.start() - 40) : m.start()]):
            continue  # "Stanley Yelnats may be the unluckiest boy in fiction": a character
        # "a child" alone is often any child ("a child who is unwell"); count it when the post says
        # what this one did, or where they belong.
        in_class = (
            m.group("group")
            # "a Falcons girl who has read": a class of the school's before the noun
            or any(
                fold(w) in classes or fold(w).removesuffix("s") in classes or fold(w) + "s" in classes
                for w in m.group(0).split()[1:-1]
            )
            or in_roster_class(norm[m.end() : m.end() + 40], classes)
            # "The winner ... was a Year 1 girl": one child of a group, said to be the one
            or (_GROUP_WORD.search(m.group(0)) and re.search(r"\b(?:was|is|were)\s+$", norm[: m.start()]))
            # "Only one student beat Mr Robson – a Year 7 lad with a very cheeky chip": the one, described
            or (
                _GROUP_WORD.search(m.group(0))
                and re.search(
                    r"\bonly\s+one\b[^.!?]{0,80}?\s[–—:-]\s*$",
                    norm[max(0, m.start() - 120) : m.start()],
                    re.I,
                )
            )
        )
        if (w := _WITH_PHRASE.match(after)) is not None:
            after = after[w.end() :]  # "the Year 2 girl with the sparkly pink glasses who found ..."
        if _AFTER_A_NAME.search(norm[max(0, m.start() - 40) : m.start()]):
            continue  # "Mary Anning, the girl from Lyme Regis who found ...": the name decides
        if det in ("a", "an", "any") and _A_RULE.match(norm[m.end() : m.end() + 120]):
            continue  # "A child who has had sickness must stay at home": any child, a rule
        pictured = bool(_PICTURED.match(after))
        if det in ("a", "an", "the") and not (in_class or pronoun or pictured or _DID.match(after)):
            continue
        if det == "their" and not (m.group("noun").lower() in ("daughter", "son") and _DID.match(after)):
            continue  # "their child will need": any family's child; "their daughter has joined": one
        found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _DOER_DESCRIPTION.finditer(norm) if _has_doer_noun(norm) else ():
        if (found and found[-1].nstart <= m.start() < found[-1].nend) or _not_one_phrase(m.group(0)):
            continue
        if _TITLE_CASE.fullmatch(m.group(0)) and re.match(r"['’]s\s+[A-Z]", norm[m.end() : m.end() + 4]):
            continue  # "The Lighthouse Keeper's Lunch": the title of a book
        if _A_THING_AFTER.match(norm, m.end()):
            continue
        if _GENERIC.search(norm[max(0, m.start() - 30) : m.start()]) or _ADULT_MODIFIER.search(m.group(0)):
            continue
        if _GROWN_UP.search(norm[m.end() : m.end() + 120]):
            continue  # "Our P2 class rep is organising a night out for parents - email her on ...@": a parent
        captioned = (
            _CAPTION_BEFORE.search(norm[max(0, m.start() - 15) : m.start()]) is not None
            # "Star of the week in Hedgehogs goes to our quiet little chatterbox in the red glasses"
            or _AWARDED_TO.search(norm[max(0, m.start() - 80) : m.start()]) is not None
        )
        worn = _WEARING.match(norm, m.end())  # "Our friend in the red wheelchair in Herons steered himself"
        in_group = bool(
            m.group("group")
            or captioned
            or (worn is not None and in_roster_class(norm[worn.end() : worn.end() + 40], classes))
            # "Our Bumblebees reading champion": a class of the school's named before the noun
            or any(
                fold(w) in classes or fold(w).removesuffix("s") in classes or fold(w) + "s" in classes
                for w in m.group(0).split()[1:-1]
            )  # "Pictured: the winner of our Easter bonnet parade with her ..."
            or _PICTURED.match(_after_group(norm, m.end(), classes))
            or _SUPERLATIVE.search(m.group(0))
            or _GROUP_WORD.search(m.group(0))
            or in_roster_class(norm[m.end() : m.end() + 40], classes)
            # "Year 11 had some brilliant conversations, and one student left with an interview": one of the
            # year group the sentence is about
            or (
                m.group(0).split()[0].lower() == "one"
                and m.group("noun").lower() in ("student", "learner", "pupil")
                and _GROUP_WORD.search(norm[_sentence_start(norm, m.start(), 120) : m.start()]) is not None
            )
        )
        if not in_group:
            continue
        if re.match(r"a\s+certain\b", m.group(0), re.I):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
            continue  # "Gentle reminder to a certain Kite Class footballer": one child, hinted at
        # A doer in a class or year group is one child when the post speaks of them as one person:
        # what they did, "she"/"he", or thanks and praise aimed at them.
        praised = (
            captioned
            or _THANKED.search(norm[max(0, m.start() - 40) : m.start()])
            or (
                m.group(0).split()[0].lower() == "one"  # "one Year 2 artist hard at work": one child
            )
        )
        tail = _after_group(norm, worn.end() if worn else m.end(), classes)
        if (b := _BELONGS.match(tail)) is not None and not _DID.match(tail):
            tail = tail[b.end() :]  # "our only left-handed violinist in the school orchestra played"
        if _WITH_A_THING.match(tail):
            # "Our Year 8 drummer with the bright green sticks had ...": what they carry, then what they did
            for w in re.finditer(r"\s", tail[:60]):
                if w.start() > 6 and _DID.match(tail[w.start() :]):
                    tail = tail[w.start() :]
                    break  # "Our Year 8 drummer with the bright green sticks had the whole hall clapping"
        if _APPOSITION.match(tail):
            continue  # "our Year 2 class rep, Janine, is collecting": the name says who
        if _PICTURED.match(tail):
            praised = True  # "Meet the winner of our Easter bonnet competition (pictured)!"
        if not (
            pronoun
            or praised
            or _DID.match(tail)
            or _AGE.match(tail)
            or re.match(r"\s*,\s*whose?\b|\s+who\s+(?:is|was|has|had)\b|\s+who['’]s\b", tail)
        ):
            continue
        only_pronoun = not (praised or _DID.match(tail) or re.match(r"\s*,?\s*whose?\b|\s+who['’]s\b", tail))
        if only_pronoun and _OTHER_ANTECEDENT.search(norm):
            continue  # "she" may be the adult or the character the post also mentions
        if _GROWN_UP.search(norm[m.end() : m.end() + 120]):
            continue  # "Our Year 2 class rep is collecting ... Email her at jen.mc@...": a parent
        found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _ONE_IN_GROUP_WHO.finditer(norm):
        if _A_THING_AFTER.match(norm, m.end()):
            continue  # "Our Year 4 'Star of the Sea' assembly": the name of the assembly
        phrase = re.sub(r"[,\s]+who\s+$", "", m.group(0))  # the description, without its ", who"
        noun = phrase.split()[-1].lower().strip("'")
        quoted = (
            phrase.rstrip()[-1:] in "'’\"”"
        )  # "our Year 3 'office assistant'": a nickname, whatever its noun
        unquoted = re.sub(r"['‘\"“][^'’\"”]*['’\"”]", "", phrase)
        if re.search(
            r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|teacher|headteacher|assistant|governor|caretaker)\b", unquoted
        ):
            continue  # "our new Year 3 teacher Mr King, who joins us": an adult
        if not quoted and (
            noun in _MANY_OR_ADULT
            or plural(noun)
            or noun in ("everyone", "everybody", "anyone", "all")
            or (m.group(0).rstrip().endswith("who") and _PLURAL_VERB_AFTER_WHO.match(norm, m.end()))
        ):
            continue  # "our Year 6 football team, who", "our new Year 1 teacher, who"
        if not (found and found[-1].nstart <= m.start() < found[-1].nend):
            found.append(ChildReference(m.start(), m.start() + len(phrase), phrase, ChildKind.DESCRIPTION))
    for m in _SUPERLATIVE_ONE.finditer(norm):
        tail = norm[m.end() : m.end() + 60]
        if m.group("noun").lower() in ("person", "one", "child", "pupil") and in_roster_class(tail, classes):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
            continue  # "it came from the smallest person in Hedgehogs"
        if fold(m.group("noun")) + "s" in classes:  # "our smallest Sparrow" in Sparrows class
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
            continue
        if (b := _BELONGS.match(tail)) is not None:
            tail = tail[b.end() :]
        noun = m.group("noun").lower()
        if noun in _MANY_OR_ADULT or plural(noun) or not (_AGE.match(tail) or _DID.match(tail)):
            continue  # "our youngest children enjoyed ...": a group, not one child
        if m.group("most").lower() not in _AGE_OR_SIZE and not (
            re.fullmatch(_DOER_NOUNS + "|" + _CHILD_NOUNS, noun) or re.match(r"\s*,?\s*who\b", tail)
        ):
            continue  # "the loudest cheer went up": a thing; "our bravest rafter, who jumped in first": a child
        if not any(f.nstart <= m.start() < f.nend for f in found):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _ONE_OF_A_CLASS.finditer(norm):
        noun = fold(m.group("noun") or m.group("noun2") or m.group("noun3") or "")
        if (
            m.group("year") or noun + "s" in classes or noun in classes or noun.removesuffix("s") in classes
        ) and not any(f.nstart <= m.start() < f.nend for f in found):
            found.append(
                ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION)
            )  # "One little Bumblebee"
    for m in _NICKNAME_IN_GROUP.finditer(norm):
        if _A_THING_AFTER.match(norm, m.end()):
            continue  # "Our Year 4 'Star of the Sea' assembly": the name of the assembly
        group = m.group("group")
        if _GROUP_WORD.fullmatch(group) or fold(group.split()[0]) in classes:
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _SUPERLATIVE_IN.finditer(norm):
        group = in_roster_class(" " + norm[m.end() : m.end() + 40], classes) if classes else None
        if group is not None or _GROUP_WORD.match(
            re.sub(r"^(?:in|from)\s+", "", norm[m.end() : m.end() + 30])
        ):
            found.append(ChildReference(m.start(), m.end(), m.group(0).strip(), ChildKind.DESCRIPTION))
    for m in _INITIALS_DID.finditer(norm):
        if m.group("ini").lower() not in _NOT_INITIALS:
            found.append(ChildReference(m.start(), m.end("ini"), m.group("ini"), ChildKind.INITIALS))
    for m in _ONE_OF_A_CLASS_DID.finditer(norm):
        noun = (m.group("noun") or m.group("noun2") or "").lower()
        if re.match(r"\s+(?:shed|bed|red|shred|sled)\b", norm[m.end() : m.end() + 8]):
            continue  # "behind the Year 10 bike shed": a thing and its shed
        if noun in ("we", "they", "you", "i", "it", "us", "them"):
            continue  # "the raffle and the Year 8 bottle tombola we raised £486": a thing, then who did it
        if (
            m.group("noun")
            and (before_noun := m.group(0).lower().split()[-2])
            and before_noun in _AUX | {"group", "team"}
        ):
            continue  # "The Year 8 group have just reached": a group, whatever the word after it
        if m.group("noun2") and m.group(0).split()[0].lower() == "the":
            continue  # "The noise from Cedar class is getting more tuneful": "the" and a thing
        if re.search(r"\s(?:v|vs|versus)\.?\s", m.group(0), re.IGNORECASE):
            continue  # "the staff v Year 11 dodgeball raised £430": a match between two sides
        if noun in _THINGS or noun in _MANY_OR_ADULT or plural(noun) or noun.endswith("ing") or noun in _AUX:
            continue
        if _GROWN_UP.search(norm[m.end() : m.end() + 120]):
            continue  # "Our P2 class rep is organising a night out for parents - email her on ...@": a parent
        if not any(f.nstart <= m.start() < f.nend or m.start() <= f.nstart < m.end() for f in found):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _ONE_FROM_CLASS.finditer(norm):
        if not any(f.nstart <= m.start() < f.nend for f in found):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _VERY_OWN.finditer(norm):
        nick = fold(m.group("nick"))
        owner = m.group("owner")
        if nick in _NOT_A_NICKNAME or (nick.endswith("s") and not nick.endswith("ss")):
            continue
        of_group = owner.lower() != "our" and (
            _GROUP_WORD.match(owner[:-2]) is not None or fold(owner[:-2]) in classes
        )
        school_class = any(
            fold(w) in classes or fold(w).removesuffix("s") in classes
            for w in re.findall(r"[A-Z][\w'’-]*", norm)
        )  # "Best Costume in Kingfishers went to our very own Very Hungry Caterpillar, who ..."
        if of_group or (owner.lower() == "our" and (_GROUP_WORD.search(norm) or school_class)):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    named_class = _GROUP_WORD.search(norm) is not None or any(
        fold(w) in classes or fold(w).removesuffix("s") in classes or fold(w) + "s" in classes
        for w in re.findall(r"[A-Z][\w'’-]*", norm)
    )
    for m in _SOMEBODY_DID.finditer(norm):
        if named_class and not any(f.nstart <= m.start() < f.nend for f in found):
            found.append(ChildReference(m.start(), m.end("who"), m.group("who"), ChildKind.DESCRIPTION))
    for m in _SOMEONE_IN.finditer(norm):
        group = m.group("group")
        if _GROUP_WORD.fullmatch(group) or fold(group.split()[0]) in classes:
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _ONE_OF_GROUP.finditer(norm):
        if _RELATIVE_OF.search(norm[max(0, m.start() - 30) : m.start()]):
            continue  # "the grandad of one of our Reception children, who spent his week": the grandad
        word = fold(m.group("word"))
        group = m.group("group")
        in_group = group is not None and (
            _GROUP_WORD.search(group) is not None or in_roster_class(group, classes) is not None
        )
        if (
            word in _MANY_CHILDREN
            or word in classes
            or word.rstrip("s") in classes
            or _YEAR_PLURAL.fullmatch(word)
            or (in_group and word in ("friends", "little ones", "babies", "kids", "stars", "superstars"))
        ):
            found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.DESCRIPTION))
    for m in _DOTTED_INITIALS.finditer(norm):
        letters = m.group(0).replace(".", "").replace(" ", "").lower()
        follows_group = re.match(r"\s+(?:in|from)\s", norm[m.end() : m.end() + 8]) is not None
        if (letters in _NOT_INITIALS and not follows_group) or (
            not follows_group and _BEFORE_ADULT.search(norm[max(0, m.start() - 12) : m.start()])
        ):  # "Gr8 work by E.Y. in Seacole Class": a child; "a poem by A.A. Milne": an author
            continue
        follows = norm[m.end() : m.end() + 20]
        if re.match(r"\s+[A-Z][a-z]", follows) and not re.match(
            r"\s+(?:in|from|and|has|have|is|was)\b", follows, re.I
        ):
            continue  # "J.K. Rowling": the initials of an adult's name
        found.append(ChildReference(m.start(), m.end(), m.group(0), ChildKind.INITIALS))
    for m in _BARE_INITIALS.finditer(norm):
        if m.group("ini").lower() in _NOT_INITIALS:
            continue
        found.append(ChildReference(m.start(), m.end("ini"), m.group("ini"), ChildKind.INITIALS))
    if (
        not found
        and pronoun
        and not other_people
        and _GROUP_CONTEXT.search(norm)
        and _PRAISE_OF_ONE.search(norm)
    ):
        spans: list[tuple[int, int]] = []
        if _singular_pronoun_outside(norm, spans):
            m2 = _SINGULAR_PRONOUN.search(norm)
            assert m2 is not None
            found.append(ChildReference(m2.start(), m2.end(), m2.group(0), ChildKind.PRONOUN))
    # "Episode 3 features our own Mr Okafor": a member of staff, by the title
    return [r for r in found if not _ENDS_ON_A_TITLED_NAME.search(r.phrase)]


# What might happen, not what did: "A child could have been seriously hurt".
_WHAT_MIGHT_BE = re.compile(
    r"\s+(?:could|might|may|would)(?:\s+not|n['’]t)?\s+(?:have\s+)?(?:been|be|get|got)\b", re.I
)
_ENDS_ON_A_TITLED_NAME = re.compile(r"\b(?:mr|mrs|miss|ms|mx|dr)\.?\s+(?-i:[A-Z])[\w-]*$", re.IGNORECASE)


# The past forms of common irregular verbs: what somebody did ("stood up in assembly", "rode").
IRREGULAR_PAST = (
    r"won|swam|ran|drew|wrote|read|got|made|took|gave|spelt|spelled|beat|beaten|caught|crossed|scored|overtook|outran|laid|"
    r"stole|shone|sprang|dug|"
    r"cracked|lost|found|met|sang|brought|built|became|came|did|grew|kept|left|taught|presented|served|"
    r"rescued|stood|sat|rode|wore|threw|flew|fell|felt|told|sold|held|heard|hit|led|put|said|spoke|spent|"
    r"stuck|struck|thought|understood|woke|knew|learnt|bought|chose|drove|ate|forgot|froze|hid|lit|"
    r"meant|paid|rang|rose|saw|sent|shone|shook|showed|shown|slept|slid|spun|swung|tore|tied|went|"
    r"climbed|taken|given|written|drawn|ridden|sung|swum|done|become|broke|broken|began|begun|dived|dove|"
    r"led|let|cut|set|shut|won|overcame|managed|laid|lit|paid|hung|dug|bent|fed|sped|spun|wept"
)


# "... has FINALLY cracked", "... swam a whole width", "..., who tied his own shoelaces".
_DID = re.compile(
    r"^\s*,?\s*(?:,\s*who\s+|who\s+|,?\s*whose\s+(?:[\w'’-]+\s+){0,3}?)?(?:[a-z]+ly\s+)?(?:has\s+|have\s+|had\s+|is\s+|was\s+|just\s+|finally\s+|really\s+|"
    r"also\s+|even\s+|bravely\s+|proudly\s+|now\s+|then\s+)*"
    r"(?:[a-z]+ed|" + IRREGULAR_PAST + r"|had|has|never|always|can|could|turns|joined|joins|loves|wants|"
    r"deserves|needs|celebrates|starts|begins|will|got\s+to|didn['’]t|did\s+not|wasn['’]t|hasn['’]t|"
    # "is through to the regional final", "has made it to the county finals"
    r"(?:is|are)\s+through\s+to|made\s+it\s+(?:to|into|through)|qualified|goes\s+through)\b",
    re.IGNORECASE,
)
# One child of a group, whatever the noun: "our Year 3 altar server, who served at Mass", and a
# nickname given to one child of a class: "our Maple class 'Mr Fix-It'".
_ONE_IN_GROUP_WHO = re.compile(
    r"\b(?:our|the|a|one)\s+"
    + _MODIFIERS
    + r"(?:year\s*\d+|reception|nursery|class\s+\d+|(?-i:[A-Z])\w*\s+class)\s+"
    # (not a group of them: "our Year 12 Model UN delegation, who won Best Delegation")
    r"(?:(?![^,]*?\b(?:team|squad|delegation|group|choir|band|cast|crew|council|orchestra|ensemble|committee|panel|"
    r"side|troupe|quartet|trio|duo|pair)\b)(?:[a-z][\w'-]*\s+){0,2}?[a-z][\w'-]*[a-rt-z],?\s+who\s+(?!are\b|were\b|have\b|all\b)"
    r"|['‘\"“][A-Za-z][^'’\"”]{1,30}['’\"”](?![a-z])"
    # not a title of the class's work: "our Year 2 'Plant to Plate' project"
    r"(?!\s+(?:heats|final|finals|auditions|project|topic|unit|day|week|event|challenge|show|performance|assembly|workshop|competition|display|"
    r"exhibition|club|production|play|book|story|song|homework|trip|lesson|lessons|scheme|programme|campaign|"
    r"garden|game|games|theme|display|launch|celebration|festival|fair|sale|morning|afternoon|"
    r"stocks|stall|stand|booth|tent|raffle|tombola|contest|race)\b))",
    re.IGNORECASE,
)
_MANY_OR_ADULT = frozenset(
    [
        # crews and ensembles: "our Year 7 coxed four, who won", "our Year 9 quad", "our string trio"
        "pair",
        "duo",
        "trio",
        "quartet",
        "quintet",
        "four",
        "quad",
        "eight",
        "double",
        "relay",
        "ensemble",
        "partnership",
        "team",
        "teams",
        "choir",
        "squad",
        "class",
        "group",
        "band",
        "orchestra",
        "cast",
        "club",
        "council",
        "crew",
        "side",
        "eleven",
        "unit",
        "family",
        "staff",
        "teacher",
        "assistant",
        "ta",
        "tutor",
        "coach",
        "leader",
        "lead",
        "head",
        "headteacher",
        "governor",
        "volunteer",
        "parent",
        "mum",
        "dad",
        "helper",
        "helpers",
        "partner",
        "chaplain",
        "nurse",
        "officer",
        "manager",
        "administrator",
        "cook",
        "chef",
        "caretaker",
        "author",
        "visitor",
        "grandparent",
        "grandma",
        "grandad",
        "grandpa",
        "granny",
        "nan",
        "nana",
        "carer",
        "auntie",
        "uncle",
        "aunt",
        "committee",
        "panel",
        "board",
        "parliament",
        "troupe",
        "ensemble",
        "cohort",
        "year",
        "house",
        # a teaching group: "our Year 13 Latin set, who sit their speaking mock today"
        "set",
        "table",  # "a shout-out for the Plover Class table, who drew every flag in Europe"
        "row",
        "form",
        "stream",
        "bunch",
        "lot",
        "gang",
    ]
)
# After "who", a verb in the plural's present ("who sit", "who travel"): the description is a group.
_PLURAL_VERB_AFTER_WHO = re.compile(
    r"\s*(?!(?:is|was|has|does|goes|did|had|will|would|can|could|should|may|might|must|shall|just|never|always|"
    r"also|still|now|then|really|even|finally|only|not|came|ran|won|sang|swam|wrote|read|got|made|took|gave|put|"
    r"set|let|hit|cut|led|met|left|kept|went|saw|found|became|began|brought|caught|chose|drew|"
    r"flew|fell|felt|held|knew|lost|rode|said|sat|shot|stood|spoke|spent|taught|thought|told|threw|wore|beat|"
    r"overcame|managed|earned)\b)(?-i:[a-z]+)(?<![sd])(?<!ly)\b(?!\s+(?:to|[a-z]+ed)\b)"
)
_THANKED = re.compile(
    r"\b(?:thanks|thank\s+you|well\s+done|congratulations|congrats|proud\s+of|shout[\s-]*out|"
    r"happy\s+(?:\d+(?:st|nd|rd|th)\s+|\w+\s+)?birthday|get\s+well\s+soon|good\s+luck|"
    r"hats\s+off|applause|round\s+of\s+applause|"
    # "What determination from our Year 3 speedster!"
    r"what\s+(?:a|an)?\s*(?:determination|effort|grit|courage|resilience|skill|performance|achievement|talent)\s+from)"
    r"\s+(?:\w+\s+)?(?:to|for)?\s*$",
    re.IGNORECASE,
)
# Praise, news or a reminder about one person, which makes an unexplained "she"/"he" a child.
_PRAISE_OF_ONE = re.compile(
    r"\b(?:proud\s+of\s+(?:her|him)|well\s+done|congratulations|made\s+up\s+for\s+(?:her|him)|"
    r"(?:her|his)\s+(?:first|own|medal|award|certificate|goggles|reading|work|tooth|birthday)|"
    r"(?:she|he)\s+(?:says|said|was|has|is|won|read|scored|never|always))\b",
    re.IGNORECASE,
)


# --- a surname used alone ----------------------------------------------------------------------

_TITLE_BEFORE = re.compile(
    r"\b(?:mr|mrs|miss|ms|mx|dr|prof|professor|sir|dame|lord|lady|rev|revd|reverend|father|fr|sister|"
    r"cllr|councillor|pc|pcso|sgt|coach|captain|nurse|farmer|chef|judge|madam|st|saint|major|colonel|col|lieutenant|lt|"
    r"corporal|cpl|brigadier|commander|wing\s+commander|squadron\s+leader)\.?\s*"
    # "Major (retd) Gurung"
    r"(?:\((?:retd|rtd|ret['’]d|retired)\.?\)\s*)?(?:(?-i:[A-Z])\.?\s*)?$",
    re.IGNORECASE,
)
# After a surname that is also a word, what makes it a person: something they did or own.
_PERSON_AFTER = re.compile(
    # a bowler's figures: "Best's 4 for 18 turned the match"
    r"^['’]s\s+\d{1,2}\s*(?:for|-|/)\s*\d{1,3}\b|"
    r"^(?:'s\s+(?:[\w-]+\s+){0,3}?(?:save|saves|goal|goals|try|tries|penalty|solo|shot|catch|run|runs|winner|"
    r"equaliser|strike|brace|"
    r"innings|wicket|wickets|header|tackle|pass|work|model|house|project|poem|story|picture|painting|"
    r"drawing|design|entry|performance|speech|effort|efforts|time|score|header|finish|volley|century|"
    r"handwriting|reading|writing|spelling|lego|"
    r"hat-trick|assist|turn|dive|jump|throw|swim|race|lap|book|idea|invention|costume|sculpture|film|"
    r"animation|video|song|dance|solo|display|experiment|report|essay|line|lines|joke|jokes|words|speech|part|role|"
    r"recital|audition|portfolio|dissertation|presentation|debut|dancing|singing|drumming|piping|fiddle|"
    # "Farmer's Limousin calf won the junior handlers' class": an animal a child showed
    r"calf|lamb|lambs|ewe|heifer|bull|pony|cow|goat|pig|piglets|steer|entry|entries|"
    r"volcano|rocket|robot|invention|bridge|castle|boat)\b"
    # "Who else spotted Frost in the Bolton News this week?"
    r"|\s+in\s+the\s+(?:(?-i:[A-Z])\w+\s+)?(?-i:News|Echo|Gazette|Post|Herald|Times|Mail|Courier|Chronicle|Argus|Standard)\b"
    # "Sharp and Cross both ran under 5 minutes"
    r"|\s+(?:and\s+(?-i:[A-Z])\w+\s+)?both\s+(?:ran|won|scored|finished|swam|jumped|threw|made|got|qualified|reached)\b"
    r"|\s*,\s*who\b"
    # "Sharp, Bond and Hall on the scoresheet": the scorers, listed
    r"|(?:\s*,\s*(?-i:[A-Z])[\w'’-]+)*\s*,?\s*(?:(?:and|&)\s+(?-i:[A-Z])[\w'’-]+\s+)?(?:(?:were|was|all)\s+)?"
    r"on\s+the\s+score[\s-]?sheet\b"
    # "Thank you to Ward and Marsh from BTEC Uniformed Services": students by their course
    r"|(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:from|in|on)\s+(?:our\s+|the\s+)?(?-i:BTEC|A[\s-]?[Ll]evel|T[\s-]?[Ll]evel|GCSE)\b"
    # "Hart, you absolute legend!": somebody cheered to their face
    r"|\s*,\s*you\s+(?:(?:absolute|total|utter|little|big|true|real|complete)\s+)?(?:legend|star|superstar|hero|"
    r"heroine|champion|champ|machine|genius|wizard|rock|gem|wall|beast|magician|maestro)\b"
    # "a special mention to Derby, top scorer on the day": a player by what they did
    r"|\s*,\s*(?:top\s+scorer|player\s+of\s+the\s+(?:match|day|tournament)|(?:wo)?man\s+of\s+the\s+match)\b"
    # "Huge well done to Banks, our Year 6 goalkeeper"
    r"|\s*,\s*(?:our|the)\s+(?:year\s*\d+\s+)?(?:[\w-]+\s+){0,4}?(?:goalkeeper|keeper|captain|striker|defender|bowler|"
    r"batter|scorer|top\s+scorer|star|player|champion|winner|finalist|medallist|record[\s-]holder)\b"
    # "Kingdom was unbeatable in goal today": a player in a position
    r"|\s+(?:was|is|has\s+been)\s+(?:[\w-]+\s+){0,2}?in\s+(?:goal|defence|midfield|attack|the\s+nets)\b"
    # "Fox and Field were our Year 7 players of the match"
    r"|\s+(?:and\s+(?-i:[A-Z])\w+\s+)?(?:were|are|was|is)\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:players?|stars?|scorers?|"
    r"winners?|heroes|champions?)\s+of\s+the\s+(?:match|day|game|tournament)"
    # "Frost has been picked for the South Yorkshire U14 hockey squad!"
    r"|\s+(?:has|have)\s+been\s+(?:picked|selected|chosen|called\s+up|promoted|appointed|crowned|named|voted)\s+"
    r"(?:for|to|as)\b"
    r"|\s+(?:keeps|kept|keeping)\s+(?:another\s+|a\s+)?clean\s+sheet\b"
    # "Riding was the first in Otter Class to trot", "Frost was the star of our Kingfisher Class bake-off"
    r"|\s+(?:was|is)\s+(?:the\s+)?(?:very\s+)?(?:first|only|last|youngest|oldest|fastest)\s+(?:one\s+|person\s+)?"
    r"(?:in|to|of|back|home|over|across)\b"
    r"|\s+(?:was|is)\s+(?:the|our)\s+(?:undoubted\s+|real\s+|absolute\s+)?(?:star|hero|winner|champion|pick)\s+of\b"
    # "Congratulations to Wilde (Y12) on being elected": a year group in brackets
    r"|\s*\(\s*(?:y|yr|year\s*)\d{1,2}[a-z]?\s*\)"
    # "that didn't stop Winter scoring the winner"
    r"|\s+(?:scoring|saving|winning|sprinting|diving|tackling|bowling|batting|racing|finishing|grabbing|netting|"
    r"hitting|taking|smashing|bagging|slotting|firing|clinching|sealing|getting|making|pulling\s+off)\s+"
    r"(?:the|a|an|his|her|two|three)\b"
    # "Swift on the anchor leg", "Bishop has been an absolute star helper"
    r"|\s+on\s+the\s+(?:anchor|first|second|third|last|final|opening)\s+leg\b"
    r"|\s+(?:has|had)\s+been\s+(?:an?\s+|our\s+)?(?:absolute\s+|real\s+|total\s+|true\s+|such\s+a\s+)?"
    r"(?:(?-i:[A-Z])\w+\s+(?:class\s+)?)?(?:[a-z-]+\s+)?(?:champion|star\s+of\s+the\s+week)\b"
    r"|\s+(?:has|had)\s+been\s+(?:an?\s+|our\s+)?(?:absolute\s+|real\s+|total\s+|true\s+|such\s+a\s+)?(?:star|superstar|"
    r"hero|legend|credit|champion|rock|joy|delight|trooper|(?:[\w-]+\s+)?(?:climber|swimmer|runner|reader|helper|"
    r"player|scorer|singer|speller|writer))\b"
    r"|\s+(?:scored|scores|saved|saves|netted|nets|struck|bowled|batted|caught|kicked|headed|ran|won|"
    r"picked|slotted|fired|smashed|hit|took|made|kept|dived|raced|swam|finished|tackled|crossed|"
    r"converted|grabbed|added|completed|sealed|levelled|equalised|blocked|did\s+it|never\s+stopped|opened|stole|"
    r"came\s+off\s+the\s+bench|came\s+on|"
    r"doubled|curled|chipped|lobbed|rifled|tapped|nodded|volleyed|dribbled|sprinted|clinched|clattered|nutmegged)\b"
    # a live report's present: "Bowness chips it over the keeper", "Church nutmegs two defenders"
    r"|\s+(?:chips|curls|lobs|slots|fires|smashes|rifles|taps|nods|volleys|dribbles|nutmegs|blasts|drills|whips|"
    r"bends|powers|heads|scores|nets|saves)\s+(?:it|home|in|one|two|three|the|a|an|his|her|past|over|into)\b"
    r"|\s*,?\s+with\s+\d+"  # "Castle, with 48 runs and two catches"
    # "Sparrow in Attenborough Class, who": somebody placed in a class
    r"|\s+(?:in|from)\s+(?:year\s*\d|reception|nursery|class\s+\w+|(?-i:[A-Z])[\w'’-]*\s+class|\d{1,2}(?-i:[A-Z]{1,3}))\b"
    # "thank you to Gunn for the last-ball six", "to Gunn for his catch"
    r"|\s+for\s+(?:his|her)\b"
    r"|\s+for\s+(?:the|a|an|that)\s+(?:[\w'’-]+\s+){0,3}?(?:six|four|goal|try|save|catch|winner|hat-trick|century|"
    r"wicket|run-out|tackle|header|equaliser|penalty|assist|performance|solo|speech)\b"
    # "the Joshi sisters made the rangoli": children of one family
    r"|\s+(?:sisters|brothers|twins|triplets|siblings)\b"
    # "Bolt with the winner", "Cross with a hat-trick", "Bishop takes the chess crown"
    r"|\s+with\s+(?:the|a|an|his|her|two|three|four|five)\s+(?:[\w'’-]+\s+){0,2}?(?:winner|goal|goals|try|tries|"
    r"hat-trick|save|saves|catch|century|fifty|assist|equaliser|header|finish|strike|wicket|wickets|points|runs|run|catches)\b"
    r"|\s+(?:takes|took|wins|claims|claimed|scoops|scooped|bags|bagged|lifts|lifted|grabs|grabbed)\s+"
    r"(?:the|a|an|his|her|first|gold|silver|bronze|top)\b"
    # "Shore, Sands and Marsh: three Year 8 lifeguards": names, then how many people they are
    # ... or a team, then how many: "Stone, Moss and Rivers: one rope team, three brilliant climbers!"
    r"|(?:\s*(?:,|&|and)\s*(?-i:[A-Z])[\w'’-]*){0,4}\s*[:–-]\s*(?:one\s+(?:[\w'’-]+\s+){0,2}(?:team|crew|trio|pair|"
    r"quartet|squad)\s*,\s*)?(?:two|three|four|five|six|both)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:[a-z]+(?:ers|ors|ists|ians|ees|ards|ains|ants|ents|ives)|boys|girls|pupils|students|children|friends|athletes)\b"
    # "Heath, Pike & Sharp: the new house captains"
    r"|(?:\s*(?:,|&|and)\s*(?-i:[A-Z])[\w'’-]*){0,4}\s*[:–-]\s*(?:the|our)\s+(?:new\s+)?(?:[\w/'’-]+\s+){0,3}?"
    r"(?:captains?|winners?|champions?|stars?|leaders?|monitors?|prefects?|councillors?|ambassadors?)\b"
    # "with Bell on cello", "Long cleared 3.2m": a player, a musician, an athlete
    r"|\s+on\s+(?:the\s+)?(?:cello|violin|viola|piano|keyboard|keys|drums|guitar|bass|flute|clarinet|trumpet|"
    r"trombone|recorder|sax|saxophone|harp|ukulele|vocals|lead\s+vocals|glockenspiel|xylophone|the\s+wing)\b"
    r"|\s+in\s+goal\b|\s+between\s+the\s+(?:sticks|posts)\b"
    # "Preston from Kirkby Moor won the egg-and-spoon race": one of a trust's pupils, by the school
    r"|\s+(?:from|at)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3}\s*,?\s+(?:won|scored|built|raised|wrote|"
    r"sang|came\s+(?:first|second|third)|finished|broke|took|made)\b"
    # "Bailey at GA was everywhere": a netball or rugby position
    r"|\s+at\s+(?:(?-i:GA|GS|GD|GK|WA|WD|C)|centre|wing|full[\s-]back|fly[\s-]half|scrum[\s-]half|goal\s+attack|"
    r"number\s+(?:\d{1,2}|eight|nine|ten)|no\.?\s*\d{1,2}|prop|hooker|lock|flanker|"
    r"goal\s+shooter|goal\s+defence|goal\s+keeper|wing\s+attack|wing\s+defence)\b"
    r"|\s+(?:is|was)\s+playing\s+(?:the|a|an)\s+"  # "Church is playing the innkeeper"
    # "Banks was outstanding in goal", "Price was unstoppable up front": a player's match
    r"|\s+was\s+(?:outstanding|unstoppable|immense|superb|magnificent|immovable|a\s+rock|a\s+brick\s+wall|"
    r"man\s+of\s+the\s+match|player\s+of\s+the\s+match)\b"
    r"|\s+(?:cleared|jumped|clocked|vaulted|threw|hurled|sprinted|romped|cruised|stormed)\b"
    # "Castle and Bird both scored two tries"
    r"|\s+and\s+(?-i:[A-Z])[\w'’-]+\s+(?:both\s+|each\s+)?(?:scored|netted|saved|bowled|took|grabbed|won)\b"
    r"|\s+(?:both|each)\s+(?:scored|netted|saved|bowled|took|grabbed|won)\b"
    # "a sandwich box with CHURCH on the lid": a child's name label
    r"|\s+(?:written\s+)?on\s+(?:the|its|a)\s+(?:lid|label|tag|front|back|inside|collar|sleeve|strap|handle)\b"
    r"|\s+by\s+name\b)",
    re.IGNORECASE,
)
_PERSON_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?-i:[A-Z])\.|\b(?:was|then)|:|\bwell\s+(?:rowed|bowled|batted|swum|struck|kept|caught|fielded|"
    r"jumped|sailed|ridden|raced|fought|sung|run)|\bwell\s+played|well\s+done|nice\s+one|great\s+work|top\s+effort|player\s+of\s+the\s+match|take\s+a\s+bow|hats\s+off\s+to|"
    r"shout[\s-]?outs?\s+to|(?:\.{3}|…)\s*(?:and\s+)?it['’]s|"
    r"(?:ten\s+out\s+of\s+ten|full\s+marks|top\s+marks|10/10)\s+for|"  # "Ten out of ten for Moss in today's cookery"
    # a role before the surname, as reports write it: "hat-trick hero Turner", "keeper Osei"
    r"\b(?:hero|heroine|keeper|goalkeeper|goalie|striker|captain|skipper|defender|midfielder|winger|"
    r"forward|batter|batsman|bowler|scorer|sprinter|anchor|star|debutant|substitute|sub)|"
    # players named by their position in a list: "shooters Church and Bell were unstoppable"
    r"\b(?:shooters|strikers|defenders|wingers|forwards|centres|props|openers|scorers|goalscorers)\s+"
    r"(?:(?-i:[A-Z])[\w'’-]+\s*(?:,|and|&)\s*)*|"
    r"man\s+of\s+the\s+match|woman\s+of\s+the\s+match|top\s+scorer|"
    r"(?:save|goal|try|tries|tackle|catch|header|finish|shot|pass|ball|effort|strike|run|innings|knock|wicket|spell|"
    r"performance|display|assist|block|interception|cross|dive|swim|jump|throw|curler|volley|chip|lob|debut|cameo|"
    r"bowling|batting|fielding|running|defending|goalkeeping|keeping|finishing|swimming|"
    r"screamer|cracker|rocket|thunderbolt|drive|penalty|free[\s-]kick|tap[\s-]in|winner|equaliser|hit|smash|"
    r"sprint|leap|flick|dribble|run-out|stumping|six|four|boundary|hat-trick|brace|double|treble|"
    # basketball's: "30 points from Banks", "a buzzer-beater from Gill"
    r"point|basket|buzzer-beater|three-pointer|dunk|lay-?up|rebound)s?\s+"
    r"(?:of\s+the\s+(?:season|match|day|week|game|tournament|year|term)\s+)?"
    # "What a catch at deep square leg from Swift": where on the field, then who
    # "Two goals in the last five minutes from Beach": when in the game, then who
    r"(?:(?:at|in|on|down|into)\s+(?:[\w-]+\s+){1,4}?)?(?:from|by)"
    # "Two from Marsh and one from Kamińska": goals counted, then who scored them
    r"|\b(?:one|two|three|four|five|six|another)\s+(?:more\s+)?(?:goals?\s+)?from"
    # "both goals came from Holiday": what was scored came from somebody
    r"|\b(?:goals?|tries|points|runs|saves|wickets)\b[^.!?]{0,30}?\b(?:came|come|coming)\s+(?:from|off\s+the\s+boot\s+of)"
    # "Hat-trick for Fox in the Year 4 match", "Man of the match in the league game goes to Richards"
    r"|\b(?:hat-trick|hat\s+trick|brace|century|fifty|clean\s+sheet|five-for)s?\s+(?:in\s+a\s+row\s+|on\s+the\s+trot\s+)?for"
    # "Tries for Hartley, Brook and Parsons": who scored them
    r"|\b(?:goals|tries|wickets)\s+for"
    # "Our P1 poet, wee Burns, recited two verses": a child of a year group described, then named
    r"|\b(?:our|the)\s+(?:year\s*\d+|yr\s*\d+|[yps]\d|reception)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+,\s*(?:wee|little|young)?"
    # "Three goals in the cup tie and two of them from Pope!": the scorer of some of them
    r"|\b(?:goals?|tries|points|runs|wickets|saves)\b[^.!?]{0,40}?\b(?:two|three|four|five|both|one|all|most|\d)\s+"
    r"of\s+(?:them|those|which|these)\s+(?:from|by)"
    # "Great pass to Preston and she buried it": a ball played to somebody
    r"|\b(?:pass|passed|passes|cross|crossed|ball|through[\s-]ball|lay-off|flick|offload|offloaded)\s+(?:\w+\s+)?to"
    # "Top score of the afternoon went to Best": the best of the day, given to somebody
    r"|\b(?:top|highest|best)\s+(?:score|scorer|total|time|mark)s?(?:\s+(?:of|in|for|at)\s+(?:the\s+)?[\w-]+){0,2}"
    r"(?=\s+(?:goes|went)\s+to\b)"
    r"|\b(?:(?:wo)?man|player|star)\s+of\s+the\s+match\s+(?:in|at|for|against|v|vs)\s+[^.!?:]{0,40}?\s+(?:goes|went)\s+to"
    # "Gold in the boccia at the regional Panathlon goes to Rainford!": a medal or a prize given to somebody
    r"|\b(?:gold|silver|bronze|first\s+place|the\s+(?:trophy|medal|cup|award|prize|shield))\b[^.!?:]{0,60}?\s+(?:goes|went)\s+to)"
    # "Man of the match goes to King": an award given to somebody
    r"(?:\s+(?:goes\s+to|went\s+to|is|was|has\s+to\s+be|must\s+be))?\s*(?:[:,]|!+)?\s*#?$",  # "Take a bow, #Mensah"  # "Hat-trick hero! Price was unstoppable"
    re.IGNORECASE,
)


_THING_BEFORE = re.compile(
    r"\b(?:the|a|an|to|at|in|near|from|into|visit|visiting|visited|around|towards|via|through)\s*$",
    re.IGNORECASE,
)
_IN_A_CLASS = re.compile(r"^\s+(?:in|from)\s+")
_OF_A_PLACE = re.compile(
    r"\b(?:battle|battles|siege|treaty|fire|plague|duke|duchess|earl|countess|king|queen|prince|princess|"
    r"bishop|archbishop|mayor|lord|lady|isle|city|town|county|university|port|bay|vale|mount|vicar|"
    r"dean|baron|marquess|viscount|archdeacon|club|society|rotary|lions|bank|diocese|borough)\s+of\s+$",
    re.IGNORECASE,
)
# A song sung or heard: "the loudest ever rendition of 'Trelawny'".
_SONG_WORDS = re.compile(
    r"\b(?:sing|sings|singing|sang|sung|rendition|song|hymn|anthem|carol|tune|chorus|shanty|shanties)\b",
    re.IGNORECASE,
)
# A place's name made of a person's and a place noun: "Bishop's Castle", "Lady's Well", "Castle Donington".
_PLACE_NOUNS = frozenset(
    [
        "castle",
        "stortford",
        "bridge",
        "well",
        "wood",
        "hill",
        "green",
        "cross",
        "end",
        "park",
        "field",
        "fields",
        "court",
        "abbey",
        "hall",
        "lane",
        "street",
        "road",
        "moor",
        "heath",
        "common",
        "cove",
        "bay",
        "head",
        "point",
    ]
)
_FAMILY_AFTER = re.compile(r"^\s+(?:family|families|household|clan|road|street)\b", re.I)
# A surname in no list, made a person only by a report's wording: "Player of the match was Kowalczyk".
_PLAIN_NAME = re.compile(r"[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?")
_NAMED_AS_PLAYER = re.compile(
    r"(?:\bplayer\s+of\s+the\s+match(?:\s+was)?|\bgoals?\s+from|\btries\s+from|\bwell\s+(?:played|done)(?:\s+to)?|"
    r"\bhat-trick\s+hero|\bkeeper|\bgoalkeeper|\bcaptain|\bstriker)\s*[:,]?\s*$",
    re.IGNORECASE,
)
_SPORT_AFTER = re.compile(
    r"^\s+(?:scored|netted|saved|struck|bowled|batted|slotted|fired|smashed|headed|converted|equalised|levelled)\b",
    re.IGNORECASE,
)
# "... and Chandler even knew the capital of Mongolia": a verb in the past after a capitalised word
# in mid-sentence (where an ordinary word would be in lower case).
# (also the names' reading of a word-name that did something: "Amber spotted a mistake")
DID_SOMETHING = re.compile(
    r"^\s+(?:(?:even|also|then|finally|just|really|somehow|actually|still|absolutely|totally|completely|simply|"
    r"truly|brilliantly|beautifully|confidently|calmly|bravely)\s+)?"
    r"(?:(?-i:[a-z]+ed)|" + IRREGULAR_PAST + r"|knew)\s+(?:(?:up|out|off|in|down|over|back)\s+)?"
    r"(?:a|an|the|his|her|their|it|every|everyone|everybody|all|\d|two|three|four|five|six|twice|both)\b"
    # a kindness done: "Sunday stayed behind after the concert to help stack every chair"
    r"|^\s+(?:stayed\s+(?:behind|late\s+to)|volunteered\s+to|offered\s+to|helped\s+(?:out|to))\b",
    re.IGNORECASE,
)
# Festivals, which a post names far more often than a pupil of that surname ("Merry Christmas!").
_FESTIVALS = frozenset(
    [
        "christmas",
        "easter",
        "halloween",
        "diwali",
        "eid",
        "hanukkah",
        "advent",
        "lent",
        "ramadan",
        "pentecost",
        "whitsun",
        "epiphany",
        "passover",
        "vaisakhi",
        "holi",
        "navratri",
        "candlemas",
        "michaelmas",
        "harvest",
    ]
)
# Before a possessive, a word that makes it a thing's ("the sparrow's nest", "a potter's wheel").
_DETERMINED = re.compile(
    r"\b(?:the|a|an|this|that|these|those|our|your|their|his|her|its|my|every|each|one|any|no)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
# Words whose possessive needs no "the" ("Winter's first frost", "Nature's colours"): not a person.
_MASS_WORDS = frozenset(
    [
        "valentine",
        "mother",
        "father",
        "winter",
        "summer",
        "spring",
        "autumn",
        "frost",
        "snow",
        "rain",
        "sun",
        "love",
        "hope",
        "faith",
        "joy",
        "peace",
        "nature",
        "time",
        "life",
        "history",
        "heaven",
        "earth",
        "world",
        "mother",
        "father",
        "today",
        "tomorrow",
        "tonight",
        "christmas",
        "easter",
        "science",
        "music",
        "art",
    ]
)
# Words that do things as institutions, without "the": "Church opened its doors", "Parliament passed".
_INSTITUTIONS = frozenset(
    [
        "church",
        "school",
        "parliament",
        "council",
        "government",
        "chapel",
        "science",
        "history",
        "art",
        "nature",
        "police",
        "congress",
        "england",
        "wales",
        "scotland",
        "britain",
        "town",
        "city",
        "village",
        "everton",
    ]
)
_SCORE_AFTER = re.compile(r"\s+\d{1,3}(?:\s*[,;!.]|\s*$|\s*[-–]\s*\d)")
_A_MATCH_SCORE = re.compile(
    r"\b(?:final\s+score|score\s+line|full[\s-]time|ft|final\s+result|result)\b\s*[:!-]", re.I
)
_TALLY = re.compile(
    r"\b(?:scorers?|goals?|tries|try|wickets?|points?|runs?|assists?|saves?|baskets?)\b", re.I
)


def in_a_score_line(norm: str, start: int, end: int) -> bool:
    """Whether a name is a side in a match's score: "Final score: St Walstan's 3, Drayton 2!" (not a
    player's tally: "Scorers: Patel 2, Bell 1")."""
    if _SCORE_AFTER.match(norm, end) is None:
        return False
    before = norm[max(0, start - 50) : start]
    line = before[max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind("\n")) + 1 :]
    return bool(_A_MATCH_SCORE.search(line)) and not _TALLY.search(line)


# A plural noun straight after: the word describes things ("Tudor houses"), unless it is a verb.
_ATTRIBUTIVE = re.compile(
    r"^\s+(?:red|blue|green|yellow|pink|purple|orange|black|white|grey|gray|gold|silver|brown)\b"  # "Ferrari red"
    r"|^\s+(?!(?:scores|saves|wins|takes|makes|runs|gets|has|is|was|does|goes|leads|hits|kicks|bowls|catches|dives|"
    r"finishes|nets|plays|reads|writes|sings|swims|draws|paints|bakes|loves|says|shows|helps|tries|joins|"
    r"celebrates|turns|starts|needs|wants)\b)(?-i:[a-z]{2,}s)\b(?!['’])",
    re.IGNORECASE,
)
# A thing named after somebody: "our Shakespeare workshop", "the Darwin project".
NAMED_EVENT_NOUNS = (
    r"workshop|day|week|festival|project|topic|unit|assembly|lesson|club|competition|quiz|trail|"
    r"exhibition|performance|production|anthology|sonnet|sonnets|play|plays|museum|centre|prize|award|medal|"
    r"lecture|trust|foundation|memorial|statue|house"
)
_NAMED_EVENT_AFTER = re.compile(r"^\s+(?:" + NAMED_EVENT_NOUNS + r")\b")
# Things named after a famous person, which a pupil's surname may share.
_EPONYMS = frozenset(
    [
        ("lamb", "tails"),  # catkins
        ("shepherd", "pie"),
        ("shepherds", "pie"),
        ("bramley", "apple"),
        ("bramley", "apples"),
        ("hunter", "moon"),
        ("lamb", "tail"),
        ("newton", "cradle"),
        ("newton", "third"),
        ("newton", "first"),
        ("newton", "second"),
        ("newton", "cradles"),
        ("newton", "laws"),
        ("newton", "law"),
        ("darwin", "finches"),
        ("darwin", "theory"),
        ("halley", "comet"),
        ("pascal", "triangle"),
        ("hooke", "law"),
        ("murphy", "law"),
        ("ohm", "law"),
        ("noah", "ark"),
        ("jacob", "ladder"),
        ("achilles", "heel"),
        ("pandora", "box"),
        ("rubik", "cube"),
        ("mendel", "peas"),
    ]
)


def _next_word(after: str) -> str:
    m = re.match(r"^(?:['’]s)?\s+([a-z]+)", after)
    return m.group(1) if m else ""


# Languages a school post names ("in French", "learnt in Urdu"): one list for every rule that reads
# them (no place, no misspelling in a sentence that says so, no surname).
LANGUAGES = [
    "English",
    "Welsh",
    "Irish",
    "Scottish",
    "Gaelic",
    "French",
    "German",
    "Dutch",
    "Polish",
    "Spanish",
    "Italian",
    "Portuguese",
    "Greek",
    "Latin",
    "Romanian",
    "Ukrainian",
    "Russian",
    "Turkish",
    "Urdu",
    "Arabic",
    "Punjabi",
    "Bengali",
    "Hindi",
    "Gujarati",
    "Tamil",
    "Mandarin",
    "Chinese",
    "Japanese",
    "Somali",
    "Yoruba",
    "Igbo",
    "Swahili",
    "Makaton",
    "BSL",
]
LANGUAGE_NAMES = "|".join(LANGUAGES)
# Languages, peoples and faiths that are also surnames ("English", "Islam", "French", "Welsh").
_LANGUAGES_AND_FAITHS = frozenset(fold(w) for w in LANGUAGES) | frozenset(
    ["scots", "british", "islam", "hindu", "sikh", "christian", "jewish", "buddhist", "catholic", "roman"]
)
# Shops named after a person ("Sainsbury's in Rainhill", "thanks to Morrisons"): a business, not a pupil.
_SHOPS = frozenset(
    [
        "sainsbury",
        "mcdonald",
        "morrison",
        "harrod",
        "selfridge",
        "waterstone",
        "domino",
        "nando",
        "dunelm",
        "boot",
    ]
)
_BRANCH_AFTER = re.compile(r"^\s+(?:in|on|at|of)\s+[A-Z]|^\s+(?:store|shop|supermarket|branch|cafe|café)\b")
DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
DAYS_AND_MONTHS = DAYS | MONTHS
_BUSINESS_AFTER = re.compile(
    # "the ducks at Bowen's farm", "a raffle prize from Pugh's garage": a family's business or land
    r"^['’]s?\s+(?:farm|farms|garage|shop|bakery|butchers?|cafe|café|dairy|mill|chippy|pub|inn|hotel|stores?|salon|"
    r"surgery|pharmacy|chemist|coaches|taxis|haulage|builders|nursery|garden\s+centre|orchard|vineyard|quarry)\b|"
    r"^['’]s\s+of\s+(?-i:[A-Z])|^(?:['’]s?)?\s+(?-i:[A-Z])[a-z]+(?<!Roman)(?<!Viking)(?<!Tudor)(?<!Egyptian)(?<!Greek)(?<!Victorian)\b"
)
# (a sports report's compound too: "Ireland top-scored for our Year 11 boys")
_PAST_VERB_AFTER = re.compile(
    r"^\s+(?:(?:top|high|man|double|hat)-)?(?:(?-i:[a-z]{2,}ed)|" + IRREGULAR_PAST + r")\b", re.IGNORECASE
)
_VERB_AFTER = re.compile(r"^\s+(?:has|had|is|was|and|played|got|did)\b", re.IGNORECASE)


# Two capitals that are a word of their own, not a child's initials: "VE Day", "PE Week", "the UK Parliament".
_TWO_LETTER_WORDS = frozenset(
    [
        "VE",
        "VJ",
        "PE",
        "RE",
        "DT",
        "IT",
        "UK",
        "US",
        "EU",
        "UN",
        "TV",
        "FA",
        "GB",
        "PM",
        "AM",
        "HQ",
        "ID",
        "OK",
        "DJ",
        "MC",
        "PR",
        "UV",
        "CD",
        "DC",
        "NY",
        "LA",
        "BC",
        "AD",
        "GP",
        "MP",
    ]
)


def part_of_longer_name(
    text: PostText, tokens: list[Token], i: int, ordinary: Callable[[str], bool] | None = None
) -> bool:
    """Whether the word is joined to a capitalised neighbour mid-sentence ("Swan Lake"), or, with
    ``ordinary``, to a first word of a sentence that is no ordinary word ("Sherlock Holmes has ...")."""
    tok, norm = tokens[i], text.text
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    sentence_start = text.sentence_bounds[tok.sentence][0]
    if (
        prev is not None
        and _joins(prev)
        and prev.sentence == tok.sentence
        and norm[prev.nend : tok.nstart] == " "
        # not a child's initials before the surname: "What a season for KJ Ansah, our top scorer"
        and not (
            len(prev.text) == 2
            and prev.text.isupper()
            and prev.text.isalpha()
            and not prev.hashtag
            and prev.text not in _TWO_LETTER_WORDS
            and tok.key not in _MASS_WORDS
        )
        and (
            norm[max(sentence_start, prev.nstart - 40) : prev.nstart].strip()
            or (
                ordinary is not None
                and len(prev.key) > 2
                and not prev.hashtag
                and prev.text[1:].islower()  # "Sherlock", not "MVP Pollard was unstoppable"
                and not ordinary(prev.key)
            )
        )
    ):
        return True
    return (
        nxt is not None
        and not tok.possessive
        and _joins(nxt)
        and nxt.sentence == tok.sentence
        and norm[tok.nend : nxt.nstart] == " "
    )


# Words that join no name even in capitals: "FRIDAY WITH THE HEADER" is shouted, not "Friday With".
_SHOUTED_SMALL_WORDS = frozenset(
    [
        "with",
        "the",
        "in",
        "and",
        "is",
        "was",
        "on",
        "at",
        "for",
        "to",
        "of",
        "a",
        "an",
        "from",
        "by",
        "has",
        "have",
        "scores",
        "scored",
        "wins",
        "won",
        "what",
    ]
)


def _joins(tok: Token) -> bool:
    """A capitalised neighbour that may be part of one name with the word beside it."""
    return tok.is_capitalised and not (tok.text.isupper() and tok.key in _SHOUTED_SMALL_WORDS)


# Universities in a list of offers or places: "41 university offers so far, including Durham, York and Warwick".
_UNIVERSITIES_BEFORE = re.compile(
    r"\b(?:offers?|places?|interviews?|universit(?:y|ies)|unis?)\b(?:\s+[\w'’]+){0,3}?\s*,?\s+(?:from|at|including|to|"
    r"like|such\s+as)\s+(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s*(?:,|and|&)\s*)*$",
    re.IGNORECASE,
)


def surnames_alone(
    text: PostText,
    tokens: list[Token],
    roster: Roster,
    used: set[int],
    ordinary: Callable[[str], bool],
    unknown: Callable[[str], bool] | None = None,
    place: Callable[[str], bool] | None = None,
) -> list[tuple[Token, bool]]:
    """Surnames written on their own as a person ("Fenwick's penalty save"), and whether on the roster.

    ``used`` holds the token starts already read as part of a full name or a title;
    ``ordinary`` tells a folded surname that is also an ordinary word (West, Swan), which needs
    the wording to make it a person; it is asked only about surnames the post contains.
    ``place`` tells a town or a country ("Wales", "Barry"): like an ordinary word, a person only where the
    wording makes one, or where a verb in the past follows it ("Chester argued so well that ...").
    ``unknown`` tells a capitalised word that is no English word and no known first name: where the
    wording makes it a person, as a match report does ("Player of the match was Kowalczyk, who
    never stopped running"), it is a child's surname though the child is not on the roster.
    """
    norm = text.text
    out: list[tuple[Token, bool]] = []
    for i, tok in enumerate(tokens):
        key = tok.key
        if tok.nstart in used or key in roster.by_first:
            continue  # a pupil's first name too: the name analysis reads it
        if key not in roster.by_surname:
            if (
                unknown is not None
                and not tok.hashtag
                and _PLAIN_NAME.fullmatch(tok.text.removesuffix("'s").removesuffix("’s"))
                and (
                    _NAMED_AS_PLAYER.search(norm[max(0, tok.nstart - 40) : tok.nstart])
                    # a sporting verb, not ", who" (an unusual first name is written so too)
                    or _SPORT_AFTER.match(norm[tok.nend : tok.nend + _WINDOW])
                )
                and not _TITLE_BEFORE.search(norm[max(0, tok.nstart - 40) : tok.nstart])
                and not part_of_longer_name(text, tokens, i)
                and unknown(key)  # last: it may load the dictionary
            ):
                out.append((tok, False))
            continue
        if not tok.is_capitalised or _TITLE_BEFORE.search(norm[max(0, tok.nstart - 40) : tok.nstart]):
            continue
        if tok.hashtag and i + 1 < len(tokens) and tokens[i + 1].hashtag and tokens[i + 1].nstart == tok.nend:
            continue  # the "Young" of #YoungLeaders: a hashtag's word with more words after it
        if (
            tok.hashtag
            and key not in roster.class_names  # "#WellDoneOak": the class, cheered
            and HASHTAG_CHEER.search(split_hashtag(norm[max(0, tok.nstart - 40) : tok.nstart]))
        ):
            out.append((tok, True))  # "#WellDoneChester": a cheer for somebody
            continue
        if tok.hashtag and norm[tok.nstart - 1 : tok.nstart].isalpha():
            continue  # the "Day" of #WorldBookDay: part of the hashtag's words, not a name of its own
        if part_of_longer_name(text, tokens, i, ordinary):
            continue  # "Victoria Park", "Swan Lake", "Ola Swan", "Sherlock Holmes has nothing on them"
        before = norm[max(0, tok.nstart - 40) : tok.nstart]
        if _OF_A_PLACE.search(before):
            continue  # "the Battle of Hastings", "the Duke of Wellington": a place, a title
        if (
            tok.nstart > 0
            and norm[tok.nstart - 1] in "'‘\"“"
            and norm[tok.nend : tok.nend + 1] in ("'", "’", '"', "”")
            and _SONG_WORDS.search(norm[max(0, tok.nstart - 60) : tok.nend + 60])
        ):
            continue  # "singing 'Trelawny' by the lifeboat station": a song's title
        if re.search(r"\bbetween\s+(?:(?-i:[A-Z])[\w'’-]+\s+){0,3}(?:and\s+)?$", before) or (
            re.search(r"\bbetween\s+$", before)
            and re.match(r"\s+and\s+(?-i:[A-Z])", norm[tok.nend : tok.nend + 12])
        ):
            continue  # "power lines down between Hawes and Bainbridge": two places
        if re.search(
            r"\b(?:bus|buses|coach|coaches|train|trains|route|routes|minibus)\b[^.!?]{0,25}\bfrom\s+"
            r"(?:(?-i:[A-Z])[\w'’-]+\s*(?:,|and|&)\s*)*$",
            before,
            re.IGNORECASE,
        ) or re.match(
            r"\s+(?:road|lane|bus|buses|junction|roundabout|bypass|turn-?off|beach|bay|pier|sands|promenade|prom|"
            r"harbour|common|woods|green|station|market|reservoir|quarry)\b",
            norm[tok.nend : tok.nend + 14],
        ):
            continue  # "Buses 4 and 11 from Wooler and Belford are late", "the Wooler road": the town
        if re.match(r"\s+on\s+(?:the|a)\s+map\b", norm[tok.nend : tok.nend + 20]):
            continue  # "find Lincoln on the map": a place
        if re.match(r"\s+for\s+the\s+(?-i:[A-Z])", norm[tok.nend : tok.nend + 20]):
            continue  # "Riding for the Disabled sessions": an organisation's name
        if _UNIVERSITIES_BEFORE.search(norm[max(0, tok.nstart - 80) : tok.nstart]):
            continue  # "23 offers from Durham, York and Warwick": universities
        if re.search(r"\b(?:show|production|musical|play|pantomime|panto)\s*[,:]\s*$", before, re.IGNORECASE):
            continue  # "Our Year 6 leavers' show, Oliver!, had a packed hall": the show's title
        if key in ("gold", "silver", "bronze") and re.match(
            r"\s+(?:for|medal|medals|award)\b", norm[tok.nend : tok.nend + 20]
        ):
            continue  # "Gold for Amelia and silver for Patience": a medal

        after = norm[tok.nend : tok.nend + _WINDOW]
        if tok.possessive and not after.startswith(("'", "’")):
            after = "'s" + after
        elif tok.possessive and not after.startswith(("'s", "’s")):
            after = "'s" + after[1:]  # "Fields' winning throw", read as "Fields's winning throw"
        if _IN_A_CLASS.match(after) and in_roster_class(after, roster.class_names):
            out.append((tok, True))  # "Hart in Eagles had the whole hall laughing": a child placed in a class
            continue
        if key + "s" in roster.class_names and not tok.possessive:
            continue  # "our smallest Sparrow": one of the Sparrows class, not a surname (but "Park's penalty")
        if tok.possessive and (key in _SHOPS or _BRANCH_AFTER.match(norm[tok.nend : tok.nend + 40])):
            continue  # "Sainsbury's in Rainhill": a shop
        if tok.possessive and (
            (place_word := re.match(r"(?:['’]s?)?\s+((?-i:[A-Z])[a-z]+)\b", norm[tok.nend : tok.nend + 20]))
            is not None
            and fold(place_word.group(1)) in _PLACE_NOUNS
        ):
            continue  # "Bishop's Castle market square", "lost narrowly to Bishop's Castle": a town's name
        if (
            tok.possessive
            and re.search(r"\b(?:at|from|into|outside)\s+$", before)
            and re.match(
                r"(?:['’]s?)?\s*(?:[,.!?;:)]|$|(?:and|or|on|for|to|this|today|yesterday|earlier)\b)",
                norm[tok.nend : tok.nend + 14],
            )
        ):
            continue  # "They paid for the bananas themselves at Greenwood's and said thank you": a shop, named alone
        if (
            (tok.possessive or norm[tok.nend : tok.nend + 1] in ("'", "’"))
            and _BUSINESS_AFTER.match(norm[tok.nend : tok.nend + 30])
            and not _PERSON_AFTER.match(
                "'s" + norm[tok.nend : tok.nend + _WINDOW].removeprefix("'s").removeprefix("’s")
            )
        ):
            continue  # "Dave from Hill's Haulage", "Fox's Biscuits": a business named after a family
        if in_a_score_line(norm, tok.nstart, tok.nend):
            continue  # "Final score: St Walstan's 3, Drayton 2!": the other side, by its name
        mid_sentence = bool(norm[text.sentence_bounds[tok.sentence][0] : tok.nstart].strip())
        as_person = bool(
            (
                (mid_sentence or (key not in _MASS_WORDS and key not in _INSTITUTIONS))
                and not tok.possessive
                and DID_SOMETHING.match(after)
            )
            or _PERSON_AFTER.match(after)
            # spoken to: "Year 5 boys, what a performance. Stokes, your relay leg was unbelievable!"
            or (
                not mid_sentence
                and not tok.possessive
                and not (place is not None and place(key))  # "Whitby, you were gorgeous": a town spoken to
                and re.match(r",\s+(?:your|you)\b", after) is not None
            )
            or _PERSON_BEFORE.search(norm[max(0, tok.nstart - 70) : tok.nstart])
            # "Sparrow's kite flew highest": a word's possessive with no "the" before it is a name's
            or (
                tok.possessive
                and not tok.hashtag
                and key not in _MASS_WORDS
                and key not in DAYS_AND_MONTHS  # "Friday's cake sale raised £186"
                and not _DETERMINED.search(before)
                and re.match(r"^'s\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*", after)
                is not None
            )
        )
        if tok.possessive and re.match(
            r"['’]s?\s+(?:statue|grave|tomb|monument|birthplace|memorial)\b", after
        ):
            continue  # "Drake's statue on the Hoe": somebody of history, remembered in a place
        if tok.possessive and (key, _next_word(after)) in _EPONYMS:
            continue  # "Darwin's finches", "Newton's cradles": things named after a famous person
        if _NAMED_EVENT_AFTER.match(after) and not tok.possessive:
            continue  # "our Shakespeare workshop", "a Darwin day": a thing named after somebody
        if _ATTRIBUTIVE.match(after) and not _PERSON_AFTER.match(after):
            continue  # "building Tudor houses", "Victorian toys": a word describing things
        if key in _LANGUAGES_AND_FAITHS and not _PERSON_AFTER.match(after):
            continue  # "spoke no English", "learning about Islam": a language or a faith
        if ordinary(key) and not tok.hashtag and re.search(r"\b(?:the|a|an)\s+$", before, re.IGNORECASE):
            continue  # "the Bishop visited": a word (here a title), not a surname
        if tok.hashtag or ordinary(key) or key in DAYS_AND_MONTHS or key in _FESTIVALS:
            # West, Swan, Little, Friday: a person only where the wording makes one.
            if not as_person:
                continue
        elif place is not None and place(key):
            # Wales, Barry, Preston: the same, though a verb in the past straight after is somebody's doing
            if not (as_person or (not tok.possessive and _PAST_VERB_AFTER.match(after))) or (
                # "the garden centre in Rainford, who donated forty lavender plants": the town
                re.search(
                    r"\b(?:in|at|near|from|around|outside|of)\s+$"
                    # "Destiny, who runs for Kent in the English Schools' final": the county she runs for
                    r"|\b(?:runs?|ran|running|plays?|played|playing|swims?|swam|swimming|competes?|competed|competing|"
                    r"selected|chosen|picked|caps?|capped)\s+for\s+$|\brepresent(?:s|ed|ing)?\s+$",
                    before,
                )
                and not tok.possessive
                and not _PERSON_BEFORE.search(norm[max(0, tok.nstart - 70) : tok.nstart])
            ):
                continue
        elif not (as_person or tok.possessive or _VERB_AFTER.match(after)) and (
            _THING_BEFORE.search(before) or _FAMILY_AFTER.match(after)
        ):
            # A surname that is no English word, alone, is a person ("Full marks for Afolabi");
            # not after "the" ("the Oyelaran trophy"), a place preposition ("a trip to Preston"),
            # or before "family" or "household".
            continue
        out.append((tok, True))
    return out


# --- when a sentence happens -------------------------------------------------------------------


class Tense(StrEnum):
    """When a sentence happens."""

    PAST = "past"
    NOW = "now"
    FUTURE = "future"
    NONE = "none"


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:{_WEEKDAY}\s+{_ORD}(?:\s+(?:of\s+)?{_MONTH})?|{_ORD}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_ORD}\b"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)",
    re.IGNORECASE,
)
# A time ahead that a stranger could act on: the sentence will happen then.
FUTURE_TIME = re.compile(
    rf"\b(?:tomorrow|tmrw|tmw|2moro|2morrow|tomoz|later\s+(?:today|this\s+(?:morning|afternoon|evening|week|weekend|{_WEEKDAY})|on)|this\s+(?:coming\s+)?(?:{_WEEKDAY}|weekend)"
    rf"|next\s+(?:{_WEEKDAY}|week|weekend)|(?:straight\s+)?after\s+(?:the\s+)?(?:holiday|holidays|half[\s-]term|"
    rf"break|easter|christmas)|in\s+(?:a\s+few|two|three|\d+)\s+days"
    # "should reach Hangingstone Hill within the hour", "in about twenty minutes"
    rf"|within\s+(?:the|an|the\s+next)\s+(?:hour|half\s+hour)"
    rf")\b",
    re.IGNORECASE,
)
# Later today, or earlier today when the verb is in the past: "sang at the Town Hall tonight".
_LATER_TODAY = re.compile(r"\b(?:tonight|this\s+evening)\b", re.IGNORECASE)
# Further ahead, too vague to act on, but still the future: "next term".
_LATER = re.compile(
    r"\b(?:next\s+(?:month|term|half[\s-]term|year)|later\s+(?:this|in\s+the)\s+(?:month|term|year)|soon|"
    r"in\s+(?:the\s+)?(?:spring|summer))\b",
    re.I,
)
_FUTURE_VERB = re.compile(
    r"\b(?:will|'ll|shall|going\s+to|off\s+to|heading\s+(?:to|off|for|out)|are\s+off|is\s+off|"
    # "and are due at camp in Slaidburn by 4:30"
    r"(?:is|are)\s+due\s+(?:at|in|to|by|into)\b|"
    # (not "didn't want them to leave": a wish about somebody else's going)
    r"set\s+off|(?<!\bon\s)(?<!\bmaternity\s)(?<!\bsick\s)(?<!\bannual\s)(?<!\bthem\sto\s)(?<!\bus\sto\s)leave|"
    # "loved meeting the lambs": a meeting that happened
    r"(?<!\bloved\s)(?<!\benjoyed\s)(?<!\bliked\s)(?<!\bafter\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"(?<!\bmemories\s\bof\s)meeting|"
    # the verb, not autumn's ("collected conkers and the crunchiest leaves")
    r"(?<!\bthe\s)(?<!\bof\s)(?<!\band\s)(?<!\bwith\s)(?<!\bautumn\s)(?<!\bfallen\s)(?<!\bdry\s)(?<!\bdead\s)"
    r"(?<!\bred\s)(?<!\bgreen\s)(?<!\bgolden\s)(?<!\bcrunchy\s)(?<!est\s)(?<!\btea\s)(?<!,\s)leaves(?!\s*(?:,|and\b|&))|"
    r"depart|departs|meet|kick[\s-]*off|kicks\s+off|starts|begins|"
    r"look\s+out\s+for|come\s+(?:and|along|down)|give\s+(?:us|them)\s+a\s+wave|cheer\s+(?:us|them)\s+on|"
    r"see\s+you\s+(?:at|there|on|in)|about\s+to|good\s+luck|"
    # "have been practising really hard for the Christmas concert at St Mark's Church on Tuesday"
    r"(?:practising|preparing|rehearsing|getting\s+ready|training)\s+(?:[\w-]+\s+){0,3}?for\s+(?:the|our|their)\s+|best\s+of\s+luck|"
    # "has been chosen to lead the parade" is ahead; "was chosen to ring the bell today" has happened
    r"(?<!\bwas\s)(?<!\bwere\s)(?:chosen|selected|picked|invited|asked)\s+to\s+(?!be\b)\w+)\b",
    re.IGNORECASE,
)
# Words in -ing that describe rather than do: "the view is amazing" says nothing of now.
_ING_ADJECTIVES = (
    r"amazing|exciting|interesting|outstanding|inspiring|stunning|charming|boring|amusing|fascinating|"
    r"challenging|rewarding|encouraging|exhausting|entertaining|tiring|thrilling|refreshing|overwhelming|"
    r"pleasing|astonishing|surprising|disappointing|worrying|upsetting|missing|willing|welcoming|caring|"
    r"loving|understanding|engaging|compelling|striking|touching|moving|fitting|befitting|deserving|"
    r"everything|nothing|something|anything|king|thing|string|spring|during|following|according|"
    r"going|coming|ongoing|forthcoming|upcoming|incoming|outgoing|bring|ring|wing|sing|sling|swing|"
    r"heartwarming|heart-warming|awe-inspiring|mind-blowing|jaw-dropping|eye-opening|breathtaking|"
    r"booming|blooming|flourishing|thriving|glowing|sparkling|shining|dazzling|gripping|riveting|"
    r"humbling|uplifting|calming|soothing|relaxing|annoying|frightening|terrifying|confusing|"
    r"appealing|alarming|shocking|promising|lasting|outstanding|living|ageing|aging|raising|"
    # talk and thought, which say nothing of where: "Year 4 are still talking about the Angel of the North"
    r"talking|thinking|chatting|buzzing|reeling|recovering|comparing|researching|reading|writing|studying|"
    r"planning|preparing|counting|hoping|wondering|dreaming|remembering|missing|looking\s+forward"
)
_NOW = re.compile(
    r"\b(?:right\s+now|now|currently|at\s+the\s+moment|just\s+arrived|"
    r"(?:we're|we\s+are|they're|they\s+are)\s+(?:(?:finally|now|all|safely)\s+)*here|"
    r"(?:have|has|'ve)\s+(?:(?:just|safely|finally|now)\s+)*(?:arrived|landed|reached|pulled\s+in|pulled\s+over|"
    r"stopped|dropped\s+(?:us|them|everyone|the\s+(?:children|class|team|pupils))(?:\s+off)?|"
    # "we've moved on to the Egyptian galleries until 2:30": there now, until a time
    r"(?:moved|headed|gone)\s+(?:on\s+)?(?:to|into|over\s+to)\b(?=[^.!?]{0,80}\b(?:until|till|til)\s+\d))|made\s+it(?!\s+(?:to\s+the\s+(?:top|summit|end|finish)|all\s+the\s+way)\b)|(?:greetings|hello|hi|live|waves?|good\s+(?:night|morning|afternoon|evening))\s+from|"
    r"(?:are|'re|is|(?<=\w\s)r)\s+(?:(?:\w+ly|safe\s+and\s+sound|safe|all|now|still|busy|tucked\s+up|settled(?:\s+in)?|"
    r"asleep|in\s+bed)\s+(?:and\s+)?)*(?:having|"
    r"enjoying|exploring|visiting|walking|climbing|watching|"
    r"doing|making|building|playing|eating|sitting|singing|learning|spending|taking|trying|paddling|"
    r"swimming|looking|heading|travelling|on\s+(?:our|their)\s+way|at|in|on|"
    # any doing word: "Falcon Class are zip-wiring first", "P5 are abseiling" (not "is amazing")
    r"(?!(?:" + _ING_ADJECTIVES + r")\b)[a-z][a-z-]*[a-z]ing))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    # thanks and praise for what is done: "thank you to Reverend Jo for leading our service",
    # "great effort from Year 4 in the gala today", "well done to our netball team"
    r"\bthank(?:s|\s+you)\s+(?:[@\w'’-]+,?\s+){0,10}?for\s+(?:\w+ing|all|your|their|a|an|the|this|that|today's|"
    r"yesterday's|this\s+\w+['’]s)\b|"
    r"\b(?:efforts?|performances?|work|display|result)\s+(?:from|by|at)\b|\bwell\s+done\b|\bcongratulations\b|"
    r"\b(?:so|very|really|incredibly)\s+proud\s+of\b|"
    r"\bwhat\s+an?\s+(?:[\w-]+\s+){0,3}?(?:effort|performance|day|time|game|match|result|show|evening|set|gig|race|"
    r"morning|afternoon|week|start|finish|win|display|turnout|occasion)\b|"
    r"\b(?:had|was|were|went|visited|enjoyed|loved|yesterday|last\s+(?:week|night|term|\w+day)|"
    r"has\s+been|have\s+been|returned|got\s+back|came\s+back|finished|spent|did|saw|watched|took|"
    r"played|won|lost|learnt|learned|made|built|explored|didn['’]t|did\s+not|couldn['’]t|wasn['’]t|weren['’]t)\b",
    re.IGNORECASE,
)


# Any verb in the past: a word in -ed or a common irregular past form, used as the verb of the
# sentence (not after "is", "are", "be" or "to", where it is an adjective or a passive: "are excited
# to visit", "is planned for Friday"). Forms that are also the present ("read", "put") are left out.
_PAST_FORM = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bget\s)(?<!\bgot\s)(?<!\bto\s)"
    r"(?<!\bam\s)(?<!'re\s)(?<!'s\s)(?<!\bfeel\s)(?<!\bfeeling\s)(?<!\blook\s)(?<!\blooking\s)"
    r"\b(?:(?-i:[a-z]{2,})(?<!need)(?<!feed)(?<!speed)(?<!seed)(?<!bleed)(?<!breed)(?<!proceed)(?<!exceed)"
    r"(?<!succeed)ed|"
    + "|".join(
        w for w in IRREGULAR_PAST.split("|") if w not in {"read", "put", "cut", "set", "let", "hit", "shut"}
    )
    + r")\b",
    re.IGNORECASE,
)
_PAST_FORM = at_word_starts(_PAST_FORM)  # the same matches, tried only where a word starts
# Words in -ed that are mostly adjectives, whatever comes before: "We're so excited".
_ED_ADJECTIVES = frozenset(
    [
        "excited",
        "delighted",
        "thrilled",
        "pleased",
        "interested",
        "invited",
        "prepared",
        "scheduled",
        "planned",
        "booked",
        "confirmed",
        "organised",
        "organized",
        "arranged",
        "expected",
        "required",
        "needed",
        "advised",
        "reminded",
        "supervised",
        "accompanied",
        "based",
        "located",
        "called",
        "named",
        "closed",
        "allowed",
        "welcomed",
        "tired",
        "talented",
        "gifted",
        "dedicated",
        "detailed",
        "limited",
        "reserved",
        "packed",
        "crowded",
        "supposed",
        "used",
        "red",
        "bed",
        "shed",
        "wed",
        "hundred",
        "kindred",
        "sacred",
        "naked",
        "wicked",
    ]
)


def _has_past_verb(sentence: str) -> bool:
    return any(
        m.group(0).lower() not in _ED_ADJECTIVES
        and not sentence[max(0, m.start() - 8) : m.start()].lower().endswith("fingers ")  # "fingers crossed"
        for m in _PAST_FORM.finditer(sentence)
    )


_MOVED_TO_A_DAY = re.compile(
    rf"\b(?:(?:moved|changed|rearranged|postponed|put\s+back|brought\s+forward|rescheduled)\s+(?:to|until|till)|"
    # "The Year 8 trip to Alton Towers has been confirmed for Friday 3rd July"
    rf"(?:confirmed|booked|arranged|planned|scheduled|fixed|pencilled\s+in|penciled\s+in)\s+for)\s+"
    rf"(?:(?:this|next|the)\s+)?(?:{_WEEKDAY}|{_ORD}\s+(?:of\s+)?{_MONTH}|{_MONTH}|tomorrow)\b",
    re.IGNORECASE,
)
# Thanks to people for what they did: "Thank you to everyone who came down to Sherdley Park on
# Saturday to cheer them on" is over, whatever the purpose after it.
# A result reported: "3–1 win away at Bedale tonight", "Y6 boys 3-2 winners at Holy Cross", "Well run, our U11
# girls, at the St Helens cross-country", "Results from this morning's gala", "Proud to see our choir lay the wreath".
_A_RESULT = re.compile(
    r"\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:(?:home|away)\s+)?(?:win|wins|victory|defeat|loss|draw|winners|losers)\b"
    r"|\b(?:winners|runners[\s-]up|champions)\s+(?:at|in)\b"
    r"|^\W*well\s+(?:run|played|swum|sung|batted|bowled|raced|fought|danced|performed)\b"
    r"|^\W*results?\s+(?:from|of)\b"
    # praise for what was done: "Special mention to Autumn, who read the harvest prayer in church this morning"
    r"|^\W*(?:a\s+)?(?:very\s+)?special\s+mention\s+(?:to|for)\b"
    r"|^\W*(?:so\s+)?proud\s+to\s+(?:see|watch|have\s+seen)\b|^\W*proud\s+of\b"
    # "Tough one for the U16s at Holmfirth today, 2–1"; "A brilliant knock at Abbeydale today."
    r"|^\W*(?:tough|great|good|narrow|hard|close)\s+(?:one|day|game|loss|defeat|win)\s+for\b"
    r"|^\W*(?:a|an|what\s+a)\s+(?:[\w-]+\s+){0,2}?(?:knock|innings|victory|win|result|comeback)\b"
    # "Well done to all of our Irish dancers at the Feis this weekend": praise for how a team did there
    r"|^\W*(?:huge\s+|big\s+|a\s+huge\s+|a\s+big\s+)?(?:congratulations|congrats|well\s+done)\s+(?:to\s+)?"
    r"(?:all\s+(?:of\s+)?)?(?:our|the)\s+(?:[\w'’-]+\s+){0,3}?(?:teams?|dancers|players|swimmers|runners|singers|"
    r"choirs?|squads?|athletes|musicians|bands?|performers|girls|boys|cast|crews?|gymnasts|cyclists|riders|rowers)\s+"
    r"(?:at|in|on)\b"
    # "Congratulations to all 23 Year 11s who completed their Bronze DofE expedition in the Lakes this weekend"
    r"|^\W*(?:huge\s+|big\s+|many\s+)?(?:congratulations|congrats|well\s+done)\s+(?:[\w'’-]+,?\s+){0,6}?who\s+"
    r"(?:completed|finished|won|passed|achieved|took\s+part|competed|raised|walked|ran|swam|climbed|did)\b",
    re.IGNORECASE,
)
_THANKED_FOR_DONE = re.compile(
    r"^\W*(?:a\s+(?:huge|big|massive)\s+)?thank(?:s|\s+you)\s+(?:[@\w'’-]+\s+){0,6}?who\s+"
    r"(?:came|joined|helped|supported|turned\s+out|turned\s+up|braved|cheered|made|gave|donated|baked|sent|"
    r"took|travelled|drove|volunteered)\b"
    # "Thank you to the team at Kingswood Library for such a warm welcome this afternoon"
    r"|^\W*(?:a\s+(?:huge|big|massive)\s+)?thank(?:s|\s+you)\s+(?:[@\w'’&-]+\s+){0,8}?for\s+(?:such\s+)?"
    r"(?:a|an|the|their|your)\s+(?:[\w-]+\s+){0,2}?(?:welcome|visit|tour|morning|afternoon|day|session|workshop|"
    r"talk|time|hospitality|lunch|show|performance)\b"
    # "Lovely to see so many of you at the summer fete today!": the readers were there; it is over
    r"|^\W*(?:it\s+was\s+|it's\s+been\s+|how\s+)?(?:so\s+|really\s+)?(?:lovely|great|wonderful|fantastic|brilliant|"
    r"nice|good|fab|amazing|super|gr8)\s+to\s+see\s+(?:so\s+many\s+(?:of\s+)?|all\s+(?:of\s+)?)?"
    r"(?:you|u|everyone|families|parents|our\s+families)\b",
    re.IGNORECASE,
)


# Done in the week or weekend that is ending: "All our Bronze DofE teams completed their expedition in Gisburn Forest
# this weekend".
_DONE_THIS = re.compile(
    r"\b(?:completed|finished|returned|came\s+back|got\s+back)\b[^.!?]{0,80}\bthis\s+(?:weekend|week|morning|afternoon)\b",
    re.IGNORECASE,
)
# ... and what was done this weekend, where nothing in the sentence is still to come ("walked to Spinney Hill Park this
# morning ... and will be racing at 1:15pm" is not over): "walked 15 miles along the North Downs Way this weekend", "Our
# Year 9 dancer took first place at the Feis this weekend"
_DID_THIS = re.compile(
    r"\b(?:walked|hiked|camped|cycled|climbed|paddled|kayaked|canoed|swam|raced|competed|performed|sang|danced|"
    r"(?:took|won|claimed|earned|scooped|secured|grabbed)\s+(?:first|second|third|1st|2nd|3rd|top|joint\s+first)\s+place)\b"
    r"[^.!?]{0,80}\bthis\s+(?:weekend|week|morning|afternoon)\b",
    re.IGNORECASE,
)


def sentence_tense(sentence: str) -> Tense:
    """Whether a sentence has happened, is happening now, or will happen."""
    if _THANKED_FOR_DONE.search(sentence) or _A_RESULT.search(sentence) or _DONE_THIS.search(sentence):
        return Tense.PAST
    if _DID_THIS.search(sentence) and not (_FUTURE_VERB.search(sentence) or _LATER.search(sentence)):
        return Tense.PAST
    if _MOVED_TO_A_DAY.search(sentence):
        return Tense.FUTURE  # "has been moved to Thursday 11th June": it will happen then
    if FUTURE_TIME.search(sentence) or _FUTURE_VERB.search(sentence) or _LATER.search(sentence):
        return Tense.FUTURE
    if _NOW.search(sentence):
        return Tense.NOW
    if _PAST.search(sentence) or _has_past_verb(sentence):
        return Tense.PAST
    if _LATER_TODAY.search(sentence):
        return Tense.FUTURE  # "tonight" with nothing in the past tense: still to come
    return Tense.NONE

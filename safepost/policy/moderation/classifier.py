"""The reply classifier: one label, whether to escalate, the recommended action and the reasons.

The labels and rules are those of ``shared/eval/replies/README.md``. Precedence: threat > spam >
offensive > undermining > positive > neutral; the first label with evidence wins, and its
evidence becomes the reasons (with the author's bio where it decided). Escalation: every threat,
and undermining or offensive items whose own text names a person (a title and surname, a known
name, a first name, or a staff or class account handle); never positive, neutral or spam.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from safepost.policy.moderation import lexicons
from safepost.policy.moderation.lexicons import Hit
from safepost.policy.moderation.types import ACTIONS, Item, Judgement, Reason
from safepost.policy.names import NON_NAMES, first_name_lexicon, is_ordinary_word

# Spam kinds that decide on their own; the others need a second signal.
_STRONG_SPAM = frozenset(
    {
        "scam-crypto",
        "phishing",
        "romance-scam",
        "job-or-loan-scam",
        "prize-scam",
        "follower-selling",
        "essay-mill",
        "replica-goods",
        "adult-content",
        "gambling",
    }
)
_WEAK_SPAM = frozenset({"commercial-promotion", "suspicious-link"})
# Undermining kinds that decide on their own; the weak ones need company.
_WEAK_UNDERMINING = frozenset({"sarcasm-cheers", "complaint"})
_SARCASM_ONLY = frozenset({"sarcasm", "sarcasm-cheers", "complaint"})

_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Mme|Madame|Sir|Dame|Rev|Revd|Cllr)\.? ([A-Z][a-zA-Z'\-]+(?:-[A-Z][a-zA-Z']+)?)"
)
_STAFF_HANDLE = re.compile(
    r"(?<![\w@])@(?:(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir)[A-Z_]\w*|\w*?(?:Y(?:ear|r)?_?\d|Class|Teacher|Head|Deputy|Senco|DSL)\w*)"
    r"(?:[.@][\w.\-]+)?"
)
_CAPITALISED = re.compile(r"(?<![\w@#'\u2019])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s|\u2019s)?\b")
_STREETISH = re.compile(
    r"\s+(?:Road|Lane|Street|Avenue|Close|Drive|Way|Park|Primary|School|Academy|Class|Hall|House|Court)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)\s+$")
# Nationalities, faiths and languages that are also in first-name lists.
_GROUP_WORDS = frozenset(
    [
        "christian",
        "christians",
        "muslim",
        "jewish",
        "english",
        "british",
        "irish",
        "scottish",
        "welsh",
        "polish",
        "catholic",
        "hindu",
        "sikh",
        "indian",
        "african",
        "asian",
        "european",
        "french",
        "german",
        "spanish",
        "italian",
        "christmas",
        "easter",
    ]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"\u201c(]\s*)$")
_QUESTION = re.compile(r"\?")
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_SCHOOL_SPECIFIC = re.compile(
    r"\b(?:year \d|y\d|reception|nursery|class|kids|children|pupils|girls|boys|my (?:son|daughter|lad|girl|boy)|"
    r"our (?:son|daughter|lad|girl|boy|kid)|teacher|staff|head|nativity|concert|sports day|trip|choir|team)\b",
    re.IGNORECASE,
)
_THANKS_ONLY = re.compile(
    r"^(?:thanks?|thank you|thank u|thank ya|ta|cheers(?: to| for)?|ta very much|appreciated?)$",
    re.IGNORECASE,
)
_LAUGH = re.compile("[\U0001f602\U0001f923\U0001f606]|\\b(?:haha\\w*|lol|lmao)\\b", re.IGNORECASE)


def _reason(hit: Hit, field: str = "text") -> Reason:
    return Reason(
        code=hit.code, message=hit.message, field=field, start=hit.start, end=hit.end, matched=hit.matched
    )


def _overlaps(hit: Hit, others: Iterable[Hit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


@lru_cache(maxsize=8192)
def _is_first_name(word: str) -> bool:
    key = word.casefold()
    if key in NON_NAMES or len(key) < 3:
        return False
    return key in first_name_lexicon() and not is_ordinary_word(key)


def named_people(
    text: str, known_names: Iterable[str] = (), school_handles: Iterable[str] = ()
) -> list[tuple[str, int, int]]:
    """People the text names, as ``(name, start, end)``: a title and surname ("Mr Okafor"), a
    staff or class account handle ("@MissRahmanY3"), a name from ``known_names``, or a first name
    ("That Jayden in Kingfishers"). Roles ("the head") and pronouns are not names."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    own = {h.casefold().lstrip("@") for h in school_handles}

    def add(name: str, start: int, end: int) -> None:
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append((name, start, end))

    for m in _STAFF_HANDLE.finditer(text):
        if m.group().casefold().lstrip("@") not in own:
            add(m.group(), m.start(), m.end())
    for m in _TITLE_NAME.finditer(text):
        if m.group(1).casefold() in NON_NAMES:
            continue
        add(m.group(), m.start(), m.end())
    folded = text.casefold()
    for name in known_names:
        key = name.strip().casefold()
        if len(key) < 2:
            continue
        for m in re.finditer(rf"(?<![\w@]){re.escape(key)}(?!\w)", folded):
            add(text[m.start() : m.end()], m.start(), m.end())
    for m in _CAPITALISED.finditer(text):
        word = m.group(1)
        if not _is_first_name(word) or word.casefold() in _GROUP_WORDS:
            continue
        if _ARTICLE_BEFORE.search(text, 0, m.start()):
            continue  # "a Christian country", "the Dickens costume"
        if _STREETISH.match(text, m.end()):
            continue
        before = text[max(0, m.start() - 4) : m.start()]
        if before.endswith(("St ", "St. ")):
            continue  # a saint: St Catherine's
        add(word, m.start(), m.start() + len(word))
    found.sort(key=lambda f: f[1])
    return found


def _spam(item: Item, praise: list[Hit]) -> tuple[list[Reason], bool]:
    """The spam reasons and whether they decide."""
    text_hits = lexicons.find_scam(item.text) + lexicons.find_adult_or_gambling(item.text)
    romance = lexicons.find_romance_scam(item.text)
    if len(romance) >= 2:
        text_hits += romance
    bio_hits = lexicons.find_bio_signals(item.author_bio) if item.author_bio else []
    reasons = [_reason(h) for h in text_hits] + [_reason(h, "author_bio") for h in bio_hits]
    strong = [h for h in text_hits if h.code in _STRONG_SPAM]
    weak = [h for h in text_hits if h.code in _WEAK_SPAM]
    if strong:
        return reasons, True
    thanks = any("thank" in h.matched.casefold() for h in praise)
    if weak and not thanks and (any(h.code == "commercial-promotion" for h in weak) or bio_hits):
        return reasons, True
    if bio_hits:
        # A generic reply ("Great post!", "Thanks for sharing!") from a selling account is spam.
        words = _WORDS.findall(item.text)
        generic = (
            len(words) <= 12 and not _SCHOOL_SPECIFIC.search(item.text) and not _QUESTION.search(item.text)
        )
        if generic:
            return reasons, True
    return reasons, False


def _undermining(text: str, praise: list[Hit]) -> list[Hit]:
    """The undermining hits that decide, after mock complaints that are really praise are let go."""
    hits = lexicons.find_undermining(text)
    if not hits:
        return []
    codes = {h.code for h in hits}
    if codes <= _WEAK_UNDERMINING and not {"complaint", "sarcasm-cheers"} <= codes:
        return []
    if codes <= _SARCASM_ONLY:
        genuine = [p for p in praise if p.code == "praise" and not _overlaps(p, hits)]
        if genuine and (_LAUGH.search(text) or len(genuine) >= 2):
            return []  # "Oh great, another certificate for the fridge 😂 well done Kingfishers!"
    return hits


def classify(item: Item, *, known_names: Iterable[str] = (), school_handles: Iterable[str] = ()) -> Judgement:
    """Judge one incoming item: its label, whether to escalate, the action and the reasons.

    ``known_names`` are the school's staff, governor and pupil names (first names, "Mr Okafor"
    forms, class account handles): naming one in undermining or offensive text escalates, as do
    titles with surnames, staff or class handles and first names found by pattern.
    ``school_handles`` are the school's own handles, which never count as naming a person.

    >>> classify(Item("Bloody brilliant Nativity, the shepherds stole the show")).label
    'offensive'
    >>> classify(Item("Mr Baxter is a proper tosser")).escalate
    True
    """
    text = item.text
    praise = lexicons.find_praise(text)
    label = "neutral"
    reasons: list[Reason] = []

    threats = (
        lexicons.find_threats(text)
        + lexicons.find_child_whereabouts(text)
        + lexicons.find_staff_whereabouts(text)
    )
    if threats:
        label, reasons = "threat", [_reason(h) for h in threats]
    else:
        spam_reasons, is_spam = _spam(item, praise)
        if is_spam:
            label, reasons = "spam", spam_reasons
        else:
            offensive = lexicons.find_offensive(text)
            if offensive:
                label, reasons = "offensive", [_reason(h) for h in offensive]
            else:
                undermining = _undermining(text, praise)
                if undermining:
                    label, reasons = "undermining", [_reason(h) for h in undermining]
                elif praise and not _polite_question(text, praise):
                    label, reasons = "positive", [_reason(h) for h in praise]
                elif _QUESTION.search(text):
                    reasons = [
                        Reason("question", "asks a question without attacking anyone", "text", None, None, "")
                    ]

    names: tuple[str, ...] = ()
    escalate = label == "threat"
    if label in ("undermining", "offensive"):
        people = named_people(text, known_names, school_handles)
        if people:
            escalate = True
            names = tuple(dict.fromkeys(p[0] for p in people))
            reasons.extend(
                Reason(
                    "names-person",
                    f"names {name} in public: the escalation rule asks a senior leader to see it",
                    "text",
                    start,
                    end,
                    name,
                )
                for name, start, end in people
            )
    elif label == "threat":
        names = tuple(dict.fromkeys(p[0] for p in named_people(text, known_names, school_handles)))
    return Judgement(
        label=label, escalate=escalate, reasons=tuple(reasons), action=ACTIONS[label], names=names
    )


def _polite_question(text: str, praise: list[Hit]) -> bool:
    """A question or a notice whose only praise is a polite "thanks" (or a smile) stays neutral:
    "Which day is the fire service coming? 😊", "The clear-up starts at 4pm. Thanks!"."""
    polite = all(
        (h.code == "praise" and _THANKS_ONLY.match(h.matched.strip()))
        or (h.code == "praise-emoji" and h.matched in lexicons._SOFT_EMOJI)
        for h in praise
    )
    if not polite:
        return False
    if _QUESTION.search(text):
        return True
    # Thanks only as the sign-off of a notice of some length.
    thanks = [h for h in praise if h.code == "praise"]
    sign_off = lexicons._SIGN_OFF_THANKS.search(text)
    return bool(
        sign_off and all(h.start >= sign_off.start() for h in thanks) and len(_WORDS.findall(text)) >= 8
    )

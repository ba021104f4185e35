"""Grammar in Standard British English: Harper's checks plus the slips school posts make.

Harper (``harper-py``, Automattic's offline grammar checker in Rust, no server) finds the
grammar of any English text; only the checks that measured as precise on correct school
posts are switched on (its style, comma, capitalisation and word-choice checks flag
good school English: "every one of you", lists without an Oxford comma, "Dick
Whittington"). Spelling is not asked of Harper: the misspelt-word rule checks it in
British English with the roster's names known. A few patterns add the slips Harper does
not know and that school posts make ("the children was", "we seen", "the choir sung").

Building Harper's linter loads its dictionary (about half a second), so it is built the
first time a policy that checks grammar is used, never at import.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import harper

#: Harper's checks that are on: each names a slip a careful reader would correct, and none
#: fired on the correct posts of the shared and held-out sets (docs/performance.md).
HARPER_CHECKS: dict[str, str] = {
    "PronounInflectionBe": "the verb does not agree with its subject",
    "SimplePastToPastParticiple": "after 'has', 'have' or 'had' the verb needs its past participle",
    "TheirToTheyre": "'their' where 'they're' (they are) is meant",
    "ModalOf": "'could of', 'should of' and 'would of' are written 'could have' and so on",
    "AnA": "'a' before a vowel sound, or 'an' before a consonant sound",
    "RepeatedWords": "the same word twice in a row",
    "ItsContraction": "'its' where 'it's' (it is, it has) is meant",
    "RegularIrregulars": "an irregular verb given a regular ending",
    "ThereIsAgreement": "'there is' before a plural",
    "PronounContraction": "'you're' where 'your' is meant",
}

_PARTICIPLES = {
    "drew": "drawn",
    "did": "done",
    "saw": "seen",
    "ate": "eaten",
    "wrote": "written",
    "sang": "sung",
    "swam": "swum",
    "took": "taken",
    "gave": "given",
    "rode": "ridden",
    "began": "begun",
    "broke": "broken",
    "chose": "chosen",
    "spoke": "spoken",
    "threw": "thrown",
    "flew": "flown",
    "grew": "grown",
    "knew": "known",
    "went": "gone",
}
_PAST = {"sung": "sang", "swum": "swam", "begun": "began", "rung": "rang", "seen": "saw", "done": "did"}
_PLURAL_SUBJECTS = r"children|pupils|parents|students|families|teams|classes|staff|governors|we|they|you"
_SUBJECTS = r"choir|children|class|pupils|everyone|team|group|we|they|I|you|he|she|Year \d|Reception|Nursery"
_NOT_AFTER = frozenset(
    {"have", "has", "had", "having", "been", "be", "being", "is", "are", "was", "were", "get", "got"}
)


# Each pattern: the regex (a fixed run of words, linear time on any input), why it is wrong,
# the corrections of the word in group "w", and whether an auxiliary before the subject
# ("have we seen", "has the choir sung") makes it correct.
_PATTERNS: tuple[tuple[re.Pattern[str], str, dict[str, str], bool], ...] = (
    (
        re.compile(rf"\b(?:the )?(?:{_PLURAL_SUBJECTS}) (?P<w>was|has)\b", re.IGNORECASE),
        "the verb does not agree with its plural subject",
        {"was": "were", "has": "have"},
        False,
    ),
    (
        re.compile(
            r"\b(?:everyone|everybody|every child|each child|nobody|no one) (?P<w>were)\b", re.IGNORECASE
        ),
        "'everyone', 'every child' and 'nobody' take a singular verb",
        {"were": "was"},
        False,
    ),
    (
        re.compile(rf"\b(?:{_SUBJECTS}) (?P<w>sung|swum|begun|rung|seen)\b", re.IGNORECASE),
        "this is the past participle, which needs 'have' or 'had'; the simple past is meant",
        _PAST,
        True,
    ),
    (
        re.compile(
            rf"\b(?:{_SUBJECTS}) (?P<w>done) (?=(?:really|so|very|brilliantly|amazingly|well|a|an|the|some|their|our)\b)",
            re.IGNORECASE,
        ),
        "'done' needs 'have' or 'had'; the simple past is 'did'",
        _PAST,
        True,
    ),
    (
        re.compile(
            rf"\b(?:have|has|had|'ve) (?P<w>{'|'.join(_PARTICIPLES)})\b",
            re.IGNORECASE,
        ),
        "after 'has', 'have' or 'had' the verb needs its past participle",
        _PARTICIPLES,
        False,
    ),
    (
        re.compile(
            r"\b(?P<w>less) (?=(?:children|pupils|people|parents|families|cars|books|mistakes|places|days|tickets)\b)",
            re.IGNORECASE,
        ),
        "'fewer' is used with things that are counted",
        {"less": "fewer"},
        False,
    ),
    (
        re.compile(r"\b(?:for|of|with|about|from|by|on) (?P<w>you're) (?=[a-z])", re.IGNORECASE),
        "'you're' means 'you are'; the possessive is 'your'",
        {"you're": "your"},
        False,
    ),
    (
        re.compile(
            r"\b(?P<w>who's) (?=(?:hard|own|work|children|child|parents|name|birthday|family|efforts|turn)\b)",
            re.IGNORECASE,
        ),
        "'who's' means 'who is'; the possessive is 'whose'",
        {"who's": "whose"},
        False,
    ),
    (
        re.compile(r"\b(?:bring|brings|pack|wear|label|collect) (?P<w>there) (?=[a-z]+ )", re.IGNORECASE),
        "'there' is a place; the possessive is 'their'",
        {"there": "their"},
        False,
    ),
    (
        re.compile(r"\b(?:about|of|for|with|to|in|on|from|all) (?P<w>they're) (?=[a-z])", re.IGNORECASE),
        "'they're' means 'they are'; the possessive is 'their'",
        {"they're": "their"},
        False,
    ),
    (
        re.compile(
            r"\b(?:of|with|for|to|in|at|on) (?P<w>are) (?=(?:[a-z]+ )?(?:team|teams|children|pupils|school|class|"
            r"families|parents|staff|community|choir|friends|governors)\b)",
            re.IGNORECASE,
        ),
        "'are' is a verb; the possessive is 'our'",
        {"are": "our"},
        False,
    ),
    (
        re.compile(r"(?:^|[.!?] )(?P<w>Who's) (?=[a-z]+ (?:is|are) )"),
        "'who's' means 'who is'; to ask who something belongs to, write 'whose'",
        {"who's": "whose"},
        False,
    ),
    (
        re.compile(r"(?:^|[.!?] )(?P<w>Me and) (?=(?:the|my|our|some|all) )"),
        "'me' cannot start a sentence as its subject: 'the children and I', not 'me and the children'",
        {},
        False,
    ),
)


@dataclass(frozen=True, slots=True)
class GrammarSlip:
    """A grammar slip in a text: where, what was written, why it is wrong and the correction."""

    start: int
    end: int
    written: str
    why: str
    correction: str | None
    source: str  # the Harper check or "safepost"


class _Harper:
    """One Harper linter, built on first use, used by one thread at a time (it is not thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._linter: harper.Linter | None = None

    def lints(self, text: str) -> dict[str, list[harper.Lint]]:
        with self._lock:
            if self._linter is None:
                linter = harper.Linter(dialect=harper.Dialect.BRITISH)
                linter.set_lint_config(
                    {name: name in HARPER_CHECKS for name in harper.get_default_lint_config()}
                )
                self._linter = linter
            return dict(self._linter.organized_lints(text, language=harper.Language.PLAINTEXT))


@cache
def _harper() -> _Harper:
    return _Harper()


def _pattern_slips(text: str) -> Iterator[GrammarSlip]:
    for regex, why, fix, auxiliary_allowed in _PATTERNS:
        for m in regex.finditer(text):
            word = m.group("w")
            # "have we seen", "has the choir sung": an auxiliary up to two words before the subject.
            before = text[max(0, m.start() - 24) : m.start()].split()[-2:]
            if auxiliary_allowed and any(w.lower() in _NOT_AFTER for w in before):
                continue
            correction = fix.get(word.lower())
            if correction and word[:1].isupper():
                correction = correction.capitalize()
            yield GrammarSlip(m.start("w"), m.end("w"), word, why, correction, "safepost")


#: Irregular simple past forms, to choose between Harper's "went" and "gone" for "goed".
_SIMPLE_PAST = frozenset(
    [
        "went",
        "ran",
        "came",
        "saw",
        "did",
        "ate",
        "drew",
        "wrote",
        "sang",
        "swam",
        "took",
        "gave",
        "rode",
        "began",
        "broke",
        "chose",
        "spoke",
        "threw",
        "flew",
        "grew",
        "knew",
        "got",
        "made",
        "said",
        "thought",
        "brought",
        "caught",
        "taught",
        "bought",
        "found",
        "told",
        "felt",
        "kept",
        "left",
        "lost",
        "met",
        "paid",
        "sent",
        "slept",
        "spent",
        "stood",
        "won",
        "sold",
        "built",
        "held",
        "heard",
        "sat",
        "fell",
        "forgot",
        "hid",
        "led",
        "meant",
        "shook",
        "stole",
        "stuck",
        "swung",
        "woke",
        "wore",
    ]
)


def _best(text: str, start: int, suggestions: list[str]) -> str | None:
    """Harper's suggestion that fits: the participle after "have", "has" or "had", else the simple past."""
    if len(suggestions) < 2:
        return suggestions[0] if suggestions else None
    auxiliary = any(w.lower() in _NOT_AFTER for w in text[max(0, start - 24) : start].split()[-2:])
    for suggestion in suggestions:
        if (suggestion.lower() in _SIMPLE_PAST) != auxiliary:
            return suggestion
    return suggestions[0]


def grammar_slips(text: str) -> list[GrammarSlip]:
    """Every grammar slip in ``text``, in order, one per span (Harper's and Safepost's own).

    Spelling is not checked here (see the misspelt-word rule); only checks that are precise
    on correct school English are used, so a slip found is worth a writer's second look.
    """
    slips: dict[tuple[int, int], GrammarSlip] = {}
    for check, lints in _harper().lints(text).items():
        if check not in HARPER_CHECKS:
            continue
        for lint in lints:
            start, end = lint.span.start, lint.span.end
            suggestion = _best(
                text, start, [s.replacement_text for s in lint.suggestions if s.replacement_text]
            )
            slips[(start, end)] = GrammarSlip(
                start, end, text[start:end], HARPER_CHECKS[check], suggestion, f"harper:{check}"
            )
    for slip in _pattern_slips(text):
        if not any(s.start < slip.end and slip.start < s.end for s in slips.values()):
            slips[(slip.start, slip.end)] = slip
    return sorted(slips.values(), key=lambda s: s.start)

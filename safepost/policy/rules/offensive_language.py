"""SP501 offensive-language."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule
from safepost.policy.text import PostText, deleet, fold, strip_possessive

if TYPE_CHECKING:
    from safepost.policy.config import Policy

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "offensive.toml"

KINDS = (
    "profanity", "british-swearing", "insult", "racist-slur", "homophobic-slur", "ableist-slur",
    "sexist-slur", "sexual",
)  # fmt: skip


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


_ENTRY_KEYS = _words(
    "word forms within except strength alternative advice needs names_ok not_before not_after not_with note"
)

# A raw token: letters and digits, with the symbols people use to hide letters
# ("sh*t", "$hit", "b@st@rd", "f***ing"). It must end in a letter, digit or "*".
_RAW_TOKEN = re.compile(r"\$?[^\W_](?:[\w$@!|+*#%']*[\w*])?")
_PLAIN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_MASK_CHARS = frozenset("*#%_")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_GAP = re.compile(r"[\s\-–]*")

_TITLES = _words(
    "mr mrs miss ms mx dr sir dame lord lady master prof professor rev revd father sister saint st"
)
_COPULAS = _words(
    "is are was were be being been am isnt arent wasnt werent hes shes theyre youre im whos looks "
    "look looked seems seemed acting acted"
)
_YOU = frozenset({"you", "ya", "yer", "u", "ye", "yous", "youse"})
_PERSON_COPULAS = frozenset({"hes", "shes", "theyre", "youre", "ur"})
_PEOPLE = _words(
    "people person persons parent parents mum mums mam mams mom moms dad dads mother mothers father "
    "fathers carer carers driver drivers motorist motorists teacher teachers staff referee referees "
    "ref refs umpire umpires official officials coach coaches manager managers kid kids child "
    "children pupil pupils student students boy boys girl girls man men woman women lady ladies bloke "
    "blokes guy guys lad lads neighbour neighbours resident residents team opposition opponents "
    "player players fan fans supporter supporters spectator spectators visitor visitors governor "
    "governors council councillor councillors someone somebody anyone anybody everyone everybody folk "
    "folks he she they them you whoever crowd families family adults adult inspector inspectors "
    "headteacher"
)
_NEGATIONS = frozenset({"not", "never", "isnt", "arent", "wasnt", "werent", "no"})
_ADVERBS = _words(
    "so really just plain very completely totally utterly absolutely quite pretty incredibly bloody "
    "downright too being simply clearly obviously frankly honestly rather fairly truly properly "
    "unbelievably extremely seriously beyond a bit little always still all such that how dead well "
    "proper right actually literally"
)
# Words between "a" and an insult that show it is an insult ("a complete muppet").
_INTENSIFIERS = _words(
    "complete total absolute utter right proper massive real bloody silly stupid daft old useless prize such wee"
)
# Words that call the people after them something: "the lazy sods", "those jammy gits".
_CALLING_WORDS = _words(
    "lazy stupid idle useless daft silly thick dozy jammy lucky cheeky soppy little poor miserable"
)
_INSULT_LEADS = _words("what such like being of bit right proper absolute complete total utter")
# Words that cannot stand between "you" and an animal it is called ("you will meet the pigs").
_NOT_DESCRIBING = _words(
    "the this that these those our your their his her my its some all any every to and or will can "
    "could would should might may must shall see saw meet met feed fed love loved like liked find "
    "found are were is was have has had be do did with of in on at for from by"
)
_GROUPS = frozenset({"bunch", "load", "lot", "pair", "set", "couple", "pack", "gang"})
_DEMONSTRATIVES = frozenset({"those", "these", "some", "what", "such", "like"})

_PARKING = _words(
    "park parked parking parks car cars zigzag zigzags drivers driver driving drop gates pavement road"
)
_SPORT = frozenset(
    ["referee", "ref", "refs", "umpire", "match", "game", "opposition", "fixture", "tournament", "team"]
)


@dataclass(frozen=True)
class Entry:
    """One word or phrase of the list, with the conditions under which it is innocent."""

    kind: str
    word: str
    within: str = "word"
    except_: frozenset[str] = frozenset()
    strength: str = "strong"
    alternative: str = ""
    advice: str = ""
    needs: str = ""
    names_ok: bool = False
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """The compiled list: single words, phrases by first word, roots and kind labels."""

    singles: dict[str, Entry]
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]]
    roots: list[tuple[str, Entry]]
    by_length: dict[int, list[tuple[str, Entry]]]
    kinds: dict[str, str]

    @property
    def size(self) -> int:
        """How many words and phrases the list holds."""
        return len(self.singles) + sum(len(v) for v in self.phrases.values())


def phrase_keys(text: str) -> tuple[str, ...]:
    """The matching keys of a word or phrase: folded words, hyphens and spaces split."""
    return tuple(fold(w) for w in _PLAIN.findall(text))


def _as_set(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in raw.get(key, []))


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build the lexicon from the parsed TOML. Raises ValueError on a bad or duplicated entry."""
    topics = {name: frozenset(fold(w) for w in words) for name, words in data.get("topics", {}).items()}
    kinds = dict(data.get("kinds", {}))
    singles: dict[str, Entry] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    roots: list[tuple[str, Entry]] = []
    seen: dict[tuple[str, ...], str] = {}
    for kind in KINDS:
        if kind not in kinds:
            raise ValueError(f"offensive.toml: [kinds] has no label for {kind!r}")
        for raw in data.get(kind, []):
            unknown = set(raw) - _ENTRY_KEYS
            if unknown:
                raise ValueError(f"offensive.toml: {raw.get('word')!r} has unknown keys {sorted(unknown)}")
            with_topics: set[str] = set()
            for topic in raw.get("not_with", []):
                if topic not in topics:
                    raise ValueError(f"offensive.toml: {raw['word']!r} names unknown topic {topic!r}")
                with_topics |= topics[topic]
            entry = Entry(
                kind=kind,
                word=raw["word"],
                within=raw.get("within", "word"),
                except_=_as_set(raw, "except"),
                strength=raw.get("strength", "strong"),
                alternative=raw.get("alternative", ""),
                advice=raw.get("advice", ""),
                needs=raw.get("needs", ""),
                names_ok=bool(raw.get("names_ok", False)),
                not_before=_as_set(raw, "not_before"),
                not_after=_as_set(raw, "not_after"),
                not_with=frozenset(with_topics),
            )
            if entry.within not in ("word", "prefix", "affix", "anywhere"):
                raise ValueError(f"offensive.toml: {entry.word!r} has within = {entry.within!r}")
            if entry.needs not in ("", "aimed", "insult", "called"):
                raise ValueError(f"offensive.toml: {entry.word!r} has needs = {entry.needs!r}")
            if entry.within != "word":
                roots.append((fold(entry.word), entry))
            for text in [entry.word, *raw.get("forms", [])]:
                keys = phrase_keys(text)
                if not keys:
                    raise ValueError(f"offensive.toml: empty form in {entry.word!r}")
                if keys in seen:
                    raise ValueError(
                        f"offensive.toml: {text!r} is listed twice (under {seen[keys]!r} and {entry.word!r})"
                    )
                seen[keys] = entry.word
                if len(keys) == 1:
                    singles[keys[0]] = entry
                else:
                    phrases.setdefault(keys[0], []).append((keys, entry))
    for options in phrases.values():
        options.sort(key=lambda item: -len(item[0]))
    by_length: dict[int, list[tuple[str, Entry]]] = {}
    for key, entry in singles.items():
        if len(key) >= 4:
            by_length.setdefault(len(key), []).append((key, entry))
    return Lexicon(singles, phrases, roots, by_length, kinds)


@cache
def lexicon() -> Lexicon:
    """The bundled list, parsed once on first use (a few milliseconds)."""
    with DATA_FILE.open("rb") as fh:
        return parse_lexicon(tomllib.load(fh))


class Word(NamedTuple):
    """A token of the post as this rule sees it (a tuple: thousands are made per second)."""

    surface: str
    key: str
    base: str
    nstart: int
    nend: int
    sentence: int
    initial: bool
    capitalised: bool
    hashtag: bool = False
    how: str = ""  # "", "masked", "leet", "spaced", "stretched"
    joined: bool = True  # only spaces or a hyphen since the previous word


@lru_cache(maxsize=50_000)
def _keys(plain: str) -> tuple[str, str, bool]:
    """(key, key without a possessive, capitalised) of a word, cached: words recur across posts."""
    if plain.isascii():
        key = plain.lower().replace("'", "")
        base = strip_possessive(plain).lower().replace("'", "")
    else:
        key, base = fold(plain), fold(strip_possessive(plain))
    letters = [c for c in plain if c.isalpha()]
    capitalised = (
        bool(letters)
        and letters[0].isupper()
        and not (len(letters) > 1 and all(c.isupper() for c in letters))
    )
    return key, base, capitalised


class _Scanner:
    """Splits a post into streams of words (prose, each hashtag, each spaced-out word)."""

    def __init__(self, text: PostText) -> None:
        self.text = text
        self.starts = [s for s, _ in text.sentence_bounds]

    def sentence(self, npos: int) -> int:
        return max(bisect_right(self.starts, npos) - 1, 0)

    def word(
        self,
        surface: str,
        a: int,
        b: int,
        how: str = "",
        hashtag: bool = False,
        initial: bool = False,
        joined: bool = True,
        sentence: int | None = None,
    ) -> Word:
        key, base, capitalised = _keys(deleet(surface) if how == "leet" else surface)
        if how == "masked":
            key = base = surface.casefold()
        if sentence is None:
            sentence = self.sentence(a)
        return Word(surface, key, base, a, b, sentence, initial, capitalised, hashtag, how, joined)

    def _raw_words(self) -> Iterator[tuple[str, int, int, str]]:
        text = self.text.text
        for m in _RAW_TOKEN.finditer(text):
            a, b = m.span()
            if self.text.in_url_email_mention_or_hashtag(a, b):
                continue
            raw = m.group(0)
            if raw.isalpha() or _PLAIN.fullmatch(raw):
                yield raw, a, b, ""
                continue
            letters = sum(c.isalpha() for c in raw)
            if letters >= 2 and _PLAIN.fullmatch(deleet(raw)):
                yield raw, a, b, "leet"
            elif letters >= 1 and len(raw) >= 4 and any(c in _MASK_CHARS for c in raw):
                yield raw, a, b, "masked"
            else:
                for sub in _PLAIN.finditer(raw):
                    yield sub.group(0), a + sub.start(), a + sub.end(), ""

    def prose(self) -> list[Word]:
        """The post's own words (not URLs, e-mails, mentions or hashtags), in order."""
        text = self.text.text
        words: list[Word] = []
        sentence, end = -1, -1
        for raw, a, b, how in self._raw_words():
            index = self.sentence(a)
            initial = index != sentence
            joined = initial or _GAP.fullmatch(text, end, a) is not None
            words.append(self.word(raw, a, b, how, initial=initial, joined=joined, sentence=index))
            sentence, end = index, b
        return words

    def streams(self) -> list[list[Word]]:
        streams = [self.prose()]
        by_tag: dict[int, list[Word]] = {}
        tag_starts = [s for s, _e, _t in self.text.hashtags]
        for tok in self.text.hashtag_words:
            index = bisect_right(tag_starts, tok.nstart) - 1
            by_tag.setdefault(index, []).append(self.word(tok.text, tok.nstart, tok.nend, hashtag=True))
        for index, (start, end, tag) in enumerate(self.text.hashtags):
            parts = by_tag.get(index, [])
            if len(parts) != 1:
                # The whole tag as one word too, for roots inside lower-case tags (#bullshitday).
                parts = [*parts, self.word(tag, start + 1, end, hashtag=True)]
            streams.append(parts)
        for tok in self.text.spaced_words:
            spaced = self.word(tok.text, tok.nstart, tok.nend, how="spaced")
            streams.append([spaced])
            if spaced.key[:1] in ("a", "i") and len(spaced.key) > 3:
                # "was a t w a t": the article was swallowed into the spaced-out letters.
                start = self.text.text.index(tok.text[1], tok.nstart + 1)
                streams.append([self.word(tok.text[1:], start, tok.nend, how="spaced")])
        return streams


@dataclass(frozen=True, slots=True)
class Match:
    """A word or phrase of the list found in a stream."""

    entry: Entry
    first: int
    last: int  # inclusive
    form: str
    how: str


def _mask_match(masked: str, lex: Lexicon) -> tuple[str, Entry] | None:
    """The listed word a masked token stands for: ``sh*t`` -> shit, ``f***ing`` -> fucking.

    Every symbol or digit stands for any letter; the letters shown must agree.
    Words listed first win, so ``s**t`` reads as the swear word it usually is.
    """
    if masked[0] in _MASK_CHARS and masked[-1] in _MASK_CHARS:
        return None  # *emphasis*, not a hidden word
    for key, entry in lex.by_length.get(len(masked), ()):
        if all(p == k or not p.isalpha() for p, k in zip(masked, key, strict=True)):
            return key, entry
    return None


def _root_match(key: str, lex: Lexicon) -> tuple[str, Entry] | None:
    for root, entry in lex.roots:
        if root not in key or key in entry.except_:
            continue
        if (
            entry.within == "anywhere"
            or (entry.within == "prefix" and key.startswith(root))
            or (entry.within == "affix" and (key.startswith(root) or key.endswith(root)))
        ):
            return root, entry
    return None


@lru_cache(maxsize=50_000)
def _stretched(key: str) -> tuple[str, ...]:
    """``shiiiit`` -> ``shiit``, ``shit``: undo letters held down for emphasis (cached, as
    :func:`_keys` is: the search ran for every word of every post)."""
    if not _REPEATS.search(key):
        return ()
    return (_REPEATS.sub(r"\1\1", key), _REPEATS.sub(r"\1", key))


class _Finder:
    """Finds listed words in the streams of one post and checks their conditions."""

    def __init__(self, lex: Lexicon, post_keys: frozenset[str], allowed: frozenset[str]) -> None:
        self.lex = lex
        self.post_keys = post_keys
        self.allowed = allowed

    def find(self, words: list[Word]) -> Iterator[Match]:
        i = 0
        while i < len(words):
            match = self.match_at(words, i)
            if match is not None and self.applies(match, words):
                yield match
                i = match.last + 1
            else:
                i += 1

    def match_at(self, words: list[Word], i: int) -> Match | None:
        w = words[i]
        lex = self.lex
        first_key = w.key
        if w.how == "masked":
            hit = _mask_match(w.key, lex)
            if hit is None:
                return None
            first_key = hit[0]
        for keys, entry in lex.phrases.get(first_key, ()):
            end = i + len(keys)
            if end <= len(words) and all(
                words[k].key == keys[k - i] and words[k].sentence == w.sentence and words[k].joined
                for k in range(i + 1, end)
            ):
                return Match(entry, i, end - 1, " ".join(keys), w.how)
        if w.how == "masked":
            return Match(lex.singles[first_key], i, i, first_key, "masked")
        for key in (w.key, w.base, *_stretched(w.key)):
            if key in lex.singles:
                how = "stretched" if key not in (w.key, w.base) else w.how
                return Match(lex.singles[key], i, i, key, how)
        root = _root_match(w.key, lex) if w.how != "spaced" else None
        if root is not None:
            return Match(root[1], i, i, root[0], w.how)
        return None

    def applies(self, m: Match, words: list[Word]) -> bool:
        entry = m.entry
        if m.form in self.allowed or " ".join(phrase_keys(entry.word)) in self.allowed:
            return False
        if m.how == "masked":
            return True  # hiding letters shows the writer knew the word
        first, last = words[m.first], words[m.last]
        prev = words[m.first - 1] if m.first > 0 and words[m.first - 1].sentence == first.sentence else None
        nxt = (
            words[m.last + 1]
            if m.last + 1 < len(words) and words[m.last + 1].sentence == last.sentence
            else None
        )
        if nxt is not None and nxt.key in entry.not_before:
            return False
        if prev is not None and prev.key in entry.not_after:
            return False
        if entry.not_with and entry.not_with & self.post_keys:
            return False
        if (
            entry.names_ok
            and not first.hashtag
            and first.capitalised
            and (
                not first.initial
                or (nxt is not None and nxt.capitalised)
                or (prev is not None and prev.key in _TITLES)
            )
        ):
            return False
        if entry.kind == "insult" and entry.strength == "mild" and _said_of_ourselves(words, m.first):
            return False  # "we played like a bunch of numpties": staff laughing at themselves
        if entry.needs == "insult":
            return _used_as_insult(words, m.first)
        if entry.needs == "called":
            return _person_called(words, m.first)
        if entry.needs == "aimed":
            return _aimed_at_people(words, m.first, m.last)
        return True


_OURSELVES = frozenset({"we", "weve", "i", "im", "ive", "myself", "ourselves"})
# Unkind describing words before a plural insult: "lazy sods", "grumpy gits".
_UNKIND = frozenset(
    {
        "lazy",
        "grumpy",
        "greedy",
        "selfish",
        "stupid",
        "thick",
        "idle",
        "useless",
        "ignorant",
        "rude",
        "miserable",
        "dozy",
        "thieving",
        "cheating",
        "moaning",
        "whinging",
        "ungrateful",
        "inconsiderate",
    }
)
_LIKENED = frozenset({"like", "were", "are", "am", "was", "felt", "looked", "such", "proper", "being"})
_OTHERS_NAMED = frozenset({"the", "those", "these", "them", "their", "some", "other", "others"})


def _said_of_ourselves(words: list[Word], i: int) -> bool:
    """A mild insult the writer aims at themselves: "we played like a bunch of numpties"."""
    sentence = words[i].sentence
    between: set[str] = set()
    for k in range(i - 1, max(-1, i - 8), -1):
        if words[k].sentence != sentence or words[k].key in _YOU | _PERSON_COPULAS | {"they", "he", "she"}:
            return False
        if words[k].key in _OURSELVES:
            # "we played like a bunch of numpties", "I'm such a numpty"; not "we have had enough of the idiots"
            return bool(between & _LIKENED) and not between & _OTHERS_NAMED
        between.add(words[k].key)
    return False


# Describing words of scorn, which make "the ... sods" an insult whatever comes before.
_SCORNFUL = frozenset(
    [
        "greedy",
        "selfish",
        "lazy",
        "stupid",
        "useless",
        "thieving",
        "rude",
        "ignorant",
        "idiotic",
        "inconsiderate",
        "careless",
        "lying",
        "cheating",
        "dozy",
        "daft",
        "miserable",
        "grumpy",
        "arrogant",
        "entitled",
        "spineless",
    ]
)


def _used_as_insult(words: list[Word], i: int) -> bool:
    """``a complete muppet``, ``you knob``, ``what a prat``, ``the ref was a muppet``."""
    sentence = words[i].sentence
    k = i - 1
    intensified = False
    while k >= 0 and words[k].sentence == sentence and words[k].key in _INTENSIFIERS:
        intensified = True
        k -= 1
    if k < 0 or words[k].sentence != sentence:
        return False
    p = words[k].key
    pp = words[k - 1].key if k > 0 and words[k - 1].sentence == sentence else ""
    if p in _YOU or (pp in _YOU and k == i - 1 and p not in _NOT_DESCRIBING):
        return True  # "you knob", "you selfish git"
    if p in ("a", "an"):
        return intensified or pp in _COPULAS or pp in _INSULT_LEADS
    if p in _UNKIND and words[i].key.endswith("s"):
        return True  # "clean up after lazy sods", "even the grumpy gits in Year 6": people, by an unkind word
    if p in ("little", "wee", "old", "rotten", "miserable") and pp in _UNKIND | _YOU:
        return True  # "you thieving little gits": an unkind word, then a small one, then the insult
    if p == "of":
        return pp in _GROUPS
    # "a bunch of cheating gits": one describing word between the group and the insult.
    ppp = words[k - 2].key if k > 1 and words[k - 2].sentence == sentence else ""
    if pp == "of" and ppp in _GROUPS:
        return True
    # "... is a selfish git": one describing word between "a" and the insult, after "is" or "was".
    if pp in ("a", "an") and ppp in _COPULAS:
        return True
    # "you are a filthy, selfish git": two describing words
    pppp = words[k - 3].key if k > 2 and words[k - 3].sentence == sentence else ""
    if ppp in ("a", "an") and pppp in _COPULAS and p not in _NOT_DESCRIBING and pp not in _NOT_DESCRIBING:
        return True
    if pp in _COPULAS and p not in _NOT_DESCRIBING and pp not in _NEGATIONS:
        return True  # "Some drivers are selfish pr*cks"
    if pp in ("the", "those", "these") and p in _SCORNFUL:
        return True  # "they put their prices up again, the greedy sods"
    if pp == "some" and p.endswith("ing") and p not in _NOT_DESCRIBING:
        return True  # "Some thieving git has pinched the tarp"
    if pp in _ADVERBS and ppp in _COPULAS and p not in _NOT_DESCRIBING:
        return True  # "Some people are utterly selfish gits"
    if pp in ("the", "those", "these") and p in _CALLING_WORDS and words[i].key.endswith("s"):
        return True  # "Took the lazy sods long enough!": people called it
    return p in _COPULAS or p in _DEMONSTRATIVES


def _person_called(words: list[Word], i: int) -> bool:
    """``you're a disgusting pig``, ``you lazy cows``, ``they're animals``: a person called an animal."""
    sentence = words[i].sentence
    k = i - 1
    describing = 0
    while k >= 0 and words[k].sentence == sentence and words[k].key not in _YOU:
        if words[k].key in ("a", "an") or words[k].key in _PERSON_COPULAS or words[k].key in ("are", "is"):
            break
        if describing == 2 or words[k].key in _NOT_DESCRIBING:
            return False
        describing += 1
        k -= 1
    if k >= 0 and words[k].sentence == sentence and words[k].key in ("a", "an"):
        k -= 1
    if k < 0 or words[k].sentence != sentence:
        return False
    p = words[k].key
    if p in _YOU:
        return True
    if p in _PERSON_COPULAS:
        return True
    if p in ("are", "is", "was", "were") and _whoever_before(words, k):
        return True
    return p in ("are", "is") and k > 0 and words[k - 1].key in _YOU | {"he", "she", "they"}


def _whoever_before(words: list[Word], k: int) -> bool:
    """The clause before word ``k`` (a copula) is about somebody unnamed: "Whoever keeps letting their dog
    foul the path ... is", "Anyone who drops litter is"."""
    sentence = words[k].sentence
    for j in range(k - 1, max(-1, k - 20), -1):
        w = words[j]
        if w.sentence != sentence or w.key in ("is", "are", "was", "were"):
            return False
        if w.key in ("whoever", "whoevers") or (
            w.key in ("anyone", "anybody", "person", "people") and j + 1 < k and words[j + 1].key == "who"
        ):
            return True
    return False


def _aimed_at_people(words: list[Word], first: int, last: int) -> bool:
    """``stupid parents``, ``you're so thick``, ``the ref was useless``."""
    sentence = words[first].sentence
    nxt = words[last + 1] if last + 1 < len(words) else None
    if nxt is not None and nxt.sentence == sentence and nxt.joined and nxt.key in _PEOPLE:
        return True
    k = first - 1
    while k >= 0 and words[k].sentence == sentence and words[k].key in _ADVERBS:
        k -= 1
    if k < 0 or words[k].sentence != sentence:
        return False
    p = words[k].key
    if p in _YOU or p in _PERSON_COPULAS:
        return True
    if p not in _COPULAS or p in _NEGATIONS:
        return False
    window = [w.key for w in words[max(0, k - 6) : k] if w.sentence == sentence]
    if any(key in _NEGATIONS for key in window[-2:]) or (
        k + 1 < first and any(words[j].key in _NEGATIONS for j in range(k + 1, first))
    ):
        return False
    return any(key in _PEOPLE or key in _PERSON_COPULAS for key in window)


def _insult_advice(post_keys: frozenset[str]) -> str:
    if post_keys & _PARKING:
        return (
            'Describe the behaviour you want instead of labelling people, e.g. "Please park '
            "considerately and keep the zigzags clear for the children's safety.\""
        )
    if post_keys & _SPORT:
        return (
            'Leave the remark out and celebrate the children, e.g. "Some decisions did not go our '
            'way, but the team played their hearts out."'
        )
    return (
        "Describe the behaviour you want to see rather than labelling people "
        '(e.g. "please be considerate"), or leave the remark out.'
    )


_WHY = {
    "profanity": "School posts must not contain offensive language (SUT-16, RAC-12), and swearing "
    "reflects on the school's reputation (COU-09).",
    "british-swearing": "School posts must not contain offensive language (SUT-16, RAC-12), and swearing "
    "reflects on the school's reputation (COU-09).",
    "insult": "Insulting remarks about people are offensive remarks (RAC-12) that compromise the "
    "school's reputation (COU-09); posts should stay positive (NNF-05).",
    "racist-slur": "Discriminatory language is never acceptable in a school post (SUT-16: nothing "
    "discriminatory or offensive; RAC-12).",
    "homophobic-slur": "Discriminatory language is never acceptable in a school post (SUT-16: nothing "
    "discriminatory or offensive; RAC-12).",
    "ableist-slur": "Discriminatory language is never acceptable in a school post (SUT-16: nothing "
    "discriminatory or offensive; RAC-12).",
    "sexist-slur": "Discriminatory language is never acceptable in a school post (SUT-16: nothing "
    "discriminatory or offensive; RAC-12).",
    "sexual": "Nothing sexual may appear in a school post (SUT-16), and it reflects on the school's "
    "reputation (COU-09).",
}
_HOW = {
    "masked": " even with letters hidden",
    "leet": " even written with numbers or symbols",
    "spaced": " even spaced out",
    "stretched": " even with letters repeated",
}


class OffensiveLanguage(Rule):
    """Offensive, profane or discriminatory language.

    What it flags:
        Swearing (including British swearing such as "bloody", "pissing it
        down", "bollocks"), insults aimed at people ("some parents are idiots",
        "the ref was a complete muppet"), racist, homophobic, ableist and sexist
        slurs, and sexual terms, from the curated list in
        `safepost/policy/data/offensive.toml`. Masked, leetspeak, spaced-out and
        look-alike spellings are caught ("sh*t", "$hit", "s h i t", "f***ing").
        Words are matched whole, with context, so Scunthorpe, Sussex, class,
        scrapbook, Dick Whittington, blue tits, door knobs, a bloody nose, Homo
        sapiens and "gay" used of people are not flagged. A school may allow a
        word with `[rules.SP501] words = ["bloody"]`.

    Why it matters:
        RAC-12 (offensive remarks are removed and reported), SUT-16 (nothing
        defamatory, discriminatory, sexual or offensive), COU-09 (nothing that
        compromises personal, professional or school reputation) and NNF-05
        (positive messages that promote the school).

    Example:
        That hill was a bloody nightmare, but every single runner finished!

    Use instead:
        That hill was really tough, but every single runner finished!
    """

    code = "SP501"
    name = "offensive-language"
    category = "offensive"
    default_severity = Severity.BLOCK

    def setting(self, policy: Policy) -> str:
        return policy.writing.offensive

    def check(self, ctx: Context) -> Iterator[Finding]:
        if self.severity(ctx.policy) is None:
            return
        lex = lexicon()
        override = ctx.policy.rules.get(self.code)
        allowed = frozenset(" ".join(phrase_keys(w)) for w in (override.words if override else []))
        streams = _Scanner(ctx.text).streams()
        post_keys = frozenset(w.key for stream in streams for w in stream)
        finder = _Finder(lex, post_keys, allowed)
        seen: list[tuple[int, int]] = []
        for words in streams:
            for m in finder.find(words):
                a, b = words[m.first].nstart, words[m.last].nend
                if any(s < b and a < e for s, e in seen):
                    continue
                seen.append((a, b))
                yield self._finding(ctx, lex, m, a, b, post_keys)

    def _finding(
        self, ctx: Context, lex: Lexicon, m: Match, a: int, b: int, post_keys: frozenset[str]
    ) -> Finding:
        entry = m.entry
        surface = ctx.text.original_slice(a, b)
        label = lex.kinds[entry.kind]
        mild = ": mild, but still not for a school post" if entry.strength == "mild" else ""
        message = f'"{surface}" is {label}{_HOW.get(m.how, "")}{mild}. {_WHY[entry.kind]}'
        if entry.alternative:
            suggestion = f'Write "{entry.alternative}" instead of "{surface}".'
        elif entry.advice:
            suggestion = entry.advice
        elif entry.kind == "insult":
            suggestion = _insult_advice(post_keys)
        else:
            suggestion = "Leave it out, or say it in plain, polite words."
        trace = (
            f'writing.offensive = "{ctx.policy.writing.offensive}"',
            f"offensive.toml [{entry.kind}] {entry.word!r}",
            f"matched {m.form!r}" + (f" ({m.how})" if m.how else ""),
        )
        return self.finding(ctx, a, b, message, suggestion, trace)

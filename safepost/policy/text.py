"""Text normalisation and tokenising that undo common evasions.

A writer (or a pasted message) may hide a name with Unicode look-alikes
("Аmelia" with a Cyrillic А), zero-width characters, full-width letters,
leetspeak ("J0sh"), odd spacing ("J o s h"), possessives or hashtags
("#WellDoneAmelia"). Rules match against the normalised text, and every
normalised character remembers where it came from, so findings still mark the
words the writer actually typed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cached_property, lru_cache
from typing import NamedTuple

# Latin look-alikes from Cyrillic, Greek and other scripts that NFKC leaves alone.
_CONFUSABLES = {
    # Cyrillic lower case
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "l",
    "ɡ": "g",
    "ҽ": "e",
    # Cyrillic upper case
    "А": "A",
    "В": "B",
    "Е": "E",
    "Ё": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ї": "I",
    "Ј": "J",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Һ": "H",
    "Ӏ": "I",
    # Greek
    "α": "a",
    "ο": "o",
    "ν": "v",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "ι": "i",
    "κ": "k",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    # Other Latin look-alikes
    "ı": "i",
    "ȷ": "j",
    "ʼ": "'",
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "＇": "'",
    "ℓ": "l",
}

# Digits and symbols that stand in for letters in leetspeak.
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
    }
)

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_LEETY_WORD = re.compile(r"[^\W_](?:[\w@$!|+]|['\-](?=[^\W_]))*[^\W_]|[^\W_]")
# Numbers with units, times and ordinals are not leetspeak: 10am, 3pm, 1st, 4th, 2kg, 1990s.
_NUMBER_WITH_UNIT = re.compile(
    r"\d++(?:[.:]\d++)?(?:st|nd|rd|th|am|pm|s|kg|g|km|m|cm|mm|ml|l|p|k|x|mph|yrs?)", re.IGNORECASE
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Possessive and starting only where a run starts: linear on a long word without an @.
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)+")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}\b")
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W_]\w*)")
_CAMEL_PART = re.compile(r"[^\W\d_][^\W\d_]*")
# The lookahead first only says what both alternatives start with, so most characters fail at once
# instead of after nine lookbehinds.
# An emoji before a capital ends a sentence as a full stop would ("a day at Chester Zoo 🦏 We're on
# the coach", "on the Mersey Ferry ⛴️ Next stop"); not a pin or an arrow, which introduce a place
# ("update 📍 Williamson Park", "Year 5 ➡️ Jodrell Bank").
_SENTENCE_END = re.compile(
    r"(?=[.!?\n\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55])(?:(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?]+['\")\]]*(?=\s|$)|\n+"
    r"|(?!\U0001F4CD|\u27A1)[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55][\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55"
    r"\uFE0F\u200D]*(?=\s+[A-Z]))"
)
# Before a suspense ellipsis, a word no sentence ends on: "Star of the Week is... Sky!"
_SUSPENSE = re.compile(
    r"\b(?:is|was|are|were|to|the|a|an|goes|go|and|of|for|by|with|winner\s+is)$", re.IGNORECASE
)
_SPACED_LETTERS = re.compile(r"\b(?:[A-Za-z][ .\-_*]){2,}[A-Za-z]\b")


def _covered_before(length: int, spans: list[tuple[int, int]]) -> list[int]:
    """``covered[i]``: how many of the first ``i`` characters lie in a span, so whether ``a:b``
    overlaps any span is ``covered[b] > covered[a]``, in constant time however many spans.

    Built a stretch at a time from the spans' union, not a character at a time (most posts have
    no span at all, and a character loop ran twice for every post).
    """
    covered = [0] * (length + 1)
    total, done = 0, 0  # characters covered so far; covered[: done + 1] is filled in
    for s, e in _union(spans):
        covered[done + 1 : s + 1] = [total] * (s - done)
        covered[s + 1 : e + 1] = range(total + 1, total + e - s + 1)
        total += e - s
        done = e
    covered[done + 1 :] = [total] * (length - done)
    return covered


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of half-open spans, as sorted, disjoint, non-empty spans."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(span for span in spans if span[0] < span[1]):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def camel_parts(tag: str) -> list[tuple[int, int]]:
    """Spans of the words in a CamelCase tag, any script: ``WellDoneZoë`` gives Well, Done, Zoë.

    A run of capitals is one word (``STEM``, ``KS2``'s ``KS``), digits are words
    of their own, and underscores separate words.
    """
    spans: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(tag):
        if not ch.isalnum():
            if start is not None:
                spans.append((start, i))
            start = None
            continue
        if start is None:
            start = i
            continue
        prev = tag[i - 1]
        nxt = tag[i + 1] if i + 1 < len(tag) else ""
        boundary = (
            (ch.isupper() and prev.islower())
            or (ch.isupper() and prev.isupper() and nxt.islower())
            or (ch.isdigit() != prev.isdigit())
        )
        if boundary:
            spans.append((start, i))
            start = i
    if start is not None:
        spans.append((start, len(tag)))
    return spans


# A quote opened and not closed before a word: "wrote postcards 'from Paris' to Year 1".
_QUOTE_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))'(?=\w)(?:(?!\w'(?:[\s.,!?;:)]|$)).)*$")


def at_word_starts(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, tried only where a word starts (not after a letter or a digit).

    For a pattern whose every branch begins a word: it finds the same, and a search that tries each
    branch at every letter of a post costs two or three times more than one that tries word starts only
    (bench/bench_checker.py's throughput).
    """
    return re.compile(r"(?<!\w)(?:" + pattern.pattern + ")", pattern.flags)


@lru_cache(maxsize=16384)
def fold(word: str) -> str:
    """Case- and accent-insensitive key for comparing names and words (remembered: words repeat)."""
    if word.isascii():
        # The same key, quicker: ASCII has no accents, nothing to decompose, and casefold is lower.
        return word.lower().replace("'", "")
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("'", "")


# Letters that Unicode does not decompose to a base letter and an accent: "Yıldız" and "Yildiz",
# "Michał" and "Michal" are the same name to a reader.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe"}
)


def deleet(word: str) -> str:
    """Undo leetspeak in one word: ``J0sh`` becomes ``Josh``, ``4melia`` ``Amelia``.

    Only words that mix letters with stand-in digits or symbols change; a plain
    number such as ``2026`` is returned as it is.
    """
    if not any(ch.isalpha() for ch in word) or word.isalpha() or _NUMBER_WITH_UNIT.fullmatch(word):
        return word
    return word.translate(_LEET)


def strip_possessive(word: str) -> str:
    """``Amelia's`` and ``James'`` become ``Amelia`` and ``James``."""
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    if word.endswith("'"):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def _normalise_char(ch: str) -> str:
    if ch in _CONFUSABLES:
        return _CONFUSABLES[ch]
    if unicodedata.category(ch) == "Cf":  # zero-width spaces, joiners, soft hyphens, BOM
        return ""
    if ch.isascii():
        return ch
    out = unicodedata.normalize("NFKC", ch)
    if out.isspace():
        return " "
    return "".join(_CONFUSABLES.get(c, c) for c in out)


class Token(NamedTuple):
    """A word of the normalised text, with its span in the *original* text.

    ``text`` is the normalised surface form (case kept); ``key`` folds case,
    accents, leetspeak and a possessive ending, for matching lists of names and
    words. ``hashtag`` is set for the words split out of a hashtag. A named tuple,
    not a frozen dataclass: a post makes dozens, and a tuple is made in a third of the time.
    """

    text: str
    start: int
    end: int
    nstart: int
    nend: int
    sentence: int
    hashtag: bool = False
    possessive: bool = False

    @property
    def key(self) -> str:
        """The matching key: folded, de-leeted, without a possessive."""
        return _word_key(self.text)

    @property
    def is_capitalised(self) -> bool:
        """Starts with an upper-case letter (after undoing leetspeak)."""
        return _capitalised(self.text)


@lru_cache(maxsize=16384)
def _word_key(text: str) -> str:
    return fold(strip_possessive(deleet(text)))


@lru_cache(maxsize=16384)
def _capitalised(text: str) -> bool:
    return deleet(text)[:1].isupper()


class PostText:
    """A post's text, normalised, with an offset map back to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        if original.isascii():
            # Every ASCII character stands for itself but the backtick (an apostrophe): the same
            # text and offsets as the loop below, without it.
            self.text = original.replace("`", _CONFUSABLES["`"])
            self._offsets = list(range(len(original) + 1))
            return
        chars: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(original):
            for out in _normalise_char(ch):
                chars.append(out)
                offsets.append(i)
        offsets.append(len(original))
        self.text = "".join(chars)
        self._offsets = offsets

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        if nend <= nstart:
            pos = self._offsets[nstart]
            return pos, pos
        return self._offsets[nstart], self._offsets[nend - 1] + 1

    def original_slice(self, nstart: int, nend: int) -> str:
        """The original characters behind a span of the normalised text."""
        start, end = self.span(nstart, nend)
        return self.original[start:end]

    @cached_property
    def sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence in the normalised text."""
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(self.text):
            if m.group(0).startswith("...") and _SUSPENSE.search(
                self.text, max(0, m.start() - 12), m.start()
            ):
                continue
            if self.text[start : m.end()].strip():
                bounds.append((start, m.end()))
            start = m.end()
        if self.text[start:].strip() or not bounds:
            bounds.append((start, len(self.text)))
        return bounds

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [end for _, end in self.sentence_bounds]

    def sentence_of(self, npos: int) -> int:
        """The index of the sentence holding a normalised position."""
        # The first sentence ending after npos (the ends only grow), else the last sentence.
        ends = self._sentence_ends
        return min(bisect_right(ends, npos), len(ends) - 1)

    @cached_property
    def protected_spans(self) -> list[tuple[int, int]]:
        """Spans of URLs, e-mail addresses and @mentions (not prose words)."""
        spans = [m.span() for rx in (_URL, _EMAIL, _MENTION) for m in rx.finditer(self.text)]
        return sorted(spans)

    @cached_property
    def _protected_before(self) -> list[int]:
        return _covered_before(len(self.text), self.protected_spans)

    @cached_property
    def _hashtag_before(self) -> list[int]:
        return _covered_before(len(self.text), [(s, e) for s, e, _ in self.hashtags])

    def _protected(self, a: int, b: int) -> bool:
        return self._protected_before[b] > self._protected_before[a]

    def in_url_email_mention_or_hashtag(self, a: int, b: int) -> bool:
        """Whether the span ``a:b`` overlaps a URL, an e-mail address, an @mention or a hashtag."""
        return self._protected(a, b) or self._hashtag_before[b] > self._hashtag_before[a]

    @cached_property
    def hashtags(self) -> list[tuple[int, int, str]]:
        """(start, end, tag-without-#) of each hashtag, in the normalised text."""
        return [
            (m.start(), m.end(), m.group(1))
            for m in _HASHTAG.finditer(self.text)
            if not self._protected(m.start(), m.end())
        ]

    @cached_property
    def mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, handle) of each @mention, in the normalised text."""
        in_emails = _covered_before(len(self.text), [x.span() for x in _EMAIL.finditer(self.text)])
        return [
            (m.start(), m.end(), m.group(0))
            for m in _MENTION.finditer(self.text)
            if not in_emails[m.start() + 1] > in_emails[m.start()]
        ]

    def _token(self, word: str, nstart: int, nend: int, hashtag: bool = False) -> Token:
        possessive = False
        bare = strip_possessive(word)
        if bare != word and bare[-1:].isalpha():
            # "Amelia's": the word is Amelia, marked as possessive.
            possessive, nend, word = True, nend - (len(word) - len(bare)), bare
        elif (
            word[-1:] in ("s", "S")
            and self.text[nend : nend + 1] == "'"
            and not self.text[nend + 1 : nend + 2].isalnum()
            and not _QUOTE_OPEN.search(self.text[max(0, nstart - 60) : nend])
        ):
            # "Fields' winning throw", "Mercedes' goal": the apostrophe after the s, not a quote's end
            possessive = True
        start, end = self.span(nstart, nend)
        return Token(word, start, end, nstart, nend, self.sentence_of(nstart), hashtag, possessive)

    @cached_property
    def words(self) -> list[Token]:
        """Prose words in order, leetspeak kept whole (``J0sh`` is one word).

        Words inside URLs, e-mail addresses, @mentions and hashtags are left
        out; see :attr:`hashtag_words` for the words a hashtag is made of.
        """
        tokens = []
        in_hashtag = self._hashtag_before
        protected = self._protected_before  # self._protected(a, b), without a call a word
        for m in _LEETY_WORD.finditer(self.text):
            a, b = m.span()
            if protected[b] > protected[a] or in_hashtag[a + 1] > in_hashtag[a]:
                continue
            word = m.group(0)
            # Trailing stand-in symbols are punctuation unless the word is leetspeak.
            while word and not word[-1].isalnum() and word[-1] != "'":
                word = word[:-1]
                b -= 1
            if not word:
                continue
            if not _WORD.fullmatch(word) and deleet(word) == word:
                # Not leetspeak: split it back into ordinary words.
                for sub in _WORD.finditer(word):
                    tokens.append(self._token(sub.group(0), a + sub.start(), a + sub.end()))
                continue
            tokens.append(self._token(word, a, b))
        return tokens

    @cached_property
    def hashtag_words(self) -> list[Token]:
        """The words a hashtag is made of: ``#WellDoneAmelia`` gives Well, Done, Amelia."""
        tokens = []
        for start, _end, tag in self.hashtags:
            base = start + 1
            for a, b in camel_parts(tag):
                tokens.append(self._token(tag[a:b], base + a, base + b, True))
        return tokens

    @cached_property
    def spaced_words(self) -> list[Token]:
        """Words typed with their letters spaced out: ``J o s h`` or ``J.o.s.h``."""
        tokens = []
        for m in _SPACED_LETTERS.finditer(self.text):
            if self._protected(*m.span()):
                continue
            letters = "".join(ch for ch in m.group(0) if ch.isalpha())
            tokens.append(self._token(letters, m.start(), m.end()))
        return tokens

    @cached_property
    def all_words(self) -> list[Token]:
        """Prose words, hashtag words and spaced-out words, in text order."""
        return sorted(self.words + self.hashtag_words + self.spaced_words, key=lambda t: (t.nstart, t.nend))

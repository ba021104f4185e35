"""A normaliser for incoming replies: one lower-case, de-masked form with a map back to the original.

Replies hide words from filters: look-alike letters from other alphabets (``Ьitch``), zero-width
characters, leetspeak (``sh1te``, ``w4nkers``, ``tw@t``), spaced or dotted letters (``f u c k``,
``s.h.i.t``) and full-width or accented letters. :func:`normalise` undoes all of these while
remembering, for every character of the normalised text, which character of the original it came
from, so a reason can mark the words the writer actually typed. Stars (``f*cking``) are kept: the
lexicons match them against their words (see :func:`safepost.policy.moderation.lexicons.masked_match`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters from other alphabets that look like Latin ones.
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ß": "s", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ℓ": "l",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
}  # fmt: skip

# Digits and symbols that stand in for letters inside a word.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "!": "i"}
_DIGITS = frozenset("0134578")

# A run of characters that could be one (possibly leet) word.
_RUN = re.compile(r"[a-z0-9@$!*]+")
# Numbers with units, times, ordinals and counts are not leetspeak: 10am, 1st, 24h, 100x, 5k, x4.
_NUMBERISH = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|s|h|hrs?|mins?|kg|g|km|m|cm|mm|ml|l|p|k|x|mph|yrs?|yo|ft|in)?|x\d+|[a-z]\d+|\d+[a-z]",
)
# Handles, links and e-mail addresses are kept as they are (lower-cased only).
# Each alternative starts only where a run starts and never backtracks (possessive), so a huge
# run of letters and digits is scanned once, not once per character.
_KEEP = re.compile(
    r"(?:https?://|www\.)\S++|(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)++|(?<![\w@])[@#$][\w.@\-]++|"
    r"(?<![\w\-.])(?:[\w\-]++\.)++(?:com|co\.uk|uk|org|net|ly|me|ee|win|help|xyz|io|app|social)\b\S*+"
)
# Letters spaced or dotted out: "f u c k", "s.h.i.t", "b-o-l-l-o-c-k-s" (four letters or more).
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z][ .\-_*] ?){3,}[a-z](?![a-z0-9])")


@dataclass(frozen=True, slots=True)
class Normalised:
    """A text in normalised form, with the original position of every character.

    ``text`` is lower-case with look-alikes, accents, zero-width characters, leetspeak and spaced
    letters undone; ``origin[i]`` is the index in ``original`` that ``text[i]`` came from.
    """

    original: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``start:end``."""
        if not self.origin:
            return 0, 0
        if end <= start:
            pos = self.origin[min(start, len(self.origin) - 1)]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        """What the writer typed for the normalised span ``start:end``."""
        a, b = self.span(start, end)
        return self.original[a:b]


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in _CONFUSABLES:
        return _CONFUSABLES[ch]
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low.isascii():
        return low
    if low in _CONFUSABLES:
        return _CONFUSABLES[low]
    decomposed = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.lower() if len(base) == 1 else low


@lru_cache(maxsize=4096)
def normalise(text: str) -> Normalised:
    """Normalise ``text`` for matching (see the module docstring); cached, as texts repeat."""
    if text.isascii():
        folded = text.lower()
        origin: list[int] = list(range(len(text)))
    else:
        chars: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            if not ch.isascii() and unicodedata.category(ch) == "Cf":  # zero-width characters, soft hyphens
                continue
            chars.append(_fold_char(ch))
            origin.append(i)
        folded = "".join(chars)
    kept = [False] * len(folded)
    for m in _KEEP.finditer(folded):
        for j in range(m.start(), m.end()):
            kept[j] = True
    # Spaced letters: drop the separators.
    drop = [False] * len(folded)
    for m in _SPACED.finditer(folded):
        if any(kept[m.start() : m.end()]):
            continue
        for j in range(m.start(), m.end()):
            if not folded[j].isalpha():
                drop[j] = True
    # Leetspeak inside word-like runs that mix letters and stand-ins.
    out = list(folded)
    for m in _RUN.finditer(folded):
        run = m.group()
        if kept[m.start()] or run.isalpha() or _NUMBERISH.fullmatch(run):
            continue
        letters = sum(c.isalpha() for c in run)
        digits = sum(c in _DIGITS for c in run)
        if letters < 2 or digits > letters + 1 or (digits > letters and len(run) < 5):
            continue
        for k, c in enumerate(run):
            if c not in _LEET:
                continue
            prev = out[m.start() + k - 1] if k else ""  # as already undone: "pi$$" is "piss"
            nxt = run[k + 1] if k + 1 < len(run) else ""
            if c in "@$" and not prev.isalpha():
                continue
            if c == "!" and not (prev.isalpha() and nxt.isalpha()):
                continue
            out[m.start() + k] = _LEET[c]
    final_chars = [c for j, c in enumerate(out) if not drop[j]]
    final_origin = tuple(o for j, o in enumerate(origin) if not drop[j])
    return Normalised(text, "".join(final_chars), final_origin)

"""Trained readers: a second opinion, learnt from labelled posts, where the rules found nothing.

Two small logistic regressions, one for "this post singles out one child" and one for "this post
says where pupils are or will be", trained by ``scripts/train_readers.py`` on the labelled posts the
project keeps (``bench/holdout*`` and ``tests/fixtures/reading_kinds``: about 53,000 posts written
blind by people who never saw the rules) and shipped as plain weights in
``data/trained_readers.json``. Nothing is downloaded and nothing but the standard library runs.

A post's words become roster-agnostic tokens: a roster first name is ``<F>``, a roster surname
``<S>``, a class of the school ``<C>``, a hashtag holding a roster first name ``<HASHF>``, any other
capitalised word ``<X>`` (a title such as "Mrs" or "Dr" is ``<TITLE>``); times, numbers, ordinals, days and months their classes; words of the
school's structure ("Year", "Class", "Team") and words the training posts write in lower case
stay themselves. The features are those tokens and their pairs; the score is the logistic of the
summed weights. Each sentence is scored on its own too, so a finding can point at the sentence
that reads most like the category.

Why a model beside the rules: the rules read the phrasings they were shown, and each new blind set
brought phrasings of its own. Measured chronologically (each blind set scored by a model trained
only on the sets written before it, beside the rules as they were when that set was first run),
the readers found most of what the rules had missed at a small cost in false alarms; figures in
docs/performance.md ("Round 10: trained readers").
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from safepost.policy.names import (
    KNOWN_PLACES,
    PLACE_PREPOSITIONS,
    TITLES,
    is_ordinary_word,
    second_word_of_a_name,
    word_opening_a_sentence,
)
from safepost.policy.reading import DAYS, MONTHS
from safepost.policy.roster import Roster

DATA = Path(__file__).parent / "data" / "trained_readers.json"

TOKEN = re.compile(
    r"\d{1,2}[:.]\d\d(?:\s?[ap]m)?|\d{1,2}\s?[ap]m\b|\d+(?:st|nd|rd|th)\b|\d+|#\w+|@\w+"
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[!?\"“”()]"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*|[.!?]+")
# Words of a school's structure, read as the words they are even when capitalised ("Year 4",
# "Cedar Class", "the School Council"): they say a group, never a child's name.
_SCHOOL_WORDS = frozenset(
    [
        "year",
        "class",
        "reception",
        "nursery",
        "team",
        "school",
        "club",
        "choir",
        "squad",
        "council",
        "group",
        "key",
        "stage",
        "form",
    ]
)
# A post's features: those of the whole post, and those of each sentence.
Features = tuple[set[str], list[set[str]]]
_TIME = re.compile(r"\d{1,2}[:.]\d\d|\d{1,2}\s?[ap]m")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _possessive(word: str) -> tuple[str, str]:
    if word[-2:] in _POSSESSIVE_ENDS:
        return word[:-2], "'s"
    return word, ""


_POSSESSIVE_ENDS = frozenset(["'s", "'S", "’s", "’S"])


def sentence_tokens(sentence: str, roster: Roster, known: frozenset[str]) -> list[str]:
    """The roster-agnostic tokens of one sentence (``known``: words the training posts write in lower case)."""
    out: list[str] = []
    first = True
    for m in TOKEN.finditer(sentence):
        word = m.group()
        c = word[0]
        if c.isdigit():
            out.append(
                "<TIME>" if _TIME.fullmatch(word) else "<ORD>" if _ORDINAL.fullmatch(word) else "<NUM>"
            )
        elif c == "#":
            body = word[1:].lower()
            out.append("<HASHF>" if any(len(k) >= 3 and k in body for k in roster.by_first) else "<HASH>")
        elif c == "@":
            out.append("<AT>")
        elif c.isalpha():
            stem, pos = _possessive(word)
            out.append(_word_token(stem, c.isupper(), first, roster, known))
            if pos:
                out.append(pos)
        else:
            out.append(word if word in "!?()" else '"')
        first = False
    return out


def _word_token(stem: str, capital: bool, first: bool, roster: Roster, known: frozenset[str]) -> str:
    low = stem.lower()
    if not capital:
        return low
    if low in roster.by_first:
        return "<F>"
    if low in roster.by_surname:
        return "<S>"
    if low in roster.class_names:
        return "<C>"
    if low in DAYS:
        return "<DAY>"
    if low in MONTHS:
        return "<MON>"
    if low.rstrip(".") in TITLES:
        return "<TITLE>"
    if low in _SCHOOL_WORDS or ((first or low == "i") and low in known):
        return low
    return "<CAPS>" if len(stem) > 1 and stem.isupper() else "<X>"


def features(tokens: Sequence[str]) -> set[str]:
    """Word and word-pair features of a token list (with sentence edges)."""
    feats = set(tokens)
    feats.update(f"{a} {b}" for a, b in itertools.pairwise(["<s>", *tokens, "</s>"]))
    return feats


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (a simple split on ., !, ? and new lines)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def post_features(text: str, roster: Roster, known: frozenset[str]) -> Features:
    """Features of the whole post and of each of its sentences."""
    per_sentence: list[set[str]] = []
    whole: set[str] = set()
    n_first = 0
    for a, b in sentences(text):
        toks = sentence_tokens(text[a:b], roster, known)
        n_first += toks.count("<F>")
        f = features(toks)
        per_sentence.append(f)
        whole |= f
    whole.add(f"nF={min(n_first, 3)}")
    return whole, per_sentence


@dataclass(frozen=True)
class Model:
    """One category's weights and the threshold at which it speaks."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(map(self.weights.get, feats, itertools.repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Readers:
    """The shipped models by category, with the lower-case words their tokens keep."""

    models: dict[str, Model]
    known: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "known": sorted(self.known),
            "models": {
                cat: {
                    "bias": round(m.bias, 4),
                    "threshold": m.threshold,
                    "weights": {k: round(v, 4) for k, v in sorted(m.weights.items()) if abs(v) >= 1e-3},
                }
                for cat, m in sorted(self.models.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Readers:
        models = {
            str(cat): Model(
                {str(k): float(v) for k, v in m["weights"].items()}, float(m["bias"]), float(m["threshold"])
            )
            for cat, m in data["models"].items()
        }
        return cls(models, frozenset(map(str, data["known"])))


@cache
def readers() -> Readers:
    """The shipped readers (read once per process)."""
    return Readers.from_json(json.loads(DATA.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Reading:
    """A model's score for a post, and the span of its highest-scoring sentence in the text read.

    The span is found only when the score reaches the model's threshold (otherwise it is empty).
    """

    score: float
    start: int
    end: int


def read(text: str, roster: Roster, category: str, features: Features | None = None) -> Reading:
    """How much ``text`` reads like ``category``, and where it reads most like it.

    ``features``: the text's :func:`post_features` with the shipped known words, when the caller
    already has them (the rules share one set per post: ``Context.reader_features``).
    """
    shipped = readers()
    model = shipped.models[category]
    whole, per_sentence = features if features is not None else post_features(text, roster, shipped.known)
    if not per_sentence:
        return Reading(0.0, 0, 0)  # no words to read ("", "   ")
    score = model.score(whole)
    if score < model.threshold:
        return Reading(score, 0, 0)
    bounds = sentences(text)
    best, best_score = 0, -1.0
    for i, feats in enumerate(per_sentence):
        s = model.score(feats)
        if s > best_score:
            best, best_score = i, s
    # A sentence that goes on in lower case after "!" or "?" ("... (only just six!) beat a Year 6")
    # is one sentence to the reader: the span takes in its pieces.
    first = last = best
    while first > 0 and _goes_on(text, bounds[first][0]):
        first -= 1
    while last + 1 < len(bounds) and _goes_on(text, bounds[last + 1][0]):
        last += 1
    a, b = bounds[first][0], bounds[last][1]
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Reading(score, a, b)


def _goes_on(text: str, start: int) -> bool:
    """Whether the piece of text from ``start`` carries on the sentence before it (begins in lower case)."""
    rest = text[start:].lstrip(" \t)]\"”’'")
    return bool(rest) and rest[0].islower()


def roster_names(text: str, start: int, end: int, roster: Roster) -> list[tuple[int, int, str]]:
    """The pupils' names the reader sees in ``text[start:end]``: (start, end, "first" or "surname") of
    each capitalised roster first name or surname, not after a title ("Mrs Church" is a teacher), not
    the name of a class ("Hepworth"), and not inside a longer proper name ("Young Enterprise")."""
    words = [(m.start(), m.group()) for m in TOKEN.finditer(text, start, end) if m.group()[0].isalpha()]
    out: list[tuple[int, int, str]] = []
    for i, (at, word) in enumerate(words):
        stem, _ = _possessive(word)
        low = stem.lower()
        if not word[0].isupper() or low in roster.class_names:
            continue
        kind = "first" if low in roster.by_first else "surname" if low in roster.by_surname else None
        if kind is None:
            continue
        before = words[i - 1][1] if i else ""
        after = words[i + 1][1] if i + 1 < len(words) else ""
        if before[:1].isupper() and before.lower().rstrip(".") in TITLES:
            continue
        if after[:1].isupper() and stem == word and not _is_roster_name(after, roster):
            continue  # "Young Enterprise", "Robin Wood": part of a longer name
        if kind == "surname" and second_word_of_a_name(text, at, at + len(stem), roster):
            continue  # "at Nether Wyke": a surname after a capitalised word mid-sentence is a place's or a school's
        if (
            kind == "surname"
            and stem == word
            and is_ordinary_word(low)
            and word_opening_a_sentence(text, at, at + len(word), start)
        ):
            continue  # "Best try of the day went to a certain winger": the word, opening its sentence
        if kind == "surname" and low in KNOWN_PLACES and before.lower() in _PLACE_PREPOSITIONS:
            continue  # "travelled to Derby for the county cup": the town, not the pupil called Derby
        out.append((at, at + len(stem), kind))
    return out


# before a town: the places names.py reads after, and "to" and "at"
_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS | {"to", "at"}


def _is_roster_name(word: str, roster: Roster) -> bool:
    low = _possessive(word)[0].lower()
    return low in roster.by_first or low in roster.by_surname

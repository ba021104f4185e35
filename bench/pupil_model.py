"""A small trained model of "this post singles out one child" (issue 12 experiment, not shipped).

The words of a post become roster-agnostic tokens (a roster first name is ``<F>``, a roster
surname ``<S>``, a class of the school ``<C>``, any other capitalised word ``<X>``, numbers,
times, days and months their classes), then word and word-pair features, scored by a logistic
regression whose weights are a plain dict (``{feature: weight}``) in a JSON file. Sentences are
scored alone too, so a finding can point at the sentence that scores highest.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safepost.policy.roster import Roster

_TOKEN = re.compile(
    r"\d{1,2}[:.]\d\d(?:\s?[ap]m)?|\d{1,2}\s?[ap]m\b|\d+(?:st|nd|rd|th)\b|\d+|#\w+|@\w+"
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[!?\"“”()]"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*|[.!?]+")
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Words of a school's structure, read as the words they are even when capitalised ("Year 4",
# "Cedar Class", "the School Council"): they say a group, never a child's name.
_SCHOOL_WORDS = frozenset(
    "year class reception nursery team school club choir squad council group key stage form".split()  # noqa: SIM905
)
_TIME = re.compile(r"\d{1,2}[:.]\d\d|\d{1,2}\s?[ap]m")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _possessive(word: str) -> tuple[str, str]:
    low = word.lower()
    for end in ("'s", "’s"):
        if low.endswith(end):
            return word[: -len(end)], "'s"
    return word, ""


def sentence_tokens(sentence: str, roster: Roster, known: frozenset[str]) -> list[str]:
    """The roster-agnostic tokens of one sentence (``known``: words seen in lower case)."""
    out: list[str] = []
    first = True
    for m in _TOKEN.finditer(sentence):
        word = m.group()
        c = word[0]
        if c.isdigit():
            if _TIME.fullmatch(word):
                out.append("<TIME>")
            elif _ORDINAL.fullmatch(word):
                out.append("<ORD>")
            else:
                out.append("<NUM>")
        elif c == "#":
            body = word[1:].lower()
            hit = any(k in body for k in _name_parts(roster, body))
            out.append("<HASHF>" if hit else "<HASH>")
        elif c == "@":
            out.append("<AT>")
        elif c.isalpha():
            stem, pos = _possessive(word)
            low = stem.lower()
            if c.isupper():
                if low in roster.by_first:
                    tok = "<F>"
                elif low in roster.by_surname:
                    tok = "<S>"
                elif low in roster.class_names:
                    tok = "<C>"
                elif low in _DAYS:
                    tok = "<DAY>"
                elif low in _MONTHS:
                    tok = "<MON>"
                elif low in _SCHOOL_WORDS or ((first or low == "i") and low in known):
                    tok = low
                elif len(stem) > 1 and stem.isupper():
                    tok = "<CAPS>"
                else:
                    tok = "<X>"
            else:
                tok = low
            out.append(tok)
            if pos:
                out.append(pos)
            first = False
            continue
        else:
            out.append(word if word in "!?()" else '"')
        first = False
    return out


def _name_parts(roster: Roster, body: str) -> Iterable[str]:
    # Roster first names of three letters or more inside a hashtag ("#WellDoneAmara").
    return (k for k in roster.by_first if len(k) >= 3 and k in body)


def features(tokens: Sequence[str]) -> set[str]:
    """Word and word-pair features of a token list (with sentence edges)."""
    feats = set(tokens)
    padded = ["<s>", *tokens, "</s>"]
    feats.update(f"{a} {b}" for a, b in itertools.pairwise(padded))
    return feats


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (a simple split on ., !, ? and new lines)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def post_features(text: str, roster: Roster, known: frozenset[str]) -> tuple[set[str], list[set[str]]]:
    """Features of the whole post and of each sentence."""
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
    """Weights of one category's logistic regression, and the threshold chosen for it."""

    weights: dict[str, float]
    bias: float
    threshold: float
    known: frozenset[str]

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "known": sorted(self.known),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            known=frozenset(map(str, data["known"])),
        )


def load(path: Path) -> Model:
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Reading:
    """The model's score for a post, and its highest-scoring sentence (a span of ``text``)."""

    score: float
    start: int
    end: int
    sentence_score: float


def read(text: str, roster: Roster, model: Model) -> Reading:
    """Score ``text`` as a whole and sentence by sentence."""
    whole, per_sentence = post_features(text, roster, model.known)
    bounds = sentences(text)
    best, best_score = (0, len(text)), -1.0
    for (a, b), feats in zip(bounds, per_sentence, strict=True):
        s = model.score(feats)
        if s > best_score:
            best, best_score = (a, b), s
    a, b = best
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Reading(model.score(whole), a, b, max(best_score, 0.0))

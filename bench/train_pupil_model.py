"""Train the experimental model of one child singled out (issue 12; measured, not shipped).

A logistic regression over roster-agnostic word and word-pair features
(bench/pupil_model.py), trained on the 13 labelled sets written before the model (the shared
dev and hard sets, bench/holdout to holdout4, tests/fixtures/reading_kinds/posts1-7) and 300
template posts of its own (generated()): a post is positive
when its labels expect individual-pupil. The threshold is the lowest at which the posts of each
set, scored by a model trained on the other sets (leave-one-set-out), are flagged with a
precision of at least 0.95. Full-batch and started from zeros, so every run writes the same file.

usage: .venv/bin/python bench/train_pupil_model.py --out pupil_model.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pupil_model  # noqa: E402

from safepost.policy.roster import Roster, load_roster  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
KINDS = ROOT / "tests" / "fixtures" / "reading_kinds"
SETS: dict[str, tuple[Path, Path]] = {
    "dev": (EVAL / "dev.jsonl", EVAL / "roster.csv"),
    "hard": (EVAL / "hard.jsonl", EVAL / "roster-hard.csv"),
    "holdout": (ROOT / "bench/holdout/holdout.jsonl", ROOT / "bench/holdout/roster.csv"),
    "holdout2": (ROOT / "bench/holdout2/holdout2.jsonl", ROOT / "bench/holdout2/roster.csv"),
    "holdout3": (ROOT / "bench/holdout3/holdout3.jsonl", ROOT / "bench/holdout3/roster.csv"),
    "holdout4": (ROOT / "bench/holdout4/holdout4.jsonl", ROOT / "bench/holdout4/roster.csv"),
    **{f"posts{n}": (KINDS / f"posts{n}.jsonl", KINDS / f"roster{n}.csv") for n in range(1, 8)},
}
TARGET_PRECISION = 0.95
# Sets that can be read (items, roster) but are not trained on: the bench's newer blind sets.
EXTRA: dict[str, tuple[Path, Path]] = {}
# Posts the script writes itself (generated()), added to every training run: a class, a year group
# or a team praised or thanked is fine, the same words to one named child are not. The labelled
# sets hold few of the first, so without them the model reads "Well done, Cedar Class" as one child.
GENERATED = "generated"
use_generated = True

_OPENERS = [
    "Well done to", "Well done,", "Congratulations to", "A huge well done to", "Massive congratulations to",
    "Thank you to", "Huge thanks to", "Great job,", "Three cheers for", "So proud of", "Brilliant work from",
    "A big shout-out to", "Hats off to",
]  # fmt: skip
_GROUPS = [
    "Year {n}", "{c} Class", "{c}", "everyone in {c} Class", "our Year {n} team", "the whole of Year {n}",
    "all of {c} Class", "our football team", "the choir", "our school council", "every child in Year {n}",
    "our Year {n} netball squad", "the children in {c}", "all our Reception children", "our Year {n} readers",
]  # fmt: skip
_CHILDREN = ["{f}", "{f} {s}", "{f} in {c} Class", "{f} from Year {n}", "{f} in {c}"]
_REASONS = [
    "for a calm and focused morning today!", "for your brilliant effort in maths this week.",
    "on a fantastic assembly this morning!", "for such kind behaviour at lunchtime.",
    "for reading every day this half term!", "- what a performance on Sports Day!",
    "for the amazing artwork in the hall.", "on winning the tidy classroom award!",
    "for a super swimming lesson today.", "for raising £120 at the cake sale!",
    "for singing so beautifully at the concert last night.", "for all your hard work on the science fair projects.",
]  # fmt: skip
_NAMES = [("Amara", "Okoye", "Hazel"), ("Bilal", "Rahman", "Rowan"), ("Chloe", "Whitaker", "Sycamore"),
          ("Dev", "Malhotra", "Aspen"), ("Esme", "Farrow", "Hawthorn"), ("Finn", "Gallagher", "Elm")]  # fmt: skip


@cache
def generated() -> tuple[list[dict[str, object]], Roster]:
    """Template posts, seeded: 2 praising a group for every 1 praising a named child."""
    from safepost.policy.roster import Pupil

    rng = np.random.default_rng(12)
    roster = Roster([Pupil((f,), (s,), "Year 3", c) for f, s, c in _NAMES])
    out: list[dict[str, object]] = []
    for i in range(300):
        f, s, c = _NAMES[int(rng.integers(len(_NAMES)))]
        n = int(rng.integers(1, 7))
        child = i % 3 == 2
        who = str(rng.choice(_CHILDREN if child else _GROUPS)).format(f=f, s=s, c=c, n=n)
        text = f"{rng.choice(_OPENERS)} {who} {rng.choice(_REASONS)}"
        out.append({"id": f"gen-{i}", "text": text, "expect": ["individual-pupil"] if child else []})
    return out, roster


@cache
def items(name: str) -> list[dict[str, object]]:
    if name == GENERATED:
        return generated()[0]
    path = {**SETS, **EXTRA}[name][0]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def roster(name: str) -> Roster:
    if name == GENERATED:
        return generated()[1]
    return load_roster({**SETS, **EXTRA}[name][1])


# ---------------------------------------------------------------------------- the model


def known_words(names: list[str]) -> frozenset[str]:
    """Words written in lower case at least twice in the training posts."""
    counts: Counter[str] = Counter()
    for name in names:
        for it in items(name):
            counts.update(w for w in pupil_model._TOKEN.findall(str(it["text"])) if w.islower())
    return frozenset(w for w, c in counts.items() if c >= 2)


def featurise(names: list[str], known: frozenset[str]) -> list[set[str]]:
    return [pupil_model.post_features(str(it["text"]), roster(n), known)[0] for n in names for it in items(n)]


def labels(names: list[str], category: str) -> np.ndarray:
    return np.array([category in it["expect"] for n in names for it in items(n)], dtype=np.float64)  # type: ignore[operator]


def train(
    feats: list[set[str]], y: np.ndarray, l2: float = 1.0, steps: int = 300
) -> tuple[dict[str, float], float]:
    """Logistic regression with an L2 penalty, full-batch Adam (deterministic)."""
    df: Counter[str] = Counter(f for fs in feats for f in fs)
    vocab = sorted(f for f, c in df.items() if c >= 2)
    index = {f: i for i, f in enumerate(vocab)}
    X = np.zeros((len(feats), len(vocab)), dtype=np.float64)
    for r, fs in enumerate(feats):
        for f in fs:
            i = index.get(f)
            if i is not None:
                X[r, i] = 1.0
    n = len(y)
    w = np.zeros(len(vocab))
    b = 0.0
    m = np.zeros(len(vocab) + 1)
    v = np.zeros(len(vocab) + 1)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        g = np.empty(len(vocab) + 1)
        g[:-1] = X.T @ (p - y) / n + l2 * w / n
        g[-1] = float(np.mean(p - y))
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        step = lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        w -= step[:-1]
        b -= float(step[-1])
    return {f: float(w[i]) for f, i in index.items()}, b


def scores(weights: dict[str, float], bias: float, feats: list[set[str]]) -> np.ndarray:
    model = pupil_model.Model(weights, bias, 0.5, frozenset())
    return np.array([model.score(fs) for fs in feats])


def fit(names: list[str], category: str) -> pupil_model.Model:
    if use_generated:
        names = [*names, GENERATED]
    known = known_words(names)
    w, b = train(featurise(names, known), labels(names, category))
    return pupil_model.Model(w, b, 0.5, known)


def choose_threshold(names: list[str], category: str, target: float) -> float:
    """The lowest threshold whose out-of-fold precision (inner leave-one-set-out) reaches target."""
    oof: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for held in names:
        rest = [n for n in names if n != held]
        model = fit(rest, category)
        oof.append(scores(model.weights, model.bias, featurise([held], model.known)))
        ys.append(labels([held], category))
    s, y = np.concatenate(oof), np.concatenate(ys)
    for t in np.arange(0.30, 0.991, 0.01):
        fired = s >= t
        if fired.sum() and y[fired].mean() >= target:
            return float(round(t, 2))
    return 0.99


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--category", default="individual-pupil")
    ap.add_argument("--target-precision", type=float, default=TARGET_PRECISION)
    args = ap.parse_args()
    names = list(SETS)
    model = fit(names, args.category)
    threshold = choose_threshold(names, args.category, args.target_precision)
    data = pupil_model.Model(model.weights, model.bias, threshold, model.known).to_json()
    trained_on = [*names, GENERATED] if use_generated else names
    data = {"category": args.category, "trained_on": trained_on, **data}
    Path(args.out).write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['weights'])} weights, threshold {threshold:.2f}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train the checker's trained readers (safepost/policy/trained.py) from the project's labelled posts.

Every labelled set in the repository is used: ``bench/holdout*/`` (blind sets written by helpers
who never saw the rules, each a ``*.jsonl`` with its ``roster.csv``) and
``tests/fixtures/reading_kinds/postsN.jsonl`` with ``rosterN.csv``. A post is positive for a
category when its labels (``expect``) hold it. One logistic regression per category in
:data:`THRESHOLDS`, L2-penalised, full-batch Adam from zeros on a sparse 0/1 design: no randomness,
so two runs write byte-identical files (a test checks the shipped file against a fresh run).

The thresholds are not tuned here. They were chosen from the chronological measurement
(``bench/model_chrono.py``): each blind set holdout5-holdout72 scored by a model trained only on the
sets written before it, OR-ed with the rules as they were at that set's first run; the threshold
is the lowest at which the model's additions were right at least four times in five, pooled over
those sets (docs/performance.md, "Round 10: trained readers").

usage: .venv/bin/python scripts/train_readers.py [--out safepost/policy/data/trained_readers.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safepost.policy import trained  # noqa: E402
from safepost.policy.roster import Roster, load_roster  # noqa: E402
from safepost.policy.text import PostText  # noqa: E402

# Category -> the score at which the reader speaks (see the module docstring for how chosen).
THRESHOLDS = {"individual-pupil": 0.91, "trip-whereabouts": 0.55}
L2 = 1.0
STEPS = 300

Item = dict[str, object]


def labelled_sets(root: Path = ROOT) -> list[tuple[str, Path, Path]]:
    """(name, posts, roster) of every labelled set in the repository, in a fixed order."""
    out = []
    for d in sorted((root / "bench").glob("holdout*"), key=lambda p: (len(p.name), p.name)):
        posts = sorted(d.glob("*.jsonl"))
        if posts and (d / "roster.csv").exists():
            out.append((d.name, posts[0], d / "roster.csv"))
    kinds = root / "tests" / "fixtures" / "reading_kinds"
    for p in sorted(kinds.glob("posts*.jsonl"), key=lambda p: (len(p.name), p.name)):
        n = p.stem.removeprefix("posts")
        out.append((f"posts{n}", p, kinds / f"roster{n}.csv"))
    return out


def read_items(path: Path) -> list[Item]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def as_read(item: Item) -> str:
    """A post's text as the rules read it (normalised: curly quotes, look-alike letters, ...)."""
    return PostText(str(item["text"])).text


def known_words(texts: Iterable[str]) -> frozenset[str]:
    """Words written in lower case at least twice in the training posts: kept as words when capitalised first."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in trained.TOKEN.findall(text) if w.islower())
    return frozenset(w for w, c in counts.items() if c >= 2)


def train(
    feats: list[set[str]], y: np.ndarray, l2: float = L2, steps: int = STEPS
) -> tuple[dict[str, float], float]:
    """Logistic regression, L2, full-batch Adam from zeros on a sparse 0/1 design (deterministic).

    Features seen in fewer than two posts are dropped.
    """
    df: Counter[str] = Counter(f for fs in feats for f in fs)
    vocab = sorted(f for f, c in df.items() if c >= 2)
    index = {f: i for i, f in enumerate(vocab)}
    pairs = [(r, index[f]) for r, fs in enumerate(feats) for f in sorted(fs) if f in index]
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    n, v_size = len(y), len(vocab)
    w = np.zeros(v_size)
    b = 0.0
    m = np.zeros(v_size + 1)
    v = np.zeros(v_size + 1)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(np.bincount(rows, weights=w[cols], minlength=n) + b)))
        r = p - y
        g = np.empty(v_size + 1)
        g[:-1] = np.bincount(cols, weights=r[rows], minlength=v_size) / n + l2 * w / n
        g[-1] = float(np.mean(r))
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        step = lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        w -= step[:-1]
        b -= float(step[-1])
    return {f: float(w[i]) for f, i in index.items()}, b


def fit(data: list[tuple[list[Item], Roster]], categories: Iterable[str], l2: float = L2) -> trained.Readers:
    """Readers trained on ``data`` (each set's items with its roster), thresholds from :data:`THRESHOLDS`."""
    known = known_words(as_read(it) for items, _ in data for it in items)
    feats = [
        trained.post_features(str(it["text"]), roster, known)[0] for items, roster in data for it in items
    ]
    models = {}
    for category in categories:
        y = np.array([category in it["expect"] for items, _ in data for it in items], dtype=np.float64)  # type: ignore[operator]
        w, b = train(feats, y, l2)
        models[category] = trained.Model(w, b, THRESHOLDS.get(category, 0.5))
    return trained.Readers(models, known)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=trained.DATA)
    args = ap.parse_args()
    sets = labelled_sets()
    data = [(read_items(posts), load_roster(roster)) for _, posts, roster in sets]
    readers = fit(data, THRESHOLDS)
    payload = {"trained_on": [name for name, _, _ in sets], **readers.to_json()}
    args.out.write_text(
        json.dumps(payload, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    n = sum(len(items) for items, _ in data)
    print(
        f"{args.out}: {len(sets)} sets, {n} posts; "
        + ", ".join(
            f"{c} {len(m.weights)} weights, threshold {m.threshold}" for c, m in readers.models.items()
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Detection quality on the labelled replies: a floor at the figures in docs/performance.md.

Each blind set (bench/replies-holdout1, bench/replies-holdout2) was first run once, at the end of
its round; its first-run figure is the honest one. The round-1 set's misses were then read by kind
for round 2, so its floor is the figure after round 2. These tests only stop a later change from
making any set worse than recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepost.policy.moderation import LABELS, Item, classify

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "dev": (ROOT.parent / "shared" / "eval" / "replies" / "dev.jsonl", 1.0, 1.0, 1.0),
    "blind round 1": (ROOT / "bench" / "replies-holdout1" / "replies.jsonl", 0.984, 1.0, 1.0),
    "blind round 2": (ROOT / "bench" / "replies-holdout2" / "replies.jsonl", 0.762, 0.541, 0.600),
}


def _score(path: Path) -> tuple[float, float, float]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = []
    escalations = []
    for row in items:
        item = Item(
            text=row["text"],
            platform=row.get("platform") or "",
            kind=row.get("kind") or "reply",
            author_handle=row.get("author_handle") or "",
            author_bio=row.get("author_bio") or "",
            in_reply_to=row.get("in_reply_to"),
        )
        judgement = classify(item)
        pairs.append((row["expect"], judgement.label))
        escalations.append((row["escalate"], judgement.escalate))
    f1s = []
    for label in LABELS:
        tp = sum(1 for e, g in pairs if e == g == label)
        fp = sum(1 for e, g in pairs if g == label and e != label)
        fn = sum(1 for e, g in pairs if e == label and g != label)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    threats = [g for e, g in pairs if e == "threat"]
    threat_recall = sum(1 for g in threats if g == "threat") / len(threats)
    wanted = [g for e, g in escalations if e]
    escalate_recall = sum(1 for g in wanted if g) / len(wanted)
    return sum(f1s) / len(f1s), threat_recall, escalate_recall


@pytest.mark.parametrize("name", sorted(SETS))
def test_quality_on_the_labelled_replies_is_no_worse_than_recorded(name: str) -> None:
    path, macro_f1, threat_recall, escalate_recall = SETS[name]
    if not path.exists():
        pytest.skip(f"{path} is not here")
    got = _score(path)
    assert got[0] >= macro_f1 - 0.0005
    assert got[1] >= threat_recall - 0.0005
    assert got[2] >= escalate_recall - 0.0005

"""Precision on what schools themselves write: none of the 630 school-written posts in the shared
evaluation sets and our held-out sets may be called a threat or spam by the reply classifier
(events with times and places, phone numbers of volunteers, links to book tickets are ordinary
there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepost.policy.moderation import Item, classify

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
    ROOT.parent / "shared" / "eval" / "hard.jsonl",
    ROOT / "bench" / "holdout" / "holdout.jsonl",
    ROOT / "bench" / "holdout2" / "holdout2.jsonl",
]


def _posts() -> list[str]:
    texts = []
    for path in FILES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
    return texts


def test_no_school_written_post_is_called_a_threat_or_spam() -> None:
    posts = _posts()
    if not posts:
        pytest.skip("the school-written sets are not here")
    wrong = [(classify(Item(text=t)).label, t[:80]) for t in posts]
    wrong = [w for w in wrong if w[0] in ("threat", "spam")]
    assert wrong == []

"""The crash experiment, short: a real worker SIGKILLed again and again while it publishes.

bench/crash_publishing.py, run as a program on its own SQLite file with mastodon-mock on loopback:
a handful of posts, workers killed at random and at the dangerous moments, then counted from the
platforms themselves. The full run (1,000 kills, SQLite and PostgreSQL with Celery) and its
figures are in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench" / "crash_publishing.py"


def test_killing_the_worker_over_and_over_loses_and_duplicates_nothing_and_leaves_nothing_stuck(
    tmp_path: Path,
) -> None:
    figures = tmp_path / "crash.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SAFEPOST_", "CELERY_"))}
    env["SAFEPOST_CACHE_DIR"] = os.environ.get("SAFEPOST_CACHE_DIR", "")
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--backend=sqlite",
            "--posts=6",
            "--kills=6",
            "--max-seconds=30",
            "--kill-every",
            "0.5",
            "2.5",
            "--p-dangerous=0.3",
            "--processes=2",
            "--drain-timeout=150",
            f"--json={figures}",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
    )

    result = json.loads(figures.read_text())
    assert result["kills"] >= 3, done.stdout  # the kill phase is bounded in time: a slow machine kills less
    assert result["duplicates"] == {"website": 0, "mastodon": 0}, done.stdout
    assert result["lost"] == {"website": 0, "mastodon": 0}, done.stdout
    assert result["stuck"] == 0, done.stdout
    assert result["drain_seconds"] is not None and result["drain_seconds"] <= 120, done.stdout
    assert result["audit_chain_ok"], done.stdout
    assert result["running_left"] == 0, done.stdout
    assert done.returncode == 0, done.stdout + done.stderr

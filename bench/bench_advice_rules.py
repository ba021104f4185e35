"""What the rules of issue 15 cost, and how often they cry wolf on correct school posts.

For every post of the shared sets and the project's held-out sets (630 posts), in one process on
one core: the CPU time of the whole check under sutton-manor (grammar on) against the same policy
with grammar off, the time the grammar check takes to start, and how many correct posts (no spelling or
text-speak expected) each advice rule flags. CPU time (``time.process_time``) is used so a busy
machine does not inflate the figures. Run ``.venv/bin/python bench/bench_advice_rules.py``.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safepost.policy.checker import Checker  # noqa: E402
from safepost.policy.config import load_policy  # noqa: E402
from safepost.policy.grammar import grammar_slips  # noqa: E402
from safepost.policy.roster import Roster  # noqa: E402
from safepost.policy.rules.base import Post  # noqa: E402

SETS = [
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
    ROOT.parent / "shared" / "eval" / "hard.jsonl",
    ROOT / "bench" / "holdout" / "holdout.jsonl",
    ROOT / "bench" / "holdout2" / "holdout2.jsonl",
]


def posts() -> list[dict[str, object]]:
    items = []
    for path in SETS:
        if path.exists():
            items += [
                json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            ]
    return items


def per_post_ms(checker: Checker, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        start = time.process_time()
        checker.check(Post(text))
        times.append((time.process_time() - start) * 1000)
    return times


def main() -> int:
    items = posts()
    texts = [str(i["text"]) for i in items]
    start = time.process_time()
    grammar_slips("Warming up.")
    load = time.process_time() - start
    sutton = load_policy("sutton-manor")
    no_grammar = dataclasses.replace(sutton, writing=dataclasses.replace(sutton.writing, grammar="allow"))
    roster = Roster()
    with_g = per_post_ms(Checker(sutton, roster), texts)
    without = per_post_ms(Checker(no_grammar, roster), texts)
    print(f"{len(texts)} posts; the grammar check starts in {load * 1000:.1f} ms CPU")
    for label, times in (("sutton-manor, grammar on", with_g), ("sutton-manor, grammar off", without)):
        times.sort()
        print(
            f"{label:28} median {statistics.median(times):.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms CPU a post"
        )
    clean = [i for i in items if not {"spelling", "text-speak"} & set(i["expect"])]  # type: ignore[arg-type]
    print(f"false alarms on {len(clean)} correct posts (posts flagged):")
    for preset, codes in (
        ("sutton-manor", ("SP406", "SP408")),
        ("courtney", ("SP407", "SP502")),
        ("no-names-no-faces", ("SP502",)),
    ):
        policy = load_policy(preset)
        if preset == "courtney":
            policy = dataclasses.replace(
                policy, school=dataclasses.replace(policy.school, website="https://www.example-school.sch.uk")
            )
        checker = Checker(policy, roster)
        for code in codes:
            flagged = [
                i["id"]
                for i in clean
                if any(f.rule == code for f in checker.check(Post(str(i["text"]))).findings)
                and (code != "SP502" or "offensive" not in i["expect"])  # type: ignore[operator]
            ]
            print(f"  {code} under {preset}: {len(flagged)} {flagged[:8]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

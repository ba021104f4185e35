"""How fast is the reply classifier? Measures it against the target of 1,000 items a second on one core.

Builds a mix of unique replies from the test tables in ``tests/moderation/moderation_cases.py``
(written for the tests, none from the evaluation set), each made unique by a varied opening and
closing so no cache can answer twice, with bios as written, and then:

* classifies them in a warm process pinned to one core: items per CPU second of that core (and
  per wall-clock second, which on a shared machine counts other processes' turns), best of three
  passes; median and p99 CPU time per item (the caches are cleared before each
  pass, so every item is worked out in full);
* runs ``safepost moderate --jsonl`` on a file of them as a subprocess (start-up included): items
  per CPU second of that process and per wall-clock second.

It prints each figure beside its target and exits 1 if a target is missed. Run it with
``.venv/bin/python bench/bench_moderation.py`` (``--help`` for options). Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "moderation"))

from moderation_cases import (  # noqa: E402
    ALL,
    BENIGN,
    EIGHTH,
    ELEVENTH,
    FIFTEENTH,
    FIFTH,
    FOURTEENTH,
    FOURTH,
    HARDER,
    NINTH,
    SEVENTH,
    SIXTH,
    TENTH,
    THIRD,
    THIRTEENTH,
    TWELFTH,
)

from safepost.policy.moderation import Item, classify, lexicons, normalise  # noqa: E402  # noqa: E402

OPENINGS = ("", "Hi, ", "Honestly, ", "Well ", "So ", "Just saying: ", "Morning! ", "Right, ")
CLOSINGS = ("", " x", " 😊", " #schoollife", " (again)", "!!", " ...", " Thanks.")


def build_items(count: int, seed: int) -> list[Item]:
    """``count`` unique items from the test tables, each with a varied opening and closing."""
    rng = random.Random(seed)
    table = (
        ALL
        + HARDER
        + THIRD
        + FOURTH
        + FIFTH
        + SIXTH
        + SEVENTH
        + EIGHTH
        + NINTH
        + TENTH
        + ELEVENTH
        + TWELFTH
        + THIRTEENTH
        + FOURTEENTH
        + FIFTEENTH
        + FIFTEENTH
        + BENIGN
    )
    items = []
    for i in range(count):
        text, bio, reply_to, _label, _escalate = table[i % len(table)]
        body = f"{rng.choice(OPENINGS)}{text}{rng.choice(CLOSINGS)} [{i}]"
        items.append(Item(text=body, author_bio=bio, in_reply_to=reply_to, platform="x"))
    return items


def clear_caches() -> None:
    """Forget every cached normalisation and match, so each item is worked out in full."""
    normalise.normalise.cache_clear()
    for fn in (lexicons._word_hits, lexicons.masked_match, lexicons._could_be_child):
        fn.cache_clear()


def main() -> int:
    """Run the benchmark and print the figures; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000, help="items to classify in process (default 5000)")
    parser.add_argument(
        "--jsonl-items", type=int, default=5000, help="items in the --jsonl file (default 5000)"
    )
    parser.add_argument(
        "--passes", type=int, default=3, help="passes over the items; the best counts (default 3)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    # Warm up: load the name lists and compile the patterns once, as a long-running worker would.
    for item in build_items(200, args.seed + 1):
        classify(item)
    items = build_items(args.items, args.seed)
    # The machine is shared: take the best of a few passes (as timeit does), caches cleared each time.
    # Time is CPU time of this thread (time.thread_time): on a shared machine, wall time counts the
    # moments another process had the core.
    rate = wall_rate = 0.0
    times: list[float] = []
    for _ in range(args.passes):
        clear_caches()
        pass_times = []
        start, wall_start = time.thread_time(), time.perf_counter()
        for item in items:
            t0 = time.thread_time()
            classify(item)
            pass_times.append(time.thread_time() - t0)
        total = time.thread_time() - start
        wall_rate = max(wall_rate, len(items) / (time.perf_counter() - wall_start))
        if len(items) / total > rate:
            rate, times = len(items) / total, pass_times
    times.sort()
    median_ms = statistics.median(times) * 1000
    p99_ms = times[int(len(times) * 0.99) - 1] * 1000

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "replies.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, item in enumerate(build_items(args.jsonl_items, args.seed + 2)):
                row = {
                    "id": f"b{i}",
                    "platform": item.platform,
                    "kind": item.kind,
                    "author_handle": "@someone",
                    "author_bio": item.author_bio,
                    "text": item.text,
                    "in_reply_to": item.in_reply_to,
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "safepost"), "moderate", "--jsonl", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        jsonl_seconds = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        jsonl_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if run.returncode != 0:
            print(run.stderr[-2000:], file=sys.stderr)
            return 1
        lines = run.stdout.count("\n")
    jsonl_rate = lines / jsonl_seconds
    jsonl_cpu_rate = lines / jsonl_cpu

    figures = {
        "items classified in process": len(items),
        "throughput in process (items per CPU second, one core)": round(rate),
        "throughput in process (items per wall-clock second, shared machine)": round(wall_rate),
        "median time per item (ms)": round(median_ms, 3),
        "p99 time per item (ms)": round(p99_ms, 3),
        "safepost moderate --jsonl, items per CPU second (start-up included)": round(jsonl_cpu_rate),
        "safepost moderate --jsonl, items per wall-clock second (shared machine)": round(jsonl_rate),
        "--jsonl items": lines,
    }
    for name, value in figures.items():
        print(f"{name:70} {value}")
    ok = rate >= 1000
    print(f"\ntarget: >= 1,000 items/s on one core: {'met' if ok else 'MISSED'}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""How fast is the policy checker? Measures it against the performance budget.

Generates a realistic mix of school posts (150-280 characters, from templates,
not the dev set) naming pupils of the evaluation roster, then measures:

* the check time per post in a warm process pinned to one core (median, p99);
* ``safepost check --jsonl`` throughput on a file of 2,000 posts (a real subprocess);
* ``safepost check`` start-up: process wall time for one short post (best of 5, median);
* peak RSS of those subprocesses.

It prints each figure beside its target and exits 1 if any target is missed.
Run it with ``make bench`` or ``.venv/bin/python bench/bench_checker.py`` (``--help``
for options). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safepost.policy.checker import Checker  # noqa: E402
from safepost.policy.config import Policy, load_policy  # noqa: E402
from safepost.policy.roster import Roster, load_roster  # noqa: E402
from safepost.policy.rules.base import Context, Post  # noqa: E402

EVAL_ROSTER = ROOT.parent / "shared" / "eval" / "roster.csv"
PRESETS = ("st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney")

# (name, unit, target, higher is better)
TARGETS: dict[str, tuple[str, float, bool]] = {
    "median check time": ("ms", 5.0, False),
    "p99 check time": ("ms", 20.0, False),
    "--jsonl throughput": ("posts/s", 500.0, True),
    "start-up (best of runs)": ("s", 1.5, False),
    "start-up (median)": ("s", 1.5, False),
    "peak RSS": ("MB", 300.0, False),
}

# --- posts -----------------------------------------------------------------------------------------

CLASSES = [
    "Year 1",
    "Year 2",
    "Year 3",
    "Year 4",
    "Year 5",
    "Year 6",
    "Reception",
    "Oak Class",
    "Willow Class",
    "Class 4",
    "our Year 6 team",
    "the school choir",
    "the football team",
]
TOPICS = [
    "the Romans",
    "volcanoes",
    "fractions",
    "the water cycle",
    "forces and magnets",
    "the Egyptians",
    "plants and seeds",
    "coding with Scratch",
    "the Great Fire of London",
    "rainforests",
]
PLACES = [
    "Chester Zoo",
    "the Walker Art Gallery",
    "Crosby Beach",
    "the World Museum",
    "Formby woods",
    "the Lake District",
    "Jodrell Bank",
    "the Botanic Gardens",
]
HANDLES = ["LivMuseums", "NationalTrust", "ScienceSam", "JoBrookesWrites", "LFCFoundation", "CheshireFire"]
TAGS = ["ForestSchool", "WorldBookDay", "ScienceWeek", "TeamWork", "ProudTeacher", "PEatHome", "Reading"]
ACHIEVEMENTS = [
    "a fantastic piece of writing",
    "brilliant teamwork in PE",
    "a super science investigation",
    "reading every night this term",
    "a beautiful painting",
    "amazing effort in maths",
]
FILLER = [
    "The children worked together beautifully and asked some brilliant questions.",
    "Thank you to all the parents and carers who helped make it happen.",
    "We are so proud of everyone involved.",
    "Photos are on the school website and in the newsletter this Friday.",
    "Please remember that PE kits are needed on Tuesdays and Thursdays.",
    "The whole school came together for a very special assembly afterwards.",
    "Don't forget that the library is open after school on Wednesdays.",
    "It was lovely to see so many smiling faces.",
    "Our next topic starts after half term, so watch this space!",
    "A huge thank you to our wonderful staff for organising it.",
]


def _templates(rng: random.Random, first: str, last: str) -> dict[str, str]:
    cls, topic, place = rng.choice(CLASSES), rng.choice(TOPICS), rng.choice(PLACES)
    handle, tag, ach = rng.choice(HANDLES), rng.choice(TAGS), rng.choice(ACHIEVEMENTS)
    lead = cls[0].upper() + cls[1:]  # the class at the start of a sentence
    return {
        "clean": f"{lead} have had a wonderful week learning about {topic}.",
        "clean-trip": f"{lead} had a brilliant day at {place} yesterday and came back full of stories.",
        "first-name": f"Well done {first} for {ach} today!",
        "full-name": f"Congratulations to {first} {last} in {cls} for {ach}.",
        "possessive": f"Everyone loved {first}'s presentation about {topic} in assembly.",
        "mention": f"Thank you to @{handle} for visiting {cls} to talk about {topic}.",
        "mid-hashtag": f"{lead} loved their #{tag} session this morning, building dens in the rain.",
        "end-hashtags": f"{lead} loved their session about {topic} this morning. #{tag} #{rng.choice(TAGS)}",
        "text-speak": f"Gr8 work from {cls} 2day, c u all 2moro for more {topic} lol!",
        "misspelt": f"We recieved some amazing letters from {cls} about {topic}, definately worth a read.",
        "personal-data": f"Lost coat? Please call Mrs Ellis on 07700 900{rng.randint(100, 999)} or email "
        f"ellis.family{rng.randint(1, 99)}@gmail.com.",
        "whereabouts": f"{lead} are at {place} until 2pm today, with lunch by the main entrance at 12:30.",
        "offensive": f"What a crap afternoon of weather, but {cls} still had a damn good time!",
        "individual": f"{first}, don't forget your recorder tomorrow!",
        "adult": f"Thank you to Mrs {last} and author Jo Brookes for a super day with {cls}.",
    }


def _fit(rng: random.Random, lead: str, low: int = 150, high: int = 280) -> str:
    """Pad ``lead`` with filler sentences to between ``low`` and ``high`` characters where it can."""
    text = lead
    fillers = rng.sample(FILLER, len(FILLER))
    for sentence in fillers:
        if len(text) >= low:
            break
        if len(text) + 1 + len(sentence) <= high:
            text = f"{text} {sentence}" if "#" not in text.split()[-1] else f"{sentence} {text}"
    return text


@dataclass(frozen=True)
class Sample:
    """One generated post with the circumstances it is checked in."""

    id: str
    policy: str
    text: str
    at: datetime
    exception: str | None
    kind: str

    def post(self) -> Post:
        return Post(self.text, at=self.at, exception=self.exception)

    def line(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "policy": self.policy,
                "text": self.text,
                "at": self.at.isoformat(timespec="minutes"),
                "exception": self.exception,
            }
        )


def generate(count: int, roster: Roster, seed: int = 2026) -> list[Sample]:
    """``count`` posts: mostly clean, a realistic share with something to flag."""
    rng = random.Random(seed)
    weights = {
        "clean": 22,
        "clean-trip": 10,
        "end-hashtags": 8,
        "first-name": 10,
        "adult": 6,
        "possessive": 4,
        "full-name": 6,
        "mention": 6,
        "mid-hashtag": 4,
        "text-speak": 3,
        "misspelt": 4,
        "personal-data": 3,
        "whereabouts": 5,
        "offensive": 2,
        "individual": 5,
        "long": 2,
    }
    kinds, cum = list(weights), list(weights.values())
    monday = datetime(2026, 3, 9)
    samples = []
    for i in range(count):
        pupil = rng.choice(roster.pupils) if roster.pupils else None
        first, last = (pupil.first_name, pupil.surname) if pupil else ("Amelia", "Jones")
        kind = rng.choices(kinds, cum)[0]
        if kind == "long":
            text = " ".join([_templates(rng, first, last)["clean"], *rng.sample(FILLER, 4)])
        else:
            text = _fit(rng, _templates(rng, first, last)[kind])
        day = monday + timedelta(days=rng.choice([0, 1, 2, 3, 4] * 10 + [5, 6]))  # mostly weekdays
        hour = rng.choice([8, 9, 10, 11, 12, 13, 14, 15, 16, 17] * 4 + [6, 19, 20, 21])
        at = day.replace(hour=hour, minute=rng.randrange(60))
        exception = rng.choice([None] * 9 + ["school-event"])
        samples.append(Sample(f"bench-{i:04}", rng.choice(PRESETS), text, at, exception, kind))
    return samples


# --- measurements ----------------------------------------------------------------------------------


def pin_to_one_core() -> str:
    """Pin this process (and its children) to one CPU; say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def warm_timings(samples: list[Sample], roster: Roster, repeats: int) -> dict[str, Any]:
    """Per-post check time in this (warm) process, plus a per-rule breakdown."""
    policies: dict[str, Policy] = {name: load_policy(name) for name in PRESETS}
    started = time.perf_counter()
    checkers = {name: Checker(policy, roster) for name, policy in policies.items()}
    for sample in samples:  # first use loads word lists, dictionaries, caches
        checkers[sample.policy].check(sample.post())
    first_use = time.perf_counter() - started

    per_post: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeats):
        for sample in samples:
            checker = checkers[sample.policy]
            post = sample.post()
            t0 = time.perf_counter_ns()
            checker.check(post)
            per_post[sample.id].append((time.perf_counter_ns() - t0) / 1e6)
    all_times = [t for times in per_post.values() for t in times]
    post_median = {pid: statistics.median(times) for pid, times in per_post.items()}

    per_rule: dict[str, float] = defaultdict(float)
    for sample in samples:
        checker = checkers[sample.policy]
        ctx = Context(sample.post(), checker.policy, checker.roster)
        for rule in checker.rules:
            t0 = time.perf_counter_ns()
            list(rule.check(ctx))
            per_rule[f"{rule.code} {rule.name}"] += (time.perf_counter_ns() - t0) / 1e6
    by_id = {s.id: s for s in samples}
    slowest = sorted(post_median, key=lambda pid: post_median[pid], reverse=True)[:5]
    return {
        "first use (s)": first_use,
        "median": statistics.median(all_times),
        "p99": percentile(all_times, 99),
        "max": max(all_times),
        "per rule ms/post": {k: v / len(samples) for k, v in sorted(per_rule.items(), key=lambda kv: -kv[1])},
        "slowest": [
            (post_median[pid], by_id[pid].policy, by_id[pid].kind, by_id[pid].text) for pid in slowest
        ],
    }


def safepost_command() -> list[str]:
    """The installed ``safepost`` script beside this Python, else ``python -m safepost.cli``."""
    script = Path(sys.executable).parent / "safepost"
    return [str(script)] if script.exists() else [sys.executable, "-m", "safepost.cli"]


def run_measured(
    argv: list[str], env: dict[str, str], stdout: Any = subprocess.DEVNULL
) -> tuple[float, float, int]:
    """Run a command: (wall seconds, peak RSS in MB, exit status)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(argv[:3])} ... failed with exit {proc.returncode}:\n{stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KiB on Linux


def throughput(
    samples: list[Sample], roster_path: Path, batch: int, workdir: Path, env: dict[str, str]
) -> dict[str, Any]:
    """``safepost check --jsonl`` on ``batch`` posts (the samples, repeated with new ids)."""
    jsonl = workdir / "posts.jsonl"
    out = workdir / "results.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for i in range(batch):
            s = samples[i % len(samples)]
            fh.write(Sample(f"batch-{i:05}", s.policy, s.text, s.at, s.exception, s.kind).line() + "\n")
    with out.open("w", encoding="utf-8") as fh:
        wall, rss, _ = run_measured(
            [*safepost_command(), "check", "--roster", str(roster_path), "--jsonl", str(jsonl)],
            env,
            stdout=fh,
        )
    lines = out.read_text(encoding="utf-8").splitlines()
    if len(lines) != batch:
        sys.exit(f"bench: --jsonl gave {len(lines)} lines for {batch} posts")
    errors = sum(1 for line in lines if json.loads(line).get("verdict") == "error")
    if errors:
        sys.exit(f"bench: --jsonl reported {errors} error lines; see {out}")
    verdicts: dict[str, int] = defaultdict(int)
    for line in lines:
        verdicts[json.loads(line)["verdict"]] += 1
    return {"wall": wall, "posts/s": batch / wall, "rss": rss, "verdicts": dict(verdicts)}


def startup(roster_path: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Wall time of ``safepost check`` on one short post.

    The first run starts with the empty cache directory of ``env`` and builds it; it is reported
    but not counted.
    """
    argv = [
        *safepost_command(),
        "check",
        "Well done Year 4!",
        "--policy",
        "sutton-manor",  # spelling and text-speak on: the most to load
        "--roster",
        str(roster_path),
        "--at",
        "2026-03-10T10:00",
    ]
    first, first_rss, _ = run_measured(argv, env)
    walls, rss = [], [first_rss]
    for _ in range(runs):
        wall, peak, _ = run_measured(argv, env)
        walls.append(wall)
        rss.append(peak)
    return {"first run": first, "best": min(walls), "median": statistics.median(walls), "rss": max(rss)}


# --- report ----------------------------------------------------------------------------------------


def verdict(name: str, value: float) -> tuple[str, bool]:
    unit, target, higher = TARGETS[name]
    ok = value >= target if higher else value <= target
    sign = ">=" if higher else "<="
    return (
        f"{name:26} {value:10.2f} {unit:8} target {sign} {target:g} {unit:8} {'ok' if ok else 'MISSED'}",
        ok,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--roster", type=Path, default=EVAL_ROSTER, help="pupil roster CSV (default: the eval roster)"
    )
    parser.add_argument("--posts", type=int, default=300, help="generated posts for the warm timing (300)")
    parser.add_argument("--repeats", type=int, default=5, help="times each post is checked warm (5)")
    parser.add_argument("--batch", type=int, default=2000, help="posts in the --jsonl throughput file (2000)")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (5)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--show-posts", action="store_true", help="print the generated posts and stop")
    args = parser.parse_args(argv)

    if not args.roster.exists():
        parser.error(f"no roster at {args.roster}; give one with --roster")
    roster = load_roster(args.roster)
    samples = generate(args.posts, roster, args.seed)
    if args.show_posts:
        for s in samples:
            print(f"{s.id} {s.policy:17} {s.kind:13} {len(s.text):3} {s.text}")
        return 0
    lengths = [len(s.text) for s in samples]
    pinned = pin_to_one_core()
    print(
        f"safepost checker benchmark: {len(samples)} generated posts, {min(lengths)}-{max(lengths)} characters "
        f"(median {statistics.median(lengths):.0f}), roster {args.roster} ({len(roster)} pupils); {pinned}"
    )
    print(f"python {sys.version.split()[0]}, command: {' '.join(safepost_command())}\n")

    warm = warm_timings(samples, roster, args.repeats)
    with tempfile.TemporaryDirectory(prefix="safepost-bench-") as tmp:
        env = {**os.environ, "SAFEPOST_CACHE_DIR": str(Path(tmp) / "cache")}  # start from an empty cache
        # Python keeps compiled modules as a deployment does; a machine that says not to
        # (PYTHONDONTWRITEBYTECODE) would otherwise compile every module on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = startup(args.roster, args.runs, env)
        batch = throughput(samples, args.roster, args.batch, Path(tmp), env)

    figures = {
        "median check time": warm["median"],
        "p99 check time": warm["p99"],
        "--jsonl throughput": batch["posts/s"],
        "start-up (best of runs)": start["best"],
        "start-up (median)": start["median"],
        "peak RSS": max(batch["rss"], start["rss"]),
    }
    results = [verdict(name, value) for name, value in figures.items()]
    for line, _ in results:
        print(line)
    print()
    print(
        f"warm process: first use of all rules {warm['first use (s)']:.2f} s, slowest single check "
        f"{warm['max']:.2f} ms ({args.repeats} checks of each post)"
    )
    print(
        f"--jsonl: {args.batch} posts in {batch['wall']:.2f} s (start-up included), peak RSS "
        f"{batch['rss']:.0f} MB, verdicts {batch['verdicts']}"
    )
    print(
        f"start-up: first run {start['first run']:.2f} s (empty cache, not counted), then best "
        f"{start['best']:.2f} s, median {start['median']:.2f} s of {args.runs}, peak RSS {start['rss']:.0f} MB"
    )
    print("\nper rule, mean ms per post (shared analyses count towards the first rule that needs them):")
    for rule, ms in warm["per rule ms/post"].items():
        print(f"  {rule:32} {ms:7.3f}")
    print("\nslowest posts (median ms):")
    for ms, policy, kind, text in warm["slowest"]:
        print(f"  {ms:6.2f} {policy:17} {kind:13} {text[:70]}…")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "figures": figures,
                    "warm": {k: v for k, v in warm.items() if k != "slowest"},
                    "jsonl": batch,
                    "startup": start,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    missed = [name for (_, ok), name in zip(results, figures, strict=True) if not ok]
    if missed:
        print(f"\nMISSED: {', '.join(missed)}")
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The blind sets' first runs, as docs/performance.md reports them (issue 12).

Each `bench/holdoutN/first-run.txt` is the one run of `score.py` on set N with the checker of its
moment, made before anything was changed for it. This prints one row a set (the commit, overall
precision / recall, and the four pupil categories), then how many (category, set) pairs reach the
recall target of 0.97 and how many sets the precision target of 0.95.

With --readers-alone TREE, it also runs the checker found in TREE (a checkout of the commit the
first runs were made on, e.g. a `git worktree`) over each set and counts the (post, category) pairs
that only the trained readers' rules (SP105, SP106, SP107, SP203) gave: right where the set's label
has them, wrong where it does not.

usage: .venv/bin/python bench/first_runs.py 87 88 89 90 [--readers-alone /tmp/checkout]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUPIL = ("individual-pupil", "pupil-name", "pupil-surname", "trip-whereabouts")
READERS = {"SP105", "SP106", "SP107", "SP203"}


def first_run(n: str) -> tuple[str, tuple[str, str], dict[str, tuple[str, str]]]:
    text = (ROOT / "bench" / f"holdout{n}" / "first-run.txt").read_text(encoding="utf-8")
    commit = re.search(r"commit (\w+)", text)
    overall = re.search(r"overall: precision ([\d.]+) recall ([\d.]+)", text)
    if commit is None or overall is None:
        sys.exit(f"bench/holdout{n}/first-run.txt has no commit or overall line")
    cats = {}
    for cat in PUPIL:
        m = re.search(rf"^{cat}\s+\d+\s+\d+\s+\d+\s+([\d.]+)\s+([\d.]+)", text, re.MULTILINE)
        if m:
            cats[cat] = (m.group(1), m.group(2))
    return commit.group(1), (overall.group(1), overall.group(2)), cats


def readers_alone(n: str, tree: Path) -> tuple[int, int]:
    folder = ROOT / "bench" / f"holdout{n}"
    posts_file = folder / f"holdout{n}.jsonl"
    posts = {json.loads(line)["id"]: json.loads(line) for line in posts_file.read_text().splitlines() if line}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "safepost.cli",
            "check",
            "--roster",
            str(folder / "roster.csv"),
            "--jsonl",
            str(posts_file),
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    right = wrong = 0
    for line in out.splitlines():
        result = json.loads(line)
        rules: dict[str, set[str]] = {}
        for finding in result["findings"]:
            rules.setdefault(finding["category"], set()).add(finding["rule"])
        for category, by in rules.items():
            if by <= READERS:
                if category in posts[result["id"]]["expect"]:
                    right += 1
                else:
                    wrong += 1
    return right, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="set numbers (87 for bench/holdout87)")
    parser.add_argument("--readers-alone", type=Path, help="a checkout of the first runs' commit")
    args = parser.parse_args()
    met = pairs = precise = 0
    recalls = []
    for n in args.sets:
        commit, (p, r), cats = first_run(n)
        pairs += len(cats)
        met += sum(float(rc) >= 0.97 for _, rc in cats.values())
        precise += float(p) >= 0.95
        recalls.append(float(r))
        row = f"| r{n} | {commit} | {p} / {r} | " + " | ".join(f"{a} / {b}" for a, b in cats.values()) + " |"
        if args.readers_alone:
            right, wrong = readers_alone(n, args.readers_alone)
            row += f" readers alone: {right} right, {wrong} wrong"
        print(row)
    print(
        f"pupil recall >= 0.97: {met} of {pairs} pairs; precision >= 0.95: {precise} of {len(recalls)} sets; "
        f"overall recall {min(recalls):.3f}-{max(recalls):.3f}, mean {sum(recalls) / len(recalls):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

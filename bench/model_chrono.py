"""Would a model trained on every labelled post written so far add to the rules' FIRST runs? (issue 12)

Round 10's measurement of the trained readers (safepost/policy/trained.py,
scripts/train_readers.py), now with the ~18,000 labelled posts of `bench/holdout*` and `tests/fixtures/reading_kinds` instead of the 1,477 it
had in round 3. For every blind set whose first run is on record (`bench/holdoutN/first-run.txt`,
which lists the items that differed, so the first run's categories are recoverable exactly), a
logistic regression is trained on the sets that were in the repository before that set was
added (git's time of the commit that added each file; the shared dev and hard sets always), then
compared with that first run: the first run alone, and the first run OR the model at a range of
thresholds. Each set is compared with the checker that met it blind; the only part of today's
rules used is where SP105 and SP203 stay silent though their reader speaks (:func:`silent`).

With --final SET..., the threshold is fixed from the pooled chronological runs (the lowest at
which the model's additions were right at least --add-precision of the time) and the model,
trained on every set with a first run, is scored on the given sets (never trained on) beside
their first runs (given as first-run files: --first FILE per set, same order).

usage: .venv/bin/python bench/model_chrono.py [--category individual-pupil] [--show]
       .venv/bin/python bench/model_chrono.py --final DIR... --first FILE...
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_readers  # noqa: E402

from safepost.policy import trained  # noqa: E402
from safepost.policy.config import load_policy  # noqa: E402
from safepost.policy.roster import Roster, load_roster  # noqa: E402
from safepost.policy.rules import reads_as_one_child, reads_as_whereabouts  # noqa: E402
from safepost.policy.rules.base import Context, Post  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
KINDS = ROOT / "tests" / "fixtures" / "reading_kinds"
_DIFF = re.compile(r"^\s+(\S+): missed (\[.*?\]) extra (\[.*?\])\s*$")


def _added(path: Path) -> int:
    out = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%at", "--", str(path.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[-1]) if out else 1 << 40  # not committed yet: the newest of all


@cache
def all_sets() -> dict[str, tuple[Path, Path, int]]:
    """name -> (posts, roster, time added); dev and hard count as always there, sets not yet
    committed as the newest."""
    sets: dict[str, tuple[Path, Path, int]] = {
        "dev": (EVAL / "dev.jsonl", EVAL / "roster.csv", 0),
        "hard": (EVAL / "hard.jsonl", EVAL / "roster-hard.csv", 0),
    }
    for d in sorted((ROOT / "bench").glob("holdout*")):
        posts = sorted(d.glob("*.jsonl"))
        if posts:
            sets[d.name] = (posts[0], d / "roster.csv", _added(posts[0]))
    for p in sorted(KINDS.glob("posts*.jsonl")):
        n = p.stem.removeprefix("posts")
        sets[f"posts{n}"] = (p, KINDS / f"roster{n}.csv", _added(p))
    return sets


@cache
def items(name: str) -> list[dict[str, object]]:
    path = all_sets()[name][0]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def roster(name: str) -> Roster:
    return load_roster(all_sets()[name][1])


def first_run(name: str, path: Path | None = None) -> dict[str, set[str]] | None:
    """Each item's categories at the set's first run, from the scorer's list of differences."""
    path = path or all_sets()[name][0].parent / "first-run.txt"
    if not path.exists():
        return None
    diffs: dict[str, tuple[list[str], list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _DIFF.match(line)
        if m:
            diffs[m.group(1)] = (ast.literal_eval(m.group(2)), ast.literal_eval(m.group(3)))
    got = {}
    for it in items(name):
        missed, extra = diffs.get(str(it["id"]), ([], []))
        expect: list[str] = it["expect"]  # type: ignore[assignment]
        got[str(it["id"])] = (set(expect) - set(missed)) | set(extra)
    return got


# ---------------------------------------------------------------- the shipped reader's code


def fit(names: list[str], category: str, l2: float) -> tuple[trained.Model, frozenset[str]]:
    readers = train_readers.fit([(items(n), roster(n)) for n in names], [category], l2)
    return readers.models[category], readers.known


def score(name: str, it: dict[str, object], model: trained.Model, known: frozenset[str]) -> float:
    return model.score(trained.post_features(train_readers.as_read(it), roster(name), known)[0])


THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]


def silent(
    category: str, name: str, it: dict[str, object], fitted: tuple[trained.Model, frozenset[str]]
) -> bool:
    """Where SP105 or SP203 stays silent though its reader speaks (as today's reading decides): SP105
    where its sentence is first about a grown-up, SP203 where its sentence has happened."""
    if category not in ("individual-pupil", "trip-whereabouts"):
        return False
    model, known = fitted
    ctx = Context(Post(str(it["text"])), load_policy(str(it["policy"])), roster(name))
    whole, per = trained.post_features(ctx.text.text, roster(name), known)
    bounds = trained.sentences(ctx.text.text)
    a, b = max(zip(bounds, per, strict=True), key=lambda bp: model.score(bp[1]))[0]
    reading = trained.Reading(model.score(whole), a, b)
    if category == "individual-pupil":
        return reads_as_one_child._about_a_grown_up(ctx, reading)
    return reads_as_whereabouts.told_afterwards(ctx, reading)


# Categories read off the one-child reader: where it speaks, a roster first name (pupil-name) or
# surname (pupil-surname) written in its sentence is taken for the child's.
DERIVED = {"pupil-name": "first", "pupil-surname": "surname"}


def best_sentence_names(
    name: str, it: dict[str, object], fitted: tuple[trained.Model, frozenset[str]]
) -> set[str]:
    """The kinds of roster name (first, surname) SP106 and SP107 would see in the reader's sentence."""
    model, known = fitted
    text = train_readers.as_read(it)
    per = trained.post_features(text, roster(name), known)[1]
    bounds = trained.sentences(text)
    a, b = max(zip(bounds, per, strict=True), key=lambda bp: model.score(bp[1]))[0]
    return {kind for _s, _e, kind in trained.roster_names(text, a, b, roster(name))}


def dropped(
    category: str,
    model_of: str,
    name: str,
    it: dict[str, object],
    fitted: tuple[trained.Model, frozenset[str]],
) -> bool:
    """Whether the reader's finding is not made: its rule is silent, or a derived category has no name."""
    if silent(model_of, name, it, fitted):
        return True
    if category not in DERIVED:
        return False
    if category == "pupil-name" and it["policy"] != "no-names-no-faces":
        return True  # the one preset that allows no names at all (sutton-manor: only beside photos)
    return DERIVED[category] not in best_sentence_names(name, it, fitted)


def compare(
    name: str, fitted: tuple[trained.Model, frozenset[str]], category: str, first: dict[str, set[str]]
) -> dict[str, object]:
    """Counts of the first run alone and of first run OR model at each threshold, on one set.

    A post the model would add is dropped where SP105 or SP203 stays silent (:func:`silent`).
    """
    rows = []
    model_of = "individual-pupil" if category in DERIVED else category
    for it in items(name):
        want = category in it["expect"]  # type: ignore[operator]
        got = category in first[str(it["id"])]
        s = score(name, it, *fitted)
        if category in DERIVED and "individual-pupil" in first[str(it["id"])]:
            s = 0.0  # the rules found the child: SP105 is silent, and so is what is read off it
        elif not got and s >= THRESHOLDS[0] and dropped(category, model_of, name, it, fitted):
            s = 0.0
        rows.append((str(it["id"]), want, got, s, str(it["text"])))
    return {"name": name, "rows": rows}


def tally(results: list[dict[str, object]], t: float | None) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for res in results:
        for _id, want, got, s, _text in res["rows"]:  # type: ignore[attr-defined]
            fired = got or (t is not None and s >= t)
            tp += want and fired
            fp += (not want) and fired
            fn += want and not fired
    return tp, fp, fn


def fmt(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:.3f} / {r:.3f} ({tp}/{fp}/{fn})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--category", default="individual-pupil")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--show", type=float, default=None, help="print the additions at this threshold")
    ap.add_argument("--since", type=int, default=50, help="chronological runs for holdoutN with N >= this")
    ap.add_argument(
        "--until", type=int, default=76, help="... and N <= this (later first runs already had the readers)"
    )
    ap.add_argument("--final", nargs="*", default=[])
    ap.add_argument("--first", nargs="*", default=[])
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    sets = all_sets()
    if args.final:
        known_sets = [
            n for n in sets if first_run(n) is not None or n in ("dev", "hard") or n.startswith("posts")
        ]
        fitted = fit(known_sets, args.category, args.l2)
        results = []
        for d, f in zip(args.final, args.first, strict=True):
            name = Path(d).name
            posts = sorted(Path(d).glob("*.jsonl"))[0]
            sets[name] = (posts, Path(d) / "roster.csv", 1 << 40)
            first = first_run(name, Path(f))
            assert first is not None
            results.append(compare(name, fitted, args.category, first))
        _report(results, args)
        return 0
    results = []
    tests = [
        n
        for n in sets
        if n.startswith("holdout") and n[7:].isdigit() and args.since <= int(n[7:]) <= args.until
    ]
    tests.sort(key=lambda n: int(n[7:]))
    for name in tests:
        first = first_run(name)
        if first is None:
            continue
        t0 = sets[name][2]
        train_on = [n for n, (_p, _r, at) in sets.items() if at < t0]
        model_of = "individual-pupil" if args.category in DERIVED else args.category
        res = compare(name, fit(train_on, model_of, args.l2), args.category, first)
        results.append(res)
        print(f"{name}: trained on {len(train_on)} sets; first run {fmt(*tally([res], None))}", flush=True)
    _report(results, args)
    return 0


def _report(results: list[dict[str, object]], args: argparse.Namespace) -> None:
    base = tally(results, None)
    print(f"\n{args.category}, pooled over {len(results)} sets: first run {fmt(*base)}")
    for t in THRESHOLDS if args.threshold is None else [args.threshold]:
        tp, fp, fn = tally(results, t)
        print(f"  OR model >= {t:.2f}: {fmt(tp, fp, fn)}   adds {tp - base[0]} right, {fp - base[1]} wrong")
    if args.show is not None:
        for res in results:
            for id_, want, got, s, text in res["rows"]:  # type: ignore[attr-defined]
                if not got and s >= args.show:
                    print(f"  {'RIGHT' if want else 'WRONG'} {s:.2f} {id_}: {text[:150]}")


if __name__ == "__main__":
    raise SystemExit(main())

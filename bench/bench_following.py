"""Following benchmark: the following pages with 10,000 followed accounts, on SQLite (or DATABASE_URL).

Usage: .venv/bin/python bench/bench_following.py [--accounts 10000] [--runs 30]

Builds a throw-away SQLite database in a temporary folder (unless BENCH_DATABASE_URL is set),
migrates it, creates a school with one member of staff per role and ``--accounts`` followed
accounts (a third waiting for a first review, some flagged, bios in several scripts, some gone)
plus 50 proposals, then times the list (each view, a deep page, htmx), an account's page and a
proposal's page through Django's test client in-process, and the weekly review of every account.
Target: p95 <= 200 ms for every page, checked on the CPU time of each request (wall-clock time is
printed too; on a busy machine it measures the other processes as well). Exits 1 if missed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIOS = [
    "Libraries across Leeds: storytimes and homework clubs.",
    "News for Oakfield and the villages around it.",
    "Children's author. Picture books for ages 3-7.",
    "Mum of two, wife, views my own.",
    "",
    "東京都の公立小学校です。",
    "Best casino bonuses, bet now!",
    "Primary school in Leeds. Learning together.",
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="safepost-bench-following-")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["SAFEPOST_TASKS"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["SAFEPOST_DEBUG"] = "0"
    os.environ.setdefault("SAFEPOST_ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    call_command("migrate", verbosity=0)

    from apps.following import sync
    from apps.following.models import FollowedAccount, FollowProposal
    from apps.schools.testing import client_for, make_personas

    started = time.perf_counter()
    p = make_personas(preset="rackham")
    rng = random.Random(11)
    batch = []
    for n in range(args.accounts):
        bio = BIOS[n % len(BIOS)]
        status = rng.choice(["first-review", "kept", "kept", "unfollowed", "gone"])
        batch.append(
            FollowedAccount(
                school=p.school,
                account=p.main,
                platform=rng.choice(["x", "bluesky", "mastodon"]),
                external_id=f"id-{n}",
                handle=f"account{n}",
                display_name=f"Account {n}",
                bio=bio,
                has_avatar=bool(bio),
                status=status,
                category="children" if status == "kept" else "",
                justification="Runs the reading challenge" if status == "kept" else "",
                missing=status == "gone",
                flags=[{"code": "personal", "label": "Looks like a personal account", "reason": "r"}]
                if "Mum" in bio
                else [],
            )
        )
    FollowedAccount.objects.bulk_create(batch, batch_size=2000)
    for n in range(50):
        FollowProposal.objects.create(
            school=p.school,
            account=p.main,
            platform="bluesky",
            target=f"proposed{n}.bsky.social",
            category="school",
            reason="A partner school",
            proposed_by=p.teacher,
        )
    print(f"set up {args.accounts:,} followed accounts in {time.perf_counter() - started:.1f} s")

    client = client_for(p.head)
    listing = reverse("following:list")
    some = FollowedAccount.objects.filter(school=p.school).order_by("pk")[args.accounts // 2]
    views: dict[str, tuple[str, dict[str, Any]]] = {
        "list, needs a review": (listing, {"show": "review"}),
        "list, everything followed": (listing, {"show": "all"}),
        "list, kept, by account": (listing, {"show": "kept", "account": str(p.main.pk)}),
        "list, page 60": (listing, {"show": "all", "page": "60"}),
        "list, htmx filter": (listing, {"show": "ended", "htmx": True}),
        "a followed account": (reverse("following:followed", args=[some.pk]), {}),
        "a proposal": (reverse("following:proposal", args=[FollowProposal.objects.first().pk]), {}),  # type: ignore[union-attr]
    }
    failed = False
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'view':36} {'median':>8} {'p95':>8} {'CPU med':>8} {'CPU p95':>8}")
    for name, (url, params) in views.items():
        params = dict(params)
        htmx = params.pop("htmx", False)
        headers: dict[str, Any] = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        client.get(url, params, **headers)  # warm
        times, cpus = [], []
        for _ in range(args.runs):
            begin, cpu_begin = time.perf_counter(), time.process_time()
            response = client.get(url, params, **headers)
            times.append((time.perf_counter() - begin) * 1000)
            cpus.append((time.process_time() - cpu_begin) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        # On a loaded machine wall-clock time measures the other processes too: the target is
        # checked on the CPU time the request took (SQLite runs in-process, so it is included).
        p95, cpu95 = percentile(times, 95), percentile(cpus, 95)
        failed |= cpu95 > 200
        print(
            f"{name:36} {percentile(times, 50):7.1f}ms {p95:7.1f}ms {percentile(cpus, 50):7.1f}ms "
            f"{cpu95:7.1f}ms{'  MISSED' if cpu95 > 200 else ''}"
        )

    cpu = resource.getrusage(resource.RUSAGE_SELF)
    before = cpu.ru_utime + cpu.ru_stime
    begin = time.perf_counter()
    review = sync.review_school(p.school.pk)
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"weekly review of {review.looked_at:,} followed accounts: {time.perf_counter() - begin:.1f} s wall, "
        f"{cpu.ru_utime + cpu.ru_stime - before:.1f} s CPU, {review.flagged:,} flagged"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Moderation inbox benchmark: the inbox page with 50,000 items, on SQLite (or DATABASE_URL).

Usage: .venv/bin/python bench/bench_inbox.py [--items 50000] [--runs 30]

Builds a throw-away SQLite database in a temporary folder (unless BENCH_DATABASE_URL is set),
migrates it, creates a school with one member of staff per role and ``--items`` inbox items over
a year across three platforms and six labels (some pinned), plus another school's 5,000, then
times the inbox page through Django's test client in-process (server time, no network):
unfiltered, each filter, a deep page, and an item page. Target (issue 10): p95 <= 200 ms for
every view. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = [
    "Brilliant nativity today, well done all!",
    "When is the Christmas fair?",
    "Funny how it's always the same kids who get picked",
    "Great post! Check out my page for crypto gains",
    "What a load of rubbish, useless lot",
    "Will there be photos from sports day?",
]
LABELS = ["positive", "neutral", "undermining", "spam", "offensive", "neutral"]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="safepost-bench-inbox-")
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
    from django.utils import timezone

    setup_test_environment()
    call_command("migrate", verbosity=0)

    from apps.moderation.models import InboxItem
    from apps.schools.testing import client_for, make_personas

    started = time.perf_counter()
    p = make_personas(preset="sutton-manor")
    rng = random.Random(10)
    now = timezone.now()

    def items(school: object, account: object, count: int, prefix: str) -> None:
        batch = []
        for n in range(count):
            which = rng.randrange(len(TEXTS))
            label = LABELS[which] if rng.random() > 0.002 else "threat"
            batch.append(
                InboxItem(
                    school=school,
                    account=account,
                    platform=rng.choice(["x", "bluesky", "mastodon"]),
                    external_id=f"{prefix}-{n}",
                    kind=rng.choice(["reply", "mention", "quote"]),
                    url=f"https://example.org/{prefix}/{n}",
                    text=TEXTS[which],
                    author_handle=f"@someone{n % 997}",
                    author_bio="A parent",
                    posted_at=now - timedelta(minutes=rng.randrange(60 * 24 * 365)),
                    label=label,
                    escalate=label == "threat",
                    pinned=label == "threat" and rng.random() < 0.3,
                    recommended="leave",
                    reasons=[
                        {
                            "code": "x",
                            "message": "m",
                            "field": "text",
                            "start": 0,
                            "end": 4,
                            "matched": "word",
                        }
                    ],
                    state=rng.choice(["new", "new", "dealt-with", "no-action"]),
                )
            )
            if len(batch) == 2000:
                InboxItem.objects.bulk_create(batch)
                batch = []
        InboxItem.objects.bulk_create(batch)

    items(p.school, p.main, args.items, "ours")
    other_account = p.other_school.accounts.first()
    items(p.other_school, other_account, 5_000, "theirs")
    print(f"set up {args.items:,} items in {time.perf_counter() - started:.1f} s")

    client = client_for(p.head)
    some = InboxItem.objects.filter(school=p.school).order_by("-posted_at")[100]
    inbox = reverse("moderation:inbox")
    views = {
        "inbox (newest first)": (inbox, {}),
        "inbox, filtered by label": (inbox, {"label": "undermining"}),
        "inbox, filtered by platform and state": (inbox, {"platform": "x", "state": "open"}),
        "inbox, filtered by account": (inbox, {"account": str(p.main.pk)}),
        "inbox, page 400": (inbox, {"page": "400"}),
        "inbox, htmx filter": (inbox, {"label": "spam", "htmx": True}),
        "an item": (reverse("moderation:item", args=[some.pk]), {}),
    }
    failed = False
    print(f"{'view':42} {'median':>8} {'p95':>8}")
    for name, (url, params) in views.items():
        params = dict(params)
        htmx = params.pop("htmx", False)
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        client.get(url, params, **headers)  # warm
        times = []
        for _ in range(args.runs):
            begin = time.perf_counter()
            response = client.get(url, params, **headers)
            times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        p95 = percentile(times, 95)
        failed |= p95 > 200
        print(f"{name:42} {percentile(times, 50):7.1f}ms {p95:7.1f}ms{'  MISSED' if p95 > 200 else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Governors' report benchmark: a busy term's report as a page and as a PDF.

Usage: .venv/bin/python bench/bench_report.py [--posts 1500] [--runs 10]

Builds a throw-away SQLite database (unless BENCH_DATABASE_URL is set), creates a school with
``--posts`` published posts over the current term (each on the website and one platform, with two
checks in the audit log, one in ten with a warning overridden), five times as many inbox items,
actions on a tenth of them and 40 incidents, then times the report page and its PDF in-process
(server time, no network) and prints the median and p95 of wall-clock and CPU time.
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


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="safepost-bench-report-")
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

    from apps.audit.models import AuditEntry
    from apps.moderation.models import InboxItem, Incident, ModerationAction
    from apps.posts.models import Override, Post
    from apps.publishing.models import Publication
    from apps.reminders import terms
    from apps.schools.testing import client_for, make_personas

    started = time.perf_counter()
    p = make_personas()
    rng = random.Random(14)
    term = terms.term_containing(p.school.policy, timezone.localdate())
    first = timezone.make_aware(timezone.datetime.combine(term.start, timezone.datetime.min.time()))
    span = max((timezone.now() - first).total_seconds(), 3600)
    categories = ["pupil-surname", "spelling", "trip-whereabouts", "text-speak", "mention"]

    def moment() -> object:
        return first + timedelta(seconds=rng.uniform(0, span))

    posts = Post.objects.bulk_create(
        Post(
            school=p.school,
            account=rng.choice([p.main, p.oak]),
            author=p.teacher,
            text=f"Post {n} about the week at school",
            status=Post.Status.PUBLISHED,
            published_at=moment(),
        )
        for n in range(args.posts)
    )
    Publication.objects.bulk_create(
        Publication(
            post=post, target=target, status=Publication.Status.PUBLISHED, published_at=post.published_at
        )
        for post in posts
        for target in ("website", rng.choice(["x", "bluesky", "mastodon"]))
    )
    # Audit entries written in bulk: the chain's hashes do not matter to the report.
    last = AuditEntry.objects.filter(school=p.school).count()
    AuditEntry.objects.bulk_create(
        AuditEntry(
            school=p.school,
            seq=last + n + 1,
            created_at=moment(),
            actor_name="bench",
            action="post.checked",
            object_type="post",
            object_id=str(posts[n // 2].pk),
            summary="Checked",
            data={"categories": rng.sample(categories, rng.randrange(0, 3))},
            prev_hash="",
            hash="",
        )
        for n in range(2 * args.posts)
    )
    Override.objects.bulk_create(
        Override(
            post=post,
            rule="SP301",
            category="spelling",
            message="m",
            reason="A name",
            user=p.teacher,
            created_at=post.published_at,
        )
        for post in posts[::10]
    )
    items = InboxItem.objects.bulk_create(
        InboxItem(
            school=p.school,
            account=p.main,
            platform="mastodon",
            external_id=str(n),
            kind="reply",
            text="A reply",
            posted_at=moment(),
            fetched_at=moment(),
            label=rng.choice(["positive", "neutral", "spam", "offensive", "undermining"]),
            state=rng.choice(["new", "dealt-with", "no-action"]),
        )
        for n in range(5 * args.posts)
    )
    ModerationAction.objects.bulk_create(
        ModerationAction(
            school=p.school,
            item=item,
            action=rng.choice(["hide", "block", "report"]),
            by=p.head,
            outcome="done",
            at=moment(),
        )
        for item in items[::10]
    )
    Incident.objects.bulk_create(
        Incident(school=p.school, number=n + 1, title=f"Incident {n}", opened_by=p.head, opened_at=moment())
        for n in range(40)
    )
    print(
        f"set up {args.posts:,} posts, {5 * args.posts:,} inbox items in {time.perf_counter() - started:.1f} s"
    )

    client = client_for(p.governor)
    views = {"report page": reverse("reports:governors"), "report PDF": reverse("reports:governors_pdf")}
    print(f"{'view':14} {'median':>9} {'p95':>9} {'CPU median':>11} {'CPU p95':>9}")
    for name, url in views.items():
        assert client.get(url).status_code == 200  # warm
        wall, cpu = [], []
        for _ in range(args.runs):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            wall.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - begin_cpu) * 1000)
            assert response.status_code == 200
        print(
            f"{name:14} {percentile(wall, 50):7.0f}ms {percentile(wall, 95):7.0f}ms "
            f"{percentile(cpu, 50):9.0f}ms {percentile(cpu, 95):7.0f}ms"
        )
    page = client.get(views["report page"]).content.decode()
    assert f"{args.posts:,} posts went out".replace(",", "") in page.replace(",", ""), "the figures are wrong"
    return 0


if __name__ == "__main__":
    sys.exit(main())

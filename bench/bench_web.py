"""Web app benchmark: every page, and the as-you-type check, with a year of posts on SQLite.

Usage: .venv/bin/python bench/bench_web.py [--posts 2000] [--runs 30]

Builds a throw-away SQLite database in a temporary folder, migrates it, creates a school with
one member of staff per role, ~2,000 posts over a school year in every state (published ones
on the public feed) and their audit entries, then times each page through Django's test
client in-process (server time, no network). Targets (issue 3): the as-you-type check round
trip median <= 30 ms and 95th percentile <= 100 ms; every page <= 200 ms at the 95th
percentile. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = [
    "Year {y} had a brilliant day learning about the Romans. Their shields are on display in the hall!",
    "Reminder: PE kits are needed on Tuesday for Year {y}. Thank you!",
    "Well done to {c} Class for 100% attendance this week. Extra playtime is on its way!",
    "Our Harvest collection raised lots of food for the local food bank. Thank you for your generosity.",
    "Year {y} enjoyed a visit from the fire service this morning and learnt how to stay safe at home.",
    "The PTA disco is on Friday from 5pm in the hall. Tickets are available from the school office.",
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="safepost-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["SAFEPOST_TASKS"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["SAFEPOST_DEBUG"] = "0"
    os.environ.setdefault("SAFEPOST_ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    setup_test_environment()
    call_command("migrate", verbosity=0)

    from apps.audit.actions import record
    from apps.posts.models import Post
    from apps.publishing.models import FeedEntry, Publication
    from apps.schools.actions import do_replace_roster
    from apps.schools.testing import make_personas
    from safepost.policy.roster import load_roster

    started = time.perf_counter()
    p = make_personas()
    do_replace_roster(p.school, load_roster(ROOT / "safepost" / "demo" / "roster.csv"), p.head)
    rng = random.Random(7)
    statuses = [Post.Status.PUBLISHED] * 16 + [
        Post.Status.SCHEDULED,
        Post.Status.PENDING,
        Post.Status.CHANGES_REQUESTED,
        Post.Status.DRAFT,
        Post.Status.HELD,
        Post.Status.FAILED,
    ]
    year_start = timezone.now() - timedelta(days=365)
    authors = [p.head, p.senior, p.teacher, p.office]
    for _ in range(args.posts):
        when = year_start + timedelta(minutes=rng.randrange(365 * 24 * 60))
        status = rng.choice(statuses)
        text = rng.choice(TEXTS).format(y=rng.randrange(1, 7), c=rng.choice(["Oak", "Willow", "Maple"]))
        account = rng.choice([p.main, p.oak])
        post = Post.objects.create(
            school=p.school,
            account=account,
            author=rng.choice(authors),
            text=text,
            status=status,
            created_at=when,
            scheduled_for=when if status != Post.Status.DRAFT else None,
            published_at=when if status == Post.Status.PUBLISHED else None,
            last_check={"verdict": "pass", "findings": []},
        )
        record(p.school, post.author, "post.created", f"Post {post.pk} created", post)
        if status == Post.Status.PUBLISHED:
            pub = Publication.objects.create(
                post=post,
                target="website",
                status=Publication.Status.PUBLISHED,
                published_at=when,
                attempts=1,
            )
            FeedEntry.objects.create(
                school=p.school,
                account=account,
                post=post,
                idempotency_key=pub.idempotency_key,
                text=text,
                published_at=when,
            )
            record(p.school, None, "post.published", f"Post {post.pk} published", post)
    print(f"seeded {args.posts} posts in {time.perf_counter() - started:.1f} s ({tmp})")

    head = p.client_for(p.head)
    teacher = p.client_for(p.teacher)
    anon = django.test.Client()
    some_post = Post.objects.filter(school=p.school, status=Post.Status.PUBLISHED).first()
    assert some_post is not None

    def url(name: str, *a: object) -> str | None:
        try:
            return reverse(name, args=a)
        except NoReverseMatch:
            return None

    pages = [
        ("home (head)", head, url("home")),
        ("posts list", head, url("posts:list")),
        ("posts list, page 5", head, (url("posts:list") or "") + "?page=5"),
        ("compose", teacher, url("posts:compose")),
        ("post detail", head, url("posts:detail", some_post.pk)),
        ("approvals", head, url("posts:approvals")),
        ("audit log", head, url("audit:log")),
        ("audit log, page 20", head, (url("audit:log") or "") + "?page=20"),
        ("school settings", head, url("schools:settings")),
        ("policy settings", head, url("schools:policy")),
        ("staff", head, url("schools:staff")),
        ("roster", head, url("schools:roster")),
        ("check a post", anon, url("checker:check")),
        ("public feed", anon, url("public:feed", p.school.slug)),
        ("public feed, page 10", anon, (url("public:feed", p.school.slug) or "") + "?page=10"),
        ("atom feed", anon, url("public:atom", p.school.slug)),
        ("rss feed", anon, url("public:rss", p.school.slug)),
        ("widget", anon, url("public:widget", p.school.slug)),
        ("official accounts", anon, url("public:accounts", p.school.slug)),
    ]
    failed = False
    print(f"\n{'page':28} {'median':>9} {'p95':>9}  status   target p95 <= 200 ms")
    for label, client, address in pages:
        if address is None or address.startswith("?"):
            print(f"{label:28} {'-':>9} {'-':>9}  (no such page yet)")
            continue
        times = []
        status = 0
        for _ in range(args.runs + 3):
            t0 = time.perf_counter()
            response = client.get(address)
            times.append((time.perf_counter() - t0) * 1000)
            status = response.status_code
        times = times[3:]
        p95 = percentile(times, 95)
        ok = p95 <= 200 and status == 200
        failed |= not ok
        print(
            f"{label:28} {statistics.median(times):7.1f}ms {p95:7.1f}ms  {status}      {'ok' if ok else 'MISSED'}"
        )

    # The as-you-type check: the htmx request the compose page sends on every pause in typing.
    compose = url("posts:compose")
    if compose:
        posts_text = [
            "Well done Grace Okonjo in Oak Class for a much better afternoon!",
            "Year 4 are at Chester Zoo until 2pm today, with lunch by the lake at 12:30.",
            "Reminder: PE kits are needed on Tuesday for Year 3. Thank you!",
        ]
        times = []
        for i in range(args.runs * 3 + 3):
            data = {"text": posts_text[i % 3], "account": str(p.oak.pk), "check": "1"}
            t0 = time.perf_counter()
            response = teacher.post(compose, data, HTTP_HX_REQUEST="true")
            times.append((time.perf_counter() - t0) * 1000)
        times = times[3:]
        med, p95 = statistics.median(times), percentile(times, 95)
        ok = med <= 30 and p95 <= 100 and response.status_code == 200
        failed |= not ok
        print(
            f"\nas-you-type check round trip: median {med:.1f} ms, p95 {p95:.1f} ms "
            f"(targets 30 / 100 ms), status {response.status_code}: {'ok' if ok else 'MISSED'}"
        )
    print("\nall targets met" if not failed else "\nSOME TARGETS MISSED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

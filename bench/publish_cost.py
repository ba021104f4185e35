"""What one publish costs as the school's Mastodon account fills up (issue 17).

Usage:
    .venv/bin/python bench/publish_cost.py --posts 130 --every 20

A fresh SQLite file, a school with its website feed and a Mastodon account on mastodon-mock
(loopback), then N approved posts published one after another in this process (warmed up as a
worker is), printing the wall and CPU time of every ``--every``-th publish. The CPU time is this
process's (the mock server runs in its own). A publish whose cost grows with the number of
statuses on the account reads the account's timeline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=130)
    parser.add_argument("--every", type=int, default=20)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="safepost-publish-cost-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SAFEPOST_VAR_DIR=str(workdir),
        SAFEPOST_MEDIA_ROOT=str(workdir / "media"),
        SAFEPOST_CACHE_DIR=os.environ.get("SAFEPOST_CACHE_DIR")
        or str(Path(tempfile.gettempdir()) / "safepost-crash-cache"),
        SAFEPOST_LOG_LEVEL="WARNING",
        SAFEPOST_TASKS="db",
        DATABASE_URL=f"sqlite:///{workdir / 'cost.sqlite3'}",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings
    from django.utils import timezone

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    override_settings(
        SAFEPOST_PLATFORMS_ALLOW_LOOPBACK=True
    ).enable()  # mastodon-mock on this machine, plain http
    call_command("migrate", verbosity=0)

    from crash_publishing import MastodonMock

    from apps.platforms.models import Connection
    from apps.posts.models import Post
    from apps.publishing import actions
    from apps.publishing.warmup import warm_up
    from apps.schools.testing import make_personas

    p = make_personas(slug="cost")
    server = MastodonMock(workdir)
    try:
        connection = Connection(
            school=p.school,
            account=p.main,
            kind="mastodon",
            handle="@crash",
            server_url=server.base_url,
            status=Connection.Status.ACTIVE,
            started_by=p.senior,
            approved_by=p.head,
            approved_at=timezone.now(),
        )
        connection.set_credentials({"server": server.base_url, "access_token": "crash-token"})
        connection.save()
        print(f"warmed up in {warm_up():.2f} s")
        ids = []
        for n in range(args.posts):
            post = Post.objects.create(
                school=p.school,
                account=p.main,
                author=p.head,
                text=f"[cost-{n:04d}] The school fair starts at noon on Saturday.",
                status=Post.Status.SCHEDULED,
                scheduled_for=timezone.now(),
                exception=Post.Exception.URGENT_NEWS,
                exception_reason="Publish cost",
            )
            actions.queue(post)  # the task waits in the table: it is run by hand below
            ids.append(post.pk)
        for n, post_id in enumerate(ids):
            wall, cpu = time.monotonic(), time.process_time()
            outcome = actions.publish(post_id)
            if n % args.every == 0 or n == len(ids) - 1:
                print(
                    f"publish {n + 1:4d} ({n} statuses already on the account): {outcome}, "
                    f"wall {time.monotonic() - wall:.3f} s, cpu {time.process_time() - cpu:.3f} s",
                    flush=True,
                )
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

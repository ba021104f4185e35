"""A real ``manage.py worker`` on a SQLite file of its own, for test_worker.py (not a test module).

Usage (the environment names the database: ``DATABASE_URL=sqlite:///...``, ``SAFEPOST_VAR_DIR``):
    worker_harness.py migrate          # an empty database, migrated (a template for each test)
    worker_harness.py school           # a school and one approved post to its website, queued
    worker_harness.py worker FAULT     # the worker, with a fault (see FAULTS), until stopped
    worker_harness.py status           # JSON: the post, its feed entries, what the dashboard says

Faults, each as a worker would meet it:
    none           nothing goes wrong
    die-once       the task process is SIGKILLed once, after the website took the post and before
                   the Publication records it; the claim's lease is made an hour long, so the post
                   can only go out again at once if the supervisor frees the dead process's claim
    die-always     every task process is SIGKILLed as soon as it starts a publish
    fail-always    every task process stops with an error before it takes a task
"""

from __future__ import annotations

import json
import os
import signal
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

FAULTS = ("none", "die-once", "die-always", "fail-always")
SLUG = "worker-test"


def migrate() -> None:
    call_command("migrate", verbosity=0)


def school() -> None:
    from apps.posts.models import Post
    from apps.publishing import actions
    from apps.schools.testing import make_personas

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    p = make_personas(slug=SLUG)
    post = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="The school fair starts at noon on Saturday.",
        status=Post.Status.SCHEDULED,
        scheduled_for=timezone.now(),
        exception=Post.Exception.URGENT_NEWS,  # any hour of the day
        exception_reason="Worker test",
    )
    actions.queue(post)
    print(json.dumps({"post": post.pk}))


def worker(fault: str) -> None:
    from django_tasks_db.management.commands import db_worker

    from apps.publishing import actions

    marker = Path(os.environ["SAFEPOST_VAR_DIR"]) / "died-once"

    def kill_myself() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if fault == "die-once":
        actions.LEASE = timedelta(hours=1)
        succeed = actions._succeed

        def die_once(*args: object, **kwargs: object) -> None:
            if not marker.exists():
                marker.touch()
                kill_myself()
            succeed(*args, **kwargs)  # type: ignore[arg-type]

        actions._succeed = die_once  # type: ignore[assignment]
    elif fault == "die-always":
        actions.publish = lambda post_id: kill_myself()  # type: ignore[assignment,func-returns-value]
    elif fault == "fail-always":

        def fail(self: object) -> None:
            raise RuntimeError("the task table cannot be read")

        db_worker.Worker.run = fail  # type: ignore[method-assign]
    elif fault != "none":
        raise SystemExit(f"unknown fault {fault!r}: one of {', '.join(FAULTS)}")
    call_command("worker", "--no-startup-delay", "--interval", "0.2", "--sweep-every", "1")


def status() -> None:
    from apps.home.dashboard import _publishing
    from apps.posts.models import Post
    from apps.publishing.models import FeedEntry
    from apps.schools.models import Membership, Role

    post = Post.objects.get(school__slug=SLUG)
    head = Membership.objects.get(school__slug=SLUG, role=Role.HEADTEACHER)
    attention = _publishing(head, timezone.now())
    print(
        json.dumps(
            {
                "status": post.status,
                "feed_entries": FeedEntry.objects.filter(post=post).count(),
                "dashboard": None
                if attention is None
                else {"title": attention.title, "text": attention.text},
            }
        )
    )


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "migrate":
        migrate()
    elif command == "school":
        school()
    elif command == "worker":
        worker(sys.argv[2])
    elif command == "status":
        status()
    else:
        raise SystemExit(f"unknown command {command!r}")

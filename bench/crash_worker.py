"""A task worker for the crash experiment (bench/crash_publishing.py): Safepost's own, with fault points.

Usage (the experiment starts it; not for production):
    crash_worker.py db                 # manage.py worker (django-tasks-db)
    crash_worker.py celery NAME        # a Celery worker, prefork pool, one process

With probability ``CRASH_P`` the process kills itself with SIGKILL at the two dangerous moments:
after a platform (or the website feed) has accepted a post and before its Publication records it,
and after the last target is recorded and before the post's status is brought in line. Each kill
is logged to ``CRASH_LOG`` first. No kill happens once the file ``CRASH_STOP`` exists.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import faulthandler  # noqa: E402

import django  # noqa: E402

django.setup()

from django.test.utils import override_settings  # noqa: E402

from apps.publishing import actions  # noqa: E402

# mastodon-mock listens on this machine over plain http: allowed here only (apps/platforms/netguard.py,
# told of the setting through Django's setting_changed signal, which override_settings sends).
override_settings(SAFEPOST_PLATFORMS_ALLOW_LOOPBACK=True).enable()

P = float(os.environ.get("CRASH_P", "0"))
LOG = os.environ.get("CRASH_LOG", "")
STOP = os.environ.get("CRASH_STOP", "")


def _maybe_die(point: str) -> None:
    if P <= 0 or (STOP and os.path.exists(STOP)) or random.random() >= P:
        return
    if LOG:
        with open(LOG, "a", encoding="ascii") as log:
            log.write(f"{time.time():.3f} {os.getpid()} {point}\n")
    os.kill(os.getpid(), signal.SIGKILL)


def _dangerous(point: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _maybe_die(point)
        return original(*args, **kwargs)

    return wrapper


actions._succeed = _dangerous("after-answer", actions._succeed)  # type: ignore[assignment]
actions._finish = _dangerous("before-status", actions._finish)  # type: ignore[assignment]


def main() -> None:
    # `kill -USR1` prints where every thread is (to the worker's log), to see where a worker waits.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    kind = sys.argv[1]
    if kind == "db":
        from django.core.management import call_command

        call_command(
            "worker",
            "--no-startup-delay",
            "--sweep-every",
            os.environ.get("CRASH_SWEEP", "15"),
            "--processes",
            os.environ.get("CRASH_PROCESSES", "1"),
        )
    elif kind == "celery":
        from config.celery import app

        app.worker_main(
            [
                "worker",
                "-l",
                "warning",
                "-P",
                "prefork",
                "-c",
                "1",
                "-n",
                f"{sys.argv[2]}@%h",
                "--without-mingle",
                "--without-gossip",
            ]
        )
    else:
        raise SystemExit(f"unknown worker kind {kind!r}: db or celery")


if __name__ == "__main__":
    main()

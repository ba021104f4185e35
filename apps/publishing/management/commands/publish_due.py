"""``manage.py publish_due``: publish whatever is due now (missed times, retries, dead workers' posts)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.posts.retention import retention_sweep
from apps.publishing import actions


class Command(BaseCommand):
    help = (
        "Publish posts that are due: scheduled posts whose time has come (e.g. while the worker was "
        "down), retries whose wait is over, and attempts a dead worker left unfinished."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, sweeping every SECONDS (0: once, then stop).",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the posts to the task worker instead of publishing them here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every: int = options["every"]
        while True:
            self._sweep(enqueue=options["enqueue"])
            if every <= 0:
                return
            time.sleep(every)

    def _sweep(self, enqueue: bool) -> None:
        try:
            deleted = retention_sweep()
        except Exception as exc:  # photo retention must never stop publishing
            self.stderr.write(f"photos: retention failed ({exc}); publishing goes on")
            deleted = 0
        if deleted:
            self.stdout.write(f"photos: {deleted} file(s) deleted as the policy says")

        if enqueue:
            for post_id in actions.send_due():
                self.stdout.write(f"post {post_id}: queued")
            reaped = actions.reap_stale_tasks()
            if reaped:
                self.stdout.write(f"tasks: {reaped} left running by a stopped worker marked failed")
            return
        for post_id in actions.due_post_ids():
            self.stdout.write(f"post {post_id}: {actions.publish(post_id)}")

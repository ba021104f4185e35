"""``manage.py followers_due``: read the followers of every connection that is due.

An overdue follower review is reminded by ``manage.py send_reminders`` (apps/followers/duties.py).
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.followers import ingest
from apps.followers.tasks import ingest_connection


class Command(BaseCommand):
    help = (
        "Read the followers of each connected account that is due "
        "(reminders of an overdue follower review are sent by send_reminders)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep sweeping every SECONDS."
        )
        parser.add_argument("--enqueue", action="store_true", help="Hand each read to the task worker.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for connection_id in ingest.due_connection_ids():
                if options["enqueue"]:
                    ingest_connection.enqueue(connection_id)
                    self.stdout.write(f"connection {connection_id}: queued")
                else:
                    self.stdout.write(f"connection {connection_id}: {ingest.ingest(connection_id).summary()}")
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

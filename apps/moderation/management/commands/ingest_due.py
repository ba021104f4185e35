"""``manage.py ingest_due``: read the replies, mentions and quotes of every connection that is due."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.moderation import ingest
from apps.moderation.tasks import ingest_connection


class Command(BaseCommand):
    help = "Read what came back to each connected account whose reading interval has passed."

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
                    outcome = ingest.ingest(connection_id)
                    for item_id in outcome.with_images:
                        ingest.check_images(item_id)
                    self.stdout.write(f"connection {connection_id}: {outcome.summary()}")
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

"""``manage.py check_connections``: find revoked or expired sign-ins and due credential rotations."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.platforms import actions


class Command(BaseCommand):
    help = (
        "Ask each platform whether each connected account's sign-in still works (marking those that "
        "do not as 'reconnect needed'), and create the credential-rotation reminders that are due."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep running, every SECONDS (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            counts = actions.check_all()
            reminders = actions.create_due_reminders()
            checked = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "none in use"
            self.stdout.write(f"connections checked: {checked}; rotation reminders created: {reminders}")
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

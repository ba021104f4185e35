"""``manage.py send_reminders``: tell staff about the policy's duties that are due or overdue."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.reminders import actions


class Command(BaseCommand):
    help = (
        "Walk every school's duties (sign-in changes, consent renewal, reviews) and send the reminders "
        "that are due or overdue and not sent yet, in Safepost and by e-mail."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep running, every SECONDS (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            self.stdout.write(f"reminders sent: {actions.send_reminders()}")
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

"""``manage.py governance_daily``: the term's e-safety suggestions (the review is a reminders duty)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.governance import actions


class Command(BaseCommand):
    help = (
        "Offer this term's e-safety posts (and Safer Internet Day's in the weeks before it). The policy's "
        "review date is reminded by send_reminders, with the other duties."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep running, every SECONDS (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            done = actions.daily()
            self.stdout.write(f"e-safety posts suggested: {done['esafety_suggestions']}")
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

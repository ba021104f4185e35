"""``manage.py governance_daily``: policy review reminders and the term's e-safety suggestions."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.governance import actions


class Command(BaseCommand):
    help = (
        "Remind each headteacher ahead of the policy's review date (review.next_review) and when it is "
        "due, and offer this term's e-safety posts (and Safer Internet Day's in the weeks before it)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep running, every SECONDS (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            done = actions.daily()
            self.stdout.write(
                f"review reminders sent: {done['review_reminders']}; "
                f"e-safety posts suggested: {done['esafety_suggestions']}"
            )
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

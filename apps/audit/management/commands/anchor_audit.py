"""``manage.py anchor_audit``: record each school's audit head outside the database."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps.audit import anchors


class Command(BaseCommand):
    help = (
        "Append each school's newest audit entry (its number and hash, signed with the audit key) to "
        "the anchor file, so that a later rewrite of the log is found by verify_audit. With --email "
        "the headteacher and the governors are sent the fingerprint too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--email", action="store_true", help="Also e-mail the fingerprint to each school."
        )
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep running, every SECONDS (0: once)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            written = anchors.anchor_all(email=options["email"])
            self.stdout.write(
                f"anchored {written} audit chain{'s' if written != 1 else ''} in {anchors.anchor_file()}"
            )
            if options["every"] <= 0:
                return
            time.sleep(options["every"])

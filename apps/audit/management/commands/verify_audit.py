"""`manage.py verify_audit [--school SLUG]`: check that no audit entry was changed or removed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.audit.actions import verify_school
from apps.audit.models import school_model


class Command(BaseCommand):
    help = (
        "Verify every school's audit chain (or one school's): prints OK with the number of entries, "
        "or each broken entry, and exits with status 1 if any chain is broken."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--school", metavar="SLUG", help="Only this school (its slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        schools = school_model().objects.order_by("slug")
        if options["school"]:
            schools = schools.filter(slug=options["school"])
            if not schools.exists():
                raise CommandError(f'There is no school with the slug "{options["school"]}".')
        broken = 0
        for school in schools:
            try:
                report = verify_school(school)
            except ImproperlyConfigured as exc:  # the audit key is missing or damaged
                raise CommandError(str(exc)) from exc
            if report.ok:
                entries = f"{report.entries} entr{'y' if report.entries == 1 else 'ies'}"
                self.stdout.write(self.style.SUCCESS(f"OK      {school.slug}: {entries}, chain intact"))
                continue
            broken += 1
            for problem in report.problems:
                where = f"entry #{problem.seq} " if problem.seq else ""
                self.stdout.write(self.style.ERROR(f"BROKEN  {school.slug}: {where}{problem.problem}"))
        if broken:
            raise CommandError(f"The audit chain of {broken} school{'s' if broken != 1 else ''} is broken.")

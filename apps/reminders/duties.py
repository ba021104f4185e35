"""The duties recorded as done on the duties page, for the governors' report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from apps.reminders.models import DutyDone
from apps.reminders.registry import Completion, history
from apps.schools.models import School


@history
def marked_done(school: School, start: date, end: date) -> Iterator[Completion]:
    done = DutyDone.objects.filter(school=school, done_on__gte=start, done_on__lte=end).select_related(
        "done_by"
    )
    for item in done:
        yield Completion(
            name=item.name,
            done_on=item.done_on,
            due_on=item.due_on,
            by=item.done_by.get_full_name() or item.done_by.get_username(),
        )

"""The one periodic task of the reminders: every school's due and overdue duties, told once."""

from __future__ import annotations

from django.tasks import task

from apps.reminders import actions


@task()
def send_reminders() -> int:
    """Send the reminders due today that have not been sent (run daily)."""
    return actions.send_reminders()

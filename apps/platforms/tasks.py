"""Periodic platform work: notice revoked or expired sign-ins, and remind about rotations."""

from __future__ import annotations

from django.tasks import task

from apps.platforms import actions


@task()
def check_connections() -> dict[str, int]:
    """Ask each platform whether each connection's tokens still work; mark those that do not.

    Run it a few times a day (``manage.py check_connections --every 21600 --enqueue``, or Celery beat).
    """
    return actions.check_all()


@task()
def create_rotation_reminders() -> int:
    """Create the reminders the policies' rotation cadence makes due today (run daily)."""
    return actions.create_due_reminders()

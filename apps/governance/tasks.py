"""Periodic governance work: the e-safety suggestions of the term (the review is a reminders duty)."""

from __future__ import annotations

from django.tasks import task

from apps.governance import actions


@task()
def governance_daily() -> dict[str, int]:
    """Offer the term's e-safety posts, and Safer Internet Day's ahead of it (run daily).

    ``manage.py governance_daily --every 86400`` runs it (as ``make run`` does), or Celery beat.
    """
    return actions.daily()

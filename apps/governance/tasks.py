"""Periodic governance work: the policy review reminder and the e-safety suggestions."""

from __future__ import annotations

from django.tasks import task

from apps.governance import actions


@task()
def governance_daily() -> dict[str, int]:
    """Remind headteachers of policy reviews and offer the term's e-safety posts (run daily).

    ``manage.py governance_daily --every 86400`` runs it (as ``make run`` does), or Celery beat.
    """
    return actions.daily()

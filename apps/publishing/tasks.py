"""Publishing tasks (Django tasks; django-tasks-db runs them from the default database)."""

from __future__ import annotations

import logging

from django.tasks import task

from apps.posts.retention import retention_sweep
from apps.publishing import actions

log = logging.getLogger(__name__)


@task()
def publish_post(post_id: int) -> str:
    """Send a due post to its targets: re-check it, then publish, retry or fail each Publication."""
    return actions.publish(post_id)


@task()
def publish_due() -> int:
    """Sweep: send a task for every post with something to do now (missed times, retries, dead
    workers, posts whose status a dead worker left out of line), one per post; reap tasks dead
    workers left "running"; catch up on photo retention.

    ``manage.py worker`` runs it every few seconds, ``celery beat`` every 15 seconds; claiming makes
    a duplicate run harmless.
    """
    sent = actions.send_due()
    actions.reap_stale_tasks()
    try:
        retention_sweep()
    except Exception:  # photo retention must never stop publishing
        log.exception("photo retention failed; publishing goes on")
    return len(sent)

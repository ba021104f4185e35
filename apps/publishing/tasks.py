"""Publishing tasks (Django tasks; django-tasks-db runs them from the default database)."""

from __future__ import annotations

import logging

from django.tasks import task

from apps.publishing import actions

log = logging.getLogger(__name__)


@task()
def publish_post(post_id: int) -> str:
    """Send a due post to its targets: re-check it, then publish, retry or fail each Publication."""
    return actions.publish(post_id)


@task()
def publish_due() -> int:
    """Sweep: enqueue every post with something to do now (missed times, retries, dead workers).

    Run it when the worker starts and every minute or so (``manage.py publish_due --every 60``); it
    only enqueues, and claiming makes a duplicate run harmless.
    """
    from apps.posts.photos import retention_sweep

    ids = actions.due_post_ids()
    for post_id in ids:
        publish_post.enqueue(post_id)
    try:
        retention_sweep()
    except Exception:  # photo retention must never stop publishing
        log.exception("photo retention failed; publishing goes on")
    return len(ids)

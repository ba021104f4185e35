"""Follower review tasks: read each connection's followers, and the sweep that enqueues the reads.

The follower review's reminders are not sent here: the review is a duty of the one schedule
(apps/followers/duties.py), reminded by ``apps.reminders.tasks.send_reminders``.
"""

from __future__ import annotations

from django.tasks import task

from apps.followers import ingest


@task()
def ingest_connection(connection_id: int) -> str:
    """Read one connection's new followers and follow requests, judge them, act on staff accounts."""
    return ingest.ingest(connection_id).summary()


@task()
def followers_due() -> int:
    """Sweep: enqueue a read for every connection that is due.

    ``manage.py followers_due --every 300 --enqueue`` runs it; each connection is its own task.
    """
    ids = ingest.due_connection_ids()
    for connection_id in ids:
        ingest_connection.enqueue(connection_id)
    return len(ids)

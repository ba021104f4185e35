"""Moderation inbox tasks: read each connection, fetch images, and the sweep that enqueues reads."""

from __future__ import annotations

from django.tasks import task

from apps.moderation import ingest


@task()
def ingest_connection(connection_id: int) -> str:
    """Read one connection's new replies, mentions and quotes; then fetch their images."""
    outcome = ingest.ingest(connection_id)
    for item_id in outcome.with_images:
        fetch_item_images.enqueue(item_id)
    return outcome.summary()


@task()
def fetch_item_images(item_id: int) -> int:
    """Fetch and check the images of one item (within the upload limits)."""
    return ingest.check_images(item_id)


@task()
def ingest_due() -> int:
    """Sweep: enqueue a read for every connection whose interval has passed (run every minute).

    ``manage.py ingest_due --every 60 --enqueue`` runs it; each connection is its own task, so
    one failing never holds up the rest.
    """
    ids = ingest.due_connection_ids()
    for connection_id in ids:
        ingest_connection.enqueue(connection_id)
    return len(ids)

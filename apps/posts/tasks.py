"""Photo retention tasks (Django tasks; see apps.publishing.tasks for how they run)."""

from __future__ import annotations

from django.tasks import task

from apps.posts import retention


@task()
def clean_up_photos(post_id: int) -> int:
    """After a post is published: delete its photos' originals and working copies (RAC-04); after
    it is deleted: delete every file of its photos."""
    return retention.delete_originals(post_id) + retention.discard_photos(post_id)


@task()
def expire_photos() -> int:
    """Delete published photos kept longer than each school's ``photos.keep_renditions_days``."""
    return retention.expire_renditions()

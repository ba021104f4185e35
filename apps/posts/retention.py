"""Photo retention: what happens to a post's photo files after it is published or deleted.

Once a post is out, its photos' originals and working copies go (RAC-04); a deleted post's photos
lose every file; published renditions go after the school's ``photos.keep_renditions_days``. Each
deletion is recorded in the audit log. The tasks in :mod:`apps.posts.tasks` and the publishing
sweep call these.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.audit.actions import record
from apps.posts.models import Post, PostPhoto

log = logging.getLogger(__name__)
Status = Post.Status


class FileNotDeleted(Exception):
    """A stored file could not be deleted; ``message`` names it and says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _delete_files(photo: PostPhoto, fields: Sequence[str]) -> list[str]:
    gone = []
    for name in fields:
        field = getattr(photo, name)
        if field:
            try:
                default_storage.delete(field.name)
            except OSError as exc:
                raise FileNotDeleted(f"Could not delete {field.name}: {exc.strerror}") from exc
            gone.append(field.name)
            setattr(photo, name, "")
    return gone


def discard_photos(post_id: int) -> int:
    """A deleted post's photos: every file is deleted (nothing of them is published any more), each
    deletion recorded (photo.files_deleted). Returns how many files were deleted."""
    post = Post.objects.select_related("school").get(pk=post_id)
    if post.status != Status.DELETED:
        return 0
    count = 0
    with_files = Q(original__gt="") | Q(working__gt="") | Q(rendition__gt="")
    for photo in post.photos.filter(with_files):
        try:
            with transaction.atomic():
                gone = _delete_files(photo, ["original", "working", "rendition"])
                now = timezone.now()
                photo.originals_deleted_at = photo.originals_deleted_at or now
                photo.rendition_deleted_at = photo.rendition_deleted_at or now
                photo.save(
                    update_fields=[
                        "original",
                        "working",
                        "rendition",
                        "originals_deleted_at",
                        "rendition_deleted_at",
                    ]
                )
                record(
                    post.school,
                    None,
                    "photo.files_deleted",
                    f"Photo {photo.position + 1}: its files were deleted with the post",
                    post,
                    {"photo": photo.pk, "files": gone},
                )
        except FileNotDeleted as exc:
            log.error("photo %s of deleted post %s: %s", photo.pk, post.pk, exc.message)
            continue
        count += len(gone)
    return count


def delete_originals(post_id: int) -> int:
    """Once a post is published, delete its photos' originals and working copies (RAC-04).

    Only the cleaned, published rendition remains. Each deletion is recorded (photo.originals_deleted).
    With ``photos.delete_originals_after_publish = false`` the originals are kept (the working copy,
    which shows faces unblurred, is deleted all the same). Returns how many files were deleted.
    """
    post = Post.objects.select_related("school").get(pk=post_id)
    if post.status != Status.PUBLISHED:
        return 0
    keep_originals = not post.school.policy.photos.delete_originals_after_publish
    count = 0
    for photo in post.photos.filter(originals_deleted_at__isnull=True):
        fields = ["working"] if keep_originals else ["original", "working"]
        try:
            gone = _delete_and_record_originals(post, photo, fields, keep_originals)
        except FileNotDeleted as exc:  # one stuck file must not stop the others, nor publishing
            log.error("photo %s of post %s: %s", photo.pk, post.pk, exc.message)
            continue
        count += len(gone)
    return count


def _delete_and_record_originals(
    post: Post, photo: PostPhoto, fields: list[str], keep_originals: bool
) -> list[str]:
    with transaction.atomic():
        gone = _delete_files(photo, fields)
        photo.originals_deleted_at = timezone.now()
        photo.save(update_fields=["original", "working", "originals_deleted_at"])
        record(
            post.school,
            None,
            "photo.originals_deleted",
            f"Photo {photo.position + 1}: the "
            + ("working copy was" if keep_originals else "original and the working copy were")
            + " deleted after publishing",
            post,
            {"photo": photo.pk, "files": gone, "sha256": photo.original_sha256},
        )
    return gone


def expire_renditions(now: datetime | None = None) -> int:
    """Delete published renditions older than the school's ``photos.keep_renditions_days`` (0 keeps
    them). The photo then no longer shows on the school's feed. Returns how many were deleted."""
    now = now or timezone.now()
    count = 0
    candidates = PostPhoto.objects.filter(
        rendition_deleted_at__isnull=True, post__status=Status.PUBLISHED, post__published_at__isnull=False
    ).select_related("post__school")
    for photo in candidates:
        days = photo.post.school.policy.photos.keep_renditions_days
        published = photo.post.published_at
        if days <= 0 or published is None or published > now - timedelta(days=days):
            continue
        try:
            _expire_one(photo, now, days)
        except FileNotDeleted as exc:  # one stuck file must not stop the others, nor publishing
            log.error("photo %s: %s", photo.pk, exc.message)
            continue
        count += 1
    return count


def _expire_one(photo: PostPhoto, now: datetime, days: int) -> None:
    with transaction.atomic():
        gone = _delete_files(photo, ["rendition", "original", "working"])
        photo.rendition_deleted_at = now
        photo.save(update_fields=["rendition", "original", "working", "rendition_deleted_at"])
        record(
            photo.post.school,
            None,
            "photo.rendition_deleted",
            f"Photo {photo.position + 1} deleted: kept for {days} days after publishing, as the policy says",
            photo.post,
            {"photo": photo.pk, "files": gone, "days": days},
        )


def retention_sweep(now: datetime | None = None) -> int:
    """Catch up on retention: originals of published posts still on disk (a lost task), files of
    deleted posts, and renditions past the policy's keeping time. Run with every publishing sweep."""
    pending = (
        PostPhoto.objects.filter(post__status=Status.PUBLISHED, originals_deleted_at__isnull=True)
        .values_list("post_id", flat=True)
        .distinct()
    )
    deleted = sum(delete_originals(post_id) for post_id in list(pending))
    with_files = Q(original__gt="") | Q(working__gt="") | Q(rendition__gt="")
    discarded = (
        PostPhoto.objects.filter(with_files, post__status=Status.DELETED)
        .values_list("post_id", flat=True)
        .distinct()
    )
    deleted += sum(discard_photos(post_id) for post_id in list(discarded))
    return deleted + expire_renditions(now)

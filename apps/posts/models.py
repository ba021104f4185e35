"""Posts: written, checked, approved, scheduled and published."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.schools.models import Account, School


class Post(models.Model):
    """A post from one of the school's accounts, through its whole life."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PENDING = "pending", "Waiting for approval"
        CHANGES_REQUESTED = "changes", "Sent back for changes"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHING = "publishing", "Publishing"
        PUBLISHED = "published", "Published"
        HELD = "held", "Held: needs attention"
        FAILED = "failed", "Publishing failed"
        DELETED = "deleted", "Deleted"

    class Exception(models.TextChoices):
        SCHOOL_EVENT = "school-event", "School event (fixture, trip, performance)"
        URGENT_NEWS = "urgent-news", "Urgent news (e.g. closure)"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="posts")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    exception = models.CharField(max_length=20, choices=Exception.choices, blank=True)
    exception_reason = models.TextField(blank=True)
    requested_time = models.DateTimeField(null=True, blank=True, help_text="A time the writer picked.")
    scheduled_for = models.DateTimeField(null=True, blank=True, db_index=True)
    # The latest check: {"verdict": ..., "findings": [...], "policy_version": n, "roster_version": n}
    last_check = models.JSONField(default=dict, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    held_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_posts",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    reshare_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reshares",
        help_text="For a reshare by the main account: the class-account post it shares (RAC-02).",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["school", "status", "scheduled_for"])]

    def __str__(self) -> str:
        return f"{self.account}: {self.text[:40]}"


class Override(models.Model):
    """A warning the writer chose to post despite, with the reason they gave."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="overrides")
    rule = models.CharField(max_length=10)
    category = models.CharField(max_length=30)
    message = models.TextField()
    reason = models.TextField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.rule} overridden on post {self.post_id}: {self.reason[:40]}"


class Review(models.Model):
    """An approver's decision on a post."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        CHANGES = "changes", "Sent back for changes"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.get_decision_display()} post {self.post_id}"


def _photo_path(kind: str, instance: PostPhoto, filename: str) -> str:
    # Random names: nothing about the pupil, the trip or the upload's own name on disk.
    return f"photos/{instance.post.school_id}/{kind}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def original_path(instance: PostPhoto, filename: str) -> str:
    return _photo_path("originals", instance, filename)


def working_path(instance: PostPhoto, filename: str) -> str:
    return _photo_path("working", instance, filename)


def rendition_path(instance: PostPhoto, filename: str) -> str:
    return _photo_path("renditions", instance, filename)


class PostPhoto(models.Model):
    """A photo on a post: the upload, a cleaned working copy, and the rendition that is published.

    ``original`` is the file as uploaded (metadata and all); it is never shown to anyone and is
    deleted once the post is published (RAC-04). ``working`` is the cleaned copy (no metadata, at
    most 2048 px) that faces are found in and blurred from; it is deleted with the original.
    ``rendition`` is ``working`` with the chosen faces blurred: what staff preview and what goes out.
    ``faces`` lists what the detector found, in ``working``'s pixels:
    ``[{"box": [x, y, w, h], "score": 0.93, "adult": false, "blur": false}, ...]``.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(default=0)
    original = models.FileField(upload_to=original_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    original_sha256 = models.CharField(max_length=64, blank=True)
    original_bytes = models.PositiveIntegerField(default=0)
    originals_deleted_at = models.DateTimeField(null=True, blank=True)
    working = models.FileField(upload_to=working_path, blank=True)
    rendition = models.FileField(upload_to=rendition_path, blank=True)
    rendition_deleted_at = models.DateTimeField(null=True, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    mime = models.CharField(max_length=30, default="image/jpeg")
    alt_text = models.TextField(blank=True)
    faces = models.JSONField(default=list, blank=True)
    removed_metadata = models.JSONField(default=list, blank=True)
    unsuitable_score = models.FloatField(null=True, blank=True)
    # Who the uploaded file said owns the picture (EXIF/XMP/IPTC, read before stripping), and its
    # perceptual hash, to recognise pictures the school marked as licensed or not its own.
    rights = models.JSONField(default=dict, blank=True)
    phash = models.CharField(max_length=16, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "position", "pk"]

    def __str__(self) -> str:
        return f"Photo {self.position + 1} of post {self.post_id}"


class PhotoTag(models.Model):
    """A pupil who appears in a photo, tagged by the writer (or suggested by face matching).

    ``face`` is the index in ``PostPhoto.faces`` of the pupil's face, or ``None`` when the pupil is
    in the photo without a detected face (from behind, hands at work). Pupils are never deleted
    while tagged, so "which published posts show this pupil" can always be answered.
    """

    photo = models.ForeignKey(PostPhoto, on_delete=models.CASCADE, related_name="tags")
    pupil = models.ForeignKey("schools.Pupil", on_delete=models.PROTECT, related_name="photo_tags")
    face = models.PositiveSmallIntegerField(null=True, blank=True)
    suggested = models.BooleanField(default=False, help_text="Suggested by face matching, not yet confirmed.")
    tagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["photo", "pupil"], name="tag_pupil_once_per_photo")]

    def __str__(self) -> str:
        return f"{self.pupil} in {self.photo}"


class KnownPicture(models.Model):
    """A picture the school has said it may use (licensed, its own) or may not (someone else's).

    Only the perceptual hash is kept, never the picture: an upload that looks the same (resized,
    recompressed, slightly cropped) is recognised by it (RAC-12, SUT-16).
    """

    class Status(models.TextChoices):
        LICENSED = "licensed", "The school may use it"
        NOT_OURS = "not-ours", "Not the school's to use"

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="known_pictures")
    phash = models.CharField(max_length=16)
    status = models.CharField(max_length=10, choices=Status.choices)
    label = models.CharField(max_length=200, help_text='e.g. "Logo of the local football club (licensed)"')
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-added_at"]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"

"""Posts: written, checked, approved, scheduled and published."""

from __future__ import annotations

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

"""Where posts go out: one Publication per post and target, idempotent and retried."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from apps.posts.models import Post
from apps.schools.models import Account, School


class Publication(models.Model):
    """A post's delivery to one target (the school website feed; later X, Bluesky, Mastodon).

    ``idempotency_key`` is sent to the target (or stored with the website
    entry), so a worker that dies mid-publish and retries finds the first
    attempt instead of posting twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        PUBLISHING = "publishing", "Publishing"
        PUBLISHED = "published", "Published"
        RETRYING = "retrying", "Failed, will retry"
        FAILED = "failed", "Failed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="publications")
    target = models.CharField(max_length=20)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    # Set when a failed publication is queued again ("Try publishing again"): attempts count from 0
    # again, but an earlier attempt may have reached the platform, so a lookup is needed first.
    tried_before = models.BooleanField(default=False)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    url = models.URLField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "target"], name="one_publication_per_target")]

    def __str__(self) -> str:
        return f"{self.post_id} -> {self.target} ({self.status})"


class FeedEntry(models.Model):
    """A post on the school's own public feed (web page, Atom, RSS, widget)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="feed_entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="feed_entries")
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="feed_entries")
    idempotency_key = models.UUIDField(unique=True)
    text = models.TextField()
    reshared_from = models.ForeignKey(
        Account, null=True, blank=True, on_delete=models.PROTECT, related_name="reshared_entries"
    )
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["school", "-published_at"])]

    def __str__(self) -> str:
        return f"{self.school}: {self.text[:40]}"


class QueuedPublish(models.Model):
    """A publish task sent to the task queue for a post and not started yet.

    The sweep sends no second task for a post that has one waiting, so the queue holds at most one
    due task per post however long the worker is away. The task removes the mark when it starts.
    """

    post = models.OneToOneField(Post, on_delete=models.CASCADE, primary_key=True, related_name="+")
    task_id = models.CharField(max_length=64)
    queued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"post {self.post_id} queued at {self.queued_at:%Y-%m-%d %H:%M:%S}"


class WorkerBeat(models.Model):
    """A running task worker (``manage.py worker``), written every few seconds while it lives.

    A task left "running" by a worker with no recent beat is reaped (marked failed), and the
    dashboard can say that no worker is running. A task process its supervisor started again after
    a crash says how many times that happened lately and why, so the dashboard can say that
    publishing keeps failing, and why.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    #: Task processes its supervisor had to start again in the last RESTARTS_WINDOW (0: none).
    restarts = models.PositiveIntegerField(default=0)
    #: Why the one before this stopped, in words ("" when it did not crash).
    last_stop = models.CharField(max_length=300, blank=True)
    last_stop_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.host} (pid {self.pid})"

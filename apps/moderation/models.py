"""The moderation inbox: what comes back to the school's accounts, the evidence kept, and incidents."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.platforms.models import Connection
from apps.schools.models import Account, School


class Label(models.TextChoices):
    """The classifier's labels (shared/eval/replies/README.md), in the words the inbox shows."""

    THREAT = "threat", "Threat or safeguarding concern"
    SPAM = "spam", "Spam or scam"
    OFFENSIVE = "offensive", "Offensive"
    UNDERMINING = "undermining", "Undermining"
    POSITIVE = "positive", "Positive"
    NEUTRAL = "neutral", "Neutral"


class InboxItem(models.Model):
    """One reply, mention or quote that came to one of the school's accounts, judged on arrival.

    Stored once per account, platform and platform id however often it is read. ``pinned`` is
    set for an escalated item until someone takes it.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", "Reply"
        MENTION = "mention", "Mention"
        QUOTE = "quote", "Quote"

    class State(models.TextChoices):
        NEW = "new", "New"
        TAKEN = "taken", "Being dealt with"
        DEALT_WITH = "dealt-with", "Dealt with"
        ANSWERED_OFFLINE = "answered-offline", "Answered offline"
        NO_ACTION = "no-action", "No action needed"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="inbox_items")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="inbox_items")
    connection = models.ForeignKey(
        Connection, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbox_items"
    )
    platform = models.CharField(max_length=20)
    external_id = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    url = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    author_id = models.CharField(max_length=300, blank=True)
    author_handle = models.CharField(max_length=300, blank=True)
    author_name = models.CharField(max_length=300, blank=True)
    author_bio = models.TextField(blank=True)
    author_url = models.CharField(max_length=500, blank=True)
    posted_at = models.DateTimeField()
    fetched_at = models.DateTimeField(default=timezone.now)
    in_reply_to = models.CharField(max_length=300, blank=True)
    in_reply_to_text = models.TextField(blank=True)
    root = models.CharField(max_length=300, blank=True)
    thread = models.JSONField(default=list, blank=True)
    raw = models.JSONField(default=dict, blank=True)
    is_own = models.BooleanField(default=False, help_text="Written by one of the school's own accounts.")

    label = models.CharField(max_length=20, choices=Label.choices, db_index=True)
    escalate = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    recommended = models.CharField(max_length=200, blank=True)
    names = models.JSONField(default=list, blank=True)

    state = models.CharField(max_length=20, choices=State.choices, default=State.NEW, db_index=True)
    pinned = models.BooleanField(default=False)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    taken_at = models.DateTimeField(null=True, blank=True)
    done = models.JSONField(default=dict, blank=True, help_text="Platform actions done: action → ISO time.")

    class Meta:
        ordering = ["-posted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "platform", "external_id"], name="inbox_item_once_per_account"
            )
        ]
        indexes = [
            models.Index(fields=["school", "pinned", "posted_at"], name="inbox_newest_idx"),
            models.Index(fields=["school", "label", "pinned", "posted_at"], name="inbox_label_idx"),
            models.Index(fields=["school", "state", "pinned", "posted_at"], name="inbox_state_idx"),
            models.Index(fields=["school", "platform", "pinned", "posted_at"], name="inbox_platform_idx"),
            models.Index(fields=["account", "pinned", "posted_at"], name="inbox_account_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.author_handle} on {self.platform}"


class ItemImage(models.Model):
    """An image in an item, fetched within the upload limits and checked by the unsuitable-image model."""

    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(default=0)
    url = models.CharField(max_length=1000)
    alt = models.TextField(blank=True)
    data = models.BinaryField(blank=True, editable=False)
    mime = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    unsuitable_score = models.FloatField(null=True, blank=True)
    problem = models.CharField(max_length=300, blank=True, help_text="Why it could not be fetched or read.")

    class Meta:
        ordering = ["item", "position"]

    def __str__(self) -> str:
        return self.url


class Evidence(models.Model):
    """The item as it was, kept before anything is hidden, deleted or blocked (COU-11).

    ``bundle`` is one zip (the item as JSON, a rendered copy, its images, and a list of SHA-256
    sums); ``sha256`` is the bundle's, recorded in the audit chain. Never changed or deleted.
    """

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(InboxItem, on_delete=models.PROTECT, related_name="evidence")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=200)
    bundle = models.BinaryField(editable=False)
    sha256 = models.CharField(max_length=64)
    audit_seq = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Evidence {self.sha256[:12]} for {self.item}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("evidence is kept as it was and cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("evidence is kept as it was and cannot be deleted")

    @property
    def filename(self) -> str:
        return f"evidence-{self.item.platform}-{self.item_id}-{self.sha256[:12]}.zip"


class ModerationAction(models.Model):
    """Something a member of staff did about an item (hide, block, report, ...), and how it went."""

    class Outcome(models.TextChoices):
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        RECORDED = "recorded", "Recorded (done outside Safepost)"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=30)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    detail = models.TextField(blank=True)
    evidence = models.ForeignKey(Evidence, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.action} on {self.item_id}: {self.outcome}"


class IngestState(models.Model):
    """Where reading one connection's notifications got to, survives restarts; failures are kept for the page."""

    connection = models.OneToOneField(Connection, on_delete=models.CASCADE, related_name="ingest")
    cursor = models.CharField(max_length=300, blank=True)
    interval_minutes = models.PositiveIntegerField(default=5)
    next_due_at = models.DateTimeField(default=timezone.now)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    failures = models.PositiveIntegerField(default=0)
    items_stored = models.PositiveIntegerField(default=0)
    reads_month = models.CharField(max_length=7, blank=True)
    reads_this_month = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Inbox reading for {self.connection}"


class Incident(models.Model):
    """An entry on the e-safety record (COU-11, COU-12, RAC-12, SUT-10)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        INVESTIGATING = "investigating", "Being investigated"
        CLOSED = "closed", "Closed"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="incidents")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    actions_taken = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    reported_to_authority = models.BooleanField(default=False)
    authority_reported_on = models.DateField(null=True, blank=True)
    authority_reference = models.CharField(max_length=200, blank=True)
    staff_conduct_breach = models.BooleanField(default=False)
    items = models.ManyToManyField(InboxItem, blank=True, related_name="incidents")
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(fields=["school", "number"], name="incident_number_per_school")
        ]

    def __str__(self) -> str:
        return f"Incident {self.number}: {self.title}"


class IncidentNote(models.Model):
    """A dated note on an incident; notes are added, never edited."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField()

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"Note on {self.incident}"


class Reply(models.Model):
    """The school's answer to a question in the inbox, where the policy takes questions (COU-02).

    Checked like any post; approved as the policy says; published as a reply on the platform.
    """

    class Status(models.TextChoices):
        WAITING = "waiting-approval", "Waiting for approval"
        PUBLISHED = "published", "Published"
        FAILED = "failed", "Could not be published"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices)
    key = models.UUIDField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    external_id = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Answer to {self.item}"

"""Who follows the school's accounts, what Safepost made of each, and what the reviewers decided.

One :class:`Follower` row per account, platform and follower, kept however often it is read;
a protected account's follow request is the same row with ``relation = request`` until it is
answered. Every decision is a :class:`Decision` (and an audit entry); a finished review is a
:class:`Review`. Staff declare their personal accounts as :class:`PersonalAccount` rows, so a
staff personal follower is recognised for certain (RAC-09).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.platforms.models import Connection
from apps.platforms.registry import label_of
from apps.schools.models import Account, School


class Follower(models.Model):
    """One account following (or asking to follow) one of the school's accounts on one platform."""

    class Relation(models.TextChoices):
        FOLLOWER = "follower", "Follower"
        REQUEST = "request", "Asks to follow"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        KEPT = "kept", "Kept"
        REMOVED = "removed", "Removed from followers"
        BLOCKED = "blocked", "Blocked"
        REPORTED = "reported", "Blocked and reported"
        REJECTED = "rejected", "Request turned down"
        GONE = "gone", "No longer following"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="followers")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="followers")
    connection = models.ForeignKey(
        Connection, null=True, blank=True, on_delete=models.SET_NULL, related_name="followers"
    )
    platform = models.CharField(max_length=20)
    external_id = models.CharField(max_length=300)
    relation = models.CharField(max_length=10, choices=Relation.choices, default=Relation.FOLLOWER)

    handle = models.CharField(max_length=300, blank=True)
    display_name = models.CharField(max_length=300, blank=True)
    bio = models.TextField(blank=True)
    avatar = models.BooleanField(default=False)
    joined_at = models.DateTimeField(null=True, blank=True, help_text="When the account was created.")
    posts_count = models.PositiveIntegerField(null=True, blank=True)
    followers_count = models.PositiveIntegerField(null=True, blank=True)
    following_count = models.PositiveIntegerField(null=True, blank=True)
    links = models.JSONField(default=list, blank=True)
    url = models.CharField(max_length=500, blank=True)
    bot = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False, help_text="The platform says the account is gone.")

    first_seen_at = models.DateTimeField(default=timezone.now)
    followed_at = models.DateTimeField(null=True, blank=True, help_text="When the platform says it followed.")
    last_seen_at = models.DateTimeField(default=timezone.now)
    still_following = models.BooleanField(default=True)

    signals = models.JSONField(default=list, blank=True)
    flagged = models.BooleanField(default=False, help_text="Any signal asks for more than keeping it.")
    recommended = models.CharField(max_length=10, default="keep")
    recommended_reason = models.TextField(blank=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member of staff a staff signal points at.",
    )
    staff_certain = models.BooleanField(default=False, help_text="A declared handle, not a name match.")

    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-first_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "platform", "external_id"], name="follower_once_per_account"
            )
        ]
        indexes = [
            models.Index(fields=["school", "state", "first_seen_at"], name="follower_queue_idx"),
            models.Index(
                fields=["school", "relation", "state", "first_seen_at"], name="follower_relation_idx"
            ),
            models.Index(
                fields=["school", "relation", "state", "flagged", "first_seen_at"],
                name="follower_flagged_idx",
            ),
            models.Index(fields=["account", "state", "first_seen_at"], name="follower_account_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.handle or self.external_id} on {self.platform}"

    @property
    def recommended_label(self) -> str:
        """The recommended action in words ("Block"), and the signal it comes from."""
        words = {"keep": "Keep", "review": "Look closer", "remove": "Remove from followers", "block": "Block"}
        label = words.get(self.recommended, "Block and report")
        because = next(
            (str(s.get("label")) for s in self.signals or () if s.get("action") == self.recommended), ""
        )
        return f"{label} ({because.lower()})" if because and self.recommended != "keep" else label

    @property
    def platform_label(self) -> str:
        return label_of(self.platform)


class Decision(models.Model):
    """What a reviewer (or Safepost, following the policy) did about a follower, and how it went."""

    class Outcome(models.TextChoices):
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        RECORDED = "recorded", "Recorded (done by hand on the platform)"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} on {self.follower_id}: {self.outcome}"


class Review(models.Model):
    """A finished follower review: who finished it, when, and what it covered (SUT-09)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="follower_reviews")
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(default=timezone.now)
    decided = models.PositiveIntegerField(default=0, help_text="Followers decided since the last review.")
    due_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the policy's cadence wanted it done: the longest-waiting follower it covered, plus the cadence.",
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-done_at", "-pk"]
        get_latest_by = "done_at"

    def __str__(self) -> str:
        return f"Follower review of {self.done_at:%Y-%m-%d}"


class IngestState(models.Model):
    """Where reading one connection's followers got to; failures are kept for the page."""

    connection = models.OneToOneField(Connection, on_delete=models.CASCADE, related_name="follower_ingest")
    notifications_cursor = models.CharField(max_length=300, blank=True)
    list_cursor = models.CharField(
        max_length=500, blank=True, help_text="Where the current pass over the list is."
    )
    pass_started_at = models.DateTimeField(null=True, blank=True)
    last_full_pass_at = models.DateTimeField(null=True, blank=True)
    next_due_at = models.DateTimeField(default=timezone.now)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    unsupported = models.TextField(blank=True, help_text="What the platform does not allow, in words.")
    failures = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Follower reading for {self.connection}"


class PersonalAccount(models.Model):
    """A personal social media account a member of staff declared, so it is recognised (RAC-09)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_accounts"
    )
    handle = models.CharField(max_length=300, help_text="As the member of staff wrote it.")
    normalised = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["handle"]
        constraints = [
            models.UniqueConstraint(fields=["school", "user", "normalised"], name="personal_account_once")
        ]

    def __str__(self) -> str:
        return self.handle

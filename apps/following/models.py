"""The accounts the school follows, proposals to follow one, and what was last read from each platform."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.platforms.models import Connection
from apps.schools.models import Account, School
from safepost.accounts.following import CATEGORIES

CATEGORY_CHOICES = [(code, label) for code, label in CATEGORIES.items()]


class FollowedAccount(models.Model):
    """One account that one of the school's accounts follows on one platform.

    Kept per school account, platform and the followed account's platform id, so reconnecting
    the platform keeps the category and justification. ``flags`` are the periodic review's
    findings (each ``{"code", "reason"}``), empty when nothing looked wrong.
    """

    class Status(models.TextChoices):
        FIRST_REVIEW = "first-review", "Needs a first review"
        KEPT = "kept", "Reviewed and kept"
        UNFOLLOWING = "unfollowing", "Being unfollowed"
        UNFOLLOWED = "unfollowed", "Unfollowed by Safepost"
        GONE = "gone", "No longer followed"

    class Source(models.TextChoices):
        AT_CONNECTION = "at-connection", "Already followed when the account was connected"
        PROPOSAL = "proposal", "Followed through Safepost after approval"
        ELSEWHERE = "elsewhere", "Followed outside Safepost (in the platform's own app)"

    #: The states in which the school follows the account.
    FOLLOWING = (Status.FIRST_REVIEW, Status.KEPT, Status.UNFOLLOWING)

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="followed_accounts")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="followed_accounts")
    connection = models.ForeignKey(
        Connection, null=True, blank=True, on_delete=models.SET_NULL, related_name="followed_accounts"
    )
    platform = models.CharField(max_length=20)
    external_id = models.CharField(max_length=300)
    follow_id = models.CharField(max_length=300, blank=True, help_text="The platform's id of the follow.")
    handle = models.CharField(max_length=300, blank=True)
    display_name = models.CharField(max_length=300, blank=True)
    bio = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    links = models.JSONField(default=list, blank=True)
    has_avatar = models.BooleanField(default=False)
    joined_at = models.DateTimeField(null=True, blank=True)
    posts_count = models.PositiveIntegerField(null=True, blank=True)
    followers_count = models.PositiveIntegerField(null=True, blank=True)
    following_count = models.PositiveIntegerField(null=True, blank=True)
    missing = models.BooleanField(
        default=False, help_text="The platform could not show the profile (deleted or suspended)."
    )

    category = models.CharField(max_length=20, choices=CATEGORY_CHOICES, blank=True)
    justification = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.FIRST_REVIEW, db_index=True
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.AT_CONNECTION)
    flags = models.JSONField(default=list, blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["account_id", "platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "platform", "external_id"], name="one_followed_row_per_account"
            )
        ]
        indexes = [
            models.Index(fields=["school", "status"]),
            models.Index(fields=["school", "account", "platform", "handle"]),
        ]

    def __str__(self) -> str:
        return f"{self.account} follows {self.handle or self.external_id} on {self.platform}"

    @property
    def needs_attention(self) -> bool:
        """Waiting for its first review, or flagged by the periodic review."""
        return self.status == self.Status.FIRST_REVIEW or (
            self.status == self.Status.KEPT and bool(self.flags)
        )


class FollowProposal(models.Model):
    """A member of staff's proposal that one of the school's accounts follows someone (RAC-07)."""

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for approval"
        APPROVED = "approved", "Approved: being followed"
        FOLLOWED = "followed", "Followed"
        REQUESTED = "requested", "Follow requested (the account approves its followers)"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"
        FAILED = "failed", "Approved, but the platform refused"

    OPEN = (State.WAITING, State.APPROVED)

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="follow_proposals")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="follow_proposals")
    platform = models.CharField(max_length=20)
    target = models.CharField(max_length=300, help_text="The handle (or address) as the proposer gave it.")
    category = models.CharField(max_length=20, choices=CATEGORY_CHOICES)
    reason = models.TextField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.WAITING, db_index=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    followed = models.ForeignKey(
        FollowedAccount, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"Follow {self.target} from {self.account} on {self.platform}"


class FollowingSync(models.Model):
    """When a connection's following list was last read, and the first read's outcome."""

    connection = models.OneToOneField(Connection, on_delete=models.CASCADE, related_name="following_sync")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    first_read_at = models.DateTimeField(null=True, blank=True)
    last_read_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Following of {self.connection}"


class FollowingReview(models.Model):
    """One run of the periodic review of whom the school follows."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="following_reviews")
    run_at = models.DateTimeField(default=timezone.now)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    looked_at = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-run_at"]

    def __str__(self) -> str:
        return f"Following review at {self.school} on {self.run_at:%Y-%m-%d}"

"""Connected platform accounts, their encrypted tokens, and credential rotation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.common import crypto
from apps.schools.models import Account, School


class Connection(models.Model):
    """One school account signed in on one platform (e.g. the main account on Bluesky).

    The tokens are encrypted with a key kept outside the database (:mod:`apps.common.crypto`);
    nobody sees them, not even the senior leader who connected the account. A connection is used
    for publishing only once the headteacher has approved it (SUT-02).
    """

    class Status(models.TextChoices):
        WAITING = "waiting-approval", "Waiting for the headteacher's approval"
        ACTIVE = "active", "Connected"
        RECONNECT = "reconnect-needed", "Reconnect needed"
        DISCONNECTED = "disconnected", "Disconnected"

    #: States in which a connection stands for its account on the platform (one at a time).
    LIVE = (Status.WAITING, Status.ACTIVE, Status.RECONNECT)

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="connections")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="connections")
    kind = models.CharField(max_length=20)
    handle = models.CharField(max_length=200, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    server_url = models.URLField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING, db_index=True)
    credentials_encrypted = models.TextField(blank=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    # The account's profile as last read (SUT-17: it says it is the school's official account).
    profile_text = models.TextField(blank=True)
    profile_links = models.JSONField(default=list, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    last_rotated_at = models.DateTimeField(null=True, blank=True)
    disconnected_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["account", "kind", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "kind"],
                condition=models.Q(status__in=["waiting-approval", "active", "reconnect-needed"]),
                name="one_live_connection_per_account_and_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} on {self.kind} ({self.handle or 'no handle'})"

    def credentials(self) -> dict[str, Any]:
        """The decrypted tokens; :class:`~apps.common.crypto.CredentialsUnreadable` if the key is gone."""
        return crypto.decrypt(self.credentials_encrypted)

    def set_credentials(self, credentials: dict[str, Any]) -> None:
        """Encrypt and keep ``credentials`` (the caller saves the row)."""
        self.credentials_encrypted = crypto.encrypt(credentials) if credentials else ""

    @property
    def rotated_or_connected_at(self) -> Any:
        """When the tokens in use were last issued: the last rotation, else the approval or start."""
        return self.last_rotated_at or self.approved_at or self.created_at


class RotationPermission(models.Model):
    """Permission to rotate a connection's credentials, given by a role the policy names (COU-07).

    Used once, by the next rotation; it runs out after ``PERMISSION_DAYS``.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="permissions")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_role = models.CharField(max_length=20)
    granted_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"Permission to rotate {self.connection} by {self.granted_by}"


class RotationReminder(models.Model):
    """A rotation the policy's cadence says is due (termly or every 90 days)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField()
    reason = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["connection", "due_on"], name="one_reminder_per_due_date")
        ]

    def __str__(self) -> str:
        return f"Rotate {self.connection} by {self.due_on}"


class CredentialRotation(models.Model):
    """A recorded rotation: new tokens for the same platform account (CAT-09, NNF-02, SUT-13, COU-07)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="rotations")
    rotated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rotated_at = models.DateTimeField(default=timezone.now)
    permission = models.OneToOneField(
        RotationPermission, null=True, blank=True, on_delete=models.PROTECT, related_name="rotation"
    )
    reminder = models.ForeignKey(
        RotationReminder, null=True, blank=True, on_delete=models.SET_NULL, related_name="rotations"
    )

    class Meta:
        ordering = ["-rotated_at"]

    def __str__(self) -> str:
        return f"{self.connection} rotated at {self.rotated_at:%Y-%m-%d}"

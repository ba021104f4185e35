"""The audit log: append-only, each entry chained by a keyed hash to the one before it."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.audit.keys import audit_key

if TYPE_CHECKING:
    from apps.schools.models import School


class AuditEntry(models.Model):
    """One recorded event. Entries are never changed or deleted.

    ``hash`` is an HMAC-SHA256, under a key kept outside the database
    (apps.audit.keys), over the previous entry's hash and this entry's content:
    changing or removing any entry breaks every hash after it, and without the
    key they cannot be recomputed (``manage.py verify_audit`` finds where).
    Entries recorded before the chain was keyed (``keyed`` false) carry a plain
    SHA-256; the first keyed entry after them seals them in.
    """

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="audit_entries")
    seq = models.PositiveBigIntegerField(help_text="Position in the school's chain, from 1.")
    created_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    actor_name = models.CharField(
        max_length=200, help_text="Who, as they were called then ('system' for tasks)."
    )
    action = models.CharField(max_length=50, db_index=True)
    object_type = models.CharField(max_length=50, blank=True)
    object_id = models.CharField(max_length=50, blank=True)
    summary = models.CharField(max_length=500)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    keyed = models.BooleanField(
        default=True, help_text="An HMAC under the audit key (false: plain SHA-256, recorded before keying)."
    )

    class Meta:
        ordering = ["school", "seq"]
        constraints = [models.UniqueConstraint(fields=["school", "seq"], name="audit_chain_position_unique")]
        indexes = [models.Index(fields=["school", "object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}: {self.summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("audit entries are append-only and cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit entries are append-only and cannot be deleted")

    def content(self) -> dict[str, Any]:
        """The hashed content (everything but the hashes themselves)."""
        return {
            "school": self.school_id,
            "seq": self.seq,
            "created_at": self.created_at.isoformat(),
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "summary": self.summary,
            "data": self.data,
        }

    def compute_hash(self, key: bytes | None = None) -> str:
        """The HMAC-SHA256 (under ``key``, by default the audit key) of the previous hash and this
        entry's canonical JSON; plain SHA-256 for an entry from before the chain was keyed."""
        body = json.dumps(
            self.content(), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
        )
        message = (self.prev_hash + body).encode("utf-8")
        if not self.keyed:
            return hashlib.sha256(message).hexdigest()
        return hmac.new(key if key is not None else audit_key(), message, hashlib.sha256).hexdigest()


GENESIS_HASH = "0" * 64


def school_model() -> type[School]:
    """The school model, as the entries' foreign key names it ("schools.School").

    Audit sits below the schools app (every app records into it, schools included), so it does
    not import schools: it is handed the school of each entry, and finds the model through Django's
    registry only to go over every school's chain (``anchor_all``, ``verify_audit``).
    """
    return cast("type[School]", AuditEntry._meta.get_field("school").related_model)

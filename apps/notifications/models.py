"""Notifications: a message to one member of staff, shown in Safepost and sent by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.schools.models import School


class Notification(models.Model):
    """One message to one person. ``urgent`` ones (safeguarding) are shown first and in red."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40, help_text="What it is about, e.g. inbox.threat.")
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True, help_text="Where in Safepost to deal with it.")
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "school", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.title} → {self.user}"

"""What the reminders remember: which reminders were sent, and duties marked as done by hand."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.schools.models import School


class SentReminder(models.Model):
    """A reminder sent for one occurrence of a duty: sent once when due, once more when overdue."""

    class Stage(models.TextChoices):
        DUE = "due", "Due"
        OVERDUE = "overdue", "Overdue (the headteacher told too)"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    due_on = models.DateField()
    stage = models.CharField(max_length=10, choices=Stage.choices)
    name = models.CharField(max_length=200)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "key", "due_on", "stage"], name="one_reminder_per_duty_date_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.stage}, due {self.due_on})"


class DutyDone(models.Model):
    """A duty recorded as done on the duties page (e.g. consent forms renewed for the year)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    name = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField()
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["school", "key", "done_on"])]

    def __str__(self) -> str:
        return f"{self.name} done {self.done_on}"

"""A governor's signature that the governors' report for a period was received."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.schools.models import Role, School


class Receipt(models.Model):
    """ "Received by": one governor's signature on the report for ``start`` to ``end``.

    ``digest`` fingerprints the figures as they were shown when it was signed (figures for a period
    still running change), so the page can say when they have changed since.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    start = models.DateField()
    end = models.DateField()
    title = models.CharField(max_length=200)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_by_name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices)
    signed_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "start", "end", "signed_by"], name="one_receipt_per_report_and_governor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} received by {self.signed_by_name}"

    @property
    def role_display(self) -> str:
        return self.get_role_display()

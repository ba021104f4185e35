"""Governance: the policy's versions and sign-offs, the chair of governors, letters to parents and
the e-safety messages offered each term."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.schools.models import School


class PolicyVersion(models.Model):
    """The school's settings as they were at one version: a draft until the headteacher and the
    chair of governors have both signed it (RAC-13, COU-13)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="policy_versions")
    number = models.PositiveIntegerField(help_text="The school's policy version (School.policy_version).")
    policy_toml = models.TextField()
    # Who changed the settings is in the audit log (policy.changed, with the same version number).
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the last signature needed is given; the version is then the school's signed policy.
    signed_at = models.DateTimeField(null=True, blank=True)
    # Whether signing it changed what staff must do, so that the agreement was published again.
    agreement_republished = models.BooleanField(default=False)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["school", "number"], name="policy_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.school} policy version {self.number}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


class SignOff(models.Model):
    """One signature of a policy version, by the headteacher or by the chair of governors."""

    class Capacity(models.TextChoices):
        HEADTEACHER = "headteacher", "Headteacher"
        CHAIR = "chair", "Chair of governors"

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="signoffs")
    capacity = models.CharField(max_length=20, choices=Capacity.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    typed_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "capacity"], name="one_signoff_per_capacity"),
        ]

    def __str__(self) -> str:
        return f"{self.typed_name} ({self.get_capacity_display()}) signed {self.version}"


class Chair(models.Model):
    """Which governor account is the chair of governors: the headteacher says so."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="chair_of_governors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appointed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Chair of governors of {self.school}: {self.user}"


class ParentLetter(models.Model):
    """The school's edited launch letter (NNF-06) or parent summary (NNF-12), before it is sent."""

    class Kind(models.TextChoices):
        LETTER = "letter", "Launch letter to parents"
        SUMMARY = "summary", "Summary of the policy for parents"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="parent_letters")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    # The policy version the generated text came from, so a later change of settings is pointed out.
    policy_version = models.PositiveIntegerField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "kind"], name="one_parent_letter_a_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.school}"


class EsafetySuggestion(models.Model):
    """An e-safety message offered to the school for one term (CAT-14, COU-10), and what became of it."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="esafety_suggestions")
    message = models.CharField(max_length=60, help_text="The key of the message in the library.")
    term = models.CharField(
        max_length=30, help_text='e.g. "2026-09-02" (the term\'s first day) or "sid-2027".'
    )
    offered_at = models.DateTimeField(default=timezone.now)
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-offered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["school", "message", "term"], name="one_suggestion_a_term"),
        ]

    def __str__(self) -> str:
        return f"{self.message} for {self.school} ({self.term})"

"""Schools, their people, accounts, pupils and the policy they run on."""

from __future__ import annotations

import dataclasses
import tomllib
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

from safepost.policy.config import Policy, parse_policy
from safepost.policy.roster import Pupil as RosterPupil
from safepost.policy.roster import Roster

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class Role(models.TextChoices):
    """A member of staff's role; the policy's settings say what each may do."""

    HEADTEACHER = "headteacher", "Headteacher"
    SENIOR_LEADER = "senior-leader", "Senior leader"
    CLASS_TEACHER = "class-teacher", "Class teacher"
    OFFICE = "office", "Office staff"
    COMPUTING_LEAD = "computing-lead", "Computing lead"
    GOVERNOR = "governor", "Governor"
    SAFEGUARDING_LEAD = "safeguarding-lead", "Designated safeguarding lead"


#: Roles that must use multi-factor authentication.
MFA_REQUIRED_ROLES = frozenset({Role.HEADTEACHER, Role.SENIOR_LEADER, Role.SAFEGUARDING_LEAD})
#: Roles that count as senior leaders for approval.
SENIOR_ROLES = frozenset({Role.HEADTEACHER, Role.SENIOR_LEADER})


@lru_cache(maxsize=256)
def _parse_policy(source: str, text: str) -> Policy:
    return parse_policy(tomllib.loads(text), source)


@lru_cache(maxsize=256)
def _school_policy(source: str, text: str, website: str) -> Policy:
    """The policy, with the website from the school's settings where the file names none."""
    policy = _parse_policy(source, text)
    if website and not policy.school.website:
        policy = dataclasses.replace(policy, school=dataclasses.replace(policy.school, website=website))
    return policy


@lru_cache(maxsize=64)
def _roster(school_id: int, version: int, created: str) -> Roster:
    pupils = Pupil.objects.filter(school_id=school_id).order_by("pk")
    return Roster(
        [
            RosterPupil(
                first_names=(p.first_name, *p.other_first_names),
                surnames=(p.surname, *p.other_surnames),
                year=p.year,
                class_name=p.class_name,
                photo_consent=p.photo_consent,
                website_consent=p.website_consent,
            )
            for p in pupils
        ]
    )


class School(models.Model):
    """A school: its policy (a TOML document, validated as strictly as a file) and its roster."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, help_text="Used in the public feed's address.")
    preset = models.CharField(max_length=40, help_text="The preset the policy was started from.")
    policy_toml = models.TextField(help_text="The school's policy file (TOML).")
    policy_version = models.PositiveIntegerField(default=1)
    roster_version = models.PositiveIntegerField(default=0)
    website = models.URLField(blank=True)
    # Biometric face matching (Protection of Freedoms Act 2012): off unless the headteacher turns it on.
    face_matching = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    # The head of the audit chain, written with every entry: removing the newest entries
    # leaves the chain itself consistent, but no longer ending where the school says it does.
    audit_seq = models.PositiveBigIntegerField(default=0, editable=False)
    audit_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def policy(self) -> Policy:
        """The school's policy, parsed (cached by its text), with the school's website address."""
        return _school_policy(f"{self.slug} policy", self.policy_toml, self.website)

    @property
    def roster(self) -> Roster:
        """The pupil roster for the checker (cached until the roster changes)."""
        # The creation time makes the key unique even where a database reuses ids (tests).
        return _roster(self.pk, self.roster_version, self.created_at.isoformat())


class Membership(models.Model):
    """A user's role at a school."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.school})"

    @property
    def is_senior(self) -> bool:
        """Headteacher or senior leader."""
        return self.role in SENIOR_ROLES

    @property
    def mfa_required(self) -> bool:
        """Whether this role must sign in with a second factor."""
        return self.role in MFA_REQUIRED_ROLES


class Invitation(models.Model):
    """An invitation to join a school's staff, which the person accepts from the e-mailed link.

    Nothing about the person's account (whether they have one, at this school or another) is
    shown to whoever invited them: the staff list shows what they typed until it is accepted.
    Only a hash of the link's token is kept.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["school", "email"], name="invitation_school_email_idx")]

    def __str__(self) -> str:
        return f"{self.email} to {self.school} as {self.get_role_display()}"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.cancelled_at is None


class Account(models.Model):
    """A social media account of the school: the main account or a class account."""

    class Kind(models.TextChoices):
        MAIN = "main", "Main school account"
        CLASS = "class", "Class account"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="accounts")
    name = models.CharField(max_length=100, help_text='e.g. "St Catherine\'s" or "Oak Class"')
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MAIN)
    handle = models.CharField(max_length=100, blank=True, help_text="e.g. @StCathsofSiena")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="held_accounts",
        help_text="The account holder: the headteacher for the main account, the class teacher for a class.",
    )
    class_name = models.CharField(max_length=60, blank=True, help_text="For a class account: the class.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school"], condition=models.Q(kind="main"), name="one_main_account_per_school"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class PupilQuerySet(models.QuerySet["Pupil"]):
    def search(self, words: str, class_name: str = "") -> PupilQuerySet:
        """The pupils whose first name or surname holds every word typed (any case), in ``class_name``
        when one is chosen: the roster's and the consent register's search box."""
        pupils = self
        for word in words.split():
            pupils = pupils.filter(models.Q(first_name__icontains=word) | models.Q(surname__icontains=word))
        return pupils.filter(class_name=class_name) if class_name else pupils


class Pupil(models.Model):
    """A pupil on the school's roster (imported from the MIS export)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="pupils")
    first_name = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    # Preferred and legal forms from the MIS export ("Chidimma" / "Chidi"): a child may be
    # called by any of them, so the checker watches for all.
    other_first_names = models.JSONField(default=list, blank=True)
    other_surnames = models.JSONField(default=list, blank=True)
    year = models.CharField(max_length=30, blank=True)
    class_name = models.CharField(max_length=60, blank=True)
    # The current consent per channel (True given, False refused or withdrawn, None unknown);
    # ConsentChange holds how each came to be. The checker's roster reads the first two.
    photo_consent = models.BooleanField(null=True, help_text="Social media photo consent (unknown if empty).")
    website_consent = models.BooleanField(null=True, help_text="Website photo consent (unknown if empty).")
    face_matching_consent = models.BooleanField(
        null=True, help_text="Written consent for biometric face matching (unknown if empty)."
    )
    # Pupils are never deleted (their consent history and photo tags must stay answerable):
    # a pupil missing from a roster import is marked as left.
    is_active = models.BooleanField(default=True)
    left_at = models.DateField(null=True, blank=True)

    objects = PupilQuerySet.as_manager()

    class Meta:
        ordering = ["class_name", "surname", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.surname}"

    def consent(self, channel: str) -> bool | None:
        """The current consent for ``channel`` (a :class:`Channel` value)."""
        value: bool | None = getattr(self, CONSENT_FIELDS[channel])
        return value


class Channel(models.TextChoices):
    """Where a pupil's photo may appear: consent for one is not consent for another."""

    SOCIAL = "social", "Social media"
    WEBSITE = "website", "Website"
    FACE_MATCHING = "face-matching", "Face matching"


#: The Pupil field holding each channel's current value.
CONSENT_FIELDS: dict[str, str] = {
    Channel.SOCIAL: "photo_consent",
    Channel.WEBSITE: "website_consent",
    Channel.FACE_MATCHING: "face_matching_consent",
}


class ConsentValue(models.TextChoices):
    GIVEN = "given", "Given"
    WITHDRAWN = "withdrawn", "Refused or withdrawn"
    UNKNOWN = "unknown", "Not recorded"

    @classmethod
    def of(cls, value: bool | None) -> ConsentValue:
        """The choice for a Pupil field's value."""
        return cls.UNKNOWN if value is None else (cls.GIVEN if value else cls.WITHDRAWN)

    def as_bool(self) -> bool | None:
        return None if self == ConsentValue.UNKNOWN else self == ConsentValue.GIVEN


class ConsentChange(models.Model):
    """One change to a pupil's consent for one channel, in the app or by a roster import."""

    APP = "app"

    pupil = models.ForeignKey(Pupil, on_delete=models.PROTECT, related_name="consent_changes")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    value = models.CharField(max_length=10, choices=ConsentValue.choices)
    given_by = models.CharField(max_length=200, blank=True, help_text='e.g. "Mrs Jones (mother)"')
    on = models.DateField(help_text="The date on the form, e-mail or call.")
    # "app", or "roster import <file>" for a change made by importing an MIS export.
    source = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["pupil", "channel", "created_at"])]

    def __str__(self) -> str:
        return f"{self.pupil}: {self.get_channel_display()} {self.value} ({self.source})"

    @property
    def from_import(self) -> bool:
        return self.source != self.APP


class FaceReference(models.Model):
    """A face-matching reference for a pupil: the embedding only, never the photo it came from."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="face_references")
    embedding = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Face reference {self.pk} of {self.pupil}"


class RosterImport(models.Model):
    """One roster import and what the roster was just before it, so it can be undone in one step."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="roster_imports")
    created_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=300, blank=True)
    # The pupils the import changed or marked as left, as they were before it (Pupil field values).
    before = models.JSONField(default=list, blank=True)
    joined = models.JSONField(default=list, blank=True, help_text="Pupils the import added (ids).")
    left = models.JSONField(default=list, blank=True, help_text="Pupils the import marked as left (ids).")
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Roster import {self.filename or self.pk} ({self.created_at:%Y-%m-%d %H:%M})"


class Agreement(models.Model):
    """A version of the school's social media user agreement (SUT-15)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["school", "version"], name="agreement_version_unique")]

    def __str__(self) -> str:
        return f"{self.school} agreement v{self.version}"


class Signature(models.Model):
    """A member of staff's signature of one agreement version."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatures")
    typed_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agreement", "user"], name="sign_once")]

    def __str__(self) -> str:
        return f"{self.typed_name} signed {self.agreement}"


def membership_for(user: User, school: School) -> Membership | None:
    """The user's active membership of ``school``, if any."""
    return Membership.objects.filter(user=user, school=school, is_active=True).first()


class SchoolDevice(models.Model):
    """A device the school has said is one of its own (CAT-01), or a senior leader's phone for trips.

    The device holds a random token in a long-lived cookie; only its SHA-256 is kept here, so a
    copy of the database does not let anyone pass as a school device.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="devices")
    name = models.CharField(max_length=100, help_text='e.g. "Office laptop" or "Mrs Khan\'s phone (trips)"')
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    for_trips = models.BooleanField(
        default=False, help_text="A senior leader's own phone, remembered off-site."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-added_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.school})"


class NameAnswer(models.Model):
    """The school's answer to "Is Summer a pupil here?" for a word the checker was unsure of.

    ``word`` is folded (lower case, no accents), as the checker matches words. ``is_pupil``
    makes the word a pupil's name in every later check; ``False`` stops the question.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="name_answers")
    word = models.CharField(max_length=100)
    is_pupil = models.BooleanField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["word"]
        constraints = [models.UniqueConstraint(fields=["school", "word"], name="one_answer_per_word")]

    def __str__(self) -> str:
        return f"{self.word}: {'a pupil' if self.is_pupil else 'not a pupil'} at {self.school}"

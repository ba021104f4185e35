"""Governance writes: policy versions and their sign-off, the chair of governors, the agreement
staff sign again, review reminders, letters to parents and e-safety suggestions.

Every write is recorded in the audit log in the same transaction.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.governance import esafety, letters
from apps.governance.document import policy_date
from apps.governance.models import (
    Chair,
    EsafetySuggestion,
    ParentLetter,
    PolicyVersion,
    SignOff,
)
from apps.notifications.actions import notify
from apps.notifications.models import Notification
from apps.posts import actions as posts
from apps.posts.access import accounts_for
from apps.posts.checking import window_problem
from apps.posts.models import Post
from apps.schools import actions as schools
from apps.schools.agreement_text import default_agreement_text
from apps.schools.models import Account, Agreement, Membership, Role, School
from safepost.policy.config import Policy, PolicyError

#: How long before the review date the headteacher is first reminded (apps/governance/duties.py).
REVIEW_NOTICE_DAYS = 30
#: Everyone who may write posts: told when the agreement must be signed again.
WRITER_ROLES = [r for r in Role.values if r != Role.GOVERNOR]


class GovernanceError(Exception):
    """A governance write that cannot happen; the message says why and what to do."""


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def policy_of(version: PolicyVersion) -> Policy:
    """The policy as it was at ``version`` (parsed and cached as the school's own is).

    Raises :class:`PolicyError` when this Safepost cannot read that version's settings.
    """
    try:
        return _as_school(version).policy
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"version {version.number}", [f"not valid TOML: {exc}"]) from None


def _as_school(version: PolicyVersion) -> School:
    # An unsaved School holding the version's text: everything that reads a school's policy reads this.
    school = version.school
    return School(name=school.name, slug=school.slug, website=school.website, policy_toml=version.policy_toml)


# Versions and sign-off (RAC-13, COU-13) ---------------------------------------------------------------


def record_version(school: School) -> PolicyVersion:
    """The draft version for the school's current settings (made once per ``School.policy_version``).

    Called on every save of a school (``GovernanceConfig.ready``), inside the transaction that
    changes its settings.
    """
    version, _ = PolicyVersion.objects.get_or_create(
        school=school, number=school.policy_version, defaults={"policy_toml": school.policy_toml}
    )
    return version


def latest_version(school: School) -> PolicyVersion:
    """The version of the settings in force now (made here for a school older than this app)."""
    return record_version(school)


def signed_version(school: School) -> PolicyVersion | None:
    """The newest version both signatories have signed: the school's ratified policy."""
    return PolicyVersion.objects.filter(school=school, signed_at__isnull=False).order_by("-number").first()


def chair_of(school: School) -> Any | None:
    """The user who is the chair of governors, while they are still an active governor of the school."""
    chair = Chair.objects.filter(school=school).select_related("user").first()
    if chair is None:
        return None
    active = Membership.objects.filter(
        school=school, user=chair.user, role=Role.GOVERNOR, is_active=True, user__is_active=True
    ).exists()
    return chair.user if active else None


def set_chair(school: School, governor: Membership, by: Membership) -> Chair:
    """Record which governor is the chair of governors: the headteacher says so."""
    if by.school_id != school.pk or by.role != Role.HEADTEACHER or not by.is_active:
        raise GovernanceError("Only the headteacher can say who the chair of governors is.")
    if governor.school_id != school.pk or governor.role != Role.GOVERNOR or not governor.is_active:
        raise GovernanceError("Choose one of the school's governors. Add them on the Staff page first.")
    with transaction.atomic():
        chair, _ = Chair.objects.update_or_create(
            school=school,
            defaults={"user": governor.user, "appointed_by": by.user, "appointed_at": timezone.now()},
        )
        record(
            school,
            by.user,
            "governance.chair_set",
            f"{_name(governor.user)} recorded as the chair of governors",
            chair,
            {"user": governor.user_id},
        )
    return chair


def capacity_of(membership: Membership) -> str | None:
    """The capacity the member signs policy versions in: headteacher, chair of governors, or none."""
    if not membership.is_active:
        return None
    if membership.role == Role.HEADTEACHER:
        return SignOff.Capacity.HEADTEACHER
    if membership.role == Role.GOVERNOR and chair_of(membership.school) == membership.user:
        return SignOff.Capacity.CHAIR
    return None


def check_sign(version: PolicyVersion, membership: Membership, typed_name: str) -> str:
    """Why the member cannot sign ``version`` (:class:`GovernanceError`), else the capacity they sign in."""
    school = membership.school
    if version.school_id != school.pk:
        raise GovernanceError("That version belongs to another school.")
    capacity = capacity_of(membership)
    if capacity is None:
        if membership.role == Role.GOVERNOR:
            raise GovernanceError(
                "Only the chair of governors signs for the governing body. Ask the headteacher to record "
                "who the chair is."
            )
        raise GovernanceError("Only the headteacher and the chair of governors sign the policy.")
    if version.number != school.policy_version:
        raise GovernanceError(
            f"The settings have changed since version {version.number}: read version "
            f"{school.policy_version} and sign that one."
        )
    if version.signoffs.filter(capacity=capacity).exists():
        raise GovernanceError(
            f"Version {version.number} is already signed for the {_capacity_words(capacity)}."
        )
    expected = _name(membership.user)
    if " ".join(typed_name.split()).casefold() != " ".join(expected.split()).casefold():
        raise GovernanceError(f"Type your name exactly as the staff list has it: {expected}.")
    return capacity


def waiting_for(membership: Membership) -> PolicyVersion | None:
    """The newest version, when it waits for this member's signature (as headteacher or chair)."""
    capacity = capacity_of(membership)
    if capacity is None:
        return None
    version = latest_version(membership.school)
    if version.is_signed or version.signoffs.filter(capacity=capacity).exists():
        return None
    return version


def _capacity_words(capacity: str) -> str:
    return "headteacher" if capacity == SignOff.Capacity.HEADTEACHER else "chair of governors"


def sign_version(version: PolicyVersion, membership: Membership, typed_name: str) -> SignOff:
    """Sign ``version`` as the headteacher or the chair of governors (policy.signed).

    Locks the school row, so the settings cannot change between the check and the signature.
    When both have signed, the version becomes the school's signed policy (policy.ratified) and,
    if it changes what staff must do, the agreement is published again for everyone to sign.
    """
    school = membership.school
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school.pk).first()
        school.refresh_from_db()
        version.refresh_from_db()
        capacity = check_sign(version, membership, typed_name)
        signoff = SignOff.objects.create(
            version=version, capacity=capacity, user=membership.user, typed_name=" ".join(typed_name.split())
        )
        words = _capacity_words(capacity)
        record(
            school,
            membership.user,
            "policy.signed",
            f"{_name(membership.user)} signed policy version {version.number} as the {words}",
            version,
            {"version": version.number, "capacity": capacity, "typed_name": signoff.typed_name},
        )
        url = reverse("governance:version", args=[version.pk])
        # The signer's own "waiting for your signature" notice about this version is done with.
        Notification.objects.filter(
            user=membership.user, school=school, kind="policy.sign", url=url, read_at__isnull=True
        ).update(read_at=timezone.now())
        if version.signoffs.count() == len(SignOff.Capacity.values):
            version.signed_at = signoff.signed_at
            version.save(update_fields=["signed_at"])
            names = ", ".join(f"{s.typed_name} ({s.get_capacity_display()})" for s in version.signoffs.all())
            record(
                school,
                membership.user,
                "policy.ratified",
                f"Policy version {version.number} signed by {names}",
                version,
                {"version": version.number},
            )
            _agreement_again(version, membership.user)
        else:
            other = (
                SignOff.Capacity.CHAIR
                if capacity == SignOff.Capacity.HEADTEACHER
                else SignOff.Capacity.HEADTEACHER
            )
            _ask_to_sign(school, other, version, url)
    return signoff


def _ask_to_sign(school: School, capacity: str, version: PolicyVersion, url: str) -> None:
    title = f"Policy version {version.number} is waiting for your signature"
    body = (
        f"The social media policy (version {version.number} of the settings) has one of its two signatures. "
        "Read it and sign it off."
    )
    if capacity == SignOff.Capacity.HEADTEACHER:
        notify(school, [Role.HEADTEACHER], kind="policy.sign", title=title, body=body, url=url)
        return
    chair = chair_of(school)
    if chair is None:
        notify(
            school,
            [Role.HEADTEACHER],
            kind="policy.sign",
            title="Record who the chair of governors is",
            body="The policy needs the chair of governors' signature, and Safepost does not know who the chair is.",
            url=reverse("governance:index"),
        )
        return
    notify(school, [Role.GOVERNOR], kind="policy.sign", title=title, body=body, url=url, email=False)


def duties(version: PolicyVersion) -> list[str]:
    """What staff must do under ``version``: the points of the agreement Safepost suggests for it."""
    points = []
    for line in default_agreement_text(_as_school(version)).splitlines():
        head, _, rest = line.partition(". ")
        if head.isdigit() and rest:
            points.append(rest.strip())
    return points


def _baseline(school: School, agreement: Agreement) -> PolicyVersion | None:
    """The version in force when ``agreement`` was published: what staff signed up to."""
    return (
        PolicyVersion.objects.filter(school=school, created_at__lte=agreement.created_at)
        .order_by("-number")
        .first()
    )


def _agreement_again(version: PolicyVersion, actor: Any) -> Agreement | None:
    """Publish the agreement again when the signed version changes what staff must do (SUT-15)."""
    school = version.school
    agreement = Agreement.objects.filter(school=school).order_by("-version").first()
    if agreement is None:
        return None
    baseline = _baseline(school, agreement)
    if baseline is None or baseline.pk == version.pk:
        return None
    try:
        before, after = duties(baseline), duties(version)
        old_suggested = default_agreement_text(_as_school(baseline)).strip()
    except (PolicyError, tomllib.TOMLDecodeError):  # a version this Safepost cannot read: no comparison
        return None
    if before == after:
        return None
    if agreement.text.strip() == old_suggested:
        text = default_agreement_text(_as_school(version))
    else:  # the school wrote its own agreement: keep it, and add what changed
        added = [point for point in after if point not in before]
        text = (
            agreement.text.rstrip()
            + f"\n\nChanged with the policy signed on {timezone.localdate():%-d %B %Y} (version {version.number})\n"
            + "\n".join(f"- {point}" for point in added or after)
            + "\n"
        )
    try:
        new = schools.publish_agreement(school, text, actor)
    except schools.SchoolError:
        return None
    version.agreement_republished = True
    version.save(update_fields=["agreement_republished"])
    notify(
        school,
        WRITER_ROLES,
        kind="agreement.changed",
        title="Sign the social media agreement again",
        body=(
            f"The policy signed by the headteacher and the chair of governors (version {version.number}) "
            f"changes what staff must do. Read agreement version {new.version} and sign it"
            + (" to keep your posting rights." if policy_of(version).accounts.agreement_required else ".")
        ),
        url=reverse("schools:agreement"),
    )
    return new


# The review date (RAC-13, COU-13) -----------------------------------------------------------------


def review_due(policy: Policy) -> date | None:
    """The next review date from ``review.next_review``, or ``None`` when none is set."""
    return policy_date(policy.review.next_review)


# Letters to parents (NNF-06, NNF-12) ------------------------------------------------------------------


@dataclass(frozen=True)
class Letter:
    """A letter's text as the school will send it, and whether it was edited or is Safepost's own."""

    kind: str
    text: str
    saved: ParentLetter | None
    generated: str

    @property
    def outdated(self) -> bool:
        """Edited before the settings last changed: the generated text may now say something else."""
        return self.saved is not None and self.saved.policy_version != self.saved.school.policy_version


def headteacher_name(school: School) -> str:
    membership = (
        Membership.objects.filter(school=school, role=Role.HEADTEACHER, is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return _name(membership.user) if membership else ""


def generated_letter(school: School, kind: str) -> str:
    """Safepost's text of the letter ``kind`` for the school's current settings."""
    if kind == ParentLetter.Kind.LETTER:
        return letters.launch_letter(school.policy, school.name, headteacher_name(school))
    return letters.parent_summary(school.policy, school.name)


def letter(school: School, kind: str) -> Letter:
    """The letter as the school last saved it, or as Safepost writes it from the settings."""
    saved = ParentLetter.objects.filter(school=school, kind=kind).first()
    generated = generated_letter(school, kind)
    return Letter(kind, saved.text if saved else generated, saved, generated)


def save_letter(school: School, kind: str, text: str, by: Membership) -> ParentLetter:
    """Keep the school's edited text of a letter (letter.saved)."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise GovernanceError("The letter is empty. Start again from Safepost's text, then change it.")
    if len(text) > 20000:
        raise GovernanceError("The letter is too long: keep it under 20,000 characters.")
    with transaction.atomic():
        saved, _ = ParentLetter.objects.update_or_create(
            school=school,
            kind=kind,
            defaults={
                "text": text + "\n",
                "policy_version": school.policy_version,
                "edited_by": by.user,
                "edited_at": timezone.now(),
            },
        )
        label = ParentLetter.Kind(kind).label
        record(school, by.user, "letter.saved", f"{label} edited", saved, {"kind": kind, "text": saved.text})
    return saved


def mark_letter_sent(school: School, kind: str, by: Membership) -> ParentLetter:
    """Record that the letter went to parents, with the text that went (letter.sent)."""
    with transaction.atomic():
        current = letter(school, kind)
        saved = current.saved or ParentLetter(
            school=school,
            kind=kind,
            text=current.text,
            policy_version=school.policy_version,
            edited_by=by.user,
        )
        saved.sent_at, saved.sent_by = timezone.now(), by.user
        saved.save()
        label = ParentLetter.Kind(kind).label
        record(
            school,
            by.user,
            "letter.sent",
            f"{label} sent to parents",
            saved,
            {"kind": kind, "text": saved.text},
        )
    return saved


# E-safety messages (CAT-14, COU-10) -------------------------------------------------------------------


def offer_esafety(school: School, today: date | None = None) -> list[EsafetySuggestion]:
    """This term's messages (and Safer Internet Day's in the weeks before it), each offered once."""
    today = today or timezone.localdate()
    made: list[EsafetySuggestion] = []
    offered = set(EsafetySuggestion.objects.filter(school=school).values_list("message", flat=True))
    term = esafety.current_term(school.policy, today)
    if (
        term is not None
        and not EsafetySuggestion.objects.filter(school=school, term=term.isoformat()).exists()
    ):
        for message in esafety.termly_choice(offered):
            made.append(
                EsafetySuggestion.objects.create(school=school, message=message.key, term=term.isoformat())
            )
    sid = esafety.sid_due(today)
    if sid is not None:
        for message in (m for m in esafety.LIBRARY if m.safer_internet_day):
            suggestion, created = EsafetySuggestion.objects.get_or_create(
                school=school, message=message.key, term=f"sid-{sid.year}"
            )
            if created:
                made.append(suggestion)
    if made:
        titles = ", ".join(esafety.BY_KEY[s.message].title for s in made)
        notify(
            school,
            list(school.policy.accounts.publishers),
            kind="esafety.suggested",
            title="E-safety posts suggested for this term"
            if sid is None
            else "Safer Internet Day posts suggested",
            body=f"Safepost suggests these e-safety posts: {titles}. Choose one to start a draft; it is checked "
            "and approved like any post.",
            url=reverse("governance:esafety"),
            email=False,
        )
        record(
            school,
            None,
            "esafety.suggested",
            f"E-safety posts suggested: {titles}",
            school,
            {"messages": [s.message for s in made]},
        )
    return made


def start_esafety_draft(key: str, membership: Membership) -> Post:
    """A draft from the library's message ``key``: this term's suggestion of it, or a new choice."""
    if key not in esafety.BY_KEY:
        raise GovernanceError("That message is no longer in the library. Choose another.")
    school = membership.school
    with transaction.atomic():
        suggestion = (
            EsafetySuggestion.objects.select_for_update()
            .filter(school=school, message=key, post__isnull=True)
            .order_by("-offered_at")
            .first()
        ) or EsafetySuggestion.objects.create(
            school=school, message=key, term=f"chosen-{timezone.now():%Y%m%d%H%M%S%f}"
        )
        return use_suggestion(suggestion, membership)


def use_suggestion(
    suggestion: EsafetySuggestion, membership: Membership, account: Account | None = None
) -> Post:
    """Start a draft post from a suggested e-safety message (post.created), as any draft is started."""
    message = esafety.BY_KEY.get(suggestion.message)
    if message is None or suggestion.school_id != membership.school_id:
        raise GovernanceError("That message is no longer in the library.")
    if account is None:
        mine = accounts_for(membership)
        account = mine.filter(kind=Account.Kind.MAIN).first() or mine.first()
    if account is None:
        raise GovernanceError("You have no account to post from. Ask the headteacher to give you one.")
    when = _sid_morning(membership.school, suggestion.term) if message.safer_internet_day else None
    try:
        post = posts.create_draft(membership, account, message.text, requested_time=when)
    except posts.PostError as exc:
        raise GovernanceError(exc.message) from exc
    suggestion.post, suggestion.used_by, suggestion.used_at = post, membership.user, timezone.now()
    suggestion.save(update_fields=["post", "used_by", "used_at"])
    return post


def _sid_morning(school: School, term: str) -> datetime | None:
    """9am on Safer Internet Day, where the posting hours allow it; else no time is picked."""
    year = (
        int(term.removeprefix("sid-")) if term.removeprefix("sid-").isdigit() else timezone.localdate().year
    )
    day = esafety.safer_internet_day(year)
    at = datetime.combine(day, time(9, 0), tzinfo=school.policy.tz)
    if at <= timezone.now() or window_problem(school.policy, at, timezone.now()):
        return None
    return at


def daily(today: date | None = None) -> dict[str, int]:
    """The day's governance work for every school: the e-safety posts the term suggests.

    The review date is a duty on the one schedule of reminders (``apps/governance/duties.py``).
    """
    suggested = sum(len(offer_esafety(school, today)) for school in School.objects.all())
    return {"esafety_suggestions": suggested}

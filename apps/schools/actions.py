"""Changes to schools: every write goes through here and is recorded in the audit log."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.audit.actions import record
from apps.schools.devices import may_remember_device, token_hash
from apps.schools.models import (
    CONSENT_FIELDS,
    Account,
    Agreement,
    Channel,
    ConsentChange,
    ConsentValue,
    FaceReference,
    Membership,
    NameAnswer,
    Pupil,
    Role,
    RosterImport,
    School,
    SchoolDevice,
    Signature,
)
from apps.schools.permissions import can_manage_school
from apps.schools.policy_edit import changes_between, diff_summary, set_values, unified_diff
from apps.schools.roster_merge import plan_import
from safepost.photos import matching, open_photo
from safepost.policy.config import PRESETS_DIR, parse_policy, parse_toml
from safepost.policy.roster import Roster
from safepost.policy.text import fold


def create_school(name: str, slug: str, preset: str, actor: Any = None) -> School:
    """A new school on a preset policy, with its main account."""
    text = (PRESETS_DIR / f"{preset}.toml").read_text(encoding="utf-8")
    # The preset describes the school it came from: this school gets its own name and no handle yet.
    text = set_values(text, {("school", "name"): name, ("school", "handle"): ""})
    with transaction.atomic():
        school = School.objects.create(name=name, slug=slug, preset=preset, policy_toml=text)
        handle = school.policy.school.handle
        Account.objects.create(school=school, name=name, kind=Account.Kind.MAIN, handle=handle)
        record(school, actor, "school.created", f"School created on the {preset} policy", school)
    return school


class SchoolError(Exception):
    """A change that the school's rules do not allow; the message says why, for the user."""


class StalePolicyError(Exception):
    """The policy changed since the editor opened it; nothing was saved."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(f"the policy is now at version {version}")


def update_policy(school: School, text: str, actor: Any, expected_version: int | None = None) -> School:
    """Replace the school's policy after validating it as strictly as a policy file.

    Raises :class:`PolicyError` (nothing saved) when the text is invalid, and
    :class:`StalePolicyError` when ``expected_version`` is given and someone
    else saved a newer version in the meantime. The audit entry says what changed.
    """
    parse_policy(parse_toml(text, "the policy"), "the policy")
    with transaction.atomic():
        current = School.objects.select_for_update().get(pk=school.pk)
        if expected_version is not None and current.policy_version != expected_version:
            raise StalePolicyError(current.policy_version)
        old_text = current.policy_toml
        school.policy_toml = text
        school.policy_version = current.policy_version + 1
        school.save(update_fields=["policy_toml", "policy_version"])
        changes = changes_between(old_text, text)
        record(
            school,
            actor,
            "policy.changed",
            f"Policy changed (version {school.policy_version}): {diff_summary(old_text, text)}",
            school,
            {
                "version": school.policy_version,
                "changes": [{"key": c.key, "from": c.before, "to": c.after} for c in changes[:200]],
                "diff": unified_diff(old_text, text),
            },
        )
    return school


_MERGED_FIELDS = ["first_name", "surname", "other_first_names", "other_surnames", "year", "class_name"]
_MERGED_FIELDS += ["is_active", "left_at"]


def check_replace_roster(membership: Membership, roster: Roster, source: str = "") -> int:
    """Import a roster for the member's school, if they may: the headteacher and senior leaders
    (:func:`~apps.schools.permissions.can_manage_school`), and a roster with pupils in it. Raises
    :class:`SchoolError` saying why not; otherwise :func:`do_replace_roster`."""
    if not can_manage_school(membership):
        raise SchoolError("Only the headteacher and senior leaders can import the pupil roster.")
    if not len(roster):
        raise SchoolError(
            "The file has no pupils in it, so the roster was not replaced: every pupil would be marked as left."
        )
    return do_replace_roster(membership.school, roster, membership.user, source)


def do_replace_roster(school: School, roster: Roster, actor: Any, source: str = "") -> int:
    """Import a parsed roster, all at once: merge it into the pupils known. Returns the number in it.

    Pupils are matched by name (then class and year), new ones added, missing ones marked as
    left (never deleted), and consent merged as :mod:`apps.schools.roster_merge` explains; every
    consent change is written to the pupil's history and the audit log. The school's row is locked
    for the whole import, so two imports at once cannot each plan against the old roster.
    """
    # The history names the file; the roster.imported entry keeps its checksum.
    label = f"roster import {source.split(' (sha256 ')[0] or 'without a file name'}"[:300]
    today = timezone.localdate()
    with transaction.atomic():
        # Lock the school first: two imports at once would each plan against the old roster.
        School.objects.select_for_update().filter(pk=school.pk).first()
        plan = plan_import(school, roster)
        updated = []
        snapshot = [_snapshot(p) for p in plan.leaving]
        for pupil, rp in plan.matched:
            before = [getattr(pupil, name) for name in _MERGED_FIELDS]
            previous = _snapshot(pupil)
            pupil.first_name, pupil.surname = rp.first_name, rp.surname
            pupil.other_first_names, pupil.other_surnames = list(rp.first_names[1:]), list(rp.surnames[1:])
            pupil.year, pupil.class_name = rp.year, rp.class_name
            pupil.is_active, pupil.left_at = True, None
            if before != [getattr(pupil, name) for name in _MERGED_FIELDS]:
                updated.append(pupil)
                snapshot.append(previous)
        Pupil.objects.bulk_update(updated, _MERGED_FIELDS)
        joined = {
            id(rp): Pupil.objects.create(
                school=school,
                first_name=rp.first_name,
                surname=rp.surname,
                other_first_names=list(rp.first_names[1:]),
                other_surnames=list(rp.surnames[1:]),
                year=rp.year,
                class_name=rp.class_name,
            )
            for rp in plan.joining
        }
        for pupil in plan.leaving:
            pupil.is_active, pupil.left_at = False, today
        Pupil.objects.bulk_update(plan.leaving, ["is_active", "left_at"])
        # A leaver is no longer matched: their biometric references go (data minimisation).
        references_deleted, _ = FaceReference.objects.filter(pupil__in=[p.pk for p in plan.leaving]).delete()
        for step in [*plan.changes, *plan.new_consent]:
            pupil = step.pupil or joined[id(step.roster_pupil)]
            _change_consent(
                pupil,
                step.channel,
                step.after,
                given_by="",
                on=today,
                note="",
                source=label,
                actor=None,
            )
        school.roster_version += 1
        school.save(update_fields=["roster_version"])
        RosterImport.objects.create(
            school=school,
            actor=actor if getattr(actor, "pk", None) else None,
            filename=source.split(" (sha256 ")[0][:300],
            before=snapshot,
            joined=[p.pk for p in joined.values()],
            left=[p.pk for p in plan.leaving],
        )
        classes = Counter(p.class_name or "(no class)" for p in roster.pupils)
        record(
            school,
            actor,
            "roster.imported",
            f"Roster imported: {len(roster)} pupils ({len(plan.joining)} new, {len(plan.leaving)} left, "
            f"{len(plan.changes)} consent changes, {len(plan.kept)} consent values kept)",
            school,
            {
                "pupils": len(roster),
                "source": source,
                "joined": len(plan.joining),
                "left": [p.pk for p in plan.leaving],
                "rejoined": [p.pk for p in plan.rejoining],
                "consent_changes": len(plan.changes) + len(plan.new_consent),
                "consent_kept": [
                    {"pupil": s.pupil.pk if s.pupil else None, "channel": s.channel, "reason": s.reason}
                    for s in plan.kept
                ],
                "face_references_deleted": references_deleted,
                "classes": dict(sorted(classes.items())),
            },
        )
    return len(roster)


def _snapshot(pupil: Pupil) -> dict[str, Any]:
    """A pupil's roster fields as a roster import found them (JSON, for :class:`RosterImport`)."""
    fields: dict[str, Any] = {name: getattr(pupil, name) for name in _MERGED_FIELDS}
    fields["left_at"] = pupil.left_at.isoformat() if pupil.left_at else None
    return {"pk": pupil.pk, **fields}


def last_roster_import(school: School) -> RosterImport | None:
    """The school's latest roster import, while it can still be undone (not undone already)."""
    latest = RosterImport.objects.filter(school=school).select_related("actor").first()
    return latest if latest is not None and latest.undone_at is None else None


def undo_roster_import(school: School, roster_import: RosterImport, actor: Any) -> RosterImport:
    """Put the roster back as it was before ``roster_import``, in one step, and record it.

    Pupils it marked as left are back on roll, pupils it changed get their names, year and class
    back, and pupils it added are marked as left (never deleted: their records stay answerable).
    Consent is not touched: an undo never gives back a consent withdrawn since, and what the
    import recorded stays in each pupil's history. Only the latest import can be undone.
    Raises :class:`SchoolError` when it cannot be.
    """
    today = timezone.localdate()
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school.pk).first()
        latest = RosterImport.objects.filter(school=school).first()
        if latest is None or latest.pk != roster_import.pk:
            raise SchoolError("Only the latest roster import can be undone: a newer one has been made since.")
        roster_import.refresh_from_db()
        if roster_import.undone_at is not None:
            raise SchoolError("That roster import has already been undone.")
        restored = []
        for fields in roster_import.before:
            values = {name: fields[name] for name in _MERGED_FIELDS}
            values["left_at"] = date.fromisoformat(fields["left_at"]) if fields["left_at"] else None
            restored += Pupil.objects.filter(school=school, pk=fields["pk"]).update(**values) * [fields["pk"]]
        removed = Pupil.objects.filter(school=school, pk__in=roster_import.joined, is_active=True)
        removed_ids = list(removed.values_list("pk", flat=True))
        removed.update(is_active=False, left_at=today)
        FaceReference.objects.filter(pupil__in=removed_ids).delete()
        school.roster_version = F("roster_version") + 1
        school.save(update_fields=["roster_version"])
        school.refresh_from_db(fields=["roster_version"])
        roster_import.undone_at = timezone.now()
        roster_import.undone_by = actor
        roster_import.save(update_fields=["undone_at", "undone_by"])
        back = len(set(roster_import.left) & set(restored))
        record(
            school,
            actor,
            "roster.import_undone",
            f"Roster import{' ' + roster_import.filename if roster_import.filename else ''} undone: "
            f"{back} pupils back on the roster, {len(removed_ids)} added by it marked as left",
            school,
            {
                "import": roster_import.pk,
                "imported_at": roster_import.created_at.isoformat(),
                "restored": restored,
                "back_on_roll": sorted(set(roster_import.left) & set(restored)),
                "marked_as_left": removed_ids,
            },
        )
    return roster_import


# Consent ---------------------------------------------------------------------------------------


def _change_consent(
    pupil: Pupil,
    channel: str,
    value: bool | None,
    *,
    given_by: str,
    on: date,
    note: str,
    source: str,
    actor: Any,
) -> ConsentChange:
    """Set one channel's consent, with its history row and audit entry (inside a transaction)."""
    choice = ConsentValue.of(value)
    setattr(pupil, CONSENT_FIELDS[channel], value)
    pupil.save(update_fields=[CONSENT_FIELDS[channel]])
    change = ConsentChange.objects.create(
        pupil=pupil,
        channel=channel,
        value=choice,
        given_by=given_by,
        on=on,
        source=source,
        note=note,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    verb = {ConsentValue.GIVEN: "given", ConsentValue.WITHDRAWN: "withdrawn", ConsentValue.UNKNOWN: "unknown"}
    who = f" by {given_by}" if given_by else ""
    where = "" if source == ConsentChange.APP else f" ({source})"
    record(
        pupil.school,
        actor,
        f"consent.{verb[choice]}",
        f"{Channel(channel).label} consent {choice.label.lower()} for {pupil} "
        f"({pupil.class_name or 'no class'}){who}{where}",
        pupil,
        {
            "pupil": pupil.pk,
            "channel": channel,
            "value": choice.value,
            "given_by": given_by,
            "on": on,
            "source": source,
            "change": change.pk,
        },
    )
    return change


@dataclass
class ConsentResult:
    """What recording a consent change did."""

    change: ConsentChange
    references_deleted: int = 0


def set_consent(
    pupil: Pupil, channel: str, given: bool, *, given_by: str, on: date, note: str, actor: Any
) -> ConsentResult:
    """Give or withdraw a pupil's consent for one channel, as recorded by a member of staff.

    Withdrawing face-matching consent deletes the pupil's enrolled references in the same
    transaction. Raises :class:`SchoolError` when nothing would change or the date is ahead.
    """
    label = Channel(channel).label
    given_by = " ".join(given_by.split())
    if not given_by:
        raise SchoolError(
            f"Write who {'gave' if given else 'withdrew'} the consent, e.g. “Mrs Jones (mother)”."
        )
    if on > timezone.localdate():
        raise SchoolError("The date cannot be in the future: use the date on the form, e-mail or call.")
    with transaction.atomic():
        locked = Pupil.objects.select_for_update().select_related("school").get(pk=pupil.pk)
        if locked.consent(channel) is given:
            state = "given" if given else "recorded as refused or withdrawn"
            raise SchoolError(f"{label} consent for {locked} is already {state}, so nothing changed.")
        change = _change_consent(
            locked,
            channel,
            given,
            given_by=given_by,
            on=on,
            note=note.strip(),
            source=ConsentChange.APP,
            actor=actor,
        )
        result = ConsentResult(change)
        if channel == Channel.FACE_MATCHING and not given:
            result.references_deleted = _delete_references(locked, actor, "face-matching consent withdrawn")
        if channel in (Channel.SOCIAL, Channel.WEBSITE):
            # The checker's roster carries these two: a new version makes it read them again.
            School.objects.filter(pk=locked.school_id).update(roster_version=F("roster_version") + 1)
    pupil.refresh_from_db()
    return result


# Face matching (Protection of Freedoms Act 2012) ------------------------------------------------

#: Reference photos kept per pupil: a few angles are enough, and each is biometric data.
MAX_REFERENCES = 5


def _delete_references(pupil: Pupil, actor: Any, why: str) -> int:
    deleted, _ = FaceReference.objects.filter(pupil=pupil).delete()
    if deleted:
        record(
            pupil.school,
            actor,
            "face.references_deleted",
            f"{deleted} face-matching reference{'s' if deleted != 1 else ''} of {pupil} deleted: {why}",
            pupil,
            {"pupil": pupil.pk, "deleted": deleted, "why": why},
        )
    return deleted


def answer_name_question(school: School, word: str, is_pupil: bool, by: Membership) -> NameAnswer:
    """Remember the school's answer to "Is Summer a pupil here?" and record it in the audit log.

    One answer a word: a later answer replaces the earlier one (and is recorded too).
    """
    shown = word.strip()
    key = fold(shown)
    if not by.is_active or by.school_id != school.pk:
        raise SchoolError("Only a member of staff at this school can answer for it.")
    if not key or len(key) > 100 or not key.replace("-", "").replace("'", "").isalpha():
        raise SchoolError(f'"{shown[:40]}" is not a single word, so it cannot be remembered as a name.')
    with transaction.atomic():
        answer, _ = NameAnswer.objects.update_or_create(
            school=school,
            word=key,
            defaults={"is_pupil": is_pupil, "answered_by": by.user, "answered_at": timezone.now()},
        )
        record(
            school,
            by.user,
            "school.name_answer",
            f'"{shown}" is {"a pupil's name" if is_pupil else "not a pupil's name"} at this school'
            " (answered in a post check)",
            answer,
            {"word": key, "is_pupil": is_pupil},
        )
    return answer


def name_answers(school: School) -> tuple[frozenset[str], frozenset[str]]:
    """The school's remembered answers: (words that are pupils' names, words that are not)."""
    pupils: set[str] = set()
    others: set[str] = set()
    for word, is_pupil in NameAnswer.objects.filter(school=school).values_list("word", "is_pupil"):
        (pupils if is_pupil else others).add(word)
    return frozenset(pupils), frozenset(others)


def set_face_matching(school: School, on: bool, by: Membership) -> int:
    """Turn face matching on or off for the school (the headteacher only).

    Turning it off deletes every enrolled reference (nothing is kept that is not used);
    returns how many were deleted.
    """
    if by.role != Role.HEADTEACHER or not by.is_active or by.school_id != school.pk:
        raise SchoolError("Only the headteacher can turn face matching on or off.")
    if school.face_matching == on:
        return 0
    with transaction.atomic():
        deleted = 0
        if not on:
            deleted, _ = FaceReference.objects.filter(pupil__school=school).delete()
        school.face_matching = on
        school.save(update_fields=["face_matching"])
        record(
            school,
            by.user,
            "school.face_matching",
            f"Face matching turned {'on' if on else 'off'}"
            + (f"; {deleted} enrolled reference{'s' if deleted != 1 else ''} deleted" if deleted else ""),
            school,
            {"face_matching": on, "references_deleted": deleted},
        )
    return deleted


def enrol_face(pupil: Pupil, data: bytes, name: str, actor: Any) -> FaceReference:
    """Store a face-matching reference for ``pupil`` from a photo; the photo itself is not kept.

    Raises :class:`SchoolError` when the school or the pupil's consent does not allow it, and
    :class:`safepost.photos.PhotoError` or :class:`safepost.photos.matching.MatchingError` when
    the photo cannot be used.
    """
    school = pupil.school
    if not school.face_matching:
        raise SchoolError("Face matching is off for your school. The headteacher can turn it on.")
    if pupil.face_matching_consent is not True:
        raise SchoolError(
            f"{pupil} has no written consent for face matching, so no reference can be stored. "
            "Record the parent's written consent first."
        )
    if not pupil.is_active:
        raise SchoolError(f"{pupil} has left the school, so no reference can be stored.")
    if FaceReference.objects.filter(pupil=pupil).count() >= MAX_REFERENCES:
        raise SchoolError(
            f"{pupil} already has {MAX_REFERENCES} reference photos, the most Safepost keeps. "
            "Withdraw and give consent again to start afresh."
        )
    photo = open_photo(data, name)
    embedding = matching.enrol(photo)
    with transaction.atomic():
        reference = FaceReference.objects.create(
            pupil=pupil,
            embedding=embedding.to_bytes(),
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        record(
            school,
            actor,
            "face.enrolled",
            f"Face-matching reference added for {pupil} (the photo was not kept)",
            pupil,
            {"pupil": pupil.pk, "reference": reference.pk},
        )
    return reference


# Staff -----------------------------------------------------------------------------------------


def _unique_username(email: str) -> str:
    users = get_user_model().objects
    base = re.sub(r"[^\w.+-]", "", email.split("@")[0].lower())[:120] or "staff"
    name, n = base, 1
    while users.filter(username__iexact=name).exists():
        n += 1
        name = f"{base}{n}"
    return name


def check_may_appoint(role: str, by: Membership) -> None:
    """Refuse (SchoolError) unless ``by`` may give someone ``role``."""
    _check_may_handle(role, by, "appoint")


def _check_may_handle(target_role: str, by: Membership, doing: str) -> None:
    if target_role == Role.HEADTEACHER and by.role != Role.HEADTEACHER:
        raise SchoolError(f"Only the headteacher can {doing} a headteacher.")


def _other_active_heads(membership: Membership) -> bool:
    return (
        Membership.objects.filter(school=membership.school, role=Role.HEADTEACHER, is_active=True)
        .exclude(pk=membership.pk)
        .exists()
    )


def _default_main_holder(school: School, user: Any, actor: Any) -> None:
    """The headteacher holds the main account unless someone else was chosen."""
    main = Account.objects.filter(school=school, kind=Account.Kind.MAIN, holder__isnull=True).first()
    if main is not None:
        main.holder = user
        main.save(update_fields=["holder"])
        record(
            school,
            actor,
            "account.changed",
            f"{main.name}: held by {_person(user)}, the headteacher, by default",
            main,
            {"holder": user.pk},
        )


def _person(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def add_member(
    school: School, *, first_name: str, last_name: str, email: str, role: str, by: Membership
) -> Membership:
    """Add a member of staff: a new user with no password yet (they set one from the link they are sent).

    Someone already known to Safepost (for example at another school of the
    trust) keeps their sign-in and gains a membership here.
    """
    _check_may_handle(role, by, "appoint")
    email = email.strip()
    User = get_user_model()
    with transaction.atomic():
        user = (
            User.objects.filter(email__iexact=email).first()
            or User.objects.filter(emailaddress__email__iexact=email).first()
        )
        if user is not None:
            existing = Membership.objects.filter(user=user, school=school).first()
            if existing is not None and existing.is_active:
                raise SchoolError(f"{email} is already on the staff list.")
            if existing is not None:
                raise SchoolError(
                    f"{email} was deactivated. Use “Reactivate” beside their name on the staff list instead."
                )
            created = False
        else:
            user = User.objects.create_user(
                username=_unique_username(email),
                email=email,
                first_name=first_name.strip(),
                last_name=last_name.strip(),
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            # The only way into the new account is the link sent to this address,
            # so using that link proves the address; it counts as confirmed.
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            created = True
        membership = Membership.objects.create(user=user, school=school, role=role)
        record(
            school,
            by.user,
            "member.added",
            f"{_person(user)} added as {membership.get_role_display()}",
            membership,
            {"user": user.pk, "email": email, "role": role, "new_user": created},
        )
        if role == Role.HEADTEACHER:
            _default_main_holder(school, user, by.user)
    return membership


def change_role(membership: Membership, role: str, by: Membership) -> Membership:
    """Give a member a new role (never one's own; the school keeps a headteacher)."""
    if membership.user_id == by.user_id:
        raise SchoolError("You cannot change your own role. Ask another senior leader to do it.")
    if not membership.is_active:
        raise SchoolError("Reactivate this member before changing their role.")
    if role == membership.role:
        return membership
    _check_may_handle(membership.role, by, "change the role of")
    _check_may_handle(role, by, "appoint")
    if membership.role == Role.HEADTEACHER and not _other_active_heads(membership):
        raise SchoolError("The school must always have an active headteacher. Appoint the new one first.")
    with transaction.atomic():
        before = membership.get_role_display()
        old_role = membership.role
        membership.role = role
        membership.save(update_fields=["role"])
        record(
            membership.school,
            by.user,
            "member.role_changed",
            f"{_person(membership.user)}: {before} → {membership.get_role_display()}",
            membership,
            {"user": membership.user_id, "from": old_role, "to": role},
        )
        if role == Role.HEADTEACHER:
            _default_main_holder(membership.school, membership.user, by.user)
    return membership


def deactivate_member(membership: Membership, by: Membership) -> list[Account]:
    """Take away a member's access (the user is kept: the audit log names them).

    Returns the active accounts they hold, which need a new holder. A user with
    no other active school can no longer sign in at all.
    """
    if membership.user_id == by.user_id:
        raise SchoolError("You cannot deactivate yourself. Ask another senior leader to do it.")
    if not membership.is_active:
        return []
    _check_may_handle(membership.role, by, "deactivate")
    if membership.role == Role.HEADTEACHER and not _other_active_heads(membership):
        raise SchoolError("The school must always have an active headteacher. Appoint the new one first.")
    with transaction.atomic():
        membership.is_active = False
        membership.save(update_fields=["is_active"])
        user = membership.user
        elsewhere = Membership.objects.filter(user=user, is_active=True).exists()
        if not elsewhere and user.is_active:
            user.is_active = False
            user.save(update_fields=["is_active"])
        held = list(Account.objects.filter(school=membership.school, holder=user, is_active=True))
        record(
            membership.school,
            by.user,
            "member.deactivated",
            f"{_person(user)} ({membership.get_role_display()}) deactivated",
            membership,
            {"user": user.pk, "signed_out_everywhere": not elsewhere, "accounts_held": [a.pk for a in held]},
        )
    return held


def reactivate_member(membership: Membership, by: Membership) -> Membership:
    """Give a deactivated member their access back, in the role they had."""
    if membership.is_active:
        return membership
    _check_may_handle(membership.role, by, "reactivate")
    with transaction.atomic():
        membership.is_active = True
        membership.save(update_fields=["is_active"])
        user = membership.user
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        record(
            membership.school,
            by.user,
            "member.reactivated",
            f"{_person(user)} ({membership.get_role_display()}) reactivated",
            membership,
            {"user": user.pk},
        )
    return membership


# Accounts --------------------------------------------------------------------------------------


def _check_holder(school: School, holder: Any) -> None:
    if holder is None:
        return
    membership = Membership.objects.filter(user=holder, school=school, is_active=True).first()
    if membership is None or membership.role == Role.GOVERNOR:
        raise SchoolError("The account holder must be an active member of staff who can write posts.")


def create_class_account(
    school: School, *, name: str, class_name: str, handle: str, holder: Any, actor: Any
) -> Account:
    """A class account, held by its class teacher (RAC-01, RAC-10)."""
    if not school.policy.accounts.class_accounts:
        raise SchoolError(
            "Your policy does not allow class accounts (accounts.class_accounts is false). "
            "Turn on class accounts on the policy page first."
        )
    _check_holder(school, holder)
    name = name.strip()
    if Account.objects.filter(school=school, name__iexact=name).exists():
        raise SchoolError(f"There is already an account called {name}.")
    with transaction.atomic():
        account = Account.objects.create(
            school=school,
            name=name,
            kind=Account.Kind.CLASS,
            class_name=class_name.strip(),
            handle=handle.strip(),
            holder=holder,
        )
        record(
            school,
            actor,
            "account.created",
            f"Class account {account.name} created for {account.class_name or 'no class'}"
            + (f", held by {_person(holder)}" if holder else ""),
            account,
            {
                "class_name": account.class_name,
                "holder": getattr(holder, "pk", None),
                "handle": account.handle,
            },
        )
    return account


def update_account(
    account: Account, *, name: str, handle: str, class_name: str, holder: Any, actor: Any
) -> Account:
    """Change an account's name, handle, class or holder; the audit entry lists what changed."""
    _check_holder(account.school, holder)
    name = name.strip()
    if Account.objects.filter(school=account.school, name__iexact=name).exclude(pk=account.pk).exists():
        raise SchoolError(f"There is already an account called {name}.")
    new = {
        "name": name,
        "handle": handle.strip(),
        "class_name": class_name.strip() if account.kind == Account.Kind.CLASS else "",
        "holder_id": getattr(holder, "pk", None),
    }
    changed = {k: (getattr(account, k), v) for k, v in new.items() if getattr(account, k) != v}
    if not changed:
        return account
    with transaction.atomic():
        for key, (_, value) in changed.items():
            setattr(account, key, value)
        account.save(update_fields=list(changed))
        words = []
        for key, (before, after) in changed.items():
            if key == "holder_id":
                words.append(f"holder now {_person(holder) if holder else 'nobody'}")
            else:
                words.append(f"{key.replace('_', ' ')} “{before}” → “{after}”")
        record(
            account.school,
            actor,
            "account.changed",
            f"{account.name}: " + "; ".join(words),
            account,
            {k: {"from": b, "to": a} for k, (b, a) in changed.items()},
        )
    return account


def set_account_active(account: Account, active: bool, actor: Any) -> Account:
    """Deactivate (or reactivate) a class account; the main account always stays."""
    if account.kind == Account.Kind.MAIN and not active:
        raise SchoolError("The main school account cannot be deactivated.")
    if account.is_active == active:
        return account
    with transaction.atomic():
        account.is_active = active
        account.save(update_fields=["is_active"])
        record(
            account.school,
            actor,
            "account.changed",
            f"{account.name} {'reactivated' if active else 'deactivated'}",
            account,
            {"is_active": active},
        )
    return account


# Agreement (SUT-15) ----------------------------------------------------------------------------


def publish_agreement(school: School, text: str, actor: Any) -> Agreement:
    """A new version of the social media agreement; everyone signs again where the policy requires it."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise SchoolError("The agreement cannot be empty.")
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school.pk).first()
        latest = Agreement.objects.filter(school=school).order_by("-version").first()
        if latest is not None and latest.text == text:
            raise SchoolError(f"This is the same text as version {latest.version}; nothing to publish.")
        agreement = Agreement.objects.create(
            school=school, version=(latest.version + 1) if latest else 1, text=text
        )
        record(
            school,
            actor,
            "agreement.published",
            f"Agreement version {agreement.version} published",
            agreement,
            {"version": agreement.version, "sha256": hashlib.sha256(text.encode()).hexdigest()},
        )
    return agreement


def sign_agreement(membership: Membership, agreement: Agreement, typed_name: str) -> Signature:
    """Record the member's signature of ``agreement`` (which must be the latest version)."""
    school = membership.school
    if agreement.school_id != school.pk:
        raise SchoolError("That agreement belongs to another school.")
    latest = Agreement.objects.filter(school=school).order_by("-version").first()
    if latest is None or latest.pk != agreement.pk:
        raise SchoolError("A newer version of the agreement has been published. Read it, then sign that one.")
    expected = _person(membership.user)
    if " ".join(typed_name.split()).casefold() != " ".join(expected.split()).casefold():
        raise SchoolError(f"Type your name exactly as the staff list has it: {expected}.")
    with transaction.atomic():
        signature, created = Signature.objects.get_or_create(
            agreement=agreement, user=membership.user, defaults={"typed_name": typed_name.strip()}
        )
        if not created:
            raise SchoolError(f"You already signed version {agreement.version}.")
        record(
            school,
            membership.user,
            "agreement.signed",
            f"{expected} signed agreement version {agreement.version}",
            signature,
            {"version": agreement.version, "typed_name": signature.typed_name, "agreement": agreement.pk},
        )
    return signature


# School devices (CAT-01) --------------------------------------------------------------------------


def remember_device(membership: Membership, name: str, where: Any) -> tuple[SchoolDevice, str]:
    """Remember the device ``where`` describes as a school device; returns it and its cookie token.

    A senior leader on the school's network remembers a school device; a member of
    ``devices.trip_roles`` may remember their own phone anywhere, for trips (RAC-04).
    """
    allowed, for_trips = may_remember_device(membership, where)
    if not allowed:
        raise SchoolError(
            "Only a senior leader, on the school's network, can remember a device as a school device."
        )
    name = " ".join(name.split())[:100]
    if not name:
        raise SchoolError('Give the device a name you will recognise, such as "Office laptop".')
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        device = SchoolDevice.objects.create(
            school=membership.school,
            name=name,
            token_hash=token_hash(token),
            for_trips=for_trips,
            added_by=membership.user,
        )
        kind = "their own phone, for trips" if for_trips else "a school device"
        record(
            membership.school,
            membership.user,
            "device.remembered",
            f"{_person(membership.user)} remembered “{name}” as {kind} (from {where.address or 'an unknown address'})",
            device,
            {"name": name, "for_trips": for_trips, "address": where.address},
        )
    return device, token


def forget_device(membership: Membership, device: SchoolDevice) -> None:
    """Stop treating ``device`` as a school device (the headteacher, a senior leader, or its owner)."""
    if device.school_id != membership.school_id:
        raise SchoolError("That device belongs to another school.")
    if not (membership.is_senior or device.added_by_id == membership.user_id):
        raise SchoolError("Only a senior leader, or the person who added it, can forget a device.")
    if device.revoked_at is not None:
        return
    with transaction.atomic():
        SchoolDevice.objects.filter(pk=device.pk).update(
            revoked_at=timezone.now(), revoked_by=membership.user
        )
        record(
            membership.school,
            membership.user,
            "device.forgotten",
            f"{_person(membership.user)} forgot the school device “{device.name}”",
            device,
            {"name": device.name},
        )

"""Changes to schools: every write goes through here and is recorded in the audit log."""

from __future__ import annotations

import tomllib
from typing import Any

from django.db import transaction

from apps.schools.models import Account, Pupil, School
from safepost.policy.config import PRESETS_DIR, PolicyError, parse_policy
from safepost.policy.roster import Roster


def create_school(name: str, slug: str, preset: str, actor: Any = None) -> School:
    """A new school on a preset policy, with its main account."""
    from apps.audit.actions import record

    text = (PRESETS_DIR / f"{preset}.toml").read_text(encoding="utf-8")
    with transaction.atomic():
        school = School.objects.create(name=name, slug=slug, preset=preset, policy_toml=text)
        handle = school.policy.school.handle
        Account.objects.create(school=school, name=name, kind=Account.Kind.MAIN, handle=handle)
        record(school, actor, "school.created", f"School created on the {preset} policy", school)
    return school


def update_policy(school: School, text: str, actor: Any) -> School:
    """Replace the school's policy after validating it as strictly as a policy file.

    Raises :class:`PolicyError` (nothing saved) when the text is invalid.
    """
    from apps.audit.actions import record

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError("the policy", [f"not valid TOML: {exc}"]) from None
    parse_policy(data, "the policy")
    with transaction.atomic():
        school.policy_toml = text
        school.policy_version += 1
        school.save(update_fields=["policy_toml", "policy_version"])
        record(school, actor, "policy.changed", f"Policy changed (version {school.policy_version})", school)
    return school


def replace_roster(school: School, roster: Roster, actor: Any, source: str = "") -> int:
    """Replace the school's pupils with a parsed roster, all at once. Returns the number imported."""
    from apps.audit.actions import record

    with transaction.atomic():
        Pupil.objects.filter(school=school).delete()
        Pupil.objects.bulk_create(
            Pupil(
                school=school, first_name=p.first_name, surname=p.surname, year=p.year, class_name=p.class_name,
                photo_consent=p.photo_consent, website_consent=p.website_consent,
            )
            for p in roster.pupils
        )
        school.roster_version += 1
        school.save(update_fields=["roster_version"])
        record(school, actor, "roster.imported", f"Roster imported: {len(roster)} pupils", school,
               {"pupils": len(roster), "source": source})
    return len(roster)

"""Once the headteacher records the chair of governors (apps.governance), only the chair signs the
governors' report as received; until then any governor does."""

from __future__ import annotations

from typing import Any

from apps.governance import actions
from apps.reports.access import can_sign
from apps.schools.models import Membership, Role
from apps.schools.testing import Personas, make_personas, make_user


def member(p: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=p.school)


def test_once_the_chair_is_recorded_only_the_chair_signs_the_governors_report(db: Any) -> None:
    p = make_personas()
    other = make_user("gov2", p.school, Role.GOVERNOR, "Gerry", "Other")
    assert can_sign(member(p, p.governor)) and can_sign(member(p, other))
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    assert can_sign(member(p, p.governor)) and not can_sign(member(p, other))
    assert not can_sign(member(p, p.head))

"""Who reads the governors' report and who signs it as received."""

from __future__ import annotations

from apps.governance.actions import chair_of
from apps.schools.models import Membership, Role
from apps.schools.permissions import can_view_governance

#: Senior leaders, the safeguarding lead and governors; read-only for all of them.
can_view = can_view_governance


def can_sign(membership: Membership) -> bool:
    """The chair of governors signs the report as received; until the headteacher records who the
    chair is (Policy, Sign-off and review), any governor does, with their name."""
    if not (membership.is_active and membership.role == Role.GOVERNOR):
        return False
    chair = chair_of(membership.school)
    return chair is None or chair == membership.user

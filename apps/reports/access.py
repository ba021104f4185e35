"""Who reads the governors' report and who signs it as received."""

from __future__ import annotations

from apps.schools.models import Membership, Role
from apps.schools.permissions import can_view_governance

#: Senior leaders, the safeguarding lead and governors; read-only for all of them.
can_view = can_view_governance


def can_sign(membership: Membership) -> bool:
    """Governors sign the report as received. The policy does not (yet) say which governor chairs,
    so any governor's signature is recorded with their name."""
    return membership.is_active and membership.role == Role.GOVERNOR

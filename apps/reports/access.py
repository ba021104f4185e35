"""Who reads the governors' report and who signs it as received."""

from __future__ import annotations

from apps.schools.models import Membership, Role

#: Read-only for all of them; the report changes nothing.
READERS = frozenset({Role.HEADTEACHER, Role.SENIOR_LEADER, Role.SAFEGUARDING_LEAD, Role.GOVERNOR})


def can_view(membership: Membership) -> bool:
    return membership.is_active and membership.role in READERS


def can_sign(membership: Membership) -> bool:
    """Governors sign the report as received. The policy does not (yet) say which governor chairs,
    so any governor's signature is recorded with their name."""
    return membership.is_active and membership.role == Role.GOVERNOR

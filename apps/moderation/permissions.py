"""Who may see the inbox and the e-safety record, and who may act (COU-11)."""

from __future__ import annotations

from apps.schools.models import Membership, Role

#: The designated safeguarding lead always sees and handles threats, whatever the policy lists.
SAFEGUARDING = frozenset({Role.HEADTEACHER, Role.SAFEGUARDING_LEAD})


def can_act(membership: Membership) -> bool:
    """May hide, block, report and take items: the policy's handlers, and the safeguarding lead."""
    return membership.is_active and (
        membership.role in membership.school.policy.moderation.handlers or membership.role in SAFEGUARDING
    )


def can_view_inbox(membership: Membership) -> bool:
    """May read the inbox: those who act, senior leaders (they approve answers), and the roles the
    policy sends notifications to (COU-05)."""
    return can_act(membership) or (
        membership.is_active
        and (membership.is_senior or membership.role in membership.school.policy.accounts.notifications_to)
    )


def can_view_record(membership: Membership) -> bool:
    """May read the e-safety record: those who act, and governors (read-only)."""
    return can_act(membership) or (membership.is_active and membership.role == Role.GOVERNOR)


def can_edit_record(membership: Membership) -> bool:
    """May open and update incidents: those who act (governors read only)."""
    return can_act(membership)

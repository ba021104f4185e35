"""Who may see whom the school follows, propose a follow, and decide (RAC-07)."""

from __future__ import annotations

from apps.schools.models import Membership, Role


def can_view(membership: Membership) -> bool:
    """See the accounts the school follows: every active member (governors read, staff propose)."""
    return membership.is_active


def can_propose(membership: Membership) -> bool:
    """Propose that the school follows an account: every member of staff (not governors)."""
    return membership.is_active and membership.role != Role.GOVERNOR


def can_decide(membership: Membership) -> bool:
    """Approve or refuse a follow, review followed accounts and unfollow: ``following.follow_approver``."""
    return membership.is_active and membership.role in membership.school.policy.following.follow_approver

"""Who may see the follower review and who decides (CAT-11, NNF-03, SUT-09, COU-04)."""

from __future__ import annotations

from apps.schools.models import Membership, Role


def can_review(membership: Membership) -> bool:
    """May decide about followers and answer follow requests: the roles the policy names
    (``following.follower_reviewers``)."""
    return membership.is_active and membership.role in membership.school.policy.following.follower_reviewers


def can_view(membership: Membership) -> bool:
    """May read the follower review: the reviewers, senior leaders and governors (read only)."""
    return can_review(membership) or (
        membership.is_active and (membership.is_senior or membership.role == Role.GOVERNOR)
    )


def reviewer_roles(membership: Membership) -> str:
    """The reviewers' roles in words ("headteacher or senior leader")."""
    roles = [r.replace("-", " ") for r in membership.school.policy.following.follower_reviewers]
    return " or ".join(roles) if roles else "nobody (the policy names no reviewers)"

"""Who may do what with the school's platform connections (SUT-02, COU-07).

Each ``can_*`` takes the member's :class:`~apps.schools.models.Membership`; the views and the
actions both ask here, so a button is shown exactly when the step behind it is allowed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from apps.platforms.models import Connection, RotationPermission
from apps.platforms.wording import roles_in_words
from apps.schools.models import Account, Membership, Role

#: A rotation permission (COU-07) is good for this long, and for one rotation.
PERMISSION_DAYS = 7


def can_connect(membership: Membership) -> bool:
    """Start connecting an account: the headteacher and senior leaders (SUT-02)."""
    return membership.is_active and membership.is_senior


def can_approve(membership: Membership) -> bool:
    """Approve a connection before it is used: the headteacher (SUT-02)."""
    return membership.is_active and membership.role == Role.HEADTEACHER


def can_reconnect(membership: Membership, connection: Connection) -> bool:
    """Sign the same platform account in again: senior leaders and the account's holder."""
    return membership.is_active and (
        membership.is_senior or connection.account.holder_id == membership.user_id
    )


def can_rotate(membership: Membership) -> bool:
    """Rotate credentials: the roles the policy's ``credentials.rotated_by`` names."""
    return membership.is_active and membership.role in membership.school.policy.credentials.rotated_by


def can_permit_rotation(membership: Membership) -> bool:
    """Give permission for a rotation: the roles in ``credentials.needs_permission_of`` (COU-07)."""
    return (
        membership.is_active and membership.role in membership.school.policy.credentials.needs_permission_of
    )


def can_view(membership: Membership) -> bool:
    """See the connections page: anyone who manages, reads settings, rotates, or holds an account."""
    credentials = membership.school.policy.credentials
    return membership.is_active and (
        membership.is_senior
        or membership.role == Role.GOVERNOR
        or membership.role in credentials.rotated_by
        or membership.role in credentials.needs_permission_of
        or Account.objects.filter(school=membership.school, holder=membership.user).exists()
    )


def sees_all_accounts(membership: Membership) -> bool:
    """Whether the page lists every account (otherwise only the ones the member holds)."""
    credentials = membership.school.policy.credentials
    return (
        membership.is_senior
        or membership.role == Role.GOVERNOR
        or membership.role in credentials.rotated_by
        or membership.role in credentials.needs_permission_of
    )


def permission_needed(membership: Membership) -> bool:
    """Whether this member needs someone else's recorded permission to rotate (COU-07)."""
    needs = membership.school.policy.credentials.needs_permission_of
    return bool(needs) and membership.role not in needs


def usable_permission(connection: Connection, user: Any) -> RotationPermission | None:
    """An unused, recent permission to rotate this connection given by someone other than ``user``."""
    return (
        RotationPermission.objects.filter(
            connection=connection,
            used_at__isnull=True,
            granted_at__gte=timezone.now() - timedelta(days=PERMISSION_DAYS),
        )
        .exclude(granted_by=user)
        .first()
    )


def rotation_refusal(connection: Connection, membership: Membership) -> str | None:
    """Why this member cannot rotate this connection now, or ``None`` if they can."""
    policy = membership.school.policy
    if connection.status not in (Connection.Status.ACTIVE, Connection.Status.RECONNECT):
        return "Only a connection in use can have its sign-in changed."
    if not can_rotate(membership):
        return (
            f"Your school's policy lets {roles_in_words(policy.credentials.rotated_by)} change the sign-in."
        )
    if permission_needed(membership) and usable_permission(connection, membership.user) is None:
        return (
            f"Changing the sign-in needs the permission of {roles_in_words(policy.credentials.needs_permission_of)} "
            "(your school's policy). Ask them to give it on this page; it lasts "
            f"{PERMISSION_DAYS} days."
        )
    return None

"""Writes for platform connections: connect, approve, reconnect, disconnect, check and rotate.

Views and tasks call these; each change is audited in the transaction that makes it. Talking to
the platform (signing in, ``whoami``) happens before the transaction, never inside it. Who may do
each step is in :mod:`apps.platforms.permissions`, building a client in
:mod:`apps.platforms.clients`, rotation dates in :mod:`apps.platforms.rotation` and the words staff
read in :mod:`apps.platforms.wording`.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.audit.actions import record
from apps.common.crypto import CredentialsUnreadable
from apps.platforms import registry
from apps.platforms.base import AccountInfo, AuthError, PermanentError, Platform, RetryableError
from apps.platforms.clients import client_for, expiry_of, refreshed_elsewhere, sign_in_check
from apps.platforms.models import Connection, CredentialRotation, RotationPermission, RotationReminder
from apps.platforms.permissions import (
    PERMISSION_DAYS,
    can_approve,
    can_permit_rotation,
    permission_needed,
    rotation_refusal,
    usable_permission,
)
from apps.platforms.profiles import LIST_FIELD, suggested_text
from apps.platforms.registry import label_of
from apps.platforms.rotation import next_rotation_due, reminder_reason
from apps.platforms.wording import describe_failure, name_of
from apps.schools.models import Account, Membership

log = logging.getLogger(__name__)

Purpose = str  # "connect", "reconnect" or "rotate"


class StepRefused(Exception):
    """A connection step was refused; the message says why and what to do."""


def live_connection(account: Account, kind: str) -> Connection | None:
    return Connection.objects.filter(account=account, kind=kind, status__in=Connection.LIVE).first()


def _same_account(connection: Connection, info: AccountInfo) -> None:
    if connection.external_id and info.external_id != connection.external_id:
        raise StepRefused(
            f"You signed in as {info.handle}, but this connection is for {connection.handle}. Sign in to "
            f"{connection.handle} and try again. To use a different account, disconnect this one and "
            "connect the new one (the headteacher then approves it)."
        )


def save_connection(
    *,
    account: Account,
    platform: Platform,
    credentials: dict[str, Any],
    user: Any,
    purpose: Purpose = "connect",
    connection_id: int | None = None,
    server: str = "",
    info: AccountInfo | None = None,
) -> Connection:
    """Keep a signed-in account: a new connection (waiting for approval), a reconnect or a rotation.

    ``info`` is what ``whoami`` said (asked for here when not given). A reconnect or rotation must
    sign in as the same platform account.
    """
    if info is None:
        info, credentials = sign_in_check(platform, credentials)
    school = account.school
    label = platform.label
    with transaction.atomic():
        if purpose == "connect":
            if live_connection(account, platform.kind) is not None:
                raise StepRefused(
                    f"{account.name} is already connected to {label}. Disconnect it first to connect another account."
                )
            connection = Connection(
                school=school,
                account=account,
                kind=platform.kind,
                handle=info.handle,
                external_id=info.external_id,
                server_url=server,
                started_by=user,
                profile_text=info.description[:2000],
                profile_links=list(info.links[:20]),
            )
            connection.set_credentials(credentials)
            connection.token_expires_at = expiry_of(credentials)
            connection.save()
            record(
                school,
                user,
                "platform.connected",
                f"{name_of(user)} connected {account.name} to {label} as {info.handle}; "
                "it waits for the headteacher's approval before anything is posted",
                connection,
                {"kind": platform.kind, "handle": info.handle, "account": account.pk},
            )
            return connection

        found = (
            Connection.objects.select_for_update()
            .filter(pk=connection_id or 0, account=account, kind=platform.kind, status__in=Connection.LIVE)
            .first()
        )
        if found is None:
            raise StepRefused(
                f"This {label} connection was disconnected meanwhile. Connect the account again."
            )
        connection = found
        _same_account(connection, info)
        connection.set_credentials(credentials)
        connection.token_expires_at = expiry_of(credentials)
        connection.handle = info.handle or connection.handle
        connection.external_id = connection.external_id or info.external_id
        connection.last_error = ""
        connection.last_checked_at = timezone.now()
        if connection.status == Connection.Status.RECONNECT:
            # Approval was for this platform account, which has not changed.
            connection.status = (
                Connection.Status.ACTIVE if connection.approved_at else Connection.Status.WAITING
            )
        if purpose == "rotate":
            _record_rotation(connection, user)
        else:
            connection.save()
            record(
                school,
                user,
                "platform.reconnected",
                f"{name_of(user)} reconnected {account.name} on {label} ({connection.handle})",
                connection,
                {"kind": platform.kind},
            )
    return connection


def approve(connection: Connection, membership: Membership) -> None:
    """The headteacher approves a connection: from now on posts go out to it (SUT-02)."""
    if not can_approve(membership):
        raise StepRefused("Only the headteacher can approve a connected account.")
    with transaction.atomic():
        updated = Connection.objects.filter(pk=connection.pk, status=Connection.Status.WAITING).update(
            status=Connection.Status.ACTIVE, approved_by=membership.user, approved_at=timezone.now()
        )
        if not updated:
            raise StepRefused("This connection is no longer waiting for approval.")
        record(
            connection.school,
            membership.user,
            "platform.approved",
            f"{name_of(membership.user)} approved {connection.account.name} on "
            f"{label_of(connection.kind)} ({connection.handle}) for posting",
            connection,
            {"kind": connection.kind},
        )


def disconnect(connection: Connection, user: Any) -> None:
    """Stop using a connection and delete its tokens (or turn down one waiting for approval)."""
    with transaction.atomic():
        was = Connection.objects.select_for_update().filter(pk=connection.pk).first()
        if was is None or was.status == Connection.Status.DISCONNECTED:
            return
        Connection.objects.filter(pk=connection.pk).update(
            status=Connection.Status.DISCONNECTED, credentials_encrypted="", disconnected_at=timezone.now()
        )
        RotationReminder.objects.filter(connection=connection, done_at__isnull=True).delete()
        turned_down = was.status == Connection.Status.WAITING
        record(
            connection.school,
            user,
            "platform.disconnected",
            f"{name_of(user)} {'turned down' if turned_down else 'disconnected'} {connection.account.name} on "
            f"{label_of(connection.kind)} ({connection.handle}); its saved sign-in was deleted",
            connection,
            {"kind": connection.kind, "was": was.status},
        )


def acting_connection(preferred: Connection | None, account: Any, kind: str) -> tuple[Connection | None, str]:
    """The live connection to act through for ``account`` on ``kind``: ``preferred`` if it is
    active, else any active one. With none, the plain sentence saying what to do instead."""
    connection = preferred
    if connection is None or connection.status != Connection.Status.ACTIVE:
        connection = Connection.objects.filter(
            account=account, kind=kind, status=Connection.Status.ACTIVE
        ).first()
    if connection is not None:
        return connection, ""
    return None, (
        f"{account.name} is not connected to {registry.label_of(kind)} now, so Safepost cannot act there. "
        "Reconnect it on the Connected accounts page, or act in the app itself."
    )


def reading_failed(connection: Connection, exc: Exception, what: str) -> tuple[str, timedelta | None]:
    """What to record when reading ``what`` from a connected account failed: the plain message and
    how long to wait before the next read (``None``: the usual interval).

    Credentials the platform no longer accepts mark the connection "reconnect needed" (its holder
    is told); a surprise is logged and said plainly, so one account never stops the others.
    """
    if isinstance(exc, AuthError):
        mark_reconnect_needed(connection.pk, exc.explain())
        return exc.explain(), None
    if isinstance(exc, CredentialsUnreadable):
        return f"The saved sign-in cannot be unlocked: {exc}", None
    if isinstance(exc, RetryableError):
        return exc.message, timedelta(seconds=exc.retry_after) if exc.retry_after else None
    if isinstance(exc, PermanentError):
        return exc.explain(), None
    log.exception("reading %s of connection %s failed", what, connection.pk)
    return f"Something unexpected went wrong ({exc.__class__.__name__}).", None


def mark_reconnect_needed(connection_id: int, reason: str) -> bool:
    """The platform no longer accepts the tokens: stop using them and tell the account holder.

    Runs in its own transaction, so the mark stays even when the caller's work fails.
    Returns whether the status changed.
    """
    with transaction.atomic():
        connection = (
            Connection.objects.select_for_update()
            .select_related("school", "account")
            .filter(pk=connection_id, status__in=[Connection.Status.ACTIVE, Connection.Status.WAITING])
            .first()
        )
        if connection is None:
            return False
        connection.status = Connection.Status.RECONNECT
        connection.last_error = reason[:2000]
        connection.save(update_fields=["status", "last_error"])
        record(
            connection.school,
            None,
            "platform.reconnect_needed",
            f"{label_of(connection.kind)} no longer accepts the sign-in of {connection.account.name} "
            f"({connection.handle}): it needs reconnecting",
            connection,
            {"kind": connection.kind, "reason": reason[:500]},
        )
    return True


def check_connection(connection: Connection) -> str:
    """Ask the platform whether the tokens still work (``whoami``); returns "ok", "reconnect" or "unknown"."""
    try:
        client = client_for(connection)
        info = client.whoami()
    except CredentialsUnreadable as exc:
        mark_reconnect_needed(connection.pk, str(exc))
        return "reconnect"
    except AuthError as exc:
        if refreshed_elsewhere(connection):
            return "unknown"  # another worker renewed the tokens meanwhile: ask again next time
        mark_reconnect_needed(connection.pk, exc.explain())
        return "reconnect"
    except Exception as exc:  # down, slow or rate-limited: ask again next time
        log.info("could not check connection %s: %s", connection.pk, exc)
        return "unknown"
    Connection.objects.filter(pk=connection.pk).update(
        last_checked_at=timezone.now(),
        handle=info.handle or connection.handle,
        profile_text=info.description[:2000],
        profile_links=list(info.links[:20]),
    )
    return "ok"


def check_all() -> dict[str, int]:
    """Check every connection in use; counts of each outcome."""
    counts: dict[str, int] = {}
    for connection in Connection.objects.filter(status=Connection.Status.ACTIVE).select_related("account"):
        outcome = check_connection(connection)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def create_due_reminders(today: date | None = None) -> int:
    """Create a reminder for each connection whose rotation is due by ``today``; returns how many."""
    today = today or timezone.localdate()
    created = 0
    connections = Connection.objects.filter(
        status__in=[Connection.Status.ACTIVE, Connection.Status.RECONNECT]
    ).select_related("school", "account")
    for connection in connections:
        rotation = connection.school.policy.credentials.rotation
        since = timezone.localdate(connection.rotated_or_connected_at)
        due = next_rotation_due(rotation, since, connection.school.policy.credentials.term_starts)
        if due is None or due > today:
            continue
        if RotationReminder.objects.filter(connection=connection, done_at__isnull=True).exists():
            continue
        with transaction.atomic():
            reminder, made = RotationReminder.objects.get_or_create(
                connection=connection,
                due_on=due,
                defaults={"school": connection.school, "reason": reminder_reason(rotation, due)},
            )
            if made:
                created += 1
                record(
                    connection.school,
                    None,
                    "platform.rotation_due",
                    f"Time to change the sign-in of {connection.account.name} on {label_of(connection.kind)} "
                    f"({reminder.reason})",
                    connection,
                    {"due_on": due.isoformat(), "rotation": rotation},
                )
    return created


def grant_rotation_permission(connection: Connection, membership: Membership) -> RotationPermission:
    """Record permission to rotate a connection's credentials (COU-07)."""
    if not can_permit_rotation(membership):
        raise StepRefused("Your role cannot give permission to change the sign-in.")
    with transaction.atomic():
        permission = RotationPermission.objects.create(
            school=connection.school,
            connection=connection,
            granted_by=membership.user,
            granted_role=membership.role,
        )
        record(
            connection.school,
            membership.user,
            "platform.rotation_permitted",
            f"{name_of(membership.user)} ({membership.get_role_display()}) gave permission to change the "
            f"sign-in of {connection.account.name} on {label_of(connection.kind)}",
            connection,
            {"kind": connection.kind, "valid_days": PERMISSION_DAYS},
        )
    return permission


def _record_rotation(connection: Connection, user: Any) -> None:
    # Inside save_connection's transaction, the connection row locked.
    membership = Membership.objects.get(user=user, school=connection.school, is_active=True)
    refusal = rotation_refusal(connection, membership)
    if refusal:
        raise StepRefused(refusal + " Nothing was changed.")
    current = timezone.now()
    permission: RotationPermission | None = None
    if permission_needed(membership):
        permission = usable_permission(connection, user)
    elif membership.school.policy.credentials.needs_permission_of:
        # The rotator holds a role whose permission is needed: their own, recorded as such.
        permission = RotationPermission.objects.create(
            school=connection.school, connection=connection, granted_by=user, granted_role=membership.role
        )
    if permission is not None:
        RotationPermission.objects.filter(pk=permission.pk).update(used_at=current)
    reminder = RotationReminder.objects.filter(connection=connection, done_at__isnull=True).first()
    CredentialRotation.objects.create(
        school=connection.school,
        connection=connection,
        rotated_by=user,
        rotated_at=current,
        permission=permission,
        reminder=reminder,
    )
    RotationReminder.objects.filter(connection=connection, done_at__isnull=True).update(done_at=current)
    connection.last_rotated_at = current
    connection.save()
    with_permission = (
        f", with the permission of {name_of(permission.granted_by)}" if permission is not None else ""
    )
    record(
        connection.school,
        user,
        "platform.rotated",
        f"{name_of(user)} changed the sign-in of {connection.account.name} on {label_of(connection.kind)}"
        f"{with_permission}",
        connection,
        {
            "kind": connection.kind,
            "permission_by": permission.granted_by_id if permission else None,
            "reminder_due_on": reminder.due_on.isoformat() if reminder else None,
        },
    )


def set_official_profile(connection: Connection, membership: Membership, list_url: str) -> None:
    """Write the suggested "official account" wording on the platform profile (platform.profile_set).

    Senior leaders only, on an approved connection of a platform whose API allows it. The call to the
    platform is made outside any transaction; only its outcome is written.
    """
    if connection.school_id != membership.school_id or not can_approve(membership):
        raise StepRefused(
            "Only the headteacher and senior leaders can change the profile of a school account."
        )
    if connection.status != Connection.Status.ACTIVE:
        raise StepRefused("This connection is not in use: reconnect or approve it first.")
    platform = registry.get(connection.kind)
    if platform is None or not platform.capabilities.set_profile:
        label = platform.label if platform else connection.kind
        raise StepRefused(
            f"{label} does not let Safepost change the profile. Copy the suggested wording into the "
            f"profile in {label} itself (Edit profile)."
        )
    text = suggested_text(connection.school, list_url)
    try:
        client_for(connection).set_profile_text(text, LIST_FIELD, list_url)
    except Exception as exc:
        raise StepRefused(describe_failure(exc, platform.label)) from exc
    with transaction.atomic():
        Connection.objects.filter(pk=connection.pk).update(
            profile_text=text, profile_links=[list_url], last_checked_at=timezone.now()
        )
        record(
            connection.school,
            membership.user,
            "platform.profile_set",
            f"{name_of(membership.user)} set {connection.handle}'s profile on {platform.label} to say it is "
            "the school's official account",
            connection,
            {"kind": connection.kind, "text": text, "link": list_url},
        )

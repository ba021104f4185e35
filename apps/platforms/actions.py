"""Writes for platform connections: connect, approve, reconnect, disconnect, check and rotate.

Views and tasks call these; each change is audited in the transaction that makes it. Talking to
the platform (signing in, ``whoami``) happens before the transaction, never inside it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.platforms import registry
from apps.platforms.base import AccountInfo, AuthError, Capabilities, Platform, PlatformClient
from apps.platforms.crypto import CredentialsUnreadable
from apps.platforms.models import (
    Connection,
    CredentialRotation,
    RotationPermission,
    RotationReminder,
)
from apps.platforms.profiles import LIST_FIELD, suggested_text
from apps.publishing.targets.base import PermanentError, RetryableError
from apps.schools.models import Account, Membership, Role, School
from safepost.policy.config import Policy, term_start

log = logging.getLogger(__name__)

#: A rotation permission (COU-07) is good for this long, and for one rotation.
PERMISSION_DAYS = 7
#: "regularly" in a policy means every this many days (NNF-02).
REGULAR_DAYS = 90
#: "termly": the school's term dates are not in the policy yet, so a reminder falls on the usual
#: English term starts: 1 September, 1 January and 15 April (month, day, term).
#: Used where no policy is at hand; a school sets its own in ``credentials.term_starts``.
DEFAULT_TERM_STARTS = ("09-01", "01-05", "04-20")

Purpose = str  # "connect", "reconnect" or "rotate"


class StepRefused(Exception):
    """A connection step was refused; the message says why and what to do."""


# --- Who may do what -------------------------------------------------------------------------


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


# --- Talking to the platform -----------------------------------------------------------------


def name_of(user: Any) -> str:
    if user is None:
        return "someone no longer at the school"
    return str(user.get_full_name() or user.get_username())


def saver_for(connection_id: int) -> Any:
    """A ``CredentialsSaver`` that stores refreshed tokens (encrypted) as soon as a client has them."""

    def save(credentials: dict[str, Any]) -> None:
        connection = Connection.objects.get(pk=connection_id)
        connection.set_credentials(credentials)
        connection.token_expires_at = expiry_of(credentials)
        with transaction.atomic():
            Connection.objects.filter(pk=connection_id).update(
                credentials_encrypted=connection.credentials_encrypted,
                token_expires_at=connection.token_expires_at,
            )

    return save


def client_for(connection: Connection) -> PlatformClient:
    """A client for the connection's account; raises if the platform or the tokens are unavailable."""
    platform = registry.get(connection.kind)
    if platform is None:
        raise PermanentError(
            f"Safepost cannot reach {connection.kind} on this installation (its support is not installed)",
            advice="Ask whoever runs Safepost for your school to install it",
        )
    return platform.client(connection.credentials(), saver_for(connection.pk))


def expiry_of(credentials: dict[str, Any]) -> datetime | None:
    """When the access token runs out, if the credentials say (``expires_at``: epoch seconds or ISO)."""
    value = credentials.get("expires_at")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def describe_failure(exc: Exception, label: str) -> str:
    """One paragraph for the person at the screen when signing in to a platform did not work."""
    if isinstance(exc, AuthError):
        return (
            f"{label} did not accept the sign-in. {exc.explain()} Check you are signed in to the right "
            "account, then try again."
        )
    if isinstance(exc, PermanentError):
        return exc.explain()
    if isinstance(exc, RetryableError):
        return f"{label} did not answer in time or is busy. Nothing was saved; try again in a few minutes."
    return f"Something went wrong talking to {label}. Nothing was saved; try again, and tell whoever runs Safepost if it keeps happening."


def sign_in_check(platform: Platform, credentials: dict[str, Any]) -> tuple[AccountInfo, dict[str, Any]]:
    """Ask the platform whose credentials these are; returns the account and the (maybe refreshed) tokens."""
    latest = {"credentials": credentials}

    def keep(new: dict[str, Any]) -> None:
        latest["credentials"] = new

    info = platform.client(credentials, keep).whoami()
    return info, latest["credentials"]


# --- Connecting, approving, reconnecting -----------------------------------------------------


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
            f"{_label(connection.kind)} ({connection.handle}) for posting",
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
            f"{_label(connection.kind)} ({connection.handle}); its saved sign-in was deleted",
            connection,
            {"kind": connection.kind, "was": was.status},
        )


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
            f"{_label(connection.kind)} no longer accepts the sign-in of {connection.account.name} "
            f"({connection.handle}): it needs reconnecting",
            connection,
            {"kind": connection.kind, "reason": reason[:500]},
        )
    return True


def reconnect_advice(connection: Connection) -> str:
    """Who should reconnect, in words for staff."""
    holder = connection.account.holder
    who = name_of(holder) if holder is not None else "a senior leader"
    return (
        f"Ask {who} (or a senior leader) to reconnect {connection.account.name} on "
        f"{_label(connection.kind)} from the Connected accounts page, then publish the post again"
    )


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


def refreshed_elsewhere(connection: Connection) -> bool:
    """Whether the stored sign-in changed since ``connection`` was read.

    Platforms hand out a new refresh token with each refresh and refuse the old one: when two
    workers refresh at once, the one that loses sees an "expired" error although the connection
    works. Before marking it "reconnect needed", look whether someone else saved new tokens.
    """
    stored = (
        Connection.objects.filter(pk=connection.pk).values_list("credentials_encrypted", flat=True).first()
    )
    return stored is not None and stored != connection.credentials_encrypted


def check_all() -> dict[str, int]:
    """Check every connection in use; counts of each outcome."""
    counts: dict[str, int] = {}
    for connection in Connection.objects.filter(status=Connection.Status.ACTIVE).select_related("account"):
        outcome = check_connection(connection)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


# --- Rotation --------------------------------------------------------------------------------


def next_rotation_due(
    rotation: str, since: date, term_starts: Sequence[str] = DEFAULT_TERM_STARTS
) -> date | None:
    """When the policy's cadence next asks for new credentials, after ``since`` (the last change).

    ``termly``: the next first day of a term (``credentials.term_starts``, ``"MM-DD"``);
    ``regularly``: 90 days on; ``on-permission`` and ``none``: never on a schedule.
    """
    if rotation == "regularly":
        return since + timedelta(days=REGULAR_DAYS)
    if rotation == "termly":
        days = [d for d in (term_start(t) for t in term_starts) if d is not None]
        candidates = [
            _day(year, month, day)
            for year in (since.year, since.year + 1)
            for month, day in days
            if _day(year, month, day) > since
        ]
        return min(candidates) if candidates else None
    return None


def _day(year: int, month: int, day: int) -> date:
    # 29 February in a year without one: the term starts on 1 March.
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 3, 1)


def _reminder_reason(rotation: str, due: date) -> str:
    if rotation == "termly":
        return f"a new term starts on {due:%-d %B %Y}"
    return f"{REGULAR_DAYS} days since the last change on {due - timedelta(days=REGULAR_DAYS):%-d %B %Y}"


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
                defaults={"school": connection.school, "reason": _reminder_reason(rotation, due)},
            )
            if made:
                created += 1
                record(
                    connection.school,
                    None,
                    "platform.rotation_due",
                    f"Time to change the sign-in of {connection.account.name} on {_label(connection.kind)} "
                    f"({reminder.reason})",
                    connection,
                    {"due_on": due.isoformat(), "rotation": rotation},
                )
    return created


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
            f"sign-in of {connection.account.name} on {_label(connection.kind)}",
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
        f"{name_of(user)} changed the sign-in of {connection.account.name} on {_label(connection.kind)}"
        f"{with_permission}",
        connection,
        {
            "kind": connection.kind,
            "permission_by": permission.granted_by_id if permission else None,
            "reminder_due_on": reminder.due_on.isoformat() if reminder else None,
        },
    )


# --- What the pages show ---------------------------------------------------------------------


def _label(kind: str) -> str:
    platform = registry.get(kind)
    return platform.label if platform is not None else kind


def roles_in_words(roles: Sequence[str]) -> str:
    """ "the headteacher or a computing lead" for a list of role values."""
    names = [
        ("the " if r == Role.HEADTEACHER else "a ") + (Role(r).label.lower() if r in Role.values else str(r))
        for r in roles
    ]
    if len(names) <= 1:
        return "".join(names) or "nobody"
    return ", ".join(names[:-1]) + " or " + names[-1]


def shortfalls(capabilities: Capabilities, label: str, policy: Policy) -> list[str]:
    """What the policy asks for that this platform cannot do, in words for staff."""
    notes: list[str] = []
    if policy.interaction.replies == "none" and not capabilities.limit_replies:
        notes.append(
            f"{label} cannot limit who replies to a post. Your policy says the school does not take "
            f"replies, so look at replies on {label} and remove or hide them there."
        )
    if "block" in policy.moderation.actions and not capabilities.block:
        notes.append(
            f"{label} does not allow blocking on ordinary plans: mute the person and hide their replies "
            f"on {label} instead (Safepost does not read replies yet)."
        )
    if policy.interaction.quote_posts == "disable" and not capabilities.disable_quotes:
        notes.append(f"{label} cannot stop others quoting a post, which your policy asks for.")
    if policy.interaction.visibility == "followers-only" and not capabilities.followers_only:
        notes.append(
            f"Posts on {label} cannot be limited to followers one by one. Your policy says followers only: "
            f"make the account itself protected in {label}'s settings."
        )
    return notes


@dataclass(frozen=True)
class Notice:
    """A connection that needs this member: approve it, reconnect it, change its sign-in."""

    connection: Connection
    what: str
    text: str
    url: str


def needs_attention(school: School, user: Any) -> list[Notice]:
    """Connections to list on this member's dashboard, with what to do about each."""
    membership = Membership.objects.filter(school=school, user=user, is_active=True).first()
    if membership is None:
        return []
    url = reverse("platforms:connections")
    notices: list[Notice] = []
    live = Connection.objects.filter(school=school, status__in=Connection.LIVE).select_related("account")
    for connection in live:
        label = f"{connection.account.name} on {_label(connection.kind)}"
        if connection.status == Connection.Status.WAITING and can_approve(membership):
            notices.append(
                Notice(connection, "approve", f"{label} ({connection.handle}) waits for your approval.", url)
            )
        elif connection.status == Connection.Status.RECONNECT and can_reconnect(membership, connection):
            notices.append(
                Notice(
                    connection,
                    "reconnect",
                    f"{label} needs reconnecting: nothing goes out there until it is.",
                    url,
                )
            )
    if can_rotate(membership):
        reminders = RotationReminder.objects.filter(
            school=school, done_at__isnull=True, connection__status__in=Connection.LIVE
        ).select_related("connection__account")
        for reminder in reminders:
            connection = reminder.connection
            notices.append(
                Notice(
                    connection,
                    "rotate",
                    f"Time to change the sign-in of {connection.account.name} on {_label(connection.kind)}: "
                    f"{reminder.reason}.",
                    url,
                )
            )
    return notices


# --- Official profiles (SUT-17) --------------------------------------------------------------


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

"""The Connected accounts page and the steps of connecting a platform account (SUT-02)."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.common import crypto
from apps.platforms import actions, clients, permissions, registry, wording
from apps.platforms.base import Authorisation, PermanentError, Platform, RetryableError
from apps.platforms.forms import AppPasswordForm, OAuthStartForm
from apps.platforms.models import Connection, CredentialRotation, RotationReminder
from apps.platforms.profiles import check_profile
from apps.platforms.rotation import next_rotation_due
from apps.schools import permissions as school_permissions
from apps.schools.models import Account, Membership
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from safepost.policy.config import term_start

log = logging.getLogger(__name__)

#: Where pending OAuth sign-ins wait in the session, keyed by their ``state``.
FLOWS = "platform_flows"
#: How many unfinished sign-ins a session keeps (the oldest go first).
MAX_FLOWS = 5
#: How long the platform's sign-in page may take before the callback is refused.
FLOW_SECONDS = 30 * 60


def _platform(kind: str) -> Platform:
    platform = registry.get(kind)
    if platform is None:
        raise Http404("Safepost cannot connect to that platform.")
    return platform


def _require(allowed: bool, why: str) -> None:
    if not allowed:
        raise PermissionDenied(why)


def _membership(request: SchoolRequest) -> Membership:
    return request.membership


# The page -------------------------------------------------------------------------------------


@require_GET
@school_member_required(check=permissions.can_view)
def connections(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    policy = school.policy
    accounts = (
        Account.objects.filter(school=school, is_active=True)
        .select_related("holder")
        .order_by("-kind", "name")
    )
    if not permissions.sees_all_accounts(membership):
        accounts = accounts.filter(holder=membership.user)
    platforms = registry.platforms()
    live = {
        (c.account_id, c.kind): c
        for c in Connection.objects.filter(school=school, status__in=Connection.LIVE).select_related(
            "started_by", "approved_by"
        )
    }
    reminders = {
        r.connection_id: r for r in RotationReminder.objects.filter(school=school, done_at__isnull=True)
    }
    rotations: dict[int, CredentialRotation] = {}
    for rotation in CredentialRotation.objects.filter(school=school).select_related(
        "rotated_by", "permission__granted_by"
    ):
        rotations.setdefault(rotation.connection_id, rotation)
    groups = []
    for account in accounts:
        rows = []
        for platform in platforms:
            connection = live.get((account.pk, platform.kind))
            rows.append(
                _row(membership, account, platform, connection, reminders, rotations, _list_url(request))
            )
        groups.append({"account": account, "rows": rows})
    limits = [
        {"platform": p, "shortfalls": wording.shortfalls(p.capabilities, p.label, policy)} for p in platforms
    ]
    context = {
        "tab": "connections",
        "can_manage": school_permissions.can_manage_school(membership),
        "can_view_settings": school_permissions.can_view_school_settings(membership),
        "groups": groups,
        "platforms": platforms,
        "limits": [item for item in limits if item["shortfalls"]],
        "rotation": policy.credentials.rotation,
        "rotated_by": wording.roles_in_words(policy.credentials.rotated_by),
        "term_starts": ", ".join(_term_day(t) for t in policy.credentials.term_starts),
        "needs_permission_of": wording.roles_in_words(policy.credentials.needs_permission_of)
        if policy.credentials.needs_permission_of
        else "",
        "can_connect": permissions.can_connect(membership),
    }
    return render(request, "platforms/connections.html", context)


def _row(
    membership: Membership,
    account: Account,
    platform: Platform,
    connection: Connection | None,
    reminders: dict[int, RotationReminder],
    rotations: dict[int, CredentialRotation],
    list_url: str = "",
) -> dict[str, Any]:
    row: dict[str, Any] = {"platform": platform, "connection": connection}
    if connection is None:
        row["can_connect"] = permissions.can_connect(membership)
        return row
    policy = membership.school.policy
    in_use = connection.status in (Connection.Status.ACTIVE, Connection.Status.RECONNECT)
    row.update(
        can_approve=connection.status == Connection.Status.WAITING and permissions.can_approve(membership),
        can_reconnect=connection.status == Connection.Status.RECONNECT
        and permissions.can_reconnect(membership, connection),
        can_disconnect=permissions.can_connect(membership),
        can_rotate=in_use and permissions.rotation_refusal(connection, membership) is None,
        rotate_refusal=permissions.rotation_refusal(connection, membership)
        if in_use and permissions.can_rotate(membership)
        else "",
        # Permission only matters when someone who rotates does not hold a permitting role.
        can_permit=in_use
        and permissions.can_permit_rotation(membership)
        and bool(set(policy.credentials.rotated_by) - set(policy.credentials.needs_permission_of))
        and permissions.usable_permission(connection, None) is None,
        pending_permission=permissions.usable_permission(connection, None) if in_use else None,
        reminder=reminders.get(connection.pk),
        profile=check_profile(connection, list_url)
        if connection.status == Connection.Status.ACTIVE
        else None,
        can_set_profile=platform.capabilities.set_profile and permissions.can_approve(membership),
        last_rotation=rotations.get(connection.pk),
        next_due=next_rotation_due(
            policy.credentials.rotation,
            timezone.localdate(connection.rotated_or_connected_at),
            policy.credentials.term_starts,
        )
        if connection.status == Connection.Status.ACTIVE
        else None,
    )
    return row


# Starting a connection ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required()
def connect(request: SchoolRequest, account_pk: int, kind: str) -> HttpResponse:
    # Fetch first: an outsider gets 404 whatever their role is at their own school.
    account = get_for_school(Account, request, pk=account_pk, is_active=True)
    platform = _platform(kind)
    _require(
        permissions.can_connect(_membership(request)),
        "Only the headteacher or a senior leader can connect an account.",
    )
    existing = actions.live_connection(account, kind)
    if existing is not None:
        messages.info(request, f"{account.name} is already connected to {platform.label}.")
        return redirect("platforms:connections")
    return _sign_in_step(request, platform, account, "connect", None)


@require_http_methods(["GET", "POST"])
@school_member_required()
def reconnect(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    # Only a connection that stopped working is reconnected here; changing the sign-in of one that
    # works is a rotation, which may need the permission the policy names (COU-07).
    if connection.status == Connection.Status.ACTIVE:
        messages.info(request, "That account is connected and working: use Change sign-in to renew it.")
        return redirect("platforms:connections")
    if connection.status != Connection.Status.RECONNECT:
        raise Http404("That connection is not in use.")
    if not permissions.can_reconnect(_membership(request), connection):
        raise PermissionDenied("Only a senior leader or the account's holder can reconnect it.")
    return _sign_in_step(request, _platform(connection.kind), connection.account, "reconnect", connection)


@require_http_methods(["GET", "POST"])
@school_member_required()
def rotate(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    refusal = permissions.rotation_refusal(connection, _membership(request))
    if refusal:
        messages.error(request, refusal)
        return redirect("platforms:connections")
    return _sign_in_step(request, _platform(connection.kind), connection.account, "rotate", connection)


def _sign_in_step(
    request: SchoolRequest, platform: Platform, account: Account, purpose: str, connection: Connection | None
) -> HttpResponse:
    """The form before signing in: OAuth (off to the platform) or an app password (Bluesky)."""
    form: OAuthStartForm | AppPasswordForm
    if platform.auth == "app-password":
        form = AppPasswordForm(request.POST if request.method == "POST" else None, platform=platform)
        if connection is not None and request.method == "GET":
            form.initial.update(
                handle=connection.handle, server=connection.server_url or form.initial.get("server")
            )
    else:
        form = OAuthStartForm(request.POST if request.method == "POST" else None, platform=platform)
        if connection is not None and connection.server_url and "server" in form.fields:
            form.initial["server"] = connection.server_url
    if request.method == "POST" and form.is_valid():
        server = form.cleaned_data.get("server", "")
        if connection is not None and connection.server_url and server and server != connection.server_url:
            form.add_error("server", f"This connection is on {connection.server_url}; sign in there.")
        elif isinstance(form, AppPasswordForm):
            done = _app_password(request, platform, account, purpose, connection, form)
            if done is not None:
                return done
        else:
            started = _start_oauth(request, platform, account, purpose, connection, server)
            if started is not None:
                return started
    context = {
        "tab": "connections",
        "can_view_settings": school_permissions.can_view_school_settings(_membership(request)),
        "can_manage": school_permissions.can_manage_school(_membership(request)),
        "form": form,
        "platform": platform,
        "account": account,
        "purpose": purpose,
        "connection": connection,
        "shortfalls": wording.shortfalls(platform.capabilities, platform.label, account.school.policy),
    }
    return render(request, "platforms/connect.html", context)


def _app_password(
    request: SchoolRequest,
    platform: Platform,
    account: Account,
    purpose: str,
    connection: Connection | None,
    form: AppPasswordForm,
) -> HttpResponse | None:
    assert platform.sign_in is not None
    data = form.cleaned_data
    try:
        credentials = platform.sign_in(
            registry.config_for(platform.kind), data.get("server", ""), data["handle"], data["app_password"]
        )
        info, credentials = clients.sign_in_check(platform, credentials)
    except Exception as exc:
        if not isinstance(exc, PermanentError | RetryableError):
            log.exception("signing in to %s failed", platform.kind)
        form.add_error(None, wording.describe_failure(exc, platform.label))
        return None
    return _save(request, platform, account, purpose, connection, credentials, data.get("server", ""), info)


def _save(
    request: SchoolRequest,
    platform: Platform,
    account: Account,
    purpose: str,
    connection: Connection | None,
    credentials: dict[str, Any],
    server: str,
    info: Any,
) -> HttpResponse:
    try:
        saved = actions.save_connection(
            account=account,
            platform=platform,
            credentials=credentials,
            user=request.user,
            purpose=purpose,
            connection_id=connection.pk if connection else None,
            server=server,
            info=info,
        )
    except actions.StepRefused as exc:
        messages.error(request, str(exc))
        return redirect("platforms:connections")
    if purpose == "connect":
        then = (
            "approve it below when you are ready."
            if permissions.can_approve(_membership(request))
            else "the headteacher approves it (they see it on their dashboard)."
        )
        messages.success(
            request,
            f"{account.name} is connected to {platform.label} as {saved.handle}. Nothing is posted there until {then}",
        )
    elif purpose == "rotate":
        messages.success(
            request,
            f"The sign-in of {account.name} on {platform.label} was changed and recorded. Remove Safepost's old "
            f"access in {platform.label}'s settings if it is still listed there.",
        )
    else:
        messages.success(request, f"{account.name} is reconnected to {platform.label} ({saved.handle}).")
    return redirect("platforms:connections")


def _start_oauth(
    request: SchoolRequest,
    platform: Platform,
    account: Account,
    purpose: str,
    connection: Connection | None,
    server: str,
) -> HttpResponse | None:
    assert platform.start_authorisation is not None
    callback = request.build_absolute_uri(reverse("platforms:callback", args=[platform.kind]))
    try:
        authorisation = platform.start_authorisation(registry.config_for(platform.kind), callback, server)
    except Exception as exc:
        if not isinstance(exc, PermanentError | RetryableError):
            log.exception("starting to connect %s failed", platform.kind)
        messages.error(request, wording.describe_failure(exc, platform.label))
        return None
    flows: dict[str, Any] = dict(request.session.get(FLOWS, {}))
    while len(flows) >= MAX_FLOWS:
        flows.pop(min(flows, key=lambda s: flows[s]["started"]))
    flows[authorisation.state] = {
        "kind": platform.kind,
        "account": account.pk,
        "school": account.school_id,
        "purpose": purpose,
        "connection": connection.pk if connection else None,
        "server": server,
        "url": authorisation.url,
        # The PKCE verifier and the app's client secret (Mastodon registers one per server) are
        # encrypted with the token keys: the session store (database or cache) never holds them readable.
        "secret": crypto.encrypt({"verifier": authorisation.verifier, "extra": authorisation.extra}),
        "started": timezone.now().timestamp(),
    }
    request.session[FLOWS] = flows
    return redirect(authorisation.url)


@require_GET
@school_member_required()
def callback(request: SchoolRequest, kind: str) -> HttpResponse:
    platform = _platform(kind)
    state = request.GET.get("state", "")
    flows: dict[str, Any] = dict(request.session.get(FLOWS, {}))
    flow = flows.pop(state, None) if state else None
    request.session[FLOWS] = flows
    if (
        flow is None
        or flow["kind"] != kind
        or flow["school"] != request.school.pk
        or timezone.now().timestamp() - flow["started"] > FLOW_SECONDS
    ):
        messages.error(
            request,
            f"That sign-in to {platform.label} could not be matched to one you started here (it may have "
            "expired, or been used already). Nothing was connected. Start again below.",
        )
        return redirect("platforms:connections")
    if request.GET.get("error"):
        said = request.GET.get("error_description") or request.GET["error"]
        messages.error(
            request, f"{platform.label} did not give access ({said[:200]}). Nothing was connected."
        )
        return redirect("platforms:connections")
    account = get_for_school(Account, request, pk=flow["account"], is_active=True)
    connection = None
    if flow["connection"] is not None:
        connection = get_for_school(Connection, request, pk=flow["connection"])
    membership = _membership(request)
    allowed = {
        "connect": permissions.can_connect(membership),
        "reconnect": connection is not None and permissions.can_reconnect(membership, connection),
        "rotate": connection is not None and permissions.rotation_refusal(connection, membership) is None,
    }
    if not allowed.get(flow["purpose"], False):
        raise PermissionDenied("Your role cannot do this any more.")
    assert platform.finish_authorisation is not None
    try:
        secret = crypto.decrypt(str(flow.get("secret", "")))
    except crypto.CredentialsUnreadable:
        messages.error(
            request,
            f"That sign-in to {platform.label} started before Safepost's keys were changed. Nothing was "
            "connected. Start again below.",
        )
        return redirect("platforms:connections")
    authorisation = Authorisation(
        url=flow["url"],
        state=state,
        verifier=str(secret.get("verifier", "")),
        extra=dict(secret.get("extra", {})),
    )
    try:
        credentials = platform.finish_authorisation(
            registry.config_for(kind), authorisation, dict(request.GET.items())
        )
        info, credentials = clients.sign_in_check(platform, credentials)
    except Exception as exc:
        if not isinstance(exc, PermanentError | RetryableError):
            log.exception("finishing the connection to %s failed", kind)
        messages.error(request, wording.describe_failure(exc, platform.label))
        return redirect("platforms:connections")
    return _save(request, platform, account, flow["purpose"], connection, credentials, flow["server"], info)


# Approving, disconnecting, rotation permission -------------------------------------------------


@require_POST
@school_member_required()
def approve(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    _require(
        permissions.can_approve(_membership(request)), "Only the headteacher can approve a connected account."
    )
    try:
        actions.approve(connection, _membership(request))
    except actions.StepRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Approved: posts on {connection.account.name} now go out to "
            f"{registry.label_of(connection.kind)} ({connection.handle}) too.",
        )
    return redirect("platforms:connections")


@require_POST
@school_member_required()
def profile(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account", "school"), request, pk=pk)
    _require(
        permissions.can_approve(_membership(request)),
        "Only the headteacher and senior leaders can change the profile of a school account.",
    )
    try:
        actions.set_official_profile(connection, _membership(request), _list_url(request))
    except actions.StepRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"{connection.handle}'s profile on {registry.label_of(connection.kind)} now says it is the school's "
            "official account and links to the list of official accounts.",
        )
    return redirect("platforms:connections")


def _list_url(request: SchoolRequest) -> str:
    """The address of the school's public list of official accounts."""
    return request.build_absolute_uri(reverse("public:accounts", args=[_membership(request).school.slug]))


@require_POST
@school_member_required()
def disconnect(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    _require(
        permissions.can_connect(_membership(request)),
        "Only the headteacher or a senior leader can disconnect an account.",
    )
    actions.disconnect(connection, request.user)
    messages.success(
        request,
        f"{connection.account.name} is disconnected from {registry.label_of(connection.kind)} and its saved "
        "sign-in deleted. Nothing more goes out there. You may also remove Safepost's access in the "
        "platform's own settings.",
    )
    return redirect("platforms:connections")


@require_POST
@school_member_required()
def permit(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    _require(
        permissions.can_permit_rotation(_membership(request)),
        "Your school's policy does not give your role a say in changing the sign-in.",
    )
    if connection.status not in (Connection.Status.ACTIVE, Connection.Status.RECONNECT):
        raise Http404("That connection is not in use.")
    actions.grant_rotation_permission(connection, _membership(request))
    messages.success(
        request,
        f"Permission given: someone the policy allows can now change the sign-in of {connection.account.name} "
        f"on {registry.label_of(connection.kind)} (within {permissions.PERMISSION_DAYS} days).",
    )
    return redirect("platforms:connections")


def _term_day(text: str) -> str:
    """ "09-01" as "1 September"."""
    found = term_start(text)
    if found is None:
        return text
    return f"{found[1]} {date(2024, found[0], 1):%B}"

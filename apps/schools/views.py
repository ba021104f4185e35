"""The school settings pages: policy, staff, accounts, pupil roster and the social media agreement."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.schools import actions, invites, permissions
from apps.schools.agreement_text import default_agreement_text
from apps.schools.consent import posts_showing
from apps.schools.forms import (
    AccountForm,
    AddMemberForm,
    AgreementForm,
    PolicySettingsForm,
    PolicyTextForm,
    RoleForm,
    RosterConfirmForm,
    RosterSearchForm,
    RosterUploadForm,
    SignForm,
    field_for_key,
)
from apps.schools.invites import link_lifetime_days, send_sign_in_link
from apps.schools.models import (
    Account,
    Agreement,
    Channel,
    ConsentChange,
    ConsentValue,
    Invitation,
    Membership,
    Pupil,
    Role,
    RosterImport,
    School,
    Signature,
)
from apps.schools.policy_edit import EditError, changes_between, locate, reference_html, set_values
from apps.schools.roster_upload import Stash, UploadError, decode_upload, discard, preview, stash, unstash
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from apps.schools.signals import announce_withdrawn_consent
from safepost.policy.config import PRESETS_DIR, PolicyError
from safepost.policy.roster import Roster, RosterError, parse_roster
from safepost.policy.rules.outside_posting_window import describe_window

READ_ONLY = "Governors can read the school's settings but not change them."
ROLE_ORDER = {value: i for i, value in enumerate(Role.values)}


def _require_manager(request: SchoolRequest) -> None:
    if not permissions.can_manage_school(request.membership):
        raise PermissionDenied(READ_ONLY)


def _base(request: SchoolRequest, tab: str, **extra: Any) -> dict[str, Any]:
    membership: Membership = request.membership
    return {
        "tab": tab,
        "can_manage": permissions.can_manage_school(membership),
        "can_view_settings": permissions.can_view_school_settings(membership),
        **extra,
    }


# Overview ---------------------------------------------------------------------------------------


@require_GET
@school_member_required(check=permissions.can_view_school_settings)
def overview(request: SchoolRequest) -> HttpResponse:
    school = request.school
    members = Membership.objects.filter(school=school, is_active=True)
    needing_mfa = members.filter(role__in=[Role.HEADTEACHER, Role.SENIOR_LEADER])
    with_totp = Authenticator.objects.filter(
        type=Authenticator.Type.TOTP, user__in=needing_mfa.values("user")
    ).count()
    latest = Agreement.objects.filter(school=school).order_by("-version").first()
    signed = (
        Signature.objects.filter(agreement=latest, user__in=members.values("user")).count() if latest else 0
    )
    accounts = Account.objects.filter(school=school, is_active=True)
    pupils = Pupil.objects.filter(school=school, is_active=True)
    context = _base(
        request,
        "overview",
        staff_count=members.count(),
        mfa_missing=needing_mfa.count() - with_totp,
        accounts_count=accounts.count(),
        class_accounts_count=accounts.filter(kind=Account.Kind.CLASS).count(),
        pupil_count=pupils.count(),
        class_count=pupils.exclude(class_name="").values("class_name").distinct().count(),
        agreement=latest,
        signed_count=signed,
        policy=school.policy,
        window=describe_window(school.policy),
        preset_school=_preset_school(school.preset),
    )
    return render(request, "schools/overview.html", context)


def _preset_school(preset: str) -> str:
    """The school an example policy came from ("St Catherine of Siena Primary School"), or ''."""
    text = _preset_text(preset)
    return str(tomllib.loads(text).get("school", {}).get("name", "")) if text else ""


# Policy -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem with a policy text: the key it is about, the line, and what is wrong."""

    key: str
    line: int | None
    message: str


_KEY_PATH = re.compile(r"^[\w.\-\[\]\"']+$")


def _problems(error: PolicyError, text: str) -> list[Problem]:
    out = []
    for raw in error.problems:
        if raw.startswith("not valid TOML"):
            found = re.search(r"at line (\d+)", raw)
            out.append(Problem("", int(found.group(1)) if found else None, raw))
            continue
        key, sep, message = raw.partition(": ")
        if sep and _KEY_PATH.match(key) and key != "the file":
            out.append(Problem(key, locate(text, key), message))
        else:
            out.append(Problem("", None, raw))
    return out


def _preset_text(preset: str) -> str | None:
    path = PRESETS_DIR / f"{preset}.toml"
    return path.read_text(encoding="utf-8") if path.is_file() else None


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_view_school_settings)
def policy(request: SchoolRequest) -> HttpResponse:
    school = request.school
    version = {"version": school.policy_version}
    settings_form = PolicySettingsForm(policy=school.policy, initial=dict(version))
    text_form = PolicyTextForm(initial={"text": school.policy_toml, **version})
    problems: list[Problem] = []
    open_editor = False
    if request.method == "POST":
        _require_manager(request)
        which = request.POST.get("form")
        if which == "settings":
            settings_form = PolicySettingsForm(request.POST, policy=school.policy)
            if settings_form.is_valid() and _save_settings(request, settings_form):
                return redirect("schools:policy")
        elif which == "text":
            open_editor = True
            text_form = PolicyTextForm(request.POST)
            if text_form.is_valid():
                text = text_form.cleaned_data["text"]
                if text == school.policy_toml:
                    messages.info(request, "Nothing changed in the policy text, so nothing was saved.")
                    return redirect("schools:policy")
                try:
                    actions.update_policy(
                        school, text, request.user, expected_version=text_form.cleaned_data["version"]
                    )
                except PolicyError as exc:
                    problems = _problems(exc, text)
                except actions.StalePolicyError as exc:
                    text_form.add_error(None, _stale_message(exc))
                else:
                    messages.success(request, f"Policy saved as version {school.policy_version}.")
                    return redirect("schools:policy")
        else:
            messages.error(request, "Something went wrong with that form. Please try again.")
            return redirect("schools:policy")
    preset_text = _preset_text(school.preset)
    from_preset = changes_between(preset_text, school.policy_toml) if preset_text else []
    # The school's own name and handle replace the preset school's: that is not a policy change.
    from_preset = [c for c in from_preset if not str(c.key).startswith(("school.name", "school.handle"))]
    # Each change named as the form names it ("Who approves posts"), not by its key in the file.
    labels = PolicySettingsForm(policy=school.policy).fields
    changed = [
        (
            labels[field].label if (field := field_for_key(str(c.key))) in labels else str(c.key),
            c.before,
            c.after,
        )
        for c in from_preset
    ]
    context = _base(
        request,
        "policy",
        settings_form=settings_form,
        text_form=text_form,
        problems=problems,
        open_editor=open_editor or bool(problems) or bool(text_form.errors),
        from_preset=changed,
        preset_known=preset_text is not None,
        preset_school=_preset_school(school.preset),
        reference=reference_html(),
        policy=school.policy,
    )
    return render(request, "schools/policy.html", context)


def _stale_message(exc: actions.StalePolicyError) -> str:
    return (
        f"Someone else saved the policy (now version {exc.version}) while you were editing, so your "
        "changes were not saved. Reload the page to see their version, then make your changes again."
    )


_WINDOW_ORDER = re.compile(r"^start (\d\d:\d\d) must be before end (\d\d:\d\d)$")


def _plain(message: str) -> str:
    """A problem the policy loader found, as the settings form's fields name things."""
    order = _WINDOW_ORDER.match(message)
    if order:
        start, end = order.groups()
        return (
            f"The earliest time ({start}) must be before the latest time ({end}): posts go out between "
            "them on the days ticked."
        )
    return message


def _save_settings(request: SchoolRequest, form: PolicySettingsForm) -> bool:
    school = request.school
    changes = form.changes()
    if not changes:
        messages.info(request, "Nothing changed, so nothing was saved.")
        return True
    try:
        text = set_values(school.policy_toml, changes)
        actions.update_policy(school, text, request.user, expected_version=form.cleaned_data["version"])
    except EditError as exc:
        form.add_error(None, f"Not saved: {exc}.")
        return False
    except actions.StalePolicyError as exc:
        form.add_error(None, _stale_message(exc))
        return False
    except PolicyError as exc:
        for raw in exc.problems:
            key, _, message = raw.partition(": ")
            field = field_for_key(key)
            form.add_error(field, _plain(message) if field else _plain(raw))
        return False
    messages.success(request, f"Policy saved as version {school.policy_version}.")
    return True


# Staff ------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_view_school_settings)
def staff(request: SchoolRequest) -> HttpResponse:
    school = request.school
    form = AddMemberForm()
    if request.method == "POST":
        _require_manager(request)
        form = AddMemberForm(request.POST)
        if form.is_valid():
            try:
                invitation, token = invites.invite(school, by=request.membership, **form.cleaned_data)
            except actions.SchoolError as exc:
                form.add_error(None, str(exc))
            else:
                invites.send_invitation(request, invitation, token)
                # The same words whether or not the address already has a Safepost account.
                messages.success(
                    request,
                    f"We e-mailed {invitation.email} an invitation to join as "
                    f"{invitation.get_role_display().lower()}. They appear on the staff list once they "
                    f"accept it; the link works for {link_lifetime_days()} days.",
                )
                return redirect("schools:staff")
    memberships = list(Membership.objects.filter(school=school).select_related("user"))
    memberships.sort(
        key=lambda m: (
            not m.is_active,
            ROLE_ORDER.get(m.role, 99),
            (m.user.last_name or m.user.username).casefold(),
        )
    )
    users = [m.user_id for m in memberships]
    with_totp = set(
        Authenticator.objects.filter(user__in=users, type=Authenticator.Type.TOTP).values_list(
            "user", flat=True
        )
    )
    latest = Agreement.objects.filter(school=school).order_by("-version").first()
    signed = (
        set(Signature.objects.filter(agreement=latest).values_list("user", flat=True)) if latest else set()
    )
    rows = [
        {
            "m": m,
            "name": _name(m.user),
            "has_totp": m.user_id in with_totp,
            "signed": m.user_id in signed,
            "awaiting_password": not m.user.has_usable_password(),
            "is_me": m.user_id == request.user.pk,
            "role_form": RoleForm(initial={"role": m.role}, prefix=f"m{m.pk}"),
        }
        for m in memberships
    ]
    waiting = Invitation.objects.filter(school=school, accepted_at__isnull=True, cancelled_at__isnull=True)
    context = _base(
        request,
        "staff",
        form=form,
        rows=rows,
        invitations=[(i, invites.expires_at(i)) for i in waiting.order_by("-sent_at")],
        agreement=latest,
        lifetime=link_lifetime_days(),
    )
    return render(request, "schools/staff.html", context)


@require_POST
@school_member_required(check=permissions.can_manage_school)
def invitation_resend(request: SchoolRequest, pk: int) -> HttpResponse:
    invitation = get_for_school(Invitation.objects.select_related("invited_by", "school"), request, pk=pk)
    try:
        token = invites.renew(invitation, request.membership)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
    else:
        invites.send_invitation(request, invitation, token)
        messages.success(
            request, f"We e-mailed {invitation.email} a new invitation; the old link no longer works."
        )
    return redirect("schools:staff")


@require_POST
@school_member_required(check=permissions.can_manage_school)
def invitation_cancel(request: SchoolRequest, pk: int) -> HttpResponse:
    invitation = get_for_school(Invitation, request, pk=pk)
    invites.cancel(invitation, request.membership)
    messages.success(
        request, f"The invitation to {invitation.email} was cancelled; its link no longer works."
    )
    return redirect("schools:staff")


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


@require_POST
@school_member_required(check=permissions.can_manage_school)
def staff_role(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = get_for_school(Membership.objects.select_related("user"), request, pk=pk)
    form = RoleForm(request.POST, prefix=f"m{pk}")
    if not form.is_valid():
        messages.error(request, "Choose one of the roles in the list.")
        return redirect("schools:staff")
    before = membership.get_role_display()
    try:
        actions.change_role(membership, form.cleaned_data["role"], by=request.membership)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
    else:
        if membership.get_role_display() != before:
            messages.success(
                request,
                f"{_name(membership.user)} is now {membership.get_role_display().lower()} "
                f"(was {before.lower()}).",
            )
    return redirect("schools:staff")


@require_POST
@school_member_required(check=permissions.can_manage_school)
def staff_deactivate(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = get_for_school(Membership.objects.select_related("user"), request, pk=pk)
    try:
        held = actions.deactivate_member(membership, by=request.membership)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
        return redirect("schools:staff")
    note = ""
    if held:
        names = ", ".join(a.name for a in held)
        note = f" They held {names}: choose a new holder on the accounts page."
    messages.success(
        request,
        f"{_name(membership.user)} was deactivated and can no longer use Safepost for "
        f"{membership.school.name}. Their past actions stay in the audit log.{note}",
    )
    return redirect("schools:accounts" if held else "schools:staff")


@require_POST
@school_member_required(check=permissions.can_manage_school)
def staff_reactivate(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = get_for_school(Membership.objects.select_related("user"), request, pk=pk)
    try:
        actions.reactivate_member(membership, by=request.membership)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"{_name(membership.user)} is active again, as {membership.get_role_display().lower()}."
        )
    return redirect("schools:staff")


@require_POST
@school_member_required(check=permissions.can_manage_school)
def staff_send_link(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = get_for_school(Membership.objects.select_related("user", "school"), request, pk=pk)
    if not membership.is_active:
        messages.error(request, "Reactivate this member before sending them a sign-in link.")
    else:
        send_sign_in_link(request, membership, request.user)
        messages.success(request, f"A new sign-in link was e-mailed to {membership.user.email}.")
    return redirect("schools:staff")


# Accounts ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_view_school_settings)
def accounts(request: SchoolRequest) -> HttpResponse:
    school = request.school
    form = AccountForm(school=school)
    if request.method == "POST":
        _require_manager(request)
        form = AccountForm(request.POST, school=school)
        if form.is_valid():
            try:
                account = actions.create_class_account(school, actor=request.user, **form.cleaned_data)
            except actions.SchoolError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{account.name} was created.")
                return redirect("schools:accounts")
    all_accounts = list(Account.objects.filter(school=school).select_related("holder"))
    all_accounts.sort(key=lambda a: (a.kind != Account.Kind.MAIN, not a.is_active, a.name.casefold()))
    active_holders = set(
        Membership.objects.filter(school=school, is_active=True).values_list("user", flat=True)
    )
    head = (
        Membership.objects.filter(school=school, is_active=True, role=Role.HEADTEACHER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    rows = [
        {
            "account": a,
            "holder_name": _name(a.holder) if a.holder else "",
            "holder_inactive": a.holder is not None and a.holder_id not in active_holders,
        }
        for a in all_accounts
    ]
    context = _base(
        request,
        "accounts",
        form=form,
        rows=rows,
        class_accounts_allowed=school.policy.accounts.class_accounts,
        head_name=_name(head.user) if head else "",
        classes=_roster_classes(school),
    )
    return render(request, "schools/accounts.html", context)


def _roster_classes(school: Any) -> list[str]:
    names = (
        Pupil.objects.filter(school=school, is_active=True)
        .exclude(class_name="")
        .values_list("class_name", flat=True)
    )
    return sorted(set(names), key=str.casefold)


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_manage_school)
def account_edit(request: SchoolRequest, pk: int) -> HttpResponse:
    school = request.school
    account = get_for_school(Account.objects.select_related("holder"), request, pk=pk)
    is_class = account.kind == Account.Kind.CLASS
    holder = account.holder
    if holder is None and not is_class:
        head = (
            Membership.objects.filter(school=school, is_active=True, role=Role.HEADTEACHER)
            .order_by("pk")
            .first()
        )
        holder = head.user if head else None
    initial = {
        "name": account.name,
        "handle": account.handle,
        "class_name": account.class_name,
        "holder": holder,
    }
    form = AccountForm(school=school, is_class=is_class, initial=initial)
    if request.method == "POST":
        form = AccountForm(request.POST, school=school, is_class=is_class)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.update_account(
                    account,
                    name=data["name"],
                    handle=data["handle"],
                    class_name=data.get("class_name", ""),
                    holder=data["holder"],
                    actor=request.user,
                )
            except actions.SchoolError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{account.name} was saved.")
                return redirect("schools:accounts")
    context = _base(request, "accounts", form=form, account=account, classes=_roster_classes(school))
    return render(request, "schools/account_edit.html", context)


@require_POST
@school_member_required(check=permissions.can_manage_school)
def account_active(request: SchoolRequest, pk: int) -> HttpResponse:
    account = get_for_school(Account, request, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        actions.set_account_active(account, active, request.user)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
    else:
        if active:
            messages.success(request, f"{account.name} is active again.")
        else:
            messages.success(
                request,
                f"{account.name} was deactivated: nobody can post on it now. "
                "Its past posts and history are kept.",
            )
    return redirect("schools:accounts")


# Roster -----------------------------------------------------------------------------------------

ROSTER_LIMIT = 500


def _roster_context(request: SchoolRequest) -> dict[str, Any]:
    school = request.school
    classes = _roster_classes(school)
    search = RosterSearchForm(request.GET or None, classes=classes)
    # Leavers are kept (their consent history and photo tags stay answerable) but are not listed here.
    on_roll = Pupil.objects.filter(school=school, is_active=True)
    pupils = on_roll
    if search.is_valid():
        pupils = pupils.search(search.cleaned_data["q"], search.cleaned_data["class_name"])
    total = pupils.count()
    return _base(
        request,
        "roster",
        search=search,
        pupils=list(pupils[:ROSTER_LIMIT]),
        total=total,
        limit=ROSTER_LIMIT,
        roster_count=on_roll.count(),
        left_count=Pupil.objects.filter(school=school, is_active=False).count(),
        per_class=on_roll.values("class_name").annotate(n=Count("pk")).order_by("class_name"),
        upload_form=RosterUploadForm(),
        last_import=actions.last_roster_import(school),
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@school_member_required(check=permissions.can_manage_school)
def roster(request: SchoolRequest) -> HttpResponse:
    context = _roster_context(request)
    if request.htmx and request.method == "GET":
        return render(request, "schools/roster.html#roster-list", context)
    if request.method == "POST":
        context.update(_roster_upload(request))
    return render(request, "schools/roster.html", context)


def _roster_upload(request: SchoolRequest) -> dict[str, Any]:
    school = request.school
    form = RosterUploadForm(request.POST, request.FILES)
    out: dict[str, Any] = {"upload_form": form}
    if not form.is_valid():
        return out
    upload = form.cleaned_data["file"]
    name = upload.name or "the file"
    try:
        if upload.size is not None and upload.size > 2 * 1024 * 1024 + 1:
            raise UploadError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the most Safepost takes is 2 MB. "
                "Export only the pupils' names, class, year and consent columns and try again."
            )
        text, note = decode_upload(upload.read(), name)
        parsed = parse_roster(text, name)
    except UploadError as exc:
        form.add_error("file", str(exc))
        return out
    except RosterError as exc:
        out["row_errors"] = exc.problems
        out["upload_name"] = name
        return out
    held = stash(request.session, school.pk, name, text)
    out.update(_preview_context(school, held, parsed), encoding_note=note)
    return out


def _preview_context(school: School, held: Stash, parsed: Roster) -> dict[str, Any]:
    return {
        "preview": preview(school, parsed),
        "upload_name": held.filename,
        "confirm_form": RosterConfirmForm(initial={"token": held.token, "sha256": held.sha256}),
    }


@require_POST
@school_member_required(check=permissions.can_manage_school)
def roster_confirm(request: SchoolRequest) -> HttpResponse:
    school = request.school
    form = RosterConfirmForm(request.POST)
    held = (
        unstash(request.session, form.cleaned_data["token"], school.pk, form.cleaned_data["sha256"])
        if form.is_valid()
        else None
    )
    if "cancel" in request.POST:
        discard(request.session)
        messages.info(request, "Import cancelled. The roster has not changed.")
        return redirect("schools:roster")
    if held is None:
        messages.error(
            request,
            "That upload has run out or was already imported, so nothing changed. Upload the file again.",
        )
        return redirect("schools:roster")
    try:
        parsed = parse_roster(held.text, held.filename)
    except RosterError:
        messages.error(request, "The file could not be read again, so nothing changed. Upload it again.")
        return redirect("schools:roster")
    shown = _preview_context(school, held, parsed)
    if shown["preview"].large_loss and not form.cleaned_data["whole_roster"]:
        # The second confirmation was not given: show the same preview again, nothing changed.
        context = _roster_context(request)
        context.update(shown, whole_roster_missing=True)
        return render(request, "schools/roster.html", context, status=400)
    started = timezone.now()
    try:
        count = actions.check_replace_roster(
            request.membership,
            parsed,
            source=f"{held.filename} (sha256 {held.sha256})",
        )
    except actions.SchoolError as exc:
        messages.error(request, f"{exc} Nothing changed.")
        return redirect("schools:roster")
    discard(request.session)
    left = shown["preview"].leaving
    messages.success(
        request,
        f"Roster imported: {count} pupil{'s' if count != 1 else ''}"
        + (f", {left} marked as left" if left else "")
        + ". Posts are now checked against these names."
        + (" If that was a mistake, undo the import below." if left else ""),
    )
    _warn_about_published_photos(request, school, started)
    return redirect("schools:roster")


@require_POST
@school_member_required(check=permissions.can_manage_school)
def roster_undo(request: SchoolRequest, pk: int) -> HttpResponse:
    school = request.school
    roster_import = get_for_school(RosterImport, request, pk=pk)
    try:
        actions.undo_roster_import(school, roster_import, request.user)
    except actions.SchoolError as exc:
        messages.error(request, f"{exc} Nothing changed.")
        return redirect("schools:roster")
    back, added = len(roster_import.left), len(roster_import.joined)
    messages.success(
        request,
        f"Import undone: the roster is back as it was before {roster_import.filename or 'that import'}. "
        f"{back} pupil{'s are' if back != 1 else ' is'} back on the roster"
        + (f" and the {added} it added {'are' if added != 1 else 'is'} marked as left" if added else "")
        + ". Consent recorded since stays as it is.",
    )
    return redirect("schools:roster")


def _warn_about_published_photos(request: SchoolRequest, school: School, since: datetime) -> None:
    """An import that withdrew consent lists the pupils shown in published posts, for take-down."""
    withdrawn = (
        ConsentChange.objects.filter(
            pupil__school=school,
            created_at__gte=since,
            value=ConsentValue.WITHDRAWN,
            channel__in=[Channel.SOCIAL, Channel.WEBSITE],
        )
        .select_related("pupil")
        .order_by("pupil__surname", "pupil__first_name")
    )
    shown: dict[int, str] = {}
    held = 0
    for change in withdrawn:
        held += len(
            announce_withdrawn_consent(
                change.pupil, f"{Channel(change.channel).label.lower()} consent", request.user
            )
        )
        if change.pupil_id in shown:
            continue
        count = posts_showing(change.pupil).count()
        if count:
            shown[change.pupil_id] = (
                f"{change.pupil.first_name} {change.pupil.surname} ({count} post{'s' if count != 1 else ''})"
            )
    if shown:
        messages.warning(
            request,
            "This import withdrew social media or website consent for pupils who appear in published posts: "
            + ", ".join(shown.values())
            + ". Open each pupil on the Consent page to see those posts and take them down.",
        )
    if held:
        messages.warning(
            request,
            f"This import withdrew consent for pupils in the photos of {held} post{'s' if held != 1 else ''} "
            "waiting to go out: they are now held and do not go out until their writers change them. "
            "The writers and approvers see them on their home page.",
        )


# Agreement --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required()
def agreement(request: SchoolRequest) -> HttpResponse:
    school = request.school
    membership: Membership = request.membership
    latest = Agreement.objects.filter(school=school).order_by("-version").first()
    sign_form = SignForm(initial={"version": latest.version if latest else 0})
    can_manage = permissions.can_manage_school(membership)
    suggested = default_agreement_text(school)
    publish_form = AgreementForm(
        initial={"text": suggested if request.GET.get("suggested") or latest is None else latest.text}
    )
    if request.method == "POST":
        if request.POST.get("form") == "publish":
            _require_manager(request)
            publish_form = AgreementForm(request.POST)
            if publish_form.is_valid():
                try:
                    new = actions.publish_agreement(school, publish_form.cleaned_data["text"], request.user)
                except actions.SchoolError as exc:
                    publish_form.add_error("text", str(exc))
                else:
                    again = (
                        " Everyone must sign it before they can post."
                        if school.policy.accounts.agreement_required
                        else ""
                    )
                    messages.success(request, f"Agreement version {new.version} published.{again}")
                    return HttpResponseRedirect(reverse("schools:agreement"))
        else:
            sign_form = SignForm(request.POST)
            if sign_form.is_valid():
                chosen = Agreement.objects.filter(
                    school=school, version=sign_form.cleaned_data["version"]
                ).first()
                try:
                    if chosen is None:
                        raise actions.SchoolError(
                            "That version of the agreement no longer exists. Reload the page."
                        )
                    actions.sign_agreement(membership, chosen, sign_form.cleaned_data["typed_name"])
                except actions.SchoolError as exc:
                    sign_form.add_error("typed_name", str(exc))
                else:
                    messages.success(
                        request, f"Thank you: you signed version {chosen.version} of the agreement."
                    )
                    return HttpResponseRedirect(reverse("schools:agreement"))
    mine = (
        Signature.objects.filter(user=membership.user, agreement__school=school)
        .select_related("agreement")
        .order_by("-agreement__version")
        .first()
    )
    context = _base(
        request,
        "agreement",
        agreement=latest,
        my_signature=mine if mine and latest and mine.agreement_id == latest.pk else None,
        my_older_signature=mine if mine and latest and mine.agreement_id != latest.pk else None,
        sign_form=sign_form,
        publish_form=publish_form,
        required=school.policy.accounts.agreement_required,
        my_name=_name(request.user),
        signatories=_signatories(school, latest)
        if permissions.can_view_school_settings(membership)
        else None,
        can_publish_agreement=can_manage,
        why_cannot_post=permissions.why_cannot_publish(membership),
    )
    return render(request, "schools/agreement.html", context)


def _signatories(school: Any, latest: Agreement | None) -> list[dict[str, Any]]:
    members = list(Membership.objects.filter(school=school, is_active=True).select_related("user"))
    signatures: dict[int, Signature] = {}
    for sig in (
        Signature.objects.filter(agreement__school=school)
        .select_related("agreement")
        .order_by("agreement__version")
    ):
        signatures[sig.user_id] = sig  # the latest version each person signed
    rows = []
    for m in members:
        signed = signatures.get(m.user_id)
        current = signed is not None and latest is not None and signed.agreement_id == latest.pk
        rows.append((current, ROLE_ORDER.get(m.role, 99), _name(m.user).casefold(), m, signed))
    rows.sort(key=lambda r: r[:3])
    return [
        {"m": m, "name": _name(m.user), "signature": signed, "current": current}
        for current, _, _, m, signed in rows
    ]

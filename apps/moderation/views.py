"""The moderation inbox, its items and the e-safety record (COU-11, COU-12, RAC-12, SUT-10, CAT-04)."""

from __future__ import annotations

import csv
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.audit.actions import record
from apps.moderation import actions, answers, display, evidence, ingest, reports
from apps.moderation.models import Evidence, InboxItem, Incident, Label, Reply
from apps.moderation.permissions import can_act, can_edit_record, can_view_inbox, can_view_record
from apps.platforms.models import Connection
from apps.schools.models import Account, Membership
from apps.schools.permissions import can_approve, can_publish
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required

PAGE_SIZE = 25
#: Pinned items shown above the list; the rest are a click away (the "Needs someone now" filter).
PINNED_SHOWN = 10
#: The columns a row of the list shows.
ROW_FIELDS = (
    "id",
    "account__name",
    "platform",
    "kind",
    "text",
    "author_handle",
    "posted_at",
    "label",
    "escalate",
    "pinned",
    "state",
    "taken_by__first_name",
    "taken_by__last_name",
    "taken_by__username",
)
PLATFORMS = (("x", "X"), ("bluesky", "Bluesky"), ("mastodon", "Mastodon"))
STATES = (("pinned", "Needs someone now (pinned)"), ("open", "Needing attention"), *InboxItem.State.choices)


def _membership(request: SchoolRequest) -> Membership:
    return request.membership


def _rows(items: QuerySet[InboxItem]) -> QuerySet[InboxItem]:
    return items.select_related("account", "taken_by").only(*ROW_FIELDS)


def _item(request: SchoolRequest, pk: int) -> InboxItem:
    return get_for_school(
        InboxItem.objects.select_related("account", "school", "taken_by", "connection"), request, pk=pk
    )


# --- the inbox --------------------------------------------------------------------------------


@require_GET
@school_member_required(check=can_view_inbox)
def inbox(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    items = InboxItem.objects.filter(school=school)
    chosen: dict[str, str] = {}
    account = request.GET.get("account", "")
    if account.isdigit() and Account.objects.filter(school=school, pk=int(account)).exists():
        # The account is the school's, so its items are: the (account, pinned, posted_at) index serves this.
        items = InboxItem.objects.filter(account_id=int(account))
        chosen["account"] = account
    platform = request.GET.get("platform", "")
    if platform in dict(PLATFORMS):
        items = items.filter(platform=platform)
        chosen["platform"] = platform
    label = request.GET.get("label", "")
    if label in Label.values:
        items = items.filter(label=label)
        chosen["label"] = label
    state = request.GET.get("state", "")
    only_pinned = state == "pinned"
    if only_pinned:
        chosen["state"] = state
    elif state == "open":
        items = items.filter(state__in=[InboxItem.State.NEW, InboxItem.State.TAKEN])
        chosen["state"] = state
    elif state in InboxItem.State.values:
        items = items.filter(state=state)
        chosen["state"] = state
    newest = ("-posted_at", "-pk")
    # Pinned items (escalated, not yet taken) are few and sit above the list on the first page.
    pinned_items = (
        [] if only_pinned else list(_rows(items.filter(pinned=True).order_by(*newest)[: PINNED_SHOWN + 1]))
    )
    # The list pages over ids alone (an index-only scan, however deep the page), then reads its rows.
    page = Paginator(
        items.filter(pinned=only_pinned).order_by(*newest).values_list("pk", flat=True), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = {row.pk: row for row in _rows(InboxItem.objects.filter(pk__in=list(page.object_list)))}
    listed = [rows[pk] for pk in page.object_list if pk in rows]
    context = {
        "page": page,
        "listed": listed,
        "pinned_items": pinned_items[:PINNED_SHOWN] if page.number == 1 else [],
        "more_pinned": len(pinned_items) > PINNED_SHOWN,
        "chosen": chosen,
        "query": urlencode(chosen),
        "accounts": Account.objects.filter(school=school, is_active=True).order_by("-kind", "name"),
        "platforms": PLATFORMS,
        "labels": Label.choices,
        "states": STATES,
        "pinned": InboxItem.objects.filter(school=school, pinned=True).count(),
        "can_act": can_act(membership),
        "can_view_record": can_view_record(membership),
    }
    template = "moderation/inbox.html#results" if getattr(request, "htmx", False) else "moderation/inbox.html"
    return render(request, template, context)


@require_GET
@school_member_required(check=can_view_inbox)
def item(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    found = _item(request, pk)
    options = actions.options(found)
    context = {
        "item": found,
        "segments": display.segments(found.text, found.reasons),
        "bio_segments": display.segments(found.author_bio, found.reasons, "author_bio"),
        "meaning": display.MEANING.get(Label(found.label), ""),
        "policy_says": display.policy_says(found),
        "options": options,
        "can_act": can_act(membership),
        "images": found.images.all(),
        "evidence": found.evidence.all(),
        "history": found.actions.select_related("by"),
        "incidents": found.incidents.all(),
        "answered_offline": found.label == Label.NEUTRAL
        and found.school.policy.interaction.replies != "open",
        "can_edit_record": can_edit_record(membership),
        "can_answer": answers.can_answer(found) and can_publish(membership),
        "answers": [
            (
                answer,
                answer.status == Reply.Status.WAITING
                and can_approve(membership, found.account, answer.author_id),
            )
            for answer in found.replies.select_related("author", "approved_by")
        ],
    }
    return render(request, "moderation/item.html", context)


@require_POST
@school_member_required(check=can_view_inbox)
def item_take(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _item(request, pk)
    try:
        actions.take(found, _membership(request))
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "You have taken this item. Others can see you are dealing with it.")
    return redirect("moderation:item", pk=found.pk)


@require_POST
@school_member_required(check=can_view_inbox)
def item_act(request: SchoolRequest, pk: int, action: str) -> HttpResponse:
    found = _item(request, pk)
    if action not in actions.LABELS:
        raise Http404
    try:
        done = actions.act(found, _membership(request), action, request.POST.get("note", "")[:1000])
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        kept = " The evidence was kept first." if done.evidence_id else ""
        messages.success(request, f"{actions.LABELS[action]}: done. {done.detail}{kept}")
    return redirect("moderation:item", pk=found.pk)


@require_POST
@school_member_required(check=can_view_inbox)
def item_answer(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _item(request, pk)
    try:
        answer = answers.write(found, _membership(request), request.POST.get("text", "")[:5000])
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if answer.status == Reply.Status.PUBLISHED:
            messages.success(request, "Your answer is published as a reply.")
        else:
            messages.success(request, "Your answer is waiting for approval, as the school's policy says.")
    return redirect("moderation:item", pk=found.pk)


@require_POST
@school_member_required(check=can_view_inbox)
def answer_approve(request: SchoolRequest, pk: int) -> HttpResponse:
    answer = get_for_school(Reply.objects.select_related("item__account"), request, pk=pk)
    try:
        answers.approve(answer, _membership(request))
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Approved and published as a reply.")
    return redirect("moderation:item", pk=answer.item_id)


@require_POST
@school_member_required(check=can_view_inbox)
def item_state(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _item(request, pk)
    try:
        actions.set_state(found, _membership(request), request.POST.get("state", ""))
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Marked “{InboxItem.State(found.state).label.lower()}”.")
    return redirect("moderation:item", pk=found.pk)


@require_POST
@school_member_required(check=can_view_inbox)
def item_keep(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    found = _item(request, pk)
    if not can_act(membership):
        raise PermissionDenied("Your role does not deal with the inbox.")
    kept = evidence.keep(found, membership.user, "kept by hand")
    messages.success(request, f"The evidence is kept (SHA-256 {kept.sha256[:16]}…). Download it below.")
    return redirect("moderation:item", pk=found.pk)


@require_GET
@school_member_required(check=lambda m: can_view_inbox(m) or can_view_record(m))
def evidence_download(request: SchoolRequest, pk: int) -> HttpResponse:
    kept = get_for_school(Evidence.objects.select_related("item"), request, pk=pk)
    response = HttpResponse(bytes(kept.bundle), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{kept.filename}"'
    response["X-Content-SHA256"] = kept.sha256
    response["Cache-Control"] = "no-store"
    return response


# --- reading settings on the connections page ------------------------------------------------


@require_POST
@school_member_required(check=lambda m: m.is_active and m.is_senior)
def reading_interval(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection, request, pk=pk)
    minutes = request.POST.get("minutes", "")
    if not minutes.isdigit() or int(minutes) not in ingest.X_INTERVALS:
        messages.error(request, "Choose one of the intervals in the list.")
        return redirect("platforms:connections")
    state = ingest.state_for(connection)
    state.interval_minutes = int(minutes)
    state.save(update_fields=["interval_minutes"])
    record(
        connection.school,
        request.user,
        "inbox.interval",
        f"Replies and mentions on {connection.kind} for {connection.account.name} are now read every {minutes} minutes",
        connection,
        {"minutes": int(minutes)},
    )
    messages.success(
        request, f"Safepost now reads {connection.handle or 'this account'} every {minutes} minutes."
    )
    return redirect("platforms:connections")


# --- the e-safety record -----------------------------------------------------------------------


def _incidents(request: SchoolRequest) -> tuple[Any, dict[str, str]]:
    school = _membership(request).school
    found = Incident.objects.filter(school=school).select_related("owner", "opened_by")
    chosen: dict[str, str] = {}
    status = request.GET.get("status", "")
    if status in Incident.Status.values:
        found = found.filter(status=status)
        chosen["status"] = status
    if request.GET.get("authority") in ("yes", "no"):
        found = found.filter(reported_to_authority=request.GET["authority"] == "yes")
        chosen["authority"] = request.GET["authority"]
    if request.GET.get("breach") in ("yes", "no"):
        found = found.filter(staff_conduct_breach=request.GET["breach"] == "yes")
        chosen["breach"] = request.GET["breach"]
    return found.order_by("-opened_at"), chosen


@require_GET
@school_member_required(check=can_view_record)
def incidents(request: SchoolRequest) -> HttpResponse:
    found, chosen = _incidents(request)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/incidents.html",
        {
            "page": page,
            "chosen": chosen,
            "query": urlencode(chosen),
            "statuses": Incident.Status.choices,
            "can_edit": can_edit_record(_membership(request)),
        },
    )


@require_GET
@school_member_required(check=can_view_record)
def incidents_csv(request: SchoolRequest) -> HttpResponse:
    found, _ = _incidents(request)
    buffer = _Echo()
    writer = csv.writer(buffer)
    lines = (writer.writerow(row) for row in [list(reports.CSV_HEADER), *reports.rows(found.iterator())])
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="e-safety-record.csv"'
    response["Cache-Control"] = "no-store"
    return response  # type: ignore[return-value]  # school_member_required is typed for HttpResponse


class _Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


@require_GET
@school_member_required(check=can_view_record)
def incidents_pdf(request: SchoolRequest) -> HttpResponse:
    found, chosen = _incidents(request)
    membership = _membership(request)
    data = reports.pdf(membership.school, list(found.prefetch_related("notes__author", "items")), chosen)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="e-safety-record.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@school_member_required(check=can_edit_record)
def incident_new(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    ids = [int(i) for i in request.GET.getlist("item") + request.POST.getlist("item") if i.isdigit()]
    items = list(InboxItem.objects.filter(school=membership.school, pk__in=ids))
    if request.method == "POST":
        title = request.POST.get("title", "").strip()
        if not title:
            messages.error(
                request, "Give the incident a short title, such as “Threat to a member of staff on X”."
            )
        else:
            incident = actions.open_incident(membership, title, request.POST.get("description", ""), items)
            messages.success(request, f"Incident {incident.number} is on the e-safety record.")
            return redirect("moderation:incident", pk=incident.pk)
    return render(request, "moderation/incident_new.html", {"items": items})


def _staff(membership: Membership) -> Any:
    return (
        get_user_model()
        .objects.filter(memberships__school=membership.school, memberships__is_active=True)
        .exclude(memberships__role="governor")
        .order_by("first_name", "last_name")
    )


@require_http_methods(["GET", "POST"])
@school_member_required(check=can_view_record)
def incident(request: SchoolRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    found = get_for_school(Incident.objects.select_related("owner", "opened_by"), request, pk=pk)
    editable = can_edit_record(membership)
    staff = _staff(membership) if editable else []
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("Governors read the e-safety record; senior leaders change it.")
        problems, changes = _incident_changes(request.POST, staff)
        if problems:
            for problem in problems:
                messages.error(request, problem)
        else:
            changed = actions.update_incident(found, membership, changes)
            note = request.POST.get("note", "").strip()
            if note:
                actions.add_note(found, membership, note)
            messages.success(request, "Saved." if changed or note else "Nothing was changed.")
            return redirect("moderation:incident", pk=found.pk)
    return render(
        request,
        "moderation/incident.html",
        {
            "incident": found,
            "items": found.items.select_related("account"),
            "notes": found.notes.select_related("author"),
            "editable": editable,
            "staff": staff,
            "statuses": Incident.Status.choices,
        },
    )


def _incident_changes(data: Any, staff: Any) -> tuple[list[str], dict[str, Any]]:
    problems: list[str] = []
    changes: dict[str, Any] = {}
    title = str(data.get("title", "")).strip()
    if not title:
        problems.append("The title cannot be empty.")
    changes["title"] = title[:200]
    for name in ("description", "actions_taken", "outcome", "authority_reference"):
        changes[name] = str(data.get(name, "")).strip()
    status = data.get("status", "")
    if status not in Incident.Status.values:
        problems.append("Choose a status from the list.")
    changes["status"] = status
    changes["reported_to_authority"] = data.get("reported_to_authority") == "on"
    changes["staff_conduct_breach"] = data.get("staff_conduct_breach") == "on"
    reported_on = str(data.get("authority_reported_on", "")).strip()
    changes["authority_reported_on"] = None
    if reported_on:
        try:
            changes["authority_reported_on"] = date.fromisoformat(reported_on)
        except ValueError:
            problems.append(f"“{reported_on}” is not a date; use the date picker (day, month, year).")
    owner = str(data.get("owner", ""))
    changes["owner"] = None
    if owner:
        chosen = next((user for user in staff if str(user.pk) == owner), None)
        if chosen is None:
            problems.append("The owner must be a member of staff at the school.")
        changes["owner"] = chosen
    return problems, changes


@require_POST
@school_member_required(check=can_edit_record)
def incident_link(request: SchoolRequest, pk: int) -> HttpResponse:
    found = get_for_school(Incident, request, pk=pk)
    item_id = request.POST.get("item", "")
    item_found = (
        InboxItem.objects.filter(school=found.school, pk=int(item_id)).first() if item_id.isdigit() else None
    )
    if item_found is None:
        raise Http404
    actions.link_items(found, _membership(request), [item_found])
    messages.success(request, f"Added to incident {found.number}.")
    return redirect("moderation:item", pk=item_found.pk)

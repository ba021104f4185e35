"""The follower review, follow requests and staff personal accounts (CAT-11, NNF-03, SUT-09, RAC-09, COU-04)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.followers import actions, review
from apps.followers.models import Follower, IngestState, PersonalAccount
from apps.followers.permissions import can_review, can_view, reviewer_roles
from apps.followers.tasks import ingest_connection
from apps.platforms.models import Connection
from apps.schools.models import Account, Membership
from apps.schools.scoping import get_for_school, school_member_required

PAGE_SIZE = 25
ROW_FIELDS = (
    "id",
    "school_id",
    "account__name",
    "platform",
    "relation",
    "handle",
    "display_name",
    "bio",
    "avatar",
    "joined_at",
    "posts_count",
    "followers_count",
    "following_count",
    "url",
    "first_seen_at",
    "still_following",
    "deleted",
    "signals",
    "flagged",
    "recommended",
    "recommended_reason",
    "staff_certain",
    "state",
    "decided_at",
    "decision_reason",
    "decided_by__first_name",
    "decided_by__last_name",
    "decided_by__username",
)
PLATFORMS = (("x", "X"), ("bluesky", "Bluesky"), ("mastodon", "Mastodon"))
SHOW = (
    ("waiting", "Waiting for review"),
    ("flagged", "Waiting, flagged"),
    ("staff", "Staff personal accounts"),
    ("decided", "Decided"),
    ("all", "Everyone"),
)


def _membership(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined]


def _follower(request: HttpRequest, pk: int) -> Follower:
    return get_for_school(
        Follower.objects.select_related("account", "school", "connection", "decided_by", "staff"),
        request,
        pk=pk,
    )


def _filtered(request: HttpRequest) -> tuple[QuerySet[Follower], dict[str, str]]:
    school = _membership(request).school
    found = Follower.objects.filter(school=school, relation=Follower.Relation.FOLLOWER)
    chosen: dict[str, str] = {}
    account = request.GET.get("account", "")
    if account.isdigit() and Account.objects.filter(school=school, pk=int(account)).exists():
        found = found.filter(account_id=int(account))
        chosen["account"] = account
    platform = request.GET.get("platform", "")
    if platform in dict(PLATFORMS):
        found = found.filter(platform=platform)
        chosen["platform"] = platform
    show = request.GET.get("show", "waiting")
    if show not in dict(SHOW):
        show = "waiting"
    if show != "waiting":
        chosen["show"] = show
    if show == "waiting":
        found = found.filter(state=Follower.State.PENDING)
    elif show == "flagged":
        found = found.filter(state=Follower.State.PENDING, flagged=True)
    elif show == "staff":
        found = found.filter(staff__isnull=False)
    elif show == "decided":
        found = found.exclude(state=Follower.State.PENDING)
    return found, chosen


@require_GET
@school_member_required(check=can_view)
def queue(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    found, chosen = _filtered(request)
    # Page over ids alone (an index scan however deep the page), then read the page's rows.
    page = Paginator(
        found.order_by("-first_seen_at", "-pk").values_list("pk", flat=True), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = {
        row.pk: row
        for row in Follower.objects.filter(pk__in=list(page.object_list))
        .select_related("account", "decided_by")
        .only(*ROW_FIELDS)
    }
    listed = [rows[pk] for pk in page.object_list if pk in rows]
    context = {
        "page": page,
        "listed": listed,
        "chosen": chosen,
        "query": urlencode(chosen),
        "show": chosen.get("show", "waiting"),
        "shows": SHOW,
        "platforms": PLATFORMS,
        "accounts": Account.objects.filter(school=school, is_active=True).order_by("-kind", "name"),
        "can_review": can_review(membership),
        "reviewers": reviewer_roles(membership),
    }
    if getattr(request, "htmx", False):
        return render(request, "followers/queue.html#results", context)
    now = timezone.now()
    state = review.status(school, now)
    context.update(
        {
            "status": state,
            "last_words": state.last_in_words(school, now),
            "cadence_words": review.CADENCE_WORDS.get(state.cadence, state.cadence),
            "staff_policy": school.policy.following.staff_personal_followers,
            "unflagged": state.waiting - state.flagged,
            "readings": IngestState.objects.filter(
                connection__school=school, connection__status=Connection.Status.ACTIVE
            ).select_related("connection__account"),
            "connections": Connection.objects.filter(
                school=school, status=Connection.Status.ACTIVE
            ).select_related("account"),
        }
    )
    return render(request, "followers/queue.html", context)


@require_GET
@school_member_required(check=can_view)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    follower = _follower(request, pk)
    context = {
        "f": follower,
        "options": actions.options(follower),
        "can_review": can_review(membership),
        "reviewers": reviewer_roles(membership),
        "history": follower.decisions.select_related("by"),
    }
    return render(request, "followers/detail.html", context)


def _back(request: HttpRequest, fallback: str, **kwargs: Any) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback, **kwargs)


@require_POST
@school_member_required(check=can_view)
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    follower = _follower(request, pk)
    action = request.POST.get("action", "")
    if action not in actions.LABELS:
        messages.error(request, "Choose keep, remove, block or report.")
        return _back(request, "followers:detail", pk=follower.pk)
    try:
        decision = actions.decide(
            follower,
            _membership(request),
            action,
            request.POST.get("reason", ""),
            by_hand=request.POST.get("by_hand") == "1",
        )
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if getattr(request, "htmx", False):
            follower.refresh_from_db()
            return render(
                request,
                "followers/queue.html#row",
                {"f": follower, "can_review": True, "done": decision.detail},
            )
        messages.success(request, f"{actions.LABELS[action]}: {decision.detail}")
    return _back(request, "followers:detail", pk=follower.pk)


@require_POST
@school_member_required(check=can_view)
def bulk(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "")
    school = membership.school
    if request.POST.get("scope") == "unflagged":
        chosen = list(
            Follower.objects.filter(
                school=school,
                relation=Follower.Relation.FOLLOWER,
                state=Follower.State.PENDING,
                flagged=False,
            ).select_related("school", "account")
        )
        action = "keep"
        reason = reason or "Nothing in their profiles gave cause for concern."
    else:
        ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()][:5000]
        chosen = list(
            Follower.objects.filter(school=school, pk__in=ids, state=Follower.State.PENDING).select_related(
                "school", "account", "connection", "staff"
            )
        )
    if action not in actions.LABELS:
        messages.error(request, "Choose what to do with the followers you ticked.")
        return _back(request, "followers:queue")
    if not chosen:
        messages.error(request, "Tick at least one follower waiting for review first.")
        return _back(request, "followers:queue")
    try:
        outcome = actions.decide_many(
            chosen, membership, action, reason, by_hand=request.POST.get("by_hand") == "1"
        )
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return _back(request, "followers:queue")
    if outcome.done:
        messages.success(
            request,
            f"{actions.LABELS[action]}: done for {outcome.done} follower{'s' if outcome.done != 1 else ''}.",
        )
    for failure in (outcome.failed or [])[:10]:
        messages.error(request, failure)
    return _back(request, "followers:queue")


@require_POST
@school_member_required(check=can_view)
def finish(request: HttpRequest) -> HttpResponse:
    try:
        done = actions.finish_review(_membership(request), request.POST.get("note", ""))
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"The follower review is recorded as done ({done.decided} decisions since the last one)."
        )
    return redirect("followers:queue")


@require_POST
@school_member_required(check=can_view)
def read_now(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    connection = get_for_school(Connection.objects.select_related("account"), request, pk=pk)
    if not can_review(membership):
        messages.error(
            request, f"The school's policy says the {reviewer_roles(membership)} review followers."
        )
    elif connection.status != Connection.Status.ACTIVE:
        messages.error(request, "That account is not connected now; reconnect it first.")
    else:
        ingest_connection.enqueue(connection.pk)
        messages.success(
            request,
            f"Safepost is reading the followers of {connection.account.name} on {connection.kind.title()}. "
            "Reload this page in a minute.",
        )
    return redirect("followers:queue")


# --- follow requests on a protected account (COU-04) --------------------------------------------


@require_GET
@school_member_required(check=can_view)
def requests(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    waiting = Follower.objects.filter(
        school=school, relation=Follower.Relation.REQUEST, state=Follower.State.PENDING
    ).select_related("account")
    answered = (
        Follower.objects.filter(school=school, decisions__action__in=["approve", "reject"])
        .select_related("account", "decided_by")
        .distinct()
        .order_by("-decided_at")[:20]
    )
    context = {
        "waiting": list(waiting.order_by("-first_seen_at")[:200]),
        "answered": answered,
        "can_review": can_review(membership),
        "reviewers": reviewer_roles(membership),
        "protected": school.policy.interaction.visibility == "followers-only",
    }
    return render(request, "followers/requests.html", context)


@require_POST
@school_member_required(check=can_view)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    follower = _follower(request, pk)
    choice = request.POST.get("decision", "")
    if choice not in ("approve", "reject"):
        messages.error(request, "Choose approve or turn down.")
        return redirect("followers:requests")
    try:
        actions.answer_request(
            follower, _membership(request), choice == "approve", request.POST.get("reason", "")
        )
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            f"{follower.handle} may now follow the school."
            if choice == "approve"
            else f"The request from {follower.handle} is turned down.",
        )
    return redirect("followers:requests")


# --- staff: my personal accounts (RAC-09) -------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required(check=lambda m: m.is_active)
def mine(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if request.method == "POST":
        try:
            added = actions.declare(membership, request.POST.get("handle", ""))
        except actions.ActionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Added {added.handle}. The follower review will recognise it.")
        return redirect("followers:mine")
    policy = membership.school.policy.following.staff_personal_followers
    context = {
        "accounts": PersonalAccount.objects.filter(school=membership.school, user=membership.user),
        "policy": policy,
    }
    return render(request, "followers/mine.html", context)


@require_POST
@school_member_required(check=lambda m: m.is_active)
def mine_forget(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    account = PersonalAccount.objects.filter(pk=pk, school=membership.school, user=membership.user).first()
    if account is None:
        raise Http404
    actions.forget(account, membership)
    messages.success(request, f"Removed {account.handle} from your personal accounts.")
    return redirect("followers:mine")

"""Whom the school follows: the list, proposing a follow, deciding it, and reviewing followed accounts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.following import actions, sync, tasks
from apps.following.models import FollowedAccount, FollowingReview, FollowingSync, FollowProposal
from apps.following.permissions import can_decide, can_propose, can_view
from apps.platforms import registry
from apps.platforms.models import Connection
from apps.platforms.wording import roles_in_words
from apps.schools.models import Account, Membership
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from safepost.accounts.following import CATEGORIES, EDUCATIONAL

PAGE_SIZE = 50
#: The columns a row of the list shows.
ROW_FIELDS = (
    "id",
    "account__name",
    "platform",
    "handle",
    "display_name",
    "bio",
    "status",
    "category",
    "justification",
    "flags",
    "missing",
)
SHOW = {
    "review": "Needs a review",
    "kept": "Kept",
    "all": "Everything followed",
    "ended": "No longer followed",
}
POLICY_WORDS = {
    "educational-only": (
        "The school follows only educationally linked accounts: schools, organisations working with "
        "children, local media and authors. Each follow is approved by {approvers}."
    ),
    "case-by-case": (
        "Each account the school follows is decided case by case by {approvers}, and only accounts with "
        "a clear benefit to the pupils are followed."
    ),
    "any": "Staff may choose whom the school follows; each follow still needs its reason, kept on record.",
}


def _membership(request: SchoolRequest) -> Membership:
    return request.membership


def _policy_words(membership: Membership) -> str:
    following = membership.school.policy.following
    return POLICY_WORDS[following.follows].format(approvers=roles_in_words(following.follow_approver))


def _connections(membership: Membership) -> list[Connection]:
    return list(
        Connection.objects.filter(school=membership.school, status=Connection.Status.ACTIVE)
        .select_related("account", "following_sync")
        .order_by("account__kind", "account__name", "kind")
    )


@require_GET
@school_member_required(check=can_view)
def followed_list(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    rows = FollowedAccount.objects.filter(school=school)
    needs_review = Q(status=FollowedAccount.Status.FIRST_REVIEW) | (
        Q(status=FollowedAccount.Status.KEPT) & ~Q(flags=[])
    )
    waiting = rows.filter(needs_review).count()
    show = request.GET.get("show", "")
    if show not in SHOW:
        show = "review" if waiting else "all"
    if show == "review":
        rows = rows.filter(needs_review)
    elif show == "kept":
        rows = rows.filter(status=FollowedAccount.Status.KEPT)
    elif show == "ended":
        rows = rows.filter(status__in=[FollowedAccount.Status.UNFOLLOWED, FollowedAccount.Status.GONE])
    else:
        rows = rows.filter(status__in=FollowedAccount.FOLLOWING)
    account = request.GET.get("account", "")
    if account.isdigit():
        rows = rows.filter(account_id=int(account))
    # The list pages over ids alone (however deep the page), then reads its rows.
    page = Paginator(
        rows.order_by("account_id", "platform", "handle", "pk").values_list("pk", flat=True), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    found = {
        row.pk: row
        for row in FollowedAccount.objects.filter(pk__in=list(page.object_list))
        .select_related("account")
        .only(*ROW_FIELDS)
    }
    listed = [found[pk] for pk in page.object_list if pk in found]
    proposals = FollowProposal.objects.filter(school=school).select_related("account", "proposed_by")
    context = {
        "page": page,
        "listed": listed,
        "show": show,
        "shows": SHOW,
        "waiting": waiting,
        "chosen_account": account,
        "accounts": Account.objects.filter(school=school, is_active=True),
        "open_proposals": proposals.filter(state__in=FollowProposal.OPEN)[:50],
        "recent_proposals": proposals.exclude(state__in=FollowProposal.OPEN)[:10],
        "connections": _connections(membership),
        "last_review": FollowingReview.objects.filter(school=school).first(),
        "policy_words": _policy_words(membership),
        "can_propose": can_propose(membership),
        "can_decide": can_decide(membership),
    }
    template = "following/list.html#rows" if request.htmx else "following/list.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@school_member_required(check=can_propose)
def propose(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    connections = _connections(membership)
    chosen = {
        "connection": request.POST.get("connection", ""),
        "target": request.POST.get("target", "")[:300],
        "category": request.POST.get("category", ""),
        "reason": request.POST.get("reason", "")[:2000],
    }
    if request.method == "POST":
        connection = next((c for c in connections if str(c.pk) == chosen["connection"]), None)
        try:
            if connection is None:
                raise actions.Refused("Choose which of the school's connected accounts should follow it.")
            proposal = actions.propose(
                membership,
                connection.account,
                connection.kind,
                chosen["target"],
                chosen["category"],
                chosen["reason"],
            )
        except actions.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            if proposal.state == FollowProposal.State.WAITING:
                messages.success(
                    request,
                    f"Proposed. {roles_in_words(membership.school.policy.following.follow_approver).capitalize()} "
                    "will decide; you will see the decision in your notifications.",
                )
            else:
                messages.success(request, "Approved: Safepost is following the account now.")
            return redirect("following:proposal", pk=proposal.pk)
    context = {
        "connections": connections,
        "categories": CATEGORIES,
        "educational": EDUCATIONAL,
        "chosen": chosen,
        "policy_words": _policy_words(membership),
        "follows": membership.school.policy.following.follows,
    }
    return render(request, "following/propose.html", context, status=400 if request.method == "POST" else 200)


def _proposal(request: SchoolRequest, pk: int) -> FollowProposal:
    return get_for_school(
        FollowProposal.objects.select_related("account", "proposed_by", "decided_by", "followed"),
        request,
        pk=pk,
    )


@require_GET
@school_member_required(check=can_view)
def proposal(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _proposal(request, pk)
    return _proposal_page(request, found)


def _proposal_page(request: SchoolRequest, found: FollowProposal, status: int = 200) -> HttpResponse:
    membership = _membership(request)
    context = {
        "proposal": found,
        "category": CATEGORIES.get(found.category, ""),
        "platform": registry.label_of(found.platform),
        "can_decide": can_decide(membership) and found.state == FollowProposal.State.WAITING,
        "can_withdraw": found.proposed_by_id == membership.user_id
        and found.state == FollowProposal.State.WAITING,
        "approvers": roles_in_words(membership.school.policy.following.follow_approver),
        "policy_words": _policy_words(membership),
        "profile_url": sync.profile_url(found.platform, found.target),
    }
    template = "following/proposal.html#decision" if request.htmx else "following/proposal.html"
    return render(request, template, context, status=status)


@require_POST
@school_member_required(check=can_view)
def decide(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _proposal(request, pk)
    membership = _membership(request)
    decision = request.POST.get("decision", "")
    note = request.POST.get("note", "")[:2000]
    try:
        if decision == "approve":
            actions.approve(found, membership, note)
            messages.success(request, f"Approved. Safepost is following @{found.target} now.")
        elif decision == "refuse":
            actions.refuse(found, membership, note)
            messages.success(request, "Refused. Whoever proposed it has been told why.")
        elif decision == "withdraw":
            actions.withdraw(found, membership)
            messages.success(request, "Withdrawn.")
        else:
            raise actions.Refused("Choose approve or refuse.")
    except actions.Refused as refusal:
        messages.error(request, str(refusal))
        if request.htmx:
            return _proposal_page(request, _proposal(request, pk), status=400)
    if request.htmx:
        return _proposal_page(request, _proposal(request, pk))
    return redirect("following:proposal", pk=found.pk)


def _followed(request: SchoolRequest, pk: int) -> FollowedAccount:
    return get_for_school(FollowedAccount.objects.select_related("account", "reviewed_by"), request, pk=pk)


@require_GET
@school_member_required(check=can_view)
def followed(request: SchoolRequest, pk: int) -> HttpResponse:
    return _followed_page(request, _followed(request, pk))


def _followed_page(
    request: SchoolRequest, found: FollowedAccount, status: int = 200, **extra: Any
) -> HttpResponse:
    membership = _membership(request)
    context = {
        "row": found,
        "platform": registry.label_of(found.platform),
        "categories": CATEGORIES,
        "category": CATEGORIES.get(found.category, ""),
        "can_decide": can_decide(membership)
        and found.status in (FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Status.KEPT),
        "policy_words": _policy_words(membership),
        "follows": membership.school.policy.following.follows,
        "educational": EDUCATIONAL,
        "proposals": found.proposals.select_related("proposed_by", "decided_by"),
        "chosen": extra.get("chosen") or {"category": found.category, "justification": found.justification},
    }
    template = "following/followed.html#review" if request.htmx else "following/followed.html"
    return render(request, template, context, status=status)


@require_POST
@school_member_required(check=can_view)
def keep(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _followed(request, pk)
    chosen = {
        "category": request.POST.get("category", ""),
        "justification": request.POST.get("justification", "")[:2000],
    }
    try:
        actions.keep(found, _membership(request), chosen["category"], chosen["justification"])
    except actions.Refused as refusal:
        messages.error(request, str(refusal))
        return _followed_page(request, _followed(request, pk), status=400, chosen=chosen)
    messages.success(
        request, f"Kept: the school goes on following @{found.handle}, with its reason on record."
    )
    if request.htmx:
        return _followed_page(request, _followed(request, pk))
    return redirect("following:followed", pk=found.pk)


@require_POST
@school_member_required(check=can_view)
def unfollow(request: SchoolRequest, pk: int) -> HttpResponse:
    found = _followed(request, pk)
    try:
        actions.unfollow(found, _membership(request), request.POST.get("reason", "")[:2000])
    except actions.Refused as refusal:
        messages.error(request, str(refusal))
        return _followed_page(request, _followed(request, pk), status=400)
    messages.success(
        request,
        f"Unfollowing @{found.handle}: Safepost is doing it on {registry.label_of(found.platform)} now.",
    )
    if request.htmx:
        return _followed_page(request, _followed(request, pk))
    return redirect("following:followed", pk=found.pk)


@require_POST
@school_member_required(check=can_decide)
def review_now(request: SchoolRequest) -> HttpResponse:
    tasks.review_following.enqueue(request.school.pk)
    messages.success(
        request, "The review is running: flagged accounts appear under “Needs a review” within a minute."
    )
    return redirect(reverse("following:list") + "?show=review")


@require_POST
@school_member_required(check=can_decide)
def read_now(request: SchoolRequest, pk: int) -> HttpResponse:
    connection = get_for_school(Connection, request, pk=pk, status=Connection.Status.ACTIVE)
    FollowingSync.objects.filter(connection=connection).update(last_error="")
    tasks.read_following.enqueue(connection.pk)
    messages.success(
        request,
        f"Reading whom {connection.account.name} follows on {registry.label_of(connection.kind)}: refresh in a minute.",
    )
    return redirect("following:list")

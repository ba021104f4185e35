"""The signed-in member's notifications at their school."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from apps.notifications import actions
from apps.notifications.models import Notification
from apps.schools.models import Membership
from apps.schools.scoping import SchoolRequest, school_member_required


def _membership(request: SchoolRequest) -> Membership:
    return request.membership


@require_GET
@school_member_required()
def notifications(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    found = Notification.objects.filter(user=membership.user, school=membership.school).order_by(
        "read_at", "-urgent", "-created_at"
    )
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
@school_member_required()
def mark_read(request: SchoolRequest) -> HttpResponse:
    membership = _membership(request)
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()]
    actions.mark_read(membership.user, membership.school, ids or None)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")

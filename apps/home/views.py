"""The home page: a welcome for visitors, a dashboard for signed-in staff."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.audit.display import url_or_none
from apps.home import dashboard
from apps.schools.scoping import current_membership


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Visitors: what Safepost is. Members: what needs them at their school."""
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html", {"check_url": url_or_none("checker:check")})
    membership = current_membership(request)
    if membership is None:
        return render(request, "home/no_school.html", {"check_url": url_or_none("checker:check")})
    board = dashboard.build(membership, timezone.now())
    return render(request, "home/dashboard.html", {"board": board})

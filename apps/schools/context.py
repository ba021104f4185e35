"""Template context for every page: the member's school and the navigation their role allows."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from apps.schools import permissions
from apps.schools.scoping import current_membership

# (label, URL name, who sees it)
_NAV = [
    ("Posts", "posts:list", permissions.can_write),
    ("Write a post", "posts:compose", permissions.can_write),
    (
        "Approvals",
        "posts:approvals",
        lambda m: m.is_senior or m.school.accounts.filter(holder=m.user).exists(),
    ),
    ("Check a post", "checker:check", lambda m: True),
    ("School", "schools:settings", permissions.can_manage_school),
    ("Audit log", "audit:log", permissions.can_view_audit),
]


def school_nav(request: HttpRequest) -> dict[str, Any]:
    """``school``, ``membership`` and ``nav`` (label, url, current) for the signed-in member."""
    membership = current_membership(request) if hasattr(request, "user") else None
    if membership is None:
        return {"nav": []}
    nav = []
    for label, name, allowed in _NAV:
        if not allowed(membership):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # that part of the app is not installed
        nav.append({"label": label, "url": url, "current": request.path.startswith(url) and url != "/"})
    return {"nav": nav, "school": membership.school, "membership": membership}

"""Template context for every page: the member's school and the navigation their role allows."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from apps.moderation import permissions as moderation_permissions
from apps.notifications.models import Notification
from apps.schools import permissions
from apps.schools.scoping import current_membership

# (label, URL name, who sees it)
_NAV = [
    # Everyone may read what the school posts (governors included); only writers write.
    ("Posts", "posts:list", lambda m: m.is_active),
    ("Write a post", "posts:compose", permissions.can_write),
    (
        "Approvals",
        "posts:approvals",
        lambda m: m.is_senior or m.school.accounts.filter(holder=m.user).exists(),
    ),
    ("Check a post", "checker:check", lambda m: True),
    ("School", "schools:settings", permissions.can_view_school_settings),
    ("Consent", "schools:consent", permissions.can_view_consent),
    ("Agreement", "schools:agreement", lambda m: m.school.policy.accounts.agreement_required),
    ("Inbox", "moderation:inbox", moderation_permissions.can_view_inbox),
    ("E-safety record", "moderation:incidents", moderation_permissions.can_view_record),
    # Named, not imported: the followers app imports this one (schools), so importing it here would be a cycle.
    ("Followers", "followers:queue", lambda m: import_string("apps.followers.permissions.can_view")(m)),
    # Every active member sees whom the school follows (apps.following.permissions.can_view).
    ("Following", "following:list", lambda m: m.is_active),
    (
        "My personal accounts",
        "followers:mine",
        lambda m: m.school.policy.following.staff_personal_followers == "remove",
    ),
    ("Policy", "governance:index", lambda m: m.is_active),
    ("Audit log", "audit:log", permissions.can_view_audit),
    ("Duties", "reminders:duties", permissions.can_view_governance),
    ("Governors' report", "reports:governors", permissions.can_view_governance),
    ("Notifications", "notifications:list", lambda m: True),
    ("Security", "mfa_index", lambda m: True),
]


def school_nav(request: HttpRequest) -> dict[str, Any]:
    """``school``, ``membership`` and ``nav`` (label, url, current) for the signed-in member."""
    membership = current_membership(request) if hasattr(request, "user") else None
    if membership is None:
        return {"nav": []}
    nav: list[dict[str, Any]] = []
    for label, name, allowed in _NAV:
        if not allowed(membership):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # that part of the app is not installed
        if name == "notifications:list":
            unread = Notification.objects.filter(
                user=membership.user, school=membership.school, read_at__isnull=True
            ).count()
            label = f"Notifications ({unread})" if unread else label
        nav.append({"label": label, "url": url, "current": False})
    # The most specific link that holds this page is the current one ("Write a post", not "Posts").
    holding = [item for item in nav if request.path.startswith(item["url"]) and item["url"] != "/"]
    if holding:
        max(holding, key=lambda item: len(item["url"]))["current"] = True
    return {"nav": nav, "school": membership.school, "membership": membership}

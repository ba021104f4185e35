"""Two-step sign-in (TOTP) for the headteacher and senior leaders.

A member whose role needs it and who has no authenticator app set up yet can
only reach the sign-in pages (where they set it up), sign out and static
files; every other page sends them to set it up, with a message saying why.
Once set up, allauth asks for the code at every sign-in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse

from apps.schools.devices import restricted, whereabouts
from apps.schools.models import MFA_REQUIRED_ROLES, Membership
from apps.schools.scoping import current_membership


def needs_totp_setup(user: Any) -> Membership | None:
    """The membership that requires MFA when ``user`` has no TOTP authenticator, else ``None``."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = (
        Membership.objects.select_related("school")
        .filter(user=user, is_active=True, role__in=MFA_REQUIRED_ROLES)
        .order_by("pk")
        .first()
    )
    if membership is None:
        return None
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return None
    return membership


def _is_allowed(request: HttpRequest) -> bool:
    static = "/" + settings.STATIC_URL.lstrip("/")
    if request.path.startswith(static):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    # Everything allauth serves: sign-in, sign-out, e-mail, password and MFA pages.
    return match.func.__module__.startswith("allauth.")


class MfaRequiredMiddleware:
    """Send a member who must use MFA, and has not set it up, to allauth's TOTP activation page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _is_allowed(request):
            membership = needs_totp_setup(user)
            if membership is not None:
                return self._send_to_setup(request, membership)
        return self.get_response(request)

    def _send_to_setup(self, request: HttpRequest, membership: Membership) -> HttpResponse:
        url = reverse("mfa_activate_totp")
        if request.headers.get("HX-Request"):
            # htmx follows redirects into the fragment it asked for; make it load the page instead.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        messages.warning(
            request,
            f"As {membership.get_role_display().lower()} at {membership.school.name}, you need two-step "
            "sign-in to protect the school's accounts and pupils' details. Set up an authenticator app "
            "(such as Microsoft Authenticator or Google Authenticator) on your phone below; after that, "
            "Safepost asks for its six-digit code each time you sign in.",
        )
        return HttpResponseRedirect(url)


#: Pages anyone may reach off-site: signing in and out, and the page that explains school devices.
_OFF_SITE_PAGES = frozenset({"schools:devices", "schools:device_forget"})


class SchoolDeviceMiddleware:
    """Hold the roles the policy names to the school's networks and devices (CAT-01).

    With `devices.school_devices = "sign-in"` a held member off-site, on a device the school has
    not remembered, sees only the page explaining why (and can sign out); with `"publishing"` they
    may read anything but every change to posts and photos is refused with the same explanation.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or _is_allowed(request):
            return self.get_response(request)
        membership = current_membership(request)
        if membership is None or not restricted(membership):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.view_name in _OFF_SITE_PAGES:
            return self.get_response(request)
        mode = membership.school.policy.devices.school_devices
        if mode == "publishing" and not (match.namespace == "posts" and request.method == "POST"):
            return self.get_response(request)
        where = whereabouts(request, membership)
        if where.from_school:
            return self.get_response(request)
        return render(
            request,
            "schools/off_site.html",
            {"membership": membership, "where": where, "mode": mode},
            status=403,
        )

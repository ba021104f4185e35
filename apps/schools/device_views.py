"""School devices (CAT-01): which networks and devices Safepost may be used from."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.schools import actions, permissions
from apps.schools.devices import COOKIE_MAX_AGE, COOKIE_NAME, may_remember_device, restricted, whereabouts
from apps.schools.models import Membership, SchoolDevice
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required

MODES = {
    "off": "Safepost can be used from anywhere.",
    "sign-in": "Safepost can be used only from the school's network or a device the school has remembered.",
    "publishing": (
        "Posts can be read anywhere, but written, approved and sent only from the school's network or a "
        "device the school has remembered."
    ),
}


@require_http_methods(["GET", "POST"])
@school_member_required()
def devices(request: SchoolRequest) -> HttpResponse:
    membership: Membership = request.membership
    school = membership.school
    where = whereabouts(request, membership)
    if request.method == "POST":
        try:
            device, token = actions.remember_device(membership, request.POST.get("name", ""), where)
        except actions.SchoolError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"This device is now remembered as “{device.name}”.")
            response = HttpResponseRedirect(reverse("schools:devices"))
            response.set_cookie(
                COOKIE_NAME,
                token,
                max_age=COOKIE_MAX_AGE,
                secure=not settings.DEBUG and request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
            return response
    listed = SchoolDevice.objects.filter(school=school, revoked_at__isnull=True).select_related("added_by")
    if not membership.is_senior:
        listed = listed.filter(added_by=membership.user)
    may_remember, for_trips = may_remember_device(membership, where)
    policy = school.policy
    return render(
        request,
        "schools/devices.html",
        {
            "tab": "devices",
            "can_manage": permissions.can_manage_school(membership),
            "can_view_settings": permissions.can_view_school_settings(membership),
            "where": where,
            "mode": MODES[policy.devices.school_devices],
            "networks": policy.devices.networks,
            "held": restricted(membership),
            "held_what": "send posts" if policy.devices.school_devices == "publishing" else "use Safepost",
            "devices": listed,
            "may_remember": may_remember and where.device is None,
            "for_trips": for_trips,
        },
    )


@require_POST
@school_member_required()
def device_forget(request: SchoolRequest, pk: int) -> HttpResponse:
    membership: Membership = request.membership
    device = get_for_school(SchoolDevice, request, pk=pk)
    try:
        actions.forget_device(membership, device)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{device.name}” is no longer a school device.")
    return HttpResponseRedirect(reverse("schools:devices"))

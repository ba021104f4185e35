"""The page an invitation's link opens: the invitee accepts it (apps.schools.invites)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.schools import invites
from apps.schools.actions import SchoolError


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: sign in first if the address has an account; else choose a password after."""
    found = invites.pending(token)
    lifetime = invites.link_lifetime_days()
    if found is None:
        return render(request, "schools/invitation.html", {"state": "gone", "lifetime": lifetime}, status=404)
    account = invites.account_for(found)
    if account is not None and not request.user.is_authenticated:
        messages.info(
            request, f"Sign in with your Safepost account ({found.email}) to accept the invitation."
        )
        return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
    if account is not None and request.user.pk != account.pk:
        return render(
            request, "schools/invitation.html", {"state": "wrong-account", "invitation": found}, status=403
        )
    by = found.invited_by
    context = {
        "state": "open",
        "invitation": found,
        "inviter": by.get_full_name() or by.get_username(),
        "new_account": account is None,
    }
    if request.method == "POST":
        try:
            membership = invites.accept(found)
        except SchoolError as exc:
            context["error"] = str(exc)
            return render(request, "schools/invitation.html", context, status=409)
        user = membership.user
        if not user.has_usable_password():
            return HttpResponseRedirect(invites.set_password_url(request, user))
        messages.success(
            request, f"You have joined {found.school.name} as {membership.get_role_display().lower()}."
        )
        return HttpResponseRedirect(reverse("home"))
    return render(request, "schools/invitation.html", context)

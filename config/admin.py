"""The Django admin, for the people who run the installation (not for schools).

It is mounted only with ``SAFEPOST_ADMIN=1`` (config/urls.py). Its own password-only sign-in page
is never used: signing in goes through allauth's pages, so the same rate limits and lockout apply,
and every page of the admin needs an authenticator app (TOTP) *and* a session in which its code was
typed. Changes made in it are recorded in the audit log (apps.schools.admin_log).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


def has_totp(user: Any) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def typed_second_factor(request: HttpRequest) -> bool:
    """Whether the code of an authenticator app was typed in this session (allauth records it)."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


class AuditedAdmin(ModelAdmin[Any]):
    """Logs deletions one object at a time: Django logs several with one bulk insert, which sends
    no signal, so apps.schools.admin_log would not see them."""

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        return [
            entry for obj in queryset for entry in super().log_deletions(request, queryset.filter(pk=obj.pk))
        ]


class SafepostAdminSite(AdminSite):
    site_header = "Safepost installation admin"
    site_title = "Safepost admin"

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every model's admin records its deletions one by one (see :class:`AuditedAdmin`)."""
        base = admin_class or ModelAdmin
        audited = (
            base
            if issubclass(base, AuditedAdmin)
            else type(f"Audited{base.__name__}", (AuditedAdmin, base), {})
        )
        super().register(model_or_iterable, audited, **options)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and has_totp(user) and typed_second_factor(request))

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Send the visitor to the step they are missing: sign in, set up the app, or type its code."""
        after = request.GET.get("next") or reverse("admin:index")
        if not after.startswith("/") or after.startswith("//"):
            after = reverse("admin:index")
        user = request.user
        if not user.is_authenticated:
            return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': after})}")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied("This account cannot use the installation admin.")
        if not has_totp(user):
            messages.warning(
                request,
                "The installation admin needs two-step sign-in. Set up an authenticator app below, "
                "then open the admin again.",
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        if not typed_second_factor(request):
            return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': after})}")
        return HttpResponseRedirect(after)

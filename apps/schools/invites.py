"""How a new member of staff first signs in: an e-mailed link to set their password.

The link is allauth's own "set a new password" link (the password-reset flow),
made for the new user. It works once: its token is made from the user's
password, so setting one invalidates it; it runs out after
``PASSWORD_RESET_TIMEOUT`` (three days by default). It goes only to the
member's own address, never on screen, so whoever added them cannot sign in
as them. A lost or expired link is replaced by "Send a new sign-in link" on
the staff list, or by "Forgotten your password?" on the sign-in page.
"""

from __future__ import annotations

from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse

from apps.schools.models import Membership


def link_lifetime_days() -> int:
    """How many days a sign-in link works for."""
    return max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))


def set_password_url(request: HttpRequest, user: Any) -> str:
    """An absolute, one-time link where ``user`` chooses their password."""
    token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": token}
    )
    return request.build_absolute_uri(path)


def send_sign_in_link(request: HttpRequest, membership: Membership, sent_by: Any) -> None:
    """E-mail the member a link to set their password and sign in."""
    user = membership.user
    school = membership.school
    name = user.first_name or user.get_username()
    by = sent_by.get_full_name() or sent_by.get_username()
    lines = [
        f"Hello {name},",
        "",
        f"{by} has added you to Safepost for {school.name}, as {membership.get_role_display().lower()}.",
        "Safepost checks the school's social media posts against its policy before they go out.",
    ]
    if user.has_usable_password():
        lines += ["", "Sign in as usual, with the password you already use for Safepost, at:"]
    else:
        lines += [
            "",
            f"Choose your password here (the link works once and runs out in {link_lifetime_days()} days):",
            set_password_url(request, user),
            "",
            f"Then sign in with this e-mail address or your username, {user.get_username()}, at:",
        ]
    lines.append(request.build_absolute_uri(reverse("account_login")))
    if membership.mfa_required:
        lines += [
            "",
            "Because of your role, you will also set up two-step sign-in: have an authenticator app "
            "(such as Microsoft Authenticator or Google Authenticator) on your phone ready.",
        ]
    if school.policy.accounts.agreement_required:
        lines += ["", "Before you can post, read and sign the school's social media agreement in Safepost."]
    if not user.has_usable_password():
        lines += [
            "",
            f"If the link has run out, ask {by} to send a new one, or use “Forgotten your password?” "
            "on the sign-in page.",
        ]
    send_mail(
        subject=f"Your Safepost sign-in for {school.name}",
        message="\n".join(lines),
        from_email=None,
        recipient_list=[user.email],
    )

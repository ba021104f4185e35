"""Adding staff: an invitation the person accepts, and their first sign-in.

A senior leader invites someone by e-mail address (:func:`invite`). Whether that address already
has a Safepost account (at another school of the trust, say) is never shown to them: the same
message, the same e-mail and the same "invited" row on the staff list either way. The person
follows the link in the e-mail (:func:`accept`): someone with an account signs in and accepts;
someone without one accepts and then chooses a password. Only then are they on the staff list.

The password link, for someone new, is allauth's own "set a new password" link (the password-reset
flow), made for the new user.

The link is allauth's own "set a new password" link (the password-reset flow),
made for the new user. It works once: its token is made from the user's
password, so setting one invalidates it; it runs out after
``PASSWORD_RESET_TIMEOUT`` (three days by default). It goes only to the
member's own address, never on screen, so whoever added them cannot sign in
as them. A lost or expired link is replaced by "Send a new sign-in link" on
the staff list, or by "Forgotten your password?" on the sign-in page.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.schools.actions import SchoolError, add_member, check_may_appoint
from apps.schools.models import Invitation, Membership, Role, School


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


# --- invitations ---------------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user_with(email: str) -> Any:
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).first()
        or User.objects.filter(emailaddress__email__iexact=email).first()
    )


def invite(
    school: School, *, first_name: str, last_name: str, email: str, role: str, by: Membership
) -> tuple[Invitation, str]:
    """Invite someone to the staff (member.invited); returns the invitation and its link's token.

    Refuses only what concerns this school's own staff list (someone already on it, or
    deactivated here), never anything about an account elsewhere. A new invitation to the same
    address replaces a waiting one.
    """
    check_may_appoint(role, by)
    email = email.strip()
    user = _user_with(email)
    existing = Membership.objects.filter(user=user, school=school).first() if user is not None else None
    if existing is not None and existing.is_active:
        raise SchoolError(f"{email} is already on the staff list.")
    if existing is not None:
        raise SchoolError(
            f"{email} was deactivated. Use “Reactivate” beside their name on the staff list instead."
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(
            school=school, email__iexact=email, accepted_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=now)
        invitation = Invitation.objects.create(
            school=school,
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            role=role,
            invited_by=by.user,
            token_hash=_hash(token),
            created_at=now,
            sent_at=now,
        )
        record(
            school,
            by.user,
            "member.invited",
            f"{invitation.name} invited as {invitation.get_role_display()}",
            None,
            {"invitation": invitation.pk, "email": email, "role": role},
        )
    return invitation, token


def renew(invitation: Invitation, by: Membership) -> str:
    """A new link for a waiting invitation (the old one stops working); returns its token."""
    if not invitation.is_pending:
        raise SchoolError("That invitation was already accepted or cancelled.")
    check_may_appoint(invitation.role, by)
    token = secrets.token_urlsafe(32)
    invitation.token_hash, invitation.sent_at = _hash(token), timezone.now()
    invitation.invited_by = by.user  # the new e-mail comes from whoever sent it again
    invitation.save(update_fields=["token_hash", "sent_at", "invited_by"])
    return token


def cancel(invitation: Invitation, by: Membership) -> None:
    """Withdraw a waiting invitation (member.invitation_cancelled)."""
    if not invitation.is_pending:
        return
    with transaction.atomic():
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
        record(
            invitation.school,
            by.user,
            "member.invitation_cancelled",
            f"Invitation to {invitation.name} cancelled",
            None,
            {"invitation": invitation.pk, "email": invitation.email},
        )


def expires_at(invitation: Invitation) -> Any:
    return invitation.sent_at + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)


def pending(token: str) -> Invitation | None:
    """The waiting, unexpired invitation this link's token belongs to."""
    invitation = (
        Invitation.objects.select_related("school", "invited_by")
        .filter(token_hash=_hash(token or ""))
        .first()
    )
    if invitation is None or not invitation.is_pending or expires_at(invitation) < timezone.now():
        return None
    return invitation


def account_for(invitation: Invitation) -> Any:
    """The existing account the invitation's address belongs to, if any (for the invitee only)."""
    return _user_with(invitation.email)


def accept(invitation: Invitation) -> Membership:
    """The invitee accepts: they join the staff (member.added), with a new account if they had none.

    Whoever invited them must still be allowed to appoint that role.
    """
    inviter = Membership.objects.filter(
        user=invitation.invited_by, school=invitation.school, is_active=True
    ).first()
    if inviter is None or not inviter.is_senior:
        raise SchoolError(
            "The person who invited you can no longer add staff. Ask the school to send a new invitation."
        )
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_pending:
            raise SchoolError("This invitation was already used.")
        membership = add_member(
            invitation.school,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
            email=invitation.email,
            role=invitation.role,
            by=inviter,
        )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    return membership


def send_invitation(request: HttpRequest, invitation: Invitation, token: str) -> None:
    """E-mail the invitation: the same words whether or not the address has an account."""
    by = invitation.invited_by
    inviter = by.get_full_name() or by.get_username()
    school = invitation.school
    link = request.build_absolute_uri(reverse("invitation", args=[token]))
    lines = [
        f"Hello {invitation.first_name or invitation.email},",
        "",
        f"{inviter} has invited you to join {school.name} on Safepost, as "
        f"{invitation.get_role_display().lower()}.",
        "Safepost checks the school's social media posts against its policy before they go out.",
        "",
        f"To accept, open this link (it works for {link_lifetime_days()} days):",
        link,
        "",
        "If you already use Safepost, you sign in with your usual password and accept; if not, you "
        "choose a password after accepting.",
    ]
    if invitation.role in (Role.HEADTEACHER, Role.SENIOR_LEADER):
        lines += [
            "",
            "Because of your role, you will also set up two-step sign-in: have an authenticator app "
            "(such as Microsoft Authenticator or Google Authenticator) on your phone ready.",
        ]
    lines += ["", "If you were not expecting this, ignore this e-mail: nothing happens unless you accept."]
    send_mail(
        subject=f"Invitation to join {school.name} on Safepost",
        message="\n".join(lines),
        from_email=None,
        recipient_list=[invitation.email],
    )

"""Adding staff by invitation: whoever adds an address never learns whether it has an account."""

from __future__ import annotations

import re
from html import unescape

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools.models import Invitation, Membership, Role
from apps.schools.testing import PASSWORD, Personas, client_for

URL = reverse("schools:staff")


def link(message_number: int = -1) -> str:
    found = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[message_number].body)
    assert found is not None
    return found.group(1)


def invite(p: Personas, email: str, first: str = "Sam", last: str = "Person") -> str:
    page = client_for(p.head).post(
        URL, {"first_name": first, "last_name": last, "email": email, "role": "class-teacher"}, follow=True
    )
    return unescape(page.content.decode())


def blank(text: str, *words: str) -> str:
    for word in words:
        text = text.replace(word, "•")
    return re.sub(
        r"/invitations/\S+/", "/invitations/•/", re.sub(r"csrfmiddlewaretoken\" value=\"\S+\"", "", text)
    )


def test_inviting_an_address_with_an_account_elsewhere_looks_exactly_like_a_new_one(p: Personas) -> None:
    existing = invite(p, p.outsider.email)
    Invitation.objects.update(cancelled_at="2026-01-01T00:00Z")  # so each page lists one invitation
    new = invite(p, "nobody.yet@example.org")

    assert blank(existing, p.outsider.email, "nobody.yet@example.org") == blank(
        new, p.outsider.email, "nobody.yet@example.org"
    )
    assert "Otto" not in existing and "Outsider" not in existing  # the account's own name is never shown
    first, second = mail.outbox
    assert blank(first.body, p.outsider.email) == blank(second.body, "nobody.yet@example.org")
    assert first.subject == second.subject
    entries = AuditEntry.objects.filter(school=p.school, action="member.invited").order_by("seq")
    assert [sorted(e.data) for e in entries] == [["email", "invitation", "role"]] * 2
    assert not Membership.objects.filter(user=p.outsider, school=p.school).exists()


def test_someone_with_an_account_signs_in_to_accept_and_keeps_their_password(p: Personas) -> None:
    invite(p, p.outsider.email)
    path = link()
    browser = Client()
    to_sign_in = browser.get(path)
    assert to_sign_in.status_code == 302 and to_sign_in["Location"].startswith("/accounts/login/")

    someone_else = client_for(p.teacher)
    assert someone_else.get(path).status_code == 403
    assert someone_else.post(path).status_code == 403

    outsider = client_for(p.outsider)
    assert "Accept and join" in outsider.get(path).content.decode()
    assert outsider.post(path).status_code == 302
    joined = Membership.objects.get(user=p.outsider, school=p.school)
    assert joined.role == Role.CLASS_TEACHER and joined.is_active
    assert get_user_model().objects.get(pk=p.outsider.pk).check_password(PASSWORD)
    assert Invitation.objects.get(email=p.outsider.email).accepted_at is not None
    assert outsider.get(path).status_code == 404  # used


def test_a_cancelled_or_renewed_invitation_link_no_longer_works(p: Personas) -> None:
    invite(p, "nobody.yet@example.org")
    first = link()
    invitation = Invitation.objects.get(email="nobody.yet@example.org")
    head = client_for(p.head)
    head.post(reverse("schools:invitation_resend", args=[invitation.pk]))
    second = link()
    assert first != second
    assert "no longer works" in Client().get(first).content.decode()

    head.post(reverse("schools:invitation_cancel", args=[invitation.pk]))
    assert Client().get(second).status_code == 404
    assert Client().post(second).status_code == 404
    assert not get_user_model().objects.filter(email="nobody.yet@example.org").exists()
    assert AuditEntry.objects.filter(school=p.school, action="member.invitation_cancelled").count() == 1


def test_another_school_cannot_resend_or_cancel_an_invitation(p: Personas) -> None:
    invite(p, "nobody.yet@example.org")
    invitation = Invitation.objects.get(email="nobody.yet@example.org")
    outsider = client_for(p.outsider)
    for name in ("schools:invitation_resend", "schools:invitation_cancel"):
        assert outsider.post(reverse(name, args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending and len(mail.outbox) == 1


def test_an_invitation_stops_working_when_the_inviter_can_no_longer_add_staff(p: Personas) -> None:
    client_for(p.senior).post(
        URL, {"first_name": "A", "last_name": "B", "email": "nobody.yet@example.org", "role": "office"}
    )
    Membership.objects.filter(user=p.senior, school=p.school).update(is_active=False)
    page = Client().post(link())
    assert page.status_code == 409
    assert "can no longer add staff" in unescape(page.content.decode())
    assert not get_user_model().objects.filter(email="nobody.yet@example.org").exists()

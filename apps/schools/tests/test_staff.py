"""The staff list: adding members (who set their own password), changing roles, deactivating."""

from __future__ import annotations

import re
from html import unescape

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools.models import Account, Membership, Role
from apps.schools.testing import Personas, client_for

URL = reverse("schools:staff")
NEW = {
    "first_name": "Nia",
    "last_name": "Newcomer",
    "email": "n.newcomer@example.org",
    "role": "class-teacher",
}


def membership(user: object) -> Membership:
    return Membership.objects.get(user=user)


def test_the_staff_list_shows_everyone_with_their_role(p: Personas) -> None:
    html = unescape(client_for(p.head).get(URL).content.decode())
    for name in (
        "Helen Head",
        "Sam Senior",
        "Tara Teacher",
        "Olly Office",
        "Chris Computing",
        "Gill Governor",
    ):
        assert name in html
    assert "Otto" not in html  # the outsider


def accept(message_number: int = 0, client: Client | None = None) -> Client:
    """Follow the invitation e-mailed last (or ``message_number``) and accept it, as the invitee."""
    browser = client or Client()
    path = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[message_number].body).group(1)  # type: ignore[union-attr]
    assert browser.get(path).status_code == 200
    browser.post(path)
    return browser


def test_adding_a_member_emails_an_invitation_and_they_join_when_they_accept(p: Personas) -> None:
    response = client_for(p.head).post(URL, NEW, follow=True)
    html = unescape(response.content.decode())
    assert "We e-mailed n.newcomer@example.org an invitation to join as class teacher" in html
    assert "Nia Newcomer" in html and "Invited, not joined yet" in html
    assert not get_user_model().objects.filter(email=NEW["email"]).exists()  # nothing until accepted
    assert AuditEntry.objects.get(action="member.invited").actor == p.head
    (message,) = mail.outbox
    assert message.to == ["n.newcomer@example.org"]
    link = re.search(r"http://testserver(/invitations/\S+/)", message.body)
    assert link is not None and link.group(1) not in html  # only the invitee gets the link

    browser = Client()
    page = browser.get(link.group(1))
    assert "invited you to join St Catherine" in unescape(page.content.decode())
    chosen = browser.post(link.group(1))
    assert chosen.status_code == 302 and "/accounts/password/reset/key/" in chosen["Location"]
    user = get_user_model().objects.get(email="n.newcomer@example.org")
    assert not user.has_usable_password()
    assert membership(user).role == Role.CLASS_TEACHER and membership(user).school == p.school
    assert EmailAddress.objects.get(user=user).verified
    entry = AuditEntry.objects.get(action="member.added")
    assert entry.actor == p.head and "Nia Newcomer added as Class teacher" in entry.summary
    assert browser.get(link.group(1)).status_code == 404  # the link worked once


def test_the_new_member_sets_a_password_from_the_link_and_signs_in(p: Personas) -> None:
    client_for(p.head).post(URL, NEW)
    browser = Client()
    path = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    chosen = browser.post(path)
    form_page = browser.get(chosen["Location"], follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = browser.post(
        set_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert done.status_code == 302
    user = get_user_model().objects.get(email=NEW["email"])
    assert user.check_password("a-brand-new-passphrase")
    # The link worked once: it no longer does.
    again = Client().get(chosen["Location"], follow=True)
    assert "Bad Token" in again.content.decode()
    signed_in = Client().post(
        reverse("account_login"), {"login": NEW["email"], "password": "a-brand-new-passphrase"}
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/"


def test_adding_someone_already_on_the_staff_list_is_refused(p: Personas) -> None:
    data = {**NEW, "email": p.teacher.email.upper()}
    html = unescape(client_for(p.head).post(URL, data).content.decode())
    assert f"{p.teacher.email.upper()} is already on the staff list." in html
    assert not AuditEntry.objects.filter(action="member.added").exists()


def test_only_the_headteacher_can_appoint_a_headteacher(p: Personas) -> None:
    html = unescape(client_for(p.senior).post(URL, {**NEW, "role": "headteacher"}).content.decode())
    assert "Only the headteacher can appoint a headteacher." in html
    assert not get_user_model().objects.filter(email=NEW["email"]).exists()


def test_a_bad_email_address_is_explained(p: Personas) -> None:
    html = unescape(client_for(p.head).post(URL, {**NEW, "email": "not-an-address"}).content.decode())
    assert "Enter an e-mail address such as" in html


def test_changing_a_role_is_recorded(p: Personas) -> None:
    m = membership(p.teacher)
    response = client_for(p.head).post(
        reverse("schools:staff_role", args=[m.pk]), {f"m{m.pk}-role": "office"}, follow=True
    )
    assert "Tara Teacher is now office staff (was class teacher)." in unescape(response.content.decode())
    m.refresh_from_db()
    assert m.role == Role.OFFICE
    entry = AuditEntry.objects.get(action="member.role_changed")
    assert entry.data == {"user": p.teacher.pk, "from": "class-teacher", "to": "office"}


def test_nobody_changes_their_own_role(p: Personas) -> None:
    m = membership(p.senior)
    response = client_for(p.senior).post(
        reverse("schools:staff_role", args=[m.pk]), {f"m{m.pk}-role": "headteacher"}, follow=True
    )
    assert "You cannot change your own role." in unescape(response.content.decode())
    m.refresh_from_db()
    assert m.role == Role.SENIOR_LEADER


def test_a_senior_leader_cannot_demote_the_headteacher(p: Personas) -> None:
    m = membership(p.head)
    client_for(p.senior).post(reverse("schools:staff_role", args=[m.pk]), {f"m{m.pk}-role": "office"})
    m.refresh_from_db()
    assert m.role == Role.HEADTEACHER


def test_a_class_teacher_cannot_change_roles(p: Personas) -> None:
    m = membership(p.office)
    response = client_for(p.teacher).post(
        reverse("schools:staff_role", args=[m.pk]), {f"m{m.pk}-role": "senior-leader"}
    )
    assert response.status_code == 403
    m.refresh_from_db()
    assert m.role == Role.OFFICE


def test_deactivating_keeps_the_user_and_stops_them_signing_in(p: Personas) -> None:
    m = membership(p.office)
    response = client_for(p.head).post(reverse("schools:staff_deactivate", args=[m.pk]), follow=True)
    assert "Olly Office was deactivated" in unescape(response.content.decode())
    m.refresh_from_db()
    p.office.refresh_from_db()
    assert not m.is_active and not p.office.is_active
    assert get_user_model().objects.filter(pk=p.office.pk).exists()  # never deleted
    assert AuditEntry.objects.get(action="member.deactivated").data["user"] == p.office.pk
    assert Client().login(username=p.office.username, password="a-long-test-password-1") is False
    # Their session no longer reaches the school either.
    assert client_for(p.office).get(reverse("schools:agreement")).status_code in (302, 404)


def test_deactivating_an_account_holder_says_the_account_needs_a_new_holder(p: Personas) -> None:
    m = membership(p.teacher)
    response = client_for(p.head).post(reverse("schools:staff_deactivate", args=[m.pk]), follow=True)
    html = unescape(response.content.decode())
    assert "They held Oak Class: choose a new holder on the accounts page." in html
    assert "No longer active: choose a new holder" in html


def test_the_last_headteacher_cannot_be_deactivated(p: Personas) -> None:
    m = membership(p.head)
    response = client_for(p.senior).post(reverse("schools:staff_deactivate", args=[m.pk]), follow=True)
    assert "Only the headteacher can deactivate a headteacher." in unescape(response.content.decode())
    m.refresh_from_db()
    assert m.is_active


def test_a_deactivated_member_can_be_reactivated(p: Personas) -> None:
    m = membership(p.office)
    head = client_for(p.head)
    head.post(reverse("schools:staff_deactivate", args=[m.pk]))
    head.post(reverse("schools:staff_reactivate", args=[m.pk]))
    m.refresh_from_db()
    p.office.refresh_from_db()
    assert m.is_active and p.office.is_active
    assert AuditEntry.objects.filter(action="member.reactivated").count() == 1


def test_a_new_sign_in_link_can_be_sent_to_someone_who_has_not_signed_in(p: Personas) -> None:
    head = client_for(p.head)
    head.post(URL, NEW)
    accept()
    m = Membership.objects.get(user__email=NEW["email"])
    head.post(reverse("schools:staff_send_link", args=[m.pk]))
    assert len(mail.outbox) == 2
    assert "/accounts/password/reset/key/" in mail.outbox[1].body


def test_adding_a_headteacher_makes_them_the_main_accounts_holder_when_it_has_none(p: Personas) -> None:
    Account.objects.filter(pk=p.main.pk).update(holder=None)
    client_for(p.head).post(URL, {**NEW, "role": "headteacher"})
    accept()
    p.main.refresh_from_db()
    assert p.main.holder is not None and p.main.holder.email == NEW["email"]


@pytest.mark.parametrize("role", ["headteacher", "senior-leader"])
def test_the_email_to_a_senior_member_says_they_will_set_up_two_step_sign_in(p: Personas, role: str) -> None:
    client_for(p.head).post(URL, {**NEW, "role": role})
    assert "two-step sign-in" in mail.outbox[0].body

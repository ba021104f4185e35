"""The accounts page: the main account and class accounts, each with its holder."""

from __future__ import annotations

from html import unescape

from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools.actions import update_policy
from apps.schools.models import Account, Membership
from apps.schools.testing import Personas, client_for

URL = reverse("schools:accounts")


def allow_class_accounts(p: Personas, allowed: bool = True) -> None:
    from apps.schools.policy_edit import set_values

    update_policy(
        p.school, set_values(p.school.policy_toml, {("accounts", "class_accounts"): allowed}), p.head
    )
    p.school.refresh_from_db()


def test_the_page_lists_the_main_account_and_class_accounts_with_their_holders(p: Personas) -> None:
    html = unescape(client_for(p.head).get(URL).content.decode())
    assert "St Catherine's Test School</strong>" in html
    assert "Oak Class</strong>" in html
    assert "Helen Head" in html and "Tara Teacher" in html


def test_without_class_accounts_in_the_policy_the_page_says_how_to_turn_them_on(p: Personas) -> None:
    allow_class_accounts(p, allowed=False)
    AuditEntry.objects.filter(action="account.created").exists()
    html = unescape(client_for(p.head).get(URL).content.decode())
    assert "Your policy does not have class accounts" in html
    response = client_for(p.head).post(
        URL, {"name": "Ash Class", "class_name": "Ash", "holder": p.teacher.pk}
    )
    assert "Your policy does not have class accounts" in unescape(response.content.decode())
    assert not Account.objects.filter(name="Ash Class").exists()
    assert not AuditEntry.objects.filter(action="account.created").exists()


def test_a_class_account_is_created_with_its_class_and_holder(p: Personas) -> None:
    allow_class_accounts(p)
    response = client_for(p.head).post(
        URL, {"name": "Ash Class", "class_name": "Ash", "handle": "@AshClass", "holder": p.teacher.pk}
    )
    assert response.status_code == 302
    ash = Account.objects.get(school=p.school, name="Ash Class")
    assert ash.kind == Account.Kind.CLASS and ash.class_name == "Ash" and ash.holder == p.teacher
    entry = AuditEntry.objects.get(action="account.created")
    assert entry.summary == "Class account Ash Class created for Ash, held by Tara Teacher"


def test_a_class_account_needs_its_class(p: Personas) -> None:
    allow_class_accounts(p)
    html = unescape(
        client_for(p.head).post(URL, {"name": "Ash Class", "holder": p.teacher.pk}).content.decode()
    )
    assert "This field is required." in html
    assert not Account.objects.filter(name="Ash Class").exists()


def test_the_holder_must_be_one_of_our_staff(p: Personas) -> None:
    allow_class_accounts(p)
    for stranger in (p.outsider, p.governor):
        response = client_for(p.head).post(
            URL, {"name": "Ash Class", "class_name": "Ash", "holder": stranger.pk}
        )
        assert "Choose a member of staff from the list." in unescape(response.content.decode())
    assert not Account.objects.filter(name="Ash Class").exists()


def test_two_accounts_cannot_share_a_name(p: Personas) -> None:
    allow_class_accounts(p)
    html = unescape(client_for(p.head).post(URL, {"name": "oak class", "class_name": "Oak"}).content.decode())
    assert "There is already an account called oak class." in html


def test_changing_the_holder_is_recorded(p: Personas) -> None:
    url = reverse("schools:account_edit", args=[p.oak.pk])
    data = {"name": "Oak Class", "class_name": "Oak", "handle": "", "holder": p.senior.pk}
    assert client_for(p.head).post(url, data).status_code == 302
    p.oak.refresh_from_db()
    assert p.oak.holder == p.senior
    entry = AuditEntry.objects.get(action="account.changed")
    assert entry.summary == "Oak Class: holder now Sam Senior"


def test_the_main_account_form_offers_the_headteacher_as_holder_by_default(p: Personas) -> None:
    Account.objects.filter(pk=p.main.pk).update(holder=None)
    html = client_for(p.head).get(reverse("schools:account_edit", args=[p.main.pk])).content.decode()
    assert f'<option value="{p.head.pk}" selected>' in html
    assert 'name="class_name"' not in html
    listing = unescape(client_for(p.head).get(URL).content.decode())
    assert "(the headteacher, by default)" in listing


def test_a_class_account_can_be_deactivated_but_never_the_main_account(p: Personas) -> None:
    head = client_for(p.head)
    head.post(reverse("schools:account_active", args=[p.oak.pk]), {"active": "0"})
    response = head.post(reverse("schools:account_active", args=[p.main.pk]), {"active": "0"}, follow=True)
    assert "The main school account cannot be deactivated." in unescape(response.content.decode())
    p.oak.refresh_from_db()
    p.main.refresh_from_db()
    assert not p.oak.is_active and p.main.is_active
    assert AuditEntry.objects.get(action="account.changed").data == {"is_active": False}


def test_a_class_teacher_cannot_change_accounts(p: Personas) -> None:
    url = reverse("schools:account_edit", args=[p.oak.pk])
    assert client_for(p.teacher).get(url).status_code == 403
    assert (
        client_for(p.teacher)
        .post(reverse("schools:account_active", args=[p.oak.pk]), {"active": "0"})
        .status_code
        == 403
    )
    p.oak.refresh_from_db()
    assert p.oak.is_active


def test_a_governor_cannot_open_the_account_editor(p: Personas) -> None:
    assert client_for(p.governor).get(reverse("schools:account_edit", args=[p.oak.pk])).status_code == 403
    assert Membership.objects.get(user=p.governor).role == "governor"

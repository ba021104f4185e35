"""Who may open each school settings page: outsiders get 404, roles that may not get 403."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from apps.schools.models import Membership
from apps.schools.testing import Personas, client_for

PAGES = [
    "schools:settings",
    "schools:policy",
    "schools:staff",
    "schools:accounts",
    "schools:roster",
    "schools:agreement",
]
# Pages about one object of the school: (URL name, which object, method).
OBJECT_URLS: list[tuple[str, Callable[[Personas], int], str]] = [
    ("schools:staff_role", lambda p: Membership.objects.get(user=p.teacher).pk, "post"),
    ("schools:staff_deactivate", lambda p: Membership.objects.get(user=p.teacher).pk, "post"),
    ("schools:staff_reactivate", lambda p: Membership.objects.get(user=p.teacher).pk, "post"),
    ("schools:staff_send_link", lambda p: Membership.objects.get(user=p.teacher).pk, "post"),
    ("schools:account_edit", lambda p: p.oak.pk, "get"),
    ("schools:account_edit", lambda p: p.oak.pk, "post"),
    ("schools:account_active", lambda p: p.oak.pk, "post"),
]


@pytest.mark.parametrize("name", PAGES)
def test_someone_signed_in_but_in_no_school_gets_404(db: None, p: Personas, name: str) -> None:
    stranger = get_user_model().objects.create_user("stranger", "stranger@example.org", "x-long-password-1")
    client = Client()
    client.force_login(stranger)
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_anyone_signed_out_is_sent_to_sign_in(db: None, p: Personas, name: str) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", PAGES)
def test_an_outsider_sees_only_their_own_school_on_every_page(p: Personas, name: str) -> None:
    response = client_for(p.outsider).get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert p.other_school.name in html
    assert p.school.name not in html
    assert p.teacher.email not in html and "Tara Teacher" not in html
    assert "Oak Class</strong>" not in html


@pytest.mark.parametrize(("name", "which", "method"), OBJECT_URLS)
def test_an_outsider_gets_404_for_our_staff_and_accounts(
    p: Personas, name: str, which: Callable[[Personas], int], method: str
) -> None:
    client = client_for(p.outsider)
    url = reverse(name, args=[which(p)])
    response = (
        client.post(url, {"m1-role": "governor", "active": "0", "name": "Hijacked"})
        if method == "post"
        else client.get(url)
    )
    assert response.status_code == 404
    teacher = Membership.objects.get(user=p.teacher)
    assert teacher.is_active and teacher.role == "class-teacher"
    p.oak.refresh_from_db()
    assert p.oak.name == "Oak Class" and p.oak.is_active


def test_an_outsider_cannot_import_into_our_roster_with_our_upload_token(p: Personas) -> None:
    from apps.schools.models import Pupil

    head = client_for(p.head)
    upload = _csv("first_name,last_name,class_name\nAda,Lovelace,Oak\n")
    page = head.post(reverse("schools:roster"), {"file": upload}).content.decode()
    token = _hidden(page, "token")
    sha = _hidden(page, "sha256")
    response = client_for(p.outsider).post(reverse("schools:roster_confirm"), {"token": token, "sha256": sha})
    assert response.status_code == 302
    assert not Pupil.objects.exists()


@pytest.mark.parametrize(
    "name", ["schools:settings", "schools:policy", "schools:staff", "schools:accounts", "schools:roster"]
)
@pytest.mark.parametrize("who", ["teacher", "office", "computing"])
def test_staff_who_do_not_run_the_school_get_403_on_the_settings_pages(
    p: Personas, name: str, who: str
) -> None:
    assert client_for(getattr(p, who)).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("who", ["head", "senior", "teacher", "office", "computing", "governor"])
def test_every_member_can_read_the_agreement(p: Personas, who: str) -> None:
    assert client_for(getattr(p, who)).get(reverse("schools:agreement")).status_code == 200


@pytest.mark.parametrize("name", ["schools:settings", "schools:policy", "schools:staff", "schools:accounts"])
def test_a_governor_can_read_the_settings_without_any_way_to_change_them(p: Personas, name: str) -> None:
    response = client_for(p.governor).get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Only the headteacher and senior leaders can change them" in html
    assert 'type="submit"' not in html


def test_a_governor_cannot_see_the_pupil_roster(p: Personas) -> None:
    assert client_for(p.governor).get(reverse("schools:roster")).status_code == 403


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("schools:policy", {"form": "text", "text": "name = 'x'", "version": "1"}),
        ("schools:staff", {"first_name": "A", "last_name": "B", "email": "a@b.org", "role": "office"}),
        ("schools:accounts", {"name": "Ash Class", "class_name": "Ash"}),
        ("schools:agreement", {"form": "publish", "text": "Be good."}),
    ],
)
def test_a_governor_cannot_change_anything(p: Personas, name: str, data: dict[str, str]) -> None:
    from apps.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    assert client_for(p.governor).post(reverse(name), data).status_code == 403
    assert AuditEntry.objects.count() == before


def test_the_school_pages_are_linked_from_the_overview(p: Personas) -> None:
    html = client_for(p.head).get(reverse("schools:settings")).content.decode()
    for name in PAGES[1:]:
        assert f'href="{reverse(name)}"' in html


def _csv(text: str, name: str = "roster.csv") -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _hidden(html: str, name: str) -> str:
    import re

    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no hidden {name} field"
    return found.group(1)


def test_a_refusal_says_why_in_plain_words(p: Personas) -> None:
    response = client_for(p.teacher).get(reverse("schools:policy"))
    assert response.status_code == 403
    assert "You can't do this here" in unescape(response.content.decode())

"""The social media agreement (SUT-15): published by senior leaders, signed by everyone, required to post."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools import permissions
from apps.schools.actions import publish_agreement
from apps.schools.agreement_text import default_agreement_text
from apps.schools.models import Agreement, Membership, Signature
from apps.schools.testing import Personas, client_for, make_personas

URL = reverse("schools:agreement")


@pytest.fixture
def sutton(db: None) -> Personas:
    return make_personas(preset="sutton-manor", slug="sutton")


def sign(p: Personas, user: object, name: str, version: int = 1) -> str:
    response = client_for(user).post(
        URL, {"form": "sign", "version": version, "typed_name": name}, follow=True
    )
    return unescape(response.content.decode())


def test_signing_the_agreement_gives_posting_rights_and_a_new_version_takes_them_away(
    sutton: Personas,
) -> None:
    head = Membership.objects.get(user=sutton.head)
    assert not permissions.can_publish(head)
    assert permissions.why_cannot_publish(head) == (
        "You need to sign the school's social media agreement before you can post."
    )
    publish_agreement(sutton.school, default_agreement_text(sutton.school), sutton.head)
    assert not permissions.can_publish(head)

    html = sign(sutton, sutton.head, "helen head")
    assert "Thank you: you signed version 1 of the agreement." in html
    assert permissions.can_publish(head)

    publish_agreement(sutton.school, "Version two of the agreement.", sutton.senior)
    assert not permissions.can_publish(head)
    html = unescape(client_for(sutton.head).get(URL).content.decode())
    assert (
        "You signed version 1. This is a new version: please read it and sign again to keep your posting rights"
        in html
    )

    sign(sutton, sutton.head, "Helen Head", version=2)
    assert permissions.can_publish(head)


def test_the_signature_and_version_are_recorded(sutton: Personas) -> None:
    publish_agreement(sutton.school, "Agreement text.", sutton.head)
    sign(sutton, sutton.teacher, "  Tara   Teacher ")
    signature = Signature.objects.get(user=sutton.teacher)
    assert signature.agreement.version == 1 and signature.typed_name == "Tara   Teacher"
    entry = AuditEntry.objects.get(action="agreement.signed")
    assert entry.actor == sutton.teacher
    assert entry.data["version"] == 1 and entry.data["typed_name"] == "Tara   Teacher"


def test_signing_needs_the_members_own_name(sutton: Personas) -> None:
    publish_agreement(sutton.school, "Agreement text.", sutton.head)
    html = sign(sutton, sutton.teacher, "Somebody Else")
    assert "Type your name exactly as the staff list has it: Tara Teacher." in html
    assert not Signature.objects.exists()


def test_signing_an_old_version_is_refused(sutton: Personas) -> None:
    publish_agreement(sutton.school, "One.", sutton.head)
    publish_agreement(sutton.school, "Two.", sutton.head)
    html = sign(sutton, sutton.teacher, "Tara Teacher", version=1)
    assert "A newer version of the agreement has been published." in html
    assert not Signature.objects.exists()


def test_signing_twice_is_refused(sutton: Personas) -> None:
    publish_agreement(sutton.school, "One.", sutton.head)
    sign(sutton, sutton.teacher, "Tara Teacher")
    html = sign(sutton, sutton.teacher, "Tara Teacher")
    assert "You signed version 1" in html
    assert Signature.objects.count() == 1


def test_a_senior_leader_publishes_a_new_version_from_the_page(sutton: Personas) -> None:
    response = client_for(sutton.senior).post(
        URL, {"form": "publish", "text": "Be kind online."}, follow=True
    )
    html = unescape(response.content.decode())
    assert "Agreement version 1 published. Everyone must sign it before they can post." in html
    assert Agreement.objects.get(school=sutton.school).text == "Be kind online."
    assert AuditEntry.objects.get(action="agreement.published").actor == sutton.senior


def test_publishing_the_same_text_again_is_refused(sutton: Personas) -> None:
    publish_agreement(sutton.school, "Be kind online.", sutton.head)
    html = unescape(
        client_for(sutton.head).post(URL, {"form": "publish", "text": "Be kind online."}).content.decode()
    )
    assert "This is the same text as version 1; nothing to publish." in html
    assert Agreement.objects.count() == 1


@pytest.mark.parametrize("who", ["teacher", "office", "governor"])
def test_only_senior_leaders_publish_the_agreement(sutton: Personas, who: str) -> None:
    response = client_for(getattr(sutton, who)).post(URL, {"form": "publish", "text": "My own rules."})
    assert response.status_code == 403
    assert not Agreement.objects.exists()


def test_the_page_lists_who_has_and_has_not_signed(sutton: Personas) -> None:
    publish_agreement(sutton.school, "One.", sutton.head)
    sign(sutton, sutton.teacher, "Tara Teacher")
    html = unescape(client_for(sutton.head).get(URL).content.decode())
    section = html[html.index("Who has signed") :]
    assert (
        '<td>Tara Teacher</td><td>Class teacher</td><td><span class="school-badge school-badge--ok">Signed'
        in section
    )
    assert (
        '<td>Olly Office</td><td>Office staff</td><td><span class="school-badge school-badge--warn">Not yet'
        in section
    )
    assert "Otto" not in section


def test_a_class_teacher_sees_the_agreement_but_not_the_list_of_signatures(sutton: Personas) -> None:
    publish_agreement(sutton.school, "One.", sutton.head)
    html = unescape(client_for(sutton.teacher).get(URL).content.decode())
    assert "Sign the agreement" in html
    assert "Who has signed" not in html and "Publish a new version" not in html


def test_the_suggested_text_follows_the_schools_policy_and_the_council_policy(sutton: Personas) -> None:
    text = default_agreement_text(sutton.school)
    assert "Sutton Manor" in text or sutton.school.name in text
    assert "at most 240 characters" in text  # SUT-01
    assert "text language such as lol, gr8 or l8r" in text  # SUT-05
    assert "Any hashtags go at the end of the post." in text  # SUT-06
    assert "I never name a pupil in a post that has photos of pupils." in text  # SUT-07
    assert "The school does not reply to replies." in text  # SUT-12
    assert "council policy 6.1" in text and "council policy 6.2 and 6.4" in text
    assert "Only the headteacher and senior leaders post" in text  # SUT-03


def test_the_first_version_starts_from_the_suggested_text(sutton: Personas) -> None:
    html = unescape(client_for(sutton.head).get(URL).content.decode())
    assert "Not published yet" in html
    assert "Social media user agreement: " + sutton.school.name in html


def test_where_the_policy_needs_no_agreement_everyone_keeps_posting_rights(p: Personas) -> None:
    teacher = Membership.objects.get(user=p.teacher)
    publish_agreement(p.school, "Optional agreement.", p.head)
    assert permissions.can_publish(teacher)


def test_the_suggested_text_names_each_exception_once_with_examples_only_when_they_add_something(
    p: Personas,
) -> None:
    text = default_agreement_text(p.school)  # St Catherine's: "urgent school news" is its own example
    assert "urgent school news (urgent school news)" not in text
    assert "urgent school news by the" in text
    assert "school events (fixtures, trips, performances)" in text

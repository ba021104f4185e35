"""Signed in, the check page checks against the member's own school: its policy, its pupils, their role."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.test import Client

from apps.checker.tests.test_check_page import (
    HTMX,
    SATURDAY_EVENING,
    THURSDAY_MORNING,
    URL,
    card_titles,
    marks,
)
from apps.schools.actions import do_replace_roster, update_policy
from apps.schools.models import School
from apps.schools.policy_edit import set_values
from apps.schools.testing import Personas, make_personas
from safepost.policy.roster import Pupil as RosterPupil
from safepost.policy.roster import Roster

pytestmark = pytest.mark.django_db

SCHOOL = "St Catherine&#x27;s Test School"
# On the demo class list, not on the test school's roster.
DEMO_PUPIL_NEWS = "Grace Okonjo won the race today!"
ROSTER_TRACE = "first name and surname of a pupil on the roster"


@pytest.fixture
def p() -> Personas:
    personas = make_personas()
    give_pupils(personas.school, personas.head, ("Maisie", "Pemberton"))
    return personas


def give_pupils(school: School, actor: Any, *names: tuple[str, str]) -> None:
    pupils = [RosterPupil((first,), (surname,), class_name="Oak") for first, surname in names]
    do_replace_roster(school, Roster(pupils), actor)


def check(
    client: Client,
    text: str,
    choice: str | None = "your-school",
    at: str = THURSDAY_MORNING,
    htmx: bool = False,
    **extra: str,
) -> str:
    data = {"text": text, "at": at, **extra}
    if choice is not None:
        data["preset"] = choice
    headers: dict[str, Any] = dict(HTMX) if htmx else {}
    response = client.post(URL, data, **headers)
    assert response.status_code == 200
    return unescape(response.content.decode())


def checked_against(html: str) -> str:
    found = re.search(r'<p class="meta" id="checked-against">(.*?), for \w+day \d', html, re.S)
    assert found, "the result should say what it was checked against"
    return found.group(1)


def options(html: str) -> list[tuple[str, str]]:
    """The policy choices, in order, as (value, label)."""
    select = re.search(r'<select name="preset".*?</select>', html, re.S)
    assert select, "the page should offer a choice of policy"
    return re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', unescape(select.group(0)))


def test_a_members_first_and_chosen_policy_is_their_own_schools(p: Personas) -> None:
    html = p.client_for(p.teacher).get(URL).content.decode()
    choices = options(html)
    assert choices[0] == ("your-school", "Your school's policy (St Catherine's Test School)")
    assert '<option value="your-school" selected>' in html
    assert '<option value="st-catherine" selected>' not in html


def test_the_presets_are_still_offered_to_members_labelled_for_comparison(p: Personas) -> None:
    html = p.client_for(p.teacher).get(URL).content.decode()
    presets = options(html)[1:]
    assert [value for value, _ in presets] == [
        "courtney",
        "no-names-no-faces",
        "rackham",
        "st-catherine",
        "sutton-manor",
    ]
    assert all(label.endswith("(preset, for comparison)") for _, label in presets)
    assert '<optgroup label="Presets, for comparison">' in html


def test_the_page_tells_a_member_it_uses_their_schools_pupil_list(p: Personas) -> None:
    html = unescape(p.client_for(p.teacher).get(URL).content.decode())
    assert "checked against your school's pupil list (1 pupil)" in html
    assert "invented pupils" not in html


@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_a_pupil_on_the_schools_roster_is_caught(p: Personas, htmx: bool) -> None:
    html = check(p.client_for(p.teacher), "Maisie Pemberton won the race today!", htmx=htmx)
    assert "Can't be posted yet" in html
    assert ("block", "Maisie Pemberton") in marks(html)
    assert ROSTER_TRACE in html
    assert checked_against(html) == "Checked against St Catherine's Test School's policy and its 1 pupil"


def test_a_pupil_added_by_a_new_roster_import_is_caught_at_once(p: Personas) -> None:
    client = p.client_for(p.teacher)
    assert "Ready to post" in check(client, "Zara Quennell won the race today!")
    give_pupils(p.school, p.head, ("Maisie", "Pemberton"), ("Zara", "Quennell"))
    html = check(client, "Zara Quennell won the race today!")
    assert ("block", "Zara Quennell") in marks(html)
    assert checked_against(html).endswith("and its 2 pupils")


@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_a_demo_pupil_who_is_not_on_the_schools_roster_is_not_a_roster_pupil(p: Personas, htmx: bool) -> None:
    html = check(p.client_for(p.teacher), DEMO_PUPIL_NEWS, htmx=htmx)
    assert "Ready to post" in html
    assert marks(html) == []
    # A visitor's check, against the demo class list, catches the same words.
    assert ("block", "Grace Okonjo") in marks(check(Client(), DEMO_PUPIL_NEWS, choice="st-catherine"))


def test_a_name_not_on_the_roster_is_still_caught_when_the_wording_makes_a_child_the_subject(
    p: Personas,
) -> None:
    html = check(p.client_for(p.teacher), "Well done Ruby Ashworth for a brilliant swim at the gala!")
    assert ("block", "Ruby Ashworth") in marks(html)
    assert "the wording makes a child the subject" in html
    assert ROSTER_TRACE not in html


def test_the_schools_own_edited_policy_is_used_not_the_preset_it_started_from(p: Personas) -> None:
    update_policy(p.school, set_values(p.school.policy_toml, {("writing", "max_length"): 150}), p.head)
    client = p.client_for(p.teacher)
    assert "of <span data-limit>150</span> characters" in client.get(URL).content.decode()
    text = "Thank you, parents, for all your support with reading at home. " * 3
    own = check(client, text)
    assert "Too long" in card_titles(own)
    assert "of <span data-limit>150</span> characters" in own
    assert "of 150 characters." in own
    preset = check(client, text, choice="st-catherine")
    assert "Too long" not in card_titles(preset)


@pytest.mark.parametrize(
    ("who", "flagged"),
    [("teacher", True), ("head", False)],
    ids=["a class teacher may not", "the headteacher may"],
)
def test_an_exception_is_judged_for_the_members_role(p: Personas, who: str, flagged: bool) -> None:
    html = check(
        p.client_for(getattr(p, who)),
        "What a performance! Thank you to everyone who came to the summer concert.",
        at=SATURDAY_EVENING,
        exception="school-event",
    )
    assert ("Outside posting hours" in card_titles(html)) is flagged
    assert ("you are class-teacher" in html) is flagged


@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_a_member_can_still_compare_with_a_preset_and_their_own_pupils(p: Personas, htmx: bool) -> None:
    client = p.client_for(p.teacher)
    html = check(
        client, "Maisie Pemberton won the race today! " + "A" * 220, choice="sutton-manor", htmx=htmx
    )
    assert "Too long" in card_titles(html)
    assert "of 240 characters." in html
    assert ("block", "Maisie Pemberton") in marks(html)
    assert checked_against(html) == (
        "Checked against the Sutton Manor Primary School preset, for comparison, "
        "and St Catherine's Test School's 1 pupil"
    )
    # The demo class list is never used for a member, whichever policy they pick.
    assert marks(check(client, DEMO_PUPIL_NEWS, choice="sutton-manor")) == []


def test_an_empty_roster_is_said_plainly(db: None) -> None:
    p = make_personas()  # a school that has not imported its roster yet
    client = p.client_for(p.teacher)
    assert "Your school has no pupils on its list yet" in unescape(client.get(URL).content.decode())
    html = check(client, "Well done Year 4 for a lovely assembly.")
    assert checked_against(html) == (
        "Checked against St Catherine's Test School's policy and its pupil list, which is empty"
    )
    assert "pupils' names cannot be caught" in html


@pytest.mark.parametrize(
    "choice",
    ["st-caths-elsewhere", "Elsewhere Primary", "school", "{pk}", "other-school", ""],
)
def test_a_member_cannot_choose_another_schools_policy(p: Personas, choice: str) -> None:
    html = check(p.client_for(p.teacher), "Well done Year 4!", choice=choice.format(pk=p.other_school.pk))
    assert "Can't check this yet" in html
    assert "Ready to post" not in html


def test_a_member_never_checks_against_another_schools_pupils(p: Personas) -> None:
    give_pupils(p.other_school, p.outsider, ("Zebedee", "Quartermaine"))
    text = "Zebedee Quartermaine won the race today!"
    teacher = p.client_for(p.teacher)
    # Even with the other school's id in the session, the member checks against their own school.
    session = teacher.session
    session["school_id"] = p.other_school.pk
    session.save()
    html = check(teacher, text)
    assert "Ready to post" in html
    assert checked_against(html).startswith("Checked against St Catherine's Test School's policy")
    assert "Elsewhere Primary" not in html
    # The other school's own member does catch their pupil, against their own policy.
    theirs = check(p.client_for(p.outsider), text)
    assert ("block", "Zebedee Quartermaine") in marks(theirs)
    assert checked_against(theirs) == "Checked against Elsewhere Primary's policy and its 1 pupil"


def test_a_visitor_is_told_the_pupils_are_invented_and_offered_sign_in(client: Client) -> None:
    html = unescape(client.get(URL).content.decode())
    assert "a demo class list of invented pupils" in html
    assert 'href="/accounts/login/?next=/check/">Sign in</a>' in html
    assert "your-school" not in html
    assert '<option value="st-catherine" selected>' in html


@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_a_visitors_check_says_it_used_a_preset_and_invented_pupils(client: Client, htmx: bool) -> None:
    html = check(client, DEMO_PUPIL_NEWS, choice="st-catherine", htmx=htmx)
    assert checked_against(html) == (
        "Checked against the St Catherine of Siena Primary School preset and a demo class list of invented pupils"
    )
    assert ("block", "Grace Okonjo") in marks(html)


def test_a_visitor_cannot_choose_your_school(client: Client) -> None:
    html = check(client, "Well done Year 4!", choice="your-school")
    assert "Can't check this yet" in html
    assert "“your-school” is not one of the school policies" in html


def test_a_member_who_sends_no_policy_is_asked_to_choose_one(p: Personas) -> None:
    html = check(p.client_for(p.teacher), "Well done Year 4!", choice=None)
    # The policy is required: nothing chosen is an error, never someone else's policy.
    assert "Can't check this yet" in html
    assert "Choose the school policy to check against." in html

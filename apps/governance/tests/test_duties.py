"""The governance duties on the one schedule of reminders: the policy review (RAC-13, COU-13),
reminded to the headteacher ahead of it and when overdue, and the term's e-safety post."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from apps.governance import actions
from apps.governance.duties import ESAFETY_KEY, REVIEW_KEY
from apps.notifications.models import Notification
from apps.reminders.actions import send_reminders
from apps.reminders.registry import completions_for, duties_for
from apps.schools import actions as schools
from apps.schools.models import Membership
from apps.schools.policy_edit import set_values
from apps.schools.testing import Personas


def member(p: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=p.school)


def review_on(p: Personas, when: str) -> None:
    p.school.refresh_from_db()
    schools.update_policy(
        p.school, set_values(p.school.policy_toml, {("review", "next_review"): when}), p.head
    )


def sign(p: Personas) -> None:
    p.school.refresh_from_db()
    version = actions.latest_version(p.school)
    actions.sign_version(version, member(p, p.head), "Helen Head")
    actions.sign_version(version, member(p, p.governor), "Gill Governor")


def test_the_headteacher_is_reminded_ahead_of_the_review_date_and_when_it_is_overdue(p: Personas) -> None:
    review_on(p, "2027-03-15")
    duty = next(d for d in duties_for(p.school, date(2027, 1, 1)) if d.key == REVIEW_KEY)
    assert duty.due_on == date(2027, 3, 15) and duty.url == reverse("governance:index")
    send_reminders(date(2027, 2, 1))  # six weeks ahead: not yet
    assert not Notification.objects.filter(title__contains="Review the social media policy").exists()
    send_reminders(date(2027, 2, 20))  # within 30 days
    ahead = Notification.objects.filter(title__contains="Review the social media policy")
    assert [n.user for n in ahead] == [p.head] and "Due by 15 March 2027" in ahead[0].title
    send_reminders(date(2027, 2, 21))
    assert ahead.count() == 1  # once
    send_reminders(date(2027, 3, 16))
    overdue = Notification.objects.filter(title__startswith="Overdue: Review the social media policy")
    assert [n.user for n in overdue] == [p.head]


def test_the_review_is_done_when_the_governors_sign_a_later_review_date(p: Personas) -> None:
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    review_on(p, "2026-07")
    sign(p)
    review_on(p, "2027-07")  # the review: the next date set, and signed
    sign(p)
    done = [
        c
        for c in completions_for(p.school, date(2020, 1, 1), date(2030, 1, 1))
        if "Policy reviewed" in c.name
    ]
    assert len(done) == 1 and done[0].due_on == date(2026, 7, 1) and "Gill Governor" in done[0].by
    duty = next(d for d in duties_for(p.school, date(2026, 12, 1)) if d.key == REVIEW_KEY)
    assert duty.due_on == date(2027, 7, 1) and duty.last_done is not None


def test_the_terms_e_safety_post_is_a_duty_done_by_starting_one(p: Personas) -> None:
    duty = next(d for d in duties_for(p.school, date(2026, 9, 10)) if d.key == ESAFETY_KEY)
    assert duty.due_on == date(2026, 9, 29) and "class-teacher" in duty.roles
    actions.offer_esafety(p.school, date(2026, 9, 10))
    actions.start_esafety_draft("report-it", member(p, p.teacher))
    today = date.today()
    duty = next(d for d in duties_for(p.school, today) if d.key == ESAFETY_KEY)
    assert duty.last_done == today and duty.due_on is not None and duty.due_on > today
    done = completions_for(p.school, today, today)
    assert any(c.name == "E-safety post started: Report what worries you" for c in done)

"""The duties a policy makes periodic: terms, the registry, the reminders sent once, escalation, the page."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail

from apps.audit.models import AuditEntry
from apps.notifications.models import Notification
from apps.platforms.models import Connection
from apps.reminders import actions, registry, terms
from apps.reminders.duties import KEY as CONSENT_KEY
from apps.reminders.duties import REVIEW_KEY
from apps.reminders.models import DutyDone, SentReminder
from apps.reminders.registry import Duty, Status
from apps.schools.actions import update_policy
from apps.schools.models import Membership, Role, School
from apps.schools.testing import Personas, make_personas


@pytest.fixture
def p(db: None, settings: Any) -> Personas:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_personas()


def _member(p: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=p.school)


def _started(school: School, on: date) -> None:
    School.objects.filter(pk=school.pk).update(created_at=datetime(on.year, on.month, on.day, tzinfo=UTC))
    school.refresh_from_db()


# --- Terms ---------------------------------------------------------------------------------------


def test_without_term_dates_the_english_school_year_has_three_terms_covering_every_day() -> None:
    autumn, spring, summer = terms.terms_of_year(None, 2026)
    assert (autumn.name, autumn.start, autumn.end) == ("Autumn term 2026", date(2026, 9, 1), date(2027, 1, 4))
    assert (spring.name, spring.start, spring.end) == (
        "Spring term 2027",
        date(2027, 1, 5),
        date(2027, 4, 19),
    )
    assert (summer.name, summer.start, summer.end) == (
        "Summer term 2027",
        date(2027, 4, 20),
        date(2027, 8, 31),
    )
    assert terms.term_containing(None, date(2026, 12, 25)) == autumn  # the holiday goes with its term
    assert terms.term_by_key(None, "2026-spring") == spring
    assert terms.term_by_key(None, "nonsense") is None
    assert [t.key for t in terms.recent_terms(None, date(2027, 2, 1), 3)] == [
        "2026-spring",
        "2026-autumn",
        "2025-summer",
    ]


def test_the_terms_come_from_the_term_starts_in_the_schools_settings(p: Personas) -> None:
    policy = p.school.policy
    custom = dataclasses.replace(
        policy, credentials=dataclasses.replace(policy.credentials, term_starts=["01-06", "09-03", "04-14"])
    )
    autumn = terms.term_containing(custom, date(2026, 10, 1))
    assert (autumn.start, autumn.end) == (date(2026, 9, 3), date(2027, 1, 5))
    assert terms.school_year_start(custom, date(2027, 5, 1)) == date(2026, 9, 3)


# --- The registry -------------------------------------------------------------------------------


@pytest.fixture
def extra_duty() -> Iterator[list[Duty]]:
    owed: list[Duty] = []

    def extra(school: School, today: date) -> list[Duty]:
        return owed

    registry.duties(extra)
    yield owed
    registry._duties.remove(extra)


def test_a_registered_function_adds_its_duties_most_pressing_first(
    p: Personas, extra_duty: list[Duty]
) -> None:
    today = date(2026, 11, 2)
    extra_duty.append(Duty("test.later", "Later", ("governor",), today + timedelta(days=60)))
    extra_duty.append(
        Duty("test.review", "Review the followers", ("senior-leader",), today - timedelta(days=1))
    )
    found = registry.duties_for(p.school, today)
    assert found[0].key == "test.review" and found[0].status(today) == Status.OVERDUE
    assert "test.later" in [d.key for d in found]


# --- The sign-in change --------------------------------------------------------------------------


def _connection(p: Personas, connected: date) -> Connection:
    at = datetime(connected.year, connected.month, connected.day, 12, tzinfo=UTC)
    return Connection.objects.create(
        school=p.school,
        account=p.main,
        kind="mastodon",
        handle="@school@example.org",
        status=Connection.Status.ACTIVE,
        approved_at=at,
    )


def test_a_termly_sign_in_change_is_due_on_the_first_day_of_the_next_term(p: Personas) -> None:
    connection = _connection(p, date(2026, 10, 1))
    duty = next(d for d in registry.duties_for(p.school, date(2026, 10, 2)) if d.key.startswith("platforms."))
    assert duty.key == f"platforms.rotation.{connection.pk}"
    assert duty.due_on == date(2027, 1, 5) and duty.last_done == date(2026, 10, 1)
    assert set(duty.roles) == {"headteacher", "senior-leader"}
    assert duty.status(date(2026, 12, 1)) == Status.UP_TO_DATE
    assert duty.status(date(2027, 1, 1)) == Status.DUE
    assert duty.status(date(2027, 1, 6)) == Status.OVERDUE


def test_each_reminder_is_sent_once_when_due_and_once_more_to_the_headteacher_when_overdue(
    p: Personas,
) -> None:
    _connection(p, date(2026, 10, 1))
    _started(p.school, date(2026, 8, 1))
    DutyDone.objects.create(
        school=p.school, key=CONSENT_KEY, name="x", done_on=date(2026, 9, 10), done_by=p.head
    )
    assert actions.send_reminders(date(2026, 12, 1)) == 0  # nothing due yet

    assert actions.send_reminders(date(2027, 1, 1)) == 1
    due = Notification.objects.filter(school=p.school, kind="reminder.due")
    assert {n.user for n in due} == {p.head, p.senior}
    assert due[0].title == "Due by 5 January 2027: Change the sign-in of Main account on Mastodon".replace(
        "Main account", p.main.name
    )
    assert len(mail.outbox) == 2 and "Why: Your school's policy changes the sign-in" in mail.outbox[0].body
    assert actions.send_reminders(date(2027, 1, 2)) == 0  # not again

    p.senior.memberships.update(role=Role.OFFICE)  # the headteacher is told even when not named
    assert actions.send_reminders(date(2027, 1, 6)) == 1
    overdue = Notification.objects.filter(school=p.school, kind="reminder.overdue")
    assert [n.user for n in overdue] == [p.head]
    assert actions.send_reminders(date(2027, 1, 20)) == 0
    assert SentReminder.objects.filter(school=p.school).count() == 2
    assert AuditEntry.objects.filter(school=p.school, action="reminder.overdue").count() == 1
    assert not SentReminder.objects.filter(school=p.other_school).exists()


# --- Consent renewal ------------------------------------------------------------------------------


def _consent(p: Personas, today: date) -> Duty:
    return next(d for d in registry.duties_for(p.school, today) if d.key == CONSENT_KEY)


def test_consent_renewal_falls_due_at_the_start_of_the_school_year_until_marked_done(p: Personas) -> None:
    _started(p.school, date(2025, 3, 1))
    duty = _consent(p, date(2026, 8, 20))  # last year's renewal never recorded
    assert duty.due_on == date(2025, 10, 1) and duty.status(date(2026, 8, 20)) == Status.OVERDUE
    duty = _consent(p, date(2026, 9, 2))
    assert duty.due_on == date(2026, 10, 1) and duty.status(date(2026, 9, 2)) == Status.DUE
    assert set(duty.roles) == {"headteacher", "senior-leader", "office"}

    actions.mark_done(_member(p, p.senior), CONSENT_KEY, "Forms back and recorded", today=date(2026, 9, 20))
    duty = _consent(p, date(2026, 9, 21))
    assert duty.due_on == date(2027, 10, 1) and duty.last_done == date(2026, 9, 20)
    assert registry.status_words(duty, date(2026, 9, 21)) == "Up to date"
    done = registry.completions_for(p.school, date(2026, 9, 1), date(2026, 12, 31))
    assert [(c.name, c.on_time, c.by) for c in done] == [
        ("Renew pupils' photo consent for the school year", True, "Sam Senior")
    ]
    assert AuditEntry.objects.filter(school=p.school, action="reminder.done").exists()


def test_only_senior_leaders_mark_a_duty_done_and_only_one_that_is_marked_here(p: Personas) -> None:
    connection = _connection(p, date(2026, 10, 1))
    for user in (p.office, p.governor):
        with pytest.raises(actions.Refused):
            actions.mark_done(_member(p, user), CONSENT_KEY, "")
    with pytest.raises(actions.Refused, match="recorded where it is done"):
        actions.mark_done(_member(p, p.head), f"platforms.rotation.{connection.pk}", "")
    with pytest.raises(actions.Refused, match="not on your school's list"):
        actions.mark_done(_member(p, p.head), "nonsense", "")
    assert not DutyDone.objects.exists()


# --- The page -------------------------------------------------------------------------------------


def test_governors_read_the_duties_and_senior_leaders_mark_them_done(p: Personas) -> None:
    _started(p.school, date(2024, 3, 1))
    page = p.client_for(p.governor).get("/duties/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Renew pupils&#x27; photo consent" in text and "Overdue" in text
    assert "the headteacher, senior leaders and office staff".capitalize() in text
    assert "Mark as done today" not in text
    assert p.client_for(p.teacher).get("/duties/").status_code == 403
    assert p.client_for(p.governor).post("/duties/done/", {"key": CONSENT_KEY}).status_code == 302
    assert not DutyDone.objects.exists()

    head = p.client_for(p.head)
    assert "Mark as done today" in head.get("/duties/").content.decode()
    head.post("/duties/done/", {"key": CONSENT_KEY, "note": "All forms in"})
    done = DutyDone.objects.get()
    assert (done.done_by, done.note) == (p.head, "All forms in")
    assert "Up to date" in head.get("/duties/").content.decode()


# --- The policy review (until the governance app registers its own) ------------------------------


def test_the_policys_review_date_is_a_duty_for_the_headteacher_until_reviewed(
    p: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    def review(today: date) -> Duty:
        return next(d for d in registry.duties_for(p.school, today) if d.key == REVIEW_KEY)

    # Without the governance app (which registers the review itself: apps/governance/duties.py).
    monkeypatch.setattr("django.apps.apps.is_installed", lambda name: False)
    assert review(date(2027, 1, 1)).due_on is None  # the preset sets no review date
    assert "[review]" not in p.school.policy_toml
    text = p.school.policy_toml + '\n[review]\nnext_review = "2027-07"\n'
    update_policy(p.school, text, actor=None)
    p.school.refresh_from_db()
    duty = review(date(2027, 6, 5))
    assert (duty.due_on, duty.roles, duty.status(date(2027, 6, 5))) == (
        date(2027, 7, 1),
        ("headteacher",),
        Status.DUE,
    )
    actions.mark_done(_member(p, p.head), REVIEW_KEY, "Reviewed at the FGB", today=date(2027, 6, 20))
    assert review(date(2027, 8, 1)).due_on is None and review(date(2027, 8, 1)).last_done == date(2027, 6, 20)

    monkeypatch.setattr("django.apps.apps.is_installed", lambda name: name == "apps.governance")
    assert REVIEW_KEY not in [d.key for d in registry.duties_for(p.school, date(2027, 8, 1))]


def test_one_schools_failing_duty_does_not_stop_the_others_reminders(p: Personas) -> None:
    _started(p.school, date(2024, 3, 1))
    _started(p.other_school, date(2024, 3, 1))

    def broken(school: School, today: date) -> list[Duty]:
        if school == p.school:
            raise RuntimeError("a bug in one app")
        return []

    registry.duties(broken)
    try:
        assert actions.send_reminders(date(2026, 10, 5)) == 1
    finally:
        registry._duties.remove(broken)
    assert SentReminder.objects.get().school == p.other_school

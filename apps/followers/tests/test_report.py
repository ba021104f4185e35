"""The governors' report's "Followers reviewed and blocked", checked against decisions seeded in and
out of the period, on the page and in the PDF."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from apps.followers.models import Decision, Follower, Review
from apps.followers.tests.conftest import School, make_school
from apps.reports import figures

START, END = date(2026, 9, 1), date(2026, 11, 30)
STATE = {
    "keep": Follower.State.KEPT,
    "remove": Follower.State.REMOVED,
    "block": Follower.State.BLOCKED,
    "report": Follower.State.REPORTED,
    "approve": Follower.State.KEPT,
    "reject": Follower.State.REJECTED,
}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=timezone.get_current_timezone())


def _decide(
    world: School,
    handle: str,
    action: str,
    day: date,
    platform: str = "mastodon",
    outcome: str = Decision.Outcome.DONE,
    staff: bool = False,
    school: Any = None,
) -> None:
    school = school or world.p.school
    follower = Follower.objects.create(
        school=school,
        account=world.p.main if school == world.p.school else school.accounts.first(),
        platform=platform,
        external_id=handle,
        handle=f"{handle}@parents.example",
        display_name=f"Jane {handle.title()}",
        relation=Follower.Relation.REQUEST if action in ("approve", "reject") else Follower.Relation.FOLLOWER,
        staff=world.p.teacher if staff else None,
        staff_certain=staff,
        first_seen_at=_at(day) - timedelta(days=2),
        state=STATE[action] if outcome == Decision.Outcome.DONE else Follower.State.PENDING,
    )
    Decision.objects.create(
        school=school,
        follower=follower,
        action=action,
        by=None if staff else world.p.head,
        at=_at(day),
        outcome=outcome,
    )


@pytest.fixture
def seeded(db: None, settings: Any) -> School:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_school()
    in_term = date(2026, 10, 6)
    for n in range(3):
        _decide(world, f"kept{n}", "keep", in_term)
    _decide(world, "kept-bsky", "keep", in_term, platform="bluesky")
    _decide(world, "removed", "remove", in_term)
    _decide(world, "staffer", "remove", in_term, staff=True)  # a declared staff account, by the policy
    _decide(world, "casino", "block", in_term, platform="bluesky")
    _decide(world, "phish", "report", END)  # the last day counts
    _decide(world, "asked", "approve", in_term)
    _decide(world, "asked2", "reject", in_term)
    _decide(world, "refused", "block", in_term, outcome=Decision.Outcome.FAILED)
    # Outside the period, or at another school: never counted.
    _decide(world, "summer", "block", START - timedelta(days=1))
    _decide(world, "spring", "keep", END + timedelta(days=1))
    elsewhere = make_school(slug="other").p.school
    _decide(world, "theirs", "block", in_term, school=elsewhere)

    def review(done: date, due: date | None) -> None:
        Review.objects.create(
            school=world.p.school,
            done_by=world.p.head,
            done_at=_at(done),
            due_at=_at(due) if due else None,
            decided=4,
        )

    review(date(2026, 10, 6), date(2026, 10, 8))  # on time
    review(date(2026, 11, 20), date(2026, 11, 13))  # a week late
    review(date(2026, 8, 28), date(2026, 8, 20))  # before the period
    return world


def test_the_report_counts_decisions_requests_staff_accounts_and_reviews_in_the_period(
    seeded: School,
) -> None:
    report = figures.build(seeded.p.school, START, END)
    section = next(s for s in report.sections if s.key == "followers")
    assert section.title == "Followers reviewed and blocked"
    assert section.lines == [
        "8 followers were reviewed: 4 kept, 2 removed, 1 blocked and 1 blocked and reported.",
        "2 follow requests were answered: 1 approved and 1 turned down.",
        "1 personal account of a member of staff was removed or blocked, as the policy asks (staff are told why).",
        "1 decision could not be carried out on the platform at the time (the follower stayed in the review to decide again).",
        "2 follower reviews were recorded as done: 1 on time, 1 late.",
    ]
    platforms, reviews = section.tables
    assert platforms.rows == [
        ["Bluesky", "1", "0", "1", "0", "0", "0"],
        ["Mastodon", "3", "2", "0", "1", "1", "1"],
    ]
    assert reviews.rows == [
        ["6 Oct 2026", "4", "8 Oct 2026", "On time"],
        ["20 Nov 2026", "4", "13 Nov 2026", "Late"],
    ]
    # The follower reviews are also among the duties done, on time or late.
    duties = next(s for s in report.sections if s.key == "duties")
    assert duties.lines[0] == "2 duties were done: 1 on time, 1 late."
    cells = list(figures.all_rows([section]))
    assert not any("parents.example" in c or "Jane" in c or "Tara" in c for c in cells)  # counted, not named


def test_an_empty_period_says_so_and_a_period_up_to_today_says_who_waits(seeded: School) -> None:
    quiet = next(
        s
        for s in figures.build(seeded.p.school, date(2026, 1, 5), date(2026, 4, 1)).sections
        if s.key == "followers"
    )
    assert quiet.lines == [
        "No follower or follow request was decided about in this period.",
        "No personal account of a member of staff had to be removed.",
        "No follower review was recorded as done in this period.",
    ]
    assert quiet.tables == []
    Follower.objects.filter(handle__startswith="kept0").update(state=Follower.State.PENDING)
    today = timezone.localdate()
    now = next(
        s
        for s in figures.build(seeded.p.school, today - timedelta(days=30), today).sections
        if s.key == "followers"
    )
    assert (
        now.lines[-1] == "2 followers or follow requests wait for a decision now."
    )  # with the one that failed


def test_the_report_page_and_its_pdf_show_the_follower_figures(seeded: School) -> None:
    governor = seeded.p.client_for(seeded.p.governor)
    query = f"start={START.isoformat()}&end={END.isoformat()}"
    page = governor.get(f"/reports/governors/?{query}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Followers reviewed and blocked" in html
    assert "8 followers were reviewed: 4 kept, 2 removed, 1 blocked and 1 blocked and reported." in html
    assert "Requests turned down" in html

    pdf = governor.get(f"/reports/governors/pdf/?{query}")
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    for expected in (
        "Followers reviewed and blocked",
        "8 followers were reviewed: 4 kept, 2 removed, 1 blocked and 1 blocked and reported.",
        "2 follow requests were answered: 1 approved and 1 turned down.",
        "2 follower reviews were recorded as done: 1 on time, 1 late.",
        "Mastodon",
        "13 Nov 2026",
    ):
        assert expected in text, expected
    assert "parents.example" not in text and "Jane" not in text

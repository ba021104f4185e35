"""SP301 outside-posting-window: the school's hours in its own time zone, across the clock changes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.rules.base import Post
from safepost.policy.rules.outside_posting_window import in_window, next_window_start

LONDON = ZoneInfo("Europe/London")
POST = "Reminder: Year 4 can come to school dressed as a scientist on Wednesday."


def window_findings(policy: Policy, at: datetime, **kw: str) -> list[str]:
    report = Checker(policy).check(Post(POST, at=at, **kw))  # type: ignore[arg-type]
    return [f.message for f in report.findings if f.category == "out-of-hours"]


@pytest.mark.parametrize(
    ("preset", "at", "inside"),
    [
        ("st-catherine", "2026-03-09T08:00", True),  # Monday, the window opens
        ("st-catherine", "2026-03-09T07:59", False),
        ("st-catherine", "2026-03-09T18:00", True),  # a post at exactly the end is allowed
        ("st-catherine", "2026-03-09T18:01", False),
        ("st-catherine", "2026-03-07T11:00", False),  # Saturday
        ("rackham", "2026-03-09T07:00", True),  # Rackham posts 07:00-19:00
        ("rackham", "2026-03-09T19:00", True),
        ("rackham", "2026-03-09T19:20", False),
        ("rackham", "2026-03-09T06:59", False),
    ],
)
def test_it_knows_the_edges_of_each_window(
    presets: dict[str, Policy], preset: str, at: str, inside: bool
) -> None:
    assert in_window(datetime.fromisoformat(at), presets[preset]) is inside
    assert (window_findings(presets[preset], datetime.fromisoformat(at)) == []) is inside


def test_it_names_the_next_allowed_time_in_the_message(presets: dict[str, Policy]) -> None:
    report = Checker(presets["st-catherine"]).check(Post(POST, at=datetime(2026, 3, 8, 20, 15)))
    finding = next(f for f in report.findings if f.category == "out-of-hours")
    assert "Sunday 20:15 is outside the posting hours (Mon–Fri 08:00–18:00)" in finding.message
    assert finding.suggestion is not None
    assert finding.suggestion.startswith("Schedule it for 08:00 tomorrow (Monday 9 March)")


def test_a_post_written_after_six_on_friday_waits_for_monday_morning(presets: dict[str, Policy]) -> None:
    friday_evening = datetime(2026, 3, 13, 18, 30, tzinfo=LONDON)
    assert next_window_start(friday_evening, presets["st-catherine"]) == datetime(
        2026, 3, 16, 8, 0, tzinfo=LONDON
    )


def test_the_window_follows_the_clocks_going_forward_in_march(presets: dict[str, Policy]) -> None:
    # The clocks go forward at 01:00 UTC on Sunday 29 March 2026: 08:00 on Monday is 07:00 UTC.
    sunday_night = datetime(2026, 3, 29, 22, 0, tzinfo=LONDON)
    opens = next_window_start(sunday_night, presets["st-catherine"])
    assert opens.astimezone(ZoneInfo("UTC")) == datetime(2026, 3, 30, 7, 0, tzinfo=ZoneInfo("UTC"))
    assert opens.utcoffset() is not None and opens.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


def test_the_window_follows_the_clocks_going_back_in_october(presets: dict[str, Policy]) -> None:
    # The clocks go back on Sunday 25 October 2026: 08:00 on Monday is 08:00 UTC again.
    opens = next_window_start(datetime(2026, 10, 25, 12, 0, tzinfo=LONDON), presets["st-catherine"])
    assert opens.astimezone(ZoneInfo("UTC")) == datetime(2026, 10, 26, 8, 0, tzinfo=ZoneInfo("UTC"))


def test_a_time_given_in_utc_is_judged_in_the_schools_time_zone(presets: dict[str, Policy]) -> None:
    # 17:30 UTC in June is 18:30 in London: outside St Catherine's window.
    at = datetime(2026, 6, 10, 17, 30, tzinfo=ZoneInfo("UTC"))
    assert window_findings(presets["st-catherine"], at)
    # 17:30 UTC in January is 17:30 in London: inside.
    assert not window_findings(presets["st-catherine"], datetime(2026, 1, 14, 17, 30, tzinfo=ZoneInfo("UTC")))


@pytest.mark.parametrize("exception", ["school-event", "urgent-news"])
def test_an_allowed_exception_lets_a_post_out_of_hours(presets: dict[str, Policy], exception: str) -> None:
    assert window_findings(presets["st-catherine"], datetime(2026, 3, 7, 13, 30), exception=exception) == []


def test_an_exception_is_refused_to_a_role_the_policy_does_not_give_it_to(presets: dict[str, Policy]) -> None:
    messages = window_findings(
        presets["st-catherine"], datetime(2026, 3, 7, 13, 30), exception="school-event", role="class-teacher"
    )
    assert messages and "Only headteacher, senior-leader may post outside" in messages[0]
    assert not window_findings(
        presets["st-catherine"], datetime(2026, 3, 7, 13, 30), exception="school-event", role="senior-leader"
    )


def test_without_a_time_there_is_nothing_to_check(presets: dict[str, Policy]) -> None:
    assert window_findings(presets["st-catherine"], None) == []  # type: ignore[arg-type]

"""The posts calendar: a week or a month of what goes out when, the posting window shaded."""

from __future__ import annotations

from html import unescape
from typing import Any

import pytest
from django.urls import reverse

from apps.posts.models import Post
from apps.posts.tests.conftest import london
from apps.schools.actions import update_policy
from apps.schools.testing import Personas

URL = reverse("posts:calendar")


def post_at(p: Personas, account: Any, moment: Any, text: str, **fields: Any) -> Post:
    status = fields.pop("status", Post.Status.SCHEDULED)
    return Post.objects.create(
        school=p.school,
        account=account,
        author=p.head,
        text=text,
        status=status,
        scheduled_for=moment,
        **fields,
    )


def page(p: Personas, query: str = "", user: Any = None) -> str:
    return unescape(p.client_for(user or p.head).get(f"{URL}{query}").content.decode())


@pytest.mark.django_db
def test_the_week_shows_each_post_in_its_hour_on_its_day(p: Personas, clock: Any) -> None:
    post_at(p, p.main, london(2026, 3, 11, 15, 30), "Sports day photos are on the website!")
    html = page(p)  # Monday 9 March 2026, 10:00
    assert "9–15 March 2026" in html
    assert "Wed 11" in html and "15:30" in html and "Sports day photos" in html
    # The hours inside the posting window are shaded as open; the weekend is not.
    assert html.count("cal-slot--open") == 5 * 10  # Mon–Fri, 08:00–17:59
    assert "Saturday 14 March" in html and "No posting today: outside the posting days." in html


@pytest.mark.django_db
def test_the_month_counts_posts_per_day_and_links_each_day_to_its_week(p: Personas, clock: Any) -> None:
    for hour in (9, 11, 14, 16):
        post_at(p, p.main, london(2026, 3, 20, hour), f"News at {hour}")
    html = page(p, "?view=month")
    assert "March 2026" in html and "4 posts" in html
    assert "and 1 more" in html  # three shown in the cell, the rest in the week
    assert f"{URL}?view=week&date=2026-03-20" in html


@pytest.mark.django_db
def test_previous_and_next_move_by_a_week_or_a_month(p: Personas, clock: Any) -> None:
    assert "16–22 March 2026" in page(p, "?view=week&date=2026-03-16")
    html = page(p, "?view=month&date=2026-03-09")
    assert "?view=month&date=2026-02-01" in html and "?view=month&date=2026-04-01" in html
    htmx = (
        p.client_for(p.head).get(f"{URL}?view=month&date=2026-04-01", HTTP_HX_REQUEST="true").content.decode()
    )
    assert "April 2026" in htmx and "<html" not in htmx  # only the calendar is swapped


@pytest.mark.django_db
def test_one_account_at_a_time(p: Personas, clock: Any) -> None:
    post_at(p, p.main, london(2026, 3, 10, 9), "Main account news")
    post_at(p, p.oak, london(2026, 3, 10, 11), "Oak Class news")
    html = page(p, f"?account={p.oak.pk}")
    assert "Oak Class news" in html and "Main account news" not in html


@pytest.mark.django_db
def test_term_starts_and_exceptions_outside_hours_are_marked(p: Personas, clock: Any) -> None:
    update_policy(
        p.school,
        p.school.policy_toml.replace("[credentials]", '[credentials]\nterm_starts = ["03-12"]', 1),
        p.head,
    )
    post_at(p, p.main, london(2026, 3, 10, 19, 45), "Match result: we won!", exception="school-event")
    html = page(p)
    assert "Term starts</span></th>" in html or 'Thursday 12 March <span class="cal-flag">Term starts' in html
    assert "19:45" in html and "School event" in html


@pytest.mark.django_db
def test_drafts_and_deleted_posts_are_not_on_the_calendar_and_bad_input_is_refused_plainly(
    p: Personas, clock: Any
) -> None:
    post_at(p, p.main, london(2026, 3, 10, 9), "A private draft", status=Post.Status.DRAFT)
    post_at(p, p.main, london(2026, 3, 10, 10), "A deleted post", status=Post.Status.DELETED)
    html = page(p)
    assert "A private draft" not in html and "A deleted post" not in html
    assert "That date could not be read, so this shows today." in page(p, "?date=31-02-2026")
    for far in ("0001-01-01", "9999-12-31"):
        assert "That date could not be read, so this shows today." in page(p, f"?view=month&date={far}")
    assert p.client_for(p.head).get(f"{URL}?account=abc").status_code == 404


@pytest.mark.django_db
def test_governors_see_the_calendar_and_outsiders_get_404_for_another_schools_account(
    p: Personas, clock: Any
) -> None:
    post_at(p, p.main, london(2026, 3, 10, 9), "Governors can see this")
    assert "Governors can see this" in page(p, user=p.governor)
    other = p.other_school.accounts.first()
    assert p.client_for(p.head).get(f"{URL}?account={other.pk}").status_code == 404

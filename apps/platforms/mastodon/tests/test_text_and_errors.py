"""Recognising our own status in Mastodon's HTML, and reading Mastodon's rate-limit headers."""

from __future__ import annotations

import json

import pytest

from apps.platforms.mastodon.client import account_info
from apps.platforms.mastodon.errors import retry_after
from apps.platforms.mastodon.tests.conftest import FIXTURES
from apps.platforms.mastodon.text import html_to_text, same_text

STATUS = json.loads((FIXTURES / "status-mastodon-4.3.json").read_text())
SENT = (
    "Sports day results & photos: https://www.stcatherines.example.sch.uk/news/2026/sports-day-results "
    "#SportsDay\n\nThank you @pta@other.example for the cakes!\nBack on Monday."
)


def test_it_recognises_the_text_it_sent_in_a_real_mastodon_status() -> None:
    assert same_text(SENT, STATUS["content"])


def test_it_keeps_the_whole_link_that_mastodon_shortens_on_screen() -> None:
    assert "https://www.stcatherines.example.sch.uk/news/2026/sports-day-results" in html_to_text(
        STATUS["content"]
    )


@pytest.mark.parametrize(
    "other",
    [
        SENT.replace("Monday", "Tuesday"),
        SENT.replace("Sports day", "sports day"),
        SENT + " Extra words.",
    ],
)
def test_a_different_post_is_not_mistaken_for_the_one_it_sent(other: str) -> None:
    assert not same_text(other, STATUS["content"])


def test_the_handle_uses_the_domain_people_see() -> None:
    info = account_info(STATUS["account"], "api.schools.social")

    assert info.handle == "@stcaths@schools.social"
    assert info.external_id == "109364321412345678"


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"Retry-After": "120"}, 120),
        ({"Date": "Wed, 11 Mar 2026 15:45:00 GMT", "X-RateLimit-Reset": "2026-03-11T15:50:00.000Z"}, 300),
        ({"Date": "Wed, 11 Mar 2026 15:45:00 GMT", "Retry-After": "Wed, 11 Mar 2026 15:46:30 GMT"}, 90),
        ({"Date": "Wed, 11 Mar 2026 15:45:00 GMT", "X-RateLimit-Reset": "1773243960"}, 60),
        ({"Date": "Wed, 11 Mar 2026 15:45:00 GMT", "X-RateLimit-Reset": "2026-03-11T15:40:00Z"}, 1),
        ({"X-RateLimit-Reset": "soon"}, None),
        ({}, None),
    ],
)
def test_it_reads_how_long_mastodon_says_to_wait(headers: dict[str, str], wait: float | None) -> None:
    assert retry_after(headers) == wait

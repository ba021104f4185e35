"""Reading how long a platform says to wait (shared by the X, Bluesky and Mastodon clients)."""

from __future__ import annotations

import pytest

from apps.platforms.ratelimits import lowered, seconds_until, server_time

NOW = 1_773_243_900.0  # Wed, 11 Mar 2026 15:45:00 GMT


@pytest.mark.parametrize(
    ("value", "delay", "seconds"),
    [
        ("120", True, 120.0),  # Retry-After: a delay
        ("1773243960", False, 60.0),  # a reset header: a Unix time
        ("Wed, 11 Mar 2026 15:46:30 GMT", True, 90.0),  # Retry-After: an HTTP date
        ("2026-03-11T15:50:00.000Z", False, 300.0),  # Mastodon's ISO 8601 reset
        ("2026-03-11T15:40:00Z", False, -300.0),  # already past: the caller decides
        ("soon", False, None),
        ("", True, None),
    ],
)
def test_a_header_value_is_read_as_seconds_from_now(value: str, delay: bool, seconds: float | None) -> None:
    assert seconds_until(value, NOW, delay=delay) == seconds


def test_the_servers_date_is_the_clock_when_it_sends_one() -> None:
    headers = lowered({"Date": "Wed, 11 Mar 2026 15:45:00 GMT"})
    assert server_time(headers, fallback=0.0) == NOW
    assert server_time({}, fallback=42.0) == 42.0

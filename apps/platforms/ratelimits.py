"""Reading how long a platform says to wait, shared by the platform clients.

Platforms say it in two ways: a delay (``Retry-After: 120``, or an HTTP date) and a reset time
(X's ``x-rate-limit-reset`` and Bluesky's ``ratelimit-reset`` as Unix times, Mastodon's
``X-RateLimit-Reset`` as an ISO 8601 time). Each client decides which headers count and in what
order; this module only reads the values.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import datetime


def lowered(headers: Mapping[str, str]) -> dict[str, str]:
    """The headers with their names in lower case (HTTP header names are case-insensitive)."""
    return {key.lower(): value for key, value in headers.items()}


def server_time(headers: Mapping[str, str], fallback: float) -> float:
    """The server's clock from its ``Date`` header (lower-case names), else ``fallback``: a reset
    time measured against it is right even when either clock is off."""
    try:
        return email.utils.parsedate_to_datetime(headers["date"]).timestamp()
    except (KeyError, TypeError, ValueError, IndexError):
        return fallback


def seconds_until(value: str, now: float, *, delay: bool) -> float | None:
    """Seconds from ``now`` that a header value names, or ``None`` when it cannot be read.

    A plain number is a delay in seconds when ``delay`` (``Retry-After``), otherwise a Unix time
    (the reset headers). An HTTP date or an ISO 8601 time is read either way. The result may be
    negative (a time already past); the caller decides what that means.
    """
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return number if delay else number - now
    try:
        return email.utils.parsedate_to_datetime(text).timestamp() - now
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() - now
    except ValueError:
        return None

"""Turning what Mastodon.py raises into the errors the rest of Safepost understands.

Mastodon.py raises its own exceptions (``MastodonRatelimitError``, ``MastodonUnauthorizedError``,
``MastodonServerError``, ``MastodonNetworkError``, ``MastodonAPIError`` with the HTTP status in its
arguments ...). :func:`translate` maps each to :class:`RetryableError`, :class:`AuthError` or
:class:`PermanentError` with the server's own words and advice in plain English. The rate-limit
wait comes from the response's headers, which :class:`RecordingSession` keeps.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import requests
from mastodon.errors import (
    MastodonAPIError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
    MastodonVersionError,
)

from apps.platforms import netguard
from apps.platforms.base import AuthError, PermanentError, RetryableError
from apps.platforms.ratelimits import lowered, seconds_until, server_time

#: Connect within 5 s, and wait at most 30 s for an answer: far inside the publish task's lease.
TIMEOUT = (5.0, 30.0)

#: What staff are told to do when Mastodon stops accepting Safepost's access.
RECONNECT_ADVICE = (
    "Ask the person who looks after this Mastodon account to reconnect it on Safepost's "
    "Connected accounts page"
)

#: A rate-limit wait longer than this is capped: the publish task retries and asks again.
_MAX_WAIT = 24 * 3600.0


class RecordingSession(requests.Session):
    """The one HTTP session a Mastodon client owns: every request gets a timeout and the last
    response is kept, so a rate-limit error can read the server's ``Retry-After`` and
    ``X-RateLimit-Reset`` headers (Mastodon.py raises without them)."""

    def __init__(self, timeout: tuple[float, float] = TIMEOUT) -> None:
        """A session whose requests time out after ``timeout`` (connect, read) seconds."""
        super().__init__()
        self.default_timeout = timeout
        self.last_response: requests.Response | None = None
        # Public addresses only, checked as each connection is made; no proxies from the
        # environment (they would connect on Safepost's behalf, unchecked); no redirects.
        self.trust_env = False
        self.mount("https://", netguard.GuardedAdapter())
        self.mount("http://", netguard.GuardedAdapter())

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        """Send one request (with the default timeout unless one is given) and remember its response.

        Redirects are never followed: a server could send Safepost on to an address the form refuses.
        """
        kwargs["allow_redirects"] = False
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        self.last_response = None
        response = super().request(method, url, *args, **kwargs)
        self.last_response = response
        return response


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait according to ``Retry-After`` (seconds or a date) or ``X-RateLimit-Reset``
    (an ISO 8601 time, as Mastodon sends, or a Unix time), measured against the response's
    ``Date`` so a skewed clock on either side does not matter. ``None`` when neither is usable."""
    named = lowered(headers)
    server_now = server_time(named, now if now is not None else time.time())
    wait = seconds_until(named.get("retry-after", ""), server_now, delay=True)
    if wait is None:
        wait = seconds_until(named.get("x-ratelimit-reset", ""), server_now, delay=False)
    if wait is None:
        return None
    return min(max(wait, 1.0), _MAX_WAIT)


def http_status(error: MastodonError) -> int | None:
    """The HTTP status Mastodon.py put in the exception's arguments, if any."""
    args = error.args
    if len(args) >= 2 and isinstance(args[1], int):
        return args[1]
    return None


def server_text(error: MastodonError) -> str:
    """The server's own error message (Mastodon's ``{"error": ...}``), or ``""``."""
    args = error.args
    if len(args) >= 4 and args[3]:
        return str(args[3])
    return ""


def translate(
    error: MastodonError,
    *,
    doing: str,
    advice: str,
    server: str,
    session: RecordingSession | None = None,
) -> Exception:
    """The Safepost error for ``error``, raised while ``doing`` (e.g. "publishing the post").

    ``advice`` is what staff should do when the server refuses the request itself (a 4xx other
    than 401 and 429); ``server`` names the Mastodon server in messages.
    """
    response = session.last_response if session is not None else None
    headers: Mapping[str, str] = response.headers if response is not None else {}
    if isinstance(error, MastodonRatelimitError):
        wait = retry_after(headers)
        when = f" It says to wait {_duration(wait)}." if wait else ""
        return RetryableError(f"{server} is limiting how often Safepost may call it.{when}", retry_after=wait)
    if isinstance(error, MastodonUnauthorizedError):
        return AuthError(
            f"{server} no longer accepts Safepost's access to this account (it was revoked or the "
            f"account's password was changed), so Safepost could not finish {doing}",
            platform_text=server_text(error),
            advice=RECONNECT_ADVICE,
        )
    if isinstance(error, MastodonServerError):
        status = http_status(error)
        return RetryableError(
            f"{server} had a problem of its own (HTTP {status}) while Safepost was {doing}; "
            "Safepost will try again",
            retry_after=retry_after(headers) if headers else None,
        )
    if isinstance(error, MastodonNetworkError):
        return RetryableError(
            f"Safepost could not reach {server} while {doing} (no answer in time or the connection "
            "failed); Safepost will try again"
        )
    if isinstance(error, MastodonIllegalArgumentError | MastodonVersionError):
        return PermanentError(
            f"Safepost could not send this to {server} while {doing}: {error}",
            advice="Tell whoever runs Safepost for the school; this needs a fix in Safepost",
        )
    if isinstance(error, MastodonAPIError):
        status = http_status(error)
        text = server_text(error)
        if status is None:
            # No status: the answer could not be read (cut short). The server may have done it.
            return RetryableError(
                f"{server} sent an answer Safepost could not read while {doing}; Safepost will check "
                "and try again"
            )
        if status == 403 and _is_access_problem(text):
            return AuthError(
                f"{server} says Safepost's access to this account does not allow {doing}",
                platform_text=text,
                advice=RECONNECT_ADVICE,
            )
        if isinstance(error, MastodonNotFoundError) or status in (404, 410):
            return PermanentError(
                f"{server} could not find what Safepost asked for while {doing} (it may have been deleted)",
                platform_text=text,
                advice=advice,
            )
        if status in (408, 409, 425):
            return RetryableError(f"{server} asked Safepost to try again later ({doing})")
        return PermanentError(
            f"{server} refused {doing} (HTTP {status})",
            platform_text=text,
            advice=advice,
        )
    return RetryableError(f"Something unexpected went wrong talking to {server} while {doing}: {error}")


def _is_access_problem(text: str) -> bool:
    """Whether a 403's message is about Safepost's access (scopes, a disabled login)."""
    lowered = text.lower()
    return any(word in lowered for word in ("scope", "login is currently disabled", "suspended", "token"))


def _duration(seconds: float) -> str:
    """``90`` → "2 minutes", ``20`` → "20 seconds"."""
    if seconds < 60:
        return f"{round(seconds)} seconds"
    minutes = round(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"

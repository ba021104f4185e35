"""The one HTTP boundary of the X client, and what X's answers mean for Safepost.

Every request the X package makes (tweepy's included) goes through one :class:`XSession`, which
adds the timeouts; tests mount a fake transport adapter on it. :func:`error_for` turns X's
failure answers into the errors the publish task understands.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import requests

from apps.platforms.base import AuthError, PermanentError, RetryableError, TargetError
from apps.platforms.ratelimits import lowered, seconds_until

#: X's API host (tweepy still uses api.twitter.com, which X serves as the same API).
API = "https://api.x.com"
#: Where user access tokens are granted and refreshed (OAuth 2.0 with PKCE; see :mod:`.oauth`).
TOKEN_URL = f"{API}/2/oauth2/token"
#: Connect within 5 s, read within 30 s: far inside the publish task's 10-minute lease.
TIMEOUT = (5, 30)

RECONNECT = (
    "Ask the account holder to reconnect this X account in Safepost's account settings, "
    "then publish the post again"
)


class XSession(requests.Session):
    """A requests session that never waits for X longer than :data:`TIMEOUT`."""

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """Send one request, with the default timeouts unless the caller set its own."""
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(method, url, *args, **kwargs)


class HTTPFailure(Exception):
    """A non-2xx answer to a request the package made itself (tweepy raises its own)."""

    def __init__(self, response: requests.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


class NotFound(PermanentError):
    """X has no such post or user (a deleted post, a suspended account)."""


class DuplicatePost(PermanentError):
    """X refused the post because the account already posted exactly this text."""


def checked(response: requests.Response) -> requests.Response:
    """``response`` when it is a success, else :class:`HTTPFailure`."""
    if not 200 <= response.status_code < 300:
        raise HTTPFailure(response)
    return response


def body(response: requests.Response) -> dict[str, Any]:
    """The JSON object X answered with (``{}`` for an empty answer)."""
    if not response.content.strip():
        return {}
    data = response.json()
    return data if isinstance(data, dict) else {}


def platform_text(response: requests.Response) -> str:
    """X's own words about a failure: the problem ``detail`` and each error's message."""
    try:
        data = body(response)
    except ValueError:
        return " ".join(response.text.split())[:300] or response.reason or ""
    said: list[str] = []
    candidates: list[Any] = [data.get("detail"), data.get("error_description")]
    for error in data.get("errors") or []:
        if isinstance(error, dict):
            candidates += [error.get("message"), error.get("detail")]
        else:
            candidates.append(error)
    if not any(candidates):
        candidates += [data.get("title"), data.get("error")]
    for text in candidates:
        if isinstance(text, str) and text.strip() and text.strip() not in said:
            said.append(text.strip())
    return " ".join(said) or response.reason or ""


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds until X lifts the limit it hit, from its rate-limit headers (``None``: not said).

    X sends ``x-rate-limit-reset`` (the 15-minute window) and, for the daily caps of the cheaper
    plans, ``x-user-limit-24hour-reset`` / ``x-app-limit-24hour-reset``, all as Unix times; an
    exhausted daily cap wins over the window. ``Retry-After`` is honoured when present.
    """
    now = time.time() if now is None else now
    named = lowered(headers)
    resets = [
        f"{prefix}-reset"
        for prefix in ("x-user-limit-24hour", "x-app-limit-24hour")
        if named.get(f"{prefix}-remaining") == "0" and f"{prefix}-reset" in named
    ] or ["x-rate-limit-reset"]
    waits = [seconds_until(named.get(name, ""), now, delay=False) for name in resets]
    waits.append(seconds_until(named.get("retry-after", ""), now, delay=True))
    found = [wait for wait in waits if wait is not None and wait >= 0]
    return max(max(found), 1.0) if found else None


def _in_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 2:
        return "in a minute or so"
    if minutes < 120:
        return f"in about {minutes} minutes"
    return f"in about {round(minutes / 60)} hours"


def error_for(response: requests.Response, now: float | None = None) -> TargetError:
    """What a failed answer from X means: retry later, reconnect, or fix the post."""
    status = response.status_code
    said = platform_text(response)
    if status == 429:
        wait = retry_after(response.headers, now)
        when = _in_words(wait) if wait is not None else "later"
        return RetryableError(
            f"X is limiting how often this account can use it right now. Safepost will try again {when}.",
            retry_after=wait,
        )
    if status >= 500:
        return RetryableError(
            f"X had a problem on its side (HTTP {status}: {said or 'no details'}). Safepost will try again.",
            retry_after=retry_after(response.headers, now),
        )
    if status == 401:
        return AuthError(
            "X no longer accepts Safepost's access to this account: it has expired or was revoked",
            platform_text=said,
            advice=RECONNECT,
        )
    if status == 403 and "duplicate content" in said.lower():
        return DuplicatePost(
            "X refused the post because this account has already posted exactly the same text",
            platform_text=said,
            advice="Change the wording a little (X does not allow the same text twice), then publish again",
        )
    if status == 403:
        return PermanentError(
            "X refused to do this for the school's account",
            platform_text=said,
            advice=(
                "Check on X that the account is active and not locked or suspended. If it is fine, "
                + RECONNECT[0].lower()
                + RECONNECT[1:]
            ),
        )
    if status == 404:
        return NotFound("X could not find that post or account", platform_text=said)
    if status == 413:
        return PermanentError(
            "An image is too large for X",
            platform_text=said,
            advice="Use a smaller image (X takes images up to 5 MB), then publish again",
        )
    return PermanentError(
        f"X rejected the request (HTTP {status})",
        platform_text=said,
        advice="Check the post's text and images against X's limits, edit the post and publish it again",
    )


def client_config(config: Mapping[str, Any]) -> tuple[str, str]:
    """The X app's client id and secret from the deployment's settings; refused when the id is missing."""
    client_id = str(config.get("client_id") or "").strip()
    if not client_id:
        raise PermanentError(
            "X is not set up on this Safepost server: the X app's client id is missing",
            advice="Ask whoever runs Safepost to add the X app's client id (and secret) to its settings",
        )
    return client_id, str(config.get("client_secret") or "").strip()


def request_tokens(
    session: requests.Session,
    config: Mapping[str, Any],
    form: dict[str, str],
    now: float | None = None,
) -> dict[str, Any]:
    """Ask X's token endpoint for tokens; the credential fields to keep, with ``expires_at``.

    A refused code or refresh token is an :class:`AuthError` (the connection must be made again);
    a busy or unreachable X is a :class:`RetryableError`.
    """
    client_id, client_secret = client_config(config)
    auth = requests.auth.HTTPBasicAuth(client_id, client_secret) if client_secret else None
    try:
        response = session.post(TOKEN_URL, data={**form, "client_id": client_id}, auth=auth)
    except requests.Timeout as exc:
        raise RetryableError(
            "X did not answer in time while renewing access. Safepost will try again."
        ) from exc
    except requests.RequestException as exc:
        raise RetryableError("Safepost could not reach X to renew access. It will try again.") from exc
    if response.status_code in (400, 401, 403):
        raise AuthError(
            "X refused to renew Safepost's access to this account: it was revoked or has expired",
            platform_text=platform_text(response),
            advice=RECONNECT,
        )
    if not 200 <= response.status_code < 300:
        raise error_for(response)
    try:
        tokens = body(response)
    except ValueError as exc:
        raise RetryableError("X sent an answer Safepost could not read while renewing access.") from exc
    if not tokens.get("access_token"):
        raise RetryableError("X's answer while renewing access had no access token. Safepost will try again.")
    now = time.time() if now is None else now
    kept: dict[str, Any] = {
        "token_type": tokens.get("token_type", "bearer"),
        "access_token": tokens["access_token"],
        "expires_at": now + float(tokens.get("expires_in") or 7200),
        "scope": tokens.get("scope", ""),
        "client_id": client_id,
    }
    if tokens.get("refresh_token"):
        kept["refresh_token"] = tokens["refresh_token"]
    if client_secret:
        kept["client_secret"] = client_secret
    return kept

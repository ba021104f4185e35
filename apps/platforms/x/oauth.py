"""Connecting an X account: OAuth 2.0 Authorization Code with PKCE, and refreshing its tokens.

X's user access tokens last two hours; ``offline.access`` adds a refresh token, which X replaces
on every refresh (the old one stops working), so the client saves the new pair before use.

tweepy's ``OAuth2UserHandler`` would do the same through a session of its own (and still points
at twitter.com); these few requests go through the package's one :class:`~.transport.XSession`
instead, so tests and timeouts cover them like every other request. The token request itself
(also used by the client to refresh) is in :mod:`.transport`.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import requests

from apps.platforms.base import AuthError, Authorisation
from apps.platforms.x.client import XClient
from apps.platforms.x.transport import XSession, client_config, request_tokens

AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"

#: What Safepost asks the account holder to allow. ``tweet.moderate.write`` is what hiding a
#: reply needs; ``offline.access`` gives the refresh token without which a connection dies in 2 h.
SCOPES = (
    "tweet.read",
    "tweet.write",
    "tweet.moderate.write",
    "users.read",
    "offline.access",
    "media.write",
    "mute.write",
    "like.write",
    # Whom the school follows, and following an approved account (apps.following).
    "follows.read",
    "follows.write",
)


def code_challenge(verifier: str) -> str:
    """The PKCE ``S256`` challenge for ``verifier`` (RFC 7636)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def start_authorisation(config: Mapping[str, Any], callback_url: str, server: str = "") -> Authorisation:
    """Where to send the senior leader to allow Safepost to post for the school's X account.

    ``config`` holds the deployment's X app: ``client_id`` and, for a confidential app,
    ``client_secret``. ``server`` is unused (X has one server).
    """
    client_id, _ = client_config(config)
    state = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)  # 86 characters from the unreserved set
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": callback_url,
        "scope": " ".join(SCOPES),
        "state": state,
        "code_challenge": code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    return Authorisation(
        url=f"{AUTHORIZE_URL}?{urlencode(query)}",
        state=state,
        verifier=verifier,
        extra={"callback_url": callback_url},
    )


def finish_authorisation(
    config: Mapping[str, Any],
    authorisation: Authorisation,
    callback_params: Mapping[str, str],
    session: requests.Session | None = None,
) -> dict[str, Any]:
    """Exchange the code X sent back for the account's credentials (tokens, user id, username).

    Raises :class:`AuthError` when the holder declined, the ``state`` differs (a forged or stale
    callback) or X refuses the code.
    """
    if callback_params.get("error"):
        raise AuthError(
            "The X account was not connected: X says access was not allowed",
            platform_text=str(callback_params.get("error_description") or callback_params["error"]),
            advice="Start connecting again and choose “Authorize app” on X's page",
        )
    if not secrets.compare_digest(str(callback_params.get("state", "")), authorisation.state):
        raise AuthError(
            "The X account was not connected: the answer from X did not match this connection attempt",
            advice="Start connecting again from Safepost, in the same browser, and finish within a few minutes",
        )
    code = str(callback_params.get("code") or "")
    if not code:
        raise AuthError(
            "The X account was not connected: X sent no authorisation code",
            advice="Start connecting again from Safepost",
        )
    session = session or XSession()
    credentials = request_tokens(
        session,
        config,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": str(authorisation.extra.get("callback_url", "")),
            "code_verifier": authorisation.verifier,
        },
    )
    if "refresh_token" not in credentials:
        raise AuthError(
            "X did not grant lasting access (no refresh token), so posting would stop within two hours",
            advice="Check that the X app in X's developer portal allows offline access, then connect again",
        )

    def ignore(_: dict[str, Any]) -> None:  # nothing to save yet: the caller stores the result
        return None

    client = XClient(credentials, ignore, session=session)
    account = client.whoami()
    return {**client.credentials, "user_id": account.external_id, "username": account.handle}

"""Connecting a school's Mastodon account: OAuth 2 with PKCE against the school's own server.

Mastodon has no central app registry: each server is separate, so :func:`start_authorisation`
registers Safepost on the server the senior leader names (``POST /api/v1/apps``), keeps the
client id and secret in ``Authorisation.extra`` (server side, in the session) and returns the
server's authorise page. :func:`finish_authorisation` checks ``state``, exchanges the code (with
the PKCE verifier) for a token, checks the granted scopes, reads whose account it is and the
server's limits, and returns the credentials the client needs.

These two steps talk HTTP through the same :class:`RecordingSession` as the client, directly
rather than through Mastodon.py's ``create_app``/``log_in``: those cannot send a PKCE verifier and
turn every failure into one ``MastodonIllegalArgumentError``, so staff could not be told whether
the server was down, the address wrong, or the request declined.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests
from mastodon.errors import MastodonError

from apps.platforms import netguard
from apps.platforms.base import AuthError, Authorisation, PermanentError, RetryableError
from apps.platforms.mastodon.client import MastodonClient, server_name
from apps.platforms.mastodon.errors import RecordingSession, retry_after

#: What Safepost asks for: read the account and its statuses and follow requests, post with
#: images, block, mute, and manage followers. Granular scopes (Mastodon 3.0+), nothing more.
SCOPES = (
    "read:accounts",
    "read:statuses",
    "read:follows",
    "write:statuses",
    "write:media",
    "write:blocks",
    "write:mutes",
    "write:follows",
)

#: Scopes the legacy ``follow`` scope stands for.
_FOLLOW_SCOPES = {"read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"}

_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)

_START_AGAIN = "Start connecting the account again from Safepost's Connected accounts page"


def normalise_server(server: str) -> str:
    """``mastodon.social``, ``https://mastodon.social/@school`` or ``@school@mastodon.social`` →
    ``https://mastodon.social``. :class:`PermanentError` saying what was wrong otherwise.

    Plain ``http://`` is accepted only for this machine, and only in the tests
    (``SAFEPOST_PLATFORMS_ALLOW_LOOPBACK``); private addresses are refused as each connection is
    made (apps/platforms/netguard.py).
    """
    raw = (server or "").strip()
    if not raw:
        raise PermanentError(
            "No Mastodon server was given", advice="Type the server's address, such as mastodon.social"
        )
    if raw.startswith("@") or ("@" in raw and "://" not in raw):
        raw = raw.rsplit("@", 1)[-1]
    parts = urlsplit(raw if "://" in raw else f"https://{raw}")
    host = (parts.hostname or "").lower()
    loopback = host in ("127.0.0.1", "localhost", "::1") and netguard.loopback_allowed()
    if parts.scheme not in ("https", "http") or (parts.scheme == "http" and not loopback):
        raise PermanentError(
            f"“{server}” is not a secure (https) Mastodon address",
            advice="Type the server's address as it appears in the browser, such as mastodon.social",
        )
    if not loopback and not _HOST.match(host):
        raise PermanentError(
            f"“{server}” is not a Mastodon server address",
            advice="Type the server's address, such as mastodon.social (the part after the second @ "
            "in the account's handle)",
        )
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def start_authorisation(
    config: Mapping[str, Any], callback_url: str, server: str, *, session: RecordingSession | None = None
) -> Authorisation:
    """Register Safepost on ``server`` and return where to send the senior leader to sign in.

    ``config`` may give ``client_name`` (default "Safepost") and ``website``. Raises
    :class:`PermanentError` for an address that is not a Mastodon server or a server that refuses
    new apps, :class:`RetryableError` when the server cannot be reached.
    """
    base = normalise_server(server)
    name = server_name(base)
    http = session if session is not None else RecordingSession()
    endpoints = _endpoints(http, base)
    form = {
        "client_name": str(config.get("client_name") or "Safepost"),
        "redirect_uris": callback_url,
        "scopes": " ".join(SCOPES),
    }
    if config.get("website"):
        form["website"] = str(config["website"])
    app = _post(http, endpoints["app_registration_endpoint"], form, name, "registering Safepost")
    client_id, client_secret = app.get("client_id"), app.get("client_secret")
    if not client_id or not client_secret:
        raise PermanentError(
            f"{name} did not answer like a Mastodon server when Safepost registered with it",
            advice="Check the server's address; Safepost connects to Mastodon servers",
        )
    state = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urlencode(
        {
            "client_id": client_id,
            "response_type": "code",
            "redirect_uri": callback_url,
            "scope": " ".join(SCOPES),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            # Sign in afresh, so a leader signed in to a personal account does not connect that one.
            "force_login": "true",
        }
    )
    return Authorisation(
        url=f"{endpoints['authorization_endpoint']}?{query}",
        state=state,
        verifier=verifier,
        extra={
            "server": base,
            "client_id": str(client_id),
            "client_secret": str(client_secret),
            "redirect_uri": callback_url,
            "token_endpoint": endpoints["token_endpoint"],
        },
    )


def finish_authorisation(
    config: Mapping[str, Any],
    authorisation: Authorisation,
    callback_params: Mapping[str, Any],
    *,
    session: RecordingSession | None = None,
) -> dict[str, Any]:
    """Exchange the callback's code for a token; the credentials dict for :class:`MastodonClient`.

    :class:`AuthError` when the leader declined, the ``state`` differs, the code is refused or
    fewer scopes were granted than Safepost needs; :class:`RetryableError` when the server
    cannot be reached.
    """
    extra = authorisation.extra
    base = str(extra.get("server") or "")
    name = server_name(base)
    if callback_params.get("error"):
        raise AuthError(
            f"{name} did not give Safepost access to the account (it was declined or cancelled)",
            platform_text=str(callback_params.get("error_description") or callback_params["error"]),
            advice=_START_AGAIN + " and choose Authorise on Mastodon's page",
        )
    returned = str(callback_params.get("state") or "")
    if not returned or not secrets.compare_digest(returned, authorisation.state):
        raise AuthError(
            "The answer from Mastodon does not belong to this connection attempt (it may be an old "
            "or copied link)",
            advice=_START_AGAIN,
        )
    code = str(callback_params.get("code") or "")
    if not code or not base:
        raise AuthError(f"{name} sent Safepost back without an authorisation code", advice=_START_AGAIN)
    http = session if session is not None else RecordingSession()
    token = _post(
        http,
        str(extra.get("token_endpoint") or f"{base}/oauth/token"),
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": str(extra.get("redirect_uri") or ""),
            "client_id": str(extra.get("client_id") or ""),
            "client_secret": str(extra.get("client_secret") or ""),
            "code_verifier": authorisation.verifier,
            "scope": " ".join(SCOPES),
        },
        name,
        "finishing the connection",
        refused=AuthError,
    )
    access_token = str(token.get("access_token") or "")
    if not access_token:
        raise AuthError(f"{name} did not give Safepost an access token", advice=_START_AGAIN)
    granted = str(token.get("scope") or " ".join(SCOPES)).split()
    missing = [scope for scope in SCOPES if not _covered(scope, granted)]
    if missing:
        raise AuthError(
            f"{name} gave Safepost less access than it needs (missing: {', '.join(missing)})",
            platform_text=" ".join(granted),
            advice=_START_AGAIN + " and allow everything Safepost asks for",
        )
    credentials: dict[str, Any] = {
        "server": base,
        "access_token": access_token,
        "token_type": str(token.get("token_type") or "Bearer"),
        "scope": " ".join(granted),
        "client_id": str(extra.get("client_id") or ""),
        "client_secret": str(extra.get("client_secret") or ""),
        "connected_at": datetime.now(UTC).isoformat(),
        # Mastodon's tokens do not expire; they can be revoked (then: "reconnect needed").
        "expires_at": None,
    }
    client = MastodonClient(credentials, lambda _new: None, session=http)
    me = client.whoami()
    credentials.update(
        account_id=me.external_id,
        handle=me.handle,
        display_name=me.display_name,
        url=me.url,
        locked=me.locked,
        limits=read_limits(client),
    )
    return credentials


def read_limits(client: MastodonClient) -> dict[str, Any] | None:
    """The server's own limits from ``/api/v2/instance`` (``None`` if it will not say: then
    stock Mastodon's are used)."""
    try:
        instance = dict(client.api.instance_v2())
    except MastodonError:
        return None
    configuration = instance.get("configuration") or {}
    statuses = configuration.get("statuses") or {}
    media = configuration.get("media_attachments") or {}
    return {
        "max_chars": statuses.get("max_characters"),
        "link_chars": statuses.get("characters_reserved_per_url"),
        "max_media": statuses.get("max_media_attachments"),
        "max_media_bytes": media.get("image_size_limit"),
        "media_formats": [m for m in media.get("supported_mime_types") or [] if str(m).startswith("image/")],
        "version": str(instance.get("version") or ""),
    }


def _covered(scope: str, granted: list[str]) -> bool:
    """Whether ``granted`` includes ``scope`` (``write`` covers ``write:statuses``...)."""
    return (
        scope in granted
        or scope.split(":", 1)[0] in granted
        or (scope in _FOLLOW_SCOPES and "follow" in granted)
    )


def _endpoints(http: RecordingSession, base: str) -> dict[str, str]:
    """The server's OAuth endpoints (Mastodon 4.3+ publishes them; older ones use the defaults)."""
    endpoints = {
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "app_registration_endpoint": f"{base}/api/v1/apps",
    }
    try:
        response = http.get(f"{base}/.well-known/oauth-authorization-server")
    except requests.RequestException as error:
        raise RetryableError(
            f"Safepost could not reach {server_name(base)} (no answer in time or the connection "
            "failed); check the address and try again in a few minutes"
        ) from error
    if response.ok:
        try:
            advertised = response.json()
        except ValueError:
            advertised = {}
        for key in endpoints:
            value = advertised.get(key) if isinstance(advertised, dict) else None
            # Only endpoints on the same server: a tampered answer must not send codes elsewhere.
            if isinstance(value, str) and value.startswith(base + "/"):
                endpoints[key] = value
    return endpoints


def _post(
    http: RecordingSession,
    url: str,
    form: dict[str, str],
    name: str,
    doing: str,
    refused: type[PermanentError] = PermanentError,
) -> dict[str, Any]:
    """POST ``form``; the JSON answer, or the right error for what went wrong."""
    try:
        response = http.post(url, data=form)
    except requests.RequestException as error:
        raise RetryableError(
            f"Safepost could not reach {name} while {doing} (no answer in time or the connection "
            "failed); try again in a few minutes"
        ) from error
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code == 429 or response.status_code >= 500:
        raise RetryableError(
            f"{name} is busy or had a problem (HTTP {response.status_code}) while Safepost was {doing}; "
            "try again in a few minutes",
            retry_after=retry_after(response.headers),
        )
    if not isinstance(body, dict):
        raise PermanentError(
            f"{name} did not answer like a Mastodon server while Safepost was {doing}",
            advice="Check the server's address; Safepost connects to Mastodon servers",
        )
    if not response.ok:
        text = str(body.get("error_description") or body.get("error") or "")
        raise refused(
            f"{name} refused {doing} (HTTP {response.status_code})",
            platform_text=text,
            advice=_START_AGAIN,
        )
    return body

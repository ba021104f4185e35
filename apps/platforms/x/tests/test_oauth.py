"""Connecting an X account: the PKCE authorisation link and the code exchange."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from apps.platforms.base import AuthError, PermanentError
from apps.platforms.x.oauth import code_challenge
from apps.platforms.x.platform import PLATFORM
from apps.platforms.x.tests.conftest import USER_ID
from apps.platforms.x.tests.fake_x import FakeX, answer, session_with
from apps.platforms.x.transport import XSession

CONFIG = {"client_id": "safepost-client-id", "client_secret": "safepost-secret"}
CALLBACK = "https://safepost.stcaths.sch.uk/platforms/x/callback"


def start() -> tuple[str, dict[str, str], str, str]:
    assert PLATFORM.start_authorisation is not None
    authorisation = PLATFORM.start_authorisation(CONFIG, CALLBACK, "")
    parts = urlsplit(authorisation.url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query, authorisation.state, authorisation.verifier


def finish(x: FakeX, params: dict[str, str]) -> dict[str, object]:
    assert PLATFORM.start_authorisation is not None and PLATFORM.finish_authorisation is not None
    authorisation = PLATFORM.start_authorisation(CONFIG, CALLBACK, "")
    params = {"state": authorisation.state, **params}
    return PLATFORM.finish_authorisation(CONFIG, authorisation, params, session=session_with(x, XSession()))


def test_the_authorisation_link_asks_x_for_every_permission_safepost_uses_with_pkce() -> None:
    where, query, state, verifier = start()

    assert where == "https://x.com/i/oauth2/authorize"
    assert query["response_type"] == "code"
    assert query["client_id"] == "safepost-client-id"
    assert query["redirect_uri"] == CALLBACK
    assert set(query["scope"].split()) == {
        "tweet.read",
        "tweet.write",
        "tweet.moderate.write",
        "users.read",
        "offline.access",
        "media.write",
        "mute.write",
        "like.write",
        "follows.read",
        "follows.write",
    }
    assert query["state"] == state
    assert query["code_challenge_method"] == "S256"
    assert query["code_challenge"] == code_challenge(verifier)
    assert 43 <= len(verifier) <= 128


def test_the_pkce_challenge_matches_rfc_7636s_example() -> None:
    assert (
        code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_each_connection_attempt_gets_its_own_state_and_verifier() -> None:
    assert start()[2:] != start()[2:]


def test_finishing_exchanges_the_code_and_returns_complete_credentials() -> None:
    x = FakeX()
    x.on("POST", "/2/oauth2/token", answer(200, "token.json"))
    x.on("GET", "/2/users/me", answer(200, "users_me.json"))

    credentials = finish(x, {"code": "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPSlJtZ1hV"})

    [exchange] = x.to("POST", "/2/oauth2/token")
    assert exchange.form["grant_type"] == b"authorization_code"
    assert exchange.form["code"] == b"VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPSlJtZ1hV"
    assert exchange.form["redirect_uri"] == CALLBACK.encode()
    assert len(exchange.form["code_verifier"]) >= 43
    basic = base64.b64encode(b"safepost-client-id:safepost-secret").decode()
    assert exchange.headers["Authorization"] == f"Basic {basic}"
    assert credentials["user_id"] == USER_ID
    assert credentials["username"] == "StCathsPrimary"
    assert str(credentials["refresh_token"]).startswith("RHl0NlpN")
    assert credentials["client_id"] == "safepost-client-id"
    [me] = x.to("GET", "/2/users/me")
    assert me.bearer == credentials["access_token"]


def test_a_holder_who_declines_on_x_gets_a_clear_message() -> None:
    x = FakeX()

    with pytest.raises(AuthError) as raised:
        finish(x, {"error": "access_denied", "error_description": "The user denied the request"})

    assert raised.value.platform_text == "The user denied the request"
    assert "Authorize app" in raised.value.advice
    assert x.sent == []


def test_a_callback_from_another_attempt_is_refused() -> None:
    x = FakeX()

    with pytest.raises(AuthError) as raised:
        finish(x, {"code": "abc", "state": "someone-elses-state"})

    assert "did not match" in raised.value.message
    assert x.sent == []


def test_a_code_x_refuses_is_reported_in_xs_words() -> None:
    x = FakeX()
    x.on("POST", "/2/oauth2/token", answer(400, "token_refused.json"))

    with pytest.raises(AuthError) as raised:
        finish(x, {"code": "expired-code"})

    assert raised.value.platform_text == "Value passed for the token was invalid."


def test_a_server_without_an_x_app_says_what_to_set_up() -> None:
    assert PLATFORM.start_authorisation is not None

    with pytest.raises(PermanentError) as raised:
        PLATFORM.start_authorisation({}, CALLBACK, "")

    assert "client id is missing" in raised.value.message
    assert "settings" in raised.value.advice

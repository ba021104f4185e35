"""Connecting an account: OAuth with PKCE against mastodon-mock's real authorise page."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from mastodon_mock.testing import MockServer

from apps.platforms.base import AuthError, Authorisation, Outgoing, PermanentError, RetryableError
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.errors import RecordingSession
from apps.platforms.mastodon.oauth import SCOPES, finish_authorisation, normalise_server
from apps.platforms.mastodon.platform import PLATFORM
from apps.platforms.mastodon.tests.conftest import arm_fault, own_statuses

CALLBACK = "https://safepost.example/platforms/mastodon/callback"


def _start(server: MockServer) -> Authorisation:
    assert PLATFORM.start_authorisation is not None
    return PLATFORM.start_authorisation({"client_name": "Safepost"}, CALLBACK, server.base_url)


def _sign_in_on_mastodon(authorisation: Authorisation, username: str) -> dict[str, str]:
    """What the leader does on the server's page; returns the callback's query parameters."""
    query = parse_qs(urlsplit(authorisation.url).query)
    page = requests.get(authorisation.url, timeout=5)
    assert page.status_code == 200
    answer = requests.post(
        authorisation.url.split("?")[0],
        data={
            "username": username,
            "redirect_uri": query["redirect_uri"][0],
            "client_id": query["client_id"][0],
            "scope": query["scope"][0],
            "state": query["state"][0],
        },
        allow_redirects=False,
        timeout=5,
    )
    location = answer.headers["location"]
    assert location.startswith(CALLBACK)
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def _finish(authorisation: Authorisation, params: dict[str, str]) -> dict[str, object]:
    assert PLATFORM.finish_authorisation is not None
    return PLATFORM.finish_authorisation({}, authorisation, params)


def test_a_senior_leader_connects_the_school_account_and_safepost_can_post_with_it(
    server: MockServer,
) -> None:
    authorisation = _start(server)

    credentials = _finish(authorisation, _sign_in_on_mastodon(authorisation, "courtney"))

    assert credentials["handle"] == "@courtney@mock.local"
    assert credentials["locked"] is True
    assert credentials["limits"] == {
        "max_chars": 500,
        "link_chars": 23,
        "max_media": 4,
        "max_media_bytes": 10485760,
        "media_formats": ["image/jpeg", "image/png", "image/gif", "image/webp"],
        "version": credentials["limits"]["version"],  # type: ignore[index]
    }
    client = MastodonClient(credentials, lambda _: None)
    client.publish(Outgoing(text="Connected!"), uuid.uuid4())
    assert [s["content"] for s in own_statuses(server, "courtney")] == ["<p>Connected!</p>"]


def test_the_authorise_page_asks_for_only_what_safepost_needs_with_pkce(server: MockServer) -> None:
    authorisation = _start(server)

    query = parse_qs(urlsplit(authorisation.url).query)
    assert authorisation.url.startswith(f"{server.base_url}/oauth/authorize?")
    assert query["scope"] == [" ".join(SCOPES)]
    assert query["state"] == [authorisation.state]
    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"][0] != authorisation.verifier
    assert query["force_login"] == ["true"]
    assert authorisation.extra["client_id"] == query["client_id"][0]
    assert authorisation.extra["client_secret"]


def test_an_answer_that_does_not_belong_to_this_attempt_is_refused(server: MockServer) -> None:
    authorisation = _start(server)
    params = _sign_in_on_mastodon(authorisation, "stcaths")

    with pytest.raises(AuthError) as caught:
        _finish(replace(authorisation, state="someone-elses"), params)

    assert "does not belong to this connection attempt" in caught.value.message


def test_a_declined_authorisation_says_so_in_plain_words(server: MockServer) -> None:
    authorisation = _start(server)

    with pytest.raises(AuthError) as caught:
        _finish(authorisation, {"error": "access_denied", "error_description": "The resource owner denied",
                                "state": authorisation.state})  # fmt: skip

    assert "did not give Safepost access" in caught.value.message
    assert caught.value.platform_text == "The resource owner denied"
    assert "Start connecting" in caught.value.advice


def test_a_code_the_server_refuses_needs_a_fresh_start(server: MockServer) -> None:
    authorisation = _start(server)

    with pytest.raises(AuthError) as caught:
        _finish(authorisation, {"code": "not-a-code", "state": authorisation.state})

    assert "HTTP 400" in caught.value.message
    assert caught.value.platform_text == "invalid_grant"


def test_a_server_that_is_down_while_connecting_is_worth_another_try(server: MockServer) -> None:
    arm_fault(server, {"match": {"methods": ["POST"], "path": "/api/v1/apps"},
                       "effect": {"type": "status", "status": 503}, "count": 1})  # fmt: skip

    with pytest.raises(RetryableError, match="HTTP 503"):
        _start(server)


@pytest.mark.parametrize(
    ("typed", "server"),
    [
        ("mastodon.social", "https://mastodon.social"),
        ("https://Mastodon.Social/@stcaths", "https://mastodon.social"),
        ("@stcaths@schools.social", "https://schools.social"),
        ("stcaths@schools.social", "https://schools.social"),
        ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
    ],
)
def test_it_accepts_the_server_address_however_staff_type_it(typed: str, server: str) -> None:
    assert normalise_server(typed) == server


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "No Mastodon server was given"),
        ("http://mastodon.social", "not a secure (https)"),
        ("not a server", "is not a Mastodon server address"),
        ("ftp://mastodon.social", "not a secure (https)"),
    ],
)
def test_it_explains_a_server_address_it_cannot_use(typed: str, says: str) -> None:
    with pytest.raises(PermanentError) as caught:
        normalise_server(typed)

    assert says in caught.value.message
    assert caught.value.advice


def test_disconnecting_revokes_safeposts_access_on_the_server(server: MockServer) -> None:
    authorisation = _start(server)
    credentials = _finish(authorisation, _sign_in_on_mastodon(authorisation, "stcaths"))
    client = MastodonClient(credentials, lambda _: None)

    client.disconnect()

    with pytest.raises(AuthError, match="no longer accepts Safepost's access"):
        MastodonClient(credentials, lambda _: None).whoami()


class GrantsLess(RecordingSession):
    """The HTTP boundary, as a server whose user unticked some of the access Safepost asked for."""

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        if str(url).endswith("/oauth/token"):
            response._content = json.dumps({**response.json(), "scope": "read write:statuses"}).encode()
        return response


def test_less_access_than_safepost_needs_is_refused_with_what_is_missing(server: MockServer) -> None:
    authorisation = _start(server)
    params = _sign_in_on_mastodon(authorisation, "stcaths")

    with pytest.raises(AuthError) as caught:
        finish_authorisation({}, authorisation, params, session=GrantsLess())

    assert "missing: write:media, write:blocks, write:mutes, write:follows" in caught.value.message
    assert "allow everything Safepost asks for" in caught.value.advice

"""Faults, injected by mastodon-mock's own fault control plane in front of its real API.

Timeouts after the server accepted a post (no duplicate), rate limits with their reset headers,
bursts of server errors, revoked tokens, unreadable answers and an unreachable server.
"""

from __future__ import annotations

import json
import socket
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from mastodon_mock.testing import MockServer

from apps.platforms.base import AuthError, Outgoing, RetryableError
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.errors import RecordingSession
from apps.platforms.mastodon.tests.conftest import TOKENS, arm_fault, credentials_for, own_statuses, photo

POST = Outgoing(text="Sports day is moved to Thursday because of the rain", media=(photo(),))
CREATE = {"methods": ["POST"], "path": "/api/v1/statuses"}


class LosesAnswers(RecordingSession):
    """The HTTP boundary, losing the answer to the next status created: the server has made the
    status, but the client sees a read timeout (as when a network drops after the request)."""

    def __init__(self) -> None:
        super().__init__()
        self.armed = True

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        if self.armed and method == "POST" and str(url).endswith("/api/v1/statuses"):
            self.armed = False
            raise requests.ReadTimeout("Read timed out. (read timeout=30)")
        return response


def _losing(server: MockServer) -> MastodonClient:
    return MastodonClient(credentials_for(server), lambda _: None, session=LosesAnswers())


def test_a_timeout_after_mastodon_accepted_the_post_does_not_publish_it_twice(
    school: MastodonClient, server: MockServer
) -> None:
    key = uuid.uuid4()

    with pytest.raises(RetryableError) as caught:
        _losing(server).publish(POST, key)
    assert len(own_statuses(server)) == 1  # it went out; only the answer was lost

    assert "could not reach" in caught.value.message
    found = school.find_existing(key, POST)
    retried = school.publish(POST, key)
    statuses = own_statuses(server)
    assert len(statuses) == 1
    assert found == retried
    assert retried.external_id == str(statuses[0]["id"])


def test_a_timeout_before_mastodon_accepted_the_post_publishes_it_once_on_retry(
    school: MastodonClient, server: MockServer
) -> None:
    key = uuid.uuid4()
    # The server waits 1.5 s before reading the request; this client gives up after 0.5 s.
    arm_fault(server, {"match": CREATE, "effect": {"type": "latency", "delay_ms": 1500}, "count": 1})
    impatient = MastodonClient(
        credentials_for(server), lambda _: None, session=RecordingSession(timeout=(5.0, 0.5))
    )

    with pytest.raises(RetryableError):
        impatient.publish(POST, key)
    time.sleep(1.5)
    assert school.find_existing(key, POST) is None
    school.publish(POST, key)

    assert len(own_statuses(server)) == 1


def test_a_retry_after_mastodon_forgot_the_key_finds_the_first_post_by_its_text(
    school: MastodonClient, server: MockServer
) -> None:
    first_attempt = datetime.now(UTC)
    with pytest.raises(RetryableError):
        _losing(server).publish(POST, uuid.uuid4())

    # Over an hour later Mastodon no longer knows the key: to the server it is a new one.
    forgotten_key = uuid.uuid4()
    found = school.find_existing(forgotten_key, POST, since=first_attempt)
    retried = school.publish(POST, forgotten_key, since=first_attempt)

    assert found == retried
    assert len(own_statuses(server)) == 1


def test_an_identical_post_from_before_this_publication_began_is_not_mistaken_for_it(
    school: MastodonClient, server: MockServer
) -> None:
    school.publish(POST, uuid.uuid4())

    assert school.find_existing(uuid.uuid4(), POST, since=datetime.now(UTC) + timedelta(minutes=10)) is None
    school.publish(POST, uuid.uuid4(), since=datetime.now(UTC) + timedelta(minutes=10))
    assert len(own_statuses(server)) == 2


def test_find_existing_says_none_for_a_post_never_sent(school: MastodonClient) -> None:
    assert school.find_existing(uuid.uuid4(), POST) is None
    assert school.find_existing(uuid.uuid4()) is None


def test_it_cannot_tell_whether_an_earlier_attempt_posted_while_mastodon_is_down(
    school: MastodonClient, server: MockServer
) -> None:
    arm_fault(server, {"match": {"methods": ["GET"], "path": "/api/v1/accounts/*/statuses"},
                       "effect": {"type": "status", "status": 502}, "count": 1})  # fmt: skip

    with pytest.raises(RetryableError, match="HTTP 502"):
        school.find_existing(uuid.uuid4(), POST)


def test_a_rate_limit_says_when_to_try_again_from_mastodons_reset_header(
    school: MastodonClient, server: MockServer
) -> None:
    reset = (datetime.now(UTC) + timedelta(minutes=4)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    arm_fault(server, {"match": CREATE, "count": 1, "effect": {"type": "ratelimit", "headers": {
        "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset,
        "Retry-After": ""}}})  # fmt: skip

    with pytest.raises(RetryableError) as caught:
        school.publish(POST, uuid.uuid4())

    assert caught.value.retry_after is not None
    assert 200 < caught.value.retry_after <= 245  # the Date header has whole seconds
    assert "wait 4 minutes" in caught.value.message
    assert own_statuses(server) == []


def test_a_rate_limit_with_only_retry_after_is_honoured(school: MastodonClient, server: MockServer) -> None:
    arm_fault(server, {"match": CREATE, "count": 1,
                       "effect": {"type": "status", "status": 429, "headers": {"Retry-After": "90"}}})  # fmt: skip

    with pytest.raises(RetryableError) as caught:
        school.publish(POST, uuid.uuid4())

    assert caught.value.retry_after == 90


def test_a_burst_of_server_errors_is_retried_until_the_post_goes_out_once(
    school: MastodonClient, server: MockServer
) -> None:
    key = uuid.uuid4()
    arm_fault(server, {"match": CREATE, "effect": {"type": "status", "status": 503}, "count": 3})

    failures = []
    for _ in range(3):
        with pytest.raises(RetryableError) as caught:
            school.publish(POST, key)
        failures.append(caught.value.message)
    result = school.publish(POST, key)

    assert all("HTTP 503" in message for message in failures)
    assert [str(status["id"]) for status in own_statuses(server)] == [result.external_id]


def test_a_revoked_token_asks_for_a_reconnection(school: MastodonClient, server: MockServer) -> None:
    requests.post(f"{server.base_url}/oauth/revoke", data={"token": TOKENS["stcaths"]}, timeout=5)

    with pytest.raises(AuthError) as publishing:
        school.publish(POST, uuid.uuid4())
    with pytest.raises(AuthError) as checking:
        school.whoami()

    assert "no longer accepts Safepost's access" in publishing.value.message
    assert "reconnect it" in publishing.value.explain()
    assert checking.value.platform_text


def test_an_unreadable_answer_to_a_post_is_retried_not_given_up(
    school: MastodonClient, server: MockServer
) -> None:
    arm_fault(server, {"match": CREATE, "effect": {"type": "malformed"}, "count": 1})

    with pytest.raises(RetryableError, match="could not read"):
        school.publish(POST, uuid.uuid4())


def test_an_unreachable_server_is_retried(server: MockServer) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = MastodonClient({"server": f"http://127.0.0.1:{port}", "access_token": "x"}, lambda _: None)

    with pytest.raises(RetryableError, match=r"could not reach 127\.0\.0\.1"):
        client.publish(POST, uuid.uuid4())


class StillProcessing(RecordingSession):
    """The HTTP boundary, answering the first image upload as Mastodon does for a large image:
    202 Accepted with no ``url`` yet (the server is still processing it)."""

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().request(method, url, *args, **kwargs)
        if method == "POST" and str(url).endswith("/api/v2/media"):
            body = response.json()
            body["url"] = None
            response.status_code = 202
            response._content = json.dumps(body).encode()
        return response


def test_it_waits_for_mastodon_to_process_an_image_before_posting(server: MockServer) -> None:
    waits: list[float] = []
    client = MastodonClient(
        credentials_for(server), lambda _: None, session=StillProcessing(), sleep=waits.append
    )

    client.publish(POST, uuid.uuid4())

    assert waits == [0.5]
    assert len(own_statuses(server)[0]["media_attachments"]) == 1


def test_an_image_mastodon_never_finishes_processing_is_retried_later(server: MockServer) -> None:
    class NeverReady(StillProcessing):
        def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
            response = super().request(method, url, *args, **kwargs)
            if method == "GET" and "/api/v1/media/" in str(url):
                response._content = json.dumps({**response.json(), "url": None}).encode()
            return response

    waits: list[float] = []
    client = MastodonClient(credentials_for(server), lambda _: None, session=NeverReady(), sleep=waits.append)

    with pytest.raises(RetryableError, match="still processing image 1"):
        client.publish(POST, uuid.uuid4())
    assert sum(waits) == pytest.approx(30.5)
    assert own_statuses(server) == []


def test_access_that_no_longer_covers_posting_asks_for_a_reconnection(
    school: MastodonClient, server: MockServer
) -> None:
    arm_fault(server, {"match": CREATE, "count": 1, "effect": {"type": "status", "status": 403,
                       "body": {"error": "This action is outside the authorized scopes"}}})  # fmt: skip

    with pytest.raises(AuthError) as caught:
        school.publish(Outgoing(text="Hello"), uuid.uuid4())

    assert caught.value.platform_text == "This action is outside the authorized scopes"
    assert "reconnect it" in caught.value.advice

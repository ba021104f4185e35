"""What goes wrong between Safepost and Bluesky: a fault-injecting transport in front of the real PDS.

The transport forwards every request to the PDS, except those a test tells it to spoil: it
can let the PDS accept a request and then lose the answer (a timeout after the platform
accepted), or answer in the PDS's place with a rate limit, a server error or an expired token.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from apps.platforms.base import AuthError, Outgoing, RetryableError
from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.tests.conftest import Account, Pds

Fault = Callable[[httpx.Request, httpx.BaseTransport], httpx.Response]
APPLY_WRITES = "com.atproto.repo.applyWrites"


class FaultyTransport(httpx.BaseTransport):
    """Forwards to the real PDS; spoils the next calls of the methods a test names, once each."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()
        self.faults: dict[str, list[Fault]] = {}
        self.calls: list[str] = []

    def on(self, nsid: str, *faults: Fault) -> None:
        self.faults.setdefault(nsid, []).extend(faults)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        nsid = request.url.path.removeprefix("/xrpc/")
        self.calls.append(nsid)
        queue = self.faults.get(nsid)
        if queue:
            return queue.pop(0)(request, self.real)
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


def forward(request: httpx.Request, real: httpx.BaseTransport) -> httpx.Response:
    """Let this one through untouched."""
    return real.handle_request(request)


def answer_lost(request: httpx.Request, real: httpx.BaseTransport) -> httpx.Response:
    """The PDS does the work, then the answer never arrives."""
    response = real.handle_request(request)
    response.read()
    response.close()
    raise httpx.ReadTimeout("the answer was lost on the way back", request=request)


def answer(status: int, error: str, headers: dict[str, str] | None = None) -> Fault:
    """Answer in the PDS's place, without forwarding."""

    def fault(request: httpx.Request, real: httpx.BaseTransport) -> httpx.Response:
        return httpx.Response(
            status, headers=headers or {}, json={"error": error, "message": f"{error} (test)"}
        )

    return fault


def unreachable(request: httpx.Request, real: httpx.BaseTransport) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


@pytest.fixture
def transport() -> Iterator[FaultyTransport]:
    faulty = FaultyTransport()
    yield faulty
    faulty.close()


def client_for(account: Account, transport: FaultyTransport, saved: list[dict[str, Any]]) -> BlueskyClient:
    return BlueskyClient(
        dict(account.credentials), saved.append, holder="the headteacher", transport=transport
    )


def texts_of(pds: Pds, did: str) -> list[str]:
    records = pds.xrpc(
        "GET",
        "com.atproto.repo.listRecords",
        params={"repo": did, "collection": "app.bsky.feed.post", "limit": 100},
    )["records"]
    return [r["value"]["text"] for r in records]


def test_a_timeout_after_bluesky_accepted_the_post_does_not_post_it_twice(
    school: Account, pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    client = client_for(school, transport, saved)
    key, text = uuid.uuid4(), f"Harvest festival {uuid.uuid4()}"
    transport.on(APPLY_WRITES, answer_lost)
    # The check before sending goes through; the network then stays down long enough that the
    # check right after the lost answer fails too.
    transport.on("com.atproto.repo.getRecord", forward, unreachable)

    with pytest.raises(RetryableError, match="did not answer in time"):
        client.publish(Outgoing(text=text, replies="none"), key)

    # What the publish task does next: ask before trying again.
    found = client.find_existing(key)
    assert found is not None
    assert client.publish(Outgoing(text=text, replies="none"), key) == found
    assert texts_of(pds, school.did).count(text) == 1
    assert transport.calls.count(APPLY_WRITES) == 1  # the retry sent nothing


def test_a_timeout_after_acceptance_is_recognised_at_once_when_bluesky_can_be_asked(
    school: Account, pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    client = client_for(school, transport, saved)
    key, text = uuid.uuid4(), f"Book fair {uuid.uuid4()}"
    transport.on(APPLY_WRITES, answer_lost)

    result = client.publish(Outgoing(text=text), key)

    assert result == client.find_existing(key)
    assert texts_of(pds, school.did).count(text) == 1


def test_a_rate_limit_says_when_to_try_again(
    school: Account, pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    client = client_for(school, transport, saved)
    reset = int(time.time()) + 120
    transport.on(
        APPLY_WRITES,
        answer(
            429,
            "RateLimitExceeded",
            {"ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-reset": str(reset)},
        ),
        answer(429, "RateLimitExceeded", {"retry-after": "30"}),
    )
    key = uuid.uuid4()

    with pytest.raises(RetryableError, match="slow down") as first:
        client.publish(Outgoing(text="Rate limited"), key)
    assert first.value.retry_after is not None and 110 <= first.value.retry_after <= 120
    with pytest.raises(RetryableError) as second:
        client.publish(Outgoing(text="Rate limited"), key)
    assert second.value.retry_after == 30
    assert client.find_existing(key) is None


def test_a_burst_of_server_errors_is_retryable_and_the_post_goes_out_once(
    school: Account, pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    client = client_for(school, transport, saved)
    transport.on(
        APPLY_WRITES,
        answer(500, "InternalServerError"),
        answer(502, "BadGateway"),
        answer(503, "Unavailable"),
    )
    key, text = uuid.uuid4(), f"Burst {uuid.uuid4()}"

    for _ in range(3):
        assert client.find_existing(key) is None
        with pytest.raises(RetryableError, match="problem of its own"):
            client.publish(Outgoing(text=text), key)
    result = client.publish(Outgoing(text=text), key)

    assert client.find_existing(key) == result
    assert texts_of(pds, school.did).count(text) == 1


def test_it_cannot_say_there_is_no_earlier_post_while_bluesky_is_down(
    school: Account, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    client = client_for(school, transport, saved)
    transport.on("com.atproto.repo.getRecord", answer(503, "Unavailable"), unreachable)
    with pytest.raises(RetryableError):
        client.find_existing(uuid.uuid4())
    with pytest.raises(RetryableError, match="could not reach Bluesky"):
        client.find_existing(uuid.uuid4())


def test_an_expired_session_is_renewed_saved_and_the_post_still_goes_out(
    make_account: Callable[[str], Account], pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    account = make_account("renewing")
    client = client_for(account, transport, saved)
    transport.on(APPLY_WRITES, answer(400, "ExpiredToken"))

    result = client.publish(Outgoing(text="After renewal"), uuid.uuid4())

    assert transport.calls.count("com.atproto.server.refreshSession") == 1
    assert len(saved) == 1
    renewed = saved[0]
    assert renewed["did"] == account.did and renewed["handle"] == account.handle
    assert renewed["refresh_jwt"] != account.credentials["refresh_jwt"]
    assert texts_of(pds, account.did) == ["After renewal"]
    assert result.external_id.startswith(f"at://{account.did}/")
    # The saved credentials are complete: a client built from them alone works.
    assert BlueskyClient(renewed, saved.append).whoami().external_id == account.did


def test_a_revoked_sign_in_asks_the_holder_to_reconnect(
    make_account: Callable[[str], Account], pds: Pds, transport: FaultyTransport, saved: list[dict[str, Any]]
) -> None:
    account = make_account("revoked")
    pds.xrpc("POST", "com.atproto.server.deleteSession", token=account.credentials["refresh_jwt"])
    client = client_for(account, transport, saved)
    transport.on(APPLY_WRITES, answer(400, "ExpiredToken"))

    with pytest.raises(AuthError) as refused:
        client.publish(Outgoing(text="Never sent"), uuid.uuid4())

    assert "Ask the headteacher to reconnect the Bluesky account" in refused.value.explain()
    assert saved == []
    assert texts_of(pds, account.did) == []

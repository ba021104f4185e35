"""A connected X account whose HTTP goes to :class:`FakeX`, at 08:00 UTC on 21 November 2026."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from apps.platforms.x.client import XClient
from apps.platforms.x.tests.fake_x import FakeX, session_with
from apps.platforms.x.transport import XSession

NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
USER_ID = "1496240001922363393"


def credentials(**changes: Any) -> dict[str, Any]:
    """What the Django side keeps (encrypted) for a connected account."""
    saved = {
        "token_type": "bearer",
        "access_token": "access-1",
        "refresh_token": "refresh-1",
        "expires_at": NOW.timestamp() + 3600,
        "scope": "tweet.read tweet.write users.read offline.access media.write",
        "client_id": "safepost-client-id",
        "user_id": USER_ID,
        "username": "StCathsPrimary",
    }
    saved.update(changes)
    return {key: value for key, value in saved.items() if value is not None}


class Account:
    """The fake X, the credentials saves the client made, and a way to build clients."""

    def __init__(self) -> None:
        self.x = FakeX()
        self.saved: list[dict[str, Any]] = []
        self.clock = NOW.timestamp()
        self.slept: list[float] = []

    def client(self, **changes: Any) -> XClient:
        """A client as a worker would build it, on a session mounted on the fake X."""
        client = XClient(credentials(**changes), self.saved.append, session=session_with(self.x, XSession()))
        client.clock = lambda: self.clock
        client.sleep = self.slept.append
        return client


@pytest.fixture
def account() -> Account:
    return Account()

"""A real mastodon-mock server on loopback, started once per test session and reset per test.

The seed is a small school: its main account, a class account, a protected (locked) school
account like the ``courtney`` policy's, a parent who follows the school and someone to block.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.test import override_settings
from mastodon import Mastodon
from mastodon_mock.config import SeedAccount, SeedConfig, SeedFollow
from mastodon_mock.testing import MockServer

from apps.platforms.base import Media
from apps.platforms.mastodon.client import MastodonClient

FIXTURES = Path(__file__).parent / "fixtures"

# Tokens of a throwaway in-memory test server, not credentials.
SCHOOL_SEED = SeedConfig(
    accounts=[
        SeedAccount(username="stcaths", display_name="St Catherine's", access_token="stcaths-token"),
        SeedAccount(username="stcaths_y6", display_name="Year 6", access_token="y6-token"),
        SeedAccount(
            username="courtney", display_name="Courtney Primary", locked=True, access_token="courtney-token"
        ),
        SeedAccount(username="parent", display_name="A parent", access_token="parent-token"),
        SeedAccount(username="troll", display_name="Not nice", access_token="troll-token"),
    ],
    follows=[SeedFollow(follower="parent", following="stcaths")],
)

TOKENS = {account.username: account.access_token for account in SCHOOL_SEED.accounts}


@pytest.fixture(scope="session")
def mastodon_server() -> Iterator[MockServer]:
    """One mastodon-mock server for the whole session (start-up takes a few seconds)."""
    with MockServer(seed=SCHOOL_SEED) as server:
        yield server


@pytest.fixture
def server(mastodon_server: MockServer) -> MockServer:
    """The server back at its seed state, with no faults armed."""
    # MockServer.reset() needs httpx2 (mastodon-mock's [test] extra); the endpoint is all it calls.
    requests.post(f"{mastodon_server.base_url}/api/v1/_mock/reset", timeout=10).raise_for_status()
    return mastodon_server


def credentials_for(server: MockServer, username: str = "stcaths", **extra: Any) -> dict[str, Any]:
    """Credentials as ``finish_authorisation`` would save them for ``username``."""
    return {"server": server.base_url, "access_token": TOKENS[username], **extra}


@pytest.fixture
def saved() -> list[dict[str, Any]]:
    """What the client asked to save (Mastodon's tokens never expire: stays empty)."""
    return []


@pytest.fixture
def school(server: MockServer, saved: list[dict[str, Any]]) -> MastodonClient:
    """The school's main account, as Safepost's client."""
    return MastodonClient(credentials_for(server), saved.append)


def as_user(server: MockServer, username: str) -> Mastodon:
    """Mastodon.py signed in as ``username``: how a parent (or the school on Mastodon) sees it."""
    return Mastodon(access_token=TOKENS[username], api_base_url=server.base_url)


def own_statuses(server: MockServer, username: str = "stcaths") -> list[dict[str, Any]]:
    """Every status on ``username``'s profile, newest first (read back independently)."""
    reader = as_user(server, username)
    me = reader.account_verify_credentials()
    return [dict(status) for status in reader.account_statuses(me["id"], limit=40)]


def arm_fault(server: MockServer, rule: dict[str, Any]) -> None:
    """Make the server misbehave (mastodon-mock's fault-injection control plane)."""
    response = requests.post(f"{server.base_url}/api/v1/_mock/faults", json=rule, timeout=5)
    response.raise_for_status()


def photo(alt_text: str = "Children racing in the sack race on the field") -> Media:
    """The fixture photo (a cleaned rendition) with alt text."""
    data = (FIXTURES / "sports-day.png").read_bytes()
    return Media(data=data, mime="image/png", alt_text=alt_text, width=64, height=48)


@pytest.fixture(scope="session", autouse=True)
def _loopback_servers() -> Iterator[None]:
    """The test servers listen on this machine over plain http: a test-only allowance (for the
    whole session, as the session's accounts are made with it)."""
    with override_settings(SAFEPOST_PLATFORMS_ALLOW_LOOPBACK=True):
        yield

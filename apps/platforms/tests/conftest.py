"""Fixtures for the platform connection tests: personas, a key file of their own, fake platforms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from apps.common import crypto
from apps.platforms import testing
from apps.platforms.models import Connection
from apps.platforms.tests.fakes import SCHOOL, FakeWorld, oauth_platform, password_platform
from apps.schools import models as school_models
from apps.schools.testing import Personas, make_personas

BASE = "/school/connections/"


@pytest.fixture(autouse=True)
def _urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "apps.platforms.tests.urls"


@pytest.fixture(autouse=True)
def key_file(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Each test gets its own key file; nothing is written into the project's var/.
    monkeypatch.delenv("SAFEPOST_TOKEN_KEYS", raising=False)
    settings.SAFEPOST_TOKEN_KEYS = ""
    path = tmp_path / "keys" / "token.key"
    settings.SAFEPOST_TOKEN_KEY_FILE = str(path)
    crypto._cache.clear()
    return path


@pytest.fixture(autouse=True)
def _fresh_roster_cache() -> Iterator[None]:
    school_models._roster.cache_clear()
    yield
    school_models._roster.cache_clear()


@pytest.fixture
def world() -> Iterator[FakeWorld]:
    world = FakeWorld()
    with testing.only([oauth_platform(world), password_platform(world)]):
        yield world


@pytest.fixture
def p(db: None) -> Personas:
    return make_personas()


def connect(
    p: Personas, world: FakeWorld, kind: str = "fakeoauth", status: str = "active", **fields: Any
) -> Connection:
    """A connection made directly (the flow itself is tested in test_connect_flow)."""
    connection = Connection(
        school=p.school,
        account=fields.pop("account", p.main),
        kind=kind,
        handle=SCHOOL.handle,
        external_id=SCHOOL.external_id,
        status=status,
        started_by=p.senior,
        **fields,
    )
    if status == "active":
        connection.approved_by = p.head
        connection.approved_at = connection.approved_at or timezone.now()
    connection.set_credentials(world.issue(SCHOOL))
    connection.save()
    return connection


@pytest.fixture(autouse=True)
def _loopback_servers(settings: Any) -> None:
    """The test servers listen on this machine over plain http: a test-only allowance."""
    settings.SAFEPOST_PLATFORMS_ALLOW_LOOPBACK = True

"""Fixtures for the follower review: personas, a connection, and a fake platform client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from apps.common import crypto
from apps.followers import clients
from apps.platforms.base import ProfilePage, RemoteProfile, Removal, UnsupportedError

# The platforms' own test peers, for the tests against them (test_on_*.py): a real PDS, a real
# mastodon-mock server and the fake X. Each starts only when a test asks for it; the loopback
# allowance is the same in both packages.
from apps.platforms.bluesky.tests.conftest import _loopback_servers, make_account, pds  # noqa: F401
from apps.platforms.mastodon.tests.conftest import mastodon_server, server  # noqa: F401
from apps.platforms.models import Connection
from apps.platforms.x.tests.conftest import account  # noqa: F401
from apps.schools import models as school_models
from apps.schools.models import Membership
from apps.schools.testing import Personas, make_personas

T0 = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
OLD = T0 - timedelta(days=1200)


@pytest.fixture(autouse=True)
def _environment(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.delenv("SAFEPOST_TOKEN_KEYS", raising=False)
    settings.SAFEPOST_TOKEN_KEYS = ""
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "keys" / "token.key")
    crypto._cache.clear()
    school_models._roster.cache_clear()
    yield
    school_models._roster.cache_clear()


@dataclass
class School:
    """Personas and the main account's connection on one platform."""

    p: Personas
    connection: Connection

    def membership(self, user: Any) -> Membership:
        return Membership.objects.get(user=user, school=self.p.school)


def make_school(preset: str = "sutton-manor", slug: str = "fol", kind: str = "mastodon") -> School:
    p = make_personas(preset=preset, slug=slug)
    connection = Connection(
        school=p.school,
        account=p.main,
        kind=kind,
        handle="school@example.org",
        external_id="100",
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=T0,
    )
    connection.set_credentials({"token": "t"})
    connection.save()
    return School(p, connection)


def profile(ident: str, **facts: Any) -> RemoteProfile:
    """A follower's profile: an ordinary local parent unless ``facts`` say otherwise."""
    base: dict[str, Any] = {
        "handle": f"{ident}@parents.example",
        "display_name": f"Parent {ident}",
        "bio": "Mum of two, love our village school and the PTA bake sales",
        "avatar": True,
        "created_at": OLD,
        "posts_count": 320,
        "followers_count": 150,
        "following_count": 210,
    }
    base.update(facts)
    return RemoteProfile(external_id=ident, **base)


@dataclass
class FakeClient:
    """A platform client as the follower review sees it: pages to hand out, and what it was asked to do."""

    followers: list[ProfilePage] = field(default_factory=list)
    notifications: list[ProfilePage] = field(default_factory=list)
    requests: list[RemoteProfile] = field(default_factory=list)
    done: list[tuple[str, str]] = field(default_factory=list)
    refuse: dict[str, Exception] = field(default_factory=dict)
    kind: str = "mastodon"
    list_cursors: list[str] = field(default_factory=list)

    def follow_notifications(self, cursor: str = "") -> ProfilePage:
        if self.kind == "x":
            raise UnsupportedError("X's API does not say who followed when")
        return self.notifications.pop(0) if self.notifications else ProfilePage((), cursor)

    def list_followers(self, cursor: str = "") -> ProfilePage:
        self.list_cursors.append(cursor)
        if "list_followers" in self.refuse:
            raise self.refuse["list_followers"]
        return self.followers.pop(0) if self.followers else ProfilePage(())

    def list_follow_requests(self, cursor: str = "") -> ProfilePage:
        if self.kind != "mastodon":
            raise UnsupportedError("No follow requests here")
        return ProfilePage(tuple(self.requests))

    def _do(self, name: str, user_id: str) -> None:
        if name in self.refuse:
            raise self.refuse[name]
        self.done.append((name, user_id))

    def remove_follower(self, user_id: str) -> Removal:
        self._do("remove_follower", user_id)
        return Removal("block", "blocked instead") if self.kind == "bluesky" else Removal("remove")

    def block(self, user_id: str) -> None:
        self._do("block", user_id)

    def report(self, user_id: str, *args: Any) -> None:
        self._do("report", user_id)

    def authorize_follow_request(self, user_id: str) -> None:
        self._do("authorize", user_id)
        self.requests = [r for r in self.requests if r.external_id != user_id]

    def reject_follow_request(self, user_id: str) -> None:
        self._do("reject", user_id)
        self.requests = [r for r in self.requests if r.external_id != user_id]


@pytest.fixture
def world(db: None) -> School:
    return make_school()


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeClient:
    client = FakeClient()
    monkeypatch.setattr(clients, "build", lambda connection: client)
    return client

"""Fixtures for the following tools: personas, a connected main account, a fake platform client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from apps.common import crypto
from apps.following import sync
from apps.platforms.base import Followed, FollowingPage, FollowResult, PermanentError
from apps.platforms.models import Connection
from apps.schools import models as school_models
from apps.schools.testing import Personas, make_personas
from safepost.accounts.profiles import RemoteProfile

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


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


def profile(handle: str, bio: str = "", name: str = "", **facts: Any) -> RemoteProfile:
    return RemoteProfile(
        external_id=f"id-{handle}",
        handle=handle,
        display_name=name,
        bio=bio,
        avatar=facts.pop("avatar", True),
        created_at=facts.pop("created_at", datetime(2019, 4, 1, tzinfo=UTC)),
        posts_count=facts.pop("posts_count", 1200),
        followers_count=facts.pop("followers_count", 3400),
        following_count=facts.pop("following_count", 300),
        **facts,
    )


LIBRARY = profile(
    "leedslibraries", "Libraries across Leeds: storytimes and homework clubs.", "Leeds Libraries"
)
AUTHOR = profile("annauthor", "Children's author and illustrator. Books for readers aged 7-11.", "Ann Author")
PERSONAL = profile("jo_smith", "Mum of two, wife, views my own.", "Jo Smith")
CASINO = profile("spinwin", "Best casino bonuses, bet now!", "SpinWin")


@dataclass
class FakeFollowing:
    """A platform client as the following tools see it: whom it follows, and every call made."""

    following: list[RemoteProfile] = field(default_factory=list)
    page_size: int = 2
    pending: set[str] = field(default_factory=set)
    refuse: dict[str, Exception] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    known: dict[str, RemoteProfile] = field(default_factory=dict)

    def list_following(self, cursor: str = "") -> FollowingPage:
        if "list" in self.refuse:
            raise self.refuse["list"]
        self.calls.append(("list", cursor))
        start = int(cursor or 0)
        chunk = self.following[start : start + self.page_size]
        more = start + self.page_size < len(self.following)
        return FollowingPage(
            items=tuple(Followed(profile=p, follow_id=f"follow-{p.external_id}") for p in chunk),
            cursor=str(start + self.page_size) if more else "",
        )

    def follow(self, user: str) -> FollowResult:
        self.calls.append(("follow", user))
        if "follow" in self.refuse:
            raise self.refuse["follow"]
        found = self.known.get(user) or profile(user)
        if user in self.pending:
            return FollowResult(follow_id="", external_id=found.external_id, pending=True)
        if found not in self.following:
            self.following.append(found)
        return FollowResult(follow_id=f"follow-{found.external_id}", external_id=found.external_id)

    def unfollow(self, user: str) -> None:
        self.calls.append(("unfollow", user))
        if "unfollow" in self.refuse:
            raise self.refuse["unfollow"]
        self.following = [
            p for p in self.following if f"follow-{p.external_id}" != user and p.external_id != user
        ]


@pytest.fixture
def platform(monkeypatch: pytest.MonkeyPatch) -> FakeFollowing:
    fake = FakeFollowing()
    monkeypatch.setattr(sync, "build_client", lambda connection: fake)
    return fake


def connect(p: Personas, kind: str = "bluesky") -> Connection:
    connection = Connection(
        school=p.school,
        account=p.main,
        kind=kind,
        handle="stcaths.example",
        external_id="did:plc:stcaths",
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=T0,
    )
    connection.set_credentials({"token": "t"})
    connection.save()
    return connection


@pytest.fixture
def rackham(db: None) -> Personas:
    """A school whose policy says the headteacher decides each follow case by case (RAC-07)."""
    return make_personas(preset="rackham", slug="rac")


@pytest.fixture
def catherine(db: None) -> Personas:
    """A school whose policy says it follows only educationally linked accounts (CAT-05)."""
    return make_personas(preset="st-catherine", slug="cat")


def refused(message: str = "Bluesky refused the request.") -> PermanentError:
    return PermanentError(message, advice="Check the handle.")

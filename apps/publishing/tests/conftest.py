"""Fixtures for publishing tests: personas, a movable clock, the inline task backend, posts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from apps.posts.models import Post
from apps.publishing import actions
from apps.schools import models as school_models
from apps.schools.models import Account
from apps.schools.testing import Personas, make_personas

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

#: Wednesday 11 March 2026, 10:00 in London (GMT): inside every preset's posting window.
WEDNESDAY_10AM = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)


@dataclass
class Clock:
    """The time the publishing code sees; tests move it."""

    current: datetime = WEDNESDAY_10AM

    def advance(self, delta: timedelta) -> None:
        self.current += delta

    def __call__(self) -> datetime:
        return self.current


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Personas create eight users per test; the real password hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_roster_cache() -> Iterator[None]:
    # Rosters are cached by (school id, version); ids are reused between tests.
    school_models._roster.cache_clear()
    yield
    school_models._roster.cache_clear()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(actions, "now", clock)
    return clock


@pytest.fixture
def inline_tasks(settings: Any) -> None:
    """Tasks run at once, inside the test (``SAFEPOST_TASKS=immediate``)."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def queued_tasks(settings: Any) -> None:
    """Tasks go to django-tasks-db's table and wait there (nothing runs them)."""
    settings.TASKS = DATABASE


@pytest.fixture
def p(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def rackham(db: None) -> Personas:
    return make_personas(preset="rackham", slug="rackham-test")


@dataclass
class PostMaker:
    clock: Clock
    made: list[Post] = field(default_factory=list)

    def __call__(
        self,
        personas: Personas,
        text: str = "Oak Class had a brilliant science week!",
        account: Account | None = None,
        **fields: Any,
    ) -> Post:
        account = account or personas.oak
        fields.setdefault("status", Post.Status.SCHEDULED)
        fields.setdefault("scheduled_for", self.clock.current)
        fields.setdefault("author", personas.teacher if account.kind == Account.Kind.CLASS else personas.head)
        post = Post.objects.create(school=personas.school, account=account, text=text, **fields)
        self.made.append(post)
        return post


@pytest.fixture
def make_post(clock: Clock) -> Callable[..., Post]:
    """A post written with the ORM, SCHEDULED for now unless told otherwise."""
    return PostMaker(clock)

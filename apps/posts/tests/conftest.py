"""Fixtures for the posts tests: personas, fresh caches, tasks that wait in the queue, and a clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from apps.posts import checking, views
from apps.schools import models as school_models
from apps.schools.actions import update_policy
from apps.schools.models import Membership, School
from apps.schools.testing import Personas, make_personas

LONDON = ZoneInfo("Europe/London")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time at the school (Europe/London)."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


#: Monday 9 March 2026, 10:00: inside every preset's posting window.
MONDAY_10AM = london(2026, 3, 9, 10)


def member(personas: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=personas.school)


def require_approval_for(school: School, *roles: str, approvers: list[str] | None = None) -> None:
    """Change the school's policy so posts by ``roles`` go to the approval queue."""
    text = school.policy_toml.replace(
        "approval_required_for = []", f"approval_required_for = {list(roles)!r}".replace("'", '"')
    )
    if approvers is not None:
        lines = [
            f"approvers = {approvers!r}".replace("'", '"') if line.startswith("approvers =") else line
            for line in text.splitlines()
        ]
        text = "\n".join(lines) + "\n"
    assert text != school.policy_toml
    update_policy(school, text, actor=None)
    school.refresh_from_db()


@pytest.fixture(autouse=True)
def _posts_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "apps.posts.tests.urls"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _queued_tasks(settings: Any) -> None:
    # Publish tasks wait in django-tasks-db's table: these tests stop at SCHEDULED.
    settings.TASKS = DATABASE_TASKS


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    # Rosters are cached by (school id, roster version), and ids are reused between tests.
    school_models._roster.cache_clear()
    checking._CHECKERS.clear()
    yield
    school_models._roster.cache_clear()
    checking._CHECKERS.clear()


@pytest.fixture
def p(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set the time the pages see: ``clock(london(...))``."""

    def set_time(moment: datetime) -> None:
        monkeypatch.setattr(views, "current_time", lambda: moment)

    set_time(MONDAY_10AM)
    return set_time

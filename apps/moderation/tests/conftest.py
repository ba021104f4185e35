"""Fixtures for the moderation inbox: personas with a safeguarding lead, a connection, a fake reader."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from apps.common import crypto
from apps.moderation import ingest, judging
from apps.platforms.base import Author, InboxPage, Incoming, PublishResult, RetryableError
from apps.platforms.models import Connection
from apps.schools import models as school_models
from apps.schools.models import Role
from apps.schools.testing import Personas, make_personas, make_user
from safepost.policy.moderation import ACTIONS, Judgement, Reason
from safepost.policy.moderation import classify as real_classify

T0 = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)


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
    """Personas plus a designated safeguarding lead and the main account's Bluesky connection."""

    p: Personas
    dsl: Any
    connection: Connection


def make_school(preset: str = "sutton-manor", slug: str = "mod", kind: str = "bluesky") -> School:
    p = make_personas(preset=preset, slug=slug)
    dsl = make_user(f"{slug}-dsl", p.school, Role.SAFEGUARDING_LEAD, "Dee", "Safeguarding")
    connection = Connection(
        school=p.school,
        account=p.main,
        kind=kind,
        handle="school.example",
        external_id="did:plc:school",
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=T0,
    )
    connection.set_credentials({"token": "t"})
    connection.save()
    return School(p, dsl, connection)


@pytest.fixture
def world(db: None) -> School:
    return make_school()


def incoming(
    ident: str,
    text: str = "Lovely to see the choir today",
    kind: str = "reply",
    *,
    author: str = "@parent.example",
    bio: str = "Mum of two",
    when: datetime = T0,
    images: tuple[dict[str, str], ...] = (),
    in_reply_to: str = "at://did:plc:school/app.bsky.feed.post/1",
) -> Incoming:
    return Incoming(
        external_id=ident,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        author=Author(
            external_id=f"did:plc:{author.strip('@')}", handle=author, bio=bio, url="https://example.org/a"
        ),
        created_at=when,
        url=f"https://bsky.app/profile/x/post/{ident}",
        in_reply_to=in_reply_to,
        in_reply_to_text="Our choir sang at the care home today.",
        root=in_reply_to,
        images=images,
        raw={"uri": ident},
    )


@dataclass
class FakeReader:
    """A platform client as the inbox sees it: pages to hand out, and every action it was asked to do."""

    pages: list[InboxPage | Exception] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)
    done: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    refuse: dict[str, Exception] = field(default_factory=dict)

    def incoming(self, cursor: str) -> InboxPage:
        self.cursors.append(cursor)
        if not self.pages:
            return InboxPage(items=(), cursor=cursor)
        page = self.pages.pop(0)
        if isinstance(page, Exception):
            raise page
        return page

    def _do(self, name: str, *args: Any) -> None:
        if name in self.refuse:
            raise self.refuse[name]
        self.done.append((name, args))

    def hide_reply(self, *args: Any) -> None:
        self._do("hide_reply", *args)

    def detach_quote(self, *args: Any) -> None:
        self._do("detach_quote", *args)

    def block(self, *args: Any) -> None:
        self._do("block", *args)

    def mute(self, *args: Any) -> None:
        self._do("mute", *args)

    def report(self, *args: Any) -> None:
        self._do("report", *args)

    def delete(self, *args: Any) -> None:
        self._do("delete", *args)

    def reply(self, *args: Any) -> PublishResult:
        self._do("reply", *args)
        return PublishResult(external_id="answer-1", url="https://example.org/answer-1")


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> FakeReader:
    fake = FakeReader()
    monkeypatch.setattr(ingest, "build_client", lambda connection: fake)
    return fake


@pytest.fixture
def verdicts(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[str, bool]]:
    """Texts the classifier is told to judge a given way (label, escalate); others get the real classifier.

    The classifier itself is measured in the engine; here the app's handling of each label is under test.
    """
    table: dict[str, tuple[str, bool]] = {}

    def classify(item: Any, *, known_names: Any = (), school_handles: Any = ()) -> Judgement:
        if item.text in table:
            label, escalate = table[item.text]
            reason = Reason(
                "test-rule", f"judged {label} for the test", "text", 0, min(4, len(item.text)), item.text[:4]
            )
            return Judgement(label, escalate, (reason,), ACTIONS[label], ())
        return real_classify(item, known_names=known_names, school_handles=school_handles)

    monkeypatch.setattr(judging, "classify", classify)
    return table


def page(*items: Incoming, cursor: str = "c1", problems: tuple[str, ...] = ()) -> InboxPage:
    return InboxPage(items=items, cursor=cursor, problems=problems, reads=len(items))


def busy(seconds: float = 120) -> RetryableError:
    return RetryableError("The platform asked Safepost to slow down (rate limit).", retry_after=seconds)


LATER = T0 + timedelta(minutes=10)

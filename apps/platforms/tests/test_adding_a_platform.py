"""Adding a platform is adding a package: apps/platforms/<kind>/ with a platform.py, nothing else.

The guide is apps/publishing/targets/README.md. These tests follow it: they put a package for a
made-up platform, Fakeland, beside X, Bluesky and Mastodon (on ``apps.platforms.__path__``, from a
temporary folder) and see it on the connections page with its own server box, reading its own
settings, in the compose page's counters, publishing with its own photo size, finding a sent post
its own way, and named in the words staff read.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import apps.platforms
from apps.platforms import registry, testing
from apps.platforms.base import Outgoing
from apps.platforms.tests.conftest import BASE, connect
from apps.posts.models import Post
from apps.publishing import actions as publishing
from apps.publishing.models import Publication
from apps.publishing.targets import label_of, target_by_kind, targets_for
from apps.publishing.targets import platform as platform_targets
from apps.publishing.words import publication_advice
from apps.schools.testing import Personas, client_for, make_personas

IN_WINDOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)

#: The whole of the new platform: what a developer writes in apps/platforms/fakeland/platform.py.
PLATFORM_PY = '''
"""Fakeland, declared once."""

from dataclasses import replace

from apps.platforms.base import Capabilities, Server
from apps.platforms.tests.fakes import FakeClient, FakeWorld, oauth_platform
from safepost.photos.images import Preset

WORLD = FakeWorld()
CONFIGS = []
SEARCHES = []
IMAGE = Preset("fakeland", 640, 200_000)


class FakelandClient(FakeClient):
    def find_existing(self, idempotency_key, post=None, since=None):
        SEARCHES.append((idempotency_key, post, since))
        return super().find_existing(idempotency_key)


_oauth = oauth_platform(WORLD, "fakeland", "Fakeland")


def start_authorisation(config, callback_url, server):
    CONFIGS.append((dict(config), server))
    return _oauth.start_authorisation(config, callback_url, server)


PLATFORM = replace(
    _oauth,
    capabilities=Capabilities(limit_replies=False, block=True, disable_quotes=False, followers_only=False),
    client=lambda credentials, save: FakelandClient(WORLD, "fakeland", credentials, save),
    start_authorisation=start_authorisation,
    position=0,
    server=Server("Your Fakeland server", "Where the school's Fakeland account lives, e.g. https://fake.land."),
    settings={"client_id": "SAFEPOST_FAKELAND_CLIENT_ID"},
    image=IMAGE,
    searches_sent_posts=True,
)
'''


@pytest.fixture
def fakeland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Any) -> Iterator[ModuleType]:
    package = tmp_path / "fakeland"
    package.mkdir()
    (package / "__init__.py").write_text('"""Fakeland: a platform added as a package."""\n')
    (package / "platform.py").write_text(PLATFORM_PY)
    monkeypatch.setattr(apps.platforms, "__path__", [*apps.platforms.__path__, str(tmp_path)])
    settings.SAFEPOST_FAKELAND_CLIENT_ID = "fakeland-app"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(publishing, "now", lambda: IN_WINDOW)
    try:
        with testing.rediscovered() as kinds:
            assert sorted(kinds) == ["bluesky", "fakeland", "mastodon", "x"]
            yield importlib.import_module("apps.platforms.fakeland.platform")
        assert "fakeland" not in registry.kinds()
        assert label_of("fakeland") == "fakeland"
    finally:
        for name in ("apps.platforms.fakeland.platform", "apps.platforms.fakeland"):
            sys.modules.pop(name, None)


def test_the_new_platform_is_offered_first_on_the_connections_page_with_its_server_box(
    p: Personas, fakeland: ModuleType
) -> None:
    client = client_for(p.senior)

    page = client.get(BASE).content.decode()
    form = client.get(f"{BASE}connect/{p.main.pk}/fakeland/").content.decode()

    assert registry.platforms()[0].kind == "fakeland"
    assert page.index("Fakeland") < page.index("Bluesky")
    assert "Your Fakeland server" in form
    assert "Where the school&#x27;s Fakeland account lives" in form


def test_connecting_sends_the_senior_leader_to_it_with_the_settings_it_names(
    p: Personas, fakeland: ModuleType
) -> None:
    response = client_for(p.senior).post(
        f"{BASE}connect/{p.main.pk}/fakeland/", {"server": "https://fake.land"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("https://fake.example/authorize?")
    assert fakeland.CONFIGS == [({"client_id": "fakeland-app"}, "https://fake.land")]


def test_the_compose_page_counts_against_it_and_says_what_it_cannot_do(
    db: None, fakeland: ModuleType
) -> None:
    sutton = make_personas(preset="sutton-manor", slug="sutton")  # SUT-12: the school takes no replies
    connect(sutton, fakeland.WORLD, kind="fakeland")

    page = client_for(sutton.head).get("/posts/new/").content.decode()

    assert [t.label for t in targets_for(sutton.main)] == ["the school's website feed", "Fakeland (@stcaths)"]
    assert "Fakeland (@stcaths)" in page
    assert "Fakeland cannot limit who replies to a post" in page


def test_a_post_goes_out_to_it_with_its_photo_size_and_its_name_in_the_status(
    p: Personas, fakeland: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    presets: list[Any] = []
    monkeypatch.setattr(platform_targets, "media_for", lambda post, preset: presets.append(preset) or [])
    connect(p, fakeland.WORLD, kind="fakeland")
    post = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="Year 6 enjoyed their science week!",
        status=Post.Status.SCHEDULED,
        scheduled_for=IN_WINDOW,
    )

    publishing.queue(post)

    publication = Publication.objects.get(post=post, target="fakeland")
    assert publication.status == Publication.Status.PUBLISHED
    assert [sent.text for sent, _ in fakeland.WORLD.posts.values()] == ["Year 6 enjoyed their science week!"]
    assert presets and set(presets) == {fakeland.IMAGE}  # the retry check re-makes what was sent too


def test_a_retry_finds_the_sent_post_the_way_the_platform_says(p: Personas, fakeland: ModuleType) -> None:
    connect(p, fakeland.WORLD, kind="fakeland")
    post = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="Sports day is on Friday.",
        status=Post.Status.SCHEDULED,
        scheduled_for=IN_WINDOW,
    )
    publishing.queue(post)
    publication = Publication.objects.get(post=post, target="fakeland")
    fakeland.SEARCHES.clear()
    target = target_by_kind("fakeland", p.main)
    assert target is not None
    # A first attempt has nothing to find, and asks the platform nothing.
    assert target.find_existing(publication.idempotency_key) is None and fakeland.SEARCHES == []

    # A retry (the attempt before it may have been sent before its worker died) searches.
    Publication.objects.filter(pk=publication.pk).update(attempts=2)
    target = target_by_kind("fakeland", p.main)
    assert target is not None
    found = target.find_existing(publication.idempotency_key)

    assert found is not None and found.external_id == publication.external_id
    [(key, sent, _since)] = fakeland.SEARCHES
    assert key == publication.idempotency_key
    assert isinstance(sent, Outgoing) and sent.text == "Sports day is on Friday."


def test_staff_read_its_name_wherever_a_publication_is_described(p: Personas, fakeland: ModuleType) -> None:
    publication = Publication(target="fakeland", status=Publication.Status.PENDING)

    assert label_of("fakeland") == "Fakeland"
    assert publication_advice(publication, IN_WINDOW, p.school.policy) == "Waiting to go out to Fakeland."

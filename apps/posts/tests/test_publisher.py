"""Posts hands its posts to publishing through the publisher publishing installs (apps.posts.publisher)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from apps.posts import publisher as publisher_module
from apps.publishing import actions as publishing
from apps.publishing import targets


def test_the_publishing_app_installs_itself_as_the_publisher_when_it_starts() -> None:
    installed = publisher_module.publisher()
    assert installed.queue is publishing.queue and installed.withdraw is publishing.withdraw
    assert installed.places_for is targets.targets_for


def test_without_the_publishing_app_posts_say_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publisher_module, "_installed", [])
    with pytest.raises(ImproperlyConfigured, match=r"publishing app .* is not installed"):
        publisher_module.publisher()

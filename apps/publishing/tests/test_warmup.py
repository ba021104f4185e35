"""A worker loads what a publish needs before its first task (so one restarted after a crash is ready)."""

from __future__ import annotations

import pytest
from django.urls import clear_url_caches, get_resolver

from apps.platforms import registry
from apps.publishing.warmup import warm_up
from safepost.policy import names


@pytest.mark.django_db
def test_warming_up_builds_the_url_table_and_the_name_lexicon_a_first_publish_would_wait_for() -> None:
    clear_url_caches()
    names.first_name_lexicon.cache_clear()

    warm_up()

    assert get_resolver()._populated
    assert names.first_name_lexicon.cache_info().currsize == 1


@pytest.mark.django_db
def test_warming_up_loads_every_platform_the_publish_task_looks_its_target_up_among(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Only the platforms with a connection used to be loaded: every task process forked after a
    # crash then imported Bluesky in its first task (20 s on a busy machine) before publishing.
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_platforms", {})

    warm_up()

    assert registry._loaded
    assert {"x", "bluesky", "mastodon"} <= set(registry._platforms)

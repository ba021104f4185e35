"""Prepared word lists kept in the cache directory (safepost.policy.prepared)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from safepost.policy import names, prepared


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("Amelia\nJosh\n", encoding="utf-8")
    return path


def _builder(source: Path, builds: list[int]) -> Callable[[], list[str]]:
    def build() -> list[str]:
        builds.append(1)
        return source.read_text(encoding="utf-8").split()

    return build


def test_a_word_list_is_built_once_and_then_read_from_the_cache(tmp_path: Path, source: Path) -> None:
    builds: list[int] = []
    first = prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache")
    again = prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache")
    assert first == again == frozenset({"Amelia", "Josh"})
    assert len(builds) == 1


def test_a_word_list_is_built_again_when_its_source_changes(tmp_path: Path, source: Path) -> None:
    builds: list[int] = []
    prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache")
    source.write_text("Amelia\nJosh\nKacper\n", encoding="utf-8")
    assert "Kacper" in prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache")
    assert len(builds) == 2


def test_a_cut_short_cache_file_is_built_again(tmp_path: Path, source: Path) -> None:
    builds: list[int] = []
    prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache")
    cached = tmp_path / "cache" / "names.txt"
    cached.write_text(cached.read_text(encoding="utf-8").rsplit("\n", 2)[0], encoding="utf-8")
    assert prepared.cached_words("names", [source], _builder(source, builds), tmp_path / "cache") == {
        "Amelia",
        "Josh",
    }
    assert len(builds) == 2


def test_it_keeps_the_words_in_memory_when_the_cache_cannot_be_written(
    tmp_path: Path, source: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    builds: list[int] = []
    with caplog.at_level(logging.WARNING, logger="safepost.policy.prepared"):
        words = prepared.cached_words("names", [source], _builder(source, builds), blocker / "cache")
    assert words == {"Amelia", "Josh"}
    assert "keeping it in memory" in caplog.text


def test_the_cached_first_names_are_the_names_read_from_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFEPOST_CACHE_DIR", str(tmp_path))
    names.first_name_lexicon.cache_clear()
    try:
        built = names.first_name_lexicon()  # an empty cache: read from the list and written
        names.first_name_lexicon.cache_clear()
        assert (tmp_path / "first-names.txt").exists()
        assert names.first_name_lexicon() == built  # read back from the cache
    finally:
        names.first_name_lexicon.cache_clear()
    assert {"amelia", "kacper", "zofia"} <= built and len(built) > 40_000

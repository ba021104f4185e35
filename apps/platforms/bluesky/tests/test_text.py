"""Counting and marking up text the way Bluesky does, without a PDS."""

from __future__ import annotations

import uuid

import pytest
from atproto_client import models
from atproto_client.models.string_formats import TID_RE

from apps.platforms.base import PermanentError
from apps.platforms.bluesky.client import limits, normalise_service
from apps.platforms.bluesky.text import derived_tid, facets_for, grapheme_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Well done Year 4", 16),
        ("café", 4),
        ("cafe\u0301", 4),  # e + combining accent is one character on screen
        ("👍🏽", 1),  # thumbs up with a skin tone
        ("🇬🇧🇺🇦", 2),  # two flags
        ("👩‍👩‍👧‍👦", 1),  # a family joined by zero-width joiners
        ("", 0),
    ],
)
def test_it_counts_characters_as_a_reader_sees_them(text: str, expected: int) -> None:
    assert grapheme_count(text) == expected
    assert limits().length(text) == expected


def test_it_reports_bluesky_limits_for_the_compose_page() -> None:
    bluesky = limits()
    assert (bluesky.max_chars, bluesky.max_media, bluesky.max_media_bytes) == (300, 4, 1_000_000)
    assert "image/jpeg" in bluesky.media_formats
    assert bluesky.remaining("👍🏽" * 299) == 1
    assert bluesky.remaining("x" * 301) == -1


def test_it_marks_links_and_tags_by_utf8_byte_offsets() -> None:
    text = "Über 🎉 #Sieger! see stcaths.sch.uk/news."
    facets = facets_for(text, lambda handle: None)
    encoded = text.encode("utf-8")
    spans = [encoded[f.index.byte_start : f.index.byte_end].decode() for f in facets]
    assert spans == ["#Sieger", "stcaths.sch.uk/news"]
    link = facets[1].features[0]
    assert isinstance(link, models.AppBskyRichtextFacet.Link)
    assert link.uri == "https://stcaths.sch.uk/news"


def test_it_leaves_dollar_words_and_numbers_after_a_hash_as_plain_text() -> None:
    assert facets_for("Raised $PTA money for class #4", lambda handle: None) == []


def test_a_derived_record_key_is_a_valid_tid_that_depends_only_on_the_key() -> None:
    key = uuid.uuid4()
    tid = derived_tid(f"post:{key}")
    assert TID_RE.match(tid)
    assert derived_tid(f"post:{key}") == tid
    assert derived_tid(f"post:{uuid.uuid4()}") != tid
    keys = {derived_tid(f"post:{uuid.uuid4()}") for _ in range(2000)}
    assert len(keys) == 2000 and all(TID_RE.match(k) for k in keys)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", "https://bsky.social"),
        ("bsky.social", "https://bsky.social"),
        ("https://pds.example.org/", "https://pds.example.org"),
    ],
)
def test_it_understands_the_server_addresses_staff_type(given: str, expected: str) -> None:
    assert normalise_service(given) == expected


def test_it_says_plainly_when_the_server_is_not_an_address() -> None:
    with pytest.raises(PermanentError, match="not the address of a Bluesky server"):
        normalise_service("ftp://files.example")

"""How Bluesky measures and marks up a post's text: graphemes, rich-text facets, record keys.

Bluesky counts a post's length in grapheme clusters (what a reader sees as one character: an
emoji with a skin tone, a flag, an accented letter typed as two code points), at most 300, and
its facets (links, hashtags, mentions) address the text by UTF-8 *byte* offsets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

import regex
from atproto_client import models
from atproto_client.utils import detect_facets, detect_mentions

#: Bluesky's own limits (the app.bsky.feed.post lexicon): 300 graphemes and 3,000 UTF-8 bytes.
MAX_GRAPHEMES = 300
MAX_TEXT_BYTES = 3000

_GRAPHEME = regex.compile(r"\X")


def grapheme_count(text: str) -> int:
    """The number of user-perceived characters (Unicode extended grapheme clusters) in ``text``."""
    return len(_GRAPHEME.findall(text))


def facets_for(
    text: str, resolve_handle: Callable[[str], str | None]
) -> list[models.AppBskyRichtextFacet.Main]:
    """Links, hashtags and resolvable @mentions in ``text`` as facets, ordered by position.

    Detection follows the Bluesky app's rules (the SDK's port of them): links with or without
    ``https://`` (on a known top-level domain), ``#tags`` without trailing punctuation, and
    ``@handle`` mentions. ``resolve_handle`` turns a handle into a DID; a mention whose handle does
    not resolve stays plain text rather than linking to the wrong person. ``$cashtags`` are left
    as text: a school's "$PTA" is not a stock ticker.
    """
    facets = [
        facet
        for facet in detect_facets(text)
        if not any(
            isinstance(feature, models.AppBskyRichtextFacet.Tag) and feature.tag.startswith("$")
            for feature in facet.features
        )
    ]
    for mention in detect_mentions(text):
        did = resolve_handle(mention.handle)
        if did:
            facets.append(
                models.AppBskyRichtextFacet.Main(
                    features=[models.AppBskyRichtextFacet.Mention(did=did)],
                    index=models.AppBskyRichtextFacet.ByteSlice(
                        byte_start=mention.byte_start, byte_end=mention.byte_end
                    ),
                )
            )
    return sorted(facets, key=lambda facet: facet.index.byte_start)


_BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz"
# Record keys made here carry timestamps inside 2023-01-01 .. early 2024: a window no client
# creating records today lands in, so a derived key never collides with a post made elsewhere.
_TID_WINDOW_START_US = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp()) * 1_000_000
_TID_WINDOW_BITS = 45  # about 13 months of microseconds


def derived_tid(seed: str) -> str:
    """A valid atproto TID (record key) derived only from ``seed``: the same seed, the same key.

    A TID is 64 bits written in base32-sortable: a zero bit, 53 bits of microseconds since 1970
    and 10 bits of clock id. Here the timestamp (within a fixed past window) and the clock id come
    from a SHA-256 of the seed, which leaves 55 bits of the hash in the key.
    """
    number = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")
    micros = _TID_WINDOW_START_US + (number >> 10) % (1 << _TID_WINDOW_BITS)
    value = (micros << 10) | (number & 0x3FF)
    return "".join(_BASE32_SORTABLE[(value >> (5 * i)) & 31] for i in reversed(range(13)))

"""Stored credentials that cannot work say so, without a PDS."""

from __future__ import annotations

from typing import Any

import pytest

from apps.platforms.base import AuthError
from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.platform import PLATFORM


@pytest.mark.parametrize(
    ("credentials", "says"),
    [
        ({}, "incomplete"),
        ({"did": "did:plc:x", "handle": "a.test", "access_jwt": "garbage", "refresh_jwt": "x"}, "damaged"),
    ],
)
def test_unusable_credentials_ask_the_holder_to_reconnect(credentials: dict[str, Any], says: str) -> None:
    with pytest.raises(AuthError, match=says) as refused:
        BlueskyClient(credentials, lambda new: None, holder="Mrs Patel")
    assert "Ask Mrs Patel to reconnect the Bluesky account" in refused.value.explain()


def test_the_platform_tells_the_ui_what_bluesky_cannot_do() -> None:
    assert PLATFORM.auth == "app-password" and PLATFORM.sign_in is not None
    assert PLATFORM.capabilities.limit_replies and PLATFORM.capabilities.disable_quotes
    assert not PLATFORM.capabilities.followers_only
    assert any("always public" in note for note in PLATFORM.capabilities.notes)

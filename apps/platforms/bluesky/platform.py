"""Bluesky as the connection views and publishing targets see it."""

from __future__ import annotations

from apps.platforms.base import Capabilities, Platform
from apps.platforms.bluesky.client import KIND, BlueskyClient, sign_in

PLATFORM = Platform(
    kind=KIND,
    label="Bluesky",
    auth="app-password",
    capabilities=Capabilities(
        limit_replies=True,
        block=True,
        disable_quotes=True,
        followers_only=False,
        set_profile=True,
        notes=(
            "Bluesky posts are always public: there is no followers-only post.",
            "Replies are closed with a reply gate; the school's own account can still reply.",
            "Connect with an app password (Bluesky: Settings → Privacy and security → App "
            "passwords), never the account's main password.",
            "Safepost's sign-in lapses if the account is not used for about two months; "
            "the account holder then reconnects with a new app password.",
        ),
    ),
    client=BlueskyClient,
    sign_in=sign_in,
)

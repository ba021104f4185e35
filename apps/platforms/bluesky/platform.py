"""Bluesky, declared once: the connection views, the compose page and the publishing target read this."""

from __future__ import annotations

from apps.platforms.base import Capabilities, Platform, Server
from apps.platforms.bluesky.client import KIND, BlueskyClient, sign_in
from safepost.photos.images import Preset

#: The app.bsky.embed.images lexicon (bluesky-social/atproto, lexicons/app/bsky/embed/images.json)
#: caps each image blob at maxSize 1000000 bytes; its first version also said 2000 x 2000 px, the
#: size the Bluesky app itself uploads. Some servers now take 2 MB: 1 MB is safe.
IMAGE = Preset("bluesky", 2000, 1_000_000)

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
    position=2,
    server=Server(
        "Bluesky server",
        "Leave as it is unless the school runs its own Bluesky server (PDS).",
        "https://bsky.social",
    ),
    # An installation whose schools share their own server (PDS) makes it the default.
    settings={"default_server": "SAFEPOST_BLUESKY_SERVICE"},
    image=IMAGE,
)

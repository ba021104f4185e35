"""X, declared once: the connection views, the compose page and the publishing target read this."""

from __future__ import annotations

from apps.platforms.base import Capabilities, Platform
from apps.platforms.x.client import XClient
from apps.platforms.x.oauth import finish_authorisation, start_authorisation
from safepost.photos.images import Preset

CAPABILITIES = Capabilities(
    limit_replies=True,
    block=False,
    disable_quotes=False,
    followers_only=False,
    notes=(
        "When the school takes no replies, posts go to X with replies limited to the people the post "
        "@mentions, so a post that mentions nobody takes no replies; anyone it mentions can reply.",
        "X does not let Safepost block accounts on ordinary plans: mute them and hide their replies "
        "instead (Safepost's X connection can do both; to block someone, use the X app).",
        "X cannot stop people quoting a post.",
        "X has no followers-only posts: only a protected X account's posts are for followers only, "
        "so followers-only posts go to X only when the school's X account is protected.",
        "X counts links as 23 characters, and Chinese, Japanese and Korean characters and emoji as 2.",
    ),
)

#: X: "Size restrictions for uploading via API: Image: 5 MB" (https://docs.x.com/x-api/media),
#: taken as 5,000,000 bytes to be safe. X accepts up to 8192 px a side but serves at most its
#: 4096 x 4096 variant, so anything larger only gives away detail.
IMAGE = Preset("x", 4096, 5_000_000)

PLATFORM = Platform(
    kind="x",
    label="X",
    auth="oauth",
    capabilities=CAPABILITIES,
    client=XClient,
    start_authorisation=start_authorisation,
    finish_authorisation=finish_authorisation,
    position=1,
    # The school's or trust's X app, from the X developer portal.
    settings={"client_id": "SAFEPOST_X_CLIENT_ID", "client_secret": "SAFEPOST_X_CLIENT_SECRET"},
    image=IMAGE,
    searches_sent_posts=True,
)

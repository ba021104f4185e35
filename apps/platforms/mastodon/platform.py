"""Mastodon, declared once: the connection views, the compose page and the publishing target read this."""

from __future__ import annotations

from apps.platforms.base import Capabilities, Platform, Server
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.oauth import finish_authorisation, start_authorisation

CAPABILITIES = Capabilities(
    limit_replies=False,
    block=True,
    disable_quotes=True,
    followers_only=True,
    set_profile=True,
    remove_follower=True,
    follow_requests=True,
    notes=(
        "Mastodon cannot stop people replying to a post: anyone who can see it can reply. "
        "If your policy says the school does not take replies, check the account's notifications "
        "on Mastodon and block or mute anyone who replies inappropriately.",
        "Quoting is switched off on servers running Mastodon 4.5 or newer. Older servers have no "
        "quote posts, but some other Fediverse apps can still quote a public post.",
        "A followers-only post is seen only by followers the school has approved. Lock the "
        "account on Mastodon (Preferences › Profile › Require follow requests) and approve "
        "follow requests in Safepost.",
    ),
)

PLATFORM = Platform(
    kind="mastodon",
    label="Mastodon",
    auth="oauth",
    capabilities=CAPABILITIES,
    client=MastodonClient,
    start_authorisation=start_authorisation,
    finish_authorisation=finish_authorisation,
    position=3,
    server=Server(
        "Your Mastodon server",
        "The address of the server the school's account is on, e.g. https://mastodon.social. It is the "
        "part after the second @ in the account's full name (@school@mastodon.social).",
    ),
    # Safepost registers itself on each school's server; its page there links to this address.
    settings={"website": "SAFEPOST_SITE_URL"},
    searches_sent_posts=True,
)

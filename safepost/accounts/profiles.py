"""What Safepost knows about another account on a platform: the facts its profile shows.

Plain Python: the platform clients (``apps/platforms/<kind>/client.py``) build these from the
platform's own payloads, the follower and following tools store them, and
:mod:`safepost.accounts.signals` judges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

__all__ = ["RemoteProfile", "normalise_handle"]


@dataclass(frozen=True)
class RemoteProfile:
    """One account on a platform as its profile showed it when Safepost last read it.

    ``external_id`` is the platform's own id (X user id, Bluesky DID, Mastodon account id);
    ``handle`` the full handle without ``@`` (``jo.bsky.social``, ``jo@mastodon.social``,
    ``jo`` on X). Counts are ``None`` where the platform did not say. ``deleted`` marks an
    account the platform says no longer exists or is suspended: the rest is then what was
    known before.
    """

    external_id: str
    handle: str
    display_name: str = ""
    bio: str = ""
    avatar: bool = False
    created_at: datetime | None = None
    posts_count: int | None = None
    followers_count: int | None = None
    following_count: int | None = None
    links: tuple[str, ...] = ()
    url: str = ""
    bot: bool = False
    deleted: bool = False


_PROFILE_PATHS = (
    # https://bsky.app/profile/jo.bsky.social
    re.compile(r"^/profile/(?P<user>[^/]+)"),
    # https://mastodon.social/@jo
    re.compile(r"^/@(?P<user>[^/@]+)(?:@(?P<host>[^/]+))?"),
    # https://x.com/jo, https://twitter.com/jo
    re.compile(r"^/(?P<user>[A-Za-z0-9_]{1,15})/?$"),
)
_X_HOSTS = {"x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.twitter.com"}
_BLUESKY_HOSTS = {"bsky.app", "www.bsky.app"}


def normalise_handle(text: str) -> str:
    """A handle or profile address reduced to one comparable form, lower case, without ``@``.

    ``@Jo@Mastodon.social``, ``https://mastodon.social/@jo`` → ``jo@mastodon.social``;
    ``https://bsky.app/profile/jo.bsky.social`` → ``jo.bsky.social``; ``@jo``,
    ``https://x.com/jo`` → ``jo``. Anything else comes back trimmed and lower-cased.
    """
    text = text.strip().strip("<>").strip()
    if not text:
        return ""
    if "://" in text or text.lower().startswith(("bsky.app/", "x.com/", "twitter.com/")):
        parts = urlsplit(text if "://" in text else "https://" + text)
        host = (parts.hostname or "").lower()
        for pattern in _PROFILE_PATHS:
            m = pattern.match(parts.path)
            if not m:
                continue
            user = m.group("user").lower()
            if host in _BLUESKY_HOSTS and pattern is _PROFILE_PATHS[0]:
                return user.lstrip("@")
            if host in _X_HOSTS and pattern is _PROFILE_PATHS[2]:
                return user
            if pattern is _PROFILE_PATHS[1]:
                other = m.groupdict().get("host")
                return f"{user}@{(other or host).lower()}"
        return text.lower().rstrip("/")
    return text.lstrip("@").lower()

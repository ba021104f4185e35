"""What every platform client (X, Bluesky, Mastodon) offers the rest of Safepost.

A *client* speaks to one platform for one connected account. It is plain Python (no Django
import, no database): it takes the account's credentials as a dict, does one thing per call and
raises the errors defined here (:class:`RetryableError`, :class:`PermanentError`) when it cannot. The Django side
(:mod:`apps.platforms.models`, the connection views, the publishing targets) decrypts the
credentials, builds a client, and records what happened.

Each platform lives in its own package, ``apps/platforms/<kind>/`` with ``client.py`` (the
client), and its tests beside it. All of a client's HTTP goes through one session object it
owns, so tests mock only that boundary (or run a real peer: a PDS for Bluesky, mastodon-mock
for Mastodon).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from apps.platforms.links import count_with_links
from safepost.accounts.profiles import RemoteProfile

if TYPE_CHECKING:
    from safepost.photos.images import Preset

__all__ = [
    "AccountInfo",
    "AuthError",
    "Author",
    "Authorisation",
    "Capabilities",
    "ClientFactory",
    "CredentialsSaver",
    "FollowResult",
    "Followed",
    "FollowerClient",
    "FollowingClient",
    "FollowingPage",
    "InboxPage",
    "Incoming",
    "Limits",
    "Media",
    "Outgoing",
    "PermanentError",
    "Platform",
    "PlatformClient",
    "ProfilePage",
    "PublishResult",
    "RemoteProfile",
    "Removal",
    "RetryableError",
    "Server",
    "TargetError",
    "UnsupportedError",
]

Replies = Literal["none", "receive-only", "open"]
Visibility = Literal["public", "followers-only"]


@dataclass(frozen=True)
class Limits:
    """What a target accepts.

    ``max_chars`` is the longest text (``None``: no limit). ``link_chars`` is what one link counts
    as towards it (X counts every link as 23; ``None`` counts links as typed). ``max_media`` and
    ``max_media_bytes`` bound the attachments, ``media_formats`` lists the MIME types accepted.
    """

    max_chars: int | None = None
    link_chars: int | None = None
    max_media: int = 0
    max_media_bytes: int | None = None
    media_formats: tuple[str, ...] = ()

    def length(self, text: str) -> int:
        """The text's length as this target counts it (links as ``link_chars``)."""
        if self.link_chars is None:
            return len(text)
        return count_with_links(text, self.link_chars)

    def remaining(self, text: str) -> int | None:
        """Characters left (negative when over), or ``None`` when there is no limit."""
        if self.max_chars is None:
            return None
        return self.max_chars - self.length(text)


@dataclass(frozen=True)
class PublishResult:
    """Where a post went: the platform's id for it and a link to it (empty when there is none)."""

    external_id: str
    url: str = ""


class TargetError(Exception):
    """A target could not do what was asked. Use one of the two subclasses."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RetryableError(TargetError):
    """A failure a later attempt may not hit: rate limit, server error, timeout, network.

    ``retry_after`` (seconds) is the platform's own hint (e.g. a ``Retry-After`` header); the
    publish task never retries sooner than that.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(TargetError):
    """A failure a retry will not fix: the post is rejected, access was revoked, the account is gone.

    ``platform_text`` is the platform's own error text (shown to staff as it came), ``advice`` what
    the school should do about it, in plain words.
    """

    def __init__(self, message: str, platform_text: str = "", advice: str = "") -> None:
        super().__init__(message)
        self.platform_text = platform_text
        self.advice = advice

    def explain(self) -> str:
        """One paragraph for staff: what happened, the platform's words, what to do."""
        parts = [self.message.rstrip(".") + "."]
        if self.platform_text:
            said = self.platform_text.strip()
            parts.append(f"The platform said: “{said}”" + ("" if said.endswith((".", "!", "?")) else "."))
        if self.advice:
            parts.append(self.advice.rstrip(".") + ".")
        return " ".join(parts)


class AuthError(PermanentError):
    """The platform no longer accepts the account's credentials (expired, revoked, password changed).

    The connection is marked "reconnect needed" and its holder is told; nothing is retried.
    """


class UnsupportedError(PermanentError):
    """The platform (or the school's plan on it) cannot do this, e.g. blocking on X's basic plans.

    ``advice`` says what Safepost does instead (mute and hide on X).
    """


@dataclass(frozen=True)
class Media:
    """One image to attach: the cleaned rendition's bytes, never an original."""

    data: bytes
    mime: str
    alt_text: str
    width: int
    height: int


@dataclass(frozen=True)
class Outgoing:
    """A post as a platform receives it, with the policy's settings already applied.

    ``replies``: ``none`` limits replies where the platform can (X: ``reply_settings`` to mentioned
    users only; Bluesky: a threadgate with an empty allow list; Mastodon cannot, which the UI says).
    ``quote_posts="disable"``: Bluesky adds a postgate that disables embedding; Mastodon 4.5+ sets
    ``quote_approval_policy`` to nobody; X cannot.
    ``visibility="followers-only"``: Mastodon posts with ``private`` visibility (COU-04).
    """

    text: str
    media: tuple[Media, ...] = ()
    replies: Replies = "receive-only"
    visibility: Visibility = "public"
    quote_posts: Literal["allow", "disable"] = "allow"
    language: str = "en"


@dataclass(frozen=True)
class AccountInfo:
    """Who the credentials sign in as."""

    external_id: str
    handle: str
    display_name: str = ""
    url: str = ""
    locked: bool = False
    description: str = ""
    """The profile's text (bio), as plain text."""
    links: tuple[str, ...] = ()
    """Web addresses the profile shows: its website field and the links in its text."""


def links_in(text: str) -> tuple[str, ...]:
    """The web addresses written in ``text`` (with or without ``https://``), in order."""
    return tuple(dict.fromkeys(m.group(0).rstrip(".,;:!?)") for m in _LINK.finditer(text)))


_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']{1,300}|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}/[^\s<>\"']{0,300}",
    re.I,
)


@dataclass(frozen=True)
class Authorisation:
    """The first step of an OAuth connection: send the senior leader to ``url``.

    ``state`` must come back unchanged on the callback; ``verifier`` (PKCE) and ``extra`` are kept
    server-side (in the session) and passed to ``finish_authorisation``.
    """

    url: str
    state: str
    verifier: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class PlatformClient(Protocol):
    """What the publishing target and the connection views call. One instance per account."""

    kind: str

    def limits(self) -> Limits:
        """Length (as the platform counts it), media count, size and formats."""
        ...

    def whoami(self) -> AccountInfo:
        """Check the credentials and say whose they are; :class:`AuthError` when they no longer work."""
        ...

    def publish(self, post: Outgoing, idempotency_key: uuid.UUID) -> PublishResult:
        """Create the post (with its media, alt text and reply/quote restrictions)."""
        ...

    def find_existing(
        self, idempotency_key: uuid.UUID, post: Outgoing | None = None, since: datetime | None = None
    ) -> PublishResult | None:
        """The post an earlier attempt with this key created, ``None`` only when sure there is none.

        X and Mastodon keep no key to look up later, so they search the account's own recent
        posts for ``post`` (what was sent) from ``since`` (when the first attempt started; ``None``
        on a first attempt, when there is nothing to find).
        """
        ...

    def delete(self, external_id: str) -> None:
        """Delete a post; one already gone is not an error."""
        ...

    def repost(self, external_id: str) -> PublishResult:
        """Repost/boost one of the school's own posts (RAC-02: the main account shares class posts)."""
        ...

    def block(self, user_id: str) -> None:
        """Block a user (X: raises :class:`UnsupportedError`, see ``mute``)."""
        ...

    def mute(self, user_id: str) -> None:
        """Mute a user."""
        ...

    def set_profile_text(self, text: str, link_name: str = "", link: str = "") -> None:
        """Replace the profile's text (bio); where the platform has profile fields, also set the field
        ``link_name`` to ``link``. :class:`UnsupportedError` where the API does not allow it."""
        ...


@dataclass(frozen=True)
class Author:
    """Who wrote something that came in: their platform id, handle, name, bio and profile address."""

    external_id: str
    handle: str
    display_name: str = ""
    bio: str = ""
    url: str = ""


@dataclass(frozen=True)
class Incoming:
    """One reply, mention or quote that came to the school's account, as the platform gave it.

    ``kind`` is ``reply``, ``mention`` or ``quote``. ``in_reply_to`` is the platform id of the
    post it answers or quotes (often one of the school's); ``in_reply_to_text`` its words when
    the platform said them. ``thread`` is the conversation around it, oldest first, as dicts with
    ``id``, ``author``, ``text``, ``url`` and ``created_at``. ``images`` are dicts with ``url`` and
    ``alt``. ``raw`` is the platform's own payload, kept as evidence.
    """

    external_id: str
    kind: Literal["reply", "mention", "quote"]
    text: str
    author: Author
    created_at: datetime
    url: str = ""
    in_reply_to: str = ""
    in_reply_to_text: str = ""
    root: str = ""
    thread: tuple[dict[str, Any], ...] = ()
    images: tuple[dict[str, str], ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InboxPage:
    """What one read of the platform returned, and where the next read starts.

    ``cursor`` is saved and handed back on the next call (Bluesky's seen-at time, Mastodon's
    and X's newest id); ``problems`` are entries the platform sent that could not be read
    (each a sentence saying which and why); they are reported, never fatal.
    """

    items: tuple[Incoming, ...]
    cursor: str
    problems: tuple[str, ...] = ()
    reads: int = 0


class InboxReader(Protocol):
    """What the moderation inbox calls on a client that can read what comes back (all three do)."""

    def incoming(self, cursor: str) -> InboxPage:
        """Replies, mentions and quotes newer than ``cursor`` (``""``: the most recent page)."""
        ...


@dataclass(frozen=True)
class ProfilePage:
    """One page of accounts (followers, follow requests, follows) and where the next page starts.

    ``cursor`` is handed back for the next page; ``""`` means this was the last. For follow
    notifications ``cursor`` is instead the marker of the newest one seen, to pass next time, and
    ``followed_at`` says when each account (by ``external_id``) followed. ``problems`` are
    entries that could not be read, each a sentence; they are reported, never fatal.
    """

    profiles: tuple[RemoteProfile, ...]
    cursor: str = ""
    problems: tuple[str, ...] = ()
    followed_at: dict[str, datetime] = field(default_factory=dict)
    reads: int = 0


@dataclass(frozen=True)
class Removal:
    """How a follower was removed: ``method`` (``remove``, ``block-unblock``) and a ``note`` for
    the reviewer when the platform leaves a trace (Bluesky: the block is visible for a moment)."""

    method: str
    note: str = ""


class FollowerClient(Protocol):
    """What the follower review calls on a client (Bluesky, Mastodon; X where its access allows).

    Methods the platform cannot do raise :class:`UnsupportedError` whose ``advice`` says what a
    person can do by hand instead.
    """

    def list_followers(self, cursor: str = "") -> ProfilePage:
        """One page of the account's followers, newest first where the platform orders them."""
        ...

    def follow_notifications(self, cursor: str = "") -> ProfilePage:
        """Who followed since ``cursor`` (``""``: the most recent page), with when they did."""
        ...

    def remove_follower(self, user_id: str) -> Removal:
        """Make ``user_id`` stop following the account (they are not told)."""
        ...

    def list_follow_requests(self, cursor: str = "") -> ProfilePage:
        """Accounts asking to follow a protected (locked) account (COU-04)."""
        ...

    def authorize_follow_request(self, user_id: str) -> None:
        """Let ``user_id`` follow the protected account."""
        ...

    def reject_follow_request(self, user_id: str) -> None:
        """Refuse ``user_id``'s request to follow the protected account."""
        ...


#: Called with the new credentials whenever a client refreshes its tokens, so they are saved
#: (encrypted) before the old ones stop working.
CredentialsSaver = Callable[[dict[str, Any]], None]


class ClientFactory(Protocol):
    """Builds a client from decrypted credentials; ``save`` is called when tokens are refreshed."""

    def __call__(self, credentials: dict[str, Any], save: CredentialsSaver) -> PlatformClient: ...


@dataclass(frozen=True)
class Capabilities:
    """What the platform can do for the policy, so the UI can say what it cannot.

    ``limit_replies``: replies can be restricted per post (X, Bluesky; not Mastodon).
    ``block``: blocking works with the school's ordinary access (not on X's basic plans).
    ``disable_quotes``: quoting can be switched off per post (Bluesky's postgate).
    ``followers_only``: posts can go to followers only (Mastodon's ``private`` visibility).
    """

    limit_replies: bool
    block: bool
    disable_quotes: bool
    followers_only: bool
    notes: tuple[str, ...] = ()
    set_profile: bool = False
    """Safepost can write the profile's text (Bluesky, Mastodon; X's API does not let it)."""
    remove_follower: bool = False
    """A follower can be removed without blocking them for good (Mastodon; Bluesky by a block
    undone at once; not X)."""
    follow_requests: bool = False
    """A protected account's follow requests can be answered through the API (Mastodon)."""


@dataclass(frozen=True)
class Server:
    """The box where staff say which server the school's account is on (platforms that run on many).

    ``default`` fills the box; a platform may also read a default from the deployment's settings
    (``default_server`` in :attr:`Platform.settings`), which wins. With no default the box must be
    filled in.
    """

    label: str
    help_text: str
    default: str = ""


@dataclass(frozen=True)
class Platform:
    """One platform, declared once: everything the rest of Safepost needs to know about it.

    Each package ``apps/platforms/<kind>/`` defines one of these as ``PLATFORM`` in
    ``platform.py``, and :mod:`apps.platforms.registry` finds it; nothing else names the platform
    (see ``apps/publishing/targets/README.md``, the guide to adding one). ``kind`` is the
    package's folder name, stored on every connection and publication: never rename it.

    ``auth`` is ``"oauth"`` (X, Mastodon: ``start_authorisation`` then ``finish_authorisation``)
    or ``"app-password"`` (Bluesky: ``sign_in``). All three functions return or take plain dicts
    and never touch the database.

    * ``start_authorisation(config, callback_url, server)`` → :class:`Authorisation`; ``config``
      holds the deployment's settings for the platform (e.g. X's client id and secret), ``server``
      the instance address for Mastodon (empty for X).
    * ``finish_authorisation(config, authorisation, callback_params)`` → credentials dict
      (tokens, expiry, server, ...); raises :class:`AuthError` when refused or the state differs.
    * ``sign_in(config, server, handle, app_password)`` → credentials dict (Bluesky).

    The rest is read by the pages and the publishing target:

    * ``position``: where the Connected accounts page lists it (then by label).
    * ``server``: the server box on the connect form (:class:`Server`), ``None`` for a platform
      with one server (X).
    * ``settings``: the deployment's settings the platform reads, as its own key → the Django
      setting's name (``{"client_id": "SAFEPOST_X_CLIENT_ID"}``); ``config`` above is built from
      it. ``config/settings.py`` reads each setting from the environment.
    * ``image``: the size and encoding photos are re-made in for the platform
      (:class:`safepost.photos.images.Preset`); ``None``: the website's rendition.
    * ``searches_sent_posts``: the platform keeps no key to find a post by, so the client's
      ``find_existing`` is given what was sent and since when, and searches the account's own
      recent posts (X, Mastodon); otherwise it is given the key alone (Bluesky's record key).
    """

    kind: str
    label: str
    auth: Literal["oauth", "app-password"]
    capabilities: Capabilities
    client: ClientFactory
    start_authorisation: Callable[..., Authorisation] | None = None
    finish_authorisation: Callable[..., dict[str, Any]] | None = None
    sign_in: Callable[..., dict[str, Any]] | None = None
    position: int = 100
    server: Server | None = None
    settings: Mapping[str, str] = field(default_factory=dict)
    image: Preset | None = None
    searches_sent_posts: bool = False


# --- Following: whom the school's account follows (issue 11; apps.following) -------------------


@dataclass(frozen=True)
class Followed:
    """One account the school's account follows: its profile and the platform's id of the follow.

    ``follow_id`` is what :meth:`FollowingClient.unfollow` takes back: the follow record's
    ``at://`` address on Bluesky, the followed account's id on Mastodon and X (their follows have
    no id of their own).
    """

    profile: RemoteProfile
    follow_id: str


@dataclass(frozen=True)
class FollowingPage:
    """One page of the accounts the school follows; ``cursor`` is ``""`` after the last page.

    ``problems`` are entries that could not be read, each a sentence; they never stop the read.
    """

    items: tuple[Followed, ...]
    cursor: str = ""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowResult:
    """What following an account did: the follow's id, the account's id, and whether the account
    must still accept it (a locked Mastodon account, a protected X account)."""

    follow_id: str
    external_id: str
    pending: bool = False


class FollowingClient(Protocol):
    """What the following tools call on a client (X, Bluesky and Mastodon all implement it)."""

    def list_following(self, cursor: str = "") -> FollowingPage:
        """One page of the accounts this account follows (``cursor`` from the page before)."""
        ...

    def follow(self, user: str) -> FollowResult:
        """Follow ``user`` (a handle or the platform's id); following someone already followed is
        not an error and returns the existing follow."""
        ...

    def unfollow(self, user: str) -> None:
        """Stop following ``user`` (a handle, the platform's id, or a ``follow_id``); someone not
        followed is not an error."""
        ...

"""The Mastodon client: one connected school account on one Mastodon server, through Mastodon.py.

Everything goes through one :class:`~apps.platforms.mastodon.errors.RecordingSession` (timeouts on
every request; tests point it at a real mastodon-mock server). What Mastodon cannot do, and how a
post is never published twice, is explained in this package's README.

Idempotency: every status is created with an ``Idempotency-Key`` header (the publication's key),
so for an hour Mastodon answers a repeat with the status it already made. After that hour the
server has forgotten the key, so before creating a status :meth:`MastodonClient.publish` also
looks through the account's recent statuses for one with the same text (since the first attempt
when the caller says when that was, else over :data:`RECENT_WINDOW`).
"""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from mastodon import Mastodon
from mastodon.errors import MastodonError

from apps.platforms.base import (
    AccountInfo,
    AuthError,
    Author,
    CredentialsSaver,
    Followed,
    FollowingPage,
    FollowResult,
    InboxPage,
    Incoming,
    Limits,
    Media,
    Outgoing,
    PermanentError,
    ProfilePage,
    PublishResult,
    RemoteProfile,
    Removal,
    RetryableError,
    links_in,
)
from apps.platforms.mastodon.errors import (
    RECONNECT_ADVICE,
    RecordingSession,
    http_status,
    translate,
)
from apps.platforms.mastodon.text import same_text

#: The image types stock Mastodon 4 accepts (HEIC/HEIF/AVIF are converted by the server).
IMAGE_FORMATS = (
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "image/heif",
    "image/avif",
)

#: Stock Mastodon's limits, used when the server's own were not read at connection time:
#: 500 characters with every link counted as 23, four attachments, 16 MB per image.
DEFAULT_LIMITS = Limits(
    max_chars=500, link_chars=23, max_media=4, max_media_bytes=16 * 1024 * 1024, media_formats=IMAGE_FORMATS
)

#: Mastodon's longest image description (alt text).
MAX_ALT_TEXT = 1500

#: How long Mastodon remembers an Idempotency-Key.
IDEMPOTENCY_WINDOW = timedelta(hours=1)

#: How far back :meth:`MastodonClient.publish` looks for an earlier attempt's status when the caller
#: does not say when the first attempt was: a post deferred over a weekend is retried ~60 h later.
RECENT_WINDOW = timedelta(hours=72)

#: Statuses fetched per page (Mastodon's maximum) and pages looked through at most.
_PAGE = 40
#: Followed accounts read per page (Mastodon's maximum for account lists).
_FOLLOWING_PAGE = 80
_MAX_PAGES = 5
#: Followers and follow requests fetched per page (Mastodon's maximum).
_FOLLOWERS_PAGE = 80

#: Waits between checks on an image the server is still processing (about 30 s in all).
_PROCESSING_WAITS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)

#: Pretend-version for Mastodon.py's feature checks: every supported server is 4.0 or newer.
_ASSUMED_VERSION = (4, 0, 0)

_VISIBILITY = {"public": "public", "followers-only": "private"}

_REJECTED_POST = (
    "Check the post against the message from Mastodon, change it and approve it again; "
    "if it keeps happening, tell whoever runs Safepost for the school"
)


def server_name(server: str) -> str:
    """``https://mastodon.social/`` → ``mastodon.social`` (for messages)."""
    return urlsplit(server).netloc or server


class MastodonClient:
    """One school account on a Mastodon server (implements ``PlatformClient``).

    ``credentials`` is the dict :func:`apps.platforms.mastodon.oauth.finish_authorisation`
    returned: ``server``, ``access_token``, ``account_id``, ``handle`` and the server's ``limits``.
    Mastodon's tokens do not expire, so ``save`` is never called; a revoked token raises
    :class:`AuthError`. ``session`` and ``sleep`` are for tests.
    """

    kind = "mastodon"

    def __init__(
        self,
        credentials: Mapping[str, Any],
        save: CredentialsSaver,
        *,
        session: RecordingSession | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Build the client; :class:`AuthError` when the credentials lack the server or token."""
        self.credentials = dict(credentials)
        self.save = save
        server = str(self.credentials.get("server") or "").rstrip("/")
        token = str(self.credentials.get("access_token") or "")
        if not server.startswith(("https://", "http://")) or not token:
            raise AuthError(
                "This Mastodon connection is incomplete (its server address or access token is missing)",
                advice=RECONNECT_ADVICE,
            )
        self.server = server
        self.name = server_name(server)
        self.session = session if session is not None else RecordingSession()
        self.sleep = sleep
        self.api = Mastodon(
            access_token=token,
            api_base_url=server,
            session=self.session,
            ratelimit_method="throw",
            # requests takes (connect, read); Mastodon.py passes it on every request
            request_timeout=self.session.default_timeout,  # type: ignore[arg-type]
            mastodon_version=".".join(map(str, _ASSUMED_VERSION)),
            version_check_mode="none",
            user_agent="Safepost",
        )
        # Skip Mastodon.py's version probe (an extra request per client, and on failure it quietly
        # falls back to 1.0 endpoints): Safepost supports Mastodon 4 and newer.
        self.api.mastodon_major, self.api.mastodon_minor, self.api.mastodon_patch = _ASSUMED_VERSION
        self._account_id: str = str(self.credentials.get("account_id") or "")

    # --- the PlatformClient contract -------------------------------------------------------

    def limits(self) -> Limits:
        """The server's limits as read when the account was connected, else stock Mastodon's."""
        return limits_from(self.credentials.get("limits"))

    def whoami(self) -> AccountInfo:
        """Check the token and say whose account it is; :class:`AuthError` when it no longer works."""
        with self._calling("checking the account", advice=RECONNECT_ADVICE):
            account = _as_dict(self.api.account_verify_credentials())
        self._account_id = str(account.get("id", ""))
        return account_info(account, self.name)

    def set_profile_text(self, text: str, link_name: str = "", link: str = "") -> None:
        """Replace the profile's bio; with ``link``, also set the profile field ``link_name`` to it
        (the other fields are kept)."""
        with self._calling("changing the profile", advice=RECONNECT_ADVICE):
            fields: list[tuple[str, str]] | None = None
            if link:
                own = _as_dict(self.api.account_verify_credentials())
                source = own.get("source") if isinstance(own.get("source"), Mapping) else {}
                existing = [
                    (str(f.get("name", "")), str(f.get("value", "")))
                    for f in (source.get("fields") if isinstance(source, Mapping) else None)
                    or own.get("fields")
                    or []
                    if isinstance(f, Mapping) and f.get("name") != link_name
                ]
                fields = [*existing[:3], (link_name, link)]
            self.api.account_update_credentials(note=text, fields=fields)

    def publish(
        self,
        post: Outgoing,
        idempotency_key: uuid.UUID,
        *,
        since: datetime | None = None,
        looked: bool = False,
    ) -> PublishResult:
        """Post ``post`` (text, images with alt text, visibility) under ``idempotency_key``.

        Checks it against :meth:`limits` first (nothing is sent when it does not fit), then looks for
        a status an earlier attempt made (see the module docstring; ``since`` is when the first
        attempt started, if the caller knows), uploads the images and creates the status with an
        ``Idempotency-Key``. ``looked=True`` says the caller has just looked for an earlier
        status with :meth:`find_existing` and found none, or knows no attempt went before this one:
        the account's statuses are not read a second time. Mastodon cannot limit replies per post,
        so ``post.replies`` changes nothing here (the UI says so); ``quote_posts="disable"`` asks
        servers with quote posts (4.5+) to let nobody quote it.
        """
        self._check_fits(post)
        earlier = None if looked else self._find_by_text(post, since)
        if earlier is not None:
            return earlier
        media_ids = [self._upload(media, number) for number, media in enumerate(post.media, start=1)]
        visibility = _VISIBILITY.get(post.visibility, "public")
        options: dict[str, Any] = {}
        if post.quote_posts == "disable" and visibility == "public":
            options["quote_approval_policy"] = "nobody"
        with self._calling("publishing the post", advice=_REJECTED_POST):
            status = _as_dict(
                self.api.status_post(
                    post.text,
                    media_ids=media_ids or None,
                    visibility=visibility,
                    # Mastodon knows ISO 639 codes: en-GB is posted as en.
                    language=post.language.split("-")[0].lower() or None,
                    idempotency_key=str(idempotency_key),
                    **options,
                )
            )
        return _result(status)

    def find_existing(
        self,
        idempotency_key: uuid.UUID,
        post: Outgoing | None = None,
        since: datetime | None = None,
    ) -> PublishResult | None:
        """The status an earlier attempt with this key created, or ``None``.

        Mastodon has no way to look a key up without creating a status, so the status is found
        by its text among the account's recent statuses when ``post`` is given (from ``since``,
        when the first attempt started, else over :data:`RECENT_WINDOW`). Without ``post`` this
        returns ``None``: :meth:`publish` then sends the same ``Idempotency-Key`` (Mastodon returns
        the first status for an hour) and looks for the text itself, so a retry never posts twice.
        :class:`RetryableError` when the server cannot be asked right now.
        """
        if post is None:
            return None
        return self._find_by_text(post, since)

    def delete(self, external_id: str) -> None:
        """Delete a status; one already gone is not an error."""
        try:
            with self._calling("deleting the post", advice="Delete it on Mastodon itself"):
                self.api.status_delete(external_id)
        except PermanentError as error:
            if http_status_of(error) in (404, 410):
                return
            raise

    def repost(self, external_id: str) -> PublishResult:
        """Boost one of the school's own statuses (RAC-02: the main account shares class posts).

        Mastodon lets nobody boost another account's followers-only post: that refusal comes back
        as a :class:`PermanentError` with the server's words.
        """
        with self._calling(
            "sharing (boosting) the post",
            advice="Only public posts can be shared by another account; share it on Mastodon if it is public",
        ):
            status = _as_dict(self.api.status_reblog(external_id))
        return _result(status)

    def block(self, user_id: str) -> None:
        """Block a user (their id, or their handle such as ``@someone@server.example``)."""
        account = self.resolve_account(user_id)
        with self._calling("blocking the account", advice="Block them on Mastodon itself"):
            self.api.account_block(account)

    def mute(self, user_id: str) -> None:
        """Mute a user (their id or handle)."""
        account = self.resolve_account(user_id)
        with self._calling("muting the account", advice="Mute them on Mastodon itself"):
            self.api.account_mute(account)

    # --- followers (the follower review) and a locked account's requests (COU-04) -----------

    def list_followers(self, cursor: str = "") -> ProfilePage:
        """One page (80) of the account's followers, newest first; ``cursor`` is Mastodon's max_id."""
        with self._calling("reading the followers", advice=RECONNECT_ADVICE):
            page = self.api.account_followers(self._me(), max_id=cursor or None, limit=_FOLLOWERS_PAGE)
        return self._profiles(page, "follower")

    def follow_notifications(self, cursor: str = "") -> ProfilePage:
        """Who followed since notification ``cursor`` (the latest page when empty), with when."""
        profiles: list[RemoteProfile] = []
        followed_at: dict[str, datetime] = {}
        problems: list[str] = []
        newest = cursor
        reads = 0
        with self._calling("reading the follow notifications", advice=RECONNECT_ADVICE):
            for _ in range(_MAX_PAGES):
                page = self.api.notifications(types=["follow"], min_id=newest or None, limit=_PAGE)
                reads += 1
                entries = [_as_dict(entry) for entry in page or []]
                for entry in entries:
                    ident = str(entry.get("id") or "")
                    if ident and _id_after(ident, newest):
                        newest = ident
                    try:
                        profile = remote_profile(_as_dict(entry["account"]), self.name)
                    except (KeyError, TypeError, ValueError) as exc:
                        problems.append(
                            f"A Mastodon follow notification ({ident or 'no id'}) was unreadable: {exc!r}"
                        )
                        continue
                    profiles.append(profile)
                    followed_at[profile.external_id] = _created(entry)
                if not cursor or len(entries) < _PAGE:
                    break
        return ProfilePage(tuple(profiles), newest, tuple(problems), followed_at, reads)

    def remove_follower(self, user_id: str) -> Removal:
        """Stop a user following the school's account (Mastodon's remove_from_followers; not told)."""
        self.remove_from_followers(user_id)
        return Removal("remove")

    def remove_from_followers(self, user_id: str) -> None:
        """Stop a user following the school's account (they are not told)."""
        account = self.resolve_account(user_id)
        with self._calling("removing the follower", advice="Remove the follower on Mastodon itself"):
            self.api.account_remove_from_followers(account)

    def list_follow_requests(self, cursor: str = "") -> ProfilePage:
        """One page (80) of accounts asking to follow the locked account, with their profiles."""
        with self._calling("reading the follow requests", advice=RECONNECT_ADVICE):
            page = self.api.follow_requests(max_id=cursor or None, limit=_FOLLOWERS_PAGE)
        return self._profiles(page, "follow request")

    def authorize_follow_request(self, user_id: str) -> None:
        """Let a user who asked follow the locked account."""
        self.approve_follow_request(user_id)

    def _profiles(self, page: Any, what: str) -> ProfilePage:
        profiles, problems = [], []
        for entry in page or []:
            try:
                profiles.append(remote_profile(_as_dict(entry), self.name))
            except (KeyError, TypeError, ValueError) as exc:
                problems.append(f"A Mastodon {what} could not be read: {exc!r}")
        following = getattr(page, "_pagination_next", None)
        cursor = str(following.get("max_id") or "") if isinstance(following, Mapping) and profiles else ""
        return ProfilePage(tuple(profiles), cursor, tuple(problems), reads=1)

    def follow_requests(self) -> list[AccountInfo]:
        """Who is waiting for the locked account to accept them as a follower (first 80)."""
        with self._calling("reading the follow requests", advice=RECONNECT_ADVICE):
            accounts = self.api.follow_requests(limit=80)
        return [account_info(_as_dict(account), self.name) for account in accounts]

    def approve_follow_request(self, user_id: str) -> None:
        """Let a user who asked follow the locked account."""
        with self._calling(
            "approving the follow request", advice="The request may have been withdrawn; reload the list"
        ):
            self.api.follow_request_authorize(user_id)

    def reject_follow_request(self, user_id: str) -> None:
        """Turn down a follow request."""
        with self._calling(
            "turning down the follow request", advice="The request may have been withdrawn; reload the list"
        ):
            self.api.follow_request_reject(user_id)

    def disconnect(self) -> None:
        """Revoke Safepost's token on the server (when the school disconnects the account)."""
        client_id = self.credentials.get("client_id")
        client_secret = self.credentials.get("client_secret")
        if not client_id or not client_secret:
            return
        self.api.client_id, self.api.client_secret = str(client_id), str(client_secret)
        with self._calling("disconnecting the account", advice="Remove Safepost under Preferences › Account"):
            self.api.revoke_access_token(allow_http=_is_loopback(self.server))

    def resolve_account(self, user: str) -> str:
        """The account id for an id or a handle (``@name`` on this server, ``@name@server``)."""
        user = user.strip()
        if user.isdigit():
            return user
        handle = user.lstrip("@")
        if not handle or " " in handle:
            raise PermanentError(
                f"“{user}” is not a Mastodon account",
                advice="Give their handle, such as @name@server.example",
            )
        with self._calling(f"looking up {user}", advice="Check the handle is spelled right"):
            account = _as_dict(self.api.account_lookup(handle))
        return str(account["id"])

    # --- the moderation inbox ------------------------------------------------------------------

    def incoming(self, cursor: str) -> InboxPage:
        """Mentions (replies are mentions on Mastodon) and quotes newer than notification ``cursor``.

        Read oldest-first from ``cursor`` with ``min_id`` (at most :data:`_MAX_PAGES` pages of
        :data:`_PAGE`), so nothing between two reads is skipped; the new cursor is the newest
        notification id seen. A first read (``cursor`` empty) takes the latest page only.
        """
        items: list[Incoming] = []
        problems: list[str] = []
        newest = cursor
        reads = 0
        me = self._me()
        with self._calling("reading the notifications", advice=RECONNECT_ADVICE):
            for _ in range(_MAX_PAGES):
                page = self.api.notifications(types=["mention", "quote"], min_id=newest or None, limit=_PAGE)
                reads += 1
                entries = [_as_dict(entry) for entry in page or []]
                if not entries:
                    break
                for entry in entries:
                    ident = str(entry.get("id") or "")
                    if ident and _id_after(ident, newest):
                        newest = ident
                    try:
                        items.append(self._incoming(entry, me))
                    except (KeyError, TypeError, ValueError, AttributeError) as exc:
                        problems.append(
                            f"A Mastodon notification ({ident or 'no id'}) was unreadable: {exc!r}"
                        )
                if not cursor or len(entries) < _PAGE:
                    break
        return InboxPage(items=tuple(items), cursor=newest, problems=tuple(problems), reads=reads)

    def _incoming(self, entry: Mapping[str, Any], me: str) -> Incoming:
        status = _as_dict(entry["status"])
        account = _as_dict(status.get("account") or entry["account"])
        info = account_info(account, self.name)
        quoted = _as_dict(_as_dict(status.get("quote")).get("quoted_status"))
        quoted_owner = str(_as_dict(quoted.get("account")).get("id") or "")
        # A quote arrives as a "quote" notification (Mastodon 4.5), or as a mention when it also names the school.
        kind = "quote" if entry.get("type") == "quote" or (quoted and quoted_owner == me) else "mention"
        in_reply_to = str(status.get("in_reply_to_id") or "")
        if kind == "mention" and in_reply_to and str(status.get("in_reply_to_account_id") or "") == me:
            kind = "reply"
        thread = self.thread(str(status["id"])) if in_reply_to else ()
        parent_text = next((p["text"] for p in thread if p["id"] == in_reply_to), "")
        if kind == "quote" and quoted:
            in_reply_to = str(quoted.get("id") or "")
            parent_text = plain_text(str(quoted.get("content") or ""))
        return Incoming(
            external_id=str(status["id"]),
            kind=kind,  # type: ignore[arg-type]
            text=plain_text(str(status.get("content") or "")),
            author=Author(
                external_id=info.external_id,
                handle=info.handle,
                display_name=info.display_name,
                bio=plain_text(str(account.get("note") or "")),
                url=info.url,
            ),
            created_at=_created(status),
            url=str(status.get("url") or status.get("uri") or ""),
            in_reply_to=in_reply_to,
            in_reply_to_text=parent_text,
            thread=thread,
            images=tuple(
                {"url": str(media.get("url") or ""), "alt": str(media.get("description") or "")}
                for media in (_as_dict(m) for m in status.get("media_attachments") or [])
                if media.get("type") == "image" and media.get("url")
            ),
            raw=_jsonable(entry),
        )

    def thread(self, status_id: str) -> tuple[dict[str, Any], ...]:
        """The statuses above ``status_id`` (its ancestors), oldest first; ``()`` when unreadable."""
        try:
            with self._calling("reading the conversation", advice=RECONNECT_ADVICE):
                context = _as_dict(self.api.status_context(status_id))
        except (PermanentError, RetryableError):
            return ()
        chain = []
        for item in context.get("ancestors") or []:
            status = _as_dict(item)
            author = account_info(_as_dict(status.get("account")), self.name)
            chain.append(
                {
                    "id": str(status.get("id") or ""),
                    "author": author.handle,
                    "text": plain_text(str(status.get("content") or "")),
                    "url": str(status.get("url") or ""),
                    "created_at": _created(status).isoformat(),
                }
            )
        return tuple(chain)

    def reply(self, text: str, parent_id: str, root_id: str, idempotency_key: uuid.UUID) -> PublishResult:
        """Answer status ``parent_id`` with ``text`` (Mastodon remembers the key for an hour)."""
        self._check_fits(Outgoing(text=text))
        with self._calling("publishing the answer", advice=_REJECTED_POST):
            status = _as_dict(
                self.api.status_post(text, in_reply_to_id=parent_id, idempotency_key=str(idempotency_key))
            )
        return _result(status)

    def report(self, user_id: str, status_ids: list[str], comment: str, label: str = "") -> None:
        """Report an account (and its statuses) to the moderators, forwarded to the author's server."""
        account = self.resolve_account(user_id)
        category = "spam" if label == "spam" else "other"
        with self._calling("reporting the account", advice="Report it on Mastodon itself"):
            self.api.report(
                account, status_ids or None, comment=comment[:1000], forward=True, category=category
            )

    def detach_quote(self, quote_id: str, own_status_id: str) -> None:
        """Revoke someone's quote of the school's status (Mastodon 4.5 quote posts)."""
        with self._calling(
            "removing the quote", advice="Your Mastodon server may not have quote posts (4.5 or newer)"
        ):
            self.api.status_quote_revoke(own_status_id, quote_id)

    # --- following (apps.following, issue 11) ----------------------------------------------

    def list_following(self, cursor: str = "") -> FollowingPage:
        """One page (up to 80) of the accounts the school follows; ``cursor`` is the server's
        ``max_id`` for the next page (from its ``Link`` header)."""
        with self._calling("reading whom the account follows", advice=RECONNECT_ADVICE):
            page = self.api.account_following(self._me(), max_id=cursor or None, limit=_FOLLOWING_PAGE)
        items: list[Followed] = []
        problems: list[str] = []
        for entry in page:
            account = _as_dict(entry)
            if not account.get("id"):
                problems.append("An account in the following list came without an id; skipped.")
                continue
            profile = remote_profile(account, self.name)
            items.append(Followed(profile=profile, follow_id=profile.external_id))
        following = getattr(page, "_pagination_next", None)
        next_id = following.get("max_id") if isinstance(following, Mapping) and page else None
        return FollowingPage(items=tuple(items), cursor=str(next_id or ""), problems=tuple(problems))

    def follow(self, user: str) -> FollowResult:
        """Follow ``user`` (an id or handle). A locked account must accept: ``pending`` says so."""
        account = self.resolve_account(user)
        with self._calling("following the account", advice="Follow the account on Mastodon itself"):
            relationship = _as_dict(self.api.account_follow(account, reblogs=False))
        return FollowResult(
            follow_id=account,
            external_id=account,
            pending=bool(relationship.get("requested")) and not relationship.get("following"),
        )

    def unfollow(self, user: str) -> None:
        """Stop following ``user`` (an id or handle); one not followed is not an error."""
        account = self.resolve_account(user)
        with self._calling("unfollowing the account", advice="Unfollow the account on Mastodon itself"):
            self.api.account_unfollow(account)

    # --- inside -----------------------------------------------------------------------------

    @contextmanager
    def _calling(self, doing: str, *, advice: str) -> Iterator[None]:
        """Run Mastodon.py calls, turning its errors into Safepost's."""
        try:
            yield
        except MastodonError as error:
            raise translate(
                error, doing=doing, advice=advice, server=self.name, session=self.session
            ) from error

    def _me(self) -> str:
        """The school account's id on the server."""
        if not self._account_id:
            self.whoami()
        return self._account_id

    def _check_fits(self, post: Outgoing) -> None:
        """Refuse, before sending anything, a post the server would refuse."""
        limits = self.limits()
        remaining = limits.remaining(post.text)
        if remaining is not None and remaining < 0:
            raise PermanentError(
                f"The post is {-remaining} characters too long for {self.name} "
                f"(it allows {limits.max_chars}, counting every link as {limits.link_chars})",
                advice="Shorten the post and approve it again",
            )
        if not post.text.strip() and not post.media:
            raise PermanentError("The post is empty", advice="Write the post and approve it again")
        if len(post.media) > limits.max_media:
            raise PermanentError(
                f"The post has {len(post.media)} images; {self.name} takes at most {limits.max_media}",
                advice="Remove images and approve it again",
            )
        for number, media in enumerate(post.media, start=1):
            if limits.media_formats and media.mime not in limits.media_formats:
                raise PermanentError(
                    f"Image {number} is a {media.mime} file, which {self.name} does not accept",
                    advice="Use a JPEG or PNG photo instead",
                )
            if limits.max_media_bytes is not None and len(media.data) > limits.max_media_bytes:
                raise PermanentError(
                    f"Image {number} is {len(media.data) / 1e6:.1f} MB; {self.name} takes at most "
                    f"{limits.max_media_bytes / 1e6:.0f} MB",
                    advice="Use a smaller photo and approve it again",
                )
            if len(media.alt_text) > MAX_ALT_TEXT:
                raise PermanentError(
                    f"Image {number}'s description is {len(media.alt_text)} characters; Mastodon takes "
                    f"at most {MAX_ALT_TEXT}",
                    advice="Shorten the image description and approve it again",
                )

    def _find_by_text(self, post: Outgoing, since: datetime | None) -> PublishResult | None:
        """The account's own status with ``post``'s text (and as many images) made since ``since``."""
        current = datetime.now(UTC)
        start = since if since is not None else current - RECENT_WINDOW
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        # A little slack for clocks that disagree between us and the server.
        start -= timedelta(minutes=5)
        me = self._me()
        max_id: str | None = None
        with self._calling(
            "checking whether an earlier attempt already published the post",
            advice="Check the account on Mastodon; if the post is not there, retry it from Safepost",
        ):
            for _ in range(_MAX_PAGES):
                page = self.api.account_statuses(
                    me, exclude_reblogs=True, exclude_replies=True, limit=_PAGE, max_id=max_id
                )
                if not page:
                    return None
                for item in page:
                    status = _as_dict(item)
                    if _created(status) < start:
                        return None
                    if len(status.get("media_attachments") or []) == len(post.media) and same_text(
                        post.text, str(status.get("content") or "")
                    ):
                        return _result(status)
                max_id = str(_as_dict(page[-1])["id"])
        return None

    def _upload(self, media: Media, number: int) -> str:
        """Upload one image with its description; its id once the server has processed it."""
        with self._calling(f"uploading image {number}", advice="Try a different photo (JPEG or PNG)"):
            attachment = _as_dict(
                self.api.media_post(
                    media.data,
                    mime_type=media.mime,
                    description=media.alt_text or None,
                    file_name=f"image-{number}{_extension(media.mime)}",
                )
            )
            for wait in _PROCESSING_WAITS:
                if attachment.get("url"):
                    break
                self.sleep(wait)
                attachment = _as_dict(self.api.media(attachment["id"]))
        if not attachment.get("url"):
            raise RetryableError(f"{self.name} is still processing image {number}; Safepost will try again")
        return str(attachment["id"])


def plain_text(content: str) -> str:
    """A status's HTML content as the words a reader sees (paragraphs and line breaks kept)."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", content)
    text = re.sub(r"(?i)</p>\s*<p[^>]*>", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def _id_after(ident: str, other: str) -> bool:
    """Whether Mastodon id ``ident`` is newer than ``other`` (ids are growing numbers as strings)."""
    if not other:
        return True
    if ident.isdigit() and other.isdigit():
        return int(ident) > int(other)
    return (len(ident), ident) > (len(other), other)


def _jsonable(value: Any) -> Any:
    """Mastodon.py's entities (datetimes inside dicts) as plain JSON values, for the evidence."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def limits_from(saved: Any) -> Limits:
    """:class:`Limits` from the dict saved at connection time (see ``oauth.read_limits``)."""
    if not isinstance(saved, Mapping):
        return DEFAULT_LIMITS
    formats = tuple(str(mime) for mime in saved.get("media_formats") or () if str(mime).startswith("image/"))
    return Limits(
        max_chars=_positive(saved.get("max_chars"), DEFAULT_LIMITS.max_chars),
        link_chars=_positive(saved.get("link_chars"), DEFAULT_LIMITS.link_chars),
        max_media=_positive(saved.get("max_media"), DEFAULT_LIMITS.max_media) or 0,
        max_media_bytes=_positive(saved.get("max_media_bytes"), DEFAULT_LIMITS.max_media_bytes),
        media_formats=formats or DEFAULT_LIMITS.media_formats,
    )


def account_info(account: Mapping[str, Any], server: str) -> AccountInfo:
    """An :class:`AccountInfo` from a Mastodon Account; ``handle`` is ``@name@domain``."""
    acct = str(account.get("acct") or account.get("username") or "")
    # A local account's acct has no domain; its profile address shows the one people use.
    domain = urlsplit(str(account.get("url") or "")).hostname or server
    handle = acct if "@" in acct else f"{acct}@{domain}"
    note = _plain(str(account.get("note") or ""))
    field_links = [
        _plain(str(f.get("value") or "")) for f in account.get("fields") or [] if isinstance(f, Mapping)
    ]
    return AccountInfo(
        external_id=str(account.get("id", "")),
        handle=f"@{handle}",
        display_name=str(account.get("display_name") or ""),
        url=str(account.get("url") or ""),
        locked=bool(account.get("locked")),
        description=note,
        links=links_in(" ".join([note, *field_links])),
    )


def remote_profile(account: Mapping[str, Any], server: str) -> RemoteProfile:
    """A :class:`RemoteProfile` from a Mastodon Account (``handle`` is ``name@domain``, no ``@``).

    The default picture (``missing.png``) counts as none; a suspended account counts as gone.
    """
    info = account_info(account, server)
    if not info.external_id:
        raise ValueError("the account has no id")
    avatar = str(account.get("avatar") or account.get("avatar_static") or "")
    return RemoteProfile(
        external_id=info.external_id,
        handle=info.handle.lstrip("@"),
        display_name=info.display_name,
        bio=info.description,
        avatar=bool(avatar) and not avatar.endswith("missing.png"),
        created_at=_created(account) if account.get("created_at") else None,
        posts_count=_count(account.get("statuses_count")),
        followers_count=_count(account.get("followers_count")),
        following_count=_count(account.get("following_count")),
        links=info.links,
        url=info.url,
        bot=bool(account.get("bot")),
        deleted=bool(account.get("suspended")),
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _plain(html_text: str) -> str:
    """Mastodon's HTML (a note, a field's value) as plain text: links keep their address."""
    text = re.sub(r"<br\s*/?>|</p>\s*<p>", "\n", html_text[:20_000], flags=re.I)
    text = re.sub(r"<[^>]{0,2000}>", "", text)
    return html.unescape(text).strip()


def http_status_of(error: Exception) -> int | None:
    """The HTTP status behind a Safepost error translated from Mastodon.py's, if any."""
    cause = error.__cause__
    return http_status(cause) if isinstance(cause, MastodonError) else None


def _positive(value: Any, default: int | None) -> int | None:
    """``value`` when it is a positive whole number, else ``default``."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default


def _as_dict(value: Any) -> dict[str, Any]:
    """A Mastodon.py entity (a dict subclass) as a plain dict."""
    return dict(value) if isinstance(value, Mapping) else {}


def _result(status: Mapping[str, Any]) -> PublishResult:
    """Where a status went: its id and its web address."""
    return PublishResult(external_id=str(status["id"]), url=str(status.get("url") or status.get("uri") or ""))


def _created(status: Mapping[str, Any]) -> datetime:
    """When a status was made (Mastodon.py parses ``created_at`` into a datetime)."""
    value = status.get("created_at")
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        return datetime.now(UTC)  # unknown: treat as recent, so it is still compared
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _extension(mime: str) -> str:
    """``image/png`` → ``.png`` (the server ignores names, some clients show them)."""
    return "." + mime.split("/", 1)[-1].replace("jpeg", "jpg") if "/" in mime else ""


def _is_loopback(server: str) -> bool:
    """Whether ``server`` is on this machine (plain HTTP is allowed only there, for tests)."""
    return (urlsplit(server).hostname or "") in ("127.0.0.1", "localhost", "::1")

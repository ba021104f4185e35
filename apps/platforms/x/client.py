"""The X client: one connected school account on X, through API v2.

It posts (text, up to four images with alt text, replies limited to mentioned users when the
school takes no replies), deletes, reposts the school's own posts, hides replies and mutes.
Blocking is not offered to ordinary API plans, so :meth:`XClient.block` says so.

tweepy's v2 ``Client`` makes the post, user and timeline requests; tweepy 4.17 has no v2 media
upload, so the chunked upload (``/2/media/upload/initialize``, ``/{id}/append``, ``/{id}/finalize``)
and the alt text (``/2/media/metadata``) are sent directly, through the same session.

**Never twice.** X takes no idempotency key, so a lost answer (a timeout after X accepted the
post) is resolved by looking: :meth:`XClient.find_existing` reads the account's own posts since
the earlier attempt began (``GET /2/users/:id/tweets``, a small window, newest first) and matches
the text (X rewrites links to t.co and escapes ``&``, so both are undone first) and the number of
images. It is told what was sent and when by the caller (the publish target knows both from the
Publication); without that it cannot tell and says so. X's own refusal of duplicate text backs
this up: a retry that slips through is refused, and when an earlier attempt is known the client
then looks again and returns the post that attempt made.
"""

from __future__ import annotations

import html
import re
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import requests
import tweepy

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
    UnsupportedError,
    links_in,
)
from apps.platforms.x.transport import (
    API,
    RECONNECT,
    DuplicatePost,
    HTTPFailure,
    NotFound,
    XSession,
    body,
    checked,
    error_for,
    platform_text,
    request_tokens,
)

T = TypeVar("T")

#: Followed accounts read per page (X's maximum) and the profile facts asked for with them.
FOLLOWING_PAGE = 1000
PROFILE_FIELDS = ("created_at", "description", "entities", "profile_image_url", "public_metrics", "url")

MAX_CHARS = 280
LINK_CHARS = 23
MAX_MEDIA = 4
MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_FORMATS = ("image/jpeg", "image/png", "image/webp", "image/gif")
MAX_ALT_TEXT = 1000
#: Bytes per APPEND segment (X accepts up to 5 MB per segment).
CHUNK_BYTES = 4 * 1024 * 1024
#: Refresh the access token when it has less than this long left.
REFRESH_MARGIN = 120.0
#: How far before the earlier attempt ``find_existing`` looks (clocks differ, X stamps on receipt).
CLOCK_SKEW = timedelta(minutes=2)
#: Timeline pages (100 posts each) ``find_existing`` reads before it gives up and says "can't tell".
MAX_PAGES = 5
#: Followers per page (X's maximum for ``GET /2/users/:id/followers``).
FOLLOWERS_PAGE = 1000
#: What a person can do on X itself when the API cannot.
REMOVE_BY_HAND = (
    "On x.com or in the X app, open the school's profile, then Followers; find the account, press "
    "the three dots beside it and choose “Remove this follower”. To stop it following again, "
    "block it from the same menu (and record here that you did)"
)
FOLLOWERS_BY_HAND = (
    "Look through the followers on x.com (the school's profile, then Followers) each week and "
    "record the review here; or ask whoever runs Safepost about a paid X plan that includes reading followers"
)
#: The longest Safepost waits for X to finish processing an image.
MAX_PROCESSING_WAIT = 60.0

_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
# twitter-text v3: these code point ranges weigh 1, everything else 2 (of 280).
_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_JOINERS = (0xFE0E, 0xFE0F, 0x20E3)  # variation selectors and the keycap: part of the emoji before


def _is_emoji(cp: int) -> bool:
    return (
        0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF or 0x2300 <= cp <= 0x23FF
    )


class XLimits(Limits):
    """X's limits, with the length counted as X counts it (:func:`x_length`)."""

    def length(self, text: str) -> int:
        """The text's weighted length: links 23, CJK and emoji 2, most other characters 1."""
        return x_length(text)


def x_length(text: str) -> int:
    """The text's length as X counts it against 280: links 23, CJK and emoji 2, most others 1."""
    text = unicodedata.normalize("NFC", text)
    weight = 0
    for piece_index, piece in enumerate(_URL.split(text)):
        if piece_index:
            weight += LINK_CHARS * 100
        weight += _weight(piece)
    links = [match.group() for match in _URL.finditer(text)]
    # a trailing full stop or bracket after a link is text, not link (as X parses it)
    for link in links:
        weight += _weight(link[len(link.rstrip(".,;:!?)")) :])
    return -(-weight // 100)


def _weight(text: str) -> int:
    weight, index, points = 0, 0, [ord(char) for char in text]
    while index < len(points):
        cp = points[index]
        index += 1
        if cp in _JOINERS or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
            continue  # modifies the character before it
        if _is_emoji(cp):
            weight += 200
            if 0x1F1E6 <= cp <= 0x1F1FF and index < len(points) and 0x1F1E6 <= points[index] <= 0x1F1FF:
                index += 1  # a flag is two regional indicators
            while index + 1 < len(points) and points[index] == 0x200D and _is_emoji(points[index + 1]):
                index += 2  # a ZWJ sequence (👩‍🏫) is one emoji
            continue
        weight += 100 if any(start <= cp <= end for start, end in _LIGHT) else 200
    return weight


def _comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@dataclass(frozen=True)
class _Attempt:
    """What an attempt sent and when it began (UTC), so its post can be recognised later."""

    post: Outgoing
    started: datetime | None


class _Expired(Exception):
    def __init__(self, error: AuthError) -> None:
        super().__init__(error.message)
        self.error = error


class _Tweepy(tweepy.Client):
    """tweepy's v2 client on the package's session, using the OAuth 2.0 user token as bearer."""

    def __init__(self, session: requests.Session, access_token: str, user_id: str) -> None:
        super().__init__(bearer_token=access_token, return_type=dict)
        self.session = session
        self.user_id = user_id

    def _get_authenticating_user_id(self, *, oauth_1: bool = False) -> str:
        # tweepy would ask X (GET /2/users/me) before every repost or mute; we know the id.
        if self.user_id:
            return self.user_id
        return str(super()._get_authenticating_user_id(oauth_1=oauth_1))


class XClient:
    """One X account, from its saved credentials (see :mod:`apps.platforms.x.oauth`).

    ``credentials``: ``access_token``, ``refresh_token``, ``expires_at`` (Unix time), ``client_id``
    (and ``client_secret`` for a confidential app: refreshing needs them), ``user_id``, ``username``.
    ``save`` is called with the complete new credentials whenever the tokens are refreshed, before
    they are used.
    """

    kind = "x"

    def __init__(
        self,
        credentials: dict[str, Any],
        save: CredentialsSaver,
        session: requests.Session | None = None,
    ) -> None:
        self.credentials = _checked_credentials(credentials)
        self._save = save
        self.session = session or XSession()
        self._api = _Tweepy(
            self.session, self.credentials["access_token"], str(self.credentials.get("user_id") or "")
        )
        self._attempts: dict[uuid.UUID, _Attempt] = {}
        #: Seams for tests: the clock (Unix time) and the pause while X processes an image.
        self.clock: Callable[[], float] = time.time
        self.sleep: Callable[[float], None] = time.sleep

    # --- what the publish target and the connection views call ------------------------------

    def limits(self) -> Limits:
        """280 characters (links count 23, CJK and emoji 2), four images of up to 5 MB: JPEG, PNG,
        WebP or GIF."""
        return XLimits(
            max_chars=MAX_CHARS,
            link_chars=LINK_CHARS,
            max_media=MAX_MEDIA,
            max_media_bytes=MAX_IMAGE_BYTES,
            media_formats=IMAGE_FORMATS,
        )

    def whoami(self) -> AccountInfo:
        """Whose account the credentials open (``GET /2/users/me``); :class:`AuthError` if none."""
        me = self._call(
            lambda: self._api.get_me(
                user_fields=["protected", "description", "url", "entities"], user_auth=False
            )
        )
        data = me.get("data") or {}
        if not data.get("id"):
            raise RetryableError("X's answer about the account was incomplete. Safepost will try again.")
        self._api.user_id = str(data["id"])
        return AccountInfo(
            external_id=str(data["id"]),
            handle=str(data.get("username", "")),
            display_name=str(data.get("name", "")),
            url=f"https://x.com/{data.get('username', '')}",
            locked=bool(data.get("protected", False)),
            description=str(data.get("description") or ""),
            links=_profile_links(data),
        )

    def set_profile_text(self, text: str, link_name: str = "", link: str = "") -> None:
        """X's API does not let an app change the profile: :class:`UnsupportedError`."""
        raise UnsupportedError(
            "X does not let Safepost change the profile. Copy the wording into the profile on X (Edit profile)."
        )

    def publish(self, post: Outgoing, idempotency_key: uuid.UUID) -> PublishResult:
        """Post ``post`` with its images and alt text; replies limited when the school takes none.

        ``replies="none"`` sends ``reply_settings="mentionedUsers"``: only accounts the post
        @mentions may reply, so a post that mentions nobody takes no replies. Other settings leave
        X's default (everyone). ``visibility="followers-only"`` is only possible when the X account
        itself is protected (X has no per-post audience), which is checked first.
        """
        self._refuse_what_x_would_reject(post)
        earlier = self._attempts.get(idempotency_key)
        self._attempts[idempotency_key] = _Attempt(
            post, earlier.started if earlier and earlier.started else self._now()
        )
        if post.visibility == "followers-only" and not self.whoami().locked:
            raise UnsupportedError(
                "X cannot show a post to followers only: the school's X account is public",
                advice=(
                    "Protect the school's X account on X (Settings, Privacy and safety, Audience: "
                    "“Protect your posts”), or publish this post without X"
                ),
            )
        media_ids = [self._upload(number, media) for number, media in enumerate(post.media, start=1)]
        try:
            created = self._call(
                lambda: self._api.create_tweet(
                    text=post.text or None,
                    media_ids=media_ids or None,
                    reply_settings="mentionedUsers" if post.replies == "none" else None,
                    user_auth=False,
                )
            )
        except DuplicatePost as refusal:
            return self._after_duplicate_refusal(refusal, earlier)
        post_id = str((created.get("data") or {}).get("id") or "")
        if not post_id:
            raise RetryableError("X accepted the post but its answer had no post id. Safepost will check.")
        return PublishResult(external_id=post_id, url=self.post_url(post_id))

    def find_existing(
        self,
        idempotency_key: uuid.UUID,
        sent: Outgoing | None = None,
        since: datetime | None = None,
    ) -> PublishResult | None:
        """The post an earlier attempt with this key made, found on the account's timeline.

        ``sent`` is the post as that attempt sent it and ``since`` when the earliest earlier
        attempt began; ``sent`` with ``since=None`` says there was no earlier attempt (no request
        is made: X's timeline reads are scarce on the cheaper plans). Attempts made through this
        client object are remembered without being told. With nothing to go on it raises
        :class:`RetryableError`, as the contract asks when the answer is unknown.
        """
        attempt = self._attempts.get(idempotency_key)
        if since is not None and sent is not None:
            started = since if since.tzinfo else since.replace(tzinfo=UTC)
            if attempt is None or attempt.started is None or started < attempt.started:
                attempt = _Attempt(sent, started)
            self._attempts[idempotency_key] = attempt
        if attempt is None or attempt.started is None:
            if sent is not None:
                return None
            raise RetryableError(
                "Safepost cannot tell whether an earlier attempt reached X: X keeps no record of "
                "Safepost's attempts and this one was not told what the earlier one sent. "
                "It will try again."
            )
        return self._look_for(attempt)

    def delete(self, external_id: str) -> None:
        """Delete one of the account's posts (``DELETE /2/tweets/:id``); one already gone is fine."""
        try:
            self._call(lambda: self._api.delete_tweet(external_id, user_auth=False))
        except NotFound:
            return

    def repost(self, external_id: str) -> PublishResult:
        """Repost one of the school's posts on this account (RAC-02), e.g. a class account's post.

        The result carries the original post's id and link (undoing a repost on X names the original).
        """
        try:
            self._call(lambda: self._api.retweet(external_id, user_auth=False))
        except PermanentError as exc:
            if "already" not in exc.platform_text.lower():
                raise
        return PublishResult(external_id=external_id, url=self.post_url(external_id))

    def hide_reply(self, reply_id: str, hidden: bool = True) -> None:
        """Hide (or show again) a reply to one of the school's posts (``PUT /2/tweets/:id/hidden``)."""
        if hidden:
            self._call(lambda: self._api.hide_reply(reply_id, user_auth=False))
        else:
            self._call(lambda: self._api.unhide_reply(reply_id, user_auth=False))

    def mute(self, user_id: str) -> None:
        """Mute an account (``POST /2/users/:id/muting``): the school stops seeing its posts."""
        self._call(lambda: self._api.mute(user_id, user_auth=False))

    def block(self, user_id: str) -> None:
        """Blocking is not available to ordinary X API plans: always :class:`UnsupportedError`."""
        raise UnsupportedError(
            "X does not let Safepost block accounts on the school's X plan",
            advice=(
                "Mute the account and hide its replies to the school's posts instead (Safepost can do "
                "both), or block it yourself in the X app"
            ),
        )

    # --- followers (the follower review) -------------------------------------------------------

    def list_followers(self, cursor: str = "") -> ProfilePage:
        """One page of followers (``GET /2/users/:id/followers``), newest first.

        X sells reading followers only with some of its API plans: when the school's does not
        include it, X answers 403 and this raises :class:`UnsupportedError` saying so.
        """
        user_id = str(self.credentials.get("user_id") or "") or self.whoami().external_id
        params: dict[str, Any] = {
            "max_results": FOLLOWERS_PAGE,
            "user.fields": "created_at,description,entities,profile_image_url,protected,public_metrics,url,username,name",
        }
        if cursor:
            params["pagination_token"] = cursor

        def send() -> dict[str, Any]:
            headers = {"Authorization": f"Bearer {self.credentials['access_token']}"}
            response = self.session.request(
                "GET", f"{API}/2/users/{user_id}/followers", headers=headers, params=params
            )
            if response.status_code == 403:
                raise UnsupportedError(
                    "The school's X API access does not include reading its followers "
                    f"(X said: {platform_text(response) or 'forbidden'})",
                    advice=FOLLOWERS_BY_HAND,
                )
            return body(checked(response))

        page = self._call(send)
        data = page.get("data") or []
        if not isinstance(data, list):
            raise RetryableError(
                "X's list of followers was not in the expected form. Safepost will try again."
            )
        profiles, problems = [], []
        for user in data:
            try:
                profiles.append(remote_profile(user))
            except (KeyError, TypeError, ValueError) as exc:
                problems.append(f"An X follower could not be read: {exc!r}")
        token = (page.get("meta") or {}).get("next_token")
        return ProfilePage(tuple(profiles), str(token or ""), tuple(problems), reads=len(data))

    def follow_notifications(self, cursor: str = "") -> ProfilePage:
        """X's API has no follow notifications: new followers come from :meth:`list_followers`."""
        raise UnsupportedError(
            "X's API does not say who followed when", advice="Safepost reads the followers list instead"
        )

    def remove_follower(self, user_id: str) -> Removal:
        """X's API cannot remove a follower: :class:`UnsupportedError` with the steps to do it by hand."""
        raise UnsupportedError("X does not let Safepost remove a follower", advice=REMOVE_BY_HAND)

    def list_follow_requests(self, cursor: str = "") -> ProfilePage:
        """X's API v2 does not list a protected account's follow requests."""
        raise UnsupportedError(
            "X does not let Safepost see or answer follow requests",
            advice="Answer them in the X app: the school's profile, then the ⋯ menu, then Follower requests",
        )

    def authorize_follow_request(self, user_id: str) -> None:
        """Not possible through X's API: :class:`UnsupportedError`."""
        self.list_follow_requests()

    def reject_follow_request(self, user_id: str) -> None:
        """Not possible through X's API: :class:`UnsupportedError`."""
        self.list_follow_requests()

    def post_url(self, post_id: str) -> str:
        """The link to a post of this account on x.com."""
        username = self.credentials.get("username")
        return (
            f"https://x.com/{username}/status/{post_id}"
            if username
            else f"https://x.com/i/web/status/{post_id}"
        )

    # --- the moderation inbox ------------------------------------------------------------------

    #: X's own page where anyone reports a post or an account (X has no reporting API).
    REPORT_FORM = "https://help.x.com/forms/safety-and-sensitive-content"

    def incoming(self, cursor: str) -> InboxPage:
        """Mentions of the account (they include replies and quote posts) newer than post id ``cursor``.

        ``GET /2/users/:id/mentions`` with ``since_id``: X returns the newest first and pages
        backwards with ``pagination_token``; at most :data:`MAX_PAGES` pages of 100 are read.
        Every post read is billed by X, so a first read (no ``cursor``) takes one page only.
        """
        user_id = str(self.credentials.get("user_id") or "") or self.whoami().external_id
        params: dict[str, Any] = {
            "max_results": 100,
            "tweet.fields": "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,attachments,author_id",
            "expansions": "author_id,referenced_tweets.id,attachments.media_keys",
            "user.fields": "description,url,username,name",
            "media.fields": "url,alt_text,type",
        }
        if cursor:
            params["since_id"] = cursor
        items: list[Incoming] = []
        problems: list[str] = []
        newest = cursor
        reads = 0
        for _ in range(MAX_PAGES):
            page = self._json("GET", f"/2/users/{user_id}/mentions", params=params)
            data = page.get("data") or []
            reads += len(data) if isinstance(data, list) else 0
            includes = page.get("includes") or {}
            users = {str(u.get("id")): u for u in includes.get("users") or [] if isinstance(u, dict)}
            tweets = {str(t.get("id")): t for t in includes.get("tweets") or [] if isinstance(t, dict)}
            media = {str(m.get("media_key")): m for m in includes.get("media") or [] if isinstance(m, dict)}
            if not isinstance(data, list):
                raise RetryableError(
                    "X's list of mentions was not in the expected form. Safepost will try again."
                )
            for tweet in data:
                ident = str(tweet.get("id") or "") if isinstance(tweet, dict) else ""
                if ident.isdigit() and (not newest or int(ident) > int(newest)):
                    newest = ident
                try:
                    items.append(self._incoming(tweet, user_id, users, tweets, media))
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    problems.append(f"An X mention ({ident or 'no id'}) was unreadable: {exc!r}")
            token = (page.get("meta") or {}).get("next_token")
            if not token or not cursor:
                break
            params["pagination_token"] = token
        return InboxPage(items=tuple(items), cursor=newest, problems=tuple(problems), reads=reads)

    def reply(self, text: str, parent_id: str, root_id: str, idempotency_key: uuid.UUID) -> PublishResult:
        """Answer post ``parent_id`` with ``text`` (``POST /2/tweets`` with ``reply.in_reply_to_tweet_id``)."""
        self._refuse_what_x_would_reject(Outgoing(text=text))
        try:
            created = self._call(
                lambda: self._api.create_tweet(text=text, in_reply_to_tweet_id=parent_id, user_auth=False)
            )
        except DuplicatePost:
            raise PermanentError(
                "X says the school already posted exactly this answer", advice="Check the conversation on X"
            ) from None
        post_id = str((created.get("data") or {}).get("id") or "")
        if not post_id:
            raise RetryableError("X accepted the answer but its reply had no post id.")
        return PublishResult(external_id=post_id, url=self.post_url(post_id))

    def _incoming(
        self,
        tweet: dict[str, Any],
        me: str,
        users: dict[str, dict[str, Any]],
        tweets: dict[str, dict[str, Any]],
        media: dict[str, dict[str, Any]],
    ) -> Incoming:
        references = {str(r["type"]): str(r["id"]) for r in tweet.get("referenced_tweets") or []}
        kind = "mention"
        answered = ""
        if "quoted" in references:
            kind, answered = "quote", references["quoted"]
        elif "replied_to" in references:
            answered = references["replied_to"]
            if str(tweet.get("in_reply_to_user_id") or "") == me:
                kind = "reply"
        author = users.get(str(tweet["author_id"]), {})
        username = str(author.get("username") or tweet["author_id"])
        parent = tweets.get(answered, {})
        thread: tuple[dict[str, Any], ...] = ()
        if parent:
            parent_author = users.get(str(parent.get("author_id")), {})
            thread = (
                {
                    "id": answered,
                    "author": f"@{parent_author.get('username', '')}",
                    "text": str(parent.get("text") or ""),
                    "url": f"https://x.com/i/web/status/{answered}",
                    "created_at": str(parent.get("created_at") or ""),
                },
            )
        keys = (tweet.get("attachments") or {}).get("media_keys") or []
        images = tuple(
            {"url": str(media[key].get("url") or ""), "alt": str(media[key].get("alt_text") or "")}
            for key in keys
            if key in media and media[key].get("type") == "photo" and media[key].get("url")
        )
        return Incoming(
            external_id=str(tweet["id"]),
            kind=kind,  # type: ignore[arg-type]
            text=html.unescape(str(tweet.get("text") or "")),
            author=Author(
                external_id=str(tweet["author_id"]),
                handle=f"@{username}",
                display_name=str(author.get("name") or ""),
                bio=str(author.get("description") or ""),
                url=f"https://x.com/{username}",
            ),
            created_at=datetime.fromisoformat(str(tweet["created_at"]).replace("Z", "+00:00")),
            url=f"https://x.com/{username}/status/{tweet['id']}",
            in_reply_to=answered,
            in_reply_to_text=html.unescape(str(parent.get("text") or "")),
            root=str(tweet.get("conversation_id") or ""),
            thread=thread,
            images=images,
            raw={"data": tweet, "author": author, "referenced": parent},
        )

    # --- publishing helpers --------------------------------------------------------------------

    def _refuse_what_x_would_reject(self, post: Outgoing) -> None:
        length = x_length(post.text)
        if length > MAX_CHARS:
            raise PermanentError(
                f"The post is {length} characters long as X counts them; X allows {MAX_CHARS}",
                advice=f"Shorten it by {length - MAX_CHARS} characters (each link counts as {LINK_CHARS})",
            )
        if not post.text.strip() and not post.media:
            raise PermanentError(
                "The post has no text and no images", advice="Write the post, then publish it"
            )
        if len(post.media) > MAX_MEDIA:
            raise PermanentError(
                f"The post has {len(post.media)} images; X takes at most {MAX_MEDIA}",
                advice=f"Remove {len(post.media) - MAX_MEDIA} of them, then publish again",
            )
        for number, media in enumerate(post.media, start=1):
            if media.mime not in IMAGE_FORMATS:
                raise PermanentError(
                    f"Image {number} is a {media.mime or 'file of unknown type'}, which X does not take",
                    advice="Use a JPEG, PNG, WebP or GIF image",
                )
            if len(media.data) > MAX_IMAGE_BYTES:
                raise PermanentError(
                    f"Image {number} is {len(media.data) / 1024 / 1024:.1f} MB; X takes images up to 5 MB",
                    advice="Use a smaller image, then publish again",
                )
            if len(media.alt_text) > MAX_ALT_TEXT:
                raise PermanentError(
                    f"The description of image {number} is {len(media.alt_text)} characters; X allows "
                    f"{MAX_ALT_TEXT}",
                    advice="Shorten the image description, then publish again",
                )

    def _upload(self, number: int, media: Media) -> str:
        """One image through X's chunked upload, then its alt text; the media id."""
        started = self._json(
            "POST",
            "/2/media/upload/initialize",
            json={
                "media_type": media.mime,
                "total_bytes": len(media.data),
                "media_category": "tweet_gif" if media.mime == "image/gif" else "tweet_image",
            },
        )
        media_id = str((started.get("data") or {}).get("id") or "")
        if not media_id:
            raise RetryableError(f"X did not start the upload of image {number}. Safepost will try again.")
        for index, offset in enumerate(range(0, len(media.data), CHUNK_BYTES)):
            self._json(
                "POST",
                f"/2/media/upload/{media_id}/append",
                data={"segment_index": str(index)},
                files={
                    "media": ("image", media.data[offset : offset + CHUNK_BYTES], "application/octet-stream")
                },
            )
        finished = self._json("POST", f"/2/media/upload/{media_id}/finalize")
        self._wait_until_processed(number, media_id, (finished.get("data") or {}).get("processing_info"))
        if media.alt_text.strip():
            self._json(
                "POST",
                "/2/media/metadata",
                json={"id": media_id, "metadata": {"alt_text": {"text": media.alt_text}}},
            )
        return media_id

    def _wait_until_processed(self, number: int, media_id: str, info: dict[str, Any] | None) -> None:
        waited = 0.0
        while info and info.get("state") in ("pending", "in_progress"):
            if waited >= MAX_PROCESSING_WAIT:
                raise RetryableError(f"X is still processing image {number}. Safepost will try again.")
            pause = min(float(info.get("check_after_secs") or 1), MAX_PROCESSING_WAIT - waited)
            self.sleep(pause)
            waited += pause
            status = self._json("GET", "/2/media/upload", params={"command": "STATUS", "media_id": media_id})
            info = (status.get("data") or {}).get("processing_info")
        if info and info.get("state") == "failed":
            error = info.get("error") or {}
            raise PermanentError(
                f"X could not process image {number}",
                platform_text=str(error.get("message") or error.get("name") or ""),
                advice="Try a different image (a JPEG or PNG photo works best)",
            )

    def _after_duplicate_refusal(self, refusal: DuplicatePost, earlier: _Attempt | None) -> PublishResult:
        """X refused identical text: our own earlier attempt's post, or a real duplicate."""
        if earlier is None or earlier.started is None:
            raise refusal
        found = self._look_for(earlier)
        if found is not None:
            return found
        raise RetryableError(
            "X says this text was just posted, but the post is not on the account's timeline yet. "
            "Safepost will look again."
        )

    # --- finding an earlier attempt's post -----------------------------------------------------

    def _look_for(self, attempt: _Attempt) -> PublishResult | None:
        assert attempt.started is not None
        user_id = self._api.user_id or self.whoami().external_id
        params: dict[str, Any] = {
            "start_time": attempt.started - CLOCK_SKEW,
            "max_results": 100,
            "exclude": ["retweets", "replies"],
            "tweet_fields": ["created_at", "entities", "attachments"],
        }
        for _ in range(MAX_PAGES):
            page = self._call(lambda: self._api.get_users_tweets(user_id, user_auth=False, **params))
            for tweet in page.get("data") or []:
                if _is_the_post(tweet, attempt.post):
                    return PublishResult(external_id=str(tweet["id"]), url=self.post_url(str(tweet["id"])))
            token = (page.get("meta") or {}).get("next_token")
            if not token:
                return None
            params["pagination_token"] = token
        raise RetryableError(
            "The account has posted too much since the earlier attempt for Safepost to check whether it "
            "reached X. Safepost will try again."
        )

    # --- following (apps.following, issue 11) ----------------------------------------------

    def list_following(self, cursor: str = "") -> FollowingPage:
        """One page (up to 1,000) of the accounts the school follows (``GET /2/users/:id/following``).

        X leaves deleted and suspended accounts out of the list. Reading it needs the
        ``follows.read`` permission and an X API plan that includes it: without them
        :class:`UnsupportedError` says so plainly.
        """
        me = self._user_id()
        answer = self._following_call(
            "read whom the account follows",
            lambda: self._api.get_users_following(
                me,
                max_results=FOLLOWING_PAGE,
                pagination_token=cursor or None,
                user_fields=list(PROFILE_FIELDS),
                user_auth=False,
            ),
        )
        items: list[Followed] = []
        problems: list[str] = []
        for user in answer.get("data") or []:
            if not isinstance(user, dict) or not user.get("id"):
                problems.append("An account in X's following list came without an id; skipped.")
                continue
            try:
                profile = remote_profile(user)
            except ValueError as exc:
                problems.append(f"An account in X's following list ({user.get('id')}) was unreadable: {exc}")
                continue
            items.append(Followed(profile=profile, follow_id=profile.external_id))
        meta = answer.get("meta") if isinstance(answer.get("meta"), dict) else {}
        return FollowingPage(
            items=tuple(items), cursor=str((meta or {}).get("next_token") or ""), problems=tuple(problems)
        )

    def follow(self, user: str) -> FollowResult:
        """Follow ``user`` (an id or @username); a protected account must accept (``pending``)."""
        target = self._user_id_of(user)
        answer = self._following_call(
            "follow the account", lambda: self._api.follow_user(target, user_auth=False)
        )
        data = answer.get("data") if isinstance(answer.get("data"), dict) else {}
        return FollowResult(
            follow_id=target, external_id=target, pending=bool((data or {}).get("pending_follow"))
        )

    def unfollow(self, user: str) -> None:
        """Stop following ``user`` (an id or @username); X does nothing for one not followed."""
        target = self._user_id_of(user)
        self._following_call("unfollow the account", lambda: self._api.unfollow_user(target, user_auth=False))

    def _user_id(self) -> str:
        if not self._api.user_id:
            self.whoami()
        return str(self._api.user_id)

    def _user_id_of(self, user: str) -> str:
        name = user.strip().lstrip("@")
        if name.isdigit():
            return name
        if not re.fullmatch(r"[A-Za-z0-9_]{1,15}", name):
            raise PermanentError(
                f"“{user}” is not an X username", advice="Give the username, such as @LeedsLibraries"
            )
        try:
            answer = self._call(lambda: self._api.get_user(username=name, user_auth=False))
        except NotFound:
            answer = {}
        found = answer.get("data") if isinstance(answer.get("data"), dict) else None
        if not found or not found.get("id"):
            raise PermanentError(
                f"X has no account @{name}",
                advice="Check the username on X: it may have been changed or the account deleted",
            )
        return str(found["id"])

    def _following_call(self, doing: str, action: Callable[[], T]) -> T:
        """Run a following request; X's refusal for lack of access becomes a plain explanation."""
        try:
            return self._call(action)
        except (AuthError, NotFound, RetryableError):
            raise
        except PermanentError as exc:
            raise UnsupportedError(
                f"X did not let Safepost {doing}: the school's X API access does not include following",
                platform_text=exc.platform_text,
                advice=(
                    "Reconnect the X account so that Safepost may read and change whom it follows, and check "
                    "that the school's X developer plan includes the follows endpoints. Until then, follow "
                    "and unfollow in the X app and record the decision in Safepost"
                ),
            ) from exc

    # --- requests, tokens and errors ---------------------------------------------------------

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """A request the package sends itself (media), with the same auth, refresh and errors."""

        def send() -> dict[str, Any]:
            headers = {"Authorization": f"Bearer {self.credentials['access_token']}"}
            return body(checked(self.session.request(method, API + path, headers=headers, **kwargs)))

        return self._call(send)

    def _call(self, action: Callable[[], T]) -> T:
        """Run one request: refresh a token about to expire first, and once more after a 401."""
        if self._expires_in() < REFRESH_MARGIN:
            self._refresh()
        try:
            return self._mapped(action)
        except _Expired as expired:
            if not self.credentials.get("refresh_token"):
                raise expired.error from None
            self._refresh()
        try:
            return self._mapped(action)
        except _Expired as expired:
            raise expired.error from None

    def _mapped(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except (tweepy.HTTPException, HTTPFailure) as exc:
            error = error_for(exc.response, self.clock())
        except requests.Timeout as exc:
            raise RetryableError(
                "X did not answer in time. Safepost will try again, checking first whether the post went out."
            ) from exc
        except requests.RequestException as exc:
            raise RetryableError("Safepost could not reach X. It will try again.") from exc
        if isinstance(error, AuthError):
            raise _Expired(error)
        raise error

    def _expires_in(self) -> float:
        expires_at = self.credentials.get("expires_at")
        if expires_at is None:
            return float("inf")  # not said: trust the token until X answers 401
        try:
            return float(expires_at) - self.clock()
        except (TypeError, ValueError):
            pass
        try:  # an ISO 8601 time, as a person or another tool may have written it
            moment = datetime.fromisoformat(str(expires_at))
        except ValueError:
            return 0.0  # unreadable: refresh rather than trust it
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment.timestamp() - self.clock()

    def _refresh(self) -> None:
        """Swap the refresh token for new tokens and save them before they are used."""
        refresh_token = self.credentials.get("refresh_token")
        if not refresh_token:
            raise AuthError(
                "Safepost's access to this X account has expired and cannot be renewed",
                advice=RECONNECT,
            )
        tokens = request_tokens(
            self.session,
            self.credentials,
            {"grant_type": "refresh_token", "refresh_token": str(refresh_token)},
            now=self.clock(),
        )
        renewed = {**self.credentials, **tokens}
        self._save(dict(renewed))
        self.credentials = renewed
        self._api.bearer_token = renewed["access_token"]

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), tz=UTC)


def _checked_credentials(credentials: Any) -> dict[str, Any]:
    if not isinstance(credentials, dict):
        raise AuthError("The saved X connection could not be read", advice=RECONNECT)
    missing = [key for key in ("access_token", "client_id") if not str(credentials.get(key) or "").strip()]
    if missing:
        raise AuthError(
            f"The saved X connection is incomplete (no {' or '.join(missing)})",
            advice=RECONNECT,
        )
    return dict(credentials)


def _is_the_post(tweet: dict[str, Any], post: Outgoing) -> bool:
    """Whether a post from X's timeline is ``post``: same text once links are set aside, same images.

    X answers with the text as it shows it: links replaced by t.co links (plus one t.co link for
    the images), ``&``, ``<`` and ``>`` escaped. Links are compared by their presence in the
    text, not their spelling, since X may add a scheme or shorten how it displays them.
    """
    shown = html.unescape(str(tweet.get("text", "")))
    ours = post.text
    for url in (tweet.get("entities") or {}).get("urls") or []:
        shown = shown.replace(str(url.get("url", "")), " ")
        for spelling in _spellings(url):
            ours = ours.replace(spelling, " ")
    ours = _URL.sub(" ", ours)
    shown = _URL.sub(" ", shown)
    images = len((tweet.get("attachments") or {}).get("media_keys") or [])
    return _comparable(shown) == _comparable(ours) and images == len(post.media)


def _spellings(url: dict[str, Any]) -> list[str]:
    spellings = []
    for key in ("expanded_url", "display_url"):
        value = str(url.get(key) or "")
        if value and not value.endswith("…"):
            spellings += [value, re.sub(r"(?i)^https?://", "", value)]
    return sorted({spelling for spelling in spellings if spelling}, key=len, reverse=True)


def remote_profile(user: dict[str, Any]) -> RemoteProfile:
    """A :class:`RemoteProfile` from an X user object (``user.fields`` as :meth:`XClient.list_followers` asks).

    X's default picture (``default_profile_images``) counts as none.
    """
    username = str(user.get("username") or "")
    if not user.get("id"):
        raise ValueError("the user has no id")
    found = user.get("public_metrics")
    metrics: dict[str, Any] = found if isinstance(found, dict) else {}
    picture = str(user.get("profile_image_url") or "")
    created = str(user.get("created_at") or "")
    return RemoteProfile(
        external_id=str(user["id"]),
        handle=username,
        display_name=str(user.get("name") or ""),
        bio=str(user.get("description") or ""),
        avatar=bool(picture) and "default_profile_images" not in picture,
        created_at=datetime.fromisoformat(created.replace("Z", "+00:00")) if created else None,
        posts_count=_count(metrics.get("tweet_count")),
        followers_count=_count(metrics.get("followers_count")),
        following_count=_count(metrics.get("following_count")),
        links=_profile_links(user),
        url=f"https://x.com/{username}" if username else "",
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _profile_links(data: dict[str, Any]) -> tuple[str, ...]:
    """The addresses of an X user's website and bio links (X shortens them: use the expanded ones)."""
    found = data.get("entities")
    entities: dict[str, Any] = found if isinstance(found, dict) else {}
    expanded = [
        str(u.get("expanded_url") or u.get("url") or "")
        for part in ("url", "description")
        for u in ((entities.get(part) or {}).get("urls") or [])
        if isinstance(u, dict)
    ]
    return links_in(" ".join([*expanded, str(data.get("description") or "")]))

"""The Bluesky client: one school account on its PDS, spoken to with the atproto SDK.

Credentials are a session made from an app password (never the password itself):
``{"service", "pds", "did", "handle", "access_jwt", "refresh_jwt"}``. The SDK refreshes the
session shortly before the access token expires, and this client refreshes once more when the
PDS says a token has expired; every new session is handed to ``save`` before it is used.

Idempotency: a post's record key is a TID derived from the publication's idempotency key
(:func:`~apps.platforms.bluesky.text.derived_tid`), so a retry after a lost response asks the PDS
for exactly that record (``find_existing``), and a second create of the same key is refused by
the PDS rather than duplicated. The post, its threadgate and its postgate go in one
``applyWrites`` commit: all of them or none.

All HTTP goes through the one :class:`atproto_client.request.Request` (an ``httpx.Client``) the
client owns; tests point it at a real PDS, optionally through a fault-injecting transport.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from atproto_client import Client, models
from atproto_client.client.session import Session, SessionEvent
from atproto_client.exceptions import (
    AtProtocolError,
    InvokeTimeoutError,
    LoginRequiredError,
    NetworkError,
    RequestErrorBase,
)
from atproto_client.models.common import XrpcError
from atproto_client.request import Request
from atproto_core.uri import AtUri

from apps.platforms import netguard
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
from apps.platforms.bluesky.text import MAX_GRAPHEMES, MAX_TEXT_BYTES, derived_tid, facets_for, grapheme_count
from apps.platforms.ratelimits import lowered, seconds_until

T = TypeVar("T")

KIND = "bluesky"
DEFAULT_SERVICE = "https://bsky.social"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000  # the app.bsky.embed.images lexicon's maxSize
IMAGE_FORMATS = ("image/jpeg", "image/png", "image/webp")

POST = "app.bsky.feed.post"
PROFILE = "app.bsky.actor.profile"
THREADGATE = "app.bsky.feed.threadgate"
POSTGATE = "app.bsky.feed.postgate"
REPOST = "app.bsky.feed.repost"
BLOCK = "app.bsky.graph.block"
NOTIFICATIONS = "app.bsky.notification.listNotifications"
FOLLOWERS = "app.bsky.graph.getFollowers"
PROFILES = "app.bsky.actor.getProfiles"
#: Followers per page (getFollowers' maximum) and profiles per getProfiles call (its maximum).
FOLLOWERS_PAGE = 100
PROFILES_BATCH = 25
#: What the review says when a Bluesky follower is "removed": Bluesky has no such thing.
BLOCK_NOTE = (
    "Bluesky has no way to remove a follower: the follow is a record in their own account. Safepost "
    "blocked the account instead, which hides its follow and stops it seeing or replying to the "
    "school's posts for as long as the block stays. It can see that it is blocked. Unblocking it "
    "(on Bluesky, or blocking then unblocking) would make it a follower again."
)
THREAD = "app.bsky.feed.getPostThread"
FOLLOW = "app.bsky.graph.follow"
LIST_RECORDS = "com.atproto.repo.listRecords"
DESCRIBE_REPO = "com.atproto.repo.describeRepo"
PROFILES = "app.bsky.actor.getProfiles"
#: What a PDS answers for an account that no longer exists (or is suspended).
_GONE = {"RepoNotFound", "RepoDeactivated", "RepoTakendown", "RepoSuspended"}
#: Follow records read per page (the most listRecords gives), and pages looked through at most
#: when looking for one follow.
FOLLOWING_PAGE = 100
FOLLOWING_MAX_PAGES = 50

#: The notification reasons the moderation inbox reads, and what it calls them.
INBOX_REASONS = {"reply": "reply", "mention": "mention", "quote": "quote"}
#: Pages of notifications read at most per call (50 each): a first read, or a long absence.
INBOX_PAGES = 5
#: Report reasons by the moderation label (com.atproto.moderation.defs).
REPORT_REASONS = {
    "spam": "com.atproto.moderation.defs#reasonSpam",
    "offensive": "com.atproto.moderation.defs#reasonRude",
    "threat": "com.atproto.moderation.defs#reasonViolation",
    "sexual": "com.atproto.moderation.defs#reasonSexual",
    "undermining": "com.atproto.moderation.defs#reasonOther",
}

RECONNECT = "Ask {holder} to reconnect the Bluesky account in Safepost with a new app password."
_EXPIRED = {"ExpiredToken"}
_SIGNED_OUT = {
    "InvalidToken",
    "AuthMissing",
    "AuthenticationRequired",
    "AccountDeactivated",
    "AccountTakedown",
}


class BlueskyRefusal(PermanentError):
    """Bluesky answered with an error a retry will not fix; ``error_name`` is its XRPC error name."""

    def __init__(self, message: str, platform_text: str = "", advice: str = "", error_name: str = "") -> None:
        super().__init__(message, platform_text=platform_text, advice=advice)
        self.error_name = error_name


@dataclass(frozen=True)
class BlueskyLimits(Limits):
    """Bluesky's limits, with the length counted in graphemes as Bluesky counts it."""

    def length(self, text: str) -> int:
        """The text's length in user-perceived characters (extended grapheme clusters)."""
        return grapheme_count(text)


def limits() -> BlueskyLimits:
    """What a Bluesky post accepts: 300 graphemes, 4 images of at most 1,000,000 bytes each."""
    return BlueskyLimits(
        max_chars=MAX_GRAPHEMES,
        link_chars=None,
        max_media=MAX_IMAGES,
        max_media_bytes=MAX_IMAGE_BYTES,
        media_formats=IMAGE_FORMATS,
    )


def post_url(handle_or_did: str, rkey: str) -> str:
    """The post's address in the Bluesky app."""
    return f"https://bsky.app/profile/{handle_or_did}/post/{rkey}"


def normalise_service(server: str) -> str:
    """``bsky.social`` or ``https://pds.example/`` → ``https://...`` without a trailing slash.

    Raises :class:`PermanentError` for anything that is not a web address.
    """
    server = (server or "").strip() or DEFAULT_SERVICE
    if "://" not in server:
        server = "https://" + server
    parts = urlsplit(server)
    plain = parts.scheme == "http" and not (netguard.loopback_allowed() and _is_loopback(parts.hostname))
    if parts.scheme not in ("http", "https") or plain or not parts.netloc or " " in server:
        raise PermanentError(
            f"“{server}” is not the address of a Bluesky server.",
            advice="Leave the server empty for bsky.social, or enter an address like https://pds.example.org.",
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _is_loopback(host: str | None) -> bool:
    return (host or "") in ("localhost", "127.0.0.1", "::1")


def _xrpc_error(exc: RequestErrorBase) -> tuple[int | None, str, str]:
    """(HTTP status, XRPC error name, the server's message) from an SDK exception."""
    response = exc.response
    if response is None:
        return None, "", str(exc.args[0]) if exc.args else ""
    content = response.content
    if isinstance(content, XrpcError):
        return response.status_code, content.error or "", content.message or content.error or ""
    # Anything else the server sent is never shown: an answer that is not Bluesky's error format
    # may come from some other service, and its text must not reach the page.
    return response.status_code, "", ""


def _retry_after(exc: RequestErrorBase) -> float | None:
    """Seconds until the rate limit resets, from ``ratelimit-reset`` (epoch) or ``Retry-After``."""
    named = lowered(exc.response.headers if exc.response else {})
    now = time.time()
    for name, delay in (("ratelimit-reset", False), ("retry-after", True)):
        wait = seconds_until(named.get(name, ""), now, delay=delay)
        if wait is not None:
            return max(0.0, wait)
    return None


def translate(exc: Exception, holder: str = "the account holder") -> Exception:
    """Turn an SDK exception into the error the publishing task understands."""
    if isinstance(exc, InvokeTimeoutError):
        return RetryableError("Bluesky did not answer in time.")
    if isinstance(exc, NetworkError) and exc.response is None:
        return RetryableError("Safepost could not reach Bluesky (a network problem).")
    if isinstance(exc, LoginRequiredError):
        return AuthError(
            "Safepost is no longer signed in to Bluesky.", advice=RECONNECT.format(holder=holder)
        )
    if not isinstance(exc, RequestErrorBase):
        return RetryableError(f"Something unexpected went wrong talking to Bluesky: {exc}")
    status, error, message = _xrpc_error(exc)
    if status == 429:
        return RetryableError(
            "Bluesky asked Safepost to slow down (rate limit).", retry_after=_retry_after(exc)
        )
    if status is not None and 300 <= status < 400:
        return PermanentError(
            "The Bluesky server sent Safepost on to another address, and Safepost does not follow "
            "such redirects.",
            advice="Check the server's address: it is the address of the server itself, such as "
            "https://bsky.social.",
        )
    if status is None or status >= 500:
        code = f" (error {status})" if status else ""
        return RetryableError(f"Bluesky had a problem of its own{code}. Safepost will try again.")
    if status == 401 or error in _EXPIRED | _SIGNED_OUT:
        return AuthError(
            "Bluesky no longer accepts Safepost's sign-in for this account (the app password may "
            "have been revoked).",
            platform_text=message,
            advice=RECONNECT.format(holder=holder),
        )
    if status == 413:
        return PermanentError(
            "Bluesky refused a file as too large.", platform_text=message, advice="Use a smaller image."
        )
    return BlueskyRefusal(
        "Bluesky refused the request.",
        platform_text=message or error,
        advice="Check the post against Bluesky's limits; if it looks right, tell your Safepost administrator.",
        error_name=error,
    )


def _is_expired(exc: Exception) -> bool:
    if not isinstance(exc, RequestErrorBase):
        return False
    status, error, _ = _xrpc_error(exc)
    return error in _EXPIRED or (status == 401 and error not in _SIGNED_OUT)


def _new_sdk_client(base_url: str, transport: httpx.BaseTransport | None) -> Client:
    # Only public addresses (checked as each connection is made), and no redirects: the SDK's
    # client follows them, so it is told not to (apps/platforms/netguard.py).
    request = Request(timeout=TIMEOUT, transport=transport or netguard.guarded_transport())
    request._client.follow_redirects = False
    return Client(base_url=base_url, request=request)


def _credentials(service: str, session: Session) -> dict[str, Any]:
    return {
        "service": service,
        "pds": (session.pds_endpoint or service).rstrip("/"),
        "did": session.did,
        "handle": session.handle,
        "access_jwt": session.access_jwt,
        "refresh_jwt": session.refresh_jwt,
    }


def sign_in(
    config: dict[str, Any] | None,
    server: str,
    handle: str,
    app_password: str,
    *,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """Sign in with an app password and return the session as credentials (the password is not kept).

    Refuses the account's main password: staff connect with an app password they can revoke.
    Raises :class:`AuthError` when Bluesky refuses the handle or password.
    """
    service = normalise_service(server or (config or {}).get("default_server", ""))
    handle = handle.strip().lstrip("@")
    if not handle or not app_password.strip():
        raise AuthError(
            "Enter the account's handle and an app password.",
            advice="Create an app password in Bluesky: Settings → Privacy and security → App passwords.",
        )
    client = _new_sdk_client(service, transport)
    try:
        client.login(handle, app_password.strip(), fetch_bsky_profile=False)
    except RequestErrorBase as exc:
        status, error, message = _xrpc_error(exc)
        if status in (400, 401) and error in {"AuthenticationRequired", "InvalidRequest", ""}:
            raise AuthError(
                "Bluesky did not accept that handle and app password.",
                platform_text=message,
                advice="Check the handle (e.g. school.bsky.social) and create a new app password in "
                "Bluesky: Settings → Privacy and security → App passwords.",
            ) from exc
        raise translate(exc) from exc
    except AtProtocolError as exc:
        raise translate(exc) from exc
    finally:
        client.request.close()
    session = client._session  # the SDK has no public accessor
    assert session is not None
    if session.access_jwt_payload.scope == "com.atproto.access":
        raise AuthError(
            "That is the account's main password, not an app password.",
            advice="Create an app password in Bluesky (Settings → Privacy and security → App passwords) "
            "and use it instead, so the account's password is never shared.",
        )
    return _credentials(service, session)


class BlueskyClient:
    """A connected Bluesky account. Construct with the stored credentials and a ``save`` callback."""

    kind = KIND

    def __init__(
        self,
        credentials: dict[str, Any],
        save: CredentialsSaver,
        *,
        holder: str = "the account holder",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        missing = [k for k in ("did", "handle", "access_jwt", "refresh_jwt") if not credentials.get(k)]
        if missing:
            raise AuthError(
                f"The stored Bluesky connection is incomplete (missing {', '.join(missing)}).",
                advice=RECONNECT.format(holder=holder),
            )
        self._save = save
        self._holder = holder
        self._service = str(credentials.get("service") or DEFAULT_SERVICE)
        pds = str(credentials.get("pds") or self._service)
        self._client = _new_sdk_client(pds, transport)
        session = Session(
            handle=credentials["handle"],
            did=credentials["did"],
            access_jwt=credentials["access_jwt"],
            refresh_jwt=credentials["refresh_jwt"],
            pds_endpoint=pds,
        )
        try:
            session.access_jwt_payload  # noqa: B018 (decoding is the check)
            self._client._set_session(SessionEvent.IMPORT, session)  # what the SDK does on import
        except Exception as exc:  # a token that is not a JWT at all
            raise AuthError(
                "The stored Bluesky sign-in is damaged.", advice=RECONNECT.format(holder=holder)
            ) from exc
        self._client.on_session_change(self._session_changed)

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def did(self) -> str:
        """The account's DID (its permanent id)."""
        session = self._client._session
        assert session is not None
        return session.did

    @property
    def handle(self) -> str:
        """The account's current handle."""
        session = self._client._session
        assert session is not None
        return session.handle

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.request.close()

    def _session_changed(self, event: SessionEvent, session: Session) -> None:
        # Save before the new tokens are used: the PDS rotates the refresh token on every refresh.
        if event is SessionEvent.REFRESH:
            self._save(_credentials(self._service, session))

    def _refresh(self) -> None:
        try:
            self._client._refresh_and_set_session()
        except AtProtocolError as exc:
            error = translate(exc, self._holder)
            if isinstance(error, PermanentError) and not isinstance(error, AuthError):
                error = AuthError(
                    "Bluesky would not renew Safepost's sign-in for this account.",
                    platform_text=error.platform_text,
                    advice=RECONNECT.format(holder=self._holder),
                )
            raise error from exc

    def _call(self, action: Callable[[], T]) -> T:
        """Run one SDK call, renewing the session once if the PDS says it has expired."""
        try:
            return action()
        except AtProtocolError as exc:
            if not _is_expired(exc):
                raise translate(exc, self._holder) from exc
        self._refresh()
        try:
            return action()
        except AtProtocolError as exc:
            raise translate(exc, self._holder) from exc

    def _get_record(
        self, repo: str, collection: str, rkey: str
    ) -> models.ComAtprotoRepoGetRecord.Response | None:
        """The record, or ``None`` when the PDS says it does not exist."""
        try:
            return self._call(
                lambda: self._client.com.atproto.repo.get_record(
                    models.ComAtprotoRepoGetRecord.Params(repo=repo, collection=collection, rkey=rkey)
                )
            )
        except BlueskyRefusal as exc:
            if exc.error_name == "RecordNotFound":
                return None
            raise

    def _resolve_handle(self, handle: str) -> str | None:
        try:
            return self._call(
                lambda: (
                    self._client.com.atproto.identity.resolve_handle(
                        models.ComAtprotoIdentityResolveHandle.Params(handle=handle)
                    ).did
                )
            )
        except PermanentError:
            return None

    def _did_of(self, user: str) -> str:
        user = user.strip().lstrip("@")
        if user.startswith("did:"):
            return user
        did = self._resolve_handle(user)
        if not did:
            raise PermanentError(
                f"Bluesky has no account with the handle @{user}.",
                advice="Check the handle (for example parent.bsky.social) and try again.",
            )
        return did

    def _apply(self, writes: list[Any]) -> None:
        self._call(
            lambda: self._client.com.atproto.repo.apply_writes(
                models.ComAtprotoRepoApplyWrites.Data(repo=self.did, writes=writes, validate_=True)
            )
        )

    def _result_for(self, rkey: str) -> PublishResult:
        return PublishResult(
            external_id=str(AtUri.make(self.did, POST, rkey)), url=post_url(self.handle, rkey)
        )

    # -- the contract ---------------------------------------------------------------------------

    def limits(self) -> Limits:
        """Bluesky's limits (300 graphemes, 4 images of up to 1,000,000 bytes)."""
        return limits()

    def whoami(self) -> AccountInfo:
        """Check the sign-in and return the account's DID, handle and display name."""
        info = self._call(lambda: self._client.com.atproto.server.get_session())
        display_name = description = ""
        profile = self._get_record(info.did, PROFILE, "self")
        if profile is not None and isinstance(profile.value, models.AppBskyActorProfile.Record):
            display_name = profile.value.display_name or ""
            description = profile.value.description or ""
        return AccountInfo(
            external_id=info.did,
            handle=info.handle,
            display_name=display_name,
            url=f"https://bsky.app/profile/{info.handle}",
            description=description,
            links=links_in(description),
        )

    def set_profile_text(self, text: str, link_name: str = "", link: str = "") -> None:
        """Replace the profile's description (bio), keeping its name, pictures and the rest (Bluesky
        profiles have no fields: ``link`` belongs in ``text``).

        Written with a compare-and-swap on the profile record, so a change made meanwhile in the
        Bluesky app is not overwritten: the write then fails and can be tried again.
        """
        current = self._get_record(self.did, PROFILE, "self")
        if current is not None and isinstance(current.value, models.AppBskyActorProfile.Record):
            record = current.value.model_copy(update={"description": text})
        else:
            record = models.AppBskyActorProfile.Record(description=text)
        self._call(
            lambda: self._client.com.atproto.repo.put_record(
                models.ComAtprotoRepoPutRecord.Data(
                    repo=self.did,
                    collection=PROFILE,
                    rkey="self",
                    record=record,
                    swap_record=current.cid if current is not None else None,
                )
            )
        )

    def check(self, post: Outgoing) -> None:
        """Raise :class:`PermanentError` when Bluesky would refuse ``post``, saying what to change."""
        if post.visibility == "followers-only":
            raise UnsupportedError(
                "Bluesky cannot show a post to followers only: every Bluesky post is public",
                advice="Publish this post without Bluesky, or change who the policy says may see it",
            )
        length = grapheme_count(post.text)
        if length > MAX_GRAPHEMES:
            raise PermanentError(
                f"The post is {length} characters long; Bluesky takes at most {MAX_GRAPHEMES}.",
                advice=f"Shorten it by {length - MAX_GRAPHEMES} characters.",
            )
        if len(post.text.encode("utf-8")) > MAX_TEXT_BYTES:
            raise PermanentError(
                "The post has too many special characters for Bluesky.",
                advice="Use fewer emoji or symbols.",
            )
        if not post.text.strip() and not post.media:
            raise PermanentError("The post is empty.", advice="Write some text or add a photo.")
        if len(post.media) > MAX_IMAGES:
            raise PermanentError(
                f"The post has {len(post.media)} photos; Bluesky takes at most {MAX_IMAGES}.",
                advice="Remove some photos, or post them in a second post.",
            )
        for number, media in enumerate(post.media, start=1):
            if media.mime not in IMAGE_FORMATS:
                raise PermanentError(
                    f"Photo {number} is a {media.mime} file, which Bluesky does not take.",
                    advice="Use a JPEG, PNG or WebP image.",
                )
            if len(media.data) > MAX_IMAGE_BYTES:
                raise PermanentError(
                    f"Photo {number} is {len(media.data) / 1_000_000:.1f} MB; Bluesky takes at most 1 MB.",
                    advice="Use a smaller photo.",
                )

    def _upload(self, media: Media) -> models.AppBskyEmbedImages.Image:
        blob = self._call(lambda: self._client.upload_blob(media.data)).blob
        aspect = None
        if media.width > 0 and media.height > 0:
            aspect = models.AppBskyEmbedDefs.AspectRatio(width=media.width, height=media.height)
        return models.AppBskyEmbedImages.Image(alt=media.alt_text, image=blob, aspect_ratio=aspect)

    def publish(self, post: Outgoing, idempotency_key: uuid.UUID) -> PublishResult:
        """Post text, images (with alt text and aspect ratio) and the reply and quote gates.

        The post's record key comes from ``idempotency_key``; if the PDS already holds that
        record (an earlier attempt whose answer was lost) the existing post is returned and
        nothing is sent.
        """
        self.check(post)
        existing = self.find_existing(idempotency_key)
        if existing is not None:
            return existing
        rkey = derived_tid(f"post:{idempotency_key}")
        images = [self._upload(media) for media in post.media]
        now = self._client.get_current_time_iso()
        record = models.AppBskyFeedPost.Record(
            text=post.text,
            facets=facets_for(post.text, self._resolve_handle) or None,
            embed=models.AppBskyEmbedImages.Main(images=images) if images else None,
            langs=[post.language] if post.language else None,
            created_at=now,
        )
        uri = str(AtUri.make(self.did, POST, rkey))
        writes: list[Any] = [
            models.ComAtprotoRepoApplyWrites.Create(collection=POST, rkey=rkey, value=record)
        ]
        if post.replies == "none":
            # An empty allow list: nobody may reply (the school's own account still can).
            gate = models.AppBskyFeedThreadgate.Record(post=uri, allow=[], created_at=now)
            writes.append(
                models.ComAtprotoRepoApplyWrites.Create(collection=THREADGATE, rkey=rkey, value=gate)
            )
        if post.quote_posts == "disable":
            postgate = models.AppBskyFeedPostgate.Record(
                post=uri, embedding_rules=[models.AppBskyFeedPostgate.DisableRule()], created_at=now
            )
            writes.append(
                models.ComAtprotoRepoApplyWrites.Create(collection=POSTGATE, rkey=rkey, value=postgate)
            )
        try:
            self._apply(writes)
        except AuthError:
            raise
        except (PermanentError, RetryableError) as failure:
            # Another attempt may have made the post meanwhile: the PDS then refuses this create
            # (with a 500). If the post is there, it is the answer; if we cannot tell, the failure is.
            try:
                existing = self.find_existing(idempotency_key)
            except (PermanentError, RetryableError):
                raise failure from None
            if existing is not None:
                return existing
            raise
        return self._result_for(rkey)

    def find_existing(
        self, idempotency_key: uuid.UUID, post: Outgoing | None = None, since: datetime | None = None
    ) -> PublishResult | None:
        """The post made with this key, found by its derived record key; ``None`` when the PDS has none.

        ``post`` and ``since`` are not needed: the record key alone identifies the post.
        """
        rkey = derived_tid(f"post:{idempotency_key}")
        try:
            found = self._get_record(self.did, POST, rkey)
        except AuthError:
            raise
        except PermanentError as exc:
            raise RetryableError(
                f"Safepost could not check Bluesky for an earlier attempt: {exc.message}"
            ) from exc
        return None if found is None else self._result_for(rkey)

    def _own_rkey(self, external_id: str) -> str:
        try:
            uri = AtUri.from_str(external_id)
        except Exception as exc:
            raise PermanentError(f"“{external_id}” is not a Bluesky post address (at://...).") from exc
        if uri.host != self.did or uri.collection != POST:
            raise PermanentError(
                "That post does not belong to this Bluesky account.",
                advice="Delete it from the account that made it.",
            )
        return uri.rkey

    def delete(self, external_id: str) -> None:
        """Delete the post with its threadgate and postgate; a post already gone is not an error."""
        rkey = self._own_rkey(external_id)
        # The gates first: a post is never left standing without them.
        for collection in (THREADGATE, POSTGATE, POST):
            data = models.ComAtprotoRepoDeleteRecord.Data(repo=self.did, collection=collection, rkey=rkey)
            self._call(partial(self._client.com.atproto.repo.delete_record, data))

    def _strong_ref(self, external_id: str) -> models.ComAtprotoRepoStrongRef.Main:
        try:
            uri = AtUri.from_str(external_id)
        except Exception as exc:
            raise PermanentError(f"“{external_id}” is not a Bluesky post address (at://...).") from exc
        found = self._get_record(uri.host, uri.collection, uri.rkey)
        if found is None or not found.cid:
            raise PermanentError("That Bluesky post no longer exists.", advice="Nothing to share.")
        return models.ComAtprotoRepoStrongRef.Main(uri=found.uri, cid=found.cid)

    def repost(self, external_id: str) -> PublishResult:
        """Repost a post (e.g. a class account's) from this account; reposting twice is a no-op."""
        subject = self._strong_ref(external_id)
        rkey = derived_tid(f"repost:{subject.uri}")
        record = models.AppBskyFeedRepost.Record(
            subject=subject, created_at=self._client.get_current_time_iso()
        )
        if self._get_record(self.did, REPOST, rkey) is None:
            self._apply([models.ComAtprotoRepoApplyWrites.Create(collection=REPOST, rkey=rkey, value=record)])
        source = AtUri.from_str(subject.uri)
        return PublishResult(
            external_id=str(AtUri.make(self.did, REPOST, rkey)), url=post_url(source.host, source.rkey)
        )

    def block(self, user_id: str) -> None:
        """Block a user (a DID or a handle); blocking someone already blocked is a no-op."""
        did = self._did_of(user_id)
        rkey = derived_tid(f"block:{did}")
        if self._get_record(self.did, BLOCK, rkey) is not None:
            return
        record = models.AppBskyGraphBlock.Record(subject=did, created_at=self._client.get_current_time_iso())
        self._apply([models.ComAtprotoRepoApplyWrites.Create(collection=BLOCK, rkey=rkey, value=record)])

    def mute(self, user_id: str) -> None:
        """Mute a user (a DID or a handle). Mutes are private and kept by the Bluesky app view."""
        did = self._did_of(user_id)
        self._call(
            lambda: self._client.app.bsky.graph.mute_actor(models.AppBskyGraphMuteActor.Data(actor=did))
        )

    def report(self, subject: str, reason: str, label: str = "") -> None:
        """Report a post (``at://`` address) or an account (DID or handle) to Bluesky's moderators.

        ``label`` (the moderation inbox's: spam, offensive, threat...) picks Bluesky's reason type.
        """
        target: Any
        if subject.startswith("at://"):
            target = self._strong_ref(subject)
        else:
            target = models.ComAtprotoAdminDefs.RepoRef(did=self._did_of(subject))
        data = models.ComAtprotoModerationCreateReport.Data(
            reason_type=REPORT_REASONS.get(label, "com.atproto.moderation.defs#reasonOther"),
            reason=reason[:2000] or None,
            subject=target,
        )
        self._call(lambda: self._client.com.atproto.moderation.create_report(data))

    # -- followers (the follower review) -------------------------------------------------------

    def list_followers(self, cursor: str = "") -> ProfilePage:
        """One page of the account's followers (``app.bsky.graph.getFollowers``), newest first,
        with each one's counts and creation date read from ``app.bsky.actor.getProfiles``."""
        params = models.AppBskyGraphGetFollowers.Params(
            actor=self.did, limit=FOLLOWERS_PAGE, cursor=cursor or None
        )
        page = self._query(FOLLOWERS, params)
        entries = page.get("followers")
        if not isinstance(entries, list):
            raise RetryableError("Bluesky's list of followers was not in the expected form.")
        profiles, problems, reads = self._profiles(entries)
        following = page.get("cursor")
        next_cursor = following if isinstance(following, str) and entries else ""
        return ProfilePage(tuple(profiles), next_cursor, tuple(problems), reads=reads + 1)

    def follow_notifications(self, cursor: str = "") -> ProfilePage:
        """Who followed after ``cursor`` (an ISO time, as for the inbox), with when Bluesky saw it."""
        newest = cursor
        page_cursor: str | None = None
        entries: list[dict[str, Any]] = []
        followed_at: dict[str, datetime] = {}
        reads = 0
        for _ in range(INBOX_PAGES):
            params = models.AppBskyNotificationListNotifications.Params(
                limit=50, cursor=page_cursor, reasons=["follow"]
            )
            page = self._query(NOTIFICATIONS, params)
            reads += 1
            found = page.get("notifications")
            if not isinstance(found, list):
                raise RetryableError("Bluesky's list of notifications was not in the expected form.")
            reached = False
            for entry in found:
                if not isinstance(entry, dict) or entry.get("reason") != "follow":
                    continue
                indexed = str(entry.get("indexedAt") or "")
                if cursor and indexed and indexed <= cursor:
                    reached = True
                    continue
                newest = max(newest, indexed)
                author = entry.get("author")
                if isinstance(author, dict) and author.get("did"):
                    entries.append(author)
                    with contextlib.suppress(ValueError):
                        followed_at[str(author["did"])] = _parse_time(indexed)
            page_cursor = page.get("cursor") if isinstance(page.get("cursor"), str) else None
            if reached or not page_cursor or not cursor:
                break
        profiles, problems, extra = self._profiles(entries)
        return ProfilePage(tuple(profiles), newest, tuple(problems), followed_at, reads + extra)

    def remove_follower(self, user_id: str) -> Removal:
        """Bluesky cannot remove a follower; the nearest it has is a block, which is kept.

        Blocking then unblocking at once, as on some networks, leaves them following on Bluesky
        (bluesky-social/social-app#1160, #6394), so the block stays and the note says so.
        """
        self.block(user_id)
        return Removal("block", BLOCK_NOTE)

    def unblock(self, user_id: str) -> None:
        """Take back a block made by :meth:`block` (one not there is not an error)."""
        did = self._did_of(user_id)
        rkey = derived_tid(f"block:{did}")
        if self._get_record(self.did, BLOCK, rkey) is None:
            return
        self._apply([models.ComAtprotoRepoApplyWrites.Delete(collection=BLOCK, rkey=rkey)])

    def list_follow_requests(self, cursor: str = "") -> ProfilePage:
        """Bluesky has no protected accounts, so no follow requests."""
        raise UnsupportedError(
            "Bluesky accounts are always public, so nobody asks to follow them",
            advice="Review new followers instead; a protected (followers-only) account needs Mastodon",
        )

    def authorize_follow_request(self, user_id: str) -> None:
        """Bluesky has no follow requests: :class:`UnsupportedError`."""
        self.list_follow_requests()

    def reject_follow_request(self, user_id: str) -> None:
        """Bluesky has no follow requests: :class:`UnsupportedError`."""
        self.list_follow_requests()

    def _profiles(self, entries: list[Any]) -> tuple[list[RemoteProfile], list[str], int]:
        """Profiles for profile views, with the counts only ``getProfiles`` gives (25 at a time)."""
        views = [e for e in entries if isinstance(e, dict) and e.get("did")]
        problems = [f"A Bluesky follower could not be read: {e!r:.100}" for e in entries if e not in views]
        detailed: dict[str, dict[str, Any]] = {}
        reads = 0
        for start in range(0, len(views), PROFILES_BATCH):
            batch = [str(v["did"]) for v in views[start : start + PROFILES_BATCH]]
            try:
                found = self._query(PROFILES, models.AppBskyActorGetProfiles.Params(actors=batch))
            except (PermanentError, RetryableError) as exc:
                problems.append(f"Bluesky did not give the details of {len(batch)} followers: {exc}")
                continue
            reads += 1
            for profile in found.get("profiles") or []:
                if isinstance(profile, dict) and profile.get("did"):
                    detailed[str(profile["did"])] = profile
        profiles = []
        for view in views:
            try:
                profiles.append(remote_profile(view, detailed.get(str(view["did"]))))
            except (KeyError, TypeError, ValueError) as exc:
                problems.append(f"A Bluesky follower ({view.get('did')}) could not be read: {exc!r}")
        return profiles, problems, reads

    # -- the moderation inbox ------------------------------------------------------------------

    def _query(self, nsid: str, params: Any) -> dict[str, Any]:
        """A read through the PDS (which forwards ``app.bsky`` reads to the app view), as plain JSON.

        Read as JSON rather than the SDK's models, so one malformed entry is reported and skipped
        instead of failing the whole page.
        """
        response = self._call(lambda: self._client.invoke_query(nsid, params=params))
        content = response.content
        if not isinstance(content, dict):
            raise RetryableError(f"Bluesky answered {nsid} with something that is not JSON.")
        return content

    def incoming(self, cursor: str) -> InboxPage:
        """Replies, mentions and quotes indexed after ``cursor`` (an ISO time; ``""`` for the latest page).

        Notifications come newest first; pages are read until one reaches ``cursor`` (at most
        :data:`INBOX_PAGES`). The new cursor is the newest ``indexedAt`` seen, so a restart
        resumes where the last read stopped; an entry read twice is stored once by the caller.
        """
        items: list[Incoming] = []
        problems: list[str] = []
        newest = cursor
        page_cursor: str | None = None
        reads = 0
        for _ in range(INBOX_PAGES):
            params = models.AppBskyNotificationListNotifications.Params(
                limit=50, cursor=page_cursor, reasons=list(INBOX_REASONS)
            )
            page = self._query(NOTIFICATIONS, params)
            reads += 1
            entries = page.get("notifications")
            if not isinstance(entries, list):
                raise RetryableError("Bluesky's list of notifications was not in the expected form.")
            reached = False
            for entry in entries:
                indexed = str(entry.get("indexedAt") or "") if isinstance(entry, dict) else ""
                if cursor and indexed and indexed <= cursor:
                    reached = True
                    continue
                if indexed > newest:
                    newest = indexed
                if not isinstance(entry, dict) or entry.get("reason") not in INBOX_REASONS:
                    continue
                try:
                    items.append(self._incoming(entry))
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    problems.append(
                        f"A Bluesky notification ({entry.get('uri', 'no address')}) was unreadable: {exc!r}"
                    )
            page_cursor = page.get("cursor") if isinstance(page.get("cursor"), str) else None
            if reached or not page_cursor or not cursor:
                break
        return InboxPage(items=tuple(items), cursor=newest, problems=tuple(problems), reads=reads)

    def _incoming(self, entry: dict[str, Any]) -> Incoming:
        record = entry["record"]
        author = entry["author"]
        uri = AtUri.from_str(str(entry["uri"]))
        reply = record.get("reply") or {}
        embed = record.get("embed") or {}
        quoted = _quoted_uri(embed)
        in_reply_to = str((reply.get("parent") or {}).get("uri") or "") or quoted
        handle = str(author.get("handle") or author["did"])
        thread: tuple[dict[str, Any], ...] = ()
        parent_text = ""
        if reply:
            thread = self.thread(str(entry["uri"]))
            parent_text = next((p["text"] for p in thread if p["id"] == in_reply_to), "")
        elif quoted:
            parent_text = self._post_text(quoted)
        return Incoming(
            external_id=str(entry["uri"]),
            kind=INBOX_REASONS[str(entry["reason"])],  # type: ignore[arg-type]
            text=str(record.get("text") or ""),
            author=Author(
                external_id=str(author["did"]),
                handle=f"@{handle}",
                display_name=str(author.get("displayName") or ""),
                bio=str(author.get("description") or ""),
                url=f"https://bsky.app/profile/{handle}",
            ),
            created_at=_parse_time(str(record.get("createdAt") or entry.get("indexedAt") or "")),
            url=post_url(handle, uri.rkey),
            in_reply_to=in_reply_to,
            in_reply_to_text=parent_text,
            root=str((reply.get("root") or {}).get("uri") or ""),
            thread=thread,
            images=_images(embed, str(author["did"])),
            raw=entry,
        )

    def thread(self, uri: str) -> tuple[dict[str, Any], ...]:
        """The posts above ``uri`` in its thread, oldest first, then the post itself.

        ``()`` when the app view cannot say (the item is kept without its context, not lost).
        """
        try:
            answer = self._query(
                THREAD, models.AppBskyFeedGetPostThread.Params(uri=uri, depth=0, parent_height=10)
            )
        except (PermanentError, RetryableError):
            return ()
        chain: list[dict[str, Any]] = []
        node = answer.get("thread")
        while isinstance(node, dict) and isinstance(node.get("post"), dict):
            post = node["post"]
            author = post.get("author") or {}
            handle = str(author.get("handle") or author.get("did") or "")
            try:
                rkey = AtUri.from_str(str(post.get("uri"))).rkey
            except Exception:
                rkey = ""
            chain.append(
                {
                    "id": str(post.get("uri") or ""),
                    "author": f"@{handle}",
                    "text": str((post.get("record") or {}).get("text") or ""),
                    "url": post_url(handle, rkey) if rkey else "",
                    "created_at": str(post.get("indexedAt") or ""),
                }
            )
            node = node.get("parent")
        return tuple(reversed(chain))

    def _post_text(self, uri: str) -> str:
        try:
            at = AtUri.from_str(uri)
            found = self._get_record(at.host, at.collection, at.rkey)
        except (PermanentError, RetryableError, ValueError):
            return ""
        value = found.value if found is not None else None
        return str(getattr(value, "text", "") or "")

    def reply(self, text: str, parent_uri: str, root_uri: str, idempotency_key: uuid.UUID) -> PublishResult:
        """Answer ``parent_uri`` (in the thread started by ``root_uri``) with ``text``, once per key."""
        self.check(Outgoing(text=text))
        rkey = derived_tid(f"reply:{idempotency_key}")
        if self._get_record(self.did, POST, rkey) is not None:
            return self._result_for(rkey)
        parent = self._strong_ref(parent_uri)
        root = self._strong_ref(root_uri) if root_uri and root_uri != parent_uri else parent
        record = models.AppBskyFeedPost.Record(
            text=text,
            facets=facets_for(text, self._resolve_handle) or None,
            reply=models.AppBskyFeedPost.ReplyRef(root=root, parent=parent),
            langs=["en"],
            created_at=self._client.get_current_time_iso(),
        )
        self._apply([models.ComAtprotoRepoApplyWrites.Create(collection=POST, rkey=rkey, value=record)])
        return self._result_for(rkey)

    def hide_reply(self, reply_uri: str, root_uri: str) -> None:
        """Hide a reply under one of the school's threads (the root post's threadgate ``hiddenReplies``).

        Keeps whoever-may-reply as it was; hiding one already hidden is a no-op.
        """
        rkey = self._own_rkey(root_uri)
        existing = self._get_record(self.did, THREADGATE, rkey)
        allow: Any = None
        hidden: list[str] = []
        if existing is not None and isinstance(existing.value, models.AppBskyFeedThreadgate.Record):
            allow = existing.value.allow
            hidden = list(existing.value.hidden_replies or [])
        if reply_uri in hidden:
            return
        record = models.AppBskyFeedThreadgate.Record(
            post=root_uri,
            allow=allow,
            hidden_replies=[*hidden, reply_uri][-300:],  # the lexicon's maximum
            created_at=self._client.get_current_time_iso(),
        )
        self._put(THREADGATE, rkey, record)

    def detach_quote(self, quote_uri: str, own_post_uri: str) -> None:
        """Detach someone's quote of the school's post (the post's postgate ``detachedEmbeddingUris``)."""
        rkey = self._own_rkey(own_post_uri)
        existing = self._get_record(self.did, POSTGATE, rkey)
        rules: Any = None
        detached: list[str] = []
        if existing is not None and isinstance(existing.value, models.AppBskyFeedPostgate.Record):
            rules = existing.value.embedding_rules
            detached = list(existing.value.detached_embedding_uris or [])
        if quote_uri in detached:
            return
        record = models.AppBskyFeedPostgate.Record(
            post=own_post_uri,
            embedding_rules=rules,
            detached_embedding_uris=[*detached, quote_uri][-50:],  # the lexicon's maximum
            created_at=self._client.get_current_time_iso(),
        )
        self._put(POSTGATE, rkey, record)

    def _put(self, collection: str, rkey: str, record: Any) -> None:
        data = models.ComAtprotoRepoPutRecord.Data(
            repo=self.did, collection=collection, rkey=rkey, record=record, validate_=True
        )
        self._call(lambda: self._client.com.atproto.repo.put_record(data))

    # -- following (apps.following, issue 11) --------------------------------------------------

    def list_following(self, cursor: str = "") -> FollowingPage:
        """One page (up to 100) of the accounts this account follows, from its own follow records.

        The follow records in the account's repository are the truth of whom it follows (the PDS
        serves them itself); each followed account's profile comes from the app view's
        ``getProfiles``, or, where that cannot answer, from the account's own profile record. An
        account the app view no longer knows, or whose repository is gone, is marked ``deleted``.
        """
        page = self._query(
            LIST_RECORDS,
            models.ComAtprotoRepoListRecords.Params(
                repo=self.did, collection=FOLLOW, limit=FOLLOWING_PAGE, cursor=cursor or None
            ),
        )
        records = page.get("records")
        if not isinstance(records, list):
            raise RetryableError("Bluesky's list of follows was not in the expected form.")
        follows: list[tuple[str, str]] = []
        problems: list[str] = []
        for record in records:
            subject = (record.get("value") or {}).get("subject") if isinstance(record, dict) else None
            if not isinstance(subject, str) or not subject.startswith("did:"):
                problems.append(f"A Bluesky follow record ({_uri_of(record)}) names no account; skipped.")
                continue
            follows.append((subject, str(record.get("uri") or "")))
        profiles = self._followed_profiles([did for did, _ in follows])
        items = tuple(Followed(profile=profiles[did], follow_id=uri) for did, uri in follows)
        next_cursor = page.get("cursor") if records and isinstance(page.get("cursor"), str) else ""
        return FollowingPage(items=items, cursor=str(next_cursor or ""), problems=tuple(problems))

    def follow(self, user: str) -> FollowResult:
        """Follow ``user`` (a handle or DID) with an ``app.bsky.graph.follow`` record; following an
        account already followed returns the record that exists."""
        did = self._did_of(user)
        existing = self._follow_records(did)
        if existing:
            return FollowResult(follow_id=existing[0], external_id=did)
        rkey = derived_tid(f"follow:{did}")
        record = models.AppBskyGraphFollow.Record(subject=did, created_at=self._client.get_current_time_iso())
        self._apply([models.ComAtprotoRepoApplyWrites.Create(collection=FOLLOW, rkey=rkey, value=record)])
        return FollowResult(follow_id=str(AtUri.make(self.did, FOLLOW, rkey)), external_id=did)

    def unfollow(self, user: str) -> None:
        """Delete the follow record(s) for ``user`` (a follow's ``at://`` address, a DID or a handle)."""
        if user.startswith("at://"):
            try:
                uri = AtUri.from_str(user)
            except Exception as exc:
                raise PermanentError(f"“{user}” is not a Bluesky follow address.") from exc
            if uri.host != self.did or uri.collection != FOLLOW:
                raise PermanentError("That follow does not belong to this Bluesky account.")
            uris = [user]
        else:
            uris = self._follow_records(self._did_of(user))
        for found in uris:
            rkey = AtUri.from_str(found).rkey
            data = models.ComAtprotoRepoDeleteRecord.Data(repo=self.did, collection=FOLLOW, rkey=rkey)
            self._call(partial(self._client.com.atproto.repo.delete_record, data))

    def _follow_records(self, did: str) -> list[str]:
        """The addresses of this account's follow records for ``did`` (normally one)."""
        found: list[str] = []
        cursor = ""
        for _ in range(FOLLOWING_MAX_PAGES):
            page = self._query(
                LIST_RECORDS,
                models.ComAtprotoRepoListRecords.Params(
                    repo=self.did, collection=FOLLOW, limit=FOLLOWING_PAGE, cursor=cursor or None
                ),
            )
            listed = page.get("records")
            records: list[Any] = listed if isinstance(listed, list) else []
            found += [
                str(r.get("uri"))
                for r in records
                if isinstance(r, dict) and (r.get("value") or {}).get("subject") == did and r.get("uri")
            ]
            cursor = str(page.get("cursor") or "") if records else ""
            if not cursor:
                break
        return found

    def _followed_profiles(self, dids: list[str]) -> dict[str, RemoteProfile]:
        """A profile for each DID: from the app view (25 at a time), else from their repositories."""
        profiles: dict[str, RemoteProfile] = {}
        for start in range(0, len(dids), 25):
            chunk = dids[start : start + 25]
            try:
                answer = self._query(PROFILES, models.AppBskyActorGetProfiles.Params(actors=chunk))
            except AuthError:
                raise
            except (PermanentError, RetryableError):
                profiles.update({did: self._profile_from_repo(did) for did in chunk})
                continue
            given = answer.get("profiles")
            views: list[Any] = given if isinstance(given, list) else []
            for view in views:
                if isinstance(view, dict) and view.get("did") in chunk:
                    profiles[str(view["did"])] = remote_profile(view)
            for did in chunk:
                # The app view leaves out accounts it no longer has (deleted, taken down).
                profiles.setdefault(did, RemoteProfile(external_id=did, handle=did, deleted=True))
        return profiles

    def _profile_from_repo(self, did: str) -> RemoteProfile:
        """The profile from the account's own repository (no counts: only the app view keeps them)."""
        try:
            repo = self._query(DESCRIBE_REPO, models.ComAtprotoRepoDescribeRepo.Params(repo=did))
        except BlueskyRefusal as exc:
            if exc.error_name in _GONE:
                return RemoteProfile(external_id=did, handle=did, deleted=True)
            repo = {}  # any other refusal: the handle is not known, the profile record may say who it is
        except RetryableError:
            repo = {}  # the server is busy: the same, and the next read asks again
        handle = str(repo.get("handle") or did)
        try:
            found = self._get_record(did, PROFILE, "self")
        except (PermanentError, RetryableError):
            found = None
        value = found.value if found is not None else None
        bio = str(getattr(value, "description", "") or "")
        return RemoteProfile(
            external_id=did,
            handle=handle,
            display_name=str(getattr(value, "display_name", "") or ""),
            bio=bio,
            avatar=getattr(value, "avatar", None) is not None,
            created_at=_maybe_time(str(getattr(value, "created_at", "") or "")),
            links=links_in(bio),
            url=f"https://bsky.app/profile/{handle}",
        )


def _quoted_uri(embed: dict[str, Any]) -> str:
    """The address of the post a record quotes (``embed.record`` or ``recordWithMedia``), or ``""``."""
    kind = str(embed.get("$type") or "")
    if kind == "app.bsky.embed.record":
        return str((embed.get("record") or {}).get("uri") or "")
    if kind == "app.bsky.embed.recordWithMedia":
        return str(((embed.get("record") or {}).get("record") or {}).get("uri") or "")
    return ""


def _images(embed: dict[str, Any], did: str) -> tuple[dict[str, str], ...]:
    """The images of a record's embed, with the CDN address the Bluesky app shows them from."""
    kind = str(embed.get("$type") or "")
    if kind == "app.bsky.embed.recordWithMedia":
        embed = embed.get("media") or {}
        kind = str(embed.get("$type") or "")
    if kind != "app.bsky.embed.images":
        return ()
    found = []
    for image in embed.get("images") or []:
        ref = ((image.get("image") or {}).get("ref") or {}).get("$link")
        if ref:
            found.append(
                {
                    "url": f"https://cdn.bsky.app/img/feed_fullsize/plain/{did}/{ref}@jpeg",
                    "alt": str(image.get("alt") or ""),
                }
            )
    return tuple(found)


def remote_profile(view: dict[str, Any], detailed: dict[str, Any] | None = None) -> RemoteProfile:
    """A :class:`RemoteProfile` from a Bluesky profile view, with the counts of its detailed view.

    An account whose handle no longer resolves (``handle.invalid``) or that Bluesky took down
    counts as gone.
    """
    full = {**view, **(detailed or {})}
    handle = str(full.get("handle") or full["did"])
    bio = str(full.get("description") or "")
    created = str(full.get("createdAt") or "")
    labels = {str(label.get("val")) for label in full.get("labels") or [] if isinstance(label, dict)}
    return RemoteProfile(
        external_id=str(full["did"]),
        handle=handle,
        display_name=str(full.get("displayName") or ""),
        bio=bio,
        avatar=bool(full.get("avatar")),
        created_at=_parse_time(created) if created else None,
        posts_count=_count(full.get("postsCount")),
        followers_count=_count(full.get("followersCount")),
        following_count=_count(full.get("followsCount")),
        links=links_in(bio),
        url=f"https://bsky.app/profile/{handle}",
        bot="bot" in labels,
        deleted=handle == "handle.invalid" or bool(labels & {"!takedown", "!suspend"}),
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _parse_time(value: str) -> datetime:
    """An atproto datetime (ISO 8601, sometimes with more than six decimals) as an aware datetime."""
    text = value.strip().replace("Z", "+00:00")
    if "." in text:
        head, _, tail = text.partition(".")
        digits = "".join(ch for ch in tail if ch.isdigit())
        zone = tail[len(digits) :]
        text = f"{head}.{digits[:6].ljust(6, '0')}{zone}"
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _maybe_time(value: str) -> datetime | None:
    try:
        return _parse_time(value) if value else None
    except ValueError:
        return None


def _uri_of(record: Any) -> str:
    return str(record.get("uri") or "no address") if isinstance(record, dict) else "not a record"

"""Publishing's adapter for connected platform accounts (one Target kind per platform).

:mod:`apps.publishing.targets` asks :func:`factory_for` for each platform the registry
(:mod:`apps.platforms.registry`) lists, so a platform package is published to as soon as it is
found, with nothing to install. A factory gives a target for an account's connection that is
approved (or needs reconnecting, so the failure shows on the post instead of the platform being
skipped silently); a connection waiting for approval is not used.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

from apps.common.crypto import CredentialsUnreadable
from apps.platforms import actions, clients, registry, wording
from apps.platforms.base import AuthError, Media, Outgoing, PlatformClient
from apps.platforms.models import Connection
from apps.posts.renditions import media_for
from apps.publishing.models import Publication
from apps.publishing.targets.base import Limits, PermanentError, PublishResult, Target
from apps.publishing.targets.reshare import resharing_account
from apps.schools.models import Account
from safepost.photos import PRESETS

if TYPE_CHECKING:
    from apps.posts.models import Post

log = logging.getLogger(__name__)


def outgoing_for(post: Post, kind: str = "") -> Outgoing:
    """The post as a platform receives it, with the school policy's reply, visibility and quote settings."""
    interaction = post.school.policy.interaction
    return Outgoing(
        text=post.text,
        media=_media_for(post, kind),
        replies=interaction.replies,
        visibility=interaction.visibility,
        quote_posts=interaction.quote_posts,
    )


def _media_for(post: Post, kind: str) -> tuple[Media, ...]:
    # Only the cleaned, blurred rendition ever leaves Safepost, never an original; it is re-encoded
    # within the platform's own size limits (``Platform.image``; Bluesky: 1 MB an image, X: 5 MB).
    platform = registry.get(kind)
    preset = platform.image if platform is not None and platform.image is not None else PRESETS["website"]
    return tuple(
        Media(data, mime, alt, width, height) for data, mime, alt, width, height in media_for(post, preset)
    )


@dataclass
class PlatformTarget(Target):
    """One account's connection to one platform, as the publish task sees it."""

    kind: ClassVar[str] = "platform"
    connection: Connection | None = None
    _client: PlatformClient | None = field(default=None, init=False, repr=False)
    #: Keys this attempt has just looked for on a searched platform, finding nothing (see publish).
    _looked: set[uuid.UUID] = field(default_factory=set, init=False, repr=False)

    def _conn(self) -> Connection:
        assert self.connection is not None
        return self.connection

    def client(self) -> PlatformClient:
        connection = self._conn()
        if connection.status == Connection.Status.RECONNECT:
            raise PermanentError(
                f"{self.label} needs reconnecting before anything can go out there",
                platform_text=connection.last_error,
                advice=wording.reconnect_advice(connection),
            )
        if self._client is None:
            try:
                self._client = clients.client_for(connection)
            except CredentialsUnreadable as exc:
                self._reconnect_needed(str(exc))
                raise PermanentError(
                    f"The saved sign-in for {self.label} cannot be unlocked",
                    advice=wording.reconnect_advice(connection),
                ) from exc
        return self._client

    def _reconnect_needed(self, reason: str) -> None:
        connection = self._conn()
        actions.mark_reconnect_needed(connection.pk, reason)
        connection.status = Connection.Status.RECONNECT

    def _call(self, operation: str, *args: Any, **options: Any) -> Any:
        client = self.client()
        try:
            return getattr(client, operation)(*args, **options)
        except AuthError as first:
            error = first
        if clients.refreshed_elsewhere(self._conn()):
            # Another worker renewed the tokens at the same moment: use the new ones, once.
            self.connection = Connection.objects.get(pk=self._conn().pk)
            self._client = None
            try:
                return getattr(self.client(), operation)(*args, **options)
            except AuthError as second:
                error = second
        self._fail_auth(error)

    def _fail_auth(self, exc: AuthError) -> NoReturn:
        self._reconnect_needed(exc.explain())
        raise PermanentError(
            f"{self.label} no longer accepts Safepost's sign-in",
            platform_text=exc.platform_text or exc.message,
            advice=wording.reconnect_advice(self._conn()),
        ) from exc

    def limits(self) -> Limits:
        # The compose page asks on every keystroke: never fail it, and never need the tokens to work.
        connection = self._conn()
        try:
            if self._client is None:
                self._client = clients.client_for(connection)
            limits = self._client.limits()
        except Exception:
            log.info("limits of %s unavailable; using the last known", connection.kind, exc_info=True)
            return _known_limits.get(connection.kind, Limits())
        _known_limits[connection.kind] = limits
        return limits

    def publish(self, post: Post, idempotency_key: uuid.UUID) -> PublishResult:
        # Mastodon's client looks for an earlier status itself before posting, unless told that this
        # attempt has just looked (find_existing below): a second search of the account's timeline
        # costs a request per 40 statuses and grows with every post the school makes.
        options = {"looked": True} if self.kind == "mastodon" and idempotency_key in self._looked else {}
        result: PublishResult = self._call(
            "publish", outgoing_for(post, self.kind), idempotency_key, **options
        )
        self._reshare(post, result)
        return result

    def _reshare(self, post: Post, result: PublishResult) -> None:
        """RAC-02: the main account reposts a class account's post on the same platform.

        Best effort: the class post is out whatever happens here, so a failure is logged, not
        raised (raising would retry, and a retry finds the post and never reposts it).
        """
        main = resharing_account(post)
        connection = actions.live_connection(main, self.kind) if main is not None else None
        if connection is None or connection.status != Connection.Status.ACTIVE:
            return
        try:
            clients.client_for(connection).repost(result.external_id)
        except Exception:
            log.warning(
                "the main account could not repost %s on %s", result.external_id, self.kind, exc_info=True
            )

    def find_existing(self, idempotency_key: uuid.UUID) -> PublishResult | None:
        platform = registry.get(self.kind)
        if platform is None or not platform.searches_sent_posts:
            return self._call("find_existing", idempotency_key)
        # X and Mastodon keep no key to look up: they search the account's own recent posts for
        # what was sent, from when the first attempt could have started (nothing to find on a first
        # attempt: the claim that started it has just counted it).
        publication = (
            Publication.objects.select_related("post__school").filter(idempotency_key=idempotency_key).first()
        )
        if publication is None:
            return self._call("find_existing", idempotency_key)
        if publication.attempts <= 1 and not publication.tried_before:
            # The claim that started this attempt counted it: no attempt went before it (a re-queue
            # that resets the count sets tried_before), so there is nothing to find and no request.
            self._looked.add(idempotency_key)
            return None
        post = publication.post
        since = max(t for t in (publication.created_at, post.scheduled_for) if t is not None)
        found: PublishResult | None = self._call(
            "find_existing", idempotency_key, outgoing_for(post, self.kind), since
        )
        if found is None:
            self._looked.add(idempotency_key)
        return found

    def delete(self, external_id: str) -> None:
        self._call("delete", external_id)


_classes: dict[str, type[PlatformTarget]] = {}
#: The last limits each platform reported (they are the platform's, not the account's).
_known_limits: dict[str, Limits] = {}


def target_class(kind: str) -> type[PlatformTarget]:
    """The Target subclass whose ``kind`` is this platform's (stored on each Publication)."""
    if kind not in _classes:
        _classes[kind] = type(f"{kind.capitalize()}Target", (PlatformTarget,), {"kind": kind})
    return _classes[kind]


def factory_for(kind: str) -> Any:
    def target_for(account: Account) -> Target | None:
        connection = (
            Connection.objects.filter(
                account=account,
                kind=kind,
                status__in=[Connection.Status.ACTIVE, Connection.Status.RECONNECT],
            )
            .select_related("account__holder", "school")
            .first()
        )
        if connection is None:
            return None
        label = f"{registry.label_of(kind)} ({connection.handle})"
        return target_class(kind)(account, label=label, connection=connection)

    return target_for

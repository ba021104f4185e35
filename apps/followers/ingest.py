"""Reading each connected account's followers and follow requests, judging each new one.

One call of :func:`ingest` reads one connection (the task ``ingest_connection``): the follow
notifications since the last read (Bluesky, Mastodon: who followed and when), up to
:data:`PAGES_PER_READ` pages of the followers list (a pass over a long list goes on where the
last read stopped; when a pass ends, followers not seen in it are marked as gone), and a locked
Mastodon account's follow requests. Each account is stored once (a unique constraint), its
facts refreshed on every read and judged on arrival. A staff personal account the member of
staff declared is removed at once where the policy says so (RAC-09), and they are told why.

A connection's failure is kept on its :class:`IngestState` and never touches the others; what a
platform does not allow (X's followers on plans without them) is kept, in words, for the page.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.audit.actions import record
from apps.followers import actions, clients, judging
from apps.followers.models import Follower, IngestState
from apps.platforms import actions as platform_actions
from apps.platforms.base import (
    ProfilePage,
    RemoteProfile,
    UnsupportedError,
)
from apps.platforms.models import Connection
from apps.platforms.registry import label_of
from safepost.accounts.signals import Context

log = logging.getLogger(__name__)

#: Minutes between reads, by platform. X bills every account read, so it is read once a day.
DEFAULT_INTERVAL = {"x": 24 * 60, "bluesky": 60, "mastodon": 60}
#: Pages of the followers list read per call (Bluesky 100, Mastodon 80, X 1,000 a page).
PAGES_PER_READ = 20
#: After a failure, wait at least this long (doubling with each failure, up to a day).
MIN_BACKOFF = timedelta(minutes=5)

_LIMITS: dict[str, int] = {
    f.name: int(getattr(f, "max_length", 0) or 0)
    for f in Follower._meta.concrete_fields
    if getattr(f, "max_length", None)
}
_FACTS = (
    "handle",
    "display_name",
    "bio",
    "avatar",
    "joined_at",
    "posts_count",
    "followers_count",
    "following_count",
    "links",
    "url",
    "bot",
    "deleted",
    "last_seen_at",
    "still_following",
    "connection",
)
#: States a follower returns to the queue from when it follows again.
_BACK_TO_QUEUE = (Follower.State.REMOVED, Follower.State.GONE, Follower.State.REJECTED)


def state_for(connection: Connection) -> IngestState:
    """The connection's follower-reading state, made on first use."""
    state, _ = IngestState.objects.get_or_create(connection=connection)
    return state


def due_connection_ids(now: datetime | None = None) -> list[int]:
    """Active connections whose next read is due (or never read)."""
    now = now or timezone.now()
    active = Connection.objects.filter(status=Connection.Status.ACTIVE)
    never = active.filter(follower_ingest__isnull=True).values_list("pk", flat=True)
    due = active.filter(follower_ingest__next_due_at__lte=now).values_list("pk", flat=True)
    return sorted({*never, *due})


@dataclass
class Outcome:
    """What one read did."""

    new: list[int] = field(default_factory=list)
    seen: int = 0
    requests: int = 0
    gone: int = 0
    problems: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    error: str = ""
    #: New followers that are a member of staff's declared personal account (RAC-09).
    staff: list[int] = field(default_factory=list)

    def summary(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        words = f"{len(self.new)} new of {self.seen} followers read"
        if self.requests:
            words += f", {self.requests} follow requests"
        if self.gone:
            words += f", {self.gone} no longer following"
        return words


def clean(text: str, limit: int | None = None) -> str:
    """Text as the database can keep it: no NUL characters, no lone surrogates, NFC; cut to ``limit``."""
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    return text[:limit] if limit else text


def ingest(connection_id: int, now: datetime | None = None) -> Outcome:
    """Read one connection's new followers and follow requests; store and judge them."""
    outcome = Outcome()
    connection = (
        Connection.objects.select_related("school", "account")
        .filter(pk=connection_id, status=Connection.Status.ACTIVE)
        .first()
    )
    if connection is None:
        outcome.error = "the connection is not active"
        return outcome
    started = now or timezone.now()
    state = state_for(connection)
    context = judging.context_for(connection.school, started)
    client: Any = None
    try:
        client = clients.build(connection)
        _read(client, connection, state, context, started, outcome)
    except Exception as exc:  # one account's surprise never stops the others
        message, wait = platform_actions.reading_failed(connection, exc, "the followers")
        return _failed(state, outcome, message, started, wait)
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()
    interval = DEFAULT_INTERVAL.get(connection.kind, 60)
    IngestState.objects.filter(pk=state.pk).update(
        last_success_at=started,
        failures=0,
        last_error="\n".join(outcome.problems)[:2000],
        unsupported="\n".join(outcome.unsupported)[:2000],
        next_due_at=started + timedelta(minutes=interval),
    )
    if outcome.new or outcome.requests:
        record(
            connection.school,
            None,
            "followers.read",
            f"{len(outcome.new)} new followers and {outcome.requests} follow requests read for "
            f"{connection.account.name} on {label_of(connection.kind)}",
            connection,
            {"new": len(outcome.new), "requests": outcome.requests, "seen": outcome.seen},
        )
    _act_on_staff(outcome.staff)
    return outcome


def _read(
    client: Any,
    connection: Connection,
    state: IngestState,
    context: Context,
    started: datetime,
    outcome: Outcome,
) -> None:
    # Who followed lately, with when (Bluesky, Mastodon); X's API has no such notifications.
    try:
        page: ProfilePage = client.follow_notifications(state.notifications_cursor)
    except UnsupportedError:
        page = ProfilePage(())
    else:
        stored = store(
            connection, page.profiles, Follower.Relation.FOLLOWER, context, started, page.followed_at
        )
        outcome.new += stored.new
        outcome.staff += stored.staff
        outcome.problems += page.problems
        IngestState.objects.filter(pk=state.pk).update(notifications_cursor=page.cursor[:300])

    # The followers list, a pass at a time: it finds followers from before Safepost was connected
    # and notices who has stopped following.
    cursor = state.list_cursor
    pass_started = state.pass_started_at if cursor else started
    try:
        for _ in range(PAGES_PER_READ):
            page = client.list_followers(cursor)
            stored = store(connection, page.profiles, Follower.Relation.FOLLOWER, context, started)
            outcome.seen += len(page.profiles)
            outcome.new += stored.new
            outcome.staff += stored.staff
            outcome.problems += page.problems
            cursor = page.cursor
            IngestState.objects.filter(pk=state.pk).update(
                list_cursor=cursor[:500], pass_started_at=pass_started
            )
            if not cursor:
                outcome.gone += _finish_pass(connection, pass_started or started)
                IngestState.objects.filter(pk=state.pk).update(last_full_pass_at=started)
                break
    except UnsupportedError as exc:
        outcome.unsupported.append(exc.explain())

    if connection.kind == "mastodon" or _locked(connection):
        try:
            requests = _all_requests(client)
        except UnsupportedError as exc:
            outcome.unsupported.append(exc.explain())
        else:
            stored = store(connection, requests, Follower.Relation.REQUEST, context, started)
            outcome.requests = len(requests)
            outcome.new += stored.new
            _withdrawn(connection, {p.external_id for p in requests})


def _locked(connection: Connection) -> bool:
    return connection.school.policy.interaction.visibility == "followers-only"


def _all_requests(client: Any) -> list[RemoteProfile]:
    found: list[RemoteProfile] = []
    cursor = ""
    for _ in range(PAGES_PER_READ):
        page = client.list_follow_requests(cursor)
        found += page.profiles
        cursor = page.cursor
        if not cursor:
            break
    return found


@dataclass
class Stored:
    new: list[int] = field(default_factory=list)
    staff: list[int] = field(default_factory=list)


def store(
    connection: Connection,
    profiles: Iterable[RemoteProfile],
    relation: str,
    context: Context,
    now: datetime,
    followed_at: dict[str, datetime] | None = None,
) -> Stored:
    """Keep each profile once for the connection's account: new ones judged and queued for review,
    known ones with their facts refreshed (and back in the queue if they follow again after
    leaving or being removed)."""
    return store_for(
        connection.account, connection.kind, profiles, relation, context, now, followed_at, connection
    )


def store_for(
    account: Any,
    platform: str,
    profiles: Iterable[RemoteProfile],
    relation: str,
    context: Context,
    now: datetime,
    followed_at: dict[str, datetime] | None = None,
    connection: Connection | None = None,
) -> Stored:
    """:func:`store` for an account and platform (the demo school has no connection)."""
    stored = Stored()
    unique: dict[str, RemoteProfile] = {}
    for profile in profiles:
        key = clean(profile.external_id, _LIMITS["external_id"])
        if key:
            unique[key] = profile
    if not unique:
        return stored
    followed_at = followed_at or {}
    known = {
        f.external_id: f
        for f in Follower.objects.filter(account=account, platform=platform, external_id__in=list(unique))
    }
    fresh: list[Follower] = []
    changed: list[Follower] = []
    unchanged: list[int] = []
    for key, profile in unique.items():
        follower = known.get(key)
        if follower is None:
            follower = Follower(
                school=account.school,
                account=account,
                platform=platform,
                external_id=key,
                relation=relation,
                first_seen_at=now,
                followed_at=followed_at.get(profile.external_id),
            )
            _facts(follower, profile, now, connection)
            judging.judge(follower, context)
            fresh.append(follower)
            continue
        before = _snapshot(follower)
        _facts(follower, profile, now, connection)
        if _snapshot(follower) == before and not (
            relation == Follower.Relation.FOLLOWER
            and (follower.relation == Follower.Relation.REQUEST or follower.state in _BACK_TO_QUEUE)
        ):
            unchanged.append(follower.pk)  # the hourly read of a long list: nothing to judge again
            continue
        if relation == Follower.Relation.FOLLOWER and follower.relation == Follower.Relation.REQUEST:
            follower.relation = relation  # approved on the platform itself
        if follower.state in _BACK_TO_QUEUE and relation == Follower.Relation.FOLLOWER:
            follower.state = Follower.State.PENDING
            follower.first_seen_at = now
            follower.followed_at = followed_at.get(profile.external_id)
            judging.judge(follower, context)
        elif follower.state == Follower.State.PENDING:
            judging.judge(follower, context)
        changed.append(follower)
    with transaction.atomic():
        made = Follower.objects.bulk_create(fresh, ignore_conflicts=True)
        if unchanged:
            Follower.objects.filter(pk__in=unchanged).update(last_seen_at=now)
        if changed:
            Follower.objects.bulk_update(
                changed,
                [
                    *_FACTS,
                    "relation",
                    "state",
                    "first_seen_at",
                    "followed_at",
                    "signals",
                    "flagged",
                    "recommended",
                    "recommended_reason",
                    "staff",
                    "staff_certain",
                ],
                batch_size=500,
            )
    # bulk_create leaves pk unset where it ignored a conflict (another read stored it first).
    ids = dict(
        Follower.objects.filter(
            account=account, platform=platform, external_id__in=[f.external_id for f in made]
        ).values_list("external_id", "pk")
    )
    for follower in made:
        pk = ids.get(follower.external_id)
        if pk is None:
            continue
        stored.new.append(pk)
        if follower.staff_certain and follower.recommended == "remove":
            stored.staff.append(pk)
    return stored


def _facts(follower: Follower, profile: RemoteProfile, now: datetime, connection: Connection | None) -> None:
    follower.handle = clean(profile.handle, _LIMITS["handle"])
    follower.display_name = clean(profile.display_name, _LIMITS["display_name"])
    follower.bio = clean(profile.bio, 20_000)
    follower.avatar = profile.avatar
    follower.joined_at = profile.created_at
    follower.posts_count = _fits(profile.posts_count)
    follower.followers_count = _fits(profile.followers_count)
    follower.following_count = _fits(profile.following_count)
    follower.links = [clean(link, 500) for link in profile.links[:20]]
    follower.url = clean(profile.url, _LIMITS["url"])
    follower.bot = profile.bot
    follower.deleted = profile.deleted
    follower.last_seen_at = now
    follower.still_following = not profile.deleted
    if connection is not None:
        follower.connection = connection


def _snapshot(follower: Follower) -> tuple[object, ...]:
    """The facts a read can change, apart from when it was seen."""
    return tuple(getattr(follower, name) for name in _FACTS if name not in ("last_seen_at", "connection"))


def _fits(count: int | None) -> int | None:
    return None if count is None or count < 0 else min(count, 2**31 - 1)


def _finish_pass(connection: Connection, pass_started: datetime) -> int:
    """After a whole pass over the list: who was not in it no longer follows."""
    left = Follower.objects.filter(
        account=connection.account,
        platform=connection.kind,
        relation=Follower.Relation.FOLLOWER,
        still_following=True,
        last_seen_at__lt=pass_started,
    )
    gone = left.filter(state=Follower.State.PENDING).update(still_following=False, state=Follower.State.GONE)
    return gone + left.update(still_following=False)


def _withdrawn(connection: Connection, waiting: set[str]) -> None:
    """Requests no longer waiting on the platform (withdrawn, or answered there) leave the queue."""
    Follower.objects.filter(
        account=connection.account,
        platform=connection.kind,
        relation=Follower.Relation.REQUEST,
        state=Follower.State.PENDING,
    ).exclude(external_id__in=waiting).update(state=Follower.State.GONE, still_following=False)


def _failed(
    state: IngestState, outcome: Outcome, message: str, started: datetime, wait: timedelta | None = None
) -> Outcome:
    failures = state.failures + 1
    backoff = min(MIN_BACKOFF * (2 ** min(failures - 1, 10)), timedelta(days=1))
    IngestState.objects.filter(pk=state.pk).update(
        failures=failures, last_error=message[:2000], next_due_at=started + max(wait or timedelta(0), backoff)
    )
    outcome.error = message
    return outcome


def _act_on_staff(ids: list[int]) -> None:
    for follower in Follower.objects.filter(pk__in=ids).select_related(
        "school", "account", "staff", "connection"
    ):
        actions.remove_staff_follower(follower)

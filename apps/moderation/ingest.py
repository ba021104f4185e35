"""Reading what comes back to each connected account, storing each item once, judging it.

One call of :func:`ingest` reads one connection (the task ``ingest_connection``); the sweep
:func:`due_connection_ids` says which are due. A connection's failure is kept on its
:class:`IngestState` (shown on the connections page) and never touches the others. The cursor
moves only when every item read was stored, so a crash or a database error mid-way loses
nothing: the next read fetches the same items again and the unique constraint stores each once.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.moderation import images as image_fetch
from apps.moderation.judging import (
    ESCALATION_ROLES,
    judge,
    known_names,
    own_account_ids,
    school_handles,
    worse,
)
from apps.moderation.models import InboxItem, IngestState, ItemImage, Label
from apps.notifications.actions import notify
from apps.platforms import actions as platform_actions
from apps.platforms import clients
from apps.platforms.base import InboxPage, Incoming
from apps.platforms.models import Connection
from apps.schools.models import Account, School
from safepost.photos import nsfw

log = logging.getLogger(__name__)

#: Minutes between reads, by platform, for a new connection. X bills every post read, so it is
#: read less often by default; the school changes it on the connections page.
DEFAULT_INTERVAL = {"x": 60, "bluesky": 5, "mastodon": 5}
#: How an escalation's title names what came in.
ESCALATION_WORDS = {
    "threat": "a possible threat or safeguarding concern",
    "offensive": "abuse naming a member of staff or a child",
    "undermining": "criticism naming a member of staff or a child",
}
#: The choices offered for X's interval (minutes).
X_INTERVALS = (15, 30, 60, 120, 240, 720, 1440)
#: After a failure, wait at least this long (doubling with each failure, up to the interval x 8).
MIN_BACKOFF = timedelta(minutes=1)

_LIMITS: dict[str, int] = {
    f.name: int(getattr(f, "max_length", 0) or 0)
    for f in InboxItem._meta.concrete_fields
    if getattr(f, "max_length", None)
}


def build_client(connection: Connection) -> Any:
    """The platform client for a connection (tests replace this to add a fault-injecting transport)."""
    return clients.client_for(connection)


def state_for(connection: Connection) -> IngestState:
    """The connection's reading state, made on first use with the platform's default interval."""
    state, _ = IngestState.objects.get_or_create(
        connection=connection, defaults={"interval_minutes": DEFAULT_INTERVAL.get(connection.kind, 5)}
    )
    return state


def due_connection_ids(now: datetime | None = None) -> list[int]:
    """Approved connections whose next read is due (or never read)."""
    now = now or timezone.now()
    active = Connection.objects.filter(status=Connection.Status.ACTIVE)
    never = active.filter(ingest__isnull=True).values_list("pk", flat=True)
    due = active.filter(ingest__next_due_at__lte=now).values_list("pk", flat=True)
    return sorted({*never, *due})


@dataclass
class Outcome:
    """What one read did."""

    stored: list[InboxItem] = field(default_factory=list)
    seen: int = 0
    problems: list[str] = field(default_factory=list)
    error: str = ""
    #: Stored items with images to fetch (the task enqueues one fetch for each).
    with_images: list[int] = field(default_factory=list)

    def summary(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        return f"{len(self.stored)} new of {self.seen} read" + (
            f", {len(self.problems)} unreadable" if self.problems else ""
        )


def ingest(connection_id: int, now: datetime | None = None) -> Outcome:
    """Read one connection's new replies, mentions and quotes; store, judge and escalate them."""
    outcome = Outcome()
    connection = (
        Connection.objects.select_related("school", "account")
        .filter(pk=connection_id, status=Connection.Status.ACTIVE)
        .first()
    )
    if connection is None:
        outcome.error = "the connection is not active"
        return outcome
    state = state_for(connection)
    started = now or timezone.now()
    IngestState.objects.filter(pk=state.pk).update(last_started_at=started)
    client: Any = None
    try:
        client = build_client(connection)
        page: InboxPage = client.incoming(state.cursor)
    except Exception as exc:  # one account's surprise never stops the others
        message, wait = platform_actions.reading_failed(connection, exc, "the replies")
        return _failed(state, outcome, message, started, wait)
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()
    outcome.seen = len(page.items)
    outcome.problems = list(page.problems)
    context = _Context.of(connection.school)
    complete = True
    for incoming in page.items:
        try:
            item = store(connection, incoming, context)
        except Exception as exc:  # kept for the next read: the cursor does not move past it
            log.exception("storing %s from connection %s failed", incoming.external_id, connection.pk)
            outcome.problems.append(
                f"An item ({incoming.external_id[:80]}) could not be saved ({exc.__class__.__name__})."
            )
            complete = False
            continue
        if item is not None:
            outcome.stored.append(item)
    month = started.strftime("%Y-%m")
    reads = page.reads + (state.reads_this_month if state.reads_month == month else 0)
    updates: dict[str, Any] = {
        "last_success_at": started,
        "failures": 0,
        "last_error": "\n".join(outcome.problems)[:2000],
        "next_due_at": started + timedelta(minutes=state.interval_minutes),
        "items_stored": state.items_stored + len(outcome.stored),
        "reads_month": month,
        "reads_this_month": reads,
    }
    if complete:
        updates["cursor"] = page.cursor[:300]
    IngestState.objects.filter(pk=state.pk).update(**updates)
    _tell(connection, outcome.stored)
    outcome.with_images = list(
        ItemImage.objects.filter(item__in=outcome.stored).values_list("item_id", flat=True).distinct()
    )
    return outcome


def _failed(
    state: IngestState, outcome: Outcome, message: str, started: datetime, wait: timedelta | None = None
) -> Outcome:
    failures = state.failures + 1
    backoff = min(MIN_BACKOFF * (2 ** min(failures - 1, 10)), timedelta(minutes=state.interval_minutes * 8))
    delay = max(wait or timedelta(0), backoff)
    IngestState.objects.filter(pk=state.pk).update(
        failures=failures, last_error=message[:2000], next_due_at=started + delay
    )
    outcome.error = message
    return outcome


def clean(text: str, limit: int | None = None) -> str:
    """Text as the database can keep it: no NUL characters, no lone surrogates, NFC; cut to ``limit``."""
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    return text[:limit] if limit else text


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(str(k)): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


@dataclass
class _Context:
    names: tuple[str, ...]
    handles: tuple[str, ...]
    own: set[str]

    @classmethod
    def of(cls, school: School) -> _Context:
        return cls(known_names(school), school_handles(school), own_account_ids(school))


def store(connection: Connection, incoming: Incoming, context: _Context | None = None) -> InboxItem | None:
    """Keep one item read from ``connection``, judged; ``None`` when it was already stored (never twice)."""
    return store_for(connection.account, connection.kind, incoming, connection=connection, context=context)


def store_for(
    account: Account,
    platform: str,
    incoming: Incoming,
    *,
    connection: Connection | None = None,
    context: _Context | None = None,
) -> InboxItem | None:
    """Keep one item that came to ``account`` on ``platform`` (the demo school has no connection)."""
    school = account.school
    context = context or _Context.of(school)
    external_id = clean(incoming.external_id, _LIMITS["external_id"])
    exists = InboxItem.objects.filter(account=account, platform=platform, external_id=external_id).exists()
    if exists:
        return None
    text = clean(incoming.text)
    bio = clean(incoming.author.bio)
    parent = clean(incoming.in_reply_to_text)
    judgement = judge(
        context.names,
        context.handles,
        text=text,
        platform=platform,
        kind=incoming.kind,
        author_handle=incoming.author.handle,
        author_bio=bio,
        in_reply_to=parent,
    )
    item = InboxItem(
        school=school,
        account=account,
        connection=connection,
        platform=platform,
        external_id=external_id,
        kind=incoming.kind,
        url=clean(incoming.url, _LIMITS["url"]),
        text=text,
        author_id=clean(incoming.author.external_id, _LIMITS["author_id"]),
        author_handle=clean(incoming.author.handle, _LIMITS["author_handle"]),
        author_name=clean(incoming.author.display_name, _LIMITS["author_name"]),
        author_bio=bio,
        author_url=clean(incoming.author.url, _LIMITS["author_url"]),
        posted_at=incoming.created_at,
        in_reply_to=clean(incoming.in_reply_to, _LIMITS["in_reply_to"]),
        in_reply_to_text=parent,
        root=clean(incoming.root, _LIMITS["root"]),
        thread=_cleaned(list(incoming.thread)),
        raw=_cleaned(incoming.raw),
        is_own=incoming.author.external_id in context.own,
        label=judgement.label,
        escalate=judgement.escalate,
        reasons=[reason.to_dict() for reason in judgement.reasons],
        recommended=judgement.action,
        names=list(judgement.names),
        pinned=judgement.escalate,
    )
    try:
        with transaction.atomic():
            item.save()
            for position, image in enumerate(incoming.images[: image_fetch.MAX_IMAGES]):
                ItemImage.objects.create(
                    item=item,
                    position=position,
                    url=clean(image.get("url", ""), 1000),
                    alt=clean(image.get("alt", "")),
                )
            record(
                school,
                None,
                "inbox.received",
                f"{item.get_kind_display()} from {item.author_handle} on {platform}: {item.get_label_display()}"
                + (" (escalated)" if item.escalate else ""),
                item,
                {
                    "platform": platform,
                    "external_id": external_id,
                    "label": item.label,
                    "escalate": item.escalate,
                },
            )
    except IntegrityError:
        return None  # another read stored it a moment ago
    return item


def _tell(connection: Connection, stored: list[InboxItem]) -> None:
    """Escalated items to the headteacher and safeguarding lead at once; the rest to the policy's roles."""
    school = connection.school
    for item in stored:
        if item.escalate:
            escalate(item)
    others = [item for item in stored if not item.escalate and not item.is_own]
    if not others:
        return
    counts: dict[str, int] = {}
    for item in others:
        counts[item.get_label_display().lower()] = counts.get(item.get_label_display().lower(), 0) + 1
    words = ", ".join(f"{n} {label}" for label, n in counts.items())
    notify(
        school,
        school.policy.accounts.notifications_to,
        kind="inbox.new",
        title=f"{len(others)} new in the inbox for {connection.account.name} on {connection.kind.title()}",
        body=f"Safepost read {len(others)} new replies, mentions or quotes: {words}.",
        url=reverse("moderation:inbox"),
    )


def escalate(item: InboxItem) -> None:
    """Tell the headteacher and the designated safeguarding lead now, in Safepost and by e-mail."""
    school = item.school
    excerpt = item.text if len(item.text) <= 280 else item.text[:277] + "..."
    what = ESCALATION_WORDS.get(item.label, "Something naming someone")
    notify(
        school,
        ESCALATION_ROLES,
        kind="inbox.escalated",
        title=f"Safeguarding: {what} on {item.platform.title()} needs someone now",
        body=(
            f"{item.author_handle} wrote, in a {item.get_kind_display().lower()} to {item.account.name}:\n\n"
            f"“{excerpt}”\n\nOpen it in Safepost, take it, and keep the evidence before removing it."
        ),
        url=reverse("moderation:item", args=[item.pk]),
        urgent=True,
    )
    record(
        school,
        None,
        "inbox.escalated",
        f"Escalated to the headteacher and safeguarding lead: {item}",
        item,
        {},
    )


def check_images(item_id: int) -> int:
    """Fetch and check an item's images; an unsuitable one makes the item at least offensive (RAC-12)."""
    item = InboxItem.objects.select_related("school", "account").filter(pk=item_id).first()
    if item is None:
        return 0
    threshold = nsfw.DEFAULT_REVIEW_THRESHOLD
    unsuitable = 0
    for image in item.images.filter(sha256="", problem=""):
        fetched = image_fetch.fetch(image.url)
        image.data = fetched.data
        image.mime = fetched.mime
        image.sha256 = fetched.sha256
        image.unsuitable_score = fetched.score
        image.problem = fetched.problem or ("" if fetched.sha256 else "The image could not be read.")
        image.save()
        if fetched.score is not None and fetched.score >= threshold:
            unsuitable += 1
    if unsuitable:
        reason = {
            "code": "unsuitable-image",
            "message": f"{unsuitable} image(s) look unsuitable (the unsuitable-image model's score is "
            f"at least {threshold}).",
            "field": "images",
            "start": None,
            "end": None,
            "matched": "",
        }
        InboxItem.objects.filter(pk=item.pk).update(
            label=worse(item.label, Label.OFFENSIVE), reasons=[*item.reasons, reason]
        )
    return unsuitable

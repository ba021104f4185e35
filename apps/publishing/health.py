"""Is publishing keeping up? What the headteacher's dashboard says when it is not, and why.

Four things can keep a school's posts from going out on time: the background worker is not
running, it keeps crashing (its task process is started again and again), it is running behind
(its queue is long), or a platform keeps refusing or not answering.
:func:`publishing_health` reads them from the Publications, the task queue and the workers'
heartbeats with a handful of small queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Max, Min, Q
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from apps.platforms import registry
from apps.posts.models import Post
from apps.publishing import actions
from apps.publishing.models import Publication, QueuedPublish, WorkerBeat
from apps.schools.models import School

#: A post this late is "behind": recovery from a crashed worker takes under a minute.
BEHIND_AFTER = timedelta(minutes=2)
#: A worker whose task process had to be started again this often within RESTARTS_WINDOW "keeps
#: stopping": posts go out slowly or not at all. ``manage.py worker`` counts its restarts over it.
CRASHING_AFTER = 3
RESTARTS_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Crashing:
    """A worker whose task process keeps dying: how often lately, and why the last one stopped."""

    restarts: int
    why: str
    last_at: datetime | None


@dataclass(frozen=True)
class Trouble:
    """A place the school publishes to that keeps failing."""

    target: str
    error: str
    posts: int
    next_attempt_at: datetime | None


@dataclass(frozen=True)
class Health:
    """How publishing is doing for one school (``None`` where the set-up cannot tell)."""

    late_posts: int
    oldest_due: datetime | None
    queue_depth: int
    queue_oldest: datetime | None
    worker_running: bool | None
    worker_seen: datetime | None
    troubles: list[Trouble] = field(default_factory=list)
    crashing: Crashing | None = None

    @property
    def behind(self) -> bool:
        return self.late_posts > 0

    @property
    def ok(self) -> bool:
        return (
            not self.behind
            and not self.troubles
            and self.worker_running is not False
            and self.crashing is None
        )


def publishing_health(school: School, now: datetime) -> Health:
    """How publishing is doing for ``school`` at ``now``."""
    late_before = now - BEHIND_AFTER
    scheduled = Post.objects.filter(
        school=school, status=Post.Status.SCHEDULED, scheduled_for__lte=late_before
    )
    # A Publication waiting past its time (a retry's own wait is not lateness: its time is later).
    waiting = Publication.objects.filter(
        post__school=school, post__status__in=(Post.Status.PUBLISHING, Post.Status.FAILED)
    ).filter(
        Q(status=Publication.Status.PENDING, created_at__lte=late_before)
        | Q(status=Publication.Status.RETRYING, next_attempt_at__lte=late_before)
        | Q(status=Publication.Status.PUBLISHING, next_attempt_at__lte=late_before)
    )
    late = scheduled.aggregate(n=Count("pk"), oldest=Min("scheduled_for"))
    stalled = waiting.aggregate(n=Count("post", distinct=True), oldest=Min("next_attempt_at"))
    oldest = [m for m in (late["oldest"], stalled["oldest"]) if m is not None]
    depth, queue_oldest = _queue(now)
    running, seen = _worker(now)
    return Health(
        late_posts=late["n"] + stalled["n"],
        oldest_due=min(oldest) if oldest else None,
        queue_depth=depth,
        queue_oldest=queue_oldest,
        worker_running=running,
        worker_seen=seen,
        troubles=_troubles(school),
        crashing=_crashing(now),
    )


def _database_tasks() -> bool:
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def _queue(now: datetime) -> tuple[int, datetime | None]:
    """Tasks due and waiting for a worker, and since when the oldest has waited."""
    if _database_tasks():
        ready = DBTaskResult.objects.ready()
        found = ready.aggregate(n=Count("pk"), oldest=Min("enqueued_at"))
        return found["n"], found["oldest"]
    # A broker's queue cannot be read here: the publish tasks sent and not started stand for it.
    found = QueuedPublish.objects.aggregate(n=Count("pk"), oldest=Min("queued_at"))
    return found["n"], found["oldest"]


def _worker(now: datetime) -> tuple[bool | None, datetime | None]:
    """Whether a ``manage.py worker`` beat lately, and when one was last seen."""
    seen: datetime | None = WorkerBeat.objects.aggregate(last=Max("beat_at"))["last"]
    if not _database_tasks():
        return None, seen  # Celery's workers are watched by Celery
    return (seen is not None and seen > now - actions.WORKER_GONE_AFTER), seen


def _crashing(now: datetime) -> Crashing | None:
    """The running worker whose task process was started again most often lately, if it keeps dying."""
    beat = (
        WorkerBeat.objects.filter(
            beat_at__gt=now - actions.WORKER_GONE_AFTER,
            restarts__gte=CRASHING_AFTER,
            last_stop_at__gt=now - RESTARTS_WINDOW,  # one that has lived since then is well again
        )
        .order_by("-started_at")
        .first()
    )
    if beat is None:
        return None
    return Crashing(beat.restarts, beat.last_stop, beat.last_stop_at)


def _troubles(school: School) -> list[Trouble]:
    """Targets whose last attempt failed and that will try again (a platform down or refusing)."""
    rows = (
        Publication.objects.filter(post__school=school, status=Publication.Status.RETRYING)
        .exclude(last_error="")
        .values("target")
        .annotate(posts=Count("post", distinct=True), next_at=Min("next_attempt_at"))
        .order_by("target")
    )
    troubles = []
    for row in rows:
        latest = (
            Publication.objects.filter(
                post__school=school, status=Publication.Status.RETRYING, target=row["target"]
            )
            .exclude(last_error="")
            .order_by("-pk")
            .values_list("last_error", flat=True)
            .first()
        )
        troubles.append(Trouble(target_label(row["target"]), latest or "", row["posts"], row["next_at"]))
    return troubles


def target_label(kind: str) -> str:
    """What a headteacher calls a place posts go: "the school website", "Mastodon"..."""
    if kind == "website":
        return "the school website"
    platform = registry.get(kind)
    return platform.label if platform is not None else kind

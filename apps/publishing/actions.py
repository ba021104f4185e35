"""Writes for publishing: queueing a post, cancelling it, and sending it out to each target.

The posts app calls :func:`queue` once a post is SCHEDULED (approved, ``scheduled_for`` set) and
:func:`cancel` when a scheduled post is withdrawn, sent back or deleted before it goes out
(:func:`withdraw` takes a published one down). The task ``publish_post`` calls :func:`publish`.

How a publish stays safe:

* Before anything goes out, the post is checked again with the school's *current* policy and
  roster, and against the posting window (the worker may have been down); a post that now fails
  is HELD, one whose time passed outside the window moves to the next window start.
* Each Publication is *claimed* with a conditional UPDATE (status, attempt number and a lease in
  ``next_attempt_at``), so two workers never send the same one. While the platform call runs, a
  heartbeat renews the lease every :data:`HEARTBEAT`, so a slow but live call is never taken
  over; a worker that dies stops renewing and its lease runs out within :data:`LEASE`. The next
  attempt asks the target for the first attempt's post (``find_existing``) before sending
  anything, so nothing is posted twice.
* Recovery is driven by the state of the Publications, not by how far a dead worker got: the
  sweep (:func:`due_post_ids`) also picks up a post whose Publications are all settled while the
  post still says otherwise, and :func:`_finish` brings it in line (and starts the photo clean-up).
* The sweep sends at most one waiting task per post (:class:`~apps.publishing.models.QueuedPublish`).
* Retryable failures back off exponentially with jitter (never sooner than the platform's
  ``retry_after``) up to :data:`MAX_ATTEMPTS`; then, or on a permanent failure, the Publication is
  FAILED, the post shows FAILED and the audit log says why. One target failing never holds another.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from types import TracebackType

from django.db import DatabaseError, connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, Task, TaskResultStatus, task_backends
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from apps.audit.actions import record
from apps.posts.checking import (
    check_audit_data,
    check_saved_post,
    check_summary,
    photo_findings,
    stored_check,
)
from apps.posts.models import Post
from apps.posts.renditions import refresh_renditions
from apps.posts.tasks import clean_up_photos
from apps.publishing.models import Publication, QueuedPublish, WorkerBeat
from apps.publishing.targets import PermanentError, RetryableError, TargetError, target_by_kind, targets_for
from safepost.policy.rules.outside_posting_window import (
    describe_moment,
    in_window,
    local_time,
    next_window_start,
)

log = logging.getLogger(__name__)

#: Attempts per Publication before it is marked FAILED.
MAX_ATTEMPTS = 6
#: The first retry waits about this long; each later one twice as long, up to BACKOFF_CAP.
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=1)
#: How long a claimed attempt stays its worker's without a heartbeat: a dead worker's attempt is
#: taken over this long after its last beat.
LEASE = timedelta(seconds=30)
#: How often a live attempt renews its lease (a slow platform call keeps its claim).
HEARTBEAT = timedelta(seconds=5)
#: A task sent to a queue that cannot say whether it still holds it (Celery) is sent again when it
#: has not started this long after it was sent (a killed Celery worker loses the tasks it held).
REQUEUE_AFTER = timedelta(seconds=60)

#: Told of each claim this process makes (Publication id, attempt number): ``manage.py worker``
#: keeps the last where its supervisor reads it when the process dies, to free it at once.
on_claim: Callable[[int, int], None] | None = None

#: Publication states that have not gone out yet.
OPEN_STATES = (Publication.Status.PENDING, Publication.Status.RETRYING, Publication.Status.FAILED)
#: Post states in which its Publications may still be attempted.
_ATTEMPTABLE = (Post.Status.PUBLISHING, Post.Status.FAILED)
#: Publication states with something still to do (or being done).
_UNSETTLED = (Publication.Status.PENDING, Publication.Status.RETRYING, Publication.Status.PUBLISHING)


#: The publish task, named rather than imported: the task module calls these actions, so they
#: resolve it when they enqueue (as healthchecks resolves its transports lazily), with no cycle.
PUBLISH_TASK = "apps.publishing.tasks.publish_post"


def _publish_task() -> Task[[int], str]:
    task: Task[[int], str] = import_string(PUBLISH_TASK)
    return task


def now() -> datetime:
    """The current time (one place for tests to move the clock)."""
    return timezone.now()


# --- Called by the posts app ---------------------------------------------------------------


def queue(post: Post) -> None:
    """Create the post's Publications (one per target of its account) and enqueue the publish task.

    Idempotent: calling it again (after a reschedule, or to retry a FAILED post) keeps the
    existing Publications and their idempotency keys, so nothing is posted twice. The task runs at
    ``post.scheduled_for`` (at once if that is empty or past).
    """
    with transaction.atomic():
        for target in targets_for(post.account):
            publication, created = Publication.objects.get_or_create(post=post, target=target.kind)
            if not created and publication.status in (Publication.Status.FAILED, Publication.Status.RETRYING):
                # A re-queue starts the retries afresh (same key, so still no duplicate).
                Publication.objects.filter(pk=publication.pk).update(
                    status=Publication.Status.PENDING,
                    attempts=0,
                    next_attempt_at=None,
                    last_error="",
                    tried_before=True,
                )
        enqueue_publish(post.pk, post.scheduled_for)


def cancel(post: Post) -> None:
    """Stop a post that has not gone out: drop its Publications that are not published.

    Anything already PUBLISHED stays (see :func:`withdraw`). A publish task already queued finds
    the post no longer SCHEDULED and does nothing. The caller changes and audits the post.
    """
    Publication.objects.filter(post=post, status__in=OPEN_STATES).delete()


def withdraw(post: Post) -> list[str]:
    """Take a published post down from every target that has it (e.g. when it is deleted).

    Returns the labels of targets that could not remove it, for the caller to tell the user (the
    website feed always can). The caller changes and audits the post.
    """
    problems: list[str] = []
    for publication in Publication.objects.filter(post=post, status=Publication.Status.PUBLISHED):
        target = target_by_kind(publication.target, post.account)
        if target is None:
            problems.append(publication.target)
            continue
        try:
            target.delete(publication.external_id)
        except TargetError as exc:
            log.warning("could not delete post %s from %s: %s", post.pk, publication.target, exc)
            problems.append(target.label)
    cancel(post)
    return problems


def enqueue_publish(post_id: int, when: datetime | None) -> None:
    """Enqueue ``publish_post(post_id)`` to run at ``when`` (at once if empty or past).

    A task due now is not sent when one for the post is already waiting (see :func:`send_due`).

    A backend that cannot defer (the inline one: tests, ``SAFEPOST_TASKS=immediate``) only runs
    what is due now; anything later is picked up by the ``publish_due`` sweep.
    """
    publish_post = _publish_task()
    if when is not None and when > now():
        if publish_post.get_backend().supports_defer:
            publish_post.using(run_after=when).enqueue(post_id)
        return
    if post_id not in _waiting([post_id]):
        _send(post_id)


# --- Called by the publish task ------------------------------------------------------------


def publish(post_id: int) -> str:
    """Send a due post out to each of its targets; returns what happened, for the task's result."""
    # This run covers whatever the waiting task was sent for: the sweep may send another from now.
    QueuedPublish.objects.filter(post_id=post_id).delete()
    post = Post.objects.select_related("school", "account", "author").filter(pk=post_id).first()
    if post is None:
        return "the post no longer exists"
    if post.status == Post.Status.SCHEDULED:
        stopped = _start(post)
        if stopped:
            return stopped
    elif post.status not in _ATTEMPTABLE:
        return f"nothing to do: the post is {post.get_status_display().lower()}"
    elif not Publication.objects.filter(post=post, status__in=_UNSETTLED).exists():
        # Every target is settled (a worker died before saying so): only the post is out of line.
        return _finish(post)
    else:
        waiting = _wait_for_window(post)
        if waiting:
            return waiting
        stopped = _photos_changed(post)
        if stopped:
            return stopped
    for publication in Publication.objects.filter(post=post).order_by("pk"):
        _attempt(post, publication)
    return _finish(post)


def _photos_changed(post: Post) -> str:
    """A retry (perhaps days later) checks the photos again: consent may have been withdrawn since.

    If they now break the policy, what has not gone out yet is stopped (failed, with the reason),
    and the post is recorded as held; "Try publishing again" checks it all from the start.
    """
    if not post.photos.exists():
        return ""
    refresh_renditions(post)
    findings, _ = photo_findings(post)
    blocking = [f for f in findings if f.severity == "block"]
    if not blocking:
        return ""
    reason = held_reason(f.message for f in blocking)
    with transaction.atomic():
        Publication.objects.filter(post=post).exclude(status=Publication.Status.PUBLISHED).update(
            status=Publication.Status.FAILED, last_error=reason, next_attempt_at=None
        )
        record(
            post.school,
            None,
            "post.held",
            f"Not sent on to the remaining places: {reason}"[:500],
            post,
            {"findings": [f.to_dict() for f in blocking]},
        )
    _finish(post)
    return "stopped: the photos no longer pass the check"


def _wait_for_window(post: Post) -> str:
    """A retry or a dead worker's attempt that falls outside the posting window waits for it.

    A platform that was down all evening must not receive the post at 22:00: the targets still
    to go out are deferred to the next window start (exceptions go at once). Returns why it
    stopped, or '' to go on.
    """
    current = now()
    policy = post.school.policy
    if post.exception or in_window(current, policy):
        return ""
    opens = next_window_start(current, policy)
    # What is waiting, or was left by a dead worker (a live worker's attempt is its own), and would
    # otherwise be tried before the window opens.
    waiting = Q(status__in=[Publication.Status.PENDING, Publication.Status.RETRYING]) | Q(
        status=Publication.Status.PUBLISHING, next_attempt_at__lte=current
    )
    Publication.objects.filter(post=post).filter(waiting).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lt=opens)
    ).update(status=Publication.Status.RETRYING, next_attempt_at=opens)
    enqueue_publish(post.pk, opens)
    return f"outside the posting window: the remaining targets go at {opens:%Y-%m-%d %H:%M}"


def due_post_ids() -> list[int]:
    """Posts with something to do now.

    Due SCHEDULED posts; retries and dead workers' attempts; and posts whose status is out of line
    with their Publications (all settled, yet the post still "publishing", or "failed" with every
    target published), whichever step their worker died at.
    """
    current = now()
    scheduled = Post.objects.filter(status=Post.Status.SCHEDULED).filter(
        Q(scheduled_for__isnull=True) | Q(scheduled_for__lte=current)
    )
    claimable = Publication.objects.filter(post__status__in=_ATTEMPTABLE).filter(_claimable(current))
    unsettled = Publication.objects.filter(post=OuterRef("pk"), status__in=_UNSETTLED)
    not_published = Publication.objects.filter(post=OuterRef("pk")).exclude(
        status=Publication.Status.PUBLISHED
    )
    stranded = Post.objects.alias(
        has_unsettled=Exists(unsettled),
        has_unpublished=Exists(not_published),
        has_any=Exists(Publication.objects.filter(post=OuterRef("pk"))),
    ).filter(
        Q(status=Post.Status.PUBLISHING, has_unsettled=False)
        | Q(status=Post.Status.FAILED, has_unpublished=False, has_any=True)
    )
    ids = (
        set(scheduled.values_list("pk", flat=True))
        | set(claimable.values_list("post_id", flat=True))
        | set(stranded.values_list("pk", flat=True))
    )
    return sorted(ids)


def send_due() -> list[int]:
    """The sweep: send a publish task for each post with something to do now, unless one waits.

    Returns the posts a task was sent for. A post whose task is still waiting in the queue gets no
    second one, so a worker that is away for hours finds one task per post, not one per sweep.
    """
    due = due_post_ids()
    waiting = _waiting(due)
    sent = []
    for post_id in due:
        if post_id not in waiting:
            _send(post_id)
            sent.append(post_id)
    return sent


def _waiting(post_ids: Iterable[int]) -> set[int]:
    """Which of these posts have a publish task waiting in the queue (sent and not started)."""
    marks = {m.post_id: m for m in QueuedPublish.objects.filter(post_id__in=list(post_ids))}
    if not marks:
        return set()
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        # The task table knows: a waiting task is READY; a RUNNING one whose worker died is not.
        ready = set(
            DBTaskResult.objects.filter(
                pk__in=[m.task_id for m in marks.values()], status=TaskResultStatus.READY
            ).values_list("pk", flat=True)
        )
        return {post_id for post_id, m in marks.items() if _uuid(m.task_id) in ready}
    # A broker cannot say whether a killed worker took the task with it: trust it for a while.
    fresh = now() - REQUEUE_AFTER
    return {post_id for post_id, m in marks.items() if m.queued_at > fresh}


#: A worker with no beat for this long is gone (it beats every few seconds while it lives).
WORKER_GONE_AFTER = timedelta(seconds=30)
#: A task left running by a worker that never beat (django-tasks-db's own ``db_worker``) is
#: reaped only after this long, as nothing says whether that worker still lives.
UNKNOWN_WORKER_GONE_AFTER = timedelta(hours=1)


def reap_stale_tasks() -> int:
    """Mark as failed the tasks left "running" by workers that died (killed, machine restarted).

    Only the task table is tidied: what the task was doing is recovered from the Publications by
    the sweep. Returns how many were reaped. Does nothing on a backend without a task table.
    """
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return 0
    current = now()
    alive = set(
        WorkerBeat.objects.filter(beat_at__gt=current - WORKER_GONE_AFTER).values_list("worker_id", flat=True)
    )
    known = set(WorkerBeat.objects.values_list("worker_id", flat=True))
    stale = []
    for task_id, worker_ids, started_at in DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING
    ).values_list("pk", "worker_ids", "started_at"):
        worker = worker_ids[-1] if worker_ids else ""
        if worker in alive:
            continue
        if worker in known or (started_at is not None and started_at < current - UNKNOWN_WORKER_GONE_AFTER):
            stale.append(task_id)
    if not stale:
        return 0
    reaped = DBTaskResult.objects.filter(pk__in=stale, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=current,
        exception_class_path="apps.publishing.WorkerLost",
        traceback="The worker running this task stopped before it finished (no heartbeat). "
        "Anything it left unfinished is picked up by the publishing sweep.",
    )
    WorkerBeat.objects.filter(beat_at__lte=current - UNKNOWN_WORKER_GONE_AFTER).delete()
    return reaped


def _uuid(value: str) -> object:
    try:
        return uuid.UUID(value)
    except ValueError:
        return value


def _send(post_id: int) -> None:
    """Send ``publish_post(post_id)`` now and mark it as waiting."""
    publish_post = _publish_task()
    # Marked before it is sent: a backend that runs it at once (the inline one) removes the mark.
    placeholder = str(uuid.uuid4())
    with transaction.atomic():
        QueuedPublish.objects.update_or_create(
            post_id=post_id, defaults={"task_id": placeholder, "queued_at": now()}
        )
        result = publish_post.enqueue(post_id)
        QueuedPublish.objects.filter(post_id=post_id, task_id=placeholder).update(task_id=str(result.id))


def backoff(attempt: int, retry_after: float | None = None) -> timedelta:
    """How long to wait after failed attempt number ``attempt`` (1-based).

    Exponential (1, 2, 4, 8... minutes, capped at an hour) with jitter between half and all of
    it, so many failed posts do not all retry at the same moment; never less than ``retry_after``.
    """
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * (2 ** max(attempt - 1, 0)))
    delay = ceiling * random.uniform(0.5, 1.0)  # jitter, not security
    if retry_after is not None and retry_after > 0:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def _start(post: Post) -> str:
    """The checks before a SCHEDULED post starts going out. Returns why it stopped ('' to go on)."""
    current = now()
    if post.scheduled_for is not None and post.scheduled_for > current:
        return "not due yet"
    school = post.school
    policy = school.policy
    if not post.exception and not in_window(current, policy):
        return _reschedule(post, next_window_start(current, policy), current)

    # Consent, tags or connected platforms may have changed since approval: the policy's own
    # blurring is applied again, then the post is checked as it was when it was sent.
    refresh_renditions(post)
    report = check_saved_post(post, current)
    school = post.school
    check = stored_check(report, school, current, before_publishing=True)
    with transaction.atomic():
        locked = Post.objects.select_for_update().filter(pk=post.pk).first()
        if locked is None or locked.status != Post.Status.SCHEDULED:
            # Another worker got here first (or the post was withdrawn meanwhile).
            return (
                "" if locked is not None and locked.status in _ATTEMPTABLE else "the post changed meanwhile"
            )
        if report.blocking:
            reason = held_reason(f.message for f in report.blocking)
            Post.objects.filter(pk=post.pk).update(
                status=Post.Status.HELD, held_reason=reason, last_check=check, checked_at=current
            )
            record(
                school,
                None,
                "post.held",
                f"Held before publishing: {reason}"[:500],
                post,
                {
                    "findings": check["findings"],
                    "policy_version": school.policy_version,
                    "roster_version": school.roster_version,
                },
            )
            return "held"
        Post.objects.filter(pk=post.pk).update(
            status=Post.Status.PUBLISHING, last_check=check, checked_at=current
        )
        record(
            school,
            None,
            "post.checked",
            check_summary(report, before_publishing=True),
            post,
            check_audit_data(report, school),
        )
    post.status = Post.Status.PUBLISHING
    return ""


def held_reason(findings: Iterable[str]) -> str:
    """Why a post was held before publishing, for its writer: what changed, each blocking finding's
    message once, and what to do."""
    messages: list[str] = []
    for finding in findings:
        message = finding.strip()
        if message and message not in messages:
            messages.append(message)
    return (
        "This post was held instead of being published: the school's policy, its pupil list or the "
        "places the post goes to have changed since it was scheduled, and it no longer passes the check. "
        + " ".join(m if m.endswith((".", "!", "?")) else m + "." for m in messages)
        + " Edit the post and send it again."
    )


def _reschedule(post: Post, when: datetime, current: datetime) -> str:
    """Move a post whose time passed outside the posting window to the window's next start."""
    policy = post.school.policy
    moment = describe_moment(local_time(when, policy), local_time(current, policy))
    with transaction.atomic():
        moved = Post.objects.filter(pk=post.pk, status=Post.Status.SCHEDULED).update(scheduled_for=when)
        if not moved:
            return "the post changed meanwhile"
        record(
            post.school,
            None,
            "post.scheduled",
            f"Its publishing time passed while publishing was paused and it is now outside the "
            f"posting window, so it will go out at {moment}",
            post,
            {
                "scheduled_for": when.isoformat(),
                "was": post.scheduled_for.isoformat() if post.scheduled_for else None,
            },
        )
        enqueue_publish(post.pk, when)
    return f"moved to {moment}"


def _claimable(current: datetime) -> Q:
    waiting = Q(status__in=[Publication.Status.PENDING, Publication.Status.RETRYING]) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=current)
    )
    abandoned = Q(status=Publication.Status.PUBLISHING, next_attempt_at__lte=current)
    return waiting | abandoned


def _attempt(post: Post, publication: Publication) -> None:
    """One attempt at one Publication, if it is free to take and due."""
    current = now()
    attempt = publication.attempts + 1
    claimed = (
        Publication.objects.filter(pk=publication.pk, attempts=publication.attempts)
        .filter(_claimable(current))
        .update(
            status=Publication.Status.PUBLISHING, attempts=F("attempts") + 1, next_attempt_at=current + LEASE
        )
    )
    if not claimed:
        return  # published, failed, not due yet, or another worker has it
    publication.attempts = attempt
    if on_claim is not None:
        on_claim(publication.pk, attempt)
    target = target_by_kind(publication.target, post.account)
    if target is None:
        _fail(
            post,
            publication,
            publication.target,
            f"{post.account.name} is no longer set up to publish to {publication.target}. "
            "Reconnect the account in the school's settings, then publish the post again.",
        )
        return
    try:
        with Heartbeat(publication):
            result = target.find_existing(publication.idempotency_key)
            if result is None:
                result = target.publish(post, publication.idempotency_key)
    except PermanentError as exc:
        _fail(post, publication, target.label, exc.explain())
    except RetryableError as exc:
        _retry(post, publication, target.label, exc.message, exc.retry_after)
    except Exception as exc:  # an adapter bug or an unexpected network error: retry, then fail
        log.exception("publishing post %s to %s failed", post.pk, publication.target)
        _retry(post, publication, target.label, f"Unexpected error: {exc}", None)
    else:
        _succeed(post, publication, target.label, result.external_id, result.url)


class Heartbeat:
    """Renews a claimed attempt's lease every :data:`HEARTBEAT` while the platform call runs.

    The beat comes from a thread of the worker's own process, so it stops when the worker dies (and
    the attempt is free again within :data:`LEASE`) and goes on while a slow call is still live. It
    renews only the claim it holds: once an outcome is recorded the renewal matches nothing.
    """

    def __init__(self, publication: Publication) -> None:
        self._mine = _mine(publication)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lease-{publication.pk}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        try:
            while not self._stop.wait(HEARTBEAT.total_seconds()):
                try:
                    Publication.objects.filter(self._mine).update(next_attempt_at=now() + LEASE)
                except DatabaseError:  # a busy database: the next beat tries again, well within LEASE
                    log.warning("could not renew a publishing lease", exc_info=True)
        finally:
            connection.close()  # the thread's own connection


def _mine(publication: Publication) -> Q:
    # Only the worker holding this attempt may record its outcome (a stale one may not).
    return Q(pk=publication.pk, status=Publication.Status.PUBLISHING, attempts=publication.attempts)


def _succeed(post: Post, publication: Publication, label: str, external_id: str, url: str) -> None:
    current = now()
    with transaction.atomic():
        done = Publication.objects.filter(_mine(publication)).update(
            status=Publication.Status.PUBLISHED,
            external_id=external_id,
            url=url,
            published_at=current,
            next_attempt_at=None,
            last_error="",
        )
        if done:
            record(
                post.school,
                None,
                "post.published",
                f"Published to {label}",
                post,
                {
                    "target": publication.target,
                    "external_id": external_id,
                    "url": url,
                    "attempts": publication.attempts,
                },
            )


def _retry(post: Post, publication: Publication, label: str, message: str, retry_after: float | None) -> None:
    if publication.attempts >= MAX_ATTEMPTS:
        _fail(
            post,
            publication,
            label,
            f"Gave up after {publication.attempts} attempts. The last error was: {message}",
        )
        return
    when = now() + backoff(publication.attempts, retry_after)
    with transaction.atomic():
        done = Publication.objects.filter(_mine(publication)).update(
            status=Publication.Status.RETRYING, next_attempt_at=when, last_error=message
        )
        if done:
            enqueue_publish(post.pk, when)


def _fail(post: Post, publication: Publication, label: str, message: str) -> None:
    with transaction.atomic():
        done = Publication.objects.filter(_mine(publication)).update(
            status=Publication.Status.FAILED, next_attempt_at=None, last_error=message
        )
        if done:
            record(
                post.school,
                None,
                "post.publish_failed",
                f"Publishing to {label} failed: {message}",
                post,
                {"target": publication.target, "attempts": publication.attempts, "error": message},
            )


def _finish(post: Post) -> str:
    """Bring the post's status in line with its Publications'."""
    statuses = list(Publication.objects.filter(post=post).values_list("status", flat=True))
    if not statuses:
        with transaction.atomic():
            if Post.objects.filter(pk=post.pk, status=Post.Status.PUBLISHING).update(
                status=Post.Status.FAILED
            ):
                record(
                    post.school,
                    None,
                    "post.publish_failed",
                    f"There is nowhere to publish it: {post.account.name} is switched off",
                    post,
                )
        return "failed: no targets"
    if all(s == Publication.Status.PUBLISHED for s in statuses):
        # One transaction: the post is never PUBLISHED without its clean-up queued (the retention
        # sweep still catches a clean-up a broker lost).
        with transaction.atomic():
            if (
                Post.objects.filter(pk=post.pk, status__in=_ATTEMPTABLE).update(
                    status=Post.Status.PUBLISHED, published_at=now()
                )
                and post.photos.exists()
            ):
                clean_up_photos.enqueue(post.pk)  # RAC-04: originals go once the post is out
        return "published"
    if Publication.Status.FAILED in statuses:
        Post.objects.filter(pk=post.pk, status=Post.Status.PUBLISHING).update(status=Post.Status.FAILED)
        return "failed"
    return "publishing: retries pending"

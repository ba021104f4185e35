"""Publishing that never stalls: whatever step a worker dies at, the post goes out once, soon.

One test per fault the crash experiment found (issue 17), each failing before its fix, and the
posting window holding through recovery across both clock changes. The full experiment, with real
workers killed over and over, is bench/crash_publishing.py (its short version: test_crash.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from apps.posts.models import Post
from apps.publishing import actions
from apps.publishing.models import FeedEntry, Publication, QueuedPublish, WorkerBeat
from apps.publishing.targets import registered
from apps.publishing.tasks import publish_due
from apps.publishing.tests.conftest import Clock
from apps.publishing.tests.fakes import FakePlatform
from apps.publishing.tests.test_photo_publishing import post_with_photo
from apps.schools.testing import Personas

pytestmark = pytest.mark.django_db

MakePost = Callable[..., Post]


class Killed(BaseException):
    """The worker process dying (SIGKILL): nothing after this point runs."""


def die(*args: object, **kwargs: object) -> None:
    raise Killed


@pytest.fixture
def fake() -> Iterator[FakePlatform]:
    platform = FakePlatform()
    with registered("fake", platform.factory):
        yield platform


def run_until_killed_at(monkeypatch: pytest.MonkeyPatch, step: str, post: Post) -> None:
    """Run the publish task for ``post`` in a worker that dies on reaching ``actions.<step>``."""
    with monkeypatch.context() as m:
        m.setattr(actions, step, die)
        with pytest.raises(Killed):
            actions.publish(post.pk)


# --- 1. A post left "Publishing" after its last target was recorded ------------------------------


def test_a_post_whose_worker_died_after_its_last_target_is_found_by_the_sweep_and_marked_published(
    p: Personas, make_post: MakePost, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="website")
    run_until_killed_at(monkeypatch, "_finish", post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHING
    assert post.publications.get().status == Publication.Status.PUBLISHED

    assert actions.due_post_ids() == [post.pk]
    assert actions.publish(post.pk) == "published"

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert FeedEntry.objects.filter(post=post).count() == 1
    assert actions.due_post_ids() == []


def test_a_post_with_photos_left_publishing_by_a_dead_worker_still_has_its_originals_deleted(
    p: Personas, make_post: MakePost, clock: Clock, inline_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    post, photo = post_with_photo(p, make_post)
    Publication.objects.create(post=post, target="website")
    original = Path(photo.original.path)
    run_until_killed_at(monkeypatch, "_finish", post)
    assert original.exists()

    publish_due.call()  # the sweep

    post.refresh_from_db()
    photo.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert not original.exists() and photo.originals_deleted_at is not None  # RAC-04


def test_a_failed_post_whose_last_target_went_out_before_its_worker_died_is_marked_published(
    p: Personas, make_post: MakePost, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = make_post(p, status=Post.Status.FAILED)
    Publication.objects.create(
        post=post, target="website", status=Publication.Status.PENDING, tried_before=True
    )
    run_until_killed_at(monkeypatch, "_finish", post)

    assert actions.due_post_ids() == [post.pk]
    assert actions.publish(post.pk) == "published"
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_a_post_whose_targets_all_failed_before_its_worker_died_is_shown_as_failed(
    p: Personas, make_post: MakePost, clock: Clock
) -> None:
    post = make_post(p, status=Post.Status.PUBLISHING)
    Publication.objects.create(
        post=post, target="website", status=Publication.Status.FAILED, last_error="No."
    )

    assert actions.due_post_ids() == [post.pk]
    assert actions.publish(post.pk) == "failed"
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED


def test_a_post_left_publishing_at_night_is_brought_in_line_without_waiting_for_the_window(
    p: Personas, make_post: MakePost, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="website")
    run_until_killed_at(monkeypatch, "_finish", post)
    clock.current = FRIDAY_EVENING  # nothing is sent, only the post's status changes

    assert actions.publish(post.pk) == "published"


# --- 2. A dead worker is noticed in seconds; a slow live one keeps its claim ---------------------


def test_an_attempt_whose_worker_died_mid_call_is_taken_over_half_a_minute_later(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    fake.during_publish = die  # killed while the platform call was in flight
    with pytest.raises(Killed):
        actions.publish(post.pk)

    clock.advance(timedelta(seconds=20))
    assert actions.due_post_ids() == []
    clock.advance(timedelta(seconds=11))
    assert actions.due_post_ids() == [post.pk]
    assert actions.publish(post.pk) == "published"
    assert len(fake.posts) == 1


@pytest.mark.django_db(transaction=True)
def test_a_slow_platform_call_keeps_its_claim_while_its_worker_lives(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(actions, "HEARTBEAT", timedelta(seconds=0.05))
    post = make_post(p)
    publication = Publication.objects.create(post=post, target="fake")
    second_worker: list[str] = []

    def slow_call() -> None:
        # The platform takes minutes to answer; the heartbeat renews the lease meanwhile.
        claimed_until = Publication.objects.get(pk=publication.pk).next_attempt_at
        clock.advance(actions.LEASE * 4)
        deadline = time.monotonic() + 10
        while Publication.objects.get(pk=publication.pk).next_attempt_at == claimed_until:
            assert time.monotonic() < deadline, "the lease was never renewed"
            time.sleep(0.02)
        second_worker.append(actions.publish(post.pk))

    fake.during_publish = slow_call

    assert actions.publish(post.pk) == "published"
    assert second_worker == ["publishing: retries pending"]
    assert fake.publish_calls == 1
    assert len(fake.posts) == 1


# --- 3. One queued task per due post, stale running tasks reaped ---------------------------------


def publish_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path="apps.publishing.tasks.publish_post"))


def test_sweeping_again_and_again_while_the_worker_is_away_queues_one_task_per_post(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    posts = [make_post(p, text=f"Oak Class news number {n}.") for n in range(3)]

    for _ in range(5):
        publish_due.call()
        clock.advance(timedelta(minutes=1))

    tasks = publish_tasks()
    assert sorted(t.args_kwargs["args"][0] for t in tasks) == [post.pk for post in posts]
    assert QueuedPublish.objects.count() == 3


def test_the_publish_due_command_queues_no_second_task_for_a_waiting_post(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    make_post(p)

    call_command("publish_due", "--enqueue", stdout=StringIO())
    call_command("publish_due", "--enqueue", stdout=StringIO())

    assert len(publish_tasks()) == 1


def test_a_task_that_started_lets_the_sweep_queue_the_post_again(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    publish_due.call()
    fake.during_publish = die
    with pytest.raises(Killed):
        actions.publish(post.pk)  # the queued task ran, and its worker died mid-call
    clock.advance(actions.LEASE + timedelta(seconds=1))

    publish_due.call()

    assert len(publish_tasks()) == 2


def claim_by(task: DBTaskResult, worker_id: str, started_at: datetime) -> None:
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", worker_ids=[worker_id], started_at=started_at
    )


def test_a_task_left_running_by_a_worker_that_stopped_beating_is_reaped_and_its_post_queued_again(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    post = make_post(p)
    publish_due.call()
    [task] = publish_tasks()
    WorkerBeat.objects.create(
        worker_id="dead", host="h", pid=1, started_at=clock.current, beat_at=clock.current
    )
    claim_by(task, "dead", clock.current)  # the worker took it and was killed before it began

    clock.advance(timedelta(seconds=10))
    publish_due.call()
    task.refresh_from_db()
    assert task.status == "RUNNING"  # it may still be alive
    assert len(publish_tasks()) == 2  # but the post waits for nobody: its mark is not READY

    clock.advance(actions.WORKER_GONE_AFTER)
    publish_due.call()
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert "stopped before it finished" in task.traceback
    assert QueuedPublish.objects.get(post=post).task_id != str(task.pk)


def test_a_task_run_by_a_live_worker_is_never_reaped(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    make_post(p)
    publish_due.call()
    [task] = publish_tasks()
    claim_by(task, "alive", clock.current - timedelta(hours=3))
    clock.advance(timedelta(minutes=5))
    WorkerBeat.objects.create(
        worker_id="alive", host="h", pid=1, started_at=clock.current, beat_at=clock.current
    )

    assert actions.reap_stale_tasks() == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_left_running_by_a_worker_that_never_beat_is_reaped_only_after_an_hour(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_post(p)
    publish_due.call()
    [task] = publish_tasks()
    claim_by(task, "stock-db-worker", clock.current)

    clock.advance(timedelta(minutes=59))
    assert actions.reap_stale_tasks() == 0
    clock.advance(timedelta(minutes=2))
    assert actions.reap_stale_tasks() == 1


# --- The posting window holds through recovery, across both clock changes ------------------------

#: Friday 13 March 2026, 19:30 in London (GMT): after the 08:00-18:00 window.
FRIDAY_EVENING = datetime(2026, 3, 13, 19, 30, tzinfo=UTC)
#: Clocks go forward at 01:00 GMT on Sunday 29 March 2026 and back at 01:00 GMT on 25 October 2026.
SPRING = (
    datetime(2026, 3, 27, 17, 59, 45, tzinfo=UTC),  # Friday 17:59:45 GMT: the worker dies
    datetime(2026, 3, 30, 7, 0, tzinfo=UTC),  # Monday 08:00 BST
)
AUTUMN = (
    datetime(2026, 10, 23, 16, 59, 45, tzinfo=UTC),  # Friday 17:59:45 BST: the worker dies
    datetime(2026, 10, 26, 8, 0, tzinfo=UTC),  # Monday 08:00 GMT
)


@pytest.mark.parametrize(("dies_at", "window_opens"), [SPRING, AUTUMN], ids=["clocks-forward", "clocks-back"])
def test_a_post_whose_window_closes_while_its_worker_is_dead_waits_for_the_next_window(
    p: Personas,
    make_post: MakePost,
    clock: Clock,
    fake: FakePlatform,
    dies_at: datetime,
    window_opens: datetime,
) -> None:
    clock.current = dies_at
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    fake.during_publish = die
    with pytest.raises(Killed):
        actions.publish(post.pk)
    fake.script = [None]

    # The sweep runs all weekend, through the clock change night; nothing goes out.
    moment = dies_at + actions.LEASE
    while moment < window_opens:
        clock.current = moment
        for post_id in actions.due_post_ids():
            assert not actions.publish(post_id).startswith("published")
        moment += timedelta(minutes=23)
    assert fake.publish_calls == 1 and not fake.posts
    publication = post.publications.get()
    assert publication.status == Publication.Status.RETRYING
    assert publication.next_attempt_at == window_opens

    clock.current = window_opens
    assert actions.due_post_ids() == [post.pk]
    assert actions.publish(post.pk) == "published"
    assert len(fake.posts) == 1


def test_an_urgent_post_whose_worker_died_goes_out_at_night_under_its_exception(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform
) -> None:
    clock.current = FRIDAY_EVENING
    post = make_post(
        p,
        account=p.main,
        author=p.head,
        exception=Post.Exception.URGENT_NEWS,
        exception_reason="Snow: school closed tomorrow",
    )
    Publication.objects.create(post=post, target="fake")
    fake.during_publish = die
    with pytest.raises(Killed):
        actions.publish(post.pk)
    clock.advance(actions.LEASE + timedelta(seconds=1))

    assert actions.publish(post.pk) == "published"
    assert len(fake.posts) == 1


def test_the_window_closing_never_takes_an_attempt_from_a_live_worker(
    p: Personas, make_post: MakePost, clock: Clock
) -> None:
    clock.current = FRIDAY_EVENING
    post = make_post(p, status=Post.Status.PUBLISHING)
    live = Publication.objects.create(
        post=post,
        target="website",
        status=Publication.Status.PUBLISHING,
        attempts=1,
        next_attempt_at=FRIDAY_EVENING + timedelta(seconds=20),
    )
    Publication.objects.create(post=post, target="fake", status=Publication.Status.PENDING)

    assert actions.publish(post.pk).startswith("outside the posting window")

    live.refresh_from_db()
    assert live.status == Publication.Status.PUBLISHING  # its worker may still record it
    assert post.publications.get(target="fake").status == Publication.Status.RETRYING

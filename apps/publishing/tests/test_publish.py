"""Publishing a scheduled post: once only, retried with backoff, re-checked, never silent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from apps.audit.models import AuditEntry
from apps.posts.models import Post
from apps.publishing import actions
from apps.publishing.models import FeedEntry, Publication
from apps.publishing.targets import Limits, PermanentError, RetryableError, registered
from apps.publishing.tests.conftest import Clock
from apps.publishing.tests.fakes import FakePlatform, FakeTarget
from apps.schools.actions import do_replace_roster
from apps.schools.models import NameAnswer
from apps.schools.testing import Personas
from safepost.policy.roster import Pupil, Roster

pytestmark = pytest.mark.django_db

MakePost = Callable[..., Post]


def actions_for(post: Post) -> list[str]:
    return list(
        AuditEntry.objects.filter(school=post.school, object_type="post", object_id=str(post.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


@pytest.fixture
def fake() -> Iterator[FakePlatform]:
    platform = FakePlatform()
    with registered("fake", platform.factory):
        yield platform


# --- The ordinary path ---------------------------------------------------------------------


def test_a_due_post_goes_onto_the_school_feed_and_is_marked_published(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    post = make_post(p)

    actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert post.published_at is not None
    publication = post.publications.get()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.url == f"/s/{p.school.slug}/posts/{publication.external_id}/"
    entry = FeedEntry.objects.get(post=post)
    assert entry.text == post.text and entry.account == p.oak
    assert actions_for(post) == ["post.checked", "post.published"]


def test_a_post_scheduled_for_later_waits_in_the_queue_until_its_time(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    later = clock.current + timedelta(hours=3)
    post = make_post(p, scheduled_for=later)

    actions.queue(post)

    task = DBTaskResult.objects.get()
    assert task.task_path == "apps.publishing.tasks.publish_post"
    assert task.args_kwargs == {"args": [post.pk], "kwargs": {}}
    assert task.run_after == later
    assert actions.publish(post.pk) == "not due yet"
    assert not FeedEntry.objects.exists()


def test_queueing_twice_keeps_one_publication_per_target_with_the_same_key(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    post = make_post(p, scheduled_for=clock.current + timedelta(hours=1))
    actions.queue(post)
    key = post.publications.get().idempotency_key

    actions.queue(post)

    assert post.publications.get().idempotency_key == key


# --- Idempotency and concurrency -----------------------------------------------------------


def test_a_worker_that_dies_after_the_feed_accepted_the_post_leaves_no_duplicate(
    p: Personas, make_post: MakePost, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="website")

    def die(*args: object, **kwargs: object) -> None:
        raise SystemExit("the worker was killed")

    with monkeypatch.context() as m:
        m.setattr(actions, "_succeed", die)
        with pytest.raises(SystemExit):
            actions.publish(post.pk)

    publication = post.publications.get()
    assert publication.status == Publication.Status.PUBLISHING  # the dead worker's lease
    assert FeedEntry.objects.filter(post=post).count() == 1

    assert actions.publish(post.pk) == "publishing: retries pending"  # lease not expired: hands off
    clock.advance(actions.LEASE + timedelta(seconds=1))
    assert actions.publish(post.pk) == "published"

    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.attempts == 2
    assert FeedEntry.objects.filter(post=post).count() == 1
    assert publication.external_id == str(FeedEntry.objects.get(post=post).pk)


def test_a_retry_after_a_platform_accepted_the_post_asks_the_platform_instead_of_posting_again(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")

    def time_out(*args: object, **kwargs: object) -> None:
        raise SystemExit("the worker was killed")

    with monkeypatch.context() as m:
        m.setattr(actions, "_succeed", time_out)
        with pytest.raises(SystemExit):
            actions.publish(post.pk)
    clock.advance(actions.LEASE + timedelta(seconds=1))

    assert actions.publish(post.pk) == "published"
    assert fake.publish_calls == 1
    assert len(fake.posts) == 1
    assert post.publications.get().external_id == "fake-existing"


def test_a_second_worker_starting_while_the_first_is_publishing_does_not_post_again(
    p: Personas, make_post: MakePost, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    inner: list[str] = []
    fake.during_publish = lambda: inner.append(actions.publish(post.pk))

    outer = actions.publish(post.pk)

    assert fake.publish_calls == 1
    assert len(fake.posts) == 1
    assert inner == ["publishing: retries pending"]
    assert outer == "published"


def test_only_one_of_two_workers_can_claim_the_same_attempt(p: Personas, make_post: MakePost) -> None:
    post = make_post(p, status=Post.Status.PUBLISHING)
    publication = Publication.objects.create(post=post, target="website")
    first = Publication.objects.get(pk=publication.pk)
    second = Publication.objects.get(pk=publication.pk)

    actions._attempt(post, first)
    actions._attempt(post, second)  # still thinks the attempt count is 0

    publication.refresh_from_db()
    assert publication.attempts == 1
    assert FeedEntry.objects.filter(post=post).count() == 1


def test_publishing_on_the_website_twice_with_one_key_makes_one_entry(
    p: Personas, make_post: MakePost
) -> None:
    from apps.publishing.targets.website import WebsiteTarget

    post = make_post(p)
    target = WebsiteTarget(p.oak)
    key = Publication.objects.create(post=post, target="website").idempotency_key

    first = target.publish(post, key)
    again = target.publish(post, key)

    assert first == again == target.find_existing(key)
    assert FeedEntry.objects.filter(post=post).count() == 1


# --- Retries and failures ------------------------------------------------------------------


def test_backoff_grows_exponentially_with_jitter_and_honours_retry_after() -> None:
    for attempt in range(1, 8):
        ceiling = min(actions.BACKOFF_CAP, actions.BACKOFF_BASE * 2 ** (attempt - 1))
        delays = [actions.backoff(attempt) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
    assert len({actions.backoff(3) for _ in range(20)}) > 1
    assert actions.backoff(1, retry_after=600) >= timedelta(seconds=600)


def test_a_rate_limited_target_is_retried_later_and_the_task_queued_for_then(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform, queued_tasks: None
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    fake.script = [RetryableError("Too many requests", retry_after=300)]

    assert actions.publish(post.pk) == "publishing: retries pending"

    publication = post.publications.get(target="fake")
    assert publication.status == Publication.Status.RETRYING
    assert publication.attempts == 1
    assert publication.last_error == "Too many requests"
    assert publication.next_attempt_at is not None
    assert publication.next_attempt_at >= clock.current + timedelta(seconds=300)
    assert DBTaskResult.objects.get().run_after == publication.next_attempt_at
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHING

    assert actions.publish(post.pk) == "publishing: retries pending"  # too early: nothing happens
    assert fake.publish_calls == 1
    clock.current = publication.next_attempt_at
    assert actions.publish(post.pk) == "published"
    assert len(fake.posts) == 1


def test_a_target_that_keeps_failing_is_marked_failed_after_the_last_attempt(
    p: Personas, make_post: MakePost, clock: Clock, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    fake.script = [RetryableError("503 Service Unavailable")] * (actions.MAX_ATTEMPTS + 2)
    waits = []

    for _ in range(actions.MAX_ATTEMPTS):
        actions.publish(post.pk)
        publication = post.publications.get(target="fake")
        if publication.next_attempt_at:
            waits.append(publication.next_attempt_at - clock.current)
            clock.current = publication.next_attempt_at

    assert fake.publish_calls == actions.MAX_ATTEMPTS
    assert publication.status == Publication.Status.FAILED
    assert "Gave up after 6 attempts" in publication.last_error
    assert "503 Service Unavailable" in publication.last_error
    assert waits == sorted(waits) and waits[-1] > waits[0] * 4  # backing off
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    assert actions_for(post)[-1] == "post.publish_failed"
    assert actions.publish(post.pk) == "failed"  # nothing more is tried
    assert fake.publish_calls == actions.MAX_ATTEMPTS


def test_a_permanent_error_fails_at_once_with_the_platforms_words_and_what_to_do(
    p: Personas, make_post: MakePost, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    fake.script = [
        PermanentError("Fakebook refused the post", "Status is a duplicate", "Reconnect the account")
    ]

    actions.publish(post.pk)

    publication = post.publications.get()
    assert publication.status == Publication.Status.FAILED
    assert publication.attempts == 1
    assert "Status is a duplicate" in publication.last_error
    assert "Reconnect the account" in publication.last_error
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    entry = AuditEntry.objects.filter(action="post.publish_failed").get()
    assert "Fakebook" in entry.summary


def test_one_target_failing_does_not_hold_back_the_website(
    p: Personas, make_post: MakePost, fake: FakePlatform, inline_tasks: None
) -> None:
    post = make_post(p)
    fake.script = [PermanentError("Fakebook is down for good")]

    actions.queue(post)

    statuses = dict(post.publications.values_list("target", "status"))
    assert statuses == {"website": Publication.Status.PUBLISHED, "fake": Publication.Status.FAILED}
    assert FeedEntry.objects.filter(post=post).exists()
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED  # the writer sees it, the website still has it


def test_an_adapter_crashing_is_retried_and_the_website_still_publishes(
    p: Personas, make_post: MakePost, fake: FakePlatform
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="fake")
    Publication.objects.create(post=post, target="website")
    fake.script = [ValueError("adapter bug")]

    actions.publish(post.pk)

    statuses = dict(post.publications.values_list("target", "status"))
    assert statuses == {"website": Publication.Status.PUBLISHED, "fake": Publication.Status.RETRYING}
    assert "adapter bug" in post.publications.get(target="fake").last_error


def test_requeueing_a_failed_post_retries_only_what_failed(
    p: Personas, make_post: MakePost, fake: FakePlatform, inline_tasks: None
) -> None:
    post = make_post(p)
    fake.script = [PermanentError("Access revoked")]
    actions.queue(post)

    actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert FeedEntry.objects.filter(post=post).count() == 1
    assert len(fake.posts) == 1


# --- Checked again at publish time ---------------------------------------------------------


def test_a_post_naming_a_pupil_added_to_the_roster_after_approval_is_held(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    text = (
        "Our Year 4 swimmers were brilliant at the gala today. Sam Pemberton and friends cheered everyone on!"
    )
    post = make_post(p, text=text, scheduled_for=None)
    Publication.objects.create(post=post, target="website")
    do_replace_roster(
        p.school, Roster([Pupil(first_names=("Sam",), surnames=("Pemberton",), class_name="Oak")]), p.head
    )

    assert actions.publish(post.pk) == "held"

    post.refresh_from_db()
    assert post.status == Post.Status.HELD
    assert "Sam Pemberton" in post.held_reason
    assert "changed since it was scheduled" in post.held_reason
    assert post.last_check["verdict"] == "block"
    assert not FeedEntry.objects.exists()
    assert actions_for(post) == ["post.held"]
    assert post.pk not in actions.due_post_ids()


@dataclass
class ShortPlatformTarget(FakeTarget):
    """A platform that takes 100 characters, fewer than the school's policy allows."""

    def limits(self) -> Limits:
        return Limits(max_chars=100, link_chars=23)


def test_a_post_too_long_for_a_platform_connected_after_it_was_scheduled_is_held_before_anything_goes_out(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    # Written and checked when only the website was connected; Fakebook (100 characters) came later.
    post = make_post(p, text=("Oak Class had a lovely afternoon. " * 4).strip(), scheduled_for=None)
    platform = FakePlatform()

    with registered(
        "fake", lambda account: ShortPlatformTarget(account, label="Fakebook", platform=platform)
    ):
        actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.HELD
    assert "Fakebook takes at most 100 characters as it counts them; this post has 135." in post.held_reason
    assert [f["rule"] for f in post.last_check["findings"]] == ["SP404"]
    assert platform.publish_calls == 0
    assert not FeedEntry.objects.exists()  # not half out: the writer shortens it and sends it again


def test_the_same_post_goes_out_when_the_roster_has_not_changed(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    text = (
        "Our Year 4 swimmers were brilliant at the gala today. Sam Pemberton and friends cheered everyone on!"
    )
    post = make_post(p, text=text)

    actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_publishing_checks_again_with_the_schools_answer_about_a_name(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    """A school that answered "Is Summer a pupil here?" with yes: a post naming Summer is held."""
    do_replace_roster(
        p.school, Roster([Pupil(first_names=("Summer",), surnames=("Brook",), class_name="Oak")]), p.head
    )
    post = make_post(p, text="Year 2 have been painting Summer in bright colours for the hall display.")
    Publication.objects.create(post=post, target="website")
    NameAnswer.objects.create(school=p.school, word="summer", is_pupil=True)

    assert actions.publish(post.pk) == "held"

    post.refresh_from_db()
    assert "Summer" in post.held_reason
    assert not FeedEntry.objects.exists()


# Friday 13 March 2026, 17:30 and 19:30 in London (GMT); the window is Mon–Fri 08:00–18:00.
FRIDAY_5_30PM = datetime(2026, 3, 13, 17, 30, tzinfo=UTC)
FRIDAY_7_30PM = datetime(2026, 3, 13, 19, 30, tzinfo=UTC)
MONDAY_8AM = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)


def test_a_post_missed_while_the_worker_was_down_moves_to_the_next_window_start(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    clock.current = FRIDAY_7_30PM
    post = make_post(p, scheduled_for=FRIDAY_5_30PM)
    Publication.objects.create(post=post, target="website")

    assert actions.publish(post.pk).startswith("moved to 08:00 on Monday 16 March")

    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED
    assert post.scheduled_for == MONDAY_8AM
    assert DBTaskResult.objects.get().run_after == MONDAY_8AM
    assert not FeedEntry.objects.exists()
    assert actions_for(post) == ["post.scheduled"]
    clock.current = MONDAY_8AM
    assert actions.publish(post.pk) == "published"


def test_a_retry_that_falls_due_outside_the_window_waits_for_the_next_window(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    clock.current = FRIDAY_7_30PM
    post = make_post(p, status=Post.Status.PUBLISHING, scheduled_for=FRIDAY_5_30PM)
    publication = Publication.objects.create(
        post=post,
        target="website",
        status=Publication.Status.RETRYING,
        attempts=1,
        next_attempt_at=FRIDAY_7_30PM,
    )

    assert actions.publish(post.pk).startswith("outside the posting window")

    publication.refresh_from_db()
    assert publication.status == Publication.Status.RETRYING
    assert publication.next_attempt_at == MONDAY_8AM
    assert not FeedEntry.objects.exists()
    assert DBTaskResult.objects.get().run_after == MONDAY_8AM
    clock.current = MONDAY_8AM
    assert actions.publish(post.pk) == "published"


def test_a_late_post_still_inside_the_window_goes_out(p: Personas, make_post: MakePost, clock: Clock) -> None:
    clock.current = FRIDAY_5_30PM + timedelta(minutes=20)
    post = make_post(p, scheduled_for=FRIDAY_5_30PM - timedelta(hours=6))
    Publication.objects.create(post=post, target="website")

    assert actions.publish(post.pk) == "published"


def test_a_late_post_under_an_exception_goes_out_outside_the_window(
    p: Personas, make_post: MakePost, clock: Clock
) -> None:
    clock.current = FRIDAY_7_30PM
    post = make_post(
        p,
        account=p.main,
        author=p.head,
        scheduled_for=FRIDAY_5_30PM,
        exception=Post.Exception.URGENT_NEWS,
        exception_reason="Snow: school closed tomorrow",
    )
    Publication.objects.create(post=post, target="website")

    assert actions.publish(post.pk) == "published"


# --- Reshares (RAC-02) ---------------------------------------------------------------------


def test_a_class_post_is_reshared_onto_the_main_feed_when_the_policy_says_so(
    rackham: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    post = make_post(rackham)

    actions.queue(post)

    entries = FeedEntry.objects.filter(post=post)
    assert {(e.account, e.reshared_from) for e in entries} == {
        (rackham.oak, None),
        (rackham.main, rackham.oak),
    }


def test_the_reshare_is_not_duplicated_when_the_publish_is_retried(
    rackham: Personas, make_post: MakePost
) -> None:
    from apps.publishing.targets.website import WebsiteTarget

    post = make_post(rackham)
    key = Publication.objects.create(post=post, target="website").idempotency_key
    WebsiteTarget(rackham.oak).publish(post, key)
    WebsiteTarget(rackham.oak).publish(post, key)

    assert FeedEntry.objects.filter(post=post, reshared_from=rackham.oak).count() == 1
    assert FeedEntry.objects.filter(post=post).count() == 2


def test_a_class_post_is_not_reshared_on_a_preset_without_resharing(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    post = make_post(p)

    actions.queue(post)

    assert FeedEntry.objects.filter(post=post).count() == 1
    assert not FeedEntry.objects.filter(reshared_from__isnull=False).exists()


def test_a_main_account_post_is_never_reshared(
    rackham: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    post = make_post(rackham, account=rackham.main)

    actions.queue(post)

    assert FeedEntry.objects.filter(post=post).count() == 1


# --- Cancel, withdraw, sweep ---------------------------------------------------------------


def test_a_cancelled_post_is_not_published_when_its_task_runs(
    p: Personas, make_post: MakePost, clock: Clock, queued_tasks: None
) -> None:
    post = make_post(p, scheduled_for=clock.current + timedelta(hours=1))
    actions.queue(post)

    actions.cancel(post)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)
    clock.advance(timedelta(hours=2))

    assert actions.publish(post.pk).startswith("nothing to do")
    assert not post.publications.exists()
    assert not FeedEntry.objects.exists()


def test_withdrawing_a_published_post_takes_it_off_the_feed(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    post = make_post(p)
    actions.queue(post)

    assert actions.withdraw(post) == []

    assert FeedEntry.objects.get(post=post).removed_at is not None


def test_the_sweep_finds_due_posts_retries_and_abandoned_attempts_but_not_future_ones(
    p: Personas, make_post: MakePost, clock: Clock
) -> None:
    due = make_post(p)
    future = make_post(p, scheduled_for=clock.current + timedelta(hours=1))
    retry = make_post(p, status=Post.Status.PUBLISHING)
    Publication.objects.create(
        post=retry,
        target="website",
        status=Publication.Status.RETRYING,
        next_attempt_at=clock.current - timedelta(minutes=1),
    )
    waiting = make_post(p, status=Post.Status.PUBLISHING)
    Publication.objects.create(
        post=waiting,
        target="website",
        status=Publication.Status.RETRYING,
        next_attempt_at=clock.current + timedelta(minutes=5),
    )
    abandoned = make_post(p, status=Post.Status.PUBLISHING)
    Publication.objects.create(
        post=abandoned,
        target="website",
        status=Publication.Status.PUBLISHING,
        next_attempt_at=clock.current - timedelta(seconds=1),
    )

    assert actions.due_post_ids() == sorted([due.pk, retry.pk, abandoned.pk])
    assert future.pk and waiting.pk


def test_a_post_whose_account_has_no_targets_fails_visibly(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    p.oak.is_active = False
    p.oak.save()
    post = make_post(p)

    actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    assert actions_for(post)[-1] == "post.publish_failed"


def test_the_publish_due_command_publishes_what_the_worker_missed(
    p: Personas, make_post: MakePost, clock: Clock
) -> None:
    from io import StringIO

    from django.core.management import call_command

    post = make_post(p)
    Publication.objects.create(post=post, target="website")
    out = StringIO()

    call_command("publish_due", stdout=out)

    assert f"post {post.pk}: published" in out.getvalue()
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_deleting_a_post_a_platform_will_not_take_down_says_so_and_records_it(
    p: Personas, make_post: MakePost, inline_tasks: None, fake: FakePlatform, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.contrib.messages import get_messages

    from apps.publishing.tests.fakes import FakeTarget
    from apps.schools.testing import client_for

    post = make_post(p)
    actions.queue(post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED

    def refuse(self: FakeTarget, external_id: str) -> None:
        raise PermanentError("Fakebook refused to delete it", platform_text="Forbidden")

    monkeypatch.setattr(FakeTarget, "delete", refuse)
    response = client_for(p.teacher).post(f"/posts/{post.pk}/delete/")

    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "could not be taken down from Fakebook" in said and "delete it there yourself" in said
    assert AuditEntry.objects.filter(action="post.takedown_failed").get().data["not_removed_from"] == [
        "Fakebook"
    ]
    assert not FeedEntry.objects.filter(post=post, removed_at__isnull=True).exists()  # the website feed did

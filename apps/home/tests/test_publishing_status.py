"""The dashboard says when publishing is behind or failing, and why, to those who run the school."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.posts.models import Post
from apps.publishing.models import Publication, WorkerBeat
from apps.publishing.tasks import publish_post
from apps.schools.testing import Personas, make_personas

HOME = reverse("home")
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def p(db: Any, settings: Any) -> Personas:
    settings.TASKS = DATABASE
    return make_personas()


def home(client: Client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def late_post(p: Personas, minutes: int) -> Post:
    return Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text=f"Sports day is on Friday ({minutes}).",
        status=Post.Status.SCHEDULED,
        scheduled_for=timezone.now() - timedelta(minutes=minutes),
    )


def beat(seconds_ago: float) -> None:
    moment = timezone.now() - timedelta(seconds=seconds_ago)
    WorkerBeat.objects.create(worker_id="w1", host="school-server", pid=42, started_at=moment, beat_at=moment)


def test_nothing_is_said_when_posts_go_out_on_time(p: Personas) -> None:
    late_post(p, 1)  # within the minute or two a restart takes
    beat(2)

    assert "Publishing is" not in home(p.client_for(p.head))


def test_the_headteacher_is_told_posts_are_late_because_the_worker_is_not_running(p: Personas) -> None:
    late_post(p, 14)
    late_post(p, 5)
    beat(60 * 60)

    html = home(p.client_for(p.head))

    assert "Publishing is behind" in html
    assert "2 posts should have gone out by now and have not; the oldest was due 14 minutes ago." in html
    assert "The background service that sends posts is not running (last seen" in html


def test_the_headteacher_is_told_how_long_the_queue_is_when_the_worker_is_busy(p: Personas) -> None:
    late_post(p, 9)
    beat(3)
    for n in range(3):
        publish_post.enqueue(n + 1000)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=12))

    html = home(p.client_for(p.head))

    assert "working through 3 waiting tasks, the oldest for 12 minutes" in html


def test_a_platform_that_keeps_failing_is_named_with_its_reason_and_the_next_try(p: Personas) -> None:
    beat(2)
    post = late_post(p, 0)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHING)
    Publication.objects.create(
        post=post,
        target="mastodon",
        status=Publication.Status.RETRYING,
        attempts=2,
        last_error="Mastodon did not answer in time.",
        next_attempt_at=timezone.now() + timedelta(minutes=4),
    )

    html = home(p.client_for(p.head))

    assert "Publishing is failing for now" in html
    assert (
        "Publishing 1 post to Mastodon failed: Mastodon did not answer in time. Safepost tries again today at"
        in html
    )


@pytest.mark.parametrize("who", ["teacher", "governor", "office"])
def test_staff_who_do_not_run_the_school_are_not_shown_publishing_problems(p: Personas, who: str) -> None:
    late_post(p, 30)

    assert "Publishing is behind" not in home(p.client_for(getattr(p, who)))


def test_another_schools_late_posts_are_not_shown(p: Personas) -> None:
    other = make_personas(preset="rackham", slug="other-school")
    late_post(other, 30)
    beat(60 * 60)

    assert "Publishing is behind" not in home(p.client_for(p.head))


def crash_looping(restarts: int, last_stop_minutes_ago: float) -> None:
    now = timezone.now()
    WorkerBeat.objects.create(
        worker_id="w1-9",
        host="school-server",
        pid=43,
        started_at=now - timedelta(minutes=last_stop_minutes_ago),
        beat_at=now,
        restarts=restarts,
        last_stop="was killed (SIGKILL: often the server running out of memory)",
        last_stop_at=now - timedelta(minutes=last_stop_minutes_ago),
    )


def test_the_headteacher_is_told_publishing_is_failing_when_the_workers_process_keeps_dying(
    p: Personas,
) -> None:
    crash_looping(restarts=4, last_stop_minutes_ago=1)

    page = home(p.client_for(p.head))

    assert "Publishing is failing" in page
    assert "keeps stopping: it had to start again 4 times in the last ten minutes" in page
    assert "it was killed (SIGKILL: often the server running out of memory)" in page
    assert "check the worker" in page


def test_a_worker_whose_process_died_twice_or_has_lived_ten_minutes_since_is_not_reported(
    p: Personas,
) -> None:
    crash_looping(restarts=2, last_stop_minutes_ago=1)  # a crash or two happens
    assert "Publishing is" not in home(p.client_for(p.head))

    WorkerBeat.objects.all().delete()
    crash_looping(restarts=5, last_stop_minutes_ago=11)  # well again since
    assert "Publishing is" not in home(p.client_for(p.head))

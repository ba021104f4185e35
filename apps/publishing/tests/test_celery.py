"""Publishing on Celery with a real Redis: what a trust running ``SAFEPOST_TASKS=celery`` relies on.

The worker is Celery's own (celery.contrib.testing), run in a thread of the test process so that it
works on the test database; the tests are transactional, as the worker must see what they commit.
Its settings are the ones config/settings.py gives with ``SAFEPOST_TASKS=celery``.

Redis must answer on 127.0.0.1:6379: scripts/ensure-redis.sh starts it, and so does this module
when redis-server is installed. The tests use a Redis database of their own
(``SAFEPOST_TEST_REDIS_URL``, default database 13), emptied before and after each test.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import runpy
import shutil
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, NoReturn
from unittest import mock
from urllib.parse import urlsplit

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.tasks import Task, TaskResult, TaskResultStatus
from django.tasks.signals import task_finished
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

import config.settings
from apps.audit.models import AuditEntry
from apps.posts.models import Post
from apps.publishing import actions
from apps.publishing.models import FeedEntry, Publication
from apps.publishing.tasks import publish_due, publish_post
from apps.publishing.tests.conftest import DATABASE, Clock
from apps.schools.testing import Personas

pytestmark = [
    pytest.mark.celery,
    pytest.mark.django_db(transaction=True),
    # Celery's Redis result backend calls a method redis-py 8 deprecates; nothing for us to change.
    pytest.mark.filterwarnings("ignore:Call to deprecated setex:DeprecationWarning"),
]

MakePost = Callable[..., Post]


def _worker_database(url: str) -> str:
    """One Redis database per pytest-xdist worker (gw0 uses the given one, gw1 the next...)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    base, _, number = url.rpartition("/")
    if not number.isdigit() or not worker.isdigit():
        return url
    return f"{base}/{(int(number) + int(worker)) % 16}"


REDIS_URL = _worker_database(os.environ.get("SAFEPOST_TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
BASE_DIR = Path(config.settings.__file__).resolve().parent.parent
#: How a test starts Redis when it is installed but not running (as scripts/ensure-redis.sh does).
START_REDIS = (
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
)
#: How long to wait for the worker before a test fails.
TIMEOUT = 30.0


def celery_settings(**env: str) -> dict[str, Any]:
    """The tasks and CELERY_ settings config/settings.py gives with SAFEPOST_TASKS=celery and ``env``."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    environ.update(SAFEPOST_TASKS="celery", **env)
    with mock.patch.dict(os.environ, environ, clear=True):
        namespace = runpy.run_path(config.settings.__file__)
    return {k: v for k, v in namespace.items() if k.startswith("CELERY_") or k == "TASKS"}


# --- Redis, the Celery app and its worker ----------------------------------------------------------


def _answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


def _no_redis(why: str) -> NoReturn:
    message = (
        f"!!! NO REDIS: the Celery tests did NOT run. {why} Install redis-server or run "
        "scripts/ensure-redis.sh (or set SAFEPOST_TEST_REDIS_URL). !!!"
    )
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="module")
def redis_client() -> Iterator[redis.Redis]:
    """The tests' own Redis database, on a server started here if need be."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
    if not _answers(client):
        where = urlsplit(REDIS_URL)
        if (where.hostname, where.port or 6379) != ("127.0.0.1", 6379):
            _no_redis(f"Nothing answers at {REDIS_URL}.")
        server = shutil.which("redis-server")
        if server is None:
            _no_redis("Nothing answers on 127.0.0.1:6379 and redis-server is not installed.")
        subprocess.run(
            [server, *START_REDIS],
            check=False,
            capture_output=True,
            timeout=30,
        )
        deadline = time.monotonic() + 10
        while not _answers(client) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not _answers(client):
            _no_redis("redis-server was started but does not answer on 127.0.0.1:6379.")
    yield client
    client.flushdb()
    client.close()


@pytest.fixture(scope="module")
def celery_app(redis_client: redis.Redis) -> Iterator[Celery]:
    """config.celery's app, with the settings of SAFEPOST_TASKS=celery pointing at the tests' Redis."""
    from config.celery import app

    with override_settings(**celery_settings(CELERY_BROKER_URL=REDIS_URL)):
        # The app reads Django's settings when first used: read them again, now they are these.
        app.config_from_object("django.conf:settings", namespace="CELERY", force=True)
        # A worker runs only the tasks it knows when it starts. A real worker's autodiscovery
        # imports each tasks.py under these settings, which registers its tasks with Celery; here
        # tasks.py was imported long ago under the database backend, so register them now.
        for task in (publish_post, publish_due):
            task.get_backend().validate_task(task)
        try:
            yield app
        finally:
            app.close()


@pytest.fixture
def redis_db(redis_client: redis.Redis) -> Iterator[redis.Redis]:
    """The tests' Redis database, empty."""
    redis_client.flushdb()
    yield redis_client
    redis_client.flushdb()


@contextmanager
def running_worker(app: Celery) -> Iterator[None]:
    """A Celery worker in a thread: two at once on PostgreSQL, as several workers would run.

    SQLite's in-memory test database allows one writer at a time between threads, so there it
    runs one task at a time.
    """
    pool, concurrency = ("threads", 2) if connection.vendor == "postgresql" else ("solo", 1)
    with start_worker(
        app, pool=pool, concurrency=concurrency, perform_ping_check=False, shutdown_timeout=TIMEOUT
    ):
        yield


@pytest.fixture
def worker(celery_app: Celery, redis_db: redis.Redis) -> Iterator[None]:
    with running_worker(celery_app):
        yield


class Finished:
    """The Django tasks the worker finished (django-tasks-celery sends ``task_finished``)."""

    def __init__(self) -> None:
        self.results: list[TaskResult[..., Any]] = []
        self.changed = threading.Condition()

    def receive(self, sender: Any, task_result: TaskResult[..., Any], **kwargs: Any) -> None:
        with self.changed:
            self.results.append(task_result)
            self.changed.notify_all()

    def of(self, task: Task[..., Any]) -> list[TaskResult[..., Any]]:
        with self.changed:
            return [r for r in self.results if r.task.module_path == task.module_path]

    def wait(self, task: Task[..., Any], count: int = 1) -> list[TaskResult[..., Any]]:
        """The first ``count`` runs of ``task``, once the worker has finished them."""
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.of(task)) >= count, timeout=TIMEOUT):
                pytest.fail(f"the worker finished {len(self.of(task))} of {count} {task.name} in {TIMEOUT}s")
        return self.of(task)[:count]


@pytest.fixture
def finished() -> Iterator[Finished]:
    collector = Finished()
    task_finished.connect(collector.receive, weak=False)
    yield collector
    task_finished.disconnect(collector.receive)


def stored_result(task: Task[..., Any], result_id: str) -> TaskResult[..., Any]:
    """The task's result as anyone reads it back from the result backend (Redis), once final.

    Until the worker has stored the result, Celery reports it PENDING with no task name, and
    django-tasks-celery hands back a result whose task is None, which ``Task.get_result`` cannot
    compare (an AttributeError, seen once in a full run): so the backend is read directly and the
    task compared once the result is there.
    """
    deadline = time.monotonic() + TIMEOUT
    backend = task.get_backend()
    while True:
        result = backend.get_result(result_id)
        if (result.task is not None and result.is_finished) or time.monotonic() > deadline:
            assert result.task is not None, f"no result stored for {result_id} in {TIMEOUT}s"
            assert result.task.func == task.func
            return result
        time.sleep(0.05)


def published_actions(post: Post) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="post", object_id=str(post.pk), action="post.published")
        .order_by("seq")
        .values_list("action", flat=True)
    )


# --- Publishing through Redis and the worker -------------------------------------------------------


def test_a_due_post_goes_through_redis_and_the_worker_onto_the_public_feed(
    p: Personas, make_post: MakePost, worker: None, finished: Finished
) -> None:
    post = make_post(p)

    actions.queue(post)

    [run] = finished.wait(publish_post)
    assert run.status == TaskResultStatus.SUCCESSFUL
    assert run.return_value == "published"
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert FeedEntry.objects.filter(post=post).count() == 1
    assert published_actions(post) == ["post.published"]
    page = Client().get(reverse("public:feed", args=[p.school.slug]))
    assert post.text in page.content.decode()
    stored = stored_result(publish_post, run.id)
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert stored.return_value == "published"


def test_a_publish_delivered_twice_puts_the_post_on_the_feed_exactly_once(
    p: Personas, make_post: MakePost, worker: None, finished: Finished
) -> None:
    post = make_post(p)

    actions.queue(post)
    publish_post.enqueue(post.pk)  # the same publish again: the sweep, or Redis redelivering it

    runs = finished.wait(publish_post, count=2)
    assert [run.status for run in runs] == [TaskResultStatus.SUCCESSFUL] * 2
    assert "published" in [run.return_value for run in runs]
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert FeedEntry.objects.filter(post=post).count() == 1
    assert post.publications.get().attempts == 1
    assert published_actions(post) == ["post.published"]
    page = Client().get(reverse("public:feed", args=[p.school.slug])).content.decode()
    assert page.count(post.text) == 1


def test_a_post_scheduled_inside_a_transaction_reaches_the_worker_only_once_it_is_committed(
    p: Personas, make_post: MakePost, clock: Clock, worker: None, finished: Finished
) -> None:
    # As approving does: the post becomes SCHEDULED and is queued in one transaction, which
    # goes on a little (audit entries...) before it commits.
    post = make_post(p, status=Post.Status.PENDING, scheduled_for=None)
    with transaction.atomic():
        Post.objects.filter(pk=post.pk).update(status=Post.Status.SCHEDULED, scheduled_for=clock.current)
        post.refresh_from_db()
        actions.queue(post)
        time.sleep(1)
        assert not finished.of(publish_post)

    [run] = finished.wait(publish_post)
    assert run.return_value == "published"
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_nothing_is_sent_when_the_transaction_that_queued_a_post_is_rolled_back(
    p: Personas, make_post: MakePost, celery_app: Celery, redis_db: redis.Redis
) -> None:
    post = make_post(p)

    with transaction.atomic():
        actions.queue(post)
        transaction.set_rollback(True)

    assert redis_db.llen("safepost") == 0
    assert not Publication.objects.filter(post=post).exists()


# --- Scheduled posts: Celery's ETA -------------------------------------------------------------------


def queued_messages(client: redis.Redis) -> list[dict[str, Any]]:
    """The task messages waiting in Redis on Safepost's queue, body decoded."""
    messages = []
    for raw in client.lrange("safepost", 0, -1):
        message = json.loads(raw)
        message["body"] = json.loads(base64.b64decode(message["body"]))
        messages.append(message)
    return messages


def test_a_post_scheduled_for_later_goes_to_redis_with_its_time_as_the_eta(
    p: Personas, make_post: MakePost, clock: Clock, celery_app: Celery, redis_db: redis.Redis
) -> None:
    assert publish_post.get_backend().supports_defer  # so actions.enqueue_publish sets run_after
    later = clock.current + timedelta(hours=3)
    post = make_post(p, scheduled_for=later)

    actions.queue(post)

    [message] = queued_messages(redis_db)
    assert message["headers"]["task"] == "apps.publishing.tasks.publish_post"
    assert message["headers"]["eta"] == later.isoformat()
    assert message["body"][0] == [post.pk]


def test_the_worker_keeps_a_deferred_publish_until_its_time_then_publishes_it(
    p: Personas, make_post: MakePost, worker: None, finished: Finished
) -> None:
    post = make_post(p)
    Publication.objects.create(post=post, target="website")
    due = timezone.now() + timedelta(seconds=3)

    publish_post.using(run_after=due).enqueue(post.pk)  # as actions.enqueue_publish does

    time.sleep(1)
    assert not finished.of(publish_post)
    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED
    [run] = finished.wait(publish_post)
    assert run.started_at is not None and run.started_at >= due
    assert run.return_value == "published"
    assert FeedEntry.objects.filter(post=post).count() == 1


# --- The sweep (celery beat) -------------------------------------------------------------------------


def test_the_sweep_beat_sends_publishes_a_post_whose_message_was_lost(
    p: Personas,
    make_post: MakePost,
    clock: Clock,
    celery_app: Celery,
    redis_db: redis.Redis,
    finished: Finished,
) -> None:
    post = make_post(p)
    actions.queue(post)
    redis_db.flushdb()  # the message is lost (e.g. Redis restarted without saving)

    with running_worker(celery_app):
        sweep: dict[str, Any] = settings.CELERY_BEAT_SCHEDULE["publish-due"]
        celery_app.send_task(sweep["task"])  # what beat sends
        [first] = finished.wait(publish_due)
        # Redis cannot say the message is gone: it is trusted for a while, then sent again.
        clock.advance(actions.REQUEUE_AFTER + timedelta(seconds=1))
        celery_app.send_task(sweep["task"])
        [_, second] = finished.wait(publish_due, count=2)
        [run] = finished.wait(publish_post)

    assert sweep["schedule"] <= 15
    assert first.return_value == 0
    assert second.return_value == 1
    assert run.return_value == "published"
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


# --- Configuration -----------------------------------------------------------------------------------


def test_settings_for_celery_need_a_broker_url() -> None:
    with pytest.raises(ImproperlyConfigured, match="SAFEPOST_TASKS=celery needs CELERY_BROKER_URL"):
        celery_settings()


def test_settings_for_celery_keep_results_in_the_broker_unless_told_otherwise() -> None:
    assert celery_settings(CELERY_BROKER_URL=REDIS_URL)["CELERY_RESULT_BACKEND"] == REDIS_URL
    other = "redis://127.0.0.1:6379/12"
    told = celery_settings(CELERY_BROKER_URL=REDIS_URL, CELERY_RESULT_BACKEND=other)
    assert told["CELERY_RESULT_BACKEND"] == other


def test_a_worker_started_without_safepost_tasks_celery_refuses_to_start(settings: Any) -> None:
    from config.celery import refuse_to_start_without_celery_tasks

    settings.TASKS = DATABASE

    with pytest.raises(SystemExit, match="SAFEPOST_TASKS=celery"):
        refuse_to_start_without_celery_tasks()


def run_python(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("SAFEPOST_TASKS", "PYTEST_XDIST_WORKER")}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environ, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_database_backend_never_imports_celery() -> None:
    code = "import sys, django; django.setup(); import apps.publishing.tasks; print('celery' in sys.modules)"
    assert run_python(code) == "False"


def test_celery_a_config_finds_the_app_and_registers_every_publishing_task() -> None:
    # What `celery -A config worker` does before it starts: find the app, import the tasks.
    code = (
        "from celery.app.utils import find_app; app = find_app('config'); "
        "app.loader.import_default_modules(); "
        "print(app.main, sorted(name for name in app.tasks if name.startswith('apps.')))"
    )
    output = run_python(code, SAFEPOST_TASKS="celery", CELERY_BROKER_URL=REDIS_URL, CELERY_SKIP_CHECKS="1")
    name, _, tasks = output.partition(" ")
    assert name == "safepost"
    assert {
        "apps.publishing.tasks.publish_due",
        "apps.publishing.tasks.publish_post",
        "apps.posts.tasks.clean_up_photos",
        "apps.posts.tasks.expire_photos",
    } <= set(ast.literal_eval(tasks))

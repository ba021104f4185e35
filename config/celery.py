"""The Celery app that runs Safepost's background tasks when ``SAFEPOST_TASKS=celery``.

Run workers with the web app's environment (``SAFEPOST_TASKS=celery``, ``CELERY_BROKER_URL``,
``DATABASE_URL``...)::

    celery -A config worker -l info      # as many as needed, on any machine
    celery -A config beat -l info        # exactly one: the publishing sweep, every minute

Configuration comes from Django's settings, the ``CELERY_`` ones (config/settings.py). Every app's
``tasks.py`` is autodiscovered; importing it registers its Django ``@task`` functions with Celery
(django-tasks-celery does that when it validates a task), under their module path, e.g.
``apps.publishing.tasks.publish_post``.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from functools import partial
from typing import Any

import django_tasks_celery
from celery import Celery, signals
from django.db import transaction
from django.tasks.base import Task, TaskResult, TaskResultStatus
from django.tasks.signals import task_enqueued
from django_tasks_celery.register import ensure_celery_task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("safepost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class CeleryBackend(django_tasks_celery.CeleryBackend):
    """django-tasks-celery's backend, sending each task only once its transaction has committed.

    django-tasks-db writes a task in the same transaction as the change that asked for it, so its
    worker never sees the task without the change. A Celery message reaches Redis at once, and a
    worker could run it before the commit: e.g. publish a post it still sees as not yet SCHEDULED,
    and do nothing. So inside a transaction the message is sent when it commits (nothing is sent
    if it rolls back); if Redis is unreachable then, the error is logged, the change stands and the
    publishing sweep sends the post once Redis is back. Outside a transaction it is sent at once
    and errors are raised, as upstream.
    """

    def enqueue[**P, R](self, task: Task[P, R], args: list[Any], kwargs: dict[str, Any]) -> TaskResult[P, R]:
        self.validate_task(task)
        celery_app = self._get_celery_app()
        ensure_celery_task(task, celery_app, self)
        result_id = str(uuid.uuid4())
        send = partial(
            celery_app.tasks[task.module_path].apply_async,
            args=list(args),
            kwargs=dict(kwargs),
            task_id=result_id,
            **self._build_send_options(task),
        )
        transaction.on_commit(send, robust=transaction.get_connection().in_atomic_block)
        task_result = TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=datetime.now(UTC),
            started_at=None,
            finished_at=None,
            last_attempted_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_enqueued.send(sender=type(self), task_result=task_result)
        return task_result


@signals.worker_init.connect
@signals.beat_init.connect
def refuse_to_start_without_celery_tasks(sender: Any = None, **kwargs: Any) -> None:
    """Stop a worker (or beat) started without ``SAFEPOST_TASKS=celery``.

    Its settings would register no task with Celery while the web app queues its work in the
    database, where Celery never looks: nothing would be published, silently. (SystemExit, as
    Celery logs and ignores any other exception raised by a signal handler.)
    """
    if sender is not None and getattr(sender, "app", app) is not app:
        return
    from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    used = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if not isinstance(used, django_tasks_celery.CeleryBackend):
        backend = f"{type(used).__module__}.{type(used).__qualname__}"
        raise SystemExit(
            f"Safepost: Celery would have nothing to run, because Safepost's tasks go to {backend}. "
            "Start the Celery worker and beat with the web app's settings, including "
            "SAFEPOST_TASKS=celery and CELERY_BROKER_URL."
        )


@signals.worker_init.connect
def warm_up_before_the_pool_starts(sender: Any = None, **kwargs: Any) -> None:
    """Load what a publish needs once, in the worker's main process: the pool's processes are forked
    from it, so one started again after a crash takes tasks at once (apps/publishing/warmup.py)."""
    if sender is not None and getattr(sender, "app", app) is not app:
        return
    # Imported here: this module is loaded before Django's apps are (celery -A config).
    from apps.publishing.warmup import warm_up

    warm_up()

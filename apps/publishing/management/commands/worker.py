"""``manage.py worker``: django-tasks-db's ``db_worker`` that beats, sweeps and starts fast.

* It writes a heartbeat (:class:`~apps.publishing.models.WorkerBeat`) every few seconds, so a task
  it leaves "running" when it is killed is reaped within half a minute, and the dashboard can say
  when no worker is running.
* It runs the publishing sweep itself (``--sweep-every``, 15 seconds by default): posts a dead
  worker left unfinished go out again within seconds, with no separate ``publish_due`` process.
* It skips Django's system checks (the web server runs them): a worker restarted after a crash
  is taking tasks again in about a second.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from argparse import ArgumentParser
from typing import Any

from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from apps.posts.photos import retention_sweep
from apps.publishing import actions
from apps.publishing.models import WorkerBeat

log = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run the background worker: publishes posts and runs the other tasks, sweeps for posts "
        "left unfinished, and reports that it is alive."
    )
    # The web server checks the project; a worker that restarts after a crash should not wait.
    requires_system_checks = ()

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-every",
            type=float,
            default=15.0,
            metavar="SECONDS",
            help="Sweep for posts left unfinished every SECONDS (0: never; default 15).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id: str = options["worker_id"]
        stop = threading.Event()
        _beat(worker_id, started=True)  # before the first task, so its tasks are never "unknown"
        threads = [threading.Thread(target=_beating, args=(worker_id, stop), name="heartbeat", daemon=True)]
        every = float(options.pop("sweep_every"))
        if every > 0:
            threads.append(threading.Thread(target=_sweeping, args=(every, stop), name="sweep", daemon=True))
        for thread in threads:
            thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            WorkerBeat.objects.filter(worker_id=worker_id).delete()


def _beat(worker_id: str, started: bool = False) -> None:
    current = timezone.now()
    defaults = {"host": socket.gethostname()[:255], "pid": os.getpid(), "beat_at": current}
    if started:
        defaults["started_at"] = current
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id, defaults=defaults, create_defaults={**defaults, "started_at": current}
    )


def _beating(worker_id: str, stop: threading.Event) -> None:
    try:
        while not stop.wait(actions.HEARTBEAT.total_seconds()):
            try:
                _beat(worker_id)
            except DatabaseError:
                log.warning("could not write the worker's heartbeat", exc_info=True)
    finally:
        connection.close()


def _sweeping(every: float, stop: threading.Event) -> None:
    try:
        while True:
            close_old_connections()
            try:
                actions.send_due()
                actions.reap_stale_tasks()
            except DatabaseError:
                log.warning("the publishing sweep could not run this time", exc_info=True)
            try:
                retention_sweep()
            except Exception:  # photo retention must never stop publishing
                log.exception("photo retention failed; publishing goes on")
            if stop.wait(every):
                return
    finally:
        connection.close()

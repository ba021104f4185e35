"""``manage.py worker``: django-tasks-db's ``db_worker`` that beats, sweeps, and recovers in milliseconds.

* Tasks run in a child process; this process loads everything a publish needs once
  (:mod:`apps.publishing.warmup`) and, when the child dies (killed, out of memory), starts a new
  one at once: a fork, already warm, taking tasks within milliseconds. SIGTERM or Ctrl-C stop the
  child gracefully (it finishes its task) and then this process.
* The child writes a heartbeat (:class:`~apps.publishing.models.WorkerBeat`) every few seconds, so
  a task it leaves "running" when it is killed is reaped within half a minute, and the dashboard
  can say when no worker is running.
* It runs the publishing sweep itself (``--sweep-every``, 15 seconds by default): posts a dead
  worker left unfinished go out again within seconds, with no separate ``publish_due`` process.
* It skips Django's system checks (the web server runs them).
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import sys
import threading
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.db import DatabaseError, close_old_connections, connection, connections
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from apps.posts.retention import retention_sweep
from apps.publishing import actions
from apps.publishing.models import WorkerBeat
from apps.publishing.warmup import warm_up

log = logging.getLogger(__name__)

#: A child that exits with an error sooner than this after it started waits a moment before the
#: next (so a worker that cannot start at all, e.g. with the database down, does not spin).
_QUICK_DEATH = 1.0


class Command(db_worker.Command):
    help = (
        "Run the background worker: publishes posts and runs the other tasks, sweeps for posts "
        "left unfinished, reports that it is alive, and starts again at once if it dies."
    )
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
        parser.add_argument(
            "--no-supervise",
            action="store_false",
            dest="supervise",
            help="Run the tasks in this process (no child process started again when it dies).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options.pop("supervise") and not options["batch"] and not options["reload"]:
            self._supervise(args, options)
        else:
            self._work(args, options)

    def _work(self, args: tuple[Any, ...], options: dict[str, Any]) -> None:
        worker_id: str = options["worker_id"]
        every = float(options.pop("sweep_every"))
        stop = threading.Event()
        _beat(worker_id)  # before the first task, so a task it leaves running is never "unknown"
        threads = [threading.Thread(target=_beating, args=(worker_id, stop), name="heartbeat", daemon=True)]
        if every > 0:
            threads.append(threading.Thread(target=_sweeping, args=(every, stop), name="sweep", daemon=True))
        for thread in threads:
            thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            WorkerBeat.objects.filter(worker_id=worker_id).delete()

    def _supervise(self, args: tuple[Any, ...], options: dict[str, Any]) -> None:
        self.configure_logging(options["verbosity"])
        warm_up()
        connections.close_all()  # a child opens its own
        stopping: list[int] = []
        child = 0

        def forward(signum: int, frame: FrameType | None) -> None:
            stopping.append(signum)
            if child:
                os.kill(child, signum)

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, forward)
        base = options["worker_id"][:48]
        number = 0
        while not stopping:
            number += 1
            child = os.fork()
            if child == 0:
                _child(self, args, {**options, "worker_id": f"{base}-{number}"})
            started = time.monotonic()
            _, status = os.waitpid(child, 0)
            if stopping or (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
                return
            how = (
                f"was killed by {signal.Signals(os.WTERMSIG(status)).name}"
                if os.WIFSIGNALED(status)
                else f"stopped with status {os.WEXITSTATUS(status)}"
            )
            log.warning("the worker process %s %s; starting a new one", child, how)
            if os.WIFEXITED(status) and time.monotonic() - started < _QUICK_DEATH:
                time.sleep(_QUICK_DEATH)  # it could not start (a killed one is started again at once)


def _child(command: Command, args: tuple[Any, ...], options: dict[str, Any]) -> None:
    """The task process: never returns (a fork must not run its parent's code on)."""
    code = 0
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        _stop_with_parent()
        command._work(args, options)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        log.exception("the worker process failed")
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _stop_with_parent() -> None:
    """Ask Linux to send this process SIGTERM if its supervisor dies (elsewhere: nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the supervisor died before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def _beat(worker_id: str) -> None:
    current = timezone.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": current},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": current,
            "beat_at": current,
        },
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

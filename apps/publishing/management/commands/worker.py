"""``manage.py worker``: django-tasks-db's ``db_worker`` that beats, sweeps, and recovers in milliseconds.

* Tasks run in child processes (``--processes``, one by default); this process loads everything a
  publish needs once (:mod:`apps.publishing.warmup`) and, when a child dies (killed, out of
  memory), starts a new one at once: a fork, already warm, taking tasks within milliseconds.
  SIGTERM or Ctrl-C stop the children gracefully (each finishes its task) and then this process.
* A child that dies is known to be dead at once, so nothing waits for its lease to run out: the
  new child marks its predecessor's task failed, frees the publication it had claimed (kept in
  memory shared with this process, :class:`Slot`) and sweeps, so the post goes out again within
  a second.
* Each child writes a heartbeat (:class:`~apps.publishing.models.WorkerBeat`) every few seconds,
  so a task left "running" by a worker killed whole (machine restarted) is reaped within half a
  minute, and the dashboard can say when no worker is running, or that it keeps crashing and why
  (the beat carries how many children were started again lately and why the last one stopped).
* It runs the publishing sweep itself (``--sweep-every``, 15 seconds by default, sooner when a
  claimed attempt's lease or a retry falls due before then): posts a dead worker left unfinished
  go out again within seconds, with no separate ``publish_due`` process.
* It skips Django's system checks (the web server runs them).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import mmap
import os
import signal
import socket
import struct
import sys
import threading
import time
from argparse import ArgumentParser
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from django.db import DatabaseError, close_old_connections, connection, connections
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from apps.posts.models import Post
from apps.posts.retention import retention_sweep
from apps.publishing import actions
from apps.publishing.health import RESTARTS_WINDOW
from apps.publishing.models import Publication, WorkerBeat
from apps.publishing.warmup import warm_up

log = logging.getLogger(__name__)

#: A child that exits with an error sooner than this after it started waits a moment before the
#: next (so a worker that cannot start at all, e.g. with the database down, does not spin).
_QUICK_DEATH = 1.0
#: The sweep never waits less than this between runs, however soon something falls due.
_SOONEST_SWEEP = 0.5


class Slot:
    """Memory a child shares with its supervisor: the claim it holds and why it failed.

    An anonymous shared mapping made before the fork, so the supervisor can read it after the
    child was killed. The claim is written with a check value: a write torn by the kill reads
    as no claim (the lease then frees it, as for a worker killed whole).
    """

    _CLAIM = struct.Struct("<qqq")
    _MAGIC = 0x5AFE_9057
    _TEXT = 400

    def __init__(self) -> None:
        self._memory = mmap.mmap(-1, self._CLAIM.size + 2 + self._TEXT)

    def clear(self) -> None:
        self._memory[:] = bytes(len(self._memory))

    def claimed(self, publication_id: int, attempts: int) -> None:
        self._memory[: self._CLAIM.size] = self._CLAIM.pack(
            publication_id, attempts, publication_id ^ attempts ^ self._MAGIC
        )

    def claim(self) -> tuple[int, int] | None:
        publication_id, attempts, check = self._CLAIM.unpack(self._memory[: self._CLAIM.size])
        if publication_id <= 0 or check != publication_id ^ attempts ^ self._MAGIC:
            return None
        return publication_id, attempts

    def failed(self, why: str) -> None:
        data = why.encode("utf-8", "replace")[: self._TEXT]
        start = self._CLAIM.size
        self._memory[start : start + 2] = len(data).to_bytes(2, "little")
        self._memory[start + 2 : start + 2 + len(data)] = data

    def failure(self) -> str:
        start = self._CLAIM.size
        size = min(int.from_bytes(self._memory[start : start + 2], "little"), self._TEXT)
        return self._memory[start + 2 : start + 2 + size].decode("utf-8", "replace")


@dataclass(frozen=True)
class Recovery:
    """What a new child is told about the one it replaces."""

    dead: str = ""  # the dead child's worker id
    claim: tuple[int, int] | None = None  # the Publication it held (id, attempt number)
    restarts: int = 0  # children started again within RESTARTS_WINDOW, this one included
    why: str = ""  # why the dead one stopped, in words
    at: datetime | None = None


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
            "--processes",
            type=int,
            default=1,
            metavar="N",
            help="Run tasks in N processes at once (default 1).",
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
            options.pop("processes")
            self._work(args, options)

    def _work(self, args: tuple[Any, ...], options: dict[str, Any], recovery: Recovery | None = None) -> None:
        worker_id: str = options["worker_id"]
        every = float(options.pop("sweep_every"))
        stop = threading.Event()
        threads = [threading.Thread(target=_beating, args=(worker_id, stop), name="heartbeat", daemon=True)]
        if every > 0:
            threads.append(threading.Thread(target=_sweeping, args=(every, stop), name="sweep", daemon=True))
        stopped = False
        # Asked to stop before db_worker has set its own handlers (it does so as it starts): stop cleanly
        # all the same, so the heartbeat written below is taken away and not left saying it is here.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _stop_before_work)
        try:
            _beat(
                worker_id, recovery
            )  # before the first task, so a task it leaves running is never "unknown"
            if recovery is not None and recovery.dead:
                _recover(recovery)
            for thread in threads:
                thread.start()
            super().handle(*args, **options)
            stopped = True
        except SystemExit as exc:  # db_worker's way of stopping when asked
            stopped = not exc.code
            raise
        finally:
            stop.set()
            # a beat being written as the worker stops would write the row again after it is deleted
            if threads[0].is_alive():
                threads[0].join(timeout=10)
            if stopped:  # it says it is gone (one that failed stays, for the dashboard to report)
                WorkerBeat.objects.filter(worker_id=worker_id).delete()

    def _supervise(self, args: tuple[Any, ...], options: dict[str, Any]) -> None:
        self.configure_logging(options["verbosity"])
        processes = max(1, int(options.pop("processes")))
        warm_up()
        connections.close_all()  # a child opens its own
        stopping: list[int] = []
        children: dict[int, tuple[Slot, str, float]] = {}
        deaths: deque[float] = deque()

        def forward(signum: int, frame: FrameType | None) -> None:
            stopping.append(signum)
            for pid in list(children):
                _signal(pid, signum)

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, forward)
        base = options["worker_id"][:48]
        number = 0

        def start(slot: Slot, recovery: Recovery) -> None:
            nonlocal number
            number += 1
            worker_id = f"{base}-{number}"
            slot.clear()
            # No signal handler of this process may run in the child before it sets its own.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            pid = os.fork()
            if pid == 0:
                # One started again after a crash starts at once (no herd of workers to spread out).
                startup_delay = options["startup_delay"] and not recovery.dead
                child_options = {**options, "worker_id": worker_id, "startup_delay": startup_delay}
                _child(self, args, child_options, slot, recovery, blocked)
            children[pid] = (slot, worker_id, time.monotonic())
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            if stopping:  # asked to stop while it was being started
                _signal(pid, stopping[0])

        for _ in range(processes):
            start(Slot(), Recovery())
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                return
            if pid not in children:
                continue
            slot, worker_id, started = children.pop(pid)
            if stopping or (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
                continue  # stopped as asked, or finished (--max-tasks)
            why = _why(status, slot.failure())
            log.warning("the worker process %s %s; starting a new one", pid, why)
            current = time.monotonic()
            deaths.append(current)
            while deaths[0] < current - RESTARTS_WINDOW.total_seconds():
                deaths.popleft()
            recovery = Recovery(worker_id, slot.claim(), len(deaths), why, timezone.now())
            if os.WIFEXITED(status) and current - started < _QUICK_DEATH:
                time.sleep(_QUICK_DEATH)  # it could not start (a killed one is started again at once)
            if not stopping:
                start(slot, recovery)


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _why(status: int, failure: str) -> str:
    """Why a child stopped, in words a headteacher's technician can act on."""
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        if os.WTERMSIG(status) == signal.SIGKILL:
            return f"was killed ({name}: often the server running out of memory)"
        return f"was stopped by {name}"
    if failure:
        return f"stopped with an error: {failure}"
    return f"stopped with status {os.WEXITSTATUS(status)}"


def _child(
    command: Command,
    args: tuple[Any, ...],
    options: dict[str, Any],
    slot: Slot,
    recovery: Recovery,
    blocked: set[int | signal.Signals],
) -> None:
    """The task process: never returns (a fork must not run its parent's code on)."""
    code = 0
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):  # until db_worker sets its own
            signal.signal(signum, _stop_now)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        _stop_with_parent()
        actions.on_claim = slot.claimed
        command._work(args, options, recovery)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:
        log.exception("the worker process failed")
        slot.failed(f"{type(exc).__name__}: {exc}")
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _stop_now(signum: int, frame: FrameType | None) -> None:
    """Asked to stop before taking a task: stop cleanly (its heartbeat removed)."""
    raise SystemExit(0)


def _stop_with_parent() -> None:
    """Ask Linux to send this process SIGTERM if its supervisor dies (elsewhere: nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the supervisor died before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def _recover(recovery: Recovery) -> None:
    """Take over at once what the dead child left: its task, its claim, its post.

    The child is known to be dead (its supervisor saw it go), so nothing waits for its heartbeat or
    its lease to run out. Only its own claim is freed (the exact attempt it made), never another
    worker's; anything else it left is found by the sweep that follows.
    """
    try:
        gone = actions.now() - actions.WORKER_GONE_AFTER - timedelta(seconds=1)
        WorkerBeat.objects.filter(worker_id=recovery.dead).update(beat_at=gone)
        actions.reap_stale_tasks()
        WorkerBeat.objects.filter(worker_id=recovery.dead).delete()
        if recovery.claim is not None:
            publication_id, attempts = recovery.claim
            Publication.objects.filter(
                pk=publication_id, status=Publication.Status.PUBLISHING, attempts=attempts
            ).update(next_attempt_at=actions.now())
        actions.send_due()  # before the first look at the queue, so the post is in it
    except DatabaseError:  # the lease and the reaper get there in half a minute
        log.warning("could not take over at once what the stopped worker process left", exc_info=True)


def _stop_before_work(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGINT before the task loop has started: leave as a clean stop."""
    raise SystemExit(0)


def _beat(worker_id: str, recovery: Recovery | None = None) -> None:
    current = timezone.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": current},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": current,
            "beat_at": current,
            "restarts": recovery.restarts if recovery else 0,
            "last_stop": recovery.why[:300] if recovery else "",
            "last_stop_at": recovery.at if recovery else None,
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
            wait = every
            try:
                actions.send_due()
                actions.reap_stale_tasks()
                wait = _until_next_due(every)
            except DatabaseError:
                log.warning("the publishing sweep could not run this time", exc_info=True)
            try:
                retention_sweep()
            except Exception:  # photo retention must never stop publishing
                log.exception("photo retention failed; publishing goes on")
            if stop.wait(wait):
                return
    finally:
        connection.close()


def _until_next_due(every: float) -> float:
    """Seconds until the next sweep: ``every``, or sooner when a lease or a retry falls due first.

    A worker killed whole leaves its claim to run out; the sweep then is there when it does,
    rather than up to ``every`` seconds later.
    """
    current = actions.now()
    soonest = Publication.objects.filter(
        post__status__in=(Post.Status.PUBLISHING, Post.Status.FAILED),
        status__in=(
            Publication.Status.PENDING,
            Publication.Status.RETRYING,
            Publication.Status.PUBLISHING,
        ),
        next_attempt_at__gt=current,
    ).aggregate(at=Min("next_attempt_at"))["at"]
    if soonest is None:
        return every
    return max(_SOONEST_SWEEP, min(every, (soonest - current).total_seconds() + 0.1))

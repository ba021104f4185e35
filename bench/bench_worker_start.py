"""How soon a worker publishes after it (re)starts: django-tasks-db's db_worker against manage.py worker.

Usage: .venv/bin/python bench/bench_worker_start.py [--runs 5]

A throw-away SQLite database with a school whose main account publishes to its website feed. For
each run a post is queued, then the worker is started (or, for the restart case, its task process
is SIGKILLed), and the time until the post is PUBLISHED is taken (polling every 10 ms), along with
the time until the worker said it was taking tasks ("Starting worker" in its log):

* ``db_worker``: django-tasks-db's own command (system checks, cold imports, cold first task);
* ``worker, cold``: ``manage.py worker`` started from nothing (no checks; it warms up first);
* ``worker, task process killed``: the running worker's task process is SIGKILLed; its supervisor
  starts another from its warm state.

Prints the median and best of each. Nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="safepost-worker-start-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SAFEPOST_", "CELERY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SAFEPOST_VAR_DIR=str(workdir),
        SAFEPOST_TASKS="db",
        SAFEPOST_LOG_LEVEL="INFO",
        SAFEPOST_CACHE_DIR=os.environ.get("SAFEPOST_CACHE_DIR")
        or str(Path(tempfile.gettempdir()) / "safepost-crash-cache"),
        PYTHONUNBUFFERED="1",
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from apps.posts.models import Post
    from apps.publishing import actions
    from apps.schools.testing import make_personas

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    school = make_personas(slug="start")

    def queued_post() -> int:
        post = Post.objects.create(
            school=school.school,
            account=school.main,
            author=school.head,
            text="The school fair starts at noon on Saturday.",
            status=Post.Status.SCHEDULED,
            scheduled_for=timezone.now(),
            exception=Post.Exception.URGENT_NEWS,
            exception_reason="Benchmark",
        )
        actions.queue(post)
        return post.pk

    def published(post_id: int, since: float, timeout: float = 120) -> float:
        while time.monotonic() - since < timeout:
            if Post.objects.filter(pk=post_id, status=Post.Status.PUBLISHED).exists():
                return time.monotonic() - since
            time.sleep(0.01)
        raise SystemExit(f"post {post_id} was not published within {timeout:.0f} s")

    def spawn(command: list[str], log: Path) -> tuple[subprocess.Popen[bytes], float]:
        started = time.monotonic()
        out = open(log, "wb")  # noqa: SIM115 - the child keeps it
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)
        return proc, started

    def started_after(log: Path, since_wall: float, nth: int = 1) -> float | None:
        # "Starting worker" lines carry their wall-clock time; the nth one after since_wall.
        seen = 0
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if "Starting worker" in line:
                stamp = time.mktime(time.strptime(line[:19], "%Y-%m-%d %H:%M:%S")) + int(line[20:23]) / 1000
                if stamp >= since_wall - 0.001:
                    seen += 1
                    if seen == nth:
                        return stamp - since_wall
        return None

    def stop(proc: subprocess.Popen[bytes]) -> None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    figures: dict[str, tuple[list[float], list[float]]] = {}
    manage = [PYTHON, "manage.py"]
    cold = {
        "db_worker": [*manage, "db_worker", "--no-startup-delay", "--no-reload"],
        "worker, cold": [*manage, "worker", "--no-startup-delay", "--no-reload"],
    }
    for name, command in cold.items():
        first, taking = [], []
        for run in range(args.runs):
            post_id = queued_post()
            log = workdir / f"{name.replace(', ', '-')}-{run}.log"
            wall = time.time()
            proc, since = spawn(command, log)
            first.append(published(post_id, since))
            stop(proc)
            up = started_after(log, wall)
            if up is not None:
                taking.append(up)
        figures[name] = (first, taking)

    log = workdir / "worker-restart.log"
    proc, since = spawn(cold["worker, cold"], log)
    published(queued_post(), since)
    first, taking = [], []
    for _ in range(args.runs):
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text(encoding="ascii").split()
        post_id = queued_post()
        wall = time.time()
        since = time.monotonic()
        os.kill(int(children[0]), signal.SIGKILL)
        first.append(published(post_id, since))
        up = started_after(log, wall)
        if up is not None:
            taking.append(up)
        time.sleep(0.5)
    stop(proc)
    figures["worker, task process killed"] = (first, taking)

    print(f"{'':32} {'taking tasks (median / best)':>30} {'first post out (median / best)':>32}")
    for name, (first, taking) in figures.items():
        up = f"{statistics.median(taking):.2f} / {min(taking):.2f} s" if taking else "-"
        out = f"{statistics.median(first):.2f} / {min(first):.2f} s"
        print(f"{name:32} {up:>30} {out:>32}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

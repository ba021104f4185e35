"""Crash experiment: publishing with its workers SIGKILLed, over and over (issue 17).

Usage:
    .venv/bin/python bench/crash_publishing.py --backend sqlite --posts 300 --kills 1000
    .venv/bin/python bench/crash_publishing.py --backend postgres --posts 300 --kills 1000 \\
        --pg-url postgres://postgres@127.0.0.1:5432/crash --redis-url redis://127.0.0.1:6379/11

``sqlite``: one ``manage.py worker`` (django-tasks-db) on a SQLite file. ``postgres``: two Celery
workers (prefork, one process each) and ``celery beat`` on PostgreSQL and Redis. Everything is on
loopback: the school website feed and a mastodon-mock server run here.

N approved posts (an urgent-news exception, so they may go out at any hour) are queued over the
kill phase to the school's website feed and its Mastodon account. Meanwhile workers are killed:

* at random: SIGKILL to a worker's process group every ``--kill-every`` seconds (random within);
* at the dangerous moments, by the worker itself (bench/crash_worker.py, ``--p-dangerous``):
  after the platform answered and before the record is written, and after the last target is
  recorded and before the post's status is brought in line.

A killed worker is started again at once (as systemd or a supervisor would). After the last kill
nothing is killed any more, and the experiment waits (``--drain-timeout``) for every post to be
published. Then it counts, from the platforms themselves: copies of each post per target
(duplicates), posts missing from a target (lost), posts not PUBLISHED (stuck), the time from the
last kill until the last post was out, the task queue's peak depth, and tasks left "running".
It checks the audit chain. Exit status 0 when there are no duplicates, none lost, none stuck and
the drain took at most ``--drain-goal`` seconds; 1 otherwise. Bounded in time by ``--max-seconds``
(kill phase) plus ``--drain-timeout``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
MARK = "[crash-{n:04d}]"


@dataclass
class Result:
    backend: str
    posts: int
    kills: int = 0
    random_kills: int = 0
    task_process_kills: int = 0
    kills_after_answer: int = 0
    kills_before_status: int = 0
    kill_phase_seconds: float = 0.0
    duplicates: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    stuck: int = 0
    stuck_states: dict[str, int] = field(default_factory=dict)
    drain_seconds: float | None = None
    peak_queue: int = 0
    running_left: int = 0
    audit_chain_ok: bool = False
    passed: bool = False


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--kills", type=int, default=100, help="stop killing after this many kills")
    parser.add_argument("--max-seconds", type=float, default=1800, help="longest kill phase")
    parser.add_argument("--kill-every", type=float, nargs=2, default=(1.0, 5.0), metavar=("MIN", "MAX"))
    parser.add_argument("--p-dangerous", type=float, default=0.15, help="self-kill chance at each point")
    parser.add_argument(
        "--p-whole",
        type=float,
        default=0.2,
        help="chance a random kill takes the whole worker, not its task process",
    )
    parser.add_argument(
        "--post-every",
        type=float,
        help="seconds between new posts (default: spread over half the kill phase)",
    )
    parser.add_argument("--drain-timeout", type=float, default=300)
    parser.add_argument("--drain-goal", type=float, default=120)
    parser.add_argument("--sweep-every", type=float, default=15)
    parser.add_argument(
        "--processes", type=int, default=1, help="task processes of the sqlite worker (manage.py worker)"
    )
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/safepost_crash")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the working folder (logs, database)")
    return parser.parse_args(argv)


def environment(args: argparse.Namespace, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "SAFEPOST_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SAFEPOST_VAR_DIR=str(workdir),
        SAFEPOST_MEDIA_ROOT=str(workdir / "media"),
        # Its own cache of the spelling table, built once (a shared one may belong to another version).
        SAFEPOST_CACHE_DIR=os.environ.get("SAFEPOST_CACHE_DIR")
        or str(Path(tempfile.gettempdir()) / "safepost-crash-cache"),
        SAFEPOST_LOG_LEVEL="WARNING",
        CRASH_P=str(args.p_dangerous),
        CRASH_LOG=str(workdir / "kills.log"),
        CRASH_STOP=str(workdir / "stop-killing"),
        CRASH_SWEEP=str(args.sweep_every),
        CRASH_PROCESSES=str(args.processes),
        PYTHONUNBUFFERED="1",
    )
    if args.backend == "sqlite":
        env.update(SAFEPOST_TASKS="db", DATABASE_URL=f"sqlite:///{workdir / 'crash.sqlite3'}")
    else:
        env.update(SAFEPOST_TASKS="celery", DATABASE_URL=args.pg_url, CELERY_BROKER_URL=args.redis_url)
    return env


def fresh_postgres(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


_MOCK = """
import sys, time
from mastodon_mock.config import SeedAccount, SeedConfig
from mastodon_mock.testing import MockServer
seed = SeedConfig(accounts=[SeedAccount(username="crash", display_name="Crash", access_token="crash-token")])
server = MockServer(seed=seed).start()
print(server.base_url, flush=True)
while True:
    time.sleep(3600)
"""


class MastodonMock:
    """mastodon-mock on loopback, in a process of its own."""

    def __init__(self, workdir: Path) -> None:
        log = open(workdir / "mastodon-mock.log", "wb")  # noqa: SIM115 - the child keeps it
        self.proc = subprocess.Popen(
            [PYTHON, "-c", _MOCK], stdout=subprocess.PIPE, stderr=log, start_new_session=True
        )
        assert self.proc.stdout is not None
        self.base_url = self.proc.stdout.readline().decode().strip()
        if not self.base_url.startswith("http://127.0.0.1:"):
            raise SystemExit(f"mastodon-mock did not start (see {workdir / 'mastodon-mock.log'})")

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(10)


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs: a killed process stays its parent's child until the parent reaps
    it (Celery's main process takes seconds to under load), and killing it again is no kill."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def age(pid: int) -> float:
    """How long process ``pid`` has run, in seconds (Linux /proc)."""
    try:
        started = int(Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except (OSError, IndexError, ValueError):
        return 0.0
    return uptime - started / os.sysconf("SC_CLK_TCK")


class Workers:
    """The worker processes, started again as soon as one dies."""

    def __init__(self, args: argparse.Namespace, env: dict[str, str], workdir: Path, rng: random.Random):
        self.args, self.env, self.workdir, self.rng = args, env, workdir, rng
        names = ["db"] if args.backend == "sqlite" else ["celery-a", "celery-b"]
        self.procs: dict[str, subprocess.Popen[bytes] | None] = dict.fromkeys(names)
        self.kill_at: dict[str, float] = {}
        self.whole: dict[str, bool] = {}
        self.beat: subprocess.Popen[bytes] | None = None
        self.random_kills = 0
        self.task_process_kills = 0
        self.last_kill = 0.0
        self.ripe = 0.3 if args.backend == "sqlite" else 1.5

    def command(self, name: str) -> list[str]:
        script = str(ROOT / "bench" / "crash_worker.py")
        return [PYTHON, script, "db"] if name == "db" else [PYTHON, script, "celery", name]

    def start(self, name: str) -> None:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        self.procs[name] = subprocess.Popen(
            self.command(name), cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
        )
        self.schedule(name)

    def schedule(self, name: str) -> None:
        """When to kill this worker next, and whether the whole of it or its task process."""
        self.kill_at[name] = time.monotonic() + self.rng.uniform(*self.args.kill_every)
        self.whole[name] = self.rng.random() < self.args.p_whole

    def start_all(self) -> None:
        for name in self.procs:
            self.start(name)
        if self.args.backend == "postgres":
            log = open(self.workdir / "beat.log", "ab")  # noqa: SIM115
            self.beat = subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "beat",
                    "-l",
                    "warning",
                    "-s",
                    str(self.workdir / "beat"),
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )

    def wait_until_ready(self, seconds: float) -> None:
        """Until every worker has a task process (the kill phase counts from there: a worker
        starting from nothing loads for seconds, tens of seconds on a busy machine)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if all(proc is not None and task_processes(proc.pid) for proc in self.procs.values()):
                return
            time.sleep(0.2)

    def tick(self, killing: bool) -> None:
        """Restart dead workers; kill the ones whose time has come."""
        now = time.monotonic()
        for name, proc in self.procs.items():
            if proc is None or proc.poll() is not None:
                if proc is not None and proc.returncode == -signal.SIGKILL:
                    self.last_kill = max(self.last_kill, now)
                self.start(name)
            elif killing and now >= self.kill_at[name]:
                # A task process is killed once it has started work (Celery gives up on a pool whose
                # process dies while the pool is starting: that is not the crash measured here;
                # manage.py worker's are forked warm and take tasks within a fraction of a second).
                children = [
                    child for child in task_processes(proc.pid) if alive(child) and age(child) >= self.ripe
                ]
                if not self.whole[name] and not children:  # still starting: no task process yet
                    self.kill_at[name] = now + 0.2
                    continue
                if not self.whole[name]:
                    # The process running the tasks dies (out of memory, a crash): its supervisor
                    # (manage.py worker, or Celery's prefork pool) starts another.
                    os.kill(self.rng.choice(children), signal.SIGKILL)
                    self.task_process_kills += 1
                    self.schedule(name)
                else:  # the whole worker, supervisor and all (the machine or container restarts)
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    self.start(name)
                self.random_kills += 1
                self.last_kill = now

    def stop(self) -> None:
        for proc in [*self.procs.values(), self.beat]:
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in [*self.procs.values(), self.beat]:
            if proc is None:
                continue
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def task_processes(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc): the ones that run the tasks."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(child) for child in text.split()]


def self_kills(workdir: Path) -> tuple[Counter[str], float]:
    """The kills the workers made themselves, by point, and when the last one was (epoch)."""
    path = workdir / "kills.log"
    if not path.exists():
        return Counter(), 0.0
    points: Counter[str] = Counter()
    last = 0.0
    for line in path.read_text(encoding="ascii").splitlines():
        stamp, _, point = line.split(" ", 2)
        points[point] += 1
        last = max(last, float(stamp))
    return points, last


def run(args: argparse.Namespace) -> Result:
    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix=f"safepost-crash-{args.backend}-"))
    env = environment(args, workdir)
    os.environ.update(env)
    if args.backend == "postgres":
        fresh_postgres(args.pg_url)
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from apps.platforms.models import Connection
    from apps.posts.models import Post
    from apps.publishing import actions
    from apps.schools.testing import make_personas

    school = make_personas(slug="crash")
    # Its own process: in this one it would compete for the interpreter with the polling below.
    server = MastodonMock(workdir)
    connection = Connection(
        school=school.school,
        account=school.main,
        kind="mastodon",
        handle="@crash",
        server_url=server.base_url,
        status=Connection.Status.ACTIVE,
        started_by=school.senior,
        approved_by=school.head,
        approved_at=timezone.now(),
    )
    connection.set_credentials({"server": server.base_url, "access_token": "crash-token"})
    connection.save()

    result = Result(backend=args.backend, posts=args.posts)
    for signum in (signal.SIGINT, signal.SIGTERM):  # stop the workers and the server on the way out
        signal.signal(signum, _interrupted)
    workers = Workers(args, env, workdir, rng)
    workers.start_all()
    workers.wait_until_ready(300)
    posts: list[int] = []
    started = time.monotonic()
    gap = args.post_every if args.post_every else args.max_seconds * 0.5 / max(args.posts, 1)
    next_post = started
    try:
        while True:
            now = time.monotonic()
            points, _ = self_kills(workdir)
            kills = workers.random_kills + sum(points.values())
            if len(posts) >= args.posts and (kills >= args.kills or now - started >= args.max_seconds):
                break
            if len(posts) < args.posts and now >= next_post:
                post = Post.objects.create(
                    school=school.school,
                    account=school.main,
                    author=school.head,
                    text=f"{MARK.format(n=len(posts))} The school fair starts at noon on Saturday.",
                    status=Post.Status.SCHEDULED,
                    scheduled_for=timezone.now(),
                    exception=Post.Exception.URGENT_NEWS,
                    exception_reason="Crash experiment",
                )
                actions.queue(post)
                posts.append(post.pk)
                next_post = now + gap
            result.peak_queue = max(result.peak_queue, queue_depth(args))
            workers.tick(killing=kills < args.kills)
            time.sleep(0.1)
        Path(env["CRASH_STOP"]).touch()
        points, last_self = self_kills(workdir)
        result.random_kills = workers.random_kills
        result.task_process_kills = workers.task_process_kills
        result.kills_after_answer = points["after-answer"]
        result.kills_before_status = points["before-status"]
        result.kills = result.random_kills + sum(points.values())
        result.kill_phase_seconds = round(time.monotonic() - started, 1)
        last_kill = max(workers.last_kill, time.monotonic() - (time.time() - last_self) if last_self else 0.0)

        deadline = time.monotonic() + args.drain_timeout
        while time.monotonic() < deadline:
            workers.tick(killing=False)
            result.peak_queue = max(result.peak_queue, queue_depth(args))
            if result.drain_seconds is None and not (
                Post.objects.filter(pk__in=posts).exclude(status=Post.Status.PUBLISHED).exists()
            ):
                result.drain_seconds = round(time.monotonic() - last_kill, 1)
            # Then the tasks killed workers left "running" are reaped (django-tasks-db).
            if result.drain_seconds is not None and running_tasks(args) == 0:
                break
            time.sleep(0.25)
        count(result, posts, server, school.school, args)
    finally:
        workers.stop()
        server.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"working folder kept: {workdir}", file=sys.stderr)
    result.passed = (
        not any(result.duplicates.values())
        and not any(result.lost.values())
        and result.stuck == 0
        and result.drain_seconds is not None
        and result.drain_seconds <= args.drain_goal
        and result.audit_chain_ok
    )
    return result


def _interrupted(signum: int, frame: object) -> None:
    raise SystemExit(f"interrupted by {signal.Signals(signum).name}")


def running_tasks(args: argparse.Namespace) -> int:
    """Tasks marked running in the task table (none with Celery: its broker has no such table)."""
    if args.backend != "sqlite":
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="RUNNING").count()


def queue_depth(args: argparse.Namespace) -> int:
    """Tasks waiting in the queue now (the task table, or the Celery queue in Redis)."""
    if args.backend == "sqlite":
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="READY").count()
    import redis

    return int(redis.Redis.from_url(args.redis_url).llen("safepost"))


def mastodon_copies(server: MastodonMock) -> Counter[str]:
    import requests

    headers = {"Authorization": "Bearer crash-token"}
    me = requests.get(
        f"{server.base_url}/api/v1/accounts/verify_credentials", headers=headers, timeout=10
    ).json()
    copies: Counter[str] = Counter()
    max_id = None
    while True:
        params: dict[str, Any] = {"limit": 40}
        if max_id:
            params["max_id"] = max_id
        page = requests.get(
            f"{server.base_url}/api/v1/accounts/{me['id']}/statuses",
            headers=headers,
            params=params,
            timeout=10,
        ).json()
        if not page:
            return copies
        for status in page:
            start = status["content"].find("[crash-")
            if start >= 0:
                copies[status["content"][start : start + 12]] += 1
        max_id = page[-1]["id"]


def count(
    result: Result, posts: list[int], server: MastodonMock, school: Any, args: argparse.Namespace
) -> None:
    from django.db.models import Count

    from apps.audit.actions import verify_school
    from apps.posts.models import Post
    from apps.publishing.models import FeedEntry

    marks = {pk: MARK.format(n=n) for n, pk in enumerate(posts)}
    on_website = dict(
        FeedEntry.objects.filter(post_id__in=posts)
        .values_list("post_id")
        .annotate(n=Count("pk"))
        .values_list("post_id", "n")
    )
    on_mastodon = mastodon_copies(server)
    result.duplicates = {
        "website": sum(n - 1 for n in on_website.values() if n > 1),
        "mastodon": sum(on_mastodon[m] - 1 for m in marks.values() if on_mastodon[m] > 1),
    }
    result.lost = {
        "website": sum(1 for pk in posts if not on_website.get(pk)),
        "mastodon": sum(1 for m in marks.values() if not on_mastodon[m]),
    }
    states = Counter(
        Post.objects.filter(pk__in=posts)
        .exclude(status=Post.Status.PUBLISHED)
        .values_list("status", flat=True)
    )
    result.stuck = sum(states.values())
    result.stuck_states = dict(states)
    result.running_left = running_tasks(args)
    result.audit_chain_ok = verify_school(school).ok


def report(result: Result) -> str:
    drain = "never (timed out)" if result.drain_seconds is None else f"{result.drain_seconds:.1f} s"
    return "\n".join(
        [
            f"backend: {result.backend}; posts: {result.posts}; kill phase {result.kill_phase_seconds:.0f} s",
            f"kills: {result.kills} ({result.random_kills} at random, of which {result.task_process_kills} of the task "
            f"process alone; {result.kills_after_answer} after the platform answered, {result.kills_before_status} "
            "before the post's status)",
            f"duplicates: website {result.duplicates.get('website')}, mastodon {result.duplicates.get('mastodon')}",
            f"lost: website {result.lost.get('website')}, mastodon {result.lost.get('mastodon')}",
            f"stuck (not published): {result.stuck} {result.stuck_states or ''}".rstrip(),
            f"time from the last kill until every post was out: {drain}",
            f"peak queue depth: {result.peak_queue}; tasks left running: {result.running_left}",
            f"audit chain intact: {'yes' if result.audit_chain_ok else 'NO'}",
            f"result: {'PASS' if result.passed else 'FAIL'}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result = run(args)
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())

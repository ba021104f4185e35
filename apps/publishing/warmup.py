"""Load, once, what a worker's first publish would otherwise load: a worker restarted after a crash
is ready for work at once.

The first publish in a fresh process used to take about two seconds on top of start-up: the rule
registry, the 48,000-name lexicon, the spelling table, the URL configuration (for the feed's
links), the platform registry (all of them: the publish task looks its target up there) and the
clients of the platforms in use. ``manage.py worker`` warms them before it starts its first task
process, and a Celery worker before it forks its pool (config/celery.py); the processes it starts
again after a crash share them (fork), so they take tasks within milliseconds.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import time

from django.urls import get_resolver

from apps.checker.engine import warm_up as warm_up_checker
from apps.platforms import registry
from apps.platforms.models import Connection

log = logging.getLogger(__name__)


def warm_up() -> float:
    """Import and build everything a publish needs; returns the seconds it took.

    A failure here is logged and the worker starts anyway: its first task does the loading.
    """
    started = time.monotonic()
    try:
        _load()
    except Exception:
        log.exception("the worker could not warm up; its first task will be slower")
    took = time.monotonic() - started
    log.info("worker warmed up in %.2f s", took)
    return took


def _load() -> None:
    get_resolver().reverse_dict  # noqa: B018 - imports the views and builds what reverse() reads
    # Every platform: a publish looks its target up in the registry, which loads them all at once
    # (Bluesky's alone takes seconds to import, tens of seconds on a busy server). Warming only the
    # platforms in use left every task process started again to import the others in its first task.
    registry.platforms()
    # The clients of the platforms schools publish to.
    for kind in (
        Connection.objects.filter(status=Connection.Status.ACTIVE).values_list("kind", flat=True).distinct()
    ):
        with contextlib.suppress(ImportError):
            importlib.import_module(f"apps.platforms.{kind}.client")
    # The rule registry, name lexicon and spelling table, shared by every school's policy.
    warm_up_checker()

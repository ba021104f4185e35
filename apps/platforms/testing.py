"""Putting platforms in and out of the registry for the length of a test.

The running app never changes its platforms: it finds each ``apps/platforms/<kind>/platform.py``
once (:mod:`apps.platforms.registry`), and publishing reads that registry for its targets
(:mod:`apps.publishing.targets.platform`), so swapping the registry's platforms is enough.
Tests swap in fakes with :func:`only` and :func:`registered`, and :func:`rediscovered` looks for
the packages again, as a fresh start would, after a test has added one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from apps.platforms import registry
from apps.platforms.base import Platform


@contextmanager
def only(chosen: Iterable[Platform]) -> Iterator[None]:
    """Exactly these platforms (and their publishing targets) for the duration of a ``with`` block."""
    registry._load()
    saved = dict(registry._platforms)
    registry._platforms.clear()
    for platform in chosen:
        registry._platforms[platform.kind] = platform
    try:
        yield
    finally:
        registry._platforms.clear()
        registry._platforms.update(saved)


@contextmanager
def registered(platform: Platform) -> Iterator[None]:
    """One platform added for the duration of a ``with`` block."""
    with only([*registry.platforms(), platform]):
        yield


@contextmanager
def rediscovered() -> Iterator[tuple[str, ...]]:
    """Find the platform packages again, as at start-up (publishing to them too); undone after.

    Yields the kinds found. A test adds a package (a folder with ``__init__.py`` and
    ``platform.py``) to ``apps.platforms.__path__`` before entering.
    """
    registry._load()
    saved, saved_kinds = dict(registry._platforms), registry.kinds()
    registry.forget()
    kinds = registry.kinds()
    try:
        yield kinds
    finally:
        registry._platforms.clear()
        registry._platforms.update(saved)
        registry._kinds = saved_kinds

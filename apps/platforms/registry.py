"""The platforms this installation can connect to: every package ``apps/platforms/<kind>/`` with a ``platform.py``.

Each such ``platform.py`` defines ``PLATFORM`` (:class:`~apps.platforms.base.Platform`): its label,
how staff sign in, what it can do, the settings it reads, the server box, the photo size and how
it finds a post an earlier attempt sent. Nothing else lists the platforms: the connections page,
the compose page, the publishing targets and the settings all read them from here. The packages
are found at start-up without being imported (:func:`kinds`), and imported on first use, so a
platform whose package fails to load is simply not offered (and the failure is logged).
Tests swap platforms in and out with :mod:`apps.platforms.testing`.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from django.conf import settings

import apps.platforms
from apps.platforms.base import Platform

log = logging.getLogger(__name__)

_platforms: dict[str, Platform] = {}
_loaded = False
_kinds: tuple[str, ...] | None = None


def kinds() -> tuple[str, ...]:
    """The kind of every platform package present (its folder's name), found without importing it."""
    global _kinds
    if _kinds is None:
        found = [
            folder.name
            for location in apps.platforms.__path__
            for folder in sorted(Path(location).iterdir())
            if (folder / "__init__.py").is_file() and (folder / "platform.py").is_file()
        ]
        _kinds = tuple(dict.fromkeys(found))
    return _kinds


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for kind in kinds():
        module_name = f"apps.platforms.{kind}.platform"
        try:
            module = importlib.import_module(module_name)
        except Exception:
            log.exception("the %s platform could not be loaded", kind)
            continue
        platform = getattr(module, "PLATFORM", None)
        if not isinstance(platform, Platform):
            log.error("%s has no PLATFORM", module_name)
        elif platform.kind != kind:
            log.error("%s says its kind is %r: it must be its folder's name", module_name, platform.kind)
        else:
            _platforms.setdefault(kind, platform)


def forget() -> None:
    """Find and load the packages again on next use (tests that add one)."""
    global _loaded, _kinds
    _platforms.clear()
    _loaded = False
    _kinds = None


def platforms() -> list[Platform]:
    """Every platform available, in the order the connections page lists them."""
    _load()
    return sorted(_platforms.values(), key=lambda p: (p.position, p.label))


def publishing_kinds() -> tuple[str, ...]:
    """The kinds posts go out to: every package found, and any platform a test put in.

    A package whose ``platform.py`` failed to load stays here (unlike :func:`platforms`), so a
    post for one of its connections fails visibly instead of skipping that platform in silence.
    """
    _load()
    return tuple(dict.fromkeys([*kinds(), *_platforms]))


def get(kind: str) -> Platform | None:
    """The platform of ``kind``, or ``None`` when it is not installed."""
    _load()
    return _platforms.get(kind)


def label_of(kind: str) -> str:
    """What staff call the platform ("X", "Bluesky"); the kind itself when it is not installed."""
    platform = get(kind)
    return platform.label if platform is not None else kind


def config_for(kind: str) -> dict[str, Any]:
    """The deployment's settings for one platform (e.g. X's OAuth client id and secret).

    The platform names the Django settings it reads (``Platform.settings``: its own key → the
    setting's name); ``config/settings.py`` reads each from the environment. Empty when not set.
    """
    platform = get(kind)
    if platform is None:
        return {}
    return {key: getattr(settings, name, "") or "" for key, name in platform.settings.items()}

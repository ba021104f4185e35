"""The platforms this installation can connect to: X, Bluesky and Mastodon when their packages load.

Each ``apps/platforms/<kind>/platform.py`` defines ``PLATFORM``. They are imported on first use
(not at start-up), so a platform whose package is missing is simply not offered. Tests put fakes
in with :mod:`apps.platforms.testing`.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from django.conf import settings

from apps.platforms.base import Platform

log = logging.getLogger(__name__)

#: The platform packages Safepost ships, in the order the connections page lists them.
KINDS = ("x", "bluesky", "mastodon")

_platforms: dict[str, Platform] = {}
_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for kind in KINDS:
        module_name = f"apps.platforms.{kind}.platform"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that platform's package is not installed
            log.exception("the %s platform could not be loaded", kind)
            continue
        except Exception:
            log.exception("the %s platform could not be loaded", kind)
            continue
        platform = getattr(module, "PLATFORM", None)
        if isinstance(platform, Platform):
            _platforms.setdefault(platform.kind, platform)
        else:
            log.error("%s has no PLATFORM", module_name)


def platforms() -> list[Platform]:
    """Every platform available, in display order."""
    _load()
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(_platforms.values(), key=lambda p: (order.get(p.kind, len(order)), p.kind))


def get(kind: str) -> Platform | None:
    """The platform of ``kind``, or ``None`` when it is not installed."""
    _load()
    return _platforms.get(kind)


def config_for(kind: str) -> dict[str, Any]:
    """The deployment's settings for one platform (e.g. X's OAuth client id and secret).

    From ``SAFEPOST_PLATFORMS = {"x": {"client_id": ..., "client_secret": ...}, ...}`` in the
    settings; empty when not set.
    """
    configured = getattr(settings, "SAFEPOST_PLATFORMS", None) or {}
    return dict(configured.get(kind, {}))

"""Where posts can go out, and which of them each account publishes to.

Every active account publishes to the school's own website feed (:mod:`.website`) and to each
platform the platform registry lists (:mod:`apps.platforms.registry`, read on every call, through
:mod:`.platform`). Another kind is registered with a *factory* that gives the account's target,
or ``None`` when the account does not use it, and the words staff see for it. The kind is stored
on each ``Publication``: keep it stable once posts have gone out. The guide to adding a platform
is ``README.md`` beside this file; :mod:`.base` is the interface itself.

This module stays free of Django models, so the website and platform targets are named here and
imported when first asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from apps.platforms import registry
from apps.publishing.targets.base import (
    Limits,
    PermanentError,
    PublishResult,
    RetryableError,
    Target,
    TargetError,
)

if TYPE_CHECKING:
    from apps.schools.models import Account

__all__ = [
    "Limits",
    "PermanentError",
    "PublishResult",
    "RetryableError",
    "Target",
    "TargetError",
    "TargetFactory",
    "label_of",
    "register",
    "registered",
    "target_by_kind",
    "targets_for",
    "unregister",
]

#: Makes the target of one kind for an account, or ``None`` when the account does not use it.
TargetFactory = Callable[["Account"], Target | None]
#: What staff call a kind ("School website", "Bluesky"): the words, or how to get them when asked.
Label = str | Callable[[], str]

_factories: dict[str, TargetFactory] = {}
_labels: dict[str, Label] = {}


def _website(account: Account) -> Target | None:
    factory: TargetFactory = importlib.import_module("apps.publishing.targets.website").target_for
    return factory(account)


def _platform(kind: str) -> TargetFactory:
    make: Callable[[str], TargetFactory] = importlib.import_module(
        "apps.publishing.targets.platform"
    ).factory_for
    return make(kind)


def _all_factories() -> dict[str, TargetFactory]:
    """The registered kinds (the website first), then every platform the registry lists now."""
    factories = dict(_factories)
    for kind in registry.publishing_kinds():
        if kind not in factories:
            factories[kind] = _platform(kind)
    return factories


def register(kind: str, factory: TargetFactory, label: Label = "") -> None:
    """Add (or replace) the factory for targets of ``kind``, and what staff call it."""
    if not kind or len(kind) > 20:
        raise ValueError("a target kind must be 1 to 20 characters (it is stored on each Publication)")
    _factories[kind] = factory
    _labels[kind] = label or kind


def unregister(kind: str) -> None:
    """Remove the factory for ``kind`` (no error if there is none)."""
    _factories.pop(kind, None)
    _labels.pop(kind, None)


@contextmanager
def registered(kind: str, factory: TargetFactory, label: Label = "") -> Iterator[None]:
    """Register a factory for the duration of a ``with`` block (tests, fakes)."""
    previous = (_factories[kind], _labels[kind]) if kind in _factories else None
    register(kind, factory, label)
    try:
        yield
    finally:
        if previous is None:
            unregister(kind)
        else:
            register(kind, *previous)


def label_of(kind: str) -> str:
    """What staff call a kind of target ("School website", "X"); the kind itself when unknown."""
    label = _labels.get(kind) or registry.label_of(kind)
    return label() if callable(label) else label


def targets_for(account: Account) -> list[Target]:
    """Every target ``account`` publishes to, the website feed first."""
    targets = []
    for factory in _all_factories().values():
        target = factory(account)
        if target is not None:
            targets.append(target)
    return targets


def target_by_kind(kind: str, account: Account) -> Target | None:
    """The ``kind`` target for ``account``, or ``None`` if that kind is unknown or not connected."""
    factory = _all_factories().get(kind)
    return factory(account) if factory is not None else None


register("website", _website, "School website")

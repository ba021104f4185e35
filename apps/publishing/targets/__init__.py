"""Where posts can go out, and which of them each account publishes to.

Today every active account publishes to the school's own website feed. A platform adapter
(``apps/platforms/<kind>/``) plugs in by registering a factory in its ``AppConfig.ready()``::

    from apps.publishing.targets import register

    def x_target_for(account: Account) -> Target | None:
        connection = XConnection.objects.filter(account=account, is_active=True).first()
        return XTarget(account, label=f"X ({connection.handle})", connection=connection) if connection else None

    register("x", x_target_for)

A factory returns ``None`` when the account is not connected to that platform. The kind is stored
on each ``Publication``, so keep it stable once posts have gone out. See
:mod:`apps.publishing.targets.base` for the interface itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

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
    "register",
    "registered",
    "target_by_kind",
    "targets_for",
    "unregister",
]

#: Makes the target of one kind for an account, or ``None`` when the account does not use it.
TargetFactory = Callable[["Account"], Target | None]

_factories: dict[str, TargetFactory] = {}


def _website(account: Account) -> Target | None:
    from apps.publishing.targets.website import WebsiteTarget

    return WebsiteTarget(account) if account.is_active else None


def register(kind: str, factory: TargetFactory) -> None:
    """Add (or replace) the factory for targets of ``kind``."""
    if not kind or len(kind) > 20:
        raise ValueError("a target kind must be 1 to 20 characters (it is stored on each Publication)")
    _factories[kind] = factory


def unregister(kind: str) -> None:
    """Remove the factory for ``kind`` (no error if there is none)."""
    _factories.pop(kind, None)


@contextmanager
def registered(kind: str, factory: TargetFactory) -> Iterator[None]:
    """Register a factory for the duration of a ``with`` block (tests, fakes)."""
    previous = _factories.get(kind)
    register(kind, factory)
    try:
        yield
    finally:
        if previous is None:
            unregister(kind)
        else:
            _factories[kind] = previous


def targets_for(account: Account) -> list[Target]:
    """Every target ``account`` publishes to, the website feed first."""
    targets = []
    for factory in _factories.values():
        target = factory(account)
        if target is not None:
            targets.append(target)
    return targets


def target_by_kind(kind: str, account: Account) -> Target | None:
    """The ``kind`` target for ``account``, or ``None`` if that kind is unknown or not connected."""
    factory = _factories.get(kind)
    return factory(account) if factory is not None else None


register("website", _website)

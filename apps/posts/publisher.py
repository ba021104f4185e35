"""Where posts hand over to publishing, which sits above posts and installs itself here.

The posts app decides what goes out and when; the publishing app (:mod:`apps.publishing`) sends it,
to the school's website feed and each connected platform. Posts does not import publishing:
``PublishingConfig.ready`` calls :func:`install` with a :class:`Publisher`, and posts asks it here
to queue, cancel or withdraw a post, where an account's posts go (with each place's label and
length limits, for the compose page's counters and the length check), and how a publication
stands, in words for the post's page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from apps.platforms.base import Limits

if TYPE_CHECKING:
    from apps.posts.models import Post
    from apps.schools.models import Account
    from safepost.policy.config import Policy


class Place(Protocol):
    """One place a post goes out to (a publishing target), as posts sees it."""

    @property
    def kind(self) -> str:
        """The stable name stored on each publication ("website", "x", "bluesky")."""

    @property
    def label(self) -> str:
        """What staff call it ("School website", "X (@StCaths)")."""

    def limits(self) -> Limits:
        """What it accepts (the longest text, counted as it counts)."""


@dataclass(frozen=True)
class Publisher:
    """What posts asks of publishing (each field is one of publishing's functions)."""

    #: Make the post's publications and enqueue the publish task (the post is SCHEDULED).
    queue: Callable[[Post], None]
    #: Stop a post that has not gone out (what is already published stays).
    cancel: Callable[[Post], None]
    #: Take a published post down everywhere; the labels of places that could not remove it.
    withdraw: Callable[[Post], list[str]]
    #: Every place ``account``'s posts go out to, the website feed first.
    places_for: Callable[[Account], Sequence[Place]]
    #: What staff call a kind of place ("School website", "Bluesky").
    label_of: Callable[[str], str]
    #: What the writer should do about one of the post's publications (``post.publications``).
    advice: Callable[[Any, datetime, Policy], str]
    #: When a post that did not go out everywhere is tried again (``None``: nothing to retry).
    next_retry: Callable[[Post], datetime | None]


_installed: list[Publisher] = []


def install(publisher: Publisher) -> None:
    """Hand posts to ``publisher`` from now on (called by ``PublishingConfig.ready``)."""
    _installed[:] = [publisher]


def publisher() -> Publisher:
    """The installed publisher; an error saying what is missing when the app is not installed."""
    if not _installed:
        raise ImproperlyConfigured(
            "The publishing app (apps.publishing) is not installed, so posts cannot go out: add it to "
            "INSTALLED_APPS."
        )
    return _installed[0]

"""The target interface: what every place a post can go out to (a "target") implements.

A target is one destination for one of the school's accounts: the school's own website feed
(:mod:`apps.publishing.targets.website`), and later X, Bluesky and Mastodon (one package per
platform under ``apps/platforms/<kind>/``). The publish task only ever talks to a target through
this interface, so a platform plugs in by subclassing :class:`Target` and registering a factory
(see :mod:`apps.publishing.targets`).

The contract, for an adapter writer:

* ``kind`` is a short, stable name stored on each ``Publication`` (``"website"``, ``"x"``,
  ``"bluesky"``, ``"mastodon"``; at most 20 characters). ``label`` is what staff see
  ("the school website", "X (@StCathsofSiena)").
* :meth:`Target.limits` says what the platform accepts, for the compose page's counters and
  for the adapter's own checks before it sends anything.
* :meth:`Target.publish` sends the post and returns where it went. It receives the
  ``Publication``'s idempotency key: send it to the platform where it has a place for one
  (a request id, an ``Idempotency-Key`` header as Mastodon supports), or remember it on your
  side (e.g. in the record's metadata), so that :meth:`Target.find_existing` can find the post
  later.
* :meth:`Target.find_existing` is called before every attempt. A worker may die, or a request
  time out, after the platform accepted the post but before we recorded it; the retry must find
  that first post and return it instead of posting twice. Return ``None`` only when you are sure
  the post is not there. If you cannot tell right now, raise :class:`RetryableError`.
* :meth:`Target.delete` takes a post down (a deleted post, a post withdrawn by the school).
  Deleting something already gone is not an error.
* Failures are exceptions: :class:`RetryableError` for rate limits, server errors and timeouts
  (with ``retry_after`` in seconds when the platform says), :class:`PermanentError` for anything
  a retry will not fix (rejected text, revoked access), with the platform's own words and what
  the school should do. Anything else raised is treated as retryable, then fails after the
  retries run out.
* Adapters never touch ``Publication`` or ``Post`` status: the publish task does that, and audits it.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from apps.platforms.base import Limits, PermanentError, PublishResult, RetryableError, TargetError

if TYPE_CHECKING:
    from apps.posts.models import Post
    from apps.schools.models import Account

# The results and errors are the platform clients' own (platforms sits below publishing); every
# target uses them, so they are named here too.
__all__ = ["Limits", "PermanentError", "PublishResult", "RetryableError", "Target", "TargetError"]


@dataclass
class Target(ABC):
    """One destination for one account. Subclasses set ``kind`` and implement the four methods."""

    kind: ClassVar[str]
    account: Account
    label: str = field(default="")

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.kind

    @abstractmethod
    def limits(self) -> Limits:
        """What this target accepts."""

    @abstractmethod
    def publish(self, post: Post, idempotency_key: uuid.UUID) -> PublishResult:
        """Send ``post``; raise :class:`RetryableError` or :class:`PermanentError` on failure."""

    @abstractmethod
    def find_existing(self, idempotency_key: uuid.UUID) -> PublishResult | None:
        """The post an earlier attempt with this key made, or ``None`` when there is none."""

    @abstractmethod
    def delete(self, external_id: str) -> None:
        """Take the post down; deleting one already gone is not an error."""

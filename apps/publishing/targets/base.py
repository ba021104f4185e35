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

from apps.publishing.targets.links import count_with_links

if TYPE_CHECKING:
    from apps.posts.models import Post
    from apps.schools.models import Account


@dataclass(frozen=True)
class Limits:
    """What a target accepts.

    ``max_chars`` is the longest text (``None``: no limit). ``link_chars`` is what one link counts
    as towards it (X counts every link as 23; ``None`` counts links as typed). ``max_media`` and
    ``max_media_bytes`` bound the attachments, ``media_formats`` lists the MIME types accepted.
    """

    max_chars: int | None = None
    link_chars: int | None = None
    max_media: int = 0
    max_media_bytes: int | None = None
    media_formats: tuple[str, ...] = ()

    def length(self, text: str) -> int:
        """The text's length as this target counts it (links as ``link_chars``)."""
        if self.link_chars is None:
            return len(text)
        return count_with_links(text, self.link_chars)

    def remaining(self, text: str) -> int | None:
        """Characters left (negative when over), or ``None`` when there is no limit."""
        if self.max_chars is None:
            return None
        return self.max_chars - self.length(text)


@dataclass(frozen=True)
class PublishResult:
    """Where a post went: the platform's id for it and a link to it (empty when there is none)."""

    external_id: str
    url: str = ""


class TargetError(Exception):
    """A target could not do what was asked. Use one of the two subclasses."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RetryableError(TargetError):
    """A failure a later attempt may not hit: rate limit, server error, timeout, network.

    ``retry_after`` (seconds) is the platform's own hint (e.g. a ``Retry-After`` header); the
    publish task never retries sooner than that.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(TargetError):
    """A failure a retry will not fix: the post is rejected, access was revoked, the account is gone.

    ``platform_text`` is the platform's own error text (shown to staff as it came), ``advice`` what
    the school should do about it, in plain words.
    """

    def __init__(self, message: str, platform_text: str = "", advice: str = "") -> None:
        super().__init__(message)
        self.platform_text = platform_text
        self.advice = advice

    def explain(self) -> str:
        """One paragraph for staff: what happened, the platform's words, what to do."""
        parts = [self.message.rstrip(".") + "."]
        if self.platform_text:
            said = self.platform_text.strip()
            parts.append(f"The platform said: “{said}”" + ("" if said.endswith((".", "!", "?")) else "."))
        if self.advice:
            parts.append(self.advice.rstrip(".") + ".")
        return " ".join(parts)


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

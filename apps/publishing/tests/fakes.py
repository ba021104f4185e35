"""A fake platform target for tests: scripted failures, and a memory of what it posted."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from apps.posts.models import Post
from apps.publishing.targets import Limits, PublishResult, Target
from apps.schools.models import Account


@dataclass
class FakePlatform:
    """What the fake platform holds, and what it will do on the next calls.

    ``script`` is consumed one item per ``publish`` call: an exception to raise, or ``None`` to
    accept the post. When it runs out, every call succeeds.
    """

    script: list[Exception | None] = field(default_factory=list)
    posts: dict[uuid.UUID, str] = field(default_factory=dict)
    publish_calls: int = 0
    during_publish: Callable[[], None] | None = None

    def factory(self, account: Account) -> Target:
        return FakeTarget(account, label="Fakebook", platform=self)


@dataclass
class FakeTarget(Target):
    kind = "fake"
    platform: FakePlatform = field(default_factory=FakePlatform)

    def limits(self) -> Limits:
        return Limits(max_chars=280, link_chars=23)

    def publish(self, post: Post, idempotency_key: uuid.UUID) -> PublishResult:
        self.platform.publish_calls += 1
        if self.platform.during_publish is not None:
            hook, self.platform.during_publish = self.platform.during_publish, None
            hook()
        outcome = self.platform.script.pop(0) if self.platform.script else None
        if outcome is not None:
            raise outcome
        self.platform.posts[idempotency_key] = post.text
        return PublishResult(external_id=f"fake-{len(self.platform.posts)}", url="https://fake.example/1")

    def find_existing(self, idempotency_key: uuid.UUID) -> PublishResult | None:
        if idempotency_key in self.platform.posts:
            return PublishResult(external_id="fake-existing", url="https://fake.example/1")
        return None

    def delete(self, external_id: str) -> None:
        return None

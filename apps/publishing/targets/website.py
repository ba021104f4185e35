"""The built-in target: the school's own public feed (web page, Atom, RSS, widget).

Publishing creates a :class:`~apps.publishing.models.FeedEntry` keyed by the Publication's
idempotency key, so a retry finds the first attempt's entry. When the policy says the main account
reshares class-account posts (``accounts.reshare_class_posts``, RAC-02), a class account's post
also gets an entry on the main account, marked as reshared from the class account, under a key
derived from the same idempotency key and created in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.posts.models import Post
from apps.publishing.models import FeedEntry
from apps.publishing.targets.base import Limits, PublishResult, RetryableError, Target
from apps.publishing.targets.reshare import resharing_account
from apps.schools.models import Account


def reshare_key(idempotency_key: uuid.UUID) -> uuid.UUID:
    """The key of the main account's reshare of the entry published under ``idempotency_key``."""
    return uuid.uuid5(idempotency_key, "reshare-on-main-account")


def target_for(account: Account) -> Target | None:
    """Every active account publishes to the school's feed."""
    return WebsiteTarget(account) if account.is_active else None


@dataclass
class WebsiteTarget(Target):
    """The school's public feed at ``/s/<slug>/``. Links are site-relative paths."""

    kind = "website"

    def __post_init__(self) -> None:
        if not self.label:
            self.label = "the school's website feed"

    def limits(self) -> Limits:
        """No length limit: the feed shows the whole post."""
        return Limits(
            max_chars=None,
            max_media=4,
            max_media_bytes=10 * 1024 * 1024,
            media_formats=("image/jpeg", "image/png", "image/webp"),
        )

    def publish(self, post: Post, idempotency_key: uuid.UUID) -> PublishResult:
        """Put the post on the feed (and reshare it onto the main account's when the policy says so)."""
        now = timezone.now()
        try:
            with transaction.atomic():
                entry, _ = FeedEntry.objects.get_or_create(
                    idempotency_key=idempotency_key,
                    defaults={
                        "school": post.school,
                        "account": post.account,
                        "post": post,
                        "text": post.text,
                        "published_at": now,
                    },
                )
                main = resharing_account(post)
                if main is not None:
                    FeedEntry.objects.get_or_create(
                        idempotency_key=reshare_key(idempotency_key),
                        defaults={
                            "school": post.school,
                            "account": main,
                            "post": post,
                            "text": post.text,
                            "reshared_from": post.account,
                            "published_at": now,
                        },
                    )
        except IntegrityError as exc:  # another worker created it at the same moment: look again
            raise RetryableError("Another attempt was saving this post at the same moment.", 1) from exc
        return self._result(entry)

    def find_existing(self, idempotency_key: uuid.UUID) -> PublishResult | None:
        """The entry an earlier attempt made, if any."""
        entry = (
            FeedEntry.objects.filter(idempotency_key=idempotency_key, school_id=self.account.school_id)
            .select_related("school")
            .first()
        )
        return self._result(entry) if entry is not None else None

    def delete(self, external_id: str) -> None:
        """Hide the entry, and its reshare, from the feed (kept for the record)."""
        if not external_id.isdigit():
            return
        entry = FeedEntry.objects.filter(pk=int(external_id), school_id=self.account.school_id).first()
        if entry is not None:
            FeedEntry.objects.filter(post_id=entry.post_id, removed_at__isnull=True).update(
                removed_at=timezone.now()
            )

    @staticmethod
    def _result(entry: FeedEntry) -> PublishResult:
        url = reverse("public:entry", kwargs={"slug": entry.school.slug, "entry_id": entry.pk})
        return PublishResult(external_id=str(entry.pk), url=url)

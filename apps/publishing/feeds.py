"""Atom and RSS feeds of a school's published posts (django.contrib.syndication)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from apps.publishing.models import FeedEntry
from apps.publishing.public import public_entries, school_for
from apps.schools.models import School

FEED_SIZE = 20


def _title(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class RssFeed(Feed[FeedEntry, School]):
    """``/s/<slug>/feed.rss``: the latest posts, newest first."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    language = "en-gb"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> School:
        return school_for(kwargs["slug"])

    def title(self, obj: School) -> str:
        return f"{obj.name}: news"

    def link(self, obj: School) -> str:
        return reverse("public:feed", kwargs={"slug": obj.slug})

    def description(self, obj: School) -> str:
        return f"The latest posts from {obj.name}'s official accounts."

    def items(self, obj: School) -> list[FeedEntry]:
        return list(public_entries(obj)[:FEED_SIZE])

    def item_title(self, item: FeedEntry) -> str:
        return _title(item.text)

    def item_description(self, item: FeedEntry) -> str:
        # Feed readers treat the description as HTML: escape the post, keep its line breaks.
        return linebreaksbr(item.text, autoescape=True)

    def item_link(self, item: FeedEntry) -> str:
        return reverse("public:entry", kwargs={"slug": item.school.slug, "entry_id": item.pk})

    def item_guid(self, item: FeedEntry) -> str:
        return f"urn:uuid:{item.idempotency_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: FeedEntry) -> datetime:
        return item.published_at

    def item_updateddate(self, item: FeedEntry) -> datetime:
        return item.published_at

    def item_author_name(self, item: FeedEntry) -> str:
        return item.account.name


class AtomFeed(RssFeed):
    """``/s/<slug>/feed.atom``: the same posts as an Atom feed."""

    feed_type = Atom1Feed

    def subtitle(self, obj: School) -> str:
        return self.description(obj)

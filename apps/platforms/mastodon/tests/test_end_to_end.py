"""The whole path against mastodon-mock: a followers-only school's post with a photo, through the
publish task, from an encrypted connection. Read back: private visibility, the image's description."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from mastodon_mock.testing import MockServer

from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.tests.conftest import as_user, credentials_for, own_statuses
from apps.platforms.models import Connection
from apps.posts import photos
from apps.posts.models import Post
from apps.publishing import actions as publishing
from apps.publishing.models import Publication
from apps.publishing.targets.platform import outgoing_for
from apps.schools.models import Membership
from apps.schools.testing import Personas, make_personas

IN_WINDOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
PHOTO = Path(settings.BASE_DIR) / "bench" / "faces" / "real" / "grace_hopper.jpg"


@pytest.fixture(autouse=True)
def _inline(settings: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")
    monkeypatch.setattr(publishing, "now", lambda: IN_WINDOW)


def test_a_followers_only_schools_post_with_a_photo_reaches_mastodon_privately(
    db: None, server: MockServer
) -> None:
    p = make_personas(preset="courtney", slug="courtney-e2e")  # COU-04: followers only
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="mastodon",
        handle="@courtney",
        server_url=server.base_url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=IN_WINDOW,
    )
    connection.set_credentials(credentials_for(server, "courtney"))
    connection.save()

    head = Membership.objects.get(user=p.head, school=p.school)
    post = Post.objects.create(
        school=p.school, account=p.main, author=p.head, text="Harvest festival on Friday."
    )
    photo = photos.add_photo(post, head, PHOTO.read_bytes(), "IMG_0002.jpg")
    photos.update_photo(
        photo, head, alt_text="A visitor at the harvest table", who={0: "adult"}, blur=set(), hidden=[]
    )
    Post.objects.filter(pk=post.pk).update(status=Post.Status.SCHEDULED, scheduled_for=IN_WINDOW)

    publishing.queue(Post.objects.get(pk=post.pk))

    post.refresh_from_db()
    sent = Publication.objects.get(post=post, target="mastodon")
    assert post.status == Post.Status.PUBLISHED, sent.last_error
    status = as_user(server, "courtney").status(sent.external_id)
    assert status["visibility"] == "private"
    assert "Harvest festival on Friday." in status["content"]
    assert status["media_attachments"][0]["description"] == "A visitor at the harvest table"


def _connected(server: MockServer) -> Personas:
    p = make_personas(slug="reads-e2e")
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="mastodon",
        handle="@stcaths",
        server_url=server.base_url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=IN_WINDOW,
    )
    connection.set_credentials(credentials_for(server))
    connection.save()
    return p


def test_a_first_attempt_reads_no_timeline_and_a_retry_reads_it_once_to_find_the_lost_answer(
    db: None, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each search reads the account's statuses 40 at a time: done on every attempt, twice, a publish
    # grew with every post the school made (4 s a post at 130 statuses under load).
    reads: list[datetime | None] = []
    search = MastodonClient._find_by_text

    def counted(client: MastodonClient, post: Any, since: datetime | None) -> Any:
        reads.append(since)
        return search(client, post, since)

    monkeypatch.setattr(MastodonClient, "_find_by_text", counted)
    p = _connected(server)
    first = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="Sports day is on Thursday.",
        status=Post.Status.SCHEDULED,
        scheduled_for=IN_WINDOW,
    )
    publishing.queue(first)
    first.refresh_from_db()
    assert first.status == Post.Status.PUBLISHED
    assert reads == []  # nothing can be there yet: the claim counted the first attempt

    # The second post's first attempt reached Mastodon; its worker died before the answer was kept.
    second = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="The library is open after school on Friday.",
        status=Post.Status.PUBLISHING,
        scheduled_for=IN_WINDOW,
    )
    lost = Publication.objects.create(
        post=second,
        target="mastodon",
        status=Publication.Status.PUBLISHING,
        attempts=1,
        next_attempt_at=IN_WINDOW,  # the dead worker's lease has run out
    )
    sent = MastodonClient(credentials_for(server), lambda _: None).publish(
        outgoing_for(second, "mastodon"), lost.idempotency_key, looked=True
    )

    publishing.publish(second.pk)

    lost.refresh_from_db()
    assert lost.status == Publication.Status.PUBLISHED
    assert lost.external_id == sent.external_id
    assert len(reads) == 1 and reads[0] is not None  # one search, from the first attempt's time
    texts = [status["content"] for status in own_statuses(server)]
    assert sum("The library is open after school on Friday." in t for t in texts) == 1

"""The whole path against the real PDS: a staff post with a photo goes out through the publish task.

A connected, approved Bluesky account (credentials encrypted in the database, as the connect flow
leaves them); a Sutton Manor post (no replies) with a photo whose face is marked as an adult's and
described; the publish task sends it. Read back from the PDS: the text, the image with its alt
text (the cleaned rendition, not the upload), and the threadgate that stops replies.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from atproto_core.uri import AtUri
from django.conf import settings

from apps.platforms.bluesky.tests.conftest import Account, Pds
from apps.platforms.bluesky.tests.test_publishing import posts_of, raw_record
from apps.platforms.models import Connection
from apps.posts import photos
from apps.posts.models import Post
from apps.publishing import actions as publishing
from apps.publishing.models import Publication
from apps.schools.models import Membership
from apps.schools.testing import make_personas

IN_WINDOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
PHOTO = Path(settings.BASE_DIR) / "bench" / "faces" / "real" / "grace_hopper.jpg"


@pytest.fixture(autouse=True)
def _inline(settings: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")
    monkeypatch.setattr(publishing, "now", lambda: IN_WINDOW)


def test_a_post_with_a_photo_reaches_bluesky_with_its_alt_text_and_no_replies(
    db: None, pds: Pds, make_account: Any
) -> None:
    account: Account = make_account("sutton")
    p = make_personas(preset="sutton-manor", slug="sutton-e2e")
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="bluesky",
        handle=account.handle,
        external_id=account.did,
        server_url=pds.url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
        approved_at=IN_WINDOW,
    )
    connection.set_credentials(dict(account.credentials))
    connection.save()
    assert account.credentials["access_jwt"] not in connection.credentials_encrypted

    head = Membership.objects.get(user=p.head, school=p.school)
    post = Post.objects.create(
        school=p.school, account=p.main, author=p.head, text="Our new library is open! #reading"
    )
    photo = photos.add_photo(post, head, PHOTO.read_bytes(), "IMG_0001.jpg")
    photos.update_photo(
        photo,
        head,
        alt_text="A visitor opening the new school library",
        who={0: "adult"},
        blur=set(),
        hidden=[],
    )
    Post.objects.filter(pk=post.pk).update(status=Post.Status.SCHEDULED, scheduled_for=IN_WINDOW)

    publishing.queue(Post.objects.get(pk=post.pk))

    post.refresh_from_db()
    sent = Publication.objects.get(post=post, target="bluesky")
    assert post.status == Post.Status.PUBLISHED, sent.last_error
    uri = AtUri.from_str(sent.external_id)
    value = raw_record(pds, account.did, "app.bsky.feed.post", uri.rkey)
    assert value["text"] == "Our new library is open! #reading"
    image = value["embed"]["images"][0]
    assert image["alt"] == "A visitor opening the new school library"
    assert image["aspectRatio"]["width"] > 0
    gates = [
        r
        for r in posts_of(pds, account.did, "app.bsky.feed.threadgate")
        if r["value"]["post"] == sent.external_id
    ]
    assert gates and gates[0]["value"]["allow"] == []  # SUT-12: nobody may reply

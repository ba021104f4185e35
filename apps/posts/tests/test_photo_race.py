"""A photo added while the post goes out never reaches the public unchecked.

Adding a photo checks that the post can be changed, then spends seconds finding faces. Meanwhile
the publisher may take the approved, due post and send it out. The check is made again under the
post's row lock, so the photo is refused. Two threads meet at barriers, each with its own database
connection: the writer is held inside the face analysis while the publisher runs for real.
"""

from __future__ import annotations

import io
import threading
from typing import Any

import pytest
from django.db import connection
from PIL import Image

from apps.posts import actions, photos
from apps.posts.models import Post, PostPhoto
from apps.posts.tests.conftest import MONDAY_10AM, member
from apps.publishing import actions as publishing
from apps.schools.testing import Personas

pytestmark = pytest.mark.django_db(transaction=True)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG")
    return out.getvalue()


def scheduled(p: Personas) -> Post:
    post = actions.create_draft(
        member(p, p.teacher), p.oak, "Oak Class planted bulbs today.", now=MONDAY_10AM
    )
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED
    return post


def test_a_photo_added_while_the_post_goes_out_is_refused(
    p: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = scheduled(p)
    analysing, published = threading.Barrier(2, timeout=30), threading.Barrier(2, timeout=30)
    real_detect = photos._detect

    def slow_detect(image: Image.Image) -> list[dict[str, Any]]:
        analysing.wait()  # the writer is in the face analysis...
        published.wait()  # ...and stays there until the publisher is done
        return real_detect(image)

    monkeypatch.setattr(photos, "_detect", slow_detect)
    monkeypatch.setattr(publishing, "now", lambda: MONDAY_10AM)
    outcome: dict[str, Any] = {}

    def writer() -> None:
        try:
            photos.add_photo(Post.objects.get(pk=post.pk), member(p, p.teacher), jpeg(), "bulbs.jpg")
            outcome["added"] = True
        except photos.PhotoProblem as exc:
            outcome["refused"] = exc.message
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    analysing.wait()
    publishing.publish(post.pk)  # the publisher, on its own connection, sends the post out
    assert Post.objects.get(pk=post.pk).status == Post.Status.PUBLISHED
    published.wait()
    thread.join(timeout=30)

    assert "added" not in outcome
    assert "published" in outcome["refused"] and "can't be changed" in outcome["refused"]
    assert not PostPhoto.objects.filter(post=post).exists()


@pytest.mark.parametrize("change", ["update", "remove"])
def test_changing_a_photo_seen_before_the_post_went_out_is_refused(p: Personas, change: str) -> None:
    post = scheduled(p)
    photo = photos.add_photo(post, member(p, p.teacher), jpeg(), "bulbs.jpg")
    post.refresh_from_db()
    photo = PostPhoto.objects.select_related("post").get(pk=photo.pk)  # read while still a draft
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHING)  # meanwhile, it goes out

    with pytest.raises(photos.PhotoProblem, match="publishing"):
        if change == "update":
            photos.update_photo(photo, member(p, p.teacher), alt_text="Bulbs", who={}, blur=set(), hidden=[])
        else:
            photos.remove_photo(photo, member(p, p.teacher))
    assert PostPhoto.objects.filter(pk=photo.pk, alt_text="").exists()

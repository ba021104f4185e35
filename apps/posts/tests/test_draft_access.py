"""A draft is its writer's alone until it is sent: nobody else opens it, or its photo, by URL."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from apps.posts import actions, photos
from apps.posts.tests.conftest import MONDAY_10AM, member, require_approval_for
from apps.schools.testing import Personas, client_for

SECRET = "Surprise party for Mrs Oak on Friday"


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def draft(p: Personas) -> tuple[int, int]:
    post = actions.create_draft(member(p, p.teacher), p.oak, SECRET, now=MONDAY_10AM)
    photo = photos.add_photo(post, member(p, p.teacher), jpeg(), "party.jpg")
    photos.update_photo(
        photo, member(p, p.teacher), alt_text="Balloons in the hall", who={}, blur=set(), hidden=[]
    )
    return post.pk, photo.pk


def urls(post_id: int, photo_id: int) -> list[str]:
    return [
        reverse("posts:detail", args=[post_id]),
        reverse("posts:edit", args=[post_id]),
        reverse("posts:photo_image", args=[photo_id]),
    ]


@pytest.mark.parametrize("who", ["head", "senior", "governor", "office", "computing"])
def test_nobody_but_the_writer_opens_a_draft_or_its_photo(
    p: Personas, draft: tuple[int, int], who: str
) -> None:
    client = client_for(getattr(p, who))
    for url in urls(*draft):
        response = client.get(url)
        # 404 as for a post that does not exist (403 where the role cannot write at all).
        assert response.status_code in (403, 404), f"{who} opened {url}"
        assert SECRET not in response.content.decode(errors="replace")
    deleted = client.post(reverse("posts:delete", args=[draft[0]]))
    assert deleted.status_code in (403, 404)
    assert actions.Post.objects.get(pk=draft[0]).status == actions.Post.Status.DRAFT


def test_the_writer_opens_their_own_draft_and_its_photo(p: Personas, draft: tuple[int, int]) -> None:
    client = client_for(p.teacher)
    for url in urls(*draft):
        assert client.get(url).status_code == 200, url


def test_once_sent_for_approval_the_approvers_can_open_it(p: Personas, draft: tuple[int, int]) -> None:
    require_approval_for(p.school, "class-teacher")
    post = actions.Post.objects.get(pk=draft[0])
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert actions.Post.objects.get(pk=draft[0]).status == actions.Post.Status.PENDING
    head = client_for(p.head)
    assert SECRET in head.get(reverse("posts:detail", args=[draft[0]])).content.decode()
    assert head.get(reverse("posts:photo_image", args=[draft[1]])).status_code == 200


def test_a_senior_leader_cannot_clear_their_own_flagged_photo(
    p: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photos, "_unsuitable_score", lambda image: 0.97)
    post = actions.create_draft(member(p, p.senior), p.main, "Our swimming gala", now=MONDAY_10AM)
    photo = photos.add_photo(post, member(p, p.senior), jpeg(), "gala.jpg")

    with pytest.raises(photos.PhotoProblem, match="Someone else must look"):
        photos.mark_suitable(photo, member(p, p.senior))
    refused = client_for(p.senior).post(
        reverse("posts:photo_change", args=[photo.pk]), {"action": "suitable"}
    )
    assert refused.status_code == 403
    photo.refresh_from_db()
    assert photo.reviewed_at is None

    photos.mark_suitable(photo, member(p, p.head))  # someone else may
    photo.refresh_from_db()
    assert photo.reviewed_by == p.head

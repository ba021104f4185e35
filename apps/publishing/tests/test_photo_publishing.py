"""Photos going out: checked again at publishing, shown on the feed, originals deleted (RAC-04)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from PIL import Image

from apps.audit.models import AuditEntry
from apps.posts import photos, retention
from apps.posts.models import Post, PostPhoto
from apps.publishing import actions
from apps.publishing.tests.conftest import Clock
from apps.schools.actions import update_policy
from apps.schools.models import Membership, Pupil
from apps.schools.testing import Personas

MakePost = Callable[..., Post]
GRACE = Path(settings.BASE_DIR) / "bench" / "faces" / "real" / "grace_hopper.jpg"


def phone_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    Image.open(GRACE).convert("RGB").save(out, "JPEG", exif=exif)
    return out.getvalue()


def post_with_photo(p: Personas, make_post: MakePost, *, consent: bool = True) -> tuple[Post, PostPhoto]:
    """A scheduled Oak Class post whose photo shows one pupil, tagged and described."""
    post = make_post(p, status=Post.Status.DRAFT, scheduled_for=None)
    teacher = Membership.objects.get(user=p.teacher, school=p.school)
    photo = photos.add_photo(post, teacher, phone_jpeg(), "IMG_0001.jpg")
    amy = Pupil.objects.create(
        school=p.school,
        first_name="Amy",
        surname="Jones",
        class_name="Oak",
        photo_consent=True,
        website_consent=True,
    )
    photos.update_photo(
        photo, teacher, alt_text="Oak Class planting bulbs", who={0: str(amy.pk)}, blur=set(), hidden=[]
    )
    if not consent:
        Pupil.objects.filter(pk=amy.pk).update(website_consent=False)
    Post.objects.filter(pk=post.pk).update(
        status=Post.Status.SCHEDULED, scheduled_for=make_post.clock.current
    )  # type: ignore[attr-defined]
    post.refresh_from_db()
    photo.refresh_from_db()
    return post, photo


def test_publishing_deletes_the_original_and_keeps_only_the_cleaned_copy(
    p: Personas, make_post: MakePost, inline_tasks: None, clock: Clock
) -> None:
    post, photo = post_with_photo(p, make_post)
    original = Path(photo.original.path)
    working = Path(photo.working.path)
    assert original.exists() and working.exists()

    actions.queue(post)

    post.refresh_from_db()
    photo.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert not original.exists() and not working.exists()
    assert not photo.original and not photo.working and photo.originals_deleted_at is not None
    assert Path(photo.rendition.path).exists()
    entry = AuditEntry.objects.get(school=p.school, action="photo.originals_deleted")
    assert entry.data["sha256"] == photo.original_sha256


def test_the_published_photo_is_on_the_public_feed_with_its_description(
    p: Personas, make_post: MakePost, inline_tasks: None, clock: Clock
) -> None:
    post, photo = post_with_photo(p, make_post)
    public = Client()
    address = f"/s/{p.school.slug}/photos/{photo.pk}.jpg"
    assert public.get(address).status_code == 404  # not before it is published

    actions.queue(post)

    page = public.get(f"/s/{p.school.slug}/").content.decode()
    assert address in page and 'alt="Oak Class planting bulbs"' in page
    response = public.get(address)
    assert response.status_code == 200 and b"PhoneMaker" not in response.content


def test_a_consent_withdrawn_after_approval_holds_the_post_at_publishing(
    p: Personas, make_post: MakePost, inline_tasks: None, clock: Clock
) -> None:
    post, _ = post_with_photo(p, make_post, consent=False)

    actions.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.HELD
    assert "Amy Jones" in post.held_reason and "consent" in post.held_reason


def test_renditions_are_deleted_after_the_days_the_policy_keeps_them(
    p: Personas, make_post: MakePost, inline_tasks: None, clock: Clock
) -> None:
    text = p.school.policy_toml.replace("[photos]", "[photos]\nkeep_renditions_days = 30", 1)
    update_policy(p.school, text, actor=None)
    post, photo = post_with_photo(p, make_post)
    actions.queue(post)
    post.refresh_from_db()
    assert post.published_at is not None

    assert retention.expire_renditions(post.published_at + timedelta(days=29)) == 0
    assert retention.expire_renditions(post.published_at + timedelta(days=31)) == 1

    photo.refresh_from_db()
    assert not photo.rendition and photo.rendition_deleted_at is not None
    assert Client().get(f"/s/{p.school.slug}/photos/{photo.pk}.jpg").status_code == 404
    assert AuditEntry.objects.filter(school=p.school, action="photo.rendition_deleted").count() == 1


def test_the_sweep_catches_up_on_originals_a_lost_task_left(
    p: Personas, make_post: MakePost, queued_tasks: Any, clock: Clock
) -> None:
    post, photo = post_with_photo(p, make_post)
    actions.queue(post)
    outcome = actions.publish(post.pk)  # the clean-up task it queues waits there and is lost
    photo.refresh_from_db()
    assert photo.original, outcome
    assert Post.objects.get(pk=post.pk).status == Post.Status.PUBLISHED, outcome

    assert retention.retention_sweep() >= 1

    photo.refresh_from_db()
    assert not photo.original and photo.originals_deleted_at is not None


def test_a_retry_after_consent_was_withdrawn_does_not_send_the_photo_on(
    p: Personas, make_post: MakePost, queued_tasks: Any, clock: Clock
) -> None:
    from apps.publishing.models import Publication
    from apps.publishing.targets import RetryableError, registered
    from apps.publishing.tests.fakes import FakePlatform

    platform = FakePlatform(script=[RetryableError("The platform is down", retry_after=60)])
    with registered("fake", platform.factory):
        post, _ = post_with_photo(p, make_post)
        actions.queue(post)
        actions.publish(post.pk)  # the website takes it; the platform is down: a retry is due
        assert Publication.objects.get(post=post, target="fake").status == Publication.Status.RETRYING
        Pupil.objects.filter(first_name="Amy").update(website_consent=False)  # the parents withdraw it
        clock.advance(timedelta(minutes=5))

        outcome = actions.publish(post.pk)

    assert "no longer pass" in outcome
    failed = Publication.objects.get(post=post, target="fake")
    assert failed.status == Publication.Status.FAILED and "Amy Jones" in failed.last_error
    assert platform.posts == {}
    assert AuditEntry.objects.filter(school=p.school, action="post.held").exists()


def test_deleting_a_post_deletes_its_photo_files(
    p: Personas, make_post: MakePost, queued_tasks: Any, clock: Clock
) -> None:
    from apps.posts import actions as posts

    post = make_post(p, status=Post.Status.DRAFT, scheduled_for=None)
    teacher = Membership.objects.get(user=p.teacher, school=p.school)
    photo = photos.add_photo(post, teacher, phone_jpeg(), "IMG_0002.jpg")
    files = [Path(f.path) for f in (photo.original, photo.working, photo.rendition)]
    assert all(f.exists() for f in files)

    posts.delete(Post.objects.get(pk=post.pk), teacher)
    retention.retention_sweep()  # what the queued clean-up task (or the sweep) does

    assert not any(f.exists() for f in files)
    assert AuditEntry.objects.filter(school=p.school, action="photo.files_deleted").count() == 1


def test_a_photo_file_that_cannot_be_deleted_does_not_stop_the_others_or_publishing(
    p: Personas, make_post: MakePost, queued_tasks: Any, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.files.storage import default_storage

    from apps.publishing import tasks

    first, stuck = post_with_photo(p, make_post)
    second, other = post_with_photo(p, make_post)
    for post in (first, second):
        actions.queue(post)
        actions.publish(post.pk)
    real_delete = default_storage.delete

    def delete(name: str) -> None:
        if name == stuck.original.name:
            raise PermissionError(13, "Permission denied")
        real_delete(name)

    monkeypatch.setattr(default_storage, "delete", delete)
    retention.retention_sweep()

    stuck.refresh_from_db()
    other.refresh_from_db()
    assert stuck.originals_deleted_at is None  # tried again at the next sweep
    assert other.originals_deleted_at is not None and not other.original
    monkeypatch.setattr(tasks, "retention_sweep", lambda: 1 / 0)
    tasks.publish_due.call()  # a broken retention sweep must not stop publishing

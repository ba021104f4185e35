"""Withdrawing a pupil's consent holds the posts on their way out that show them, at once (issue 13).

A scheduled Oak Class post has a photo in which Grace Okonjo is tagged, face unblurred. Her mother
rings the office to withdraw website consent; the office records it. The post is held there and
then (not when the worker gets to it), the teacher sees why on her home page and on the post,
and when the post's time comes, publishing sends nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.home.demo import DemoResult
from apps.posts import actions as post_actions
from apps.posts import photos
from apps.posts.models import Post
from apps.publishing import actions as publishing
from apps.publishing.models import Publication
from apps.schools.models import Account, Membership, Pupil
from browser.test_journey import IMMEDIATE_TASKS
from browser.test_new_school import LAPTOP, PHONE, signed_in

GRACE = Path(settings.BASE_DIR) / "bench" / "faces" / "real" / "grace_hopper.jpg"


def scheduled_photo_post(demo: DemoResult, pupil: Pupil, at: datetime) -> Post:
    """The teacher's Oak Class post, its photo showing ``pupil`` tagged and unblurred, scheduled for ``at``."""
    teacher = Membership.objects.get(school=demo.school, user__username="teacher")
    oak = Account.objects.get(school=demo.school, name="Oak Class")
    post = post_actions.create_draft(teacher, oak, "Oak Class enjoyed their science afternoon today!")
    photo = photos.add_photo(post, teacher, GRACE.read_bytes(), "IMG_0042.jpg")
    photos.update_photo(
        photo,
        teacher,
        alt_text="A child in Oak Class at the science table",
        who={0: str(pupil.pk)},
        blur=set(),
        hidden=[],
    )
    Post.objects.filter(pk=post.pk).update(status=Post.Status.SCHEDULED, scheduled_for=at)
    post.refresh_from_db()
    publishing.queue(post)  # not due yet: the worker will send it at ``at``
    return post


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_withdrawing_website_consent_holds_the_scheduled_post_at_once_and_nothing_goes_out(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grace = Pupil.objects.get(school=demo.school, first_name="Grace", surname="Okonjo")
    due = timezone.now() + timedelta(hours=3)
    post = scheduled_photo_post(demo, grace, due)
    assert post.status == Post.Status.SCHEDULED and Publication.objects.filter(post=post).exists()

    office = signed_in(browser, live_server.url, "office", PHONE)
    office.goto(f"{live_server.url}/school/consent/pupils/{grace.pk}/")
    office.check("input[name=channel][value=website]")
    office.check("input[name=value][value=withdrawn]")
    office.fill("input[name=given_by]", "Mrs Okonjo (mother), by phone")
    office.click("form:has(input[name=given_by]) button[type=submit]")
    office.wait_for_load_state()
    message = office.inner_text(".messages")
    assert "Website consent for Grace Okonjo is recorded as withdrawn." in message
    assert "1 post waiting to go out with Grace Okonjo in its photos is now held" in message
    office.screenshot(path=str(screenshot_dir / "consent-withdrawn-holds-post-phone.png"), full_page=True)
    office.close()

    # Held at once, out of the publishing queue, and recorded.
    post.refresh_from_db()
    assert post.status == Post.Status.HELD
    assert "Grace Okonjo's website consent was withdrawn after this post was written" in post.held_reason
    assert AuditEntry.objects.filter(action="post.held", object_id=str(post.pk)).exists()

    # The writer sees it first thing, and the post says why.
    teacher = signed_in(browser, live_server.url, "teacher", LAPTOP)
    attention = teacher.inner_text("main")
    assert "Held or failed: these did not go out" in attention
    assert "Grace Okonjo's website consent was withdrawn" in attention
    teacher.goto(f"{live_server.url}/posts/{post.pk}/")
    assert "Grace Okonjo's website consent was withdrawn" in teacher.inner_text("main")
    assert "Ready to post" not in teacher.inner_text("main")
    teacher.close()
    # So does an approver (the headteacher approves the class accounts' posts).
    head = signed_in(browser, live_server.url, "head", LAPTOP)
    assert "Grace Okonjo's website consent was withdrawn" in head.inner_text("main")
    head.close()

    # The post's time comes and the worker runs: nothing goes out anywhere.
    monkeypatch.setattr(publishing, "now", lambda: due + timedelta(minutes=1))
    for post_id in publishing.due_post_ids():
        publishing.publish(post_id)
    post.refresh_from_db()
    assert post.status == Post.Status.HELD and post.published_at is None
    assert not Publication.objects.filter(post=post, status=Publication.Status.PUBLISHED).exists()

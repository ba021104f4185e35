"""A class teacher on a phone posts a class photo: faces found, one pupil without consent, blurred.

Headless Chromium against the live server, at phone width. The teacher writes a post and picks a
photo of a group; Safepost saves it, finds the faces and says they are not tagged; the teacher
tags one face as a pupil whose parents refused social media and website consent, sees the
consent finding, presses "Blur all faces", describes the photo and sends it. Screenshots go to
artifacts/screenshots/ (photo-panel-phone.png, photo-blurred-phone.png).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from apps.posts.models import Post, PostPhoto
from apps.schools.models import Pupil
from browser.test_journey import IMMEDIATE_TASKS, school, sign_in  # noqa: F401 - the fixture

CLASS_PHOTO = Path(settings.BASE_DIR) / "bench" / "faces" / "composite" / "web_1280x720.jpg"


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_teacher_blurs_the_faces_in_a_class_photo_from_a_phone(
    school: Any,  # noqa: F811 - the fixture imported above
    live_server: Any,
    browser: Any,
    screenshot_dir: Path,
) -> None:
    base = live_server.url
    refused = Pupil.objects.filter(school=school.school).order_by("pk").first()
    assert refused is not None
    Pupil.objects.filter(pk=refused.pk).update(photo_consent=False, website_consent=False)
    phone = browser.new_page(viewport={"width": 375, "height": 812})
    sign_in(phone, base, school.teacher.username)
    phone.goto(f"{base}/posts/new/")
    phone.locator("textarea[name=text]").fill("Oak Class enjoyed their science afternoon today!")
    phone.set_input_files("input[name=photos]", str(CLASS_PHOTO))
    with phone.expect_navigation(timeout=30_000):
        phone.click("button[name=action][value=save]")
    main = phone.inner_text("main")
    assert "Face 1 is" in main and "A face nobody has named" in main
    phone.screenshot(path=str(screenshot_dir / "photo-panel-phone.png"), full_page=True)

    photo = PostPhoto.objects.get()
    phone.select_option(f"#face-{photo.pk}-0", str(refused.pk))
    phone.fill(f"#alt-{photo.pk}", "Children in Oak Class testing which paper plane flies furthest")
    with phone.expect_navigation(timeout=30_000):
        phone.click("button:text-is('Save photo 1')")
    assert "A pupil without photo consent" in phone.inner_text("main")

    with phone.expect_navigation(timeout=30_000):
        phone.click("button:text-is('Blur all faces')")
    main = phone.inner_text("main")
    assert "Every face in the photo is blurred" in phone.inner_text(".messages")
    assert "A pupil without photo consent" not in main and "A face nobody has named" not in main
    phone.screenshot(path=str(screenshot_dir / "photo-blurred-phone.png"), full_page=True)

    phone.click("button[name=action][value=submit]")
    phone.wait_for_load_state()
    assert Post.objects.get().status in (Post.Status.PENDING, Post.Status.SCHEDULED, Post.Status.PUBLISHED)
    phone.close()

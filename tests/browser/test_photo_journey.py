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
REAL_PHOTO = Path(settings.BASE_DIR) / "bench" / "faces" / "real" / "obama3.jpg"


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
    # A teacher picks the photo just as the check of the words starts (300 ms after typing): two
    # requests at once, which once met in the test server's shared SQLite connection (a 404).
    phone.wait_for_timeout(320)
    # Choosing the photo is enough: the draft is saved and the faces are found at once.
    with phone.expect_navigation(timeout=30_000):
        phone.set_input_files("input[name=photos]", str(CLASS_PHOTO))
    main = phone.inner_text("main")
    assert "Face 1 is" in main and "A face nobody has named" in main
    assert "Saved with your photos" in phone.inner_text("#photos")
    phone.screenshot(path=str(screenshot_dir / "photo-panel-phone.png"), full_page=True)

    photo = PostPhoto.objects.get()
    # One vocabulary: the consent the roster and the consent register call "social media" and "website".
    option = phone.locator(f"#face-{photo.pk}-0 option[value='{refused.pk}']").inner_text()
    assert option.endswith("(no social media or website consent)")
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


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_on_a_phone_the_photo_stays_in_view_beside_each_face_picker_and_nothing_is_cut_off(
    school: Any,  # noqa: F811 - the fixture imported above
    live_server: Any,
    browser: Any,
    screenshot_dir: Path,
) -> None:
    base = live_server.url
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    sign_in(phone, base, school.teacher.username)
    phone.goto(f"{base}/posts/new/")
    phone.locator("textarea[name=text]").fill("Oak Class enjoyed their science afternoon today!")
    with phone.expect_navigation(timeout=30_000):
        phone.set_input_files("input[name=photos]", str(CLASS_PHOTO))
    photo = PostPhoto.objects.get()
    assert len(photo.faces) >= 6

    # Scrolled down to the sixth face's picker, the numbered photo is still on the screen above it.
    picker = phone.locator(f"#face-{photo.pk}-5")
    picker.scroll_into_view_if_needed()
    frame = phone.locator(f"#photo-{photo.pk} .photo__frame").bounding_box()
    box = picker.bounding_box()
    assert frame is not None and box is not None
    assert frame["y"] >= -1 and frame["y"] + frame["height"] <= box["y"] + 1, "the photo scrolled away"
    phone.screenshot(path=str(screenshot_dir / "photo-sticky-phone.png"))

    # Every picker shows its whole choice, without the text cut off.
    cut = phone.evaluate(
        """() => [...document.querySelectorAll('.face-row select')].filter(s => {
            const probe = document.createElement('span');
            probe.style.font = getComputedStyle(s).font;
            probe.style.position = 'absolute';
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = s.options[s.selectedIndex].text;
            document.body.append(probe);
            const wide = probe.getBoundingClientRect().width;
            probe.remove();
            return wide > s.clientWidth - 36;  // the arrow and the padding
        }).map(s => s.id)"""
    )
    assert cut == []
    # "Hold Ctrl" means nothing on a phone.
    assert not phone.locator("text=Hold Ctrl").first.is_visible()
    assert phone.locator("text=Tap each pupil to choose more than one.").first.is_visible()

    # A file that is not a photo: the message is in the Photos section, where the page lands.
    with phone.expect_navigation(timeout=30_000):
        phone.set_input_files(
            "#add-photos", {"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": b"not a photo at all"}
        )
    assert phone.url.endswith("#photos")
    assert "notes.jpg" in phone.inner_text("#photos")
    assert "notes.jpg" not in (phone.inner_text(".messages") if phone.locator(".messages").count() else "")
    error = phone.locator("#photos .message--error").bounding_box()
    assert error is not None and 0 <= error["y"] < 740, "the error is not on the screen where the page landed"
    phone.screenshot(path=str(screenshot_dir / "photo-upload-error-phone.png"))
    context.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_blur_all_faces_on_a_real_photo_invents_no_faces_and_keeps_every_number_on_the_photo(
    school: Any,  # noqa: F811 - the fixture imported above
    live_server: Any,
    browser: Any,
    screenshot_dir: Path,
) -> None:
    """Issue 13: on a real photo (a president in a room with a chandelier), "Blur all faces" used
    to add a big oval over the ceiling and lamp, count it as a face, and draw a number off the photo."""
    base = live_server.url
    for width, name in ((1280, "laptop"), (375, "phone")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        sign_in(page, base, school.teacher.username)
        page.goto(f"{base}/posts/new/")
        page.locator("textarea[name=text]").fill("Our visitor spoke to the whole school in assembly today.")
        # Choosing the photo is enough: the draft is saved and the faces are found at once.
        with page.expect_navigation(timeout=60_000):
            page.set_input_files("input[name=photos]", str(REAL_PHOTO))
        photo = PostPhoto.objects.order_by("-pk").first()
        assert photo is not None
        found = len(photo.faces)
        heading = page.inner_text(f"#photo-{photo.pk}-heading")
        assert heading.endswith(f"{found} face{'s' if found != 1 else ''} found")

        with page.expect_navigation(timeout=60_000):
            page.click("button:text-is('Blur all faces')")
        assert page.inner_text(f"#photo-{photo.pk}-heading") == heading
        photo.refresh_from_db()
        assert len([f for f in photo.faces if not f.get("extra")]) == found
        biggest = max(max(f["box"][2:]) for f in photo.faces[:found])
        assert all(max(f["box"][2:]) <= 1.6 * biggest for f in photo.faces)
        # Every face number is drawn inside the photo (the SVG overlay has the photo's size).
        numbers = page.locator(f"#photo-{photo.pk} text.face-box__num")
        assert numbers.count() == found
        for i in range(found):
            box = numbers.nth(i).bounding_box()
            frame = page.locator(f"#photo-{photo.pk} .photo__frame img").bounding_box()
            assert box is not None and frame is not None
            assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
            assert frame["y"] - 1 <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
        page.screenshot(path=str(screenshot_dir / f"photo-blur-all-real-{name}.png"), full_page=True)
        page.close()

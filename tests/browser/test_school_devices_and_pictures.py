"""Issue 15 on a phone: a senior leader remembers a school tablet and a teacher at home is told why
Safepost will not open; the headteacher marks a newspaper's photo as not the school's to use."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from PIL import Image

from apps.home.demo import DemoResult
from apps.posts.models import KnownPicture
from apps.schools.models import School, SchoolDevice
from browser.test_journey import IMMEDIATE_TASKS
from browser.test_new_school import PHONE, signed_in

REAL = Path(settings.BASE_DIR) / "bench" / "faces" / "real"


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_teacher_off_site_is_told_why_and_a_remembered_tablet_works(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    school = School.objects.get(slug=demo.school.slug)
    # The live server sees 127.0.0.1: that is the school's network here, until it is not.
    school.policy_toml += '\n[devices]\nschool_devices = "sign-in"\nnetworks = ["127.0.0.0/8"]\n'
    school.save()

    senior = signed_in(browser, live_server.url, "senior", PHONE)
    senior.goto(f"{live_server.url}/school/devices/")
    assert "You are on the school's network" in senior.inner_text("main")
    senior.fill("#device-name", "Year 4 iPad")
    senior.click("button:has-text('Remember this device')")
    senior.wait_for_load_state()
    assert "remembered as a school device" in senior.inner_text("main")
    assert senior.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    senior.screenshot(path=str(screenshot_dir / "school-devices-phone.png"), full_page=True)
    assert SchoolDevice.objects.filter(school=school, name="Year 4 iPad").exists()

    # Now the school's network is somewhere else: the teacher at home is stopped, with the reason.
    school.policy_toml = school.policy_toml.replace(
        'networks = ["127.0.0.0/8"]', 'networks = ["203.0.113.0/24"]'
    )
    school.save()
    teacher = signed_in(browser, live_server.url, "teacher", PHONE)
    teacher.goto(f"{live_server.url}/posts/")
    text = teacher.inner_text("main")
    assert "Only from school devices" in text and "127.0.0.1" in text
    teacher.screenshot(path=str(screenshot_dir / "off-site-phone.png"), full_page=True)
    # The remembered tablet still works for the senior leader's session (its cookie).
    senior.goto(f"{live_server.url}/posts/")
    assert "Only from school devices" not in senior.inner_text("main")


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_head_marks_a_newspapers_photo_as_not_the_schools(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "newspaper.jpg"
    image = Image.open(sorted(REAL.iterdir())[0]).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG")
    picture.write_bytes(out.getvalue())

    page = signed_in(browser, live_server.url, "head", PHONE)
    page.goto(f"{live_server.url}/pictures/")
    intro = page.inner_text("main")
    assert "does not read watermarks" in intro
    page.set_input_files("#picture", str(picture))
    page.fill("#label", "The Gazette's photo of our choir")
    page.check("input[value=not-ours]")
    page.click("text=Add to the list")
    page.wait_for_load_state()
    assert "The Gazette's photo of our choir" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshot_dir / "pictures-phone.png"), full_page=True)
    assert KnownPicture.objects.filter(status="not-ours").count() == 1

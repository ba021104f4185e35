"""A new school's first hour, role by role, on a phone and a laptop (issue 13).

Headless Chromium against the live server with the demo school loaded, as `make run` loads it:
every role signs in (the headteacher with an authenticator code) and meets the pages as a new
user would. Each test is a rough edge a school ran into, kept so it stays fixed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.home.demo import PASSWORD, TOTP_SECRETS, DemoResult, totp_code
from apps.posts.models import Post
from apps.schools.models import Pupil
from browser.test_journey import IMMEDIATE_TASKS

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 900}


def signed_in(browser: Any, base: str, username: str, viewport: dict[str, int] = LAPTOP) -> Any:
    """A page signed in as the demo ``username`` (with an authenticator code where the role needs one)."""
    page = browser.new_page(viewport=viewport)
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if username in TOTP_SECRETS:
        code, valid_for = totp_code(TOTP_SECRETS[username])
        if valid_for < 5:
            # A code about to expire can be stale by the time a busy machine submits it (the test
            # then fails on "Incorrect code"): wait for the next one.
            time.sleep(valid_for + 0.5)
            code, _ = totp_code(TOTP_SECRETS[username])
        page.fill("input[name=code]", code)
        page.click("button[type=submit]")
        page.wait_for_load_state()
    return page


def menu_labels(page: Any) -> list[str]:
    return [label.strip() for label in page.locator("nav.app-nav a").all_inner_texts()]


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_every_menu_item_is_on_a_phone_screen_without_scrolling_sideways(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    page = signed_in(browser, live_server.url, "head", PHONE)
    links = page.locator("nav.app-nav a")
    assert links.count() == 17  # with followers, following, the policy, duties and the report
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            f"{links.nth(i).inner_text()} is off the screen"
        )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshot_dir / "menu-phone.png"))
    page.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_governor_finds_the_posts_in_the_menu_and_can_read_them(
    browser: Any, live_server: Any, demo: DemoResult
) -> None:
    page = signed_in(browser, live_server.url, "governor")
    assert "Posts" in menu_labels(page)
    assert "Write a post" not in menu_labels(page)
    page.click("nav.app-nav a:text-is('Posts')")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Posts"
    assert "Write a post" not in page.inner_text("main")
    page.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_computing_lead_is_told_their_posts_go_for_approval_not_that_they_cannot_post(
    browser: Any, live_server: Any, demo: DemoResult
) -> None:
    page = signed_in(browser, live_server.url, "computing")
    page.goto(f"{live_server.url}/posts/new/")
    main = page.inner_text("main")
    assert "no posting rights" not in main and "gives posting rights to" not in main
    assert "Your posts go to an approver before they go out" in main
    assert page.locator("button[name=action][value=submit]").count() == 1
    page.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_consent_form_shows_todays_date_ready_to_change(
    browser: Any, live_server: Any, demo: DemoResult
) -> None:
    pupil = Pupil.objects.filter(school=demo.school, is_active=True).order_by("pk").first()
    assert pupil is not None
    page = signed_in(browser, live_server.url, "office", PHONE)
    page.goto(f"{live_server.url}/school/consent/pupils/{pupil.pk}/")
    today = timezone.localdate()
    assert page.input_value("input[name=on]") == today.isoformat()
    page.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_two_row_roster_asks_is_this_your_whole_roster_and_can_be_undone_in_one_step(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    on_roll = set(Pupil.objects.filter(school=demo.school, is_active=True).values_list("pk", flat=True))
    assert len(on_roll) == 32
    page = signed_in(browser, live_server.url, "head", PHONE)
    page.goto(f"{live_server.url}/school/roster/")
    two_rows = b"first_name,last_name,class_name\nGrace,Okonjo,Oak\nNew,Starter,Oak\n"
    page.set_input_files(
        "input[name=file]", {"name": "new-starters.csv", "mimeType": "text/csv", "buffer": two_rows}
    )
    page.click("button:text-is('Upload and preview')")
    page.wait_for_load_state()
    warning = page.locator("#roster-loss")
    assert (
        "Is this your whole roster? Importing it marks 31 of your 32 pupils as left" in warning.inner_text()
    )
    assert "Willow" in warning.inner_text()  # which classes lose pupils
    # The warning comes before the button, and the button says what it does.
    button = page.locator("button[name=confirm]")
    assert button.inner_text() == "Import and mark 31 pupils as left"
    assert warning.bounding_box()["y"] < button.bounding_box()["y"]
    page.screenshot(path=str(screenshot_dir / "roster-whole-roster-phone.png"), full_page=True)

    button.click()  # not ticked: the browser asks for the tick, nothing is sent
    assert Pupil.objects.filter(school=demo.school, is_active=True).count() == 32
    page.check("input[name=whole_roster]")
    button.click()
    page.wait_for_load_state()
    assert "Roster imported: 2 pupils, 31 marked as left." in page.inner_text(".messages")
    assert Pupil.objects.filter(school=demo.school, is_active=True).count() == 2

    page.click("button:text-is('Undo this import')")
    page.wait_for_load_state()
    assert "Import undone" in page.inner_text(".messages")
    assert (
        set(Pupil.objects.filter(school=demo.school, is_active=True).values_list("pk", flat=True)) == on_roll
    )
    assert AuditEntry.objects.filter(school=demo.school, action="roster.import_undone").count() == 1
    # The roster names consent as the consent register does.
    headers = page.locator("#roster-list th").all_inner_texts()
    assert "Social media consent" in headers and "Photo consent" not in headers
    page.close()


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_calendar_shows_the_week_and_the_month_on_a_laptop_and_a_phone(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    # The demo's "going out next" post, as the head sees it on the calendar.
    upcoming = (
        Post.objects.filter(school=demo.school, status=Post.Status.SCHEDULED)
        .order_by("scheduled_for")
        .first()
    )
    assert upcoming is not None and upcoming.scheduled_for is not None
    local = timezone.localtime(upcoming.scheduled_for, demo.school.policy.tz)
    day = local.date().isoformat()

    laptop = signed_in(browser, live_server.url, "head", LAPTOP)
    laptop.click("nav.app-nav a:text-is('Posts')")
    laptop.click(".view-switch a:text-is('Week')")
    laptop.goto(f"{live_server.url}/posts/calendar/?view=week&date={day}")
    # The post sits in the row of its hour, and the weekend's hours are shaded as closed.
    row = laptop.locator(f"tr:has(th.cal-hour:text-is('{local:%H}:00'))")
    assert f"{local:%H:%M}" in row.inner_text() and upcoming.account.name in row.inner_text()
    assert laptop.locator("td.cal-slot--closed").count() > laptop.locator("td.cal-slot--open").count() / 3
    laptop.screenshot(path=str(screenshot_dir / "calendar-week-laptop.png"), full_page=True)

    # Next month, without a page load (htmx swaps the calendar), then back to the post.
    laptop.click(".view-switch a:text-is('Month')")
    title = laptop.inner_text("#cal-title")
    laptop.click("#calendar a[rel=next]")
    laptop.wait_for_function("t => document.querySelector('#cal-title').innerText !== t", arg=title)
    assert "view=month" in laptop.url
    laptop.screenshot(path=str(screenshot_dir / "calendar-month-laptop.png"), full_page=True)
    laptop.close()

    phone = signed_in(browser, live_server.url, "teacher", PHONE)
    phone.goto(f"{live_server.url}/posts/calendar/?view=week&date={day}")
    assert not phone.locator(".cal-grid").is_visible()  # a list of days, not a squeezed grid
    heading = phone.locator(f".cal-agenda__heading:has-text('{local:%A} {local.day} {local:%B}')")
    assert heading.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=str(screenshot_dir / "calendar-week-phone.png"), full_page=True)
    phone.goto(f"{live_server.url}/posts/calendar/?view=month&date=2027-01-01")
    assert "Term starts" in phone.inner_text(".cal-month")  # the demo's spring term, 5 January
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=str(screenshot_dir / "calendar-month-phone.png"), full_page=True)
    phone.close()


@pytest.mark.browser
@pytest.mark.parametrize("username", ["head", "senior", "teacher", "office", "computing", "governor"])
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_every_page_in_each_roles_menu_opens_and_fits_a_phone(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path, username: str
) -> None:
    page = signed_in(browser, live_server.url, username, PHONE)
    links = page.locator("nav.app-nav a")
    targets = [
        (links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())
    ]
    assert targets, "the menu is empty"
    too_wide = []
    for label, href in targets:
        response = page.goto(f"{live_server.url}{href}")
        assert response is not None and response.status == 200, (
            f"{label} answered {response and response.status}"
        )
        assert "Traceback" not in page.content()
        if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            too_wide.append(label)
    assert too_wide == [], f"these pages scroll sideways on a phone: {too_wide}"
    page.close()

"""The whole journey in a real browser: a teacher writes a post, the head approves it, parents see it.

Headless Chromium driven by Playwright against Django's live server. The class teacher signs
in, writes a post with a pupil's full name, sees the finding on the words, fixes it and sends
it for approval; the headteacher signs in with a password and an authenticator code, approves
it; the post appears on the school's public feed. The compose page is screenshotted at phone
and desktop widths (artifacts/screenshots/).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from apps.schools.actions import do_replace_roster, update_policy
from apps.schools.testing import PASSWORD, Personas, make_personas
from safepost.policy.roster import load_roster

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Open all day, every day, so the journey does not depend on when the tests run; class
# teachers need approval, so the head's part of the journey happens.
POLICY_CHANGES = {
    'days = ["mon", "tue", "wed", "thu", "fri"]\nstart = "08:00"\nend = "18:00"': 'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\nstart = "00:00"\nend = "23:59"',
    "approval_required_for = []": 'approval_required_for = ["class-teacher"]',
}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def school(transactional_db: Any) -> Personas:
    p = make_personas()
    text = p.school.policy_toml
    for old, new in POLICY_CHANGES.items():
        assert old in text, f"the st-catherine preset no longer has {old!r}"
        text = text.replace(old, new)
    update_policy(p.school, text, p.head)
    do_replace_roster(p.school, load_roster(FIXTURES / "roster.csv"), p.head)
    return p


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def pass_second_factor(page: Any, user: Any) -> None:
    """Type the authenticator's code on the sign-in's second step and wait until the app has let the user in.

    Waiting for the page to leave the code form (not only for a load state, which the form's own page already
    has) keeps the next ``goto`` from cutting the code's POST short and landing back on the form.
    """
    page.wait_for_selector("input[name=code]", timeout=10_000)
    page.fill("input[name=code]", authenticator_code(user))
    page.click("button[type=submit]")
    page.wait_for_function("() => !document.querySelector('input[name=code]')", timeout=10_000)


def authenticator_code(user: Any) -> str:
    """The current code of the user's authenticator app, as the phone would show it."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
    from allauth.mfa.utils import decrypt

    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_post_goes_from_the_teacher_through_the_head_to_the_public_feed(
    browser: Any, live_server: Any, school: Personas, screenshot_dir: Path
) -> None:
    base = live_server.url
    teacher_page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(teacher_page, base, school.teacher.username)
    teacher_page.goto(f"{base}/posts/new/")

    # A pupil's full name: the finding appears on the words, as the writer types.
    text = teacher_page.locator("textarea[name=text]")
    text.fill("Well done Theo Carver in Birch Class for a brilliant science investigation!")
    teacher_page.wait_for_selector("mark", timeout=10_000)
    results = teacher_page.locator("#result, .compose-results, main")
    assert "full name" in results.first.inner_text()
    teacher_page.screenshot(path=str(screenshot_dir / "compose-desktop-finding.png"), full_page=True)

    # Fixed: about the class, no names.
    text.fill("Well done to Birch Class for some brilliant science investigations this afternoon!")
    deadline = time.monotonic() + 10
    while teacher_page.locator("mark").count() and time.monotonic() < deadline:
        teacher_page.wait_for_timeout(200)
    assert teacher_page.locator("mark").count() == 0
    teacher_page.screenshot(path=str(screenshot_dir / "compose-desktop-clean.png"), full_page=True)
    teacher_page.click("button[name=action][value=submit]")
    teacher_page.wait_for_load_state()
    assert "approval" in teacher_page.inner_text("main").lower()

    # The compose page on a phone.
    phone = browser.new_page(viewport={"width": 375, "height": 812})
    sign_in(phone, base, school.teacher.username)
    phone.goto(f"{base}/posts/new/")
    phone.locator("textarea[name=text]").fill("Well done Theo Carver in Birch Class!")
    phone.wait_for_selector("mark", timeout=10_000)
    phone.screenshot(path=str(screenshot_dir / "compose-phone.png"), full_page=True)
    phone.close()

    # The headteacher signs in with a second factor and approves it.
    head_page = browser.new_page(viewport={"width": 1280, "height": 900})
    from apps.schools.testing import ensure_totp

    ensure_totp(school.head)
    sign_in(head_page, base, school.head.username)
    pass_second_factor(head_page, school.head)
    head_page.goto(f"{base}/approvals/")
    assert "Birch Class for some brilliant science" in head_page.inner_text("main")
    head_page.click("button:text-is('Approve')")
    head_page.wait_for_timeout(1500)
    head_page.screenshot(path=str(screenshot_dir / "approvals-after.png"), full_page=True)

    # Parents see it on the school's public feed.
    parent = browser.new_page(viewport={"width": 375, "height": 812})
    parent.goto(f"{base}/s/{school.school.slug}/")
    from apps.posts.models import Post

    state = list(
        Post.objects.values(
            "status", "scheduled_for", "held_reason", "publications__status", "publications__last_error"
        )
    )
    assert "Well done to Birch Class for some brilliant science investigations" in parent.inner_text(
        "main"
    ), state
    parent.screenshot(path=str(screenshot_dir / "public-feed-phone.png"), full_page=True)
    for page in (teacher_page, head_page, parent):
        page.close()

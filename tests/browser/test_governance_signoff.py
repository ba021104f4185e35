"""Issue 14: the chair of governors, a governor account, signs off the draft policy on a phone after
the headteacher; the signed version is kept with who signed it and when."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from apps.governance import actions
from apps.governance.models import PolicyVersion, SignOff
from apps.home.demo import DemoResult
from apps.schools.models import Membership
from browser.test_journey import IMMEDIATE_TASKS
from browser.test_new_school import PHONE, signed_in


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_chair_of_governors_signs_off_the_draft_policy(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    school = demo.school
    school.refresh_from_db()
    draft = PolicyVersion.objects.get(school=school, number=school.policy_version)
    signed_before = PolicyVersion.objects.filter(school=school, signed_at__isnull=False).get()
    assert not draft.is_signed

    # The headteacher has signed already (the action the page's form calls); the chair signs here.
    head = Membership.objects.select_related("school").get(user=demo.users["head"], school=school)
    actions.sign_version(draft, head, "Anita Shah")

    chair = signed_in(browser, live_server.url, "governor", PHONE)
    chair.click("nav.app-nav >> text=Policy")
    chair.wait_for_load_state()
    overview = chair.inner_text("main")
    assert f"Version {draft.number} of the settings is a draft: it needs one more signature" in overview
    assert "Margaret Lewis is the chair of governors" in overview
    chair.goto(f"{live_server.url}/notifications/")
    notice = chair.locator(
        "li.notification", has_text=f"Policy version {draft.number} is waiting for your signature"
    )
    notice.locator("button:has-text('Open it')").click()
    chair.wait_for_load_state()
    page = chair.inner_text("main")
    assert f"Sign version {draft.number} as the chair of governors" in page
    assert "Anita Shah, headteacher, signed" in page
    # Each sentence says which setting makes Safepost enforce it.
    title = chair.get_attribute("li:has-text('check recent followers every week')", "title")
    assert title is not None and "following.follower_review" in title
    chair.fill("#sign-name", "Margaret Lewis")
    chair.click("button:has-text('Sign the policy')")
    chair.wait_for_load_state()
    assert "this is now the school's signed policy" in chair.inner_text(".messages")
    assert chair.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    chair.screenshot(path=str(screenshot_dir / "governance-chair-signs-phone.png"), full_page=True)

    draft.refresh_from_db()
    assert draft.is_signed
    assert {(s.capacity, s.typed_name) for s in draft.signoffs.all()} == {
        (SignOff.Capacity.HEADTEACHER, "Anita Shah"),
        (SignOff.Capacity.CHAIR, "Margaret Lewis"),
    }
    signed_before.refresh_from_db()
    assert signed_before.is_signed  # the earlier signed version is kept

    chair.goto(f"{live_server.url}/governance/")
    assert f"Version {draft.number} is the school's signed policy: signed by Anita Shah (headteacher)" in (
        chair.inner_text("main")
    )

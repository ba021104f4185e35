"""A class teacher proposes that the school follows the local library; the headteacher approves it.

On a school whose policy says the headteacher decides each follow (RAC-07): the teacher proposes
from the Following page, the headteacher is told, opens the proposal from her notifications and
approves it (the decision panel is replaced in place by htmx); Safepost follows the account on the
platform (a fake client standing in for Bluesky). Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from apps.following import sync
from apps.following.models import FollowedAccount, FollowProposal
from apps.following.tests.conftest import LIBRARY, FakeFollowing, connect
from apps.schools.testing import ensure_totp, make_personas
from browser.test_journey import IMMEDIATE_TASKS, pass_second_factor, sign_in


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_teacher_proposes_a_follow_and_the_headteacher_approves_it_in_the_browser(
    browser: Any,
    live_server: Any,
    transactional_db: Any,
    screenshot_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")
    p = make_personas(preset="rackham", slug="follow")
    connect(p)
    platform = FakeFollowing(known={"leedslibraries": LIBRARY})
    monkeypatch.setattr(sync, "build_client", lambda connection: platform)
    base = live_server.url

    teacher = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(teacher, base, p.teacher.username)
    teacher.wait_for_load_state()
    teacher.click("nav.app-nav >> text=Following")
    teacher.click("text=Propose an account to follow")
    teacher.fill("input[name=target]", "@leedslibraries")
    teacher.check("input[name=category][value=children]")
    teacher.fill("textarea[name=reason]", "They run the summer reading challenge our pupils take part in.")
    teacher.screenshot(path=str(screenshot_dir / "following-propose.png"), full_page=True)
    teacher.click("button:text-is('Propose it')")
    teacher.wait_for_load_state()
    assert "Waiting for the headteacher to decide" in teacher.inner_text("main")
    proposal = FollowProposal.objects.get()
    assert proposal.state == FollowProposal.State.WAITING

    head = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    ensure_totp(p.head)
    sign_in(head, base, p.head.username)
    pass_second_factor(head, p.head)
    head.goto(f"{base}/notifications/")
    assert "Approve a follow?" in head.inner_text("main")
    head.click("button:text-is('Open it')")
    head.wait_for_load_state()
    assert "They run the summer reading challenge" in head.inner_text("main")
    head.fill("textarea[name=note]", "A good link for the reading challenge.")
    head.click("button:text-is('Approve and follow')")
    head.wait_for_selector("#decision >> text=Decided by Helen Head")
    assert "Followed" in head.inner_text("#decision")
    head.screenshot(path=str(screenshot_dir / "following-approved-phone.png"), full_page=True)

    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FOLLOWED
    assert ("follow", "leedslibraries") in platform.calls
    assert FollowedAccount.objects.get().justification.startswith("They run the summer reading challenge")

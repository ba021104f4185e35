"""A headteacher handles a threat on a phone: told at once, takes it, hides it with the evidence kept.

A threat naming a member of staff arrives on the school's Bluesky account; the headteacher's
phone (375 px) shows the notification, the pinned item, the reasons with the words marked, and
what the policy says; she takes it, hides the reply (the evidence is kept first) and opens an
incident on the e-safety record. Screenshots at 375 px and 1280 px go to artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from apps.moderation import ingest
from apps.moderation.models import Evidence, InboxItem, Incident
from apps.moderation.tests.conftest import FakeReader, incoming, make_school, page
from apps.schools.testing import ensure_totp
from browser.test_journey import IMMEDIATE_TASKS, pass_second_factor, sign_in

THREAT = "I know which car is yours Mr Head. Just saying"


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_headteacher_handles_a_threat_on_a_phone(
    browser: Any,
    live_server: Any,
    transactional_db: Any,
    screenshot_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")
    world = make_school(slug="phone")
    reader = FakeReader(
        pages=[page(incoming("at://troll/app.bsky.feed.post/1", THREAT, author="@troll.example"))]
    )
    monkeypatch.setattr(ingest, "build_client", lambda connection: reader)
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    assert item.pinned

    base = live_server.url
    phone = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    ensure_totp(world.p.head)
    sign_in(phone, base, world.p.head.username)
    pass_second_factor(phone, world.p.head)

    phone.goto(f"{base}/notifications/")
    assert "Safeguarding" in phone.inner_text("main")
    phone.screenshot(path=str(screenshot_dir / "inbox-notification-phone.png"), full_page=True)
    phone.click("button:text-is('Open it')")
    phone.wait_for_load_state()
    assert "This needs someone now" in phone.inner_text("main")
    assert phone.locator("mark").count() >= 1
    phone.screenshot(path=str(screenshot_dir / "inbox-threat-phone.png"), full_page=True)

    phone.click('button:text-is("I\'ll take it")')
    phone.wait_for_load_state()
    assert "You have taken this item" in phone.inner_text("body")
    phone.click("button:text-is('Hide the reply')")
    phone.wait_for_load_state()
    assert "The evidence was kept first" in phone.inner_text("body")
    assert reader.done[0][0] == "hide_reply"
    assert Evidence.objects.filter(item=item).exists()
    phone.screenshot(path=str(screenshot_dir / "inbox-threat-handled-phone.png"), full_page=True)

    phone.click("text=Open an incident about this")
    phone.wait_for_load_state()
    phone.click("button:text-is('Put it on the record')")
    phone.wait_for_load_state()
    assert Incident.objects.get().items.get() == item
    phone.screenshot(path=str(screenshot_dir / "incident-phone.png"), full_page=True)

    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    desktop.context.add_cookies(phone.context.cookies())
    for name, path in (
        ("inbox", "/inbox/"),
        ("inbox-item", f"/inbox/{item.pk}/"),
        ("record", "/inbox/record/"),
    ):
        desktop.goto(f"{base}{path}")
        desktop.screenshot(path=str(screenshot_dir / f"{name}-desktop.png"), full_page=True)
    phone.goto(f"{base}/inbox/")
    phone.screenshot(path=str(screenshot_dir / "inbox-phone.png"), full_page=True)
    desktop.close()
    phone.close()

"""The pages this security work changed read well on a phone and a laptop: the staff list with a
waiting invitation, the invitation page, and the audit log with its two downloads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from apps.schools import invites
from apps.schools.models import Membership
from apps.schools.testing import Personas, client_for, make_personas

WIDTHS = (375, 1280)


@pytest.fixture
def school(transactional_db: Any) -> Personas:
    return make_personas()


def signed_in_context(browser: Any, base: str, user: Any, width: int) -> Any:
    client = client_for(user)
    context = browser.new_context(viewport={"width": width, "height": 900})
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base}])
    return context


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


@pytest.mark.browser
def test_the_invitation_and_audit_pages_fit_a_phone_and_a_laptop(
    browser: Any, live_server: Any, school: Personas, screenshot_dir: Path
) -> None:
    base = live_server.url
    head = Membership.objects.get(user=school.head, school=school.school)
    invitation, token = invites.invite(
        school.school,
        first_name="Nia",
        last_name="Newcomer",
        email="nia@example.org",
        role="class-teacher",
        by=head,
    )
    for width in WIDTHS:
        context = signed_in_context(browser, base, school.head, width)
        page = context.new_page()
        page.goto(f"{base}/school/staff/")
        assert "Invited, not joined yet" in page.content() and "Nia Newcomer" in page.content()
        assert no_sideways_scroll(page), f"staff page scrolls sideways at {width}px"
        page.screenshot(path=str(screenshot_dir / f"security-staff-invited-{width}.png"), full_page=True)
        page.goto(f"{base}/audit/")
        assert "the exact copy" in page.content()
        assert no_sideways_scroll(page), f"audit page scrolls sideways at {width}px"
        page.screenshot(path=str(screenshot_dir / f"security-audit-{width}.png"), full_page=True)
        context.close()

        anonymous = browser.new_context(viewport={"width": width, "height": 900})
        page = anonymous.new_page()
        page.goto(f"{base}/invitations/{token}/")
        assert "Accept and join" in page.content()
        assert no_sideways_scroll(page)
        page.screenshot(path=str(screenshot_dir / f"security-invitation-{width}.png"), full_page=True)
        anonymous.close()
    assert not mail.outbox or all(re.search("invitations", m.body) for m in mail.outbox)
    assert invitation.is_pending

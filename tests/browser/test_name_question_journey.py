"""'Is Summer a pupil here?' in a real browser, on a phone and a laptop (issue 12).

A class teacher writes a post with a pupil's name that is also an ordinary word; the check asks
whether it is a pupil; the teacher answers on the page and the check reads the post again with
the answer, which the school keeps. Screenshots in artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from apps.schools.actions import do_replace_roster, update_policy
from apps.schools.models import NameAnswer
from apps.schools.testing import PASSWORD, Personas, make_personas
from safepost.policy.roster import load_roster

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Posting hours all day, so the check reads the words whenever the test runs.
OPEN_ALL_DAY = (
    'days = ["mon", "tue", "wed", "thu", "fri"]\nstart = "08:00"\nend = "18:00"',
    'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\nstart = "00:00"\nend = "23:59"',
)


@pytest.fixture
def school(transactional_db: Any) -> Personas:
    p = make_personas()
    assert OPEN_ALL_DAY[0] in p.school.policy_toml, "the st-catherine preset's posting hours changed"
    update_policy(p.school, p.school.policy_toml.replace(*OPEN_ALL_DAY), p.head)
    do_replace_roster(p.school, load_roster(FIXTURES / "roster.csv"), p.head)  # has Summer Brook
    return p


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


PAINTING = "Year 2 have been painting Summer in bright colours for the hall display."


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height", "name"), [(375, 812, "phone"), (1280, 900, "desktop")])
def test_the_writer_is_asked_once_and_the_answer_is_kept(
    browser: Any,
    live_server: Any,
    school: Personas,
    screenshot_dir: Path,
    width: int,
    height: int,
    name: str,
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    sign_in(page, live_server.url, school.teacher.username)
    page.goto(f"{live_server.url}/posts/new/")
    page.locator("textarea[name=text]").fill(PAINTING)
    question = page.get_by_text("Is Summer a pupil here?", exact=True)
    question.wait_for(timeout=10_000)
    question.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / f"compose-name-question-{name}.png"), full_page=True)

    page.get_by_role("button", name="No, just the word").click()
    page.get_by_text("Remembered: Summer is not a pupil's name here").wait_for(timeout=10_000)
    assert page.get_by_text("Is Summer a pupil here?", exact=True).count() == 0
    page.screenshot(path=str(screenshot_dir / f"compose-name-answered-{name}.png"), full_page=True)
    assert NameAnswer.objects.get(school=school.school).is_pupil is False
    page.close()

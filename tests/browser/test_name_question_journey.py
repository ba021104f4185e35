"""'Is Summer a pupil here?' in a real browser, on a phone and a laptop (issue 12).

A class teacher writes a post with a pupil's name that is also an ordinary word; the check asks
whether it is a pupil; the teacher answers on the page and the check reads the post again with
the answer, which the school keeps. Screenshots in artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from apps.schools.models import NameAnswer
from apps.schools.testing import Personas

PAINTING = "Year 2 have been painting Summer in bright colours for the hall display."


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height", "name"), [(375, 812, "phone"), (1280, 900, "desktop")])
def test_the_writer_is_asked_once_and_the_answer_is_kept(
    browser: Any,
    live_server: Any,
    open_school: Personas,
    sign_in: Callable[[Any, str, str], None],
    screenshot_dir: Path,
    width: int,
    height: int,
    name: str,
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    sign_in(page, live_server.url, open_school.teacher.username)
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
    assert NameAnswer.objects.get(school=open_school.school).is_pupil is False
    page.close()

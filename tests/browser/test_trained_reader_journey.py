"""The trained readers' warnings in a real browser, on a phone and a laptop (issue 12).

A class teacher writes a post that singles out one child in a way no rule knows, then one that
says where the class will be; the compose page shows each warning with its reason and what to
write instead, marks the sentence, and does not say "Ready to post". Screenshots in
artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from apps.schools.testing import Personas

ONE_CHILD = (
    "Congratulations to Maple's new Eco Monitor, who has already told the whole staffroom off for leaving the "
    "lights on!"
)
SURNAME = "Green flew round the final lap to win the Year 4 race by a mile!"
WHEREABOUTS = "Coach leaves from the top gate at 8:15 sharp tomorrow, then straight up the valley path to the waterfall."


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height", "name"), [(375, 812, "phone"), (1280, 900, "desktop")])
def test_the_writer_sees_why_the_reader_warns_and_what_to_write_instead(
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
    for text, says, shot in (
        (ONE_CHILD, "This reads like news about one child", "one-child"),
        (WHEREABOUTS, "This reads like it tells people where pupils will be", "whereabouts"),
        (SURNAME, 'Is "Green" the child this is about?', "surname"),
    ):
        page.locator("textarea[name=text]").fill(text)
        warning = page.get_by_text(says)
        warning.wait_for(timeout=10_000)
        warning.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_dir / f"compose-reader-{shot}-{name}.png"), full_page=True)
        assert page.get_by_text("Ready to post").count() == 0
    page.close()

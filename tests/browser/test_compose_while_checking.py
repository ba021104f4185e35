"""While the compose page is checking what was just typed, the post cannot be sent (round 9's note:
"Publish now" looked ready beside "Checking…"). Screenshot in artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from apps.schools.testing import Personas


@pytest.mark.browser
def test_the_send_button_is_disabled_while_the_words_are_being_checked(
    browser: Any,
    live_server: Any,
    open_school: Personas,
    sign_in: Callable[[Any, str, str], None],
    screenshot_dir: Path,
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    sign_in(page, live_server.url, open_school.teacher.username)
    page.goto(f"{live_server.url}/posts/new/")
    send = page.locator("#submit-bar button[value=submit]")
    page.locator("textarea[name=text]").fill("Year 4 have loved their science week.")
    page.get_by_text("Ready to post").wait_for(timeout=10_000)
    assert send.is_enabled()

    held: list[Any] = []  # the next check's request, held back as a busy server would
    page.route(
        "**/posts/new/",
        lambda route: held.append(route) if route.request.method == "POST" else route.continue_(),
    )
    page.locator("textarea[name=text]").fill("Year 4 have loved their science week. Well done Ruby Baker!")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the compose page did not check the new words"
    assert page.locator("#checking").is_visible()
    assert send.is_disabled(), "the old verdict's button must not send words that are still being checked"
    page.wait_for_timeout(500)  # "Checking…" fades in after 200 ms
    page.screenshot(path=str(screenshot_dir / "compose-while-checking-phone.png"), full_page=True)
    held[0].continue_()
    page.get_by_text("Can't be posted yet").wait_for(timeout=10_000)
    page.close()

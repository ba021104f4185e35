"""Browser tests: Playwright driving Debian's Chromium, headless, against Django's live server.

`make test` installs Chromium when it is missing (scripts/ensure-chromium.sh) and sets
SAFEPOST_CHROMIUM. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from apps.home.demo import DemoResult, load_demo
from apps.schools.actions import do_replace_roster, update_policy
from apps.schools.testing import PASSWORD, Personas, make_personas
from safepost.policy.roster import load_roster

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Posting hours all day, so the compose page checks the words whenever the test runs.
OPEN_ALL_DAY = (
    'days = ["mon", "tue", "wed", "thu", "fri"]\nstart = "08:00"\nend = "18:00"',
    'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\nstart = "00:00"\nend = "23:59"',
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class OneRequestAtATime(WSGIServer):
    """Django's live server, answering one request at a time (closing each connection after it).

    The tests' SQLite database lives in memory, so every thread of Django's threaded live server
    shares the test's one connection. Two requests at once (the compose page's check of the words
    just typed and the upload of the photo chosen straight after) then read through the same
    cursor, and one of them can find no membership and answer 404. A school's server has a
    connection per thread; only the test server needs this.
    """

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        # LiveServerThread.run() has already given this thread the test's connections.
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATime  # type: ignore[assignment]


def chromium_path() -> str | None:
    """Debian's Chromium, wherever it is."""
    for candidate in (os.environ.get("SAFEPOST_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium, shared by the session's browser tests."""
    path = chromium_path()
    if path is None:
        message = (
            "\n\n!!! BROWSER TESTS SKIPPED: Chromium is not installed. `make test` installs Debian's chromium "
            "when run as root; otherwise install it (apt-get install chromium) or set SAFEPOST_CHROMIUM. !!!\n"
        )
        print(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django refuses database
    # calls from such a thread unless told it is safe (it is: the loop never runs Django code).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo(transactional_db: Any) -> DemoResult:
    """The demo school, Oakfield Primary, as `make run` loads it: every role, pupils and posts."""
    return load_demo()


@pytest.fixture
def screenshot_dir() -> Path:
    """Where browser tests keep their screenshots (the tests' artefacts)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def open_school(transactional_db: Any) -> Personas:
    """The personas' school (st-catherine), open for posting all day, with the test roster."""
    p = make_personas()
    assert OPEN_ALL_DAY[0] in p.school.policy_toml, "the st-catherine preset's posting hours changed"
    update_policy(p.school, p.school.policy_toml.replace(*OPEN_ALL_DAY), p.head)
    do_replace_roster(p.school, load_roster(FIXTURES / "roster.csv"), p.head)  # has Summer Brook
    return p


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


@pytest.fixture
def sign_in() -> Callable[[Any, str, str], None]:
    """Signs a persona in on a page: ``sign_in(page, live_server.url, username)``."""
    return _sign_in

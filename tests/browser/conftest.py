"""Browser tests: Playwright driving Debian's Chromium, headless, against Django's live server.

`make test` installs Chromium when it is missing (scripts/ensure-chromium.sh) and sets
SAFEPOST_CHROMIUM. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apps.home.demo import DemoResult, load_demo

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

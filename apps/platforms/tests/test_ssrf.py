"""Safepost connects only to servers on the public internet (server-side request forgery).

A school types its own Mastodon server and Bluesky PDS; those boxes must not lead Safepost to an
address inside the hosting network (its database, the cloud's metadata service, the broker),
neither as typed, nor through a name that resolves there, nor through a redirect, and nothing a
server answers is shown on the page.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
from django.core.exceptions import ValidationError

from apps.platforms import netguard
from apps.platforms.base import PermanentError, RetryableError
from apps.platforms.bluesky.client import sign_in
from apps.platforms.forms import clean_server
from apps.platforms.mastodon import oauth
from apps.platforms.mastodon.errors import RecordingSession
from apps.platforms.tests.conftest import BASE
from apps.schools.testing import Personas, client_for

SECRET = "internal-only-credentials-7731"
PUBLIC = "151.101.0.223"  # any public address, for a name the tests make up


@dataclass
class Recorder:
    """A small HTTP server on loopback that answers with ``status``, ``headers`` and ``body``."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    hits: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def recorders() -> Iterator[list[Recorder]]:
    made: list[tuple[ThreadingHTTPServer, Recorder]] = []

    def start() -> Recorder:
        recorder = Recorder()

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.hits.append(f"{self.command} {self.path}")
                self.send_response(recorder.status)
                for name, value in recorder.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(recorder.body)))
                self.end_headers()
                self.wfile.write(recorder.body)

            do_GET = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        recorder.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        made.append((server, recorder))
        return recorder

    yield [start(), start()]
    for server, _ in made:
        server.shutdown()
        server.server_close()


@pytest.fixture
def no_loopback(settings: Any) -> None:
    settings.SAFEPOST_PLATFORMS_ALLOW_LOOPBACK = False  # as in production


def resolving(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Make every name resolve to the next of ``answers`` (the last one repeats)."""
    asked: list[str] = []

    def fake(host: str, port: int) -> list[Any]:
        asked.append(host)
        return [ipaddress.ip_address(answers[min(len(asked), len(answers)) - 1])]

    monkeypatch.setattr(netguard, "resolve", fake)
    return asked


def test_the_loopback_allowance_is_off_unless_a_test_turns_it_on() -> None:
    from config import settings as project_settings

    assert project_settings.SAFEPOST_PLATFORMS_ALLOW_LOOPBACK is False


@pytest.mark.parametrize(
    "address",
    [
        "https://10.0.0.5",
        "https://192.168.1.10:8443",
        "https://172.16.4.4",
        "https://127.0.0.1",
        "https://localhost",
        "https://[::1]",
        "https://169.254.169.254",
        "https://metadata.google.internal",
        "https://[::ffff:10.0.0.1]",
        "https://100.64.0.1",
        "https://[fd00::1]",
        "https://0.0.0.0",
        "http://127.0.0.1:9",
    ],
)
def test_the_server_box_refuses_addresses_inside_a_private_network(no_loopback: None, address: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_server(address)
    assert "private network" in str(refused.value) or "https://" in str(refused.value)


def test_the_server_box_refuses_a_name_that_resolves_to_a_private_address(
    no_loopback: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolving(monkeypatch, "10.1.2.3")
    with pytest.raises(ValidationError, match="private network"):
        clean_server("mastodon.example.org")
    resolving(monkeypatch, PUBLIC, "10.1.2.3")  # one of its addresses is private: refused too
    monkeypatch.setattr(
        netguard,
        "resolve",
        lambda host, port: [ipaddress.ip_address(PUBLIC), ipaddress.ip_address("10.1.2.3")],
    )
    with pytest.raises(ValidationError, match="private network"):
        clean_server("mastodon.example.org")


def test_the_server_box_takes_a_public_server_and_plain_http_is_refused(
    no_loopback: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolving(monkeypatch, PUBLIC)
    assert clean_server("mastodon.example.org/") == "https://mastodon.example.org"
    with pytest.raises(ValidationError, match="https://"):
        clean_server("http://mastodon.example.org")


@pytest.mark.parametrize("kind", ["mastodon", "bluesky"])
def test_the_connect_page_refuses_the_metadata_service_and_says_why(
    p: Personas, no_loopback: None, kind: str
) -> None:
    fields = {"server": "http://169.254.169.254"}
    if kind == "bluesky":
        fields |= {"handle": "school.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"}
    page = client_for(p.senior).post(f"{BASE}connect/{p.main.pk}/{kind}/", fields).content.decode()
    assert "private network" in page or "https://" in page
    fields["server"] = "https://metadata.google.internal"
    page = client_for(p.senior).post(f"{BASE}connect/{p.main.pk}/{kind}/", fields).content.decode()
    assert "inside a private network" in page


def test_a_name_that_resolves_inside_when_connecting_is_never_connected_to(
    no_loopback: None, monkeypatch: pytest.MonkeyPatch, recorders: list[Recorder]
) -> None:
    inside = recorders[0]
    # Public when the form looked; 127.0.0.1 (where the "internal service" listens) when connecting.
    resolving(monkeypatch, PUBLIC, "127.0.0.1")
    assert clean_server("pds.example.org") == "https://pds.example.org"
    with pytest.raises(RetryableError):
        sign_in(None, f"https://pds.example.org:{inside.port}", "school.test", "abcd-efgh-ijkl-mnop")
    with pytest.raises(requests.ConnectionError, match="not a public internet address"):
        RecordingSession().get(f"http://pds.example.org:{inside.port}/")
    assert inside.hits == []


def test_a_pds_that_redirects_is_not_followed_and_its_answer_is_not_shown(recorders: list[Recorder]) -> None:
    public, inside = recorders
    public.status, public.headers = 302, {"Location": f"{inside.url}/xrpc/com.atproto.server.createSession"}
    public.body = SECRET.encode()

    with pytest.raises(PermanentError) as refused:
        sign_in(None, public.url, "school.test", "abcd-efgh-ijkl-mnop")

    assert inside.hits == []
    assert "redirect" in refused.value.message
    assert SECRET not in f"{refused.value.message} {refused.value.platform_text} {refused.value.advice}"


def test_an_answer_that_is_not_blueskys_error_format_is_never_shown(recorders: list[Recorder]) -> None:
    server = recorders[0]
    server.status, server.body = 400, f"<html>{SECRET}</html>".encode()
    server.headers = {"Content-Type": "text/html"}

    with pytest.raises(PermanentError) as refused:
        sign_in(None, server.url, "school.test", "abcd-efgh-ijkl-mnop")

    assert server.hits
    assert SECRET not in f"{refused.value.message} {refused.value.platform_text} {refused.value.advice}"


def test_a_mastodon_server_that_redirects_is_not_followed(recorders: list[Recorder]) -> None:
    public, inside = recorders
    public.status, public.headers = 307, {"Location": f"{inside.url}/api/v1/apps"}

    with pytest.raises(PermanentError):
        oauth.start_authorisation({}, "https://safepost.example/callback", public.url)

    assert public.hits and inside.hits == []


def test_without_the_test_allowance_plain_http_to_this_machine_is_refused(
    no_loopback: None, recorders: list[Recorder]
) -> None:
    server = recorders[0]
    with pytest.raises(PermanentError):
        oauth.normalise_server(server.url)
    with pytest.raises(PermanentError):
        sign_in(None, server.url, "school.test", "abcd-efgh-ijkl-mnop")
    assert server.hits == []

"""X's API at the one HTTP boundary: a requests transport adapter serving recorded answers.

Answers are the JSON fixtures in ``fixtures/`` (shaped as X documents them), queued per route;
every request the client sends is recorded (method, path, query, JSON or form body, headers,
timeout) so tests assert on the payload X would have received.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as email_policy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Any:
    """A recorded X answer, parsed."""
    return json.loads((FIXTURES / name).read_text())


@dataclass
class Sent:
    """One request as X received it."""

    method: str
    url: str
    path: str
    query: dict[str, str]
    headers: CaseInsensitiveDict[str]
    json: Any
    form: dict[str, bytes]
    timeout: Any

    @property
    def bearer(self) -> str:
        return self.headers.get("Authorization", "").removeprefix("Bearer ")


Responder = Callable[[Sent], requests.Response | Exception]


def _response(sent: Sent, status: int, payload: Any, headers: dict[str, str]) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = b"" if payload is None else json.dumps(payload).encode()
    response.headers = CaseInsensitiveDict({"content-type": "application/json; charset=utf-8", **headers})
    response.url = sent.url
    response.reason = {200: "OK", 201: "Created", 401: "Unauthorized", 429: "Too Many Requests"}.get(
        status, ""
    )
    response.encoding = "utf-8"
    return response


def answer(status: int = 200, name: str | None = None, payload: Any = None, **headers: str) -> Responder:
    """Answer with a fixture (or ``payload``) and headers (underscores in names become dashes)."""
    data = fixture(name) if name else payload
    extra = {key.replace("_", "-"): value for key, value in headers.items()}
    return lambda sent: _response(sent, status, data, extra)


def fail(error: Exception) -> Responder:
    """Raise a network error instead of answering (a timeout, a dropped connection)."""
    return lambda sent: error


@dataclass
class FakeX(BaseAdapter):
    """Routes ``(method, path pattern)`` to queued responders; the last one answers repeatedly."""

    routes: list[tuple[str, re.Pattern[str], list[Responder]]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def on(self, method: str, path: str, *responders: Responder) -> FakeX:
        """Queue answers for requests whose path matches ``path`` (a regular expression)."""
        self.routes.insert(0, (method, re.compile(f"^{path}$"), list(responders)))
        return self

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        parts = urlsplit(request.url or "")
        sent = Sent(
            method=request.method or "",
            url=request.url or "",
            path=parts.path,
            query={key: values[-1] for key, values in parse_qs(parts.query).items()},
            headers=CaseInsensitiveDict(
                {
                    key: value.decode() if isinstance(value, bytes) else value
                    for key, value in request.headers.items()
                }
            ),
            json=_json_body(request),
            form=_form_body(request),
            timeout=kwargs.get("timeout"),
        )
        self.sent.append(sent)
        for method, pattern, responders in self.routes:
            if method == sent.method and pattern.match(sent.path):
                responder = responders.pop(0) if len(responders) > 1 else responders[0]
                result = responder(sent)
                if isinstance(result, Exception):
                    raise result
                result.request = request
                return result
        raise AssertionError(f"the test did not expect {sent.method} {sent.path}")

    def close(self) -> None:
        return None

    def to(self, method: str, path: str) -> list[Sent]:
        """The requests sent to one route, in order."""
        return [sent for sent in self.sent if sent.method == method and re.match(f"^{path}$", sent.path)]


def _content_type(request: requests.PreparedRequest) -> str:
    kind = request.headers.get("Content-Type", "")
    return kind.decode() if isinstance(kind, bytes) else kind


def _json_body(request: requests.PreparedRequest) -> Any:
    if "json" not in _content_type(request) or not request.body:
        return None
    raw = request.body
    return json.loads(raw if isinstance(raw, str | bytes) else b"")


def _form_body(request: requests.PreparedRequest) -> dict[str, bytes]:
    kind = _content_type(request)
    raw = request.body if isinstance(request.body, bytes) else str(request.body or "").encode()
    if kind.startswith("application/x-www-form-urlencoded"):
        return {key: values[-1].encode() for key, values in parse_qs(raw.decode()).items()}
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=email_policy).parsebytes(f"Content-Type: {kind}\r\n\r\n".encode() + raw)
        return {
            str(part.get_param("name", header="content-disposition")): bytes(part.get_payload(decode=True))
            for part in message.iter_parts()
        }
    return {}


def session_with(fake: FakeX, session: requests.Session) -> requests.Session:
    """Mount the fake on both of X's API hosts (tweepy uses api.twitter.com, the rest api.x.com)."""
    session.mount("https://api.x.com/", fake)
    session.mount("https://api.twitter.com/", fake)
    return session

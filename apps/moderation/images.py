"""Fetching the images in incoming items, within the upload limits, and checking them.

Images are fetched over HTTPS only (plain HTTP only from this machine, for tests), at most
:data:`MAX_IMAGES` an item, each no larger than an upload may be (:data:`safepost.photos.MAX_BYTES`),
decoded as strictly as an upload (:func:`safepost.photos.open_photo`) and scored by the
unsuitable-image model. A failure is kept on the image as a sentence; it never stops the item.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from safepost.photos import MAX_BYTES, PhotoError, nsfw, open_photo

MAX_IMAGES = 4
TIMEOUT = httpx.Timeout(15.0, connect=5.0)

#: Tests put an ``httpx.MockTransport`` here; ``None`` is the network.
transport: httpx.BaseTransport | None = None


@dataclass(frozen=True)
class Fetched:
    """One image: its bytes and facts, or the problem that stopped it."""

    data: bytes = b""
    mime: str = ""
    sha256: str = ""
    score: float | None = None
    problem: str = ""


def _public_address(url: str) -> str:
    """Why ``url`` may not be fetched, or ``""`` when it may (https to a public address)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        return "it is not a web address"
    try:
        addresses = {
            info[4][0] for info in socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
        }
    except OSError:
        return f"{host} could not be found"
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if ip.is_loopback and transport is not None:
            continue
        if not ip.is_global:
            return f"{host} is not a public address"
    if parts.scheme != "https":
        return "it is not a secure (https) address"
    return ""


def fetch(url: str) -> Fetched:
    """Download and check one image; never raises."""
    if transport is None:
        refusal = _public_address(url)
        if refusal:
            return Fetched(problem=f"Safepost did not fetch this image: {refusal}.")
    try:
        with (
            httpx.Client(timeout=TIMEOUT, transport=transport, follow_redirects=False) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                return Fetched(problem=f"The platform answered {response.status_code} for this image.")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    return Fetched(
                        problem=f"The image is larger than {MAX_BYTES // (1024 * 1024)} MB, the upload limit."
                    )
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        return Fetched(problem=f"The image could not be downloaded ({exc.__class__.__name__}).")
    data = b"".join(chunks)
    digest = hashlib.sha256(data).hexdigest()
    try:
        photo = open_photo(data, "image")
    except PhotoError as exc:
        return Fetched(data=data, sha256=digest, problem=str(exc)[:300])
    try:
        score: float | None = round(float(nsfw.unsuitable_score(photo)), 4)
    except (nsfw.ModelError, nsfw.NsfwError) as exc:
        score = None
        return Fetched(data=data, mime=f"image/{photo.format.lower()}", sha256=digest, problem=str(exc)[:300])
    return Fetched(data=data, mime=f"image/{photo.format.lower()}", sha256=digest, score=score)

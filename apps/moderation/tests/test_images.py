"""Images in items: fetched within the upload limits, checked by the unsuitable-image model."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from django.conf import settings
from PIL import Image

from apps.moderation import images, ingest, tasks
from apps.moderation.models import InboxItem, ItemImage
from apps.moderation.tests.conftest import FakeReader, School, incoming, page
from safepost.photos import MAX_BYTES, nsfw

PHOTO = (settings.BASE_DIR / "bench" / "faces" / "real" / "bus.jpg").read_bytes()


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, httpx.Response]:
    answers: dict[str, httpx.Response] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.get(str(request.url), httpx.Response(404))

    monkeypatch.setattr(images, "transport", httpx.MockTransport(handler))
    return answers


def test_an_item_s_images_are_fetched_and_scored_after_it_is_stored(
    world: School, reader: FakeReader, served: dict[str, httpx.Response]
) -> None:
    served["https://cdn.example/a.jpg"] = httpx.Response(200, content=PHOTO)
    reader.pages = [page(incoming("img/1", images=({"url": "https://cdn.example/a.jpg", "alt": "a bus"},)))]
    tasks.ingest_connection.enqueue(world.connection.pk)
    image = ItemImage.objects.get()
    assert image.sha256 and image.mime == "image/jpeg" and image.unsuitable_score is not None
    assert bytes(image.data) == PHOTO and image.problem == ""


def test_an_unsuitable_image_makes_the_item_offensive_with_a_reason(
    world: School, reader: FakeReader, served: dict[str, httpx.Response], monkeypatch: pytest.MonkeyPatch
) -> None:
    served["https://cdn.example/b.png"] = httpx.Response(200, content=_png())
    monkeypatch.setattr(nsfw, "unsuitable_score", lambda image: 0.97)
    reader.pages = [
        page(incoming("img/2", "Nice day", images=({"url": "https://cdn.example/b.png", "alt": ""},)))
    ]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    ingest.check_images(item.pk)
    item.refresh_from_db()
    assert item.label == "offensive"
    assert item.reasons[-1]["code"] == "unsuitable-image"


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (httpx.Response(200, content=b"x" * (MAX_BYTES + 1)), "upload limit"),
        (httpx.Response(200, content=b"%PDF-1.4 not a photo"), ""),
        (httpx.Response(500), "answered 500"),
    ],
)
def test_an_image_that_is_too_large_not_a_photo_or_missing_is_kept_as_a_problem(
    world: School, reader: FakeReader, served: dict[str, httpx.Response], answer: httpx.Response, problem: str
) -> None:
    served["https://cdn.example/c"] = answer
    reader.pages = [page(incoming("img/3", images=({"url": "https://cdn.example/c", "alt": ""},)))]
    ingest.ingest(world.connection.pk)
    ingest.check_images(InboxItem.objects.get().pk)
    image = ItemImage.objects.get()
    assert image.problem and problem in image.problem
    assert InboxItem.objects.get().label != "offensive"


def test_an_image_on_a_private_address_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "transport", None)
    fetched: Any = images.fetch("http://127.0.0.1:8000/secret.png")
    assert "not a public address" in fetched.problem
    assert "not a web address" in images.fetch("file:///etc/passwd").problem

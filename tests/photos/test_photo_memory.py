"""A photo's decoding memory is bounded before anything is decoded, and a burst of uploads waits.

The two WebP files in fixtures/ are a few bytes that declare huge images (made with Pillow: a
blank 7000 x 7000 transparent lossless WebP, and a two-frame animated WebP on an 8000 x 6000
canvas); before this, opening them took 805 MB and 743 MB.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PIL import Image, WebPImagePlugin

from safepost.photos import images
from safepost.photos.images import MAX_DECODE_BYTES, PhotoError, decode_bytes, open_photo

FIXTURES = Path(__file__).parent / "fixtures"


def jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("declares-7000x7000.webp", "7,000 × 7,000 pixels with transparency"),
        ("animated-8000x6000.webp", "animated"),
    ],
)
def test_a_tiny_webp_declaring_a_huge_image_is_refused_without_being_decoded(
    name: str, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_decoding(self: Image.Image) -> None:
        raise AssertionError("the photo was decoded")

    monkeypatch.setattr(WebPImagePlugin.WebPImageFile, "load", no_decoding)
    data = (FIXTURES / name).read_bytes()
    assert len(data) < 2048
    with pytest.raises(PhotoError) as refused:
        open_photo(data, name)
    assert refused.value.code == "too-many-pixels"
    assert words in str(refused.value)
    assert "too large to open safely as WebP" in str(refused.value)


def test_a_jpeg_larger_than_any_rendition_is_decoded_at_a_reduced_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(images, "DECODE_MAX_SIDE", 500)
    photo = open_photo(jpeg((2000, 1500)), "big.jpg")
    assert photo.stored_size == (2000, 1500)  # what the file holds, for the page
    assert (photo.width, photo.height) == (500, 375)  # decoded at a quarter: still the largest rendition


def test_a_jpeg_no_larger_than_the_largest_rendition_is_decoded_whole() -> None:
    photo = open_photo(jpeg((1200, 900)), "small.jpg")
    assert (photo.width, photo.height) == (1200, 900)


def test_the_memory_estimate_counts_the_pixels_and_their_copies() -> None:
    with Image.open(io.BytesIO(jpeg((1000, 500)))) as image:
        assert decode_bytes(image) == 1000 * 500 * 8  # 4 bytes a pixel decoded, 4 for the copy
    # The largest RGB photo accepted is a 48-megapixel HEIC from a phone; a transparent one is smaller.
    assert 48_000_000 * 8 <= MAX_DECODE_BYTES < 30_000_000 * 16


def test_decodes_wait_while_the_shared_budget_is_spent() -> None:
    budget = images._Budget(400)
    first_in, second_in, release_first = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with budget.reserve(300):
            first_in.set()
            release_first.wait(10)

    def second() -> None:
        with budget.reserve(300):
            second_in.set()

    a = threading.Thread(target=first)
    a.start()
    assert first_in.wait(10)
    b = threading.Thread(target=second)
    b.start()
    assert not second_in.wait(0.2)  # 600 bytes would not fit in 400: it waits
    assert budget.used == 300
    release_first.set()
    assert second_in.wait(10)
    a.join(10)
    b.join(10)
    assert budget.used == 0


def test_one_photo_larger_than_the_budget_on_its_own_still_goes_through() -> None:
    budget = images._Budget(100)
    with budget.reserve(150):
        assert budget.used == 150
    assert budget.used == 0

"""Any file uploaded as a photo (every format Pillow writes, truncated, with mutated headers) is a
photo or a PhotoError with a plain message: never a traceback."""

from __future__ import annotations

import contextlib
import io
import warnings

from fuzzing import count_case, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from safepost.photos.images import Photo, PhotoError, open_photo, render_for

Image.init()
SKIPPED = {"EPS", "PDF", "WMF", "BUFR", "GRIB", "HDF5", "MPO"}  # need outside programs, or not images


def _seeds() -> dict[str, bytes]:
    """A small picture saved in every format this Pillow can write, plus HEIC."""
    picture = Image.linear_gradient("L").resize((48, 32)).convert("RGB")
    picture.putpixel((3, 3), (255, 0, 0))
    seeds: dict[str, bytes] = {}
    for name in sorted(set(Image.SAVE) - SKIPPED):
        for mode in ("RGB", "RGBA", "L", "P", "1"):
            out = io.BytesIO()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    picture.convert(mode).save(out, name)
            except Exception:
                continue
            seeds[f"{name}-{mode}"] = out.getvalue()
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        out = io.BytesIO()
        picture.save(out, "HEIF")
        seeds["HEIF-RGB"] = out.getvalue()
    except Exception:
        pass
    return seeds


SEEDS = _seeds()
NAMES = sorted(SEEDS)


def outcome(data: bytes) -> Photo | None:
    try:
        photo = open_photo(data, "upload.jpg")
    except PhotoError as exc:
        assert str(exc) and exc.code
        return None
    assert photo.image.mode == "RGB"
    assert photo.image.info == {}
    return photo


def test_there_are_seeds_in_the_accepted_formats_and_others() -> None:
    assert {"JPEG-RGB", "PNG-RGBA", "WEBP-RGB", "GIF-P", "TIFF-RGB", "BMP-RGB"} <= set(SEEDS)


@fuzz_settings
@given(name=st.sampled_from(NAMES), cut=st.floats(min_value=0, max_value=1))
def test_a_truncated_photo_is_a_photo_or_a_photo_error(name: str, cut: float) -> None:
    count_case()
    data = SEEDS[name]
    outcome(data[: int(len(data) * cut)])


@fuzz_settings
@given(
    name=st.sampled_from(NAMES),
    flips=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 255)), min_size=1, max_size=8),
)
def test_a_photo_with_a_mutated_header_is_a_photo_or_a_photo_error(
    name: str, flips: list[tuple[int, int]]
) -> None:
    count_case()
    data = bytearray(SEEDS[name])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    photo = outcome(bytes(data))
    if photo is not None:
        with contextlib.suppress(PhotoError):
            render_for(photo, "website")


@fuzz_settings
@given(name=st.sampled_from(NAMES), at=st.floats(min_value=0, max_value=1), junk=st.binary(max_size=64))
def test_a_photo_with_bytes_spliced_in_is_a_photo_or_a_photo_error(name: str, at: float, junk: bytes) -> None:
    count_case()
    data = SEEDS[name]
    where = int(len(data) * at)
    outcome(data[:where] + junk + data[where:])


@fuzz_settings
@given(data=st.binary(max_size=512))
def test_any_bytes_uploaded_as_a_photo_are_a_photo_or_a_photo_error(data: bytes) -> None:
    count_case()
    outcome(data)

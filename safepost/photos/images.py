"""Open uploaded photos safely and render clean copies for publishing.

``open_photo`` turns the bytes of an upload into a :class:`Photo`: the format is identified by
the content (never the file name), size and pixel limits are enforced before anything is decoded,
the whole image is decoded so damaged files are caught, the phone's orientation is applied and the
pixels are normalised to 8-bit RGB. Everything else in the file (EXIF, GPS, XMP, comments, IPTC,
thumbnails) is read only to report what was there, then dropped.

``render`` makes a published copy: it scales the photo down (never up), copies the pixels into a
fresh image so no metadata can travel with them, and encodes it without EXIF, XMP, ICC profiles or
comments, stepping the quality (then the size) down until any byte budget is met. A :class:`Preset`
says what one destination needs: ``PRESETS`` holds the school website's; each platform declares
its own (``apps/platforms/<kind>/platform.py``).

Every refusal is a :class:`PhotoError` whose message tells school staff, in plain English, what was
wrong and what to do. Nothing is written to disk.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import struct
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError

from safepost.photos.rights import Rights, read_rights

__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_BYTES",
    "MAX_PIXELS",
    "PRESETS",
    "Photo",
    "PhotoError",
    "Preset",
    "Rendition",
    "open_photo",
    "render",
    "render_for",
]

MAX_BYTES = 40 * 1024 * 1024
"""Largest upload accepted. A 12-megapixel phone JPEG is 3-6 MB, a 48-megapixel HEIC about 12 MB."""

MAX_PIXELS = 50_000_000
"""Largest image accepted, in pixels (50 megapixels: 8,660 x 5,773). Checked from the header, before
decoding; MAX_DECODE_BYTES then bounds the memory decoding takes."""

MAX_DECODE_BYTES = 400 * 1024 * 1024
"""Most memory decoding one photo may take, estimated from its header before decoding: the decoded
pixels (Pillow keeps 4 bytes a pixel for RGB) and the copies made turning them upright and into
RGB, 8 bytes a pixel for an RGB photo, so a 48-megapixel HEIC fits. A JPEG larger than it needs to
be is decoded at a half, quarter or eighth of its size instead (DECODE_MAX_SIDE); any other photo
over the estimate (a transparent or animated image of huge dimensions) is refused, never decoded."""

DECODE_MAX_SIDE = 4096
"""The long side a JPEG is decoded at, at least: the largest rendition any platform takes (X: 4096)."""

RESAMPLE = Image.Resampling.BOX
"""The filter a published copy is shrunk with: the area average (each pixel of the photo counts by
the share of it under the new pixel), a proper antialiasing filter when shrinking. It halves the
cost of bicubic on a 12-megapixel photo (46 against 94 ms of one core to 2048 px; Hamming 56),
which the face search spends instead (issue 12)."""

DECODE_BUDGET_BYTES = max(
    MAX_DECODE_BYTES, int(os.environ.get("SAFEPOST_PHOTO_DECODE_MB", "400")) * 1024 * 1024
)
"""Memory all the photos being decoded at once in one process may take together
(``SAFEPOST_PHOTO_DECODE_MB``, default 400): a burst of uploads waits its turn instead of
exhausting a small server's memory."""


class _Budget:
    """A shared allowance of bytes: ``reserve(n)`` waits until ``n`` fit, then holds them."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._changed = threading.Condition()

    @contextlib.contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: self.used == 0 or self.used + amount <= self.total)
            self.used += amount
        try:
            yield
        finally:
            with self._changed:
                self.used -= amount
                self._changed.notify_all()


_DECODING = _Budget(DECODE_BUDGET_BYTES)

# Bytes a pixel of each decoded mode takes, and the extra bytes a pixel the conversion to upright
# 8-bit RGB copies (Pillow 13; checked against the peaks bench/bench_photo_memory.py measures).
_MODE_BYTES = {
    "1": 1,
    "L": 1,
    "P": 1,
    "RGB": 4,
    "RGBA": 4,
    "CMYK": 4,
    "YCbCr": 4,
    "LA": 4,
    "PA": 4,
    "I;16": 2,
}
_CONVERT_BYTES = {"RGB": 4, "L": 4, "1": 4, "P": 9, "RGBA": 12, "LA": 12, "PA": 12, "CMYK": 4, "I;16": 17}

ACCEPTED_FORMATS = ("JPEG", "PNG", "HEIF", "WEBP")
"""Pillow format names we decode. HEIF covers the HEIC photos of iPhones."""

MIN_RENDER_SIDE = 320
"""``render`` never shrinks a photo below this (long side) to meet a byte budget; it refuses instead."""

_FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "HEIF": "HEIC", "WEBP": "WebP"}
_MIMES = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heic", "WEBP": "image/webp"}
_ACCEPTED_TEXT = "JPEG, PNG, HEIC or WebP"
_WHITE = (255, 255, 255)
# Errors Pillow and pillow-heif raise for data they cannot parse or decode.
_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    struct.error,
    RuntimeError,
)

OutputFormat = Literal["JPEG", "PNG", "WEBP"]


class PhotoError(ValueError):
    """An upload that cannot be used as a photo.

    ``str(error)`` is a plain-English message for school staff saying what was wrong and what to do;
    ``code`` is a stable reason for programs and tests: ``empty``, ``too-many-bytes``,
    ``too-many-pixels``, ``not-a-photo``, ``unsupported-image``, ``damaged`` or ``too-detailed``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, eq=False)
class Photo:
    """A decoded, upright, 8-bit RGB photo and the facts about the file it came from.

    ``image`` carries pixels only: its ``info`` is empty and it has no EXIF. The ``had_*`` facts
    say what the upload contained (all of it removed), so the page can say "location data removed".
    ``colour_profile`` is kept privately only to convert the colours to sRGB when rendering; it is
    never published.
    """

    image: Image.Image
    format: str
    """What the content is (``JPEG``, ``PNG``, ``HEIF``, ``WEBP``), whatever the file name said."""
    byte_size: int
    stored_size: tuple[int, int]
    """Width and height as stored in the file, before the orientation was applied."""
    orientation: int = 1
    """EXIF orientation found (1-8, 1 = upright); already applied to ``image``."""
    frames: int = 1
    """Frames in the file. Only the first frame (for HEIC, the primary image) is kept and published."""
    had_exif: bool = False
    had_gps: bool = False
    had_xmp: bool = False
    had_comment: bool = False
    """A JPEG comment, PNG text chunks or IPTC/Photoshop data."""
    had_colour_profile: bool = False
    had_transparency: bool = False
    """Transparent pixels were flattened onto white."""
    colour_profile: bytes | None = field(default=None, repr=False)
    rights: Rights = field(default_factory=Rights)
    """Who the file says owns the picture (read before the metadata is dropped)."""

    @property
    def width(self) -> int:
        """Width of the upright image in pixels."""
        return self.image.width

    @property
    def height(self) -> int:
        """Height of the upright image in pixels."""
        return self.image.height

    @property
    def mime(self) -> str:
        """The MIME type of the uploaded content."""
        return _MIMES[self.format]

    @property
    def format_name(self) -> str:
        """The format as staff know it: ``JPEG``, ``PNG``, ``HEIC`` or ``WebP``."""
        return _FORMAT_NAMES[self.format]

    @property
    def animated(self) -> bool:
        """True if the file held more than one frame (only the first is used)."""
        return self.frames > 1

    @property
    def removed(self) -> tuple[str, ...]:
        """Plain-English list of what was found in the file and will not be published."""
        found = [
            (self.had_gps, "location (GPS) data"),
            (self.had_exif, "camera details and date (EXIF)"),
            (self.had_xmp, "editing data (XMP)"),
            (self.had_comment, "comments and captions stored in the file"),
            (self.frames > 1, f"{self.frames - 1} further frame(s) of the animation"),
        ]
        return tuple(text for present, text in found if present)

    def with_image(self, image: Image.Image) -> Photo:
        """The same photo with new pixels (for example after faces were blurred), keeping its facts."""
        return replace(self, image=image)


@dataclass(frozen=True)
class Rendition:
    """An encoded copy ready to publish: bytes with no metadata, their size and type."""

    data: bytes
    width: int
    height: int
    mime: str
    quality: int | None = None
    """The JPEG/WebP quality used (it may be lower than asked, to meet a byte budget)."""


@dataclass(frozen=True)
class Preset:
    """What one destination needs: the longest side, a byte budget and the encoding."""

    name: str
    max_side: int
    max_bytes: int | None
    format: OutputFormat = "JPEG"
    quality: int = 85
    progressive: bool = False


PRESETS: dict[str, Preset] = {
    # Our own school website: 2048 px fills a full-width image on a high-density laptop screen,
    # and a lower resolution is itself a safeguard (less detail for anyone to reuse). Baseline,
    # not progressive: progressive is ~10% smaller but costs ~60 ms more per 12-megapixel photo,
    # which the 400 ms budget (open, faces, blur, render) cannot spare.
    "website": Preset("website", 2048, None),
}


# --- opening -------------------------------------------------------------------------------------


@functools.cache
def _register_heif() -> None:
    """Teach Pillow to read HEIC (once). No thumbnails, depth maps or auxiliary images: we never use them."""
    import pillow_heif

    pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)


def open_photo(data: bytes, name: str = "") -> Photo:
    """Decode an uploaded photo, checking it thoroughly; raise :class:`PhotoError` if it is unusable.

    ``name`` is used only in messages: the format comes from the content, so a PNG called
    ``photo.jpg`` is accepted (and reported as PNG) and a PDF called ``photo.jpg`` is refused.
    Animated images keep their first frame; ``Photo.frames`` says how many there were.
    """
    label = _label(name)
    if not data:
        raise PhotoError(
            f"{label} is empty (0 bytes), so there is no photo in it. Choose the photo again; "
            "if it still fails, save a fresh copy from your phone or computer.",
            "empty",
        )
    if len(data) > MAX_BYTES:
        raise PhotoError(
            f"{label} is {_megabytes(len(data))}, more than the {_megabytes(MAX_BYTES)} limit. "
            "Export or share a smaller copy of the photo (for example “Large” rather than "
            "“Actual size”) and upload that.",
            "too-many-bytes",
        )
    _register_heif()
    with warnings.catch_warnings():
        # Pillow warns about (rather than refuses) images just over its own limit: refuse those too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(label, None) from None
        except UnidentifiedImageError:
            raise _not_a_photo(data, label) from None
        except _DECODE_ERRORS:
            raise _damaged(data, label) from None
    with image:
        stored = image.size  # before a JPEG is set to decode smaller
        estimate = _admit(image, label)
        with _DECODING.reserve(estimate):
            return _decode(image, data, label, stored)


def _admit(image: ImageFile.ImageFile, label: str) -> int:
    """Refuse a photo too large to decode, from its header; its estimated decoding memory if not.

    A JPEG larger than any rendition is set to decode at a reduced size first.
    """
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(label, (width, height))
    _reduce_on_decode(image)
    estimate = decode_bytes(image)
    if estimate > MAX_DECODE_BYTES:
        kind = "JPEG" if image.format == "MPO" else str(image.format)
        animated = int(getattr(image, "n_frames", 1)) > 1
        raise PhotoError(
            f"{label} is {width:,} × {height:,} pixels{' with transparency' if 'A' in image.mode else ''}"
            f"{', animated' if animated else ''}, too large to open safely as {_FORMAT_NAMES.get(kind, kind)}. "
            "Resize it (for example to 4,000 × 3,000 pixels) or save it as a JPEG, and upload it again.",
            "too-many-pixels",
        )
    return estimate


def decode_bytes(image: Image.Image) -> int:
    """Estimated peak memory of decoding ``image`` (opened, not yet loaded) and making it RGB."""
    width, height = image.size
    mode = image.mode
    per_pixel = _MODE_BYTES.get(mode, 4) + _CONVERT_BYTES.get(mode, 17)
    if getattr(image, "n_frames", 1) > 1:
        per_pixel += 4  # an animated image decodes onto an RGBA canvas of its full size
    return width * height * per_pixel


def _reduce_on_decode(image: ImageFile.ImageFile) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 size when that still leaves DECODE_MAX_SIDE pixels."""
    width, height = image.size
    if image.format not in ("JPEG", "MPO") or max(width, height) <= DECODE_MAX_SIDE:
        return
    scale = DECODE_MAX_SIDE / max(width, height)
    image.draft(image.mode, (max(1, round(width * scale)), max(1, round(height * scale))))


def _decode(image: ImageFile.ImageFile, data: bytes, label: str, stored: tuple[int, int]) -> Photo:
    # A multi-picture JPEG (MPO, common from Android phones) is a JPEG with extra frames.
    kind = "JPEG" if image.format == "MPO" else str(image.format)
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(label, (width, height))
    frames = int(getattr(image, "n_frames", 1))
    try:
        image.load()  # decode everything now, so damaged or truncated files fail here
    except Image.DecompressionBombError:
        raise _too_many_pixels(label, image.size) from None
    except _DECODE_ERRORS:
        raise _damaged(data, label, kind) from None
    # Read the facts after decoding: a PNG may keep its text and eXIf chunks after the pixels.
    info = image.info
    try:
        exif = image.getexif()
        orientation = int(exif.get(ExifTags.Base.Orientation, 1))
        had_gps = bool(exif.get_ifd(ExifTags.IFD.GPSInfo)) or ExifTags.IFD.GPSInfo in exif
    except _DECODE_ERRORS:  # unreadable EXIF is dropped like readable EXIF
        exif, orientation, had_gps = Image.Exif(), 1, False
    facts = {
        "had_exif": bool(info.get("exif")) or len(exif) > 0,
        "had_gps": had_gps,
        "had_xmp": bool(info.get("xmp") or info.get("XML:com.adobe.xmp")),
        "had_comment": _had_comment(info),
        "had_colour_profile": bool(info.get("icc_profile")),
    }
    rights = read_rights(image, exif)
    icc = info.get("icc_profile") or None
    pixels: Image.Image = image
    if orientation in range(2, 9):
        pixels = ImageOps.exif_transpose(image)  # as the phone showed it
    elif isinstance(original := info.get("original_orientation"), int) and original in range(2, 9):
        orientation = original  # HEIC: libheif has already turned it (and reset the EXIF tag to 1)
    else:
        orientation = 1
    had_transparency = _has_transparency(pixels)
    rgb, icc = _to_rgb(pixels, icc)
    if rgb is image:  # already RGB and upright: copy the pixels away from the file object
        rgb = image.copy()
    rgb.info = {}  # a plain Image now: drop what the copy carried over (EXIF, XMP, comment, ...)
    return Photo(
        image=rgb,
        format=kind,
        byte_size=len(data),
        stored_size=stored,
        orientation=orientation,
        frames=frames,
        had_transparency=had_transparency,
        colour_profile=icc if isinstance(icc, bytes) and not _is_srgb(icc) else None,
        rights=rights,
        **facts,
    )


# Keys Pillow puts in ``info`` that are not text the photographer or a program wrote.
_NOT_COMMENTS = {"XML:com.adobe.xmp", "Raw profile type exif", "Raw profile type xmp"}


def _had_comment(info: dict[Any, Any]) -> bool:
    """A JPEG comment, Photoshop/IPTC block, or PNG text chunk (Pillow keeps those as ``str`` values)."""
    if info.get("comment") or info.get("photoshop"):
        return True
    return any(isinstance(value, str) and key not in _NOT_COMMENTS for key, value in info.items())


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        extrema = image.getchannel("A").getextrema()
        return isinstance(extrema[0], int | float) and extrema[0] < 255
    return "transparency" in image.info


def _to_rgb(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """8-bit RGB pixels, transparency flattened onto white. Returns the profile still to apply."""
    mode = image.mode
    if mode == "RGB" and "transparency" not in image.info:
        return image, icc
    if mode == "CMYK":
        if icc and (converted := _cms_to_srgb(image, icc, "CMYK")) is not None:
            return converted, None
        return image.convert("RGB"), None  # Pillow already undoes Adobe's inverted CMYK
    if mode.startswith("I") or mode == "F":  # 16-bit (or wider) greyscale PNG: scale, don't clip
        eight_bit = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        return eight_bit.convert("RGB"), None
    if mode == "P" or "transparency" in image.info or mode in ("PA", "LA", "La", "RGBa"):
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        flat = Image.new("RGB", image.size, _WHITE)
        flat.paste(image, mask=image.getchannel("A"))
        return flat, icc
    return image.convert("RGB"), None  # greyscale: an RGB profile no longer applies


def _is_srgb(icc: bytes) -> bool:
    try:
        from PIL import ImageCms

        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except Exception:  # no colour management, or a profile it cannot read: treat as sRGB
        return True
    return "srgb" in description.lower().replace(" ", "")


@functools.lru_cache(maxsize=16)
def _srgb_transform(icc: bytes, mode: str) -> object | None:
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        return ImageCms.buildTransform(source, target, mode, "RGB")
    except Exception:  # a broken or unsupported profile: keep the colours as they are
        return None


def _cms_to_srgb(image: Image.Image, icc: bytes, mode: str) -> Image.Image | None:
    from PIL import ImageCms

    transform = _srgb_transform(icc, mode)
    if not isinstance(transform, ImageCms.ImageCmsTransform):
        return None
    try:
        return ImageCms.applyTransform(image, transform)
    except Exception:
        return None


# --- messages ------------------------------------------------------------------------------------


def _label(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        return "This file"
    if len(name) > 60:
        name = name[:57] + "..."
    return f"“{name}”"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _too_many_pixels(label: str, size: tuple[int, int] | None) -> PhotoError:
    limit = MAX_PIXELS // 1_000_000
    if size is None:
        found = f"{label} says it is far larger than any photo (more than {limit} megapixels)."
    else:
        found = (
            f"{label} is {size[0]:,} × {size[1]:,} pixels ({size[0] * size[1] / 1_000_000:.0f} "
            f"megapixels), more than the {limit}-megapixel limit."
        )
    return PhotoError(
        f"{found} Resize it to fewer megapixels (for example 4,000 × 3,000) and upload it again.",
        "too-many-pixels",
    )


def _damaged(data: bytes, label: str, kind: str | None = None) -> PhotoError:
    kind = kind or _sniff(data)[0] or "photo"
    what = f"a {_FORMAT_NAMES.get(kind, kind)} photo" if kind != "photo" else "a photo"
    return PhotoError(
        f"{label} looks like {what} but is damaged or incomplete (perhaps the copy or upload was "
        "interrupted). Copy the photo from the phone or camera again and upload the new copy.",
        "damaged",
    )


def _not_a_photo(data: bytes, label: str) -> PhotoError:
    kind, description = _sniff(data)
    if kind in ACCEPTED_FORMATS:  # the right signature but Pillow could not read the header
        return _damaged(data, label, kind)
    if kind == "image":
        return PhotoError(
            f"{label} is {description}, which Safepost does not accept. Save it as {_ACCEPTED_TEXT} "
            "(most photo apps offer this under Export or Save as) and upload it again.",
            "unsupported-image",
        )
    if description:
        return PhotoError(
            f"{label} is {description}, not a photo. Save the photo as {_ACCEPTED_TEXT} and upload that.",
            "not-a-photo",
        )
    return PhotoError(
        f"{label} is not a photo Safepost can read. Save the photo as {_ACCEPTED_TEXT} and upload that.",
        "not-a-photo",
    )


_ISO_BRANDS_HEIF = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1")


def _sniff(data: bytes) -> tuple[str | None, str | None]:
    """Recognise common file types by their first bytes, to say what an upload really is.

    Returns (kind, description): kind is a Pillow format we accept, ``image`` for another image
    format, ``other`` for a known non-image, or None.
    """
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG", None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG", None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP", None
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _ISO_BRANDS_HEIF:
            return "HEIF", None
        if brand in (b"avif", b"avis"):
            return "image", "an AVIF image"
        return "other", "a video"
    images = {
        b"GIF87a": "a GIF image",
        b"GIF89a": "a GIF image",
        b"BM": "a BMP image",
        b"II*\x00": "a TIFF image (or a camera RAW file)",
        b"MM\x00*": "a TIFF image (or a camera RAW file)",
        b"\x00\x00\x01\x00": "a Windows icon",
        b"8BPS": "a Photoshop document",
    }
    for magic, description in images.items():
        if head.startswith(magic):
            return "image", description
    others = {
        b"%PDF": "a PDF",
        b"PK\x03\x04": "a ZIP archive or an Office document (Word, Excel, PowerPoint)",
        b"PK\x05\x06": "an empty ZIP archive",
        b"\xd0\xcf\x11\xe0": "an old-style Office document (Word, Excel, PowerPoint)",
        b"Rar!": "a RAR archive",
        b"7z\xbc\xaf": "a 7-Zip archive",
        b"\x1f\x8b": "a compressed (gzip) file",
        b"{\\rtf": "a Rich Text document",
        b"MZ": "a Windows program",
        b"\x7fELF": "a program",
        b"ID3": "an audio file",
        b"OggS": "an audio or video file",
        b"\x1aE\xdf\xa3": "a video",
    }
    for magic, description in others.items():
        if head.startswith(magic):
            return "other", description
    start = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in start or (start.startswith(b"<?xml") and b"svg" in start):
        return "image", "an SVG drawing"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]:
        return "other", "a web page (HTML)"
    if _looks_like_text(data[:4096]):
        return "other", "a text file"
    return None, None


def _looks_like_text(sample: bytes) -> bool:
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = sample[:-3].decode("utf-8")  # a multi-byte character cut at the end of the sample
        except UnicodeDecodeError:
            return False
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return bool(text) and printable / len(text) > 0.95


# --- rendering -----------------------------------------------------------------------------------

_MIME_OUT = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_QUALITY_LADDER = (80, 75, 70, 65, 60)


def render(
    source: Photo | Image.Image,
    max_side: int,
    quality: int = 85,
    format: OutputFormat = "JPEG",
    *,
    max_bytes: int | None = None,
    progressive: bool = False,
) -> Rendition:
    """Encode a clean copy at most ``max_side`` pixels on its long side (never scaled up).

    The pixels are copied into a fresh image, so no EXIF, GPS, XMP, ICC profile or comment from the
    upload can reach the output, and the encoder is given none. Colours tagged with another profile
    (for example an iPhone's Display P3) are converted to sRGB first. With ``max_bytes`` the quality
    steps down to 60; if that is not enough the size shrinks and the steps start again; a budget that cannot be met above
    ``MIN_RENDER_SIDE`` pixels raises :class:`PhotoError`.
    """
    if max_side < 1:
        raise ValueError("max_side must be at least 1")
    if format not in _MIME_OUT:
        raise ValueError(f"format must be one of {', '.join(_MIME_OUT)}, not {format!r}")
    image, profile = _rgb_source(source)
    side = max_side
    while True:
        clean = _clean_copy(image, side, profile)
        for step_quality in _qualities(quality, format, max_bytes is not None):
            data = _encode(clean, format, step_quality, progressive)
            if max_bytes is None or len(data) <= max_bytes:
                used = step_quality if format != "PNG" else None
                return Rendition(data, clean.width, clean.height, _MIME_OUT[format], used)
        # Too big even at the lowest quality: shrink by about the square root of the overshoot.
        assert max_bytes is not None
        shrink = min(0.9, max(0.5, 0.95 * (max_bytes / len(data)) ** 0.5))
        side = int(max(clean.size) * shrink)
        if side < MIN_RENDER_SIDE:
            raise PhotoError(
                f"This photo cannot be made smaller than {_megabytes(max_bytes or 0)} without losing too "
                "much detail. Crop it or choose a simpler photo, then upload it again.",
                "too-detailed",
            )


def clean_image(source: Photo | Image.Image, max_side: int) -> Image.Image:
    """The clean pixels :func:`render` would encode (RGB, sRGB, at most ``max_side`` px, no
    metadata), as an image in memory: for finding faces in exactly what will be published."""
    image, profile = _rgb_source(source)
    return _clean_copy(image, max_side, profile)


def _rgb_source(source: Photo | Image.Image) -> tuple[Image.Image, bytes | None]:
    """The pixels (RGB) and colour profile to copy from: a Photo's own, or a bare image's."""
    if isinstance(source, Photo):
        image, profile = source.image, source.colour_profile
    else:
        image, profile = source, None
    if image.mode != "RGB":
        image, _ = _to_rgb(image, None)
    return image, profile


def render_for(source: Photo | Image.Image, preset: str | Preset) -> Rendition:
    """Render for a destination in :data:`PRESETS` (by name) or a custom :class:`Preset`."""
    chosen = PRESETS[preset] if isinstance(preset, str) else preset
    return render(
        source,
        chosen.max_side,
        chosen.quality,
        chosen.format,
        max_bytes=chosen.max_bytes,
        progressive=chosen.progressive,
    )


def _qualities(quality: int, format: str, stepping: bool) -> list[int]:
    if format == "PNG" or not stepping:
        return [quality]
    return [quality, *(step for step in _QUALITY_LADDER if step < quality)]


def _clean_copy(image: Image.Image, max_side: int, profile: bytes | None) -> Image.Image:
    """Scaled-down RGB pixels in a brand-new image: nothing but pixels can survive."""
    width, height = image.size
    scale = min(1.0, max_side / max(width, height))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # With reducing_gap a large reduction first averages whole blocks of pixels (see RESAMPLE).
    scaled = image.resize(size, RESAMPLE, reducing_gap=3.0) if size != image.size else image
    if profile is not None and (converted := _cms_to_srgb(scaled, profile, "RGB")) is not None:
        scaled = converted
    fresh = Image.new("RGB", scaled.size)
    fresh.paste(scaled)
    return fresh


def _encode(image: Image.Image, format: str, quality: int, progressive: bool) -> bytes:
    buffer = io.BytesIO()
    if format == "JPEG":
        image.save(buffer, "JPEG", quality=quality, progressive=progressive, optimize=progressive)
    elif format == "WEBP":
        image.save(buffer, "WEBP", quality=quality, method=4)
    else:
        image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()

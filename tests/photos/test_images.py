"""Opening uploads safely and rendering clean copies (safepost.photos.images).

Every fixture is generated here with Pillow (and pillow-heif), with metadata planted in every place
a phone, camera or editor puts it. Renditions are checked by parsing the bytes that come out: JPEG
marker segments, PNG chunks and WebP RIFF chunks, and by searching for the planted "SECRET" text.
"""

from __future__ import annotations

import io
import random
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin, TiffImagePlugin

from safepost.photos import images
from safepost.photos.images import (
    MAX_BYTES,
    PRESETS,
    Photo,
    PhotoError,
    Preset,
    Rendition,
    open_photo,
    render,
    render_for,
)

SECRET = b"SECRET"
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>SECRET-XMP-TITLE</dc:title>'
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


# --- fixture builders ----------------------------------------------------------------------------


def texture(size: tuple[int, int] = (96, 64)) -> Image.Image:
    """A photo-like RGB image: gradients and noise, so encoders have real work to do."""
    red = Image.linear_gradient("L").resize(size)
    green = Image.effect_noise(size, 48)
    blue = Image.radial_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(size)
    return Image.merge("RGB", [red, green, blue])


def exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SECRET-MAKE"
    exif[ExifTags.Base.Model] = "SECRET-MODEL"
    exif[ExifTags.Base.ImageDescription] = "SECRET-EXIF-DESCRIPTION"
    exif[ExifTags.Base.Artist] = "SECRET-ARTIST"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = tuple(
        TiffImagePlugin.IFDRational(v) for v in (51, 30, Fraction(1234, 100))
    )
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = tuple(TiffImagePlugin.IFDRational(v) for v in (0, 7, Fraction(5, 1)))
    gps[ExifTags.GPS.GPSMapDatum] = "SECRET-GPS-DATUM"
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def insert_after_soi(jpeg: bytes, *segments: bytes) -> bytes:
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def jpeg_bytes(image: Image.Image | None = None, **save: object) -> bytes:
    buffer = io.BytesIO()
    (image or texture()).save(buffer, "JPEG", quality=90, **save)
    return buffer.getvalue()


def loaded_jpeg(orientation: int = 1, size: tuple[int, int] = (96, 64)) -> bytes:
    """A phone-like JPEG carrying EXIF with GPS, an ICC profile, XMP, Photoshop/IPTC and a comment.

    XMP, the APP13 Photoshop block and the COM comment segment are written into the bytes by hand.
    """
    base = jpeg_bytes(texture(size), exif=exif_with_gps(orientation), icc_profile=srgb_icc())
    xmp = segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_PACKET)
    iptc = b"\x1c\x02\x78" + struct.pack(">H", 20) + b"SECRET-IPTC-CAPTION!"  # 2:120 caption
    photoshop = segment(
        0xED, b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    )
    comment = segment(0xFE, b"SECRET-COMMENT written by the camera")
    return insert_after_soi(base, xmp, photoshop, comment)


def png_bytes(image: Image.Image | None = None, **save: object) -> bytes:
    buffer = io.BytesIO()
    (image or texture()).save(buffer, "PNG", **save)
    return buffer.getvalue()


def loaded_png() -> bytes:
    """A PNG with tEXt, zTXt and iTXt (including XMP) chunks, an eXIf chunk and an iCCP profile."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "SECRET-PNG-TEXT")
    text.add_text("Author", "SECRET-PNG-ZTXT", zip=True)
    text.add_itxt("Description", "SECRET-PNG-ITXT", lang="en")
    text.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    return png_bytes(pnginfo=text, exif=exif_with_gps(), icc_profile=srgb_icc())


def webp_bytes(image: Image.Image | None = None, **save: object) -> bytes:
    buffer = io.BytesIO()
    (image or texture()).save(buffer, "WEBP", quality=90, **save)
    return buffer.getvalue()


def loaded_webp() -> bytes:
    return webp_bytes(exif=exif_with_gps().tobytes(), xmp=XMP_PACKET, icc_profile=srgb_icc())


def heic_bytes(image: Image.Image | None = None, **save: object) -> bytes:
    images._register_heif()
    buffer = io.BytesIO()
    (image or texture()).save(buffer, "HEIF", quality=90, **save)
    return buffer.getvalue()


def loaded_heic() -> bytes:
    return heic_bytes(exif=exif_with_gps().tobytes(), xmp=XMP_PACKET)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a size; its pixel data is a few bytes, not width x height."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def png_16bit_rgb(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    """A 16-bit-per-channel RGB PNG, written by hand (Pillow cannot save one)."""
    width, height = size
    row = b"\x00" + struct.pack(">3H", *colour) * width
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(row * height))
        + png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header (SOF0) is patched to claim another size."""
    data = bytearray(jpeg_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def saved(image: Image.Image, format: str, **save: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **save)
    return buffer.getvalue()


# --- readers: what is really in the bytes --------------------------------------------------------


def jpeg_markers(data: bytes) -> list[tuple[int, bytes]]:
    """Every marker segment of a JPEG, including those between the scans of a progressive JPEG."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    found: list[tuple[int, bytes]] = [(0xD8, b"")]
    at = 2
    while at < len(data):
        assert data[at] == 0xFF, f"expected a marker at byte {at}"
        while data[at] == 0xFF:  # fill bytes
            at += 1
        marker = data[at]
        at += 1
        if marker == 0xD9:
            found.append((marker, b""))
            break
        (length,) = struct.unpack(">H", data[at : at + 2])
        found.append((marker, data[at + 2 : at + length]))
        at += length
        if marker == 0xDA:  # entropy-coded data runs to the next marker that is not a stuffed byte or RSTn
            while True:
                at = data.index(b"\xff", at)
                following = data[at + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    at += 2
                    continue
                break
    return found


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    kinds, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kinds.append(data[at + 4 : at + 8])
        at += 12 + length
    return kinds


def webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", "not a WebP"
    chunks, at = [], 12
    while at < len(data):
        kind = data[at : at + 4]
        (length,) = struct.unpack("<I", data[at + 4 : at + 8])
        chunks.append((kind, data[at + 8 : at + 8 + length]))
        at += 8 + length + (length & 1)
    return chunks


def assert_no_metadata(rendition: Rendition) -> None:
    """Parse the published bytes and fail on any container-level metadata."""
    data = rendition.data
    assert SECRET not in data, "planted metadata text survived"
    if rendition.mime == "image/jpeg":
        markers = jpeg_markers(data)
        app_segments = [marker for marker, _ in markers if 0xE0 <= marker <= 0xEF]
        assert app_segments == [0xE0], f"only the JFIF APP0 segment may remain, found {app_segments}"
        assert all(marker != 0xFE for marker, _ in markers), "a COM comment segment survived"
        assert next(body for marker, body in markers if marker == 0xE0).startswith(b"JFIF\x00")
    elif rendition.mime == "image/png":
        assert set(png_chunks(data)) <= {b"IHDR", b"IDAT", b"IEND"}, png_chunks(data)
    else:
        chunks = webp_chunks(data)
        kinds = {kind for kind, _ in chunks}
        assert kinds <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}, kinds
        for kind, body in chunks:
            if kind == b"VP8X":
                assert body[0] & 0b0010_1100 == 0, "VP8X flags announce ICC, EXIF or XMP"
    with Image.open(io.BytesIO(data)) as reread:
        assert len(reread.getexif()) == 0
        assert not {"exif", "xmp", "icc_profile", "comment", "photoshop"} & set(reread.info)


# --- opening: metadata is read, reported and dropped ---------------------------------------------

LOADED = {
    "JPEG": loaded_jpeg,
    "PNG": loaded_png,
    "WEBP": loaded_webp,
    "HEIF": loaded_heic,
}


@pytest.mark.parametrize("kind", list(LOADED))
def test_it_reports_the_location_and_camera_data_it_found(kind: str) -> None:
    photo = open_photo(LOADED[kind](), f"upload.{kind.lower()}")

    assert photo.format == kind
    assert photo.had_exif and photo.had_gps and photo.had_xmp
    assert "location (GPS) data" in photo.removed


@pytest.mark.parametrize("kind", list(LOADED))
def test_the_opened_photo_holds_pixels_and_nothing_else(kind: str) -> None:
    photo = open_photo(LOADED[kind]())

    assert photo.image.mode == "RGB"
    assert photo.image.info == {}
    assert len(photo.image.getexif()) == 0


def test_it_notices_comments_iptc_and_colour_profiles_in_a_jpeg() -> None:
    photo = open_photo(loaded_jpeg())

    assert photo.had_comment and photo.had_colour_profile
    assert photo.colour_profile is None  # sRGB needs no conversion


def test_it_notices_text_chunks_in_a_png() -> None:
    assert open_photo(loaded_png()).had_comment


def test_a_plain_photo_reports_nothing_removed() -> None:
    photo = open_photo(jpeg_bytes())

    assert photo.removed == ()
    assert not (photo.had_exif or photo.had_gps or photo.had_xmp or photo.had_comment)


# --- rendering: nothing but pixels survives ------------------------------------------------------


@pytest.mark.parametrize("output", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("kind", list(LOADED))
def test_no_metadata_survives_rendering(kind: str, output: images.OutputFormat) -> None:
    rendition = render(open_photo(LOADED[kind]()), 2048, format=output)

    assert_no_metadata(rendition)


@pytest.mark.parametrize("output", ["JPEG", "PNG", "WEBP"])
def test_a_pillow_image_with_metadata_in_its_info_renders_clean(output: images.OutputFormat) -> None:
    # A plain Pillow re-save keeps the JPEG comment (and a PNG keeps its ICC profile): render must not.
    with Image.open(io.BytesIO(loaded_jpeg())) as straight_from_the_file:
        assert straight_from_the_file.info["comment"].startswith(SECRET)
        rendition = render(straight_from_the_file, 64, format=output)

    assert_no_metadata(rendition)


def test_the_reader_catches_metadata_in_a_plain_resave() -> None:
    # The checks above can fail: a naive re-save of the loaded JPEG keeps its COM segment.
    with Image.open(io.BytesIO(loaded_jpeg())) as image:
        resaved = saved(image, "JPEG")

    assert any(marker == 0xFE for marker, _ in jpeg_markers(resaved))
    with pytest.raises(AssertionError):
        assert_no_metadata(Rendition(resaved, 96, 64, "image/jpeg"))


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_named_preset_renders_clean(preset: str) -> None:
    rendition = render_for(open_photo(loaded_jpeg(orientation=6)), preset)

    assert_no_metadata(rendition)


def test_a_progressive_jpeg_is_clean_too() -> None:
    rendition = render(open_photo(loaded_jpeg()), 2048, progressive=True)

    assert sum(marker == 0xDA for marker, _ in jpeg_markers(rendition.data)) > 1  # several scans
    assert_no_metadata(rendition)


# --- orientation ---------------------------------------------------------------------------------

# The transposition that brings an image stored with each EXIF orientation upright.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
INVERSE = {
    Image.Transpose.ROTATE_270: Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_90: Image.Transpose.ROTATE_270,
}
QUADRANTS = {(0, 0): (255, 0, 0), (1, 0): (0, 255, 0), (0, 1): (0, 0, 255), (1, 1): (255, 255, 255)}


def quadrant_image(size: tuple[int, int]) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    for (column, row), colour in QUADRANTS.items():
        box = (column * width // 2, row * height // 2, (column + 1) * width // 2, (row + 1) * height // 2)
        image.paste(colour, box)
    return image


@pytest.mark.parametrize("orientation", range(1, 9))
def test_each_exif_orientation_comes_out_as_the_phone_showed_it(orientation: int) -> None:
    upright = quadrant_image((40, 20))
    stored = upright
    if orientation in UPRIGHT:
        method = UPRIGHT[orientation]
        stored = upright.transpose(INVERSE.get(method, method))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation

    photo = open_photo(png_bytes(stored, exif=exif))

    assert photo.image.size == (40, 20)
    assert photo.orientation == orientation
    for (column, row), colour in QUADRANTS.items():
        assert photo.image.getpixel((column * 20 + 10, row * 10 + 5)) == colour


def test_a_portrait_phone_jpeg_is_published_portrait() -> None:
    # Phones store portrait photos as landscape pixels with orientation 6 (rotate 90° clockwise).
    photo = open_photo(loaded_jpeg(orientation=6, size=(400, 300)))

    rendition = render(photo, 200)

    assert photo.stored_size == (400, 300)
    assert (photo.width, photo.height) == (300, 400)
    assert (rendition.width, rendition.height) == (150, 200)
    with Image.open(io.BytesIO(rendition.data)) as published:
        assert published.size == (150, 200)  # and no EXIF left to rotate it a second time
        assert ExifTags.Base.Orientation not in published.getexif()


def test_a_heic_is_turned_upright_by_its_own_transform() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6

    photo = open_photo(heic_bytes(texture((64, 48)), exif=exif.tobytes()))

    assert (photo.width, photo.height) == (48, 64)
    assert photo.orientation == 6


# --- content, not the file name ------------------------------------------------------------------

MISLABELLED = [
    ("IMG_0001.jpg", png_bytes, "PNG"),
    ("holiday.png", jpeg_bytes, "JPEG"),
    ("IMG_0002.heic", webp_bytes, "WEBP"),
    ("photo.webp", heic_bytes, "HEIF"),
    ("no-extension", jpeg_bytes, "JPEG"),
]


@pytest.mark.parametrize(("name", "make", "kind"), MISLABELLED)
def test_a_mislabelled_photo_is_opened_by_its_content(
    name: str, make: Callable[[], bytes], kind: str
) -> None:
    photo = open_photo(make(), name)

    assert photo.format == kind
    assert photo.image.size == (96, 64)


def test_a_heic_is_called_heic_for_staff() -> None:
    photo = open_photo(heic_bytes())

    assert (photo.format_name, photo.mime) == ("HEIC", "image/heic")


# --- refusals ------------------------------------------------------------------------------------

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
TEXT = "Dear parents, the trip to the farm is on Friday. Please send a packed lunch. Ça va?".encode()
HTML = b"<!DOCTYPE html><html><body><img src='photo.jpg'></body></html>"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)

REFUSED = [
    # (what it is, name, data, code, words the message must contain)
    ("a PDF", "photo.jpg", PDF, "not-a-photo", "is a PDF, not a photo"),
    ("a ZIP", "photos.jpg", zip_bytes({"a.txt": b"hello"}), "not-a-photo", "ZIP archive"),
    ("a Word document", "IMG_1.jpg", zip_bytes({"[Content_Types].xml": b"<Types/>"}), "not-a-photo", "Word"),
    ("an SVG", "logo.jpg", SVG, "unsupported-image", "SVG drawing"),
    ("text", "notes.jpg", TEXT, "not-a-photo", "a text file"),
    ("a web page", "page.jpg", HTML, "not-a-photo", "web page"),
    ("a video", "clip.heic", MP4, "not-a-photo", "a video"),
    ("a GIF", "anim.jpg", saved(texture(), "GIF"), "unsupported-image", "GIF image"),
    ("a BMP", "scan.jpg", saved(texture(), "BMP"), "unsupported-image", "BMP image"),
    ("a TIFF", "scan.png", saved(texture(), "TIFF"), "unsupported-image", "TIFF image"),
    (
        "random bytes",
        "x.jpg",
        random.Random(4).randbytes(2000),
        "not-a-photo",
        "not a photo Safepost can read",
    ),
    ("nothing", "empty.jpg", b"", "empty", "is empty"),
]


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_files_that_are_not_photos_are_refused_with_a_clear_message(
    name: str, data: bytes, code: str, words: str
) -> None:
    with pytest.raises(PhotoError) as refused:
        open_photo(data, name)

    message = str(refused.value)
    assert refused.value.code == code
    assert words in message
    assert f"“{name}”" in message
    if code != "empty":
        assert "JPEG, PNG, HEIC or WebP" in message  # says what to do


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


DAMAGED = [
    ("a JPEG cut in half", truncated(jpeg_bytes(texture((400, 300))))),
    ("a JPEG with only its headers", truncated(loaded_jpeg(), 0.1)),
    ("a JPEG signature then noise", b"\xff\xd8\xff\xe0" + random.Random(1).randbytes(3000)),
    ("a PNG cut in half", truncated(png_bytes(texture((400, 300))))),
    ("a PNG with a broken chunk checksum", png_bytes()[:-20] + b"\x00" * 8 + png_bytes()[-12:]),
    ("a WebP cut in half", truncated(webp_bytes(texture((400, 300))))),
    ("a HEIC cut in half", truncated(heic_bytes(texture((400, 300))))),
]


@pytest.mark.parametrize("data", [case[1] for case in DAMAGED], ids=[case[0] for case in DAMAGED])
def test_damaged_and_truncated_photos_are_refused(data: bytes) -> None:
    with pytest.raises(PhotoError) as refused:
        open_photo(data, "trip.jpg")

    assert refused.value.code == "damaged"
    assert "damaged or incomplete" in str(refused.value)
    assert "upload the new copy" in str(refused.value)


def test_a_truncated_jpeg_is_refused_although_its_header_is_intact() -> None:
    data = truncated(jpeg_bytes(texture((400, 300))), 0.7)
    with Image.open(io.BytesIO(data)) as header_only:
        assert header_only.size == (400, 300)  # Pillow opens it happily without decoding

    with pytest.raises(PhotoError, match="damaged or incomplete"):
        open_photo(data)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (png_claiming(100_000, 100_000), "far larger than any photo"),
        (png_claiming(10_000, 10_000), "far larger than any photo"),  # within Pillow's warning band
        (png_claiming(9_000, 6_000), "9,000 × 6,000 pixels (54 megapixels)"),
        (jpeg_claiming(60_000, 60_000), "far larger than any photo"),
    ],
    ids=["PNG 100000x100000", "PNG 10000x10000", "PNG 9000x6000", "JPEG 60000x60000"],
)
def test_decompression_bombs_are_refused_from_the_header_without_decoding(data: bytes, words: str) -> None:
    started = time.perf_counter()
    with pytest.raises(PhotoError) as refused:
        open_photo(data, "bomb.png")

    assert time.perf_counter() - started < 0.5  # decoding 10 gigapixels would take minutes (or fail)
    assert refused.value.code == "too-many-pixels"
    assert words in str(refused.value)
    assert "Resize it" in str(refused.value)


def test_a_photo_just_under_the_pixel_limit_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "MAX_PIXELS", 96 * 64)

    assert open_photo(jpeg_bytes()).image.size == (96, 64)
    with pytest.raises(PhotoError, match="megapixel limit"):
        open_photo(jpeg_bytes(texture((97, 64))))


def test_an_oversized_file_is_refused_before_it_is_read() -> None:
    data = b"\xff\xd8\xff" + bytes(MAX_BYTES)

    with pytest.raises(PhotoError) as refused:
        open_photo(data, "huge.jpg")

    assert refused.value.code == "too-many-bytes"
    assert "40.0 MB, more than the 40.0 MB limit" in str(refused.value)


def test_refusals_leave_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    bad = [PDF, b"", png_claiming(100_000, 100_000), *(data for _, data in DAMAGED)]

    for data in bad:
        with pytest.raises(PhotoError):
            open_photo(data, "x.jpg")
    render(open_photo(loaded_heic()), 64)

    assert list(scratch.iterdir()) == []


# --- colour modes --------------------------------------------------------------------------------


def test_a_cmyk_jpeg_comes_out_in_the_right_colours() -> None:
    red_in_cmyk = Image.new("CMYK", (32, 32), (0, 255, 255, 0))

    photo = open_photo(saved(red_in_cmyk, "JPEG", quality=95))

    red, green, blue = photo.image.getpixel((16, 16))  # type: ignore[misc]
    assert red > 230 and green < 25 and blue < 25


def test_a_16_bit_greyscale_png_is_scaled_not_clipped() -> None:
    mid_grey = Image.new("I;16", (16, 16), 32768)

    photo = open_photo(saved(mid_grey, "PNG"))

    assert photo.image.getpixel((8, 8)) == (128, 128, 128)  # clipping would give white


def test_a_16_bit_colour_png_keeps_its_colour() -> None:
    photo = open_photo(png_16bit_rgb((8, 8), (65535, 32768, 0)))

    assert photo.image.getpixel((4, 4)) == (255, 128, 0)


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGBA", (8, 8), (255, 0, 0, 0)),
        Image.new("LA", (8, 8), (0, 0)),
        Image.new("P", (8, 8), 0),
    ],
    ids=["RGBA", "grey with alpha", "palette with a transparent colour"],
)
def test_transparent_pixels_become_white(image: Image.Image) -> None:
    extra = {"transparency": 0} if image.mode == "P" else {}

    photo = open_photo(saved(image, "PNG", **extra))

    assert photo.image.getpixel((4, 4)) == (255, 255, 255)
    assert photo.had_transparency


def test_opaque_pixels_of_a_transparent_png_are_kept() -> None:
    image = Image.new("RGBA", (8, 8), (255, 0, 0, 0))
    image.paste((10, 120, 200, 255), (0, 0, 4, 8))

    photo = open_photo(saved(image, "PNG"))

    assert photo.image.getpixel((1, 1)) == (10, 120, 200)
    assert photo.image.getpixel((6, 6)) == (255, 255, 255)


def test_greyscale_photos_become_rgb() -> None:
    photo = open_photo(saved(Image.new("L", (8, 8), 77), "JPEG", quality=100))

    assert photo.image.mode == "RGB"
    assert photo.image.getpixel((4, 4)) == (77, 77, 77)


# --- animations: the first frame only ------------------------------------------------------------

FRAMES = [Image.new("RGB", (16, 16), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]


@pytest.mark.parametrize("format", ["WEBP", "PNG"])
def test_an_animation_keeps_only_its_first_frame_and_says_so(format: str) -> None:
    data = saved(FRAMES[0], format, save_all=True, append_images=FRAMES[1:], duration=100, lossless=True)

    photo = open_photo(data)

    assert photo.frames == 3 and photo.animated
    assert photo.image.getpixel((8, 8)) == (255, 0, 0)
    assert "2 further frame(s) of the animation" in photo.removed


# --- sizes and budgets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "max_side", "expected"),
    [
        ((4000, 3000), 2048, (2048, 1536)),
        ((3000, 4000), 2048, (1536, 2048)),
        ((800, 600), 2048, (800, 600)),  # never scaled up
        ((2048, 100), 2048, (2048, 100)),
        ((5000, 10), 1000, (1000, 2)),
        ((10, 5000), 1000, (2, 1000)),
    ],
)
def test_renditions_are_scaled_down_never_up(
    size: tuple[int, int], max_side: int, expected: tuple[int, int]
) -> None:
    rendition = render(Image.new("RGB", size, (90, 140, 60)), max_side)

    assert (rendition.width, rendition.height) == expected
    with Image.open(io.BytesIO(rendition.data)) as published:
        assert published.size == expected


@pytest.mark.parametrize(
    ("output", "mime"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_renditions_are_encoded_as_asked(output: images.OutputFormat, mime: str) -> None:
    rendition = render(texture(), 64, format=output)

    assert rendition.mime == mime
    with Image.open(io.BytesIO(rendition.data)) as published:
        assert published.get_format_mimetype() == mime


def test_a_byte_budget_is_met_by_lowering_the_quality_first() -> None:
    noisy = Image.effect_noise((600, 400), 80).convert("RGB")
    full = render(noisy, 600, quality=85)

    fitted = render(noisy, 600, quality=85, max_bytes=int(len(full.data) * 0.8))

    assert len(fitted.data) <= len(full.data) * 0.8
    assert fitted.quality is not None and fitted.quality < 85
    assert fitted.width == 600  # the size was kept


def test_a_byte_budget_shrinks_the_photo_when_quality_is_not_enough() -> None:
    noisy = Image.effect_noise((1200, 800), 80).convert("RGB")

    fitted = render(noisy, 1200, max_bytes=40_000)

    assert len(fitted.data) <= 40_000
    assert fitted.width < 1200
    assert fitted.quality is not None and fitted.quality >= 60


def test_an_impossible_byte_budget_is_refused_clearly() -> None:
    with pytest.raises(PhotoError) as refused:
        render(Image.effect_noise((1200, 800), 80).convert("RGB"), 1200, max_bytes=500)

    assert refused.value.code == "too-detailed"


def test_the_website_preset_keeps_a_published_photo_at_2048_pixels_and_no_byte_budget() -> None:
    assert (PRESETS["website"].max_side, PRESETS["website"].max_bytes) == (2048, None)


def test_a_destinations_own_preset_meets_its_byte_budget_on_a_big_noisy_photo() -> None:
    noisy = Image.merge("RGB", [Image.effect_noise((2400, 1800), 60)] * 3)

    rendition = render_for(noisy, Preset("one-megabyte", 2000, 1_000_000))

    assert len(rendition.data) <= 1_000_000
    assert max(rendition.width, rendition.height) <= 2000
    assert_no_metadata(rendition)


def test_render_keeps_the_facts_when_the_pixels_change() -> None:
    photo = open_photo(loaded_jpeg())

    blurred = photo.with_image(photo.image.transpose(Image.Transpose.FLIP_LEFT_RIGHT))

    assert isinstance(blurred, Photo)
    assert blurred.had_gps and blurred.image is not photo.image
    assert_no_metadata(render(blurred, 64))


# --- colour profiles -----------------------------------------------------------------------------


def rgb_icc(
    description: str, red: tuple[float, ...], green: tuple[float, ...], blue: tuple[float, ...]
) -> bytes:
    """A minimal ICC v2 matrix/TRC display profile with the given (D50) primaries and gamma 2.2."""

    def s15(*values: float) -> bytes:
        return b"".join(struct.pack(">i", round(value * 65536)) for value in values)

    def xyz(*values: float) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + s15(*values)

    text = description.encode() + b"\x00"
    tags = {
        b"desc": b"desc\x00\x00\x00\x00" + struct.pack(">I", len(text)) + text + bytes(12) + bytes(67),
        b"wtpt": xyz(0.9642, 1.0, 0.8249),
        b"rXYZ": xyz(*red),
        b"gXYZ": xyz(*green),
        b"bXYZ": xyz(*blue),
        b"rTRC": b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233) + b"\x00\x00",
    }
    tags[b"gTRC"] = tags[b"bTRC"] = tags[b"rTRC"]
    table_size = 4 + 12 * len(tags)
    offset, table, body = 128 + table_size, b"", b""
    for signature, data in tags.items():
        data += bytes(-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = 128 + table_size + len(body)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(24)
        + struct.pack(">I", 0)
        + s15(0.9642, 1.0, 0.8249)
    )
    header += bytes(128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + body


SRGB_RED, SRGB_GREEN, SRGB_BLUE = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)


def test_colours_in_another_profile_are_converted_to_srgb_when_published() -> None:
    # A profile with red and blue swapped: "red" pixels in it are really blue.
    swapped = rgb_icc("Swapped primaries", SRGB_BLUE, SRGB_GREEN, SRGB_RED)
    photo = open_photo(png_bytes(Image.new("RGB", (16, 16), (255, 0, 0)), icc_profile=swapped))

    rendition = render(photo, 16, format="PNG")

    assert photo.colour_profile == swapped  # kept aside, never published
    with Image.open(io.BytesIO(rendition.data)) as published:
        red, _green, blue = published.getpixel((8, 8))  # type: ignore[misc]
    assert blue > 200 and red < 60
    assert_no_metadata(rendition)


def test_an_srgb_profile_needs_no_conversion() -> None:
    photo = open_photo(png_bytes(Image.new("RGB", (16, 16), (255, 0, 0)), icc_profile=srgb_icc()))

    assert photo.had_colour_profile and photo.colour_profile is None
    with Image.open(io.BytesIO(render(photo, 16, format="PNG").data)) as published:
        assert published.getpixel((8, 8)) == (255, 0, 0)


def test_a_multi_picture_jpeg_from_an_android_phone_is_a_jpeg() -> None:
    # Many phones save MPO: a JPEG followed by more pictures (depth maps, previews).
    data = saved(FRAMES[0], "MPO", save_all=True, append_images=FRAMES[1:], quality=95)

    photo = open_photo(data, "PXL_0001.jpg")

    assert (photo.format, photo.frames) == ("JPEG", 3)
    red, green, blue = photo.image.getpixel((8, 8))  # type: ignore[misc]
    assert red > 240 and green < 15 and blue < 15


def test_an_rgb_png_with_a_transparent_colour_is_flattened_onto_white() -> None:
    image = Image.new("RGB", (8, 8), (0, 0, 0))
    image.paste((200, 30, 30), (0, 0, 4, 8))

    photo = open_photo(saved(image, "PNG", transparency=(0, 0, 0)))

    assert photo.image.getpixel((1, 1)) == (200, 30, 30)
    assert photo.image.getpixel((6, 6)) == (255, 255, 255)

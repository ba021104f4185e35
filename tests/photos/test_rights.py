"""Rights details read from photo files before they are stripped, and the perceptual hash."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFilter, IptcImagePlugin

from safepost.photos import open_photo
from safepost.photos.rights import SAME_PICTURE_BITS, Rights, hash_distance, perceptual_hash, read_rights


def jpeg(**save: object) -> bytes:
    image = Image.linear_gradient("L").convert("RGB").resize((400, 300))
    out = io.BytesIO()
    image.save(out, "JPEG", **save)
    return out.getvalue()


def test_the_exif_copyright_and_artist_are_read_and_the_cleaned_photo_keeps_neither() -> None:
    exif = Image.Exif()
    exif[0x8298] = "Copyright Shutterstock"
    exif[0x013B] = "A. Photographer"
    photo = open_photo(jpeg(exif=exif), "stock.jpg")
    assert photo.rights == Rights(rights="Copyright Shutterstock", creator="A. Photographer")
    assert photo.rights.agency == "Shutterstock"
    assert len(photo.image.getexif()) == 0


def test_xmp_rights_in_an_element_are_read() -> None:
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights><rdf:Alt>'
        '<rdf:li xml:lang="x-default">PA Images / Alamy</rdf:li></rdf:Alt></dc:rights></rdf:Description>'
        "</rdf:RDF></x:xmpmeta>"
    )
    photo = open_photo(jpeg(xmp=xmp.encode()), "press.jpg")
    assert photo.rights.rights == "PA Images / Alamy"
    assert photo.rights.agency in {"PA Images", "Alamy"}


def test_iptc_credit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        IptcImagePlugin, "getiptcinfo", lambda image: {(2, 110): b"Reuters", (2, 80): [b"J. Smith"]}
    )
    rights = read_rights(Image.open(io.BytesIO(jpeg())))
    assert rights.credit == "Reuters" and rights.creator == "J. Smith" and rights.agency == "Reuters"


@pytest.mark.parametrize("value", ["", "   ", "\x00\x00"])
def test_empty_rights_name_nobody(value: str) -> None:
    exif = Image.Exif()
    exif[0x8298] = value
    assert open_photo(jpeg(exif=exif)).rights.holder == ""


def test_the_same_picture_resized_blurred_or_trimmed_hashes_close_and_other_pictures_far() -> None:
    base = Image.radial_gradient("L").convert("RGB").resize((800, 600))
    base.paste((200, 30, 30), (100, 100, 300, 250))
    h = perceptual_hash(base)
    for variant in (
        base.resize((400, 300)),
        base.filter(ImageFilter.GaussianBlur(2)),
        base.crop((10, 10, 790, 590)),
    ):
        assert hash_distance(h, perceptual_hash(variant)) <= SAME_PICTURE_BITS
    other = Image.linear_gradient("L").convert("RGB").resize((800, 600))
    assert hash_distance(h, perceptual_hash(other)) > SAME_PICTURE_BITS
    assert hash_distance(h, "not a hash") == 64

"""Whose photo is it? The rights details a file carries, and a perceptual hash to recognise it.

Both are read when a photo is uploaded, before its metadata is stripped: the EXIF copyright and
artist, the XMP rights, credit and source, and the IPTC copyright notice, credit and by-line. A
stock agency's or a news agency's name there is the surest sign that a picture is not the
school's own. The perceptual hash (the 64-bit DCT hash, "pHash") stays the same when a picture is
resized, recompressed or slightly cropped, so a picture the school has marked as licensed, or as
not its own, is recognised again.

The hash is computed here with OpenCV's DCT (a dependency already) rather than the `imagehash`
package: that needs SciPy, which adds about seven seconds to the first hash in a process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import ExifTags, Image, ImageFile, IptcImagePlugin

#: Agencies whose pictures are licensed, never free to post: stock libraries and news agencies.
AGENCIES = (
    "getty images",
    "gettyimages",
    "istock",
    "shutterstock",
    "alamy",
    "adobe stock",
    "dreamstime",
    "depositphotos",
    "123rf",
    "bigstock",
    "pond5",
    "stocksy",
    "corbis",
    "pa images",
    "pa wire",
    "press association",
    "reuters",
    "associated press",
    "ap photo",
    "afp",
    "rex features",
    "shutterstock editorial",
    "news licensing",
    "mirrorpix",
    "camera press",
    "science photo library",
)
_AGENCY = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\b", re.IGNORECASE)
_XMP_FIELDS = {
    "rights": r"dc:rights",
    "credit": r"photoshop:Credit",
    "source": r"photoshop:Source",
    "creator": r"dc:creator",
    "usage_terms": r"xmpRights:UsageTerms",
    "web_statement": r"xmpRights:WebStatement",
}
#: IPTC IIM datasets: (record, dataset) -> field.
_IPTC = {(2, 116): "rights", (2, 110): "credit", (2, 115): "source", (2, 80): "creator"}
#: Pictures whose hashes differ in at most this many of 64 bits are the same picture.
SAME_PICTURE_BITS = 12


@dataclass(frozen=True)
class Rights:
    """The rights details found in a photo file (empty strings where there were none)."""

    rights: str = ""
    creator: str = ""
    credit: str = ""
    source: str = ""
    usage_terms: str = ""

    @property
    def holder(self) -> str:
        """Who the file says owns or supplied it, in the file's words."""
        return next((v for v in (self.credit, self.rights, self.source, self.creator) if v), "")

    @property
    def agency(self) -> str | None:
        """The stock or news agency named in the file, if any."""
        for value in (self.credit, self.rights, self.source, self.creator, self.usage_terms):
            match = _AGENCY.search(value)
            if match:
                return match.group(0)
        return None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def _clean(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        value = " ".join(_clean(v) for v in value)
    text = " ".join(str(value).replace("\x00", " ").split())
    return text[:300]


def _from_xmp(xmp: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, tag in _XMP_FIELDS.items():
        # <dc:rights><rdf:Alt><rdf:li>...</rdf:li></rdf:Alt></dc:rights>, or tag="..." attributes.
        element = re.search(rf"<{tag}\b[^>]{{0,200}}>(.{{0,2000}}?)</{tag}>", xmp, re.S)
        if element:
            inner = re.sub(r"<[^>]{0,200}>", " ", element.group(1))
            found[key] = _clean(inner)
            continue
        attribute = re.search(rf'{tag}="([^"]{{0,500}})"', xmp)
        if attribute:
            found[key] = _clean(attribute.group(1))
    return found


def read_rights(image: Image.Image, exif: Image.Exif | None = None) -> Rights:
    """The rights details of an opened (not yet cleaned) image: EXIF, XMP and IPTC."""
    fields: dict[str, str] = {}
    try:
        exif = exif if exif is not None else image.getexif()
        if exif.get(ExifTags.Base.Copyright):
            fields["rights"] = _clean(exif[ExifTags.Base.Copyright])
        if exif.get(ExifTags.Base.Artist):
            fields["creator"] = _clean(exif[ExifTags.Base.Artist])
    except Exception:  # unreadable EXIF: there is nothing to learn from it
        pass
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if xmp:
        text = xmp.decode("utf-8", "replace") if isinstance(xmp, bytes) else str(xmp)
        for key, value in _from_xmp(text[:200_000]).items():
            if value and key != "web_statement":
                fields.setdefault(key, value)
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) if isinstance(image, ImageFile.ImageFile) else None
        iptc = iptc or {}
    except Exception:  # damaged IPTC: ignored, as the cleaning drops it anyway
        iptc = {}
    for dataset, key in _IPTC.items():
        if dataset in iptc:
            fields.setdefault(key, _clean(iptc[dataset]))
    return Rights(**{k: v for k, v in fields.items() if k in Rights.__dataclass_fields__})


def perceptual_hash(image: Image.Image) -> str:
    """The 64-bit DCT perceptual hash of ``image`` as 16 hex digits."""
    small = image.convert("L").resize((32, 32), Image.Resampling.LANCZOS, reducing_gap=2.0)
    pixels = np.asarray(small, dtype=np.float32)
    low = cv2.dct(pixels)[:8, :8]
    bits = (low > np.median(low)).flatten()
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return f"{value:016x}"


def hash_distance(a: str, b: str) -> int:
    """How many of the 64 bits differ between two hashes (64 when either is not a hash)."""
    try:
        return (int(a, 16) ^ int(b, 16)).bit_count()
    except ValueError:
        return 64

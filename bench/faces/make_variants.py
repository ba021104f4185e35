"""Harder variants of the labelled face set: photos on their side, faces lying down, dark photos.

Issue 12 found the detector weak exactly where school photos are hard: photos whose pixels are
sideways with no orientation tag, children lying on a mat or the grass (their faces turned a
quarter in an upright photo), and dark rooms. This module makes such variants of every photo of
``labels.json``, with the labels moved to match, deterministically (each variant's random numbers
are seeded by its name), so ``bench/bench_faces.py --variants`` measures the same set every time.

Kinds (``KINDS``):

* ``turned-90``, ``turned-180``, ``turned-270``: the whole photo turned (pixels sideways or upside
  down, as a phone saves them when the orientation tag is lost);
* ``lying``: every face, with its hair and some background, turned a quarter (left or right at
  random) where it is, inside a soft round patch, as a child lying on a mat looks in an upright
  photo; ``tilted``: the same at 20 to 70 degrees either way;
* ``dim``, ``dark`` and ``night``: under-exposed by 2, 3.5 and 5 stops in linear light, with the
  sensor noise of a phone in a dark room and its JPEG; ``dark-turned``: ``dark`` turned 90 degrees;
* ``hazy`` (low contrast, washed out), ``soft`` (out of focus), ``warm`` (tungsten light, an
  orange cast) and ``grainy`` (strong noise and JPEG quality 30).

A label of a turned photo or face keeps the face's centre and swaps width and height for a
quarter turn (a face on its side is wider than tall); at other angles it keeps its size. The
bench counts a detection as the face when its centre lies in the label (or IoU >= 0.4).

    .venv/bin/python bench/faces/make_variants.py /tmp/variants   # write them out to look at
"""

from __future__ import annotations

import io
import json
import math
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
KINDS = (
    "turned-90",
    "turned-180",
    "turned-270",
    "lying",
    "tilted",
    "dim",
    "dark",
    "night",
    "dark-turned",
    "hazy",
    "soft",
    "warm",
    "grainy",
)
Box = list[float]


@dataclass
class Variant:
    """One photo of the extended set: its pixels and labels (``[x, y, w, h]`` boxes)."""

    name: str
    kind: str
    source: str
    image: Image.Image
    faces: list[Box]
    ignore: list[Box]


def _rng(*parts: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32("/".join(parts).encode()))


def _jpeg(pixels: np.ndarray, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    image = Image.open(buffer)
    image.load()
    return image.convert("RGB")


def _turn_boxes(boxes: list[Box], quarter: int, width: int, height: int) -> list[Box]:
    """Boxes of a width x height photo after turning it ``quarter`` quarters anticlockwise."""
    out = []
    for x, y, w, h in boxes:
        q = quarter % 4
        if q == 0:
            out.append([x, y, w, h])
        elif q == 1:  # anticlockwise: (x, y) -> (y, width - x)
            out.append([y, width - x - w, h, w])
        elif q == 2:
            out.append([width - x - w, height - y - h, w, h])
        else:  # clockwise: (x, y) -> (height - y, x)
            out.append([height - y - h, x, h, w])
    return out


def _turn(
    image: Image.Image, faces: list[Box], ignore: list[Box], quarter: int
) -> tuple[Image.Image, list[Box], list[Box]]:
    width, height = image.size
    pixels = np.ascontiguousarray(np.rot90(np.asarray(image), quarter))
    return (
        Image.fromarray(pixels),
        _turn_boxes(faces, quarter, width, height),
        _turn_boxes(ignore, quarter, width, height),
    )


def _turn_faces_in_place(
    image: Image.Image, faces: list[Box], angles: list[float]
) -> tuple[Image.Image, list[Box]]:
    """Each face (a round patch 1.9 times its size around its centre) turned by its angle."""
    pixels = np.asarray(image).astype(np.float32)
    out = pixels.copy()
    height, width = pixels.shape[:2]
    boxes = []
    for (x, y, w, h), angle in zip(faces, angles, strict=True):
        cx, cy = x + w / 2, y + h / 2
        radius = 0.95 * max(w, h)
        x0, y0 = max(0, int(cx - radius)), max(0, int(cy - radius))
        x1, y1 = min(width, math.ceil(cx + radius)), min(height, math.ceil(cy + radius))
        patch = pixels[y0:y1, x0:x1]
        matrix = cv2.getRotationMatrix2D((cx - x0, cy - y0), angle, 1.0)
        turned = cv2.warpAffine(
            patch, matrix, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
        )
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        distance = np.hypot(xx - cx, yy - cy) / radius
        alpha = np.clip((1.0 - distance) / 0.15, 0, 1)[..., None]
        out[y0:y1, x0:x1] = alpha * turned + (1 - alpha) * out[y0:y1, x0:x1]
        quarter = abs(round(angle / 90)) % 2 == 1 and abs(abs(angle) - 90) < 1
        nw, nh = (h, w) if quarter else (w, h)
        boxes.append([cx - nw / 2, cy - nh / 2, nw, nh])
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), boxes


def _expose(image: Image.Image, stops: float, noise: float, rng: np.random.Generator) -> Image.Image:
    """Under-exposed by ``stops`` in linear light, with photon and read noise, saved as a phone JPEG."""
    srgb = np.asarray(image).astype(np.float32) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    linear *= 2.0**-stops
    linear += rng.normal(0, 1, linear.shape).astype(np.float32) * noise * np.sqrt(linear + 0.0005)
    linear = np.clip(linear, 0, 1)
    back = np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)
    return _jpeg((back * 255 + 0.5).astype(np.uint8), 85)


def make(kind: str, source: str, image: Image.Image, faces: list[Box], ignore: list[Box]) -> Variant:
    """The ``kind`` variant of one labelled photo."""
    rng = _rng(kind, source)
    image = image.convert("RGB")
    name = f"{kind}/{source}"
    if kind.startswith("turned-"):
        quarter = {"turned-90": 3, "turned-180": 2, "turned-270": 1}[kind]  # 90 = clockwise
        turned, new_faces, new_ignore = _turn(image, faces, ignore, quarter)
        return Variant(name, kind, source, turned, new_faces, new_ignore)
    if kind in ("lying", "tilted"):
        if kind == "lying":
            angles = [float(rng.choice([-90.0, 90.0])) for _ in faces]
        else:
            angles = [float(rng.uniform(20, 70) * rng.choice([-1, 1])) for _ in faces]
        turned, new_faces = _turn_faces_in_place(image, faces, angles)
        return Variant(name, kind, source, turned, new_faces, ignore)
    if kind == "dim":
        return Variant(name, kind, source, _expose(image, 2.0, 0.01, rng), faces, ignore)
    if kind == "dark":
        return Variant(name, kind, source, _expose(image, 3.5, 0.006, rng), faces, ignore)
    if kind == "night":
        return Variant(name, kind, source, _expose(image, 5.0, 0.004, rng), faces, ignore)
    if kind == "dark-turned":
        dark = _expose(image, 3.5, 0.006, rng)
        turned, new_faces, new_ignore = _turn(dark, faces, ignore, 3)
        return Variant(name, kind, source, turned, new_faces, new_ignore)
    pixels = np.asarray(image).astype(np.float32)
    if kind == "hazy":
        out = 0.4 * pixels + 0.6 * 205
        return Variant(name, kind, source, _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85), faces, ignore)
    if kind == "soft":
        # Out of focus by about a tenth of the median face width (at least 1.5 px).
        sigma = max(1.5, 0.1 * float(np.median([w for _, _, w, _ in faces])))
        out = cv2.GaussianBlur(pixels, (0, 0), sigma)
        return Variant(name, kind, source, _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85), faces, ignore)
    if kind == "warm":
        out = pixels * np.array([1.0, 0.72, 0.38], dtype=np.float32)
        return Variant(name, kind, source, _jpeg(np.clip(out, 0, 255).astype(np.uint8), 85), faces, ignore)
    if kind == "grainy":
        out = pixels + rng.normal(0, 14, pixels.shape).astype(np.float32)
        return Variant(name, kind, source, _jpeg(np.clip(out, 0, 255).astype(np.uint8), 30), faces, ignore)
    raise ValueError(f"unknown variant kind {kind!r}")


def originals() -> list[dict]:
    """The entries of labels.json (file, kind, faces, ignore)."""
    return json.loads((HERE / "labels.json").read_text())["images"]


def variants(kinds: tuple[str, ...] = KINDS, entries: list[dict] | None = None) -> Iterator[Variant]:
    """Every variant of every photo of the set, made in memory."""
    for entry in entries if entries is not None else originals():
        with Image.open(HERE / entry["file"]) as image:
            source = image.convert("RGB")
        for kind in kinds:
            yield make(kind, entry["file"], source, entry["faces"], entry.get("ignore", []))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip())
        return 2
    out = Path(sys.argv[1])
    labels = []
    for variant in variants():
        path = out / variant.name
        path.parent.mkdir(parents=True, exist_ok=True)
        variant.image.save(path.with_suffix(".jpg"), quality=90)
        labels.append(
            {"file": variant.name, "kind": variant.kind, "faces": variant.faces, "ignore": variant.ignore}
        )
    (out / "labels.json").write_text(json.dumps({"images": labels}, indent=1) + "\n")
    print(f"{len(labels)} variants written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

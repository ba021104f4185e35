"""Build the composite "class photos" of bench/faces/ and write labels.json.

The real photos (bench/faces/real/) were labelled by hand; their boxes are in REAL below. Each
composite is made by cutting the head and shoulders of the real faces out, scaling them (faces
from 24 px wide), flipping, rotating a little, changing brightness, contrast and colour, and
pasting them in rows or scattered over CC0 backgrounds, then saving as JPEG. The face boxes of the
composites follow exactly from the compositing. Deterministic: the same seed gives the same files.

Run from the repository root (needs the bench-only backgrounds, see README.md):

    .venv/bin/python bench/faces/make_composites.py /path/to/skimage/data
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

HERE = Path(__file__).resolve().parent

# Hand-checked face boxes (x, y, w, h) of the real photos; "ignore" marks a face too partial
# to count either way (a sliver of an out-of-focus cheek at the frame edge).
REAL: list[dict] = [
    {"file": "real/astronaut.png", "faces": [[178, 62, 92, 113]]},
    {"file": "real/camera.png", "faces": [[198, 111, 57, 84]]},
    {"file": "real/grace_hopper.jpg", "faces": [[180, 125, 173, 212]]},
    {"file": "real/obama.jpg", "faces": [[370, 90, 242, 330]]},
    {"file": "real/obama2.jpg", "faces": [[201, 228, 277, 407]], "ignore": [[585, 320, 41, 300]]},
    {"file": "real/obama3.jpg", "faces": [[651, 267, 258, 347]]},
    {"file": "real/biden.jpg", "faces": [[430, 186, 286, 378]]},
    {"file": "real/obama_partial_face.jpg", "faces": [[0, 86, 194, 331]]},
]
# The faces cut out for composites (the partial face is a crop of obama.jpg, so it is left out).
SOURCES = [entry for entry in REAL if "partial" not in entry["file"]]
# Real photos added later, for the bench only: not cut up for composites (so the composites and
# their labels stay as they were). bus.jpg: two men in sunglasses; the sliver of a face at the
# right edge is too partial to count.
REAL_ONLY: list[dict] = [
    {
        "file": "real/bus.jpg",
        "faces": [[113, 417, 42, 54], [268, 422, 38, 53]],
        "ignore": [[783, 390, 27, 70]],
    },
]


@dataclass(frozen=True)
class Layout:
    name: str
    size: tuple[int, int]
    background: str
    count: int
    face_px: tuple[int, int]
    rows: int  # 0: scattered
    distractors: tuple[str, ...] = ()


LAYOUTS = [
    Layout("class_4000x3000_brick", (4000, 3000), "brick", 40, (40, 80), 5),
    Layout("class_4000x3000_hall", (4000, 3000), "hall", 45, (30, 70), 4, ("chelsea",)),
    Layout("playground_3000x2000", (3000, 2000), "grass", 30, (24, 120), 0, ("coffee",)),
    Layout("assembly_1600x1200", (1600, 1200), "brick", 30, (24, 48), 5),
    Layout("web_1280x720", (1280, 720), "hall", 24, (24, 60), 0, ("chelsea",)),
    Layout("mixed_2000x1500", (2000, 1500), "grass", 12, (24, 300), 0),
]


def background(kind: str, size: tuple[int, int], data: Path, rng: np.random.Generator) -> Image.Image:
    """A background without faces, scaled up to the canvas and softened like a far wall."""
    if kind == "brick":
        base = ImageOps.colorize(Image.open(data / "brick.png").convert("L"), (60, 30, 25), (230, 170, 140))
    elif kind == "grass":
        base = ImageOps.colorize(Image.open(data / "grass.png").convert("L"), (20, 50, 15), (170, 220, 120))
    else:
        # The Blue Room of obama3.jpg left of the face: chandelier and curtains.
        base = Image.open(HERE / "real/obama3.jpg").convert("RGB").crop((0, 0, 560, 700))
    tiles_x = max(1, round(size[0] / 1600))
    tiles_y = max(1, round(size[1] / 1600))
    canvas = Image.new("RGB", (base.width * tiles_x, base.height * tiles_y))
    for ty in range(tiles_y):
        for tx in range(tiles_x):
            tile = base.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if (tx + ty) % 2 else base
            canvas.paste(tile, (tx * base.width, ty * base.height))
    canvas = canvas.resize(size, Image.Resampling.BICUBIC)
    return canvas.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.5, 2.0))))


def head(entry: dict, face: list[int]) -> tuple[Image.Image, tuple[float, float, float, float]]:
    """Head and shoulders around ``face`` with a soft elliptical alpha; the face box in the crop."""
    image = Image.open(HERE / entry["file"]).convert("RGB")
    x, y, w, h = face
    x0, y0 = max(0, round(x - 0.45 * w)), max(0, round(y - 0.55 * h))
    x1, y1 = min(image.width, round(x + 1.45 * w)), min(image.height, round(y + 1.6 * h))
    crop = image.crop((x0, y0, x1, y1)).convert("RGBA")
    alpha = Image.new("L", crop.size, 0)
    yy, xx = np.mgrid[0 : crop.height, 0 : crop.width]
    cx, cy = crop.width / 2, crop.height / 2
    inside = ((xx - cx) / (crop.width / 2)) ** 2 + ((yy - cy) / (crop.height / 2)) ** 2 <= 1.0
    alpha = Image.fromarray((inside * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(w * 0.06))
    crop.putalpha(alpha)
    return crop, (x - x0, y - y0, float(w), float(h))


def transformed(
    crop: Image.Image, box: tuple[float, float, float, float], face_w: float, rng: np.random.Generator
) -> tuple[Image.Image, tuple[float, float, float, float]]:
    """Scale, flip, rotate and recolour a head; the face box moves with it."""
    x, y, w, h = box
    scale = face_w / w
    crop = crop.resize(
        (max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.Resampling.LANCZOS
    )
    x, y, w, h = x * scale, y * scale, w * scale, h * scale
    if rng.random() < 0.5:
        crop = crop.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        x = crop.width - x - w
    angle = float(rng.uniform(-12, 12))
    fcx, fcy = x + w / 2, y + h / 2
    before = crop.size
    crop = crop.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    # PIL rotates anticlockwise about the centre; move the face centre the same way.
    ox, oy = fcx - before[0] / 2, fcy - before[1] / 2
    rad = math.radians(angle)
    nx = ox * math.cos(rad) + oy * math.sin(rad) + crop.width / 2
    ny = -ox * math.sin(rad) + oy * math.cos(rad) + crop.height / 2
    rgb, alpha = crop.convert("RGB"), crop.getchannel("A")
    rgb = ImageEnhance.Brightness(rgb).enhance(float(rng.uniform(0.6, 1.3)))
    rgb = ImageEnhance.Contrast(rgb).enhance(float(rng.uniform(0.75, 1.2)))
    rgb = ImageEnhance.Color(rgb).enhance(0.0 if rng.random() < 0.15 else float(rng.uniform(0.7, 1.3)))
    if rng.random() < 0.3:
        rgb = rgb.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.4, 1.0)) * face_w / 60))
    rgb.putalpha(alpha)
    return rgb, (nx - w / 2, ny - h / 2, w, h)


def place(layout: Layout, rng: np.random.Generator) -> list[tuple[float, float, float]]:
    """(centre x, centre y, face width) for each face, in rows or scattered, never overlapping."""
    width, height = layout.size
    lo, hi = layout.face_px
    spots: list[tuple[float, float, float]] = []
    if layout.rows:
        per_row = math.ceil(layout.count / layout.rows)
        for r in range(layout.rows):
            # Back rows are smaller, as in a real class photo.
            row_w = lo + (hi - lo) * (r + rng.uniform(0, 1)) / layout.rows
            cy = height * (0.18 + 0.7 * r / max(1, layout.rows - 1)) if layout.rows > 1 else height / 2
            for k in range(per_row):
                if len(spots) == layout.count:
                    break
                cx = width * (0.08 + 0.84 * (k + 0.5 * (r % 2) * 0.5) / per_row)
                fw = float(np.clip(row_w * rng.uniform(0.85, 1.15), lo, hi))
                spots.append((cx + rng.uniform(-0.2, 0.2) * fw, cy + rng.uniform(-0.2, 0.2) * fw, fw))
        return spots
    tries = 0
    while len(spots) < layout.count and tries < 20000:
        tries += 1
        fw = float(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        cx, cy = rng.uniform(fw, width - fw), rng.uniform(1.2 * fw, height - 1.8 * fw)
        if all(
            abs(cx - sx) > 1.3 * (fw + sw) and abs(cy - sy) > 0.9 * (fw + sw) for sx, sy, sw in spots
        ) or all(math.hypot(cx - sx, cy - sy) > 2.6 * (fw + sw) for sx, sy, sw in spots):
            spots.append((cx, cy, fw))
    return spots


def paste(canvas: Image.Image, piece: Image.Image, ox: int, oy: int) -> None:
    """Alpha-composite ``piece`` at (ox, oy), cutting whatever falls outside the canvas."""
    left, top = max(0, -ox), max(0, -oy)
    right, bottom = min(piece.width, canvas.width - ox), min(piece.height, canvas.height - oy)
    if right > left and bottom > top:
        canvas.alpha_composite(piece.crop((left, top, right, bottom)), (ox + left, oy + top))


def build(layout: Layout, data: Path, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    canvas = background(layout.background, layout.size, data, rng).convert("RGBA")
    spots = place(layout, rng)
    for name in layout.distractors:
        # Something face-like but not a face (a cat, a cup), where no face is placed.
        thing = Image.open(data / f"{name}.png").convert("RGBA")
        side = layout.size[1] * 0.3
        thing = thing.resize(
            (round(side * thing.width / thing.height), round(side)), Image.Resampling.LANCZOS
        )
        tx, ty = round(layout.size[0] * 0.98 - thing.width), round(layout.size[1] * 0.02)
        canvas.alpha_composite(thing, (tx, ty))
        spots = [
            (cx, cy, fw)
            for cx, cy, fw in spots
            if not (tx - 2 * fw < cx < tx + thing.width + 2 * fw and cy < ty + thing.height + 2.5 * fw)
        ]
    faces = []
    for cx, cy, fw in sorted(spots, key=lambda spot: spot[1]):
        entry = SOURCES[int(rng.integers(len(SOURCES)))]
        crop, box = head(entry, entry["faces"][0])
        crop, (bx, by, bw, bh) = transformed(crop, box, fw, rng)
        ox, oy = round(cx - (bx + bw / 2)), round(cy - (by + bh / 2))
        paste(canvas, crop, ox, oy)
        x0, y0 = max(0.0, bx + ox), max(0.0, by + oy)
        x1, y1 = min(canvas.width, bx + ox + bw), min(canvas.height, by + oy + bh)
        faces.append([round(x0), round(y0), round(x1 - x0), round(y1 - y0)])
    path = f"composite/{layout.name}.jpg"
    canvas.convert("RGB").save(HERE / path, quality=88)
    return {"file": path, "kind": "composite", "faces": faces, "seed": seed}


def main() -> None:
    data = Path(sys.argv[1])
    (HERE / "composite").mkdir(exist_ok=True)
    images = [{**entry, "kind": "real"} for entry in REAL + REAL_ONLY]
    for seed, layout in enumerate(LAYOUTS, start=1):
        images.append(build(layout, data, seed))
    labels = {
        "box": "x, y, w, h in pixels, eyebrows to chin, ear to ear as YuNet draws it",
        "images": images,
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1) + "\n")
    total = sum(len(entry["faces"]) for entry in images)
    print(f"{len(images)} images, {total} faces")


if __name__ == "__main__":
    main()

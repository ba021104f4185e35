"""How fast is the photo pipeline? Measures it against the issue-4 target.

Builds a realistic 12-megapixel (4000 x 3000) phone JPEG: a photographic-looking texture
(smooth gradients, shapes with soft edges, fine sensor-like noise), saved at quality 92 with the
EXIF a phone writes (make, model, date, GPS, orientation 6 = held upright), about 5 MB. Then, in a
warm process pinned to one core, it times the whole path a published photo takes:

    open_photo (validate, decode, orient, strip)  ->  detect_faces  ->  blur_faces  ->  render for the website

``detect_faces``/``blur_faces`` come from ``safepost.photos.faces``; if that module does not exist
yet (or ``--no-faces``), those steps are skipped and the report says so.

Prints the median and p95 of each step over ``--runs`` runs (15 by default) beside the target
(median <= 400 ms for the whole path) and exits 1 if it is missed. Not part of the test suite:
``.venv/bin/python bench/bench_photos.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import ExifTags, Image, ImageDraw, ImageFilter, TiffImagePlugin  # noqa: E402

from safepost.photos.images import PRESETS, open_photo, render_for  # noqa: E402

TARGET_MEDIAN_MS = 400.0
SIZE = (4000, 3000)


def phone_jpeg(seed: int = 12) -> bytes:
    """A 4000 x 3000 photo-like JPEG with a phone's EXIF (orientation 6: portrait)."""
    width, height = SIZE
    rng = np.random.default_rng(seed)
    # Sky-to-ground gradients per channel.
    rows = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    cols = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    base = np.stack(
        [
            150 + 70 * rows - 30 * cols,
            170 - 40 * rows + 20 * np.sin(cols * 7),
            210 - 120 * rows + 10 * np.cos(rows * 9) + 0 * cols,
        ],
        axis=-1,
    )
    # Mid-frequency "scene" texture: low-resolution noise scaled up smoothly.
    coarse = rng.normal(0, 28, (height // 40, width // 40, 3)).astype(np.float32)
    scene = np.asarray(
        Image.fromarray(np.clip(coarse + 128, 0, 255).astype(np.uint8)).resize(
            SIZE, Image.Resampling.BICUBIC
        ),
        dtype=np.float32,
    )
    pixels = base + (scene - 128)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    # Objects with edges (people-sized blobs, windows, a table) softened like a lens would.
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(80, 700)), int(rng.integers(80, 900))
        colour = tuple(int(c) for c in rng.integers(20, 235, 3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(2))
    # Fine sensor noise, as every phone photo has.
    grain = rng.normal(0, 8, (height, width, 3)).astype(np.float32)
    image = Image.fromarray(np.clip(np.asarray(image, dtype=np.float32) + grain, 0, 255).astype(np.uint8))

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.DateTime] = "2026:06:12 10:41:07"
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = tuple(
        TiffImagePlugin.IFDRational(v) for v in (51, 30, Fraction(1234, 100))
    )
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = tuple(TiffImagePlugin.IFDRational(v) for v in (0, 7, Fraction(5, 1)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def as_heic(jpeg: bytes) -> bytes:
    """Re-encode the JPEG as HEIC (quality 80, EXIF kept, turned by the HEIC transform like an iPhone)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(io.BytesIO(jpeg)) as image:
        buffer = io.BytesIO()
        image.save(buffer, "HEIF", quality=80, exif=image.info["exif"])
    return buffer.getvalue()


def load_faces(
    enabled: bool,
) -> tuple[Callable[[Image.Image], Any] | None, Callable[..., Image.Image] | None, str]:
    if not enabled:
        return None, None, "skipped (--no-faces)"
    try:
        from safepost.photos.faces import blur_faces, detect_faces
    except ImportError as error:
        return None, None, f"skipped: safepost.photos.faces is not available ({error})"
    return detect_faces, blur_faces, "safepost.photos.faces"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default 15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    parser.add_argument("--preset", default="website", choices=sorted(PRESETS), help="rendition to make")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to (default: the first allowed)")
    parser.add_argument(
        "--input", default="jpeg", choices=["jpeg", "heic"], help="upload format (default jpeg)"
    )
    parser.add_argument("--no-faces", action="store_true", help="skip face detection and blurring")
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args()

    allowed = sorted(os.sched_getaffinity(0))
    core = args.cpu if args.cpu is not None else allowed[0]
    os.sched_setaffinity(0, {core})
    detect, blur, faces_note = load_faces(not args.no_faces)
    if detect is not None:
        try:
            import cv2

            cv2.setNumThreads(1)
        except ImportError:
            pass

    data = phone_jpeg()
    if args.input == "heic":  # the same photo as an iPhone would upload it
        data = as_heic(data)
    print(
        f"input: {SIZE[0]} x {SIZE[1]} {args.input.upper()}, {len(data) / 1e6:.1f} MB, "
        "EXIF with GPS, orientation 6"
    )
    print(f"pinned to core {core}; faces: {faces_note}; rendition: {args.preset} ({PRESETS[args.preset]})")

    steps: dict[str, list[float]] = {
        "open": [],
        "detect faces": [],
        "blur faces": [],
        "render": [],
        "total": [],
    }
    faces_found = 0
    output = b""
    for run in range(args.warmup + args.runs):
        started = time.perf_counter()
        photo = open_photo(data, "IMG_2041.jpg")
        opened = time.perf_counter()
        image = photo.image
        if detect is not None and blur is not None:
            faces = detect(image)
            detected = time.perf_counter()
            image = blur(image, faces)
            blurred = time.perf_counter()
            faces_found = len(faces)
        else:
            detected = blurred = opened
        rendition = render_for(photo.with_image(image), args.preset)
        finished = time.perf_counter()
        output = rendition.data
        if run < args.warmup:
            continue
        for name, seconds in (
            ("open", opened - started),
            ("detect faces", detected - opened),
            ("blur faces", blurred - detected),
            ("render", finished - blurred),
            ("total", finished - started),
        ):
            steps[name].append(seconds * 1000)

    print(f"output: {len(output) / 1e6:.2f} MB {PRESETS[args.preset].format}; faces found: {faces_found}")
    print(f"\n{'step':<14}{'median':>10}{'p95':>10}   ({args.runs} runs, ms)")
    for name, values in steps.items():
        if detect is None and name in ("detect faces", "blur faces"):
            print(f"{name:<14}{'skipped':>10}")
            continue
        print(f"{name:<14}{statistics.median(values):>10.1f}{percentile(values, 0.95):>10.1f}")
    median = statistics.median(steps["total"])
    verdict = "PASS" if median <= TARGET_MEDIAN_MS else "FAIL"
    print(f"\nmedian total {median:.1f} ms against the target of <= {TARGET_MEDIAN_MS:.0f} ms: {verdict}")
    if detect is None:
        print("note: face detection and blurring were not measured; the figure excludes them.")
    if args.json:
        figures = {
            name: {"median_ms": statistics.median(v), "p95_ms": percentile(v, 0.95)}
            for name, v in steps.items()
            if v
        }
        args.json.write_text(json.dumps({"faces": faces_note, "steps": figures}, indent=2) + "\n")
    return 0 if median <= TARGET_MEDIAN_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

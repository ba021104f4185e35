"""How fast is the photo pipeline? Measures it against the issue-4 target.

Builds a realistic 12-megapixel (4000 x 3000) phone JPEG: a photographic-looking texture
(smooth gradients, shapes with soft edges, fine sensor-like noise), saved at quality 92 with the
EXIF a phone writes (make, model, date, GPS, orientation 6 = held upright), about 5 MB. Then, in a
warm process pinned to one core, it times the whole path a published photo takes:

    open_photo (validate, decode, orient, strip)  ->  the clean published copy (clean_image, made
    once)  ->  detect_faces_for_publishing on it  ->  blur_faces on it  ->  verify_blurred (the
    blurred regions only)  ->  render for the website (an encode: the copy is already its size)

which is the order the app follows (``apps.posts.photos.add_photo`` detects on the clean copy and
``apps.posts.renditions.rerender`` blurs it). ``--order original`` times the order this bench used
before issue 12's second round: detect on the full-size photo, blur it, then scale it for the
rendition (the "render" step then includes the scaling that "publish" does in the default order).

The faces steps come from ``safepost.photos.faces``; with ``--no-faces`` they are skipped and the
report says so. ``--photo class`` uploads a labelled 12-megapixel class photo from bench/faces/
instead (41 faces, re-saved at quality 92 with the same EXIF), so faces are really found, blurred
and checked; ``--photo synthetic`` (the default) has none.

Prints the median and p95 of each step over ``--runs`` runs (15 by default), in wall-clock time
and in CPU time (what the wall time would be on an idle core: compare them, and the load average
printed, before trusting a figure from a busy machine), beside the target (median <= 400 ms for the
whole path) and exits 1 if the wall-clock median misses it. Not part of the test suite:
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
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import ExifTags, Image, ImageDraw, ImageFilter, TiffImagePlugin  # noqa: E402

from apps.platforms.bluesky.platform import IMAGE as BLUESKY_IMAGE  # noqa: E402
from apps.platforms.x.platform import IMAGE as X_IMAGE  # noqa: E402
from safepost.photos.images import PRESETS, Preset, clean_image, open_photo, render_for  # noqa: E402

#: The renditions Safepost makes: the website's, and those the platforms declare.
RENDITIONS: dict[str, Preset] = {**PRESETS, "x": X_IMAGE, "bluesky": BLUESKY_IMAGE}

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

    exif = phone_exif(orientation=6)
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


def phone_exif(orientation: int) -> Image.Exif:
    """The EXIF a phone writes: make, model, date, GPS position and orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.DateTime] = "2026:06:12 10:41:07"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = tuple(
        TiffImagePlugin.IFDRational(v) for v in (51, 30, Fraction(1234, 100))
    )
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = tuple(TiffImagePlugin.IFDRational(v) for v in (0, 7, Fraction(5, 1)))
    return exif


def class_photo_jpeg() -> bytes:
    """The labelled 4000 x 3000 class photo of bench/faces/, as a phone would save it (with EXIF)."""
    with Image.open(ROOT / "bench" / "faces" / "composite" / "class_4000x3000_hall.jpg") as image:
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=92, exif=phone_exif(orientation=1))
    return buffer.getvalue()


def load_faces(enabled: bool) -> tuple[Any, str]:
    if not enabled:
        return None, "skipped (--no-faces)"
    try:
        from safepost.photos import faces
    except ImportError as error:
        return None, f"skipped: safepost.photos.faces is not available ({error})"
    faces.load_model()
    return faces, "safepost.photos.faces (detect_faces_for_publishing, verify_blurred within the regions)"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default 15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    parser.add_argument("--preset", default="website", choices=sorted(RENDITIONS), help="rendition to make")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to (default: the first allowed)")
    parser.add_argument(
        "--input", default="jpeg", choices=["jpeg", "heic"], help="upload format (default jpeg)"
    )
    parser.add_argument("--no-faces", action="store_true", help="skip face detection and blurring")
    parser.add_argument(
        "--photo",
        default="synthetic",
        choices=["synthetic", "class"],
        help="what to upload (default synthetic)",
    )
    parser.add_argument(
        "--order",
        default="published",
        choices=["published", "original"],
        help="search the clean published copy (default, as the app does) or the full-size photo",
    )
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args()

    allowed = sorted(os.sched_getaffinity(0))
    core = args.cpu if args.cpu is not None else allowed[0]
    os.sched_setaffinity(0, {core})
    faces, faces_note = load_faces(not args.no_faces)
    if faces is not None:
        import cv2

        cv2.setNumThreads(1)

    data = phone_jpeg() if args.photo == "synthetic" else class_photo_jpeg()
    if args.input == "heic":  # the same photo as an iPhone would upload it
        data = as_heic(data)
    print(
        f"input: {args.photo} {SIZE[0]} x {SIZE[1]} {args.input.upper()}, {len(data) / 1e6:.1f} MB, "
        f"EXIF with GPS{', orientation 6' if args.photo == 'synthetic' else ''}"
    )
    print(f"pinned to core {core}; faces: {faces_note}; rendition: {args.preset} ({RENDITIONS[args.preset]})")
    print(f"order: {args.order}")

    names = ["open", "publish", "detect faces", "blur faces", "verify blur", "render", "total"]
    steps: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    preset = RENDITIONS[args.preset]
    faces_found = left = 0
    output = b""
    load = os.getloadavg()[0]
    for run in range(args.warmup + args.runs):
        marks = [(time.perf_counter(), time.thread_time())]
        photo = open_photo(data, "IMG_2041.jpg")
        marks.append((time.perf_counter(), time.thread_time()))
        image = photo.image
        if args.order == "published":  # the clean copy at the rendition's size, made once
            image = clean_image(photo, preset.max_side)
        marks.append((time.perf_counter(), time.thread_time()))
        if faces is not None:
            found = faces.detect_faces_for_publishing(image, preset.max_side)
            marks.append((time.perf_counter(), time.thread_time()))
            image = faces.blur_faces(image, found)
            marks.append((time.perf_counter(), time.thread_time()))
            left = len(faces.verify_blurred(image, within=found, max_side=preset.max_side))
            marks.append((time.perf_counter(), time.thread_time()))
            faces_found = len(found)
        else:
            marks += [marks[-1]] * 3
        # The clean copy is sRGB already; the full-size photo carries its colour profile.
        rendition = render_for(image if args.order == "published" else photo.with_image(image), preset)
        marks.append((time.perf_counter(), time.thread_time()))
        output = rendition.data
        if run < args.warmup:
            continue
        for name, start, end in zip(names, marks, [*marks[1:], marks[-1]], strict=True):
            if name == "total":
                start, end = marks[0], marks[-1]
            steps[name].append((end[0] - start[0]) * 1000)
            cpu[name].append((end[1] - start[1]) * 1000)

    print(
        f"output: {len(output) / 1e6:.2f} MB {preset.format}; faces found: {faces_found}; "
        f"still found after blurring: {left}"
    )
    print(f"\n{'step':<14}{'median':>10}{'p95':>10}{'cpu median':>12}   ({args.runs} runs, ms)")
    for name, values in steps.items():
        if args.order == "original" and name == "publish":
            continue
        if faces is None and name in ("detect faces", "blur faces", "verify blur"):
            print(f"{name:<14}{'skipped':>10}")
            continue
        print(
            f"{name:<14}{statistics.median(values):>10.1f}{percentile(values, 0.95):>10.1f}"
            f"{statistics.median(cpu[name]):>12.1f}"
        )
    print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after (on {len(allowed)} allowed cores)")
    median = statistics.median(steps["total"])
    verdict = "PASS" if median <= TARGET_MEDIAN_MS else "FAIL"
    print(f"\nmedian total {median:.1f} ms against the target of <= {TARGET_MEDIAN_MS:.0f} ms: {verdict}")
    cpu_median = statistics.median(cpu["total"])
    print(f"median total CPU time {cpu_median:.1f} ms (the wall time on an idle core)")
    if faces is None:
        print("note: face detection and blurring were not measured; the figure excludes them.")
    if args.json:
        figures = {
            name: {
                "median_ms": statistics.median(v),
                "p95_ms": percentile(v, 0.95),
                "cpu_median_ms": statistics.median(cpu[name]),
            }
            for name, v in steps.items()
            if v
        }
        args.json.write_text(json.dumps({"faces": faces_note, "steps": figures}, indent=2) + "\n")
    return 0 if median <= TARGET_MEDIAN_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

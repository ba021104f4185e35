"""Face detection on bench/faces/: recall, false positives, time; and whether blurring holds.

    .venv/bin/python bench/bench_faces.py [--max-side 2048] [--sweep] [--no-blur]
    .venv/bin/python bench/bench_faces.py --variants   # originals and their hard variants

With ``--variants`` it measures the set together with the variants ``bench/faces/make_variants.py``
makes of every photo (turned, faces lying down, dark, hazy, soft, warm, grainy): recall and false
alarms by kind and over everything, published at ``--max-side``; the target (issue 12) is recall
>= 0.97 over originals and variants together, with false alarms no more than 5 in 46 photos.

Runs pinned to one core with OpenCV and ONNX Runtime on one thread; times are wall-clock and CPU
(the CPU time is what the wall time would be on an idle core: trust it on a busy machine). A detection matches a
labelled face when their IoU is at least 0.4 or the detection's centre lies inside the labelled
box; each label and each detection match at most once, best score first. Detections on an
"ignore" box count neither way; every other unmatched detection is a false positive.

Face sizes are given in pixels of the *published* rendition (the photo scaled to ``--max-side``,
the website's 2048 px by default), because that is what the guarantee of
``detect_faces_for_publishing`` is about: every face at least ``PUBLISHED_MIN_FACE`` px wide there.
Two runs prove it:

* **published**: every photo as it would be published at ``--max-side``; recall is counted on the
  faces at or above the guaranteed size (smaller ones are shown apart, found or not);
* **at the limit**: each photo published at the size that makes its *smallest* labelled face
  exactly ``PUBLISHED_MIN_FACE`` px wide, so every face is at or just above the limit.

Also shown for comparison: the full-resolution search of ``detect_faces`` and the model's usual
single pass (whole photo at 640 px). Exits 1 if recall on the guaranteed faces is below 0.97 in
either run, or if ``verify_blurred`` still finds a blurred face.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from apps.platforms.x.platform import IMAGE as X_IMAGE  # noqa: E402
from safepost.photos import faces as F  # noqa: E402
from safepost.photos.images import PRESETS  # noqa: E402

SET = ROOT / "bench" / "faces"
sys.path.insert(0, str(SET))

import make_variants  # noqa: E402

# Issue 12's target for the extended set: at most 5 false alarms in 46 photos.
MAX_FALSE_ALARMS_PER_PHOTO = 5 / 46
MIN_RECALL = 0.97
IOU_MATCH = 0.4


def bands() -> tuple[tuple[int, int], ...]:
    """Bands of face width in pixels of the published rendition, split at the promised size."""
    g = F.PUBLISHED_MIN_FACE
    return ((0, g), (g, round(1.5 * g)), (round(1.5 * g), 3 * g), (3 * g, 100_000))


Box = tuple[float, ...]
Detector = Callable[[Image.Image, dict], list[F.Face]]


def iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / max(1e-6, a[2] * a[3] + b[2] * b[3] - inter)


def inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[0] + box[2] and box[1] <= point[1] <= box[1] + box[3]


def matches(found: F.Face, label: Box) -> bool:
    return iou(found.box, label) >= IOU_MATCH or inside(found.centre, label)


def score_image(found: list[F.Face], labels: list[Box], ignore: list[Box]) -> tuple[list[bool], int]:
    """Which labels were found, and how many detections matched nothing (false positives)."""
    hit = [False] * len(labels)
    false_positives = 0
    for face in sorted(found, key=lambda f: -f.score):
        for i, label in enumerate(labels):
            if not hit[i] and matches(face, label):
                hit[i] = True
                break
        else:
            if not any(matches(face, box) for box in ignore):
                false_positives += 1
    return hit, false_positives


def published_scale(image: Image.Image, max_side: int) -> float:
    return min(1.0, max_side / max(image.size))


@dataclass
class Tally:
    name: str
    bands: dict[tuple[int, int], list[int]] = field(default_factory=lambda: {b: [0, 0] for b in bands()})
    false_positives: int = 0
    detections: int = 0
    images: int = 0
    seconds: list[float] = field(default_factory=list)
    big_seconds: list[float] = field(default_factory=list)
    big_cpu: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, width: float, ok: bool) -> None:
        for band, counts in self.bands.items():
            if band[0] <= width < band[1]:
                counts[0] += ok
                counts[1] += 1

    def recall(self, at_least: float = 0) -> tuple[int, int]:
        found = sum(c[0] for b, c in self.bands.items() if b[0] >= at_least)
        total = sum(c[1] for b, c in self.bands.items() if b[0] >= at_least)
        return found, total

    def lines(self) -> list[str]:
        found, total = self.recall(F.PUBLISHED_MIN_FACE)
        every, every_total = self.recall()
        bands = ", ".join(
            f"{lo}-{hi if hi < 100_000 else ''} px {c[0]}/{c[1]}"
            for (lo, hi), c in self.bands.items()
            if c[1]
        )
        big = (
            f"; per 12 MP photo {statistics.median(self.big_seconds) * 1000:.0f} ms, "
            f"CPU {statistics.median(self.big_cpu) * 1000:.0f} ms"
            if self.big_seconds
            else ""
        )
        precision = (self.detections - self.false_positives) / max(1, self.detections)
        return [
            f"{self.name}:",
            f"    recall, faces >= {F.PUBLISHED_MIN_FACE} px published: {found / max(1, total):.3f} "
            f"({found}/{total}); all faces {every / max(1, every_total):.3f} ({every}/{every_total})",
            f"    by published width: {bands}",
            f"    false positives {self.false_positives} in {self.images} images "
            f"({self.false_positives / max(1, self.images):.2f} per image, precision {precision:.3f})",
            f"    median {statistics.median(self.seconds) * 1000:.0f} ms per image{big}",
        ]


def run(
    name: str,
    entries: list[dict],
    images: dict[str, Image.Image],
    detect: Callable[[Image.Image], list[F.Face]],
    max_side: Callable[[dict, Image.Image], int],
    repeat: int = 1,
) -> Tally:
    tally = Tally(name)
    for entry in entries:
        image = images[entry["file"]]
        labels = [tuple(map(float, box)) for box in entry["faces"]]
        times, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.thread_time()
            found = detect(image)
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
        elapsed = statistics.median(times)
        hit, false_positives = score_image(
            found, labels, [tuple(map(float, b)) for b in entry.get("ignore", [])]
        )
        tally.seconds.append(elapsed)
        if image.width * image.height >= 11_000_000:
            tally.big_seconds.append(elapsed)
            tally.big_cpu.append(statistics.median(cpu))
        tally.images += 1
        tally.detections += len(found)
        tally.false_positives += false_positives
        scale = published_scale(image, max_side(entry, image))
        for label, ok in zip(labels, hit, strict=True):
            width = label[2] * scale
            tally.add(width, ok)
            if not ok and width >= F.PUBLISHED_MIN_FACE:
                tally.missed.append(f"{entry['file']} {[round(v) for v in label]} ({width:.0f} px published)")
    return tally


def limit_side(entry: dict, image: Image.Image) -> int:
    """The long side at which the smallest labelled face is PUBLISHED_MIN_FACE px wide (or the
    photo's own size, if even that face is smaller)."""
    smallest = min(box[2] for box in entry["faces"])
    return min(max(image.size), int(max(image.size) * F.PUBLISHED_MIN_FACE / smallest + 0.999))


def blur_check(
    entries: list[dict], images: dict[str, Image.Image], max_side: int
) -> tuple[int, int, int, list[float]]:
    """Blur what the publishing search finds; count labelled faces verify_blurred still finds,
    by the region check and by a whole-photo search; and time the region check."""
    by_region, whole, total = 0, 0, 0
    seconds = []
    for entry in entries:
        image = images[entry["file"]]
        found = F.detect_faces_for_publishing(image, max_side)
        rendition = F.blur_faces(image, found)
        start = time.perf_counter()
        left_regions = F.verify_blurred(rendition, within=found, max_side=max_side)
        seconds.append(time.perf_counter() - start)
        left_whole = F.verify_blurred(rendition)
        for box in entry["faces"]:
            label = tuple(map(float, box))
            total += 1
            by_region += any(matches(face, label) for face in left_regions)
            whole += any(matches(face, label) for face in left_whole)
    return by_region, whole, total, seconds


def variants_run(max_side: int, kinds: tuple[str, ...]) -> bool:
    """Recall and false alarms over the originals and their variants; True if the target is met."""
    entries = make_variants.originals()
    tallies: dict[str, Tally] = {}
    every = Tally(f"originals and variants together, published at {max_side} px")
    start = time.perf_counter()

    def detect(image: Image.Image) -> list[F.Face]:
        return F.detect_faces_for_publishing(image, max_side)

    def fixed(entry: dict, image: Image.Image) -> int:
        return max_side

    def photos() -> Iterator[tuple[str, dict, Image.Image]]:
        for entry in entries:
            with Image.open(SET / entry["file"]) as image:
                yield "original", entry, image.convert("RGB")
        for variant in make_variants.variants(kinds, entries):
            entry = {"file": variant.name, "faces": variant.faces, "ignore": variant.ignore}
            yield variant.kind, entry, variant.image

    for kind, entry, image in photos():
        one = run("", [entry], {entry["file"]: image}, detect, fixed)
        for tally in (tallies.setdefault(kind, Tally(kind)), every):
            for band, counts in one.bands.items():
                tally.bands[band][0] += counts[0]
                tally.bands[band][1] += counts[1]
            tally.false_positives += one.false_positives
            tally.detections += one.detections
            tally.images += 1
            tally.seconds += one.seconds
            tally.big_seconds += one.big_seconds
            tally.big_cpu += one.big_cpu
            tally.missed += [f"{kind}: {m}" for m in one.missed]
    print(f"{'kind':<14}{'photos':>7}{'recall (>= 20 px)':>22}{'all faces':>18}{'false alarms':>14}")
    for kind, tally in [*tallies.items(), ("together", every)]:
        found, total = tally.recall(F.PUBLISHED_MIN_FACE)
        all_found, all_total = tally.recall()
        print(
            f"{kind:<14}{tally.images:>7}{found / max(1, total):>12.3f} {found:>4}/{total:<4}"
            f"{all_found / max(1, all_total):>9.3f} {all_found:>4}/{all_total:<4}{tally.false_positives:>10}"
        )
    print("\n".join(every.lines()))
    print(f"{time.perf_counter() - start:.0f} s in all")
    found, total = every.recall(F.PUBLISHED_MIN_FACE)
    allowed = MAX_FALSE_ALARMS_PER_PHOTO * every.images
    recall_ok = found / max(1, total) >= MIN_RECALL
    alarms_ok = every.false_positives <= allowed
    print(
        f"recall {found / max(1, total):.3f} (target >= {MIN_RECALL}): {'met' if recall_ok else 'NOT met'}; "
        f"false alarms {every.false_positives} in {every.images} photos (target <= {allowed:.1f}, "
        f"5 in 46): {'met' if alarms_ok else 'NOT met'}"
    )
    return recall_ok and alarms_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-side", type=int, default=PRESETS["website"].max_side, help="published long side"
    )
    parser.add_argument("--no-blur", action="store_true", help="skip the blur check")
    parser.add_argument("--sweep", action="store_true", help="also try other score thresholds")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per photo (median kept)")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to (default: the first allowed)")
    parser.add_argument(
        "--variants", action="store_true", help="measure the originals with their hard variants instead"
    )
    parser.add_argument(
        "--kinds", default=",".join(make_variants.KINDS), help="variant kinds, comma-separated (--variants)"
    )
    args = parser.parse_args()

    core = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    import cv2

    cv2.setNumThreads(1)
    if args.variants:
        F.load_model()
        print(f"pinned to core {core}, one thread; load average {os.getloadavg()[0]:.2f}")
        met = variants_run(args.max_side, tuple(k for k in args.kinds.split(",") if k))
        print(f"load average {os.getloadavg()[0]:.2f}")
        return 0 if met else 1
    entries = json.loads((SET / "labels.json").read_text())["images"]
    images = {entry["file"]: Image.open(SET / entry["file"]).convert("RGB") for entry in entries}
    F.load_model()
    F.detect_faces_for_publishing(images[entries[0]["file"]], args.max_side)  # warm up
    print(f"pinned to core {core}, one thread; load average {os.getloadavg()[0]:.2f}")
    for kind in ("real", "composite"):
        part = [e for e in entries if e["kind"] == kind]
        print(f"{kind}: {len(part)} images, {sum(len(e['faces']) for e in part)} faces")
    side = args.max_side

    def published(image: Image.Image) -> list[F.Face]:
        return F.detect_faces_for_publishing(image, side)

    def at_limit(entry: dict) -> Callable[[Image.Image], list[F.Face]]:
        return lambda image: F.detect_faces_for_publishing(image, limit_side(entry, image))

    def fixed(entry: dict, image: Image.Image) -> int:
        return side

    chosen = run(
        f"published at {side} px (detect_faces_for_publishing, min_score {F.DEFAULT_MIN_SCORE})",
        entries,
        images,
        published,
        fixed,
        args.repeat,
    )
    limit = Tally(f"at the limit (each photo published so its smallest face is {F.PUBLISHED_MIN_FACE} px)")
    for entry in entries:
        one = run("", [entry], images, at_limit(entry), limit_side)
        for band, counts in one.bands.items():
            limit.bands[band][0] += counts[0]
            limit.bands[band][1] += counts[1]
        limit.false_positives += one.false_positives
        limit.detections += one.detections
        limit.images += 1
        limit.seconds += one.seconds
        limit.missed += one.missed
    comparisons = [
        run(
            "full resolution (detect_faces, min_face 20 px of the photo)",
            entries,
            images,
            lambda image: F.detect_faces(image),
            fixed,
            args.repeat,
        ),
        run(
            "single pass (640 px, min_score 0.9)",
            entries,
            images,
            lambda image: F.detect_faces(image, 0.9, tiled=False),
            fixed,
        ),
        run(
            f"single pass (640 px, min_score {F.DEFAULT_MIN_SCORE})",
            entries,
            images,
            lambda image: F.detect_faces(image, tiled=False),
            fixed,
        ),
    ]
    for tally in (chosen, limit, *comparisons):
        print("\n".join(tally.lines()))
    if side != X_IMAGE.max_side:
        x_side = X_IMAGE.max_side
        big = [e for e in entries if images[e["file"]].width * images[e["file"]].height >= 11_000_000]
        x_run = run(
            f"published at {x_side} px (X)",
            big,
            images,
            lambda image: F.detect_faces_for_publishing(image, x_side),
            lambda entry, image: x_side,
            args.repeat,
        )
        print("\n".join(x_run.lines()))
    if args.sweep:
        for min_score in (0.3, 0.4, 0.6, 0.7):
            sweep = run(
                f"published at {side} px, min_score {min_score}",
                entries,
                images,
                lambda image, s=min_score: F.detect_faces_for_publishing(image, side, s),  # type: ignore[misc]
                fixed,
            )
            print("\n".join(sweep.lines()))
    failed = False
    for tally in (chosen, limit):
        if tally.missed:
            print(
                f"missed at or above {F.PUBLISHED_MIN_FACE} px, {tally.name}:\n  " + "\n  ".join(tally.missed)
            )
        found, total = tally.recall(F.PUBLISHED_MIN_FACE)
        if found / max(1, total) < MIN_RECALL:
            print(f"FAIL: recall {found / max(1, total):.3f} < {MIN_RECALL} ({tally.name})")
            failed = True
    if not args.no_blur:
        by_region, whole, total, seconds = blur_check(entries, images, side)
        print(
            f"after blur_faces: {by_region}/{total} labelled faces still found by verify_blurred(within=faces) "
            f"(median {statistics.median(seconds) * 1000:.0f} ms), {whole}/{total} by a full-resolution search"
        )
        failed = failed or by_region > 0 or whole > 0
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Face detection on bench/faces/: recall, false positives, time; and whether blurring holds.

    .venv/bin/python bench/bench_faces.py [--no-blur]

A detection matches a labelled face when their IoU is at least 0.4 or the detection's centre lies
inside the labelled box; each label and each detection match at most once, best score first.
Detections on an "ignore" box count neither way. Prints the figures for the chosen settings and
for the model's usual single pass (whole photo at 640 px, OpenCV's default threshold 0.9), then
exits 1 if recall at the chosen settings is below 0.97.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safepost.photos import faces as F  # noqa: E402

SET = ROOT / "bench" / "faces"
MIN_RECALL = 0.97
IOU_MATCH = 0.4

Box = tuple[float, ...]


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


@dataclass
class Tally:
    name: str
    found: int = 0
    total: int = 0
    small_found: int = 0
    small_total: int = 0
    false_positives: int = 0
    images: int = 0
    seconds: list[float] = field(default_factory=list)
    big_seconds: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def line(self) -> str:
        recall = self.found / max(1, self.total)
        small = self.small_found / max(1, self.small_total)
        big = (
            f", {statistics.median(self.big_seconds) * 1000:.0f} ms per 12 MP photo"
            if self.big_seconds
            else ""
        )
        return (
            f"{self.name}: recall {recall:.3f} ({self.found}/{self.total}), "
            f"faces under 60 px {small:.3f} ({self.small_found}/{self.small_total}), "
            f"false positives {self.false_positives} ({self.false_positives / max(1, self.images):.2f} per image), "
            f"median {statistics.median(self.seconds) * 1000:.0f} ms per image{big}"
        )


def run(name: str, entries: list[dict], images: dict[str, Image.Image], **settings: object) -> Tally:
    tally = Tally(name)
    for entry in entries:
        image = images[entry["file"]]
        labels = [tuple(map(float, box)) for box in entry["faces"]]
        start = time.perf_counter()
        found = F.detect_faces(image, **settings)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
        hit, false_positives = score_image(
            found, labels, [tuple(map(float, b)) for b in entry.get("ignore", [])]
        )
        tally.seconds.append(elapsed)
        if image.width * image.height >= 11_000_000:
            tally.big_seconds.append(elapsed)
        tally.images += 1
        tally.total += len(labels)
        tally.found += sum(hit)
        tally.false_positives += false_positives
        for label, ok in zip(labels, hit, strict=True):
            if label[2] < 60:
                tally.small_total += 1
                tally.small_found += ok
            if not ok:
                tally.missed.append(f"{entry['file']} {[round(v) for v in label]}")
    return tally


def blur_check(entries: list[dict], images: dict[str, Image.Image]) -> tuple[int, int]:
    """Blur what the detector finds; count labelled faces still found afterwards."""
    still, total = 0, 0
    for entry in entries:
        image = images[entry["file"]]
        rendition = F.blur_faces(image, F.detect_faces(image))
        left = F.verify_blurred(rendition)
        for box in entry["faces"]:
            total += 1
            still += any(matches(face, tuple(map(float, box))) for face in left)
    return still, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-blur", action="store_true", help="skip the blur check")
    parser.add_argument("--sweep", action="store_true", help="also try other score thresholds")
    args = parser.parse_args()
    entries = json.loads((SET / "labels.json").read_text())["images"]
    images = {entry["file"]: Image.open(SET / entry["file"]).convert("RGB") for entry in entries}
    F.load_model()
    F.detect_faces(images[entries[0]["file"]])  # warm up
    for kind in ("real", "composite"):
        part = [e for e in entries if e["kind"] == kind]
        print(f"{kind}: {len(part)} images, {sum(len(e['faces']) for e in part)} faces")
    chosen = run(f"chosen (tiled, min_score {F.DEFAULT_MIN_SCORE})", entries, images)
    single = run("single pass (640 px, min_score 0.9)", entries, images, min_score=0.9, tiled=False)
    single_low = run(
        f"single pass (640 px, min_score {F.DEFAULT_MIN_SCORE})",
        entries,
        images,
        min_score=F.DEFAULT_MIN_SCORE,
        tiled=False,
    )
    for tally in (chosen, single, single_low):
        print(tally.line())
    for real in (run("real photos only, chosen", [e for e in entries if e["kind"] == "real"], images),):
        print(real.line())
    if args.sweep:
        for min_score in (0.3, 0.4, 0.6, 0.7, 0.8, 0.9):
            print(run(f"tiled, min_score {min_score}", entries, images, min_score=min_score).line())
    if chosen.missed:
        print("missed at the chosen settings:\n  " + "\n  ".join(chosen.missed))
    if not args.no_blur:
        still, total = blur_check(entries, images)
        print(f"after blur_faces: {still}/{total} labelled faces still found by verify_blurred")
    recall = chosen.found / max(1, chosen.total)
    if recall < MIN_RECALL:
        print(f"FAIL: recall {recall:.3f} < {MIN_RECALL}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

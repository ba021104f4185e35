"""Unsuitable-image score (safepost.photos.nsfw): scores of the harmless photos and time on one core.

    .venv/bin/python bench/bench_nsfw.py [--repeats N] [extra images ...]

For every image of bench/faces/ (and any extra paths given) prints the score, and the median time
to prepare the image (resize to 256 px, centre crop, JPEG round trip) and to run the model, pinned
to one core. Preparing a 12-megapixel photo costs more than the model: pass a rendition rather than
the original when both are at hand. Exits 1 if a harmless bench/faces/ photo reaches the review
threshold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safepost.photos import nsfw as N  # noqa: E402

FACES = ROOT / "bench" / "faces"


def median_ms(work: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=10, help="timing repeats per image (default 10)")
    parser.add_argument("extra", nargs="*", type=Path, help="more images to score (not kept anywhere)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    start = time.perf_counter()
    N.load_model()
    print(f"model loaded and checked in {(time.perf_counter() - start) * 1000:.0f} ms (one intra-op thread)")
    session, input_name, output_name = N._SESSION.get()
    harmless = sorted(p for folder in ("real", "composite") for p in (FACES / folder).glob("*.[jp][pn]g"))
    print(f"review threshold {N.DEFAULT_REVIEW_THRESHOLD}\n")
    print(f"{'image':<32} {'size':>11} {'score':>7} {'prepare':>9} {'model':>8} {'total':>8}")
    worst = 0.0
    prepare_times, model_times, total_times = [], [], []
    for path in [*harmless, *args.extra]:
        image = Image.open(path)
        image.load()
        score = N.unsuitable_score(image)
        batch = N._prepare(image)
        prepare = median_ms(lambda image=image: N._prepare(image), args.repeats)
        model = median_ms(lambda batch=batch: session.run([output_name], {input_name: batch}), args.repeats)
        total = median_ms(lambda image=image: N.unsuitable_score(image), args.repeats)
        prepare_times.append(prepare)
        model_times.append(model)
        total_times.append(total)
        if path in harmless:
            worst = max(worst, score)
        size = f"{image.width}x{image.height}"
        print(f"{path.name:<32} {size:>11} {score:>7.4f} {prepare:>7.1f}ms {model:>6.1f}ms {total:>6.1f}ms")
    print(
        f"\nmedian over the images: model {statistics.median(model_times):.1f} ms, "
        f"whole score {statistics.median(total_times):.1f} ms (one core); highest harmless score "
        f"{worst:.4f}; load average now {os.getloadavg()[0]:.1f}"
    )
    if worst >= N.DEFAULT_REVIEW_THRESHOLD:
        print(f"FAIL: a harmless photo scored {worst:.4f}, at or over the threshold")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

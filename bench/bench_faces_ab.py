"""The 12 MP photo step with two versions of ``safepost/photos/faces.py``, alternated run by run.

    git -C /work/main show main:safepost/photos/faces.py > /tmp/faces_before.py
    .venv/bin/python bench/bench_faces_ab.py --before /tmp/faces_before.py --runs 40 --cpu 0

On a machine shared with other work the CPU time of one bench process drifts by 10-20% from one
minute to the next (the other core's load takes cache and memory bandwidth), so two benches run
one after the other compare badly. This one runs the photo step of ``bench_photos.py --photo
class`` (open, publish at 2048 px, detect, blur, verify, render; the same functions) with the
faces module given by ``--before`` and with this tree's, in one process pinned to one core,
alternating which goes first, and reports each one's median CPU time and the median of the
ratios of neighbouring runs: the step's cost relative to the other version, whatever the load.
Only the faces module differs between the two; the rest of the step is this tree's.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_photos  # noqa: E402
import cv2  # noqa: E402

from safepost.photos import faces  # noqa: E402
from safepost.photos.images import PRESETS, clean_image, open_photo, render_for  # noqa: E402


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("faces_before", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["faces_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def step(module: ModuleType, data: bytes, max_side: int) -> tuple[float, float, int, int]:
    """CPU seconds of the whole step and of detection; faces found; faces left after blurring."""
    start = time.process_time()
    image = clean_image(open_photo(data, "IMG_2041.jpg"), max_side)
    before = time.process_time()
    found = module.detect_faces_for_publishing(image, max_side)
    detect = time.process_time() - before
    image = module.blur_faces(image, found)
    left = module.verify_blurred(image, within=found, max_side=max_side)
    render_for(image, PRESETS["website"])
    return time.process_time() - start, detect, len(found), len(left)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other faces.py")
    parser.add_argument("--runs", type=int, default=40, help="runs of each (default 40)")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to")
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    cv2.setNumThreads(1)
    before = load(args.before)
    data = bench_photos.class_photo_jpeg()
    max_side = PRESETS["website"].max_side
    versions = {"before": before, "this tree": faces}
    for module in [*versions.values(), *versions.values()]:  # warm: models loaded, caches filled
        step(module, data, max_side)
    results: dict[str, list[tuple[float, float, int, int]]] = {name: [] for name in versions}
    for run in range(args.runs):
        order = list(versions) if run % 2 == 0 else list(reversed(versions))
        for name in order:
            results[name].append(step(versions[name], data, max_side))
    for name, runs in results.items():
        total = statistics.median(r[0] for r in runs) * 1000
        detect = statistics.median(r[1] for r in runs) * 1000
        print(
            f"{name:>10}: step CPU median {total:.1f} ms, detection {detect:.1f} ms; "
            f"faces found {runs[0][2]}, still found after blurring {runs[0][3]}"
        )
    ratios = [b[0] / a[0] for a, b in zip(results["before"], results["this tree"], strict=True)]
    print(
        f"this tree / before: median of neighbouring runs {statistics.median(ratios):.3f} "
        f"(quartiles {statistics.quantiles(ratios, n=4)[0]:.3f}-{statistics.quantiles(ratios, n=4)[2]:.3f}); "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

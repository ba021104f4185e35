"""The photo upload as the web app does it: ``apps.posts.photos.add_photo`` end to end.

Usage: .venv/bin/python bench/bench_upload.py [--runs 12] [--photo phone|class]

Everything the app does when a member of staff adds a 12-megapixel phone photo to a post: open it
by its content, copy the clean pixels at 2048 px, find the faces, score it with the
unsuitable-image check, write the original, the working copy and the rendition, and record it in
the audit log, in a throw-away SQLite database, pinned to one core. ``bench_photos.py`` times the
library steps alone; this adds what the app puts around them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--photo", choices=("phone", "class"), default="phone")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    os.environ["OMP_NUM_THREADS"] = "1"
    tmp = tempfile.mkdtemp(prefix="safepost-upload-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["SAFEPOST_MEDIA_ROOT"] = f"{tmp}/media"
    os.environ["SAFEPOST_TASKS"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    import cv2
    from bench_photos import class_photo_jpeg, phone_jpeg
    from django.core.management import call_command

    from apps.posts import actions, photos
    from apps.schools.models import Membership
    from apps.schools.testing import make_personas

    cv2.setNumThreads(1)
    call_command("migrate", verbosity=0)
    p = make_personas()
    teacher = Membership.objects.get(user=p.teacher, school=p.school)
    data = phone_jpeg() if args.photo == "phone" else class_photo_jpeg()
    # Load the models once, as a running worker has them (the first photo pays ~0.3 s for that).
    warm = actions.create_draft(teacher, p.oak, "Warming up.")
    photos.add_photo(warm, teacher, data, "warm.jpg")

    times, cpu = [], []
    faces = 0
    for i in range(args.runs):
        post = actions.create_draft(teacher, p.oak, f"Oak Class science afternoon {i}.")
        start, start_cpu = time.perf_counter(), time.process_time()
        photo = photos.add_photo(post, teacher, data, f"IMG_{i}.jpg")
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        faces = len(photo.faces)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.photo} photo, {len(data) / 1e6:.1f} MB, {faces} faces found; {args.runs} uploads, one core")
    print(
        f"add_photo median {statistics.median(times):.0f} ms (CPU {statistics.median(cpu):.0f} ms), "
        f"max {max(times):.0f} ms; load average {load:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Face matching (safepost.photos.matching): same/different-person distances, and time per face.

    .venv/bin/python bench/bench_matching.py [--extra DIR] [--groups DIR] [--repeats N]

Each photo of bench/faces/real/ named in bench/matching/identities.json is enrolled at full size
(its reference). Then every photo is shown again as a *probe* under a condition (full size; the
whole photo shrunk so the face is 24-96 px wide, as in a class photo; or at 48 px flipped, turned,
darker, brighter, grey, blurred or re-compressed), its faces are found by safepost.photos.faces and
embedded, and the probe's face is compared with the references of the *other* photos:

* same person: another photograph of the same person (3 Obama photos: 6 ordered pairs);
* different people: a reference of anyone else (every other identity);
* degraded copy: the probe against the reference of its own photo, which measures what size and
  condition alone do to an embedding (7 pairs a condition).

For thresholds from 0.40 to 0.60 it prints the false matches (different people under the
threshold: the costly error, a pupil without consent taken for one with consent) and the missed
matches (same person at or over it). ``--extra DIR`` adds labelled photos of your own, one folder
per person (``DIR/<person>/*.jpg``, one face a photo), enrolled and probed the same way: use it
with consented photos of children when a school has them. ``--groups DIR`` needs no labels: every
face in one group photo is a different person, so all pairs of faces within each photo of DIR
are different-person pairs (a consented class photo gives children's pairs this way). Time per
face is measured on one core. Exits 1 if the default threshold makes any false match.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageEnhance, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safepost.photos import matching as M  # noqa: E402
from safepost.photos.faces import Face, detect_faces  # noqa: E402

FACES = ROOT / "bench" / "faces"
IDENTITIES = ROOT / "bench" / "matching" / "identities.json"
THRESHOLDS = (0.40, 0.45, 0.50, 0.55, 0.60)
SIZES = (96, 64, 48, 32, 24)
VARIANT_SIZE = 48
GROUP_MIN_SCORE = 0.8


@dataclass
class Subject:
    name: str  # the photo, for messages
    person: str
    image: Image.Image
    face: Face
    reference: M.Embedding


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


VARIANTS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "flipped": ImageOps.mirror,
    "turned 10°": lambda im: im.rotate(10, Image.Resampling.BICUBIC, fillcolor=(128, 128, 128)),
    "darker (0.6)": lambda im: ImageEnhance.Brightness(im).enhance(0.6),
    "brighter (1.3)": lambda im: ImageEnhance.Brightness(im).enhance(1.3),
    "grey": lambda im: ImageOps.grayscale(im).convert("RGB"),
    "blurred": lambda im: im.filter(ImageFilter.GaussianBlur(0.8)),
    "JPEG q40": lambda im: _jpeg(im, 40),
}


def load_subjects(extra: Path | None) -> list[Subject]:
    photos: list[tuple[str, str, Path]] = [
        (name, person, FACES / name) for name, person in json.loads(IDENTITIES.read_text())["photos"].items()
    ]
    if extra is not None:
        for folder in sorted(p for p in extra.iterdir() if p.is_dir()):
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
                    photos.append((f"{folder.name}/{path.name}", f"extra:{folder.name}", path))
    subjects = []
    for name, person, path in photos:
        image = Image.open(path).convert("RGB")
        faces = detect_faces(image)
        if len(faces) != 1:
            print(f"  skipped {name}: {len(faces)} faces found, not 1", file=sys.stderr)
            continue
        subjects.append(Subject(name, person, image, faces[0], M.embed(image, faces)[0]))
    return subjects


def shrink(subject: Subject, face_width: int) -> Image.Image | None:
    """The whole photo scaled so that the face is ``face_width`` px wide (never enlarged)."""
    scale = face_width / subject.face.box[2]
    if scale > 1:
        return None
    size = (max(1, round(subject.image.width * scale)), max(1, round(subject.image.height * scale)))
    return subject.image.resize(size, Image.Resampling.LANCZOS)


def probe(image: Image.Image) -> M.Embedding | None:
    """The embedding of the best-scoring face found in ``image`` (None if none is found)."""
    faces = detect_faces(image)
    return M.embed(image, faces[:1])[0] if faces else None


@dataclass
class Tally:
    same: list[float]
    different: list[float]
    degraded: list[float]
    not_found: int = 0


def measure(subjects: list[Subject], make: Callable[[Subject], Image.Image | None]) -> Tally:
    tally = Tally([], [], [])
    for subject in subjects:
        image = make(subject)
        if image is None:
            continue
        embedding = probe(image)
        if embedding is None:
            tally.not_found += 1
            continue
        for other in subjects:
            distance = embedding.distance(other.reference)
            if other is subject:
                tally.degraded.append(distance)
            elif other.person == subject.person:
                tally.same.append(distance)
            else:
                tally.different.append(distance)
    return tally


def span(values: list[float]) -> str:
    return f"{min(values):.3f}-{max(values):.3f}" if values else "-"


def report(label: str, tally: Tally) -> int:
    """Print one row; return the false matches at the default threshold."""
    false_matches = [sum(d < t for d in tally.different) for t in THRESHOLDS]
    missed = [sum(d >= t for d in tally.same) for t in THRESHOLDS]
    missed_copy = sum(d >= M.DEFAULT_THRESHOLD for d in tally.degraded)
    cells = "  ".join(f"{fm:>2}/{ms:<2}" for fm, ms in zip(false_matches, missed, strict=True))
    print(
        f"{label:<20} {span(tally.same):>11} {span(tally.different):>11} {span(tally.degraded):>11} "
        f"{missed_copy:>2}/{len(tally.degraded):<2} {tally.not_found:>3}   {cells}"
    )
    return false_matches[THRESHOLDS.index(M.DEFAULT_THRESHOLD)]


def groups(folder: Path) -> int:
    """Different-person distances within each group photo of ``folder``; return the false matches."""
    distances: list[float] = []
    print(f"\ngroup photos in {folder} (every pair of faces within one photo is two different people):")
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".png", ".webp"):
            continue
        image = Image.open(path).convert("RGB")
        # Only confident detections: a false alarm of the recall-tuned detector is not a person.
        faces = [face for face in detect_faces(image) if face.score >= GROUP_MIN_SCORE]
        embeddings = M.embed(image, faces)
        mine = [
            embeddings[i].distance(embeddings[j])
            for i in range(len(embeddings))
            for j in range(i + 1, len(embeddings))
        ]
        widths = sorted(face.box[2] for face in faces) or [0]
        closest = f"{min(mine):.3f}" if mine else "-"
        print(
            f"  {path.name:<28} {len(faces):>3} faces ({widths[0]}-{widths[-1]} px), closest pair {closest}"
        )
        distances += mine
    if len(distances) < 2:
        return 0
    under = "  ".join(f"{t:.2f}: {sum(d < t for d in distances)}" for t in THRESHOLDS)
    fifth = statistics.quantiles(distances, n=20)[0]
    print(
        f"  {len(distances)} pairs, {min(distances):.3f}-{max(distances):.3f}, 5th percentile "
        f"{fifth:.3f}; false matches under {under}"
    )
    return sum(d < M.DEFAULT_THRESHOLD for d in distances)


def time_per_face(repeats: int) -> tuple[float, float, int]:
    """Median ms to embed the face of a portrait, and ms a face for every face of a class photo."""
    portrait = Image.open(FACES / "real" / "obama.jpg").convert("RGB")
    faces = detect_faces(portrait)
    one = []
    for _ in range(repeats):
        start = time.perf_counter()
        M.embed(portrait, faces)
        one.append(time.perf_counter() - start)
    group = Image.open(FACES / "composite" / "assembly_1600x1200.jpg").convert("RGB")
    many = detect_faces(group)
    start = time.perf_counter()
    M.embed(group, many)
    return statistics.median(one) * 1000, (time.perf_counter() - start) * 1000 / len(many), len(many)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--extra", type=Path, help="more labelled photos: DIR/<person>/*.jpg")
    parser.add_argument("--groups", type=Path, help="group photos, every face a different person")
    parser.add_argument("--repeats", type=int, default=20, help="timing repeats (default 20)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    start = time.perf_counter()
    M.load_models()
    load_ms = (time.perf_counter() - start) * 1000
    subjects = load_subjects(args.extra)
    people = sorted({s.person for s in subjects})
    print(f"{len(subjects)} reference photos of {len(people)} people (all adults; no children's photos)")
    print(f"default threshold {M.DEFAULT_THRESHOLD}, dlib's adult threshold {M.ADULT_THRESHOLD}\n")
    heads = "  ".join(f"{t:.2f} " for t in THRESHOLDS)
    print(f"{'probe':<20} {'same':>11} {'different':>11} {'copy':>11} {'>=t':>5} {'n/f':>3}   {heads}")
    print(
        f"{'':<20} {'person':>11} {'people':>11} {'of itself':>11} {'':>5} {'':>3}   (false matches/missed)"
    )
    false_matches = report("full size", measure(subjects, lambda s: s.image))
    for width in SIZES:
        false_matches += report(
            f"face {width} px", measure(subjects, functools.partial(shrink, face_width=width))
        )
    for label, change in VARIANTS.items():

        def make(s: Subject, change: Callable[[Image.Image], Image.Image] = change) -> Image.Image | None:
            small = shrink(s, VARIANT_SIZE)
            return None if small is None else change(small)

        false_matches += report(f"48 px {label}", measure(subjects, make))
    print(
        "\nsame person: distance to another photo of them; different people: to everyone else's "
        "reference;\ncopy of itself: to the reference made from the same photo at full size, with "
        f"how many are >= {M.DEFAULT_THRESHOLD};\nn/f: probes whose face was not found. Cells: "
        "false matches / missed matches at each threshold."
    )
    if args.groups is not None:
        false_matches += groups(args.groups)
    per_face, per_group_face, group_faces = time_per_face(args.repeats)
    print(
        f"\ntime (one core): models loaded and checked in {load_ms:.0f} ms; {per_face:.0f} ms to embed "
        f"a portrait's face (median of {args.repeats});\n{per_group_face:.0f} ms a face for the "
        f"{group_faces} faces of assembly_1600x1200.jpg; load average now {os.getloadavg()[0]:.1f}"
    )
    if false_matches:
        print(f"\nFAIL: {false_matches} false matches at the default threshold {M.DEFAULT_THRESHOLD}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

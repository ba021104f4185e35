"""How much memory does opening one uploaded photo take? Peak resident memory, per photo.

Each photo is opened by ``open_photo`` in a fresh subprocess; the figure is that process's peak
resident set size (``VmHWM``) minus its size just before the call, so the interpreter, Pillow
and pillow-heif are not counted. The photos are made here (nothing downloaded):

* a lossless WebP of about 2 KB declaring 7000 x 7000 pixels with transparency;
* an animated WebP of a few KB with an 8000 x 6000 canvas;
* 50-megapixel (8660 x 5773) PNG and JPEG photos, and a 12-megapixel phone JPEG;
* four 50-megapixel JPEGs, then PNGs, opened at once in four threads (a burst of uploads on one
  worker).

``--before REV`` also runs every case with ``safepost/photos/images.py`` as it was at git
revision REV, for a before/after table. Not part of the test suite:
``.venv/bin/python bench/bench_photo_memory.py --before ff200f4``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import importlib.util, io, json, sys, threading
sys.path.insert(0, {root!r})
spec = importlib.util.spec_from_file_location("images_under_test", {module!r})
images = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = images
spec.loader.exec_module(images)
images._register_heif()
paths, threads = {paths!r}, {threads!r}
datas = [open(p, "rb").read() for p in paths]
def high_water_kb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

before = high_water_kb()
results = []

def one(data):
    try:
        photo = images.open_photo(data, "photo")
        results.append(f"opened {{photo.width}}x{{photo.height}}")
    except images.PhotoError as exc:
        results.append(f"refused ({{exc.code}})")

workers = [threading.Thread(target=one, args=(d,)) for d in datas * threads]
for w in workers: w.start()
for w in workers: w.join()
peak = high_water_kb()
print(json.dumps({{"peak_mb": (peak - before) / 1024, "result": results[0], "count": len(results)}}))
"""


def make_photos(folder: Path) -> dict[str, Path]:
    """The test photos, written once into ``folder``."""
    from PIL import Image

    made: dict[str, Path] = {}

    def save(name: str, image: Image.Image, **options: object) -> None:
        path = folder / name
        image.save(path, **options)
        made[name] = path

    save("declared-7000x7000.webp", Image.new("RGBA", (7000, 7000), (0, 0, 0, 0)), lossless=True)
    frames = [Image.new("RGBA", (8000, 6000), (i * 40, 0, 0, 255)) for i in range(2)]
    save("animated-8000x6000.webp", frames[0], save_all=True, append_images=frames[1:], lossless=True)
    del frames
    big = Image.linear_gradient("L").resize((8660, 5773)).convert("RGB")
    noise = Image.effect_noise((8660, 5773), 40).convert("RGB")
    save("50mp.png", Image.blend(big, noise, 0.05), compress_level=6)  # under the 40 MB upload limit
    big = Image.blend(big, noise, 0.3)
    save("50mp.jpg", big, quality=90)
    save("12mp.jpg", big.resize((4000, 3000)), quality=90)
    return made


def run(module: Path, paths: list[Path], threads: int = 1) -> dict[str, object]:
    code = CHILD.format(root=str(ROOT), module=str(module), paths=[str(p) for p in paths], threads=threads)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"peak_mb": float("nan"), "result": done.stderr.strip().splitlines()[-1][:60]}
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", help="a git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = make_photos(folder)
        modules = {"now": ROOT / "safepost" / "photos" / "images.py"}
        if args.before:
            old = folder / "images_before.py"
            old.write_bytes(
                subprocess.check_output(["git", "show", f"{args.before}:safepost/photos/images.py"], cwd=ROOT)
            )
            modules = {"before": old, **modules}
        cases = [(name, [path], 1) for name, path in photos.items()]
        cases.append(("4 x 50mp.jpg at once", [photos["50mp.jpg"]], 4))
        cases.append(("4 x 50mp.png at once", [photos["50mp.png"]], 4))
        print("| photo | size | " + " | ".join(f"peak ({k})" for k in modules) + " |")
        print("|---|---|" + "---|" * len(modules))
        for name, paths, threads in cases:
            cells = []
            for module in modules.values():
                r = run(module, paths, threads)
                cells.append(f"{r['peak_mb']:.0f} MB, {r['result']}")
            size = sum(p.stat().st_size for p in paths)
            shown = f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
            print(f"| {name} | {shown} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

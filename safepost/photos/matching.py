"""Opt-in face matching: compare faces in a photo with the reference photos of consenting pupils.

Face recognition is biometric data (UK GDPR article 9; sections 26-28 of the Protection of Freedoms
Act 2012 require a parent's written consent before a school processes a pupil's biometric data, and
the pupil's own objection overrides that consent). This module
therefore never searches for anyone: it only compares the faces of a photo with the reference
embeddings it is handed, and the app hands it only the pupils enrolled with written consent.
Nothing is stored here; :class:`Embedding` turns into bytes for the app to store and back.

The model is dlib's ResNet face recogniser (``dlib_face_recognition_resnet_model_v1``, 128-d
embeddings, trained on adults) with dlib's 5-point landmark model to align each face, both from
the ``face-recognition-models`` package (the files are located without importing the package,
whose ``__init__`` needs ``pkg_resources``; their SHA-256 is checked). Faces are found by
:mod:`safepost.photos.faces`; dlib's own detectors are not used. Nothing is ever downloaded.

Two faces are the same person when the distance between their embeddings is under a threshold.
dlib's documented 0.6 is tuned for adults; children's faces are more alike, and a false match is
the costly error here (a pupil *without* consent mistaken for one with consent gets tagged and
published), so :data:`DEFAULT_THRESHOLD` is stricter. ``bench/bench_matching.py`` measures it and
``bench/matching/README.md`` records the figures and their limits (no children's photos).

Plain Python (dlib, NumPy, Pillow); never imports Django.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import struct
import threading
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from safepost.photos.faces import Face, detect_faces
from safepost.photos.images import Photo

__all__ = [
    "ADULT_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "EMBEDDING_SIZE",
    "MIN_REFERENCE_FACE",
    "Embedding",
    "Match",
    "MatchingError",
    "ModelError",
    "embed",
    "enrol",
    "load_models",
    "match",
]

EMBEDDING_SIZE = 128

DEFAULT_THRESHOLD = 0.5
"""Faces closer than this are taken as the same pupil. Measured on bench/faces/real/ (adults; see
bench/matching/README.md): photos of the same person are 0.33-0.44 apart at full size and up to
0.52 with the face shrunk to 24 px; different people are at least 0.665 apart at full size but
only 0.615 at class-photo face sizes (0.589 in one exploratory run), and 3 of 31 pairs of
different look-alike young women in group photos came under 0.6 (down to 0.563): dlib's 0.6 has
no margin even for adults. Children's faces are more alike than adults' (NIST's demographic
study, NISTIR 8280, found higher false match rates for children), so the margin under the
smallest different-person distance matters more."""

ADULT_THRESHOLD = 0.6
"""dlib's documented threshold for its model (99.38% on the adult LFW benchmark). For comparison only."""

MIN_REFERENCE_FACE = 48
"""The narrowest face (in pixels) accepted in a reference photo: below this the embedding of the
same person drifts (bench/bench_matching.py), and a reference should be the best photo we have."""

MODEL_PACKAGE = "face_recognition_models"
# File name -> SHA-256 of the files of face-recognition-models 0.3.0.
MODEL_FILES = {
    "shape_predictor_5_face_landmarks.dat": "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888",
    "dlib_face_recognition_resnet_model_v1.dat": "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30",
}

# A YuNet box runs eyebrows to chin and ear to ear; dlib's models were trained on the square boxes
# of dlib's own detector, which sit a little lower and are a little wider. Fitted on the real photos
# of bench/faces/ where dlib's detector also finds the face: the embeddings from converted boxes are
# 0-0.11 from those from dlib's boxes (two photos of the same person are 0.33 or more apart).
_BOX_SIDE = 1.07  # side of the square, in face widths
_BOX_DROP = 0.05  # centre moved down, in face heights
# dlib's defaults: how much around the aligned face the 150 px chip shows; no jittering.
_PADDING = 0.25

# Serialised form: a magic tag, a format/model version, then 128 little-endian float32.
_MAGIC = b"SPFE"
_VERSION = 1  # dlib_face_recognition_resnet_model_v1
_HEADER = struct.Struct("<4sB")
_BYTES = _HEADER.size + EMBEDDING_SIZE * 4


class MatchingError(ValueError):
    """A photo or stored embedding that cannot be used for matching.

    ``str(error)`` tells school staff what was wrong and what to do; ``code`` is a stable reason:
    ``no-face``, ``several-faces``, ``face-too-small``, ``face-outside`` or ``bad-embedding``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class ModelError(RuntimeError):
    """The packaged face recognition models (or dlib) are missing or not the files we expect."""


@dataclass(frozen=True, eq=False)
class Embedding:
    """A face as 128 numbers (float32): faces of the same person are close together.

    Biometric data: store it only for a pupil whose parents gave written consent, and delete it
    when that consent is withdrawn. :meth:`to_bytes` and :meth:`from_bytes` store and restore it.
    """

    vector: np.ndarray

    def __post_init__(self) -> None:
        try:
            vector = np.array(self.vector, dtype=np.float32).reshape(-1)
        except (TypeError, ValueError):
            vector = np.empty(0, dtype=np.float32)
        if vector.shape != (EMBEDDING_SIZE,) or not np.all(np.isfinite(vector)):
            raise MatchingError(
                f"A face embedding must be {EMBEDDING_SIZE} finite numbers. Enrol the pupil's reference "
                "photo again.",
                "bad-embedding",
            )
        vector.setflags(write=False)
        object.__setattr__(self, "vector", vector)

    def distance(self, other: Embedding) -> float:
        """The Euclidean distance to ``other``: 0 for the same face, about 0.3-0.45 for the same
        adult in two photos, above 0.6 for most pairs of different adults."""
        return float(np.linalg.norm(self.vector - other.vector))

    def to_bytes(self) -> bytes:
        """517 bytes for storage: a tag naming the model, then the numbers (little-endian float32)."""
        return _HEADER.pack(_MAGIC, _VERSION) + self.vector.astype("<f4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Embedding:
        """The embedding stored by :meth:`to_bytes`; :class:`MatchingError` if the bytes are not one."""
        data = bytes(data)
        if len(data) != _BYTES or data[:4] != _MAGIC:
            raise MatchingError(
                f"This stored face embedding is damaged ({len(data)} bytes, not one Safepost wrote). "
                "Enrol the pupil's reference photo again.",
                "bad-embedding",
            )
        _, version = _HEADER.unpack_from(data)
        if version != _VERSION:
            raise MatchingError(
                f"This stored face embedding was made by another face model (version {version}). "
                "Enrol the pupil's reference photo again.",
                "bad-embedding",
            )
        return cls(np.frombuffer(data, dtype="<f4", offset=_HEADER.size).astype(np.float32))

    def __repr__(self) -> str:
        return f"Embedding(<{EMBEDDING_SIZE} floats>)"


@dataclass(frozen=True)
class Match[K: Hashable]:
    """A face taken to be the enrolled pupil ``key``, ``distance`` from their nearest reference."""

    key: K
    distance: float


class _Models:
    """dlib, the landmark model and the recogniser, loaded on first use.

    dlib's network keeps its working buffers inside the model object, so it is not safe to run
    from two threads at once: every use holds the lock.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._loaded: tuple[Any, Any, Any] | None = None

    def get(self) -> tuple[Any, Any, Any]:
        """(dlib, shape predictor, recogniser); the caller holds :attr:`lock`."""
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    @staticmethod
    def _load() -> tuple[Any, Any, Any]:
        try:
            import dlib
        except ImportError as exc:
            raise ModelError("face matching needs dlib: install the 'dlib-bin' package") from exc
        folder = _model_folder()
        paths = {}
        for name, expected in MODEL_FILES.items():
            path = folder / name
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as exc:
                raise ModelError(f"the face model {name} is missing from {MODEL_PACKAGE!r}") from exc
            if digest != expected:
                raise ModelError(f"the face model {name} in {MODEL_PACKAGE!r} is not the expected file")
            paths[name] = str(path)
        predictor = dlib.shape_predictor(paths["shape_predictor_5_face_landmarks.dat"])
        recogniser = dlib.face_recognition_model_v1(paths["dlib_face_recognition_resnet_model_v1.dat"])
        return dlib, predictor, recogniser


def _model_folder() -> Path:
    """The installed package's models folder, found without importing the package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        folder = Path(location) / "models"
        if folder.is_dir():
            return folder
    raise ModelError(f"the face recognition models are missing: install the {MODEL_PACKAGE!r} package")


_MODELS = _Models()


def load_models() -> None:
    """Load and check the models now (they are otherwise loaded by the first :func:`embed`)."""
    with _MODELS.lock:
        _MODELS.get()


def _pixels(image: Photo | Image.Image) -> np.ndarray:
    """The photo as a contiguous RGB uint8 array (transparent pixels over white)."""
    picture = image.image if isinstance(image, Photo) else image
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        picture = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return np.ascontiguousarray(np.asarray(picture.convert("RGB"), dtype=np.uint8))


def _square(face: Face) -> tuple[int, int, int, int]:
    """The dlib-style square (left, top, right, bottom) for a detected face box."""
    x, y, w, h = face.box
    side = _BOX_SIDE * w
    cx, cy = x + w / 2, y + h / 2 + _BOX_DROP * h
    half = side / 2
    return math.floor(cx - half), math.floor(cy - half), math.ceil(cx + half), math.ceil(cy + half)


def embed(image: Photo | Image.Image, faces: Sequence[Face]) -> list[Embedding]:
    """One embedding per face in ``faces`` (found by :func:`safepost.photos.faces.detect_faces` on
    the same ``image``), in the same order.

    Each face is aligned by its 5 landmarks and described by dlib's ResNet. Tiny faces still get
    an embedding, but a less reliable one: at 24-32 px wide the same person came over
    :data:`DEFAULT_THRESHOLD` in 1-2 of 6 pairs measured, so such faces more often go unmatched
    (and are then treated as unknown children).
    """
    if not faces:
        return []
    pixels = _pixels(image)
    height, width = pixels.shape[:2]
    for number, face in enumerate(faces, start=1):
        x, y, w, h = face.box
        if w < 1 or h < 1 or x >= width or y >= height or x + w <= 0 or y + h <= 0:
            raise MatchingError(
                f"Face {number} ({w}x{h} px at {x},{y}) is not inside this {width}x{height} photo. "
                "Find the faces again on the same photo before matching.",
                "face-outside",
            )
    with _MODELS.lock:
        dlib, predictor, recogniser = _MODELS.get()
        shapes = dlib.full_object_detections()
        for face in faces:
            shapes.append(predictor(pixels, dlib.rectangle(*_square(face))))
        vectors = recogniser.compute_face_descriptor(pixels, shapes, 0, _PADDING)
    return [Embedding(np.asarray(vector, dtype=np.float32)) for vector in vectors]


def enrol(reference_image: Photo | Image.Image) -> Embedding:
    """The embedding of the one face in a pupil's reference photo.

    Raises :class:`MatchingError` when the photo shows no face, more than one face (it would be
    unclear whose face to enrol), or a face under :data:`MIN_REFERENCE_FACE` pixels wide.
    """
    picture = reference_image.image if isinstance(reference_image, Photo) else reference_image
    faces = detect_faces(picture)
    if not faces:
        raise MatchingError(
            "No face was found in this reference photo. Use a clear, well-lit photo of the pupil "
            "looking at the camera, with nobody else in it.",
            "no-face",
        )
    if len(faces) > 1:
        raise MatchingError(
            f"This reference photo shows {len(faces)} faces, so it is not clear whose face to enrol. "
            "Use a photo of the pupil alone (or crop the others out) and try again.",
            "several-faces",
        )
    (face,) = faces
    if face.box[2] < MIN_REFERENCE_FACE:
        raise MatchingError(
            f"The face in this reference photo is only {face.box[2]} pixels wide; it needs to be at "
            f"least {MIN_REFERENCE_FACE}. Use a closer or larger photo of the pupil.",
            "face-too-small",
        )
    return embed(picture, faces)[0]


def match[K: Hashable](
    embeddings: Sequence[Embedding],
    references: Mapping[K, Sequence[Embedding]],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Match[K] | None]:
    """For each face in ``embeddings`` (one photo), the enrolled pupil it is, or None.

    ``references`` maps each enrolled pupil (any key, e.g. a database id) to the embeddings of
    their reference photos; a pupil's distance is to their nearest reference. A face matches the
    nearest pupil strictly under ``threshold``, and each pupil matches at most one face of the
    photo: the closest pairs are taken first, so when two faces are both near one pupil the
    nearer face gets the match and the other face goes on to its own next-nearest pupil (or none).
    Pupils with no reference embeddings are never matched.
    """
    if not (isinstance(threshold, int | float) and 0.0 < threshold <= 1.0 and math.isfinite(threshold)):
        raise ValueError(f"threshold must be a distance between 0 and 1, not {threshold!r}")
    keys = [key for key, refs in references.items() if len(refs) > 0]
    result: list[Match[K] | None] = [None] * len(embeddings)
    if not embeddings or not keys:
        return result
    faces = np.stack([e.vector for e in embeddings])
    distances = np.full((len(embeddings), len(keys)), np.inf, dtype=np.float64)
    for column, key in enumerate(keys):
        refs = np.stack([r.vector for r in references[key]])
        pairwise = np.linalg.norm(faces[:, None, :] - refs[None, :, :], axis=2)
        distances[:, column] = pairwise.min(axis=1)
    rows, columns = np.nonzero(distances < threshold)
    order = sorted(zip(rows.tolist(), columns.tolist(), strict=True), key=lambda rc: (distances[rc], rc))
    taken: set[int] = set()
    for row, column in order:
        if result[row] is None and column not in taken:
            result[row] = Match(keys[column], float(distances[row, column]))
            taken.add(column)
    return result

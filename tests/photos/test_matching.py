"""Opt-in face matching (safepost.photos.matching) on the real photos of bench/faces/real/."""

from __future__ import annotations

import io
import socket
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safepost.photos import matching as M
from safepost.photos.faces import Face, detect_faces
from safepost.photos.images import open_photo

REAL = Path(__file__).resolve().parents[2] / "bench" / "faces" / "real"


def photo(name: str) -> Image.Image:
    return Image.open(REAL / name).convert("RGB")


def side_by_side(*names: str, height: int = 400) -> Image.Image:
    """One picture holding the given photos next to each other, all scaled to ``height``."""
    parts = [photo(name) for name in names]
    parts = [p.resize((round(p.width * height / p.height), height)) for p in parts]
    canvas = Image.new("RGB", (sum(p.width for p in parts), height), (200, 200, 200))
    x = 0
    for part in parts:
        canvas.paste(part, (x, 0))
        x += part.width
    return canvas


@pytest.fixture(scope="module")
def enrolled() -> dict[str, list[M.Embedding]]:
    """Three enrolled people, each from one reference photo."""
    return {
        "obama": [M.enrol(photo("obama.jpg"))],
        "biden": [M.enrol(photo("biden.jpg"))],
        "hopper": [M.enrol(photo("grace_hopper.jpg"))],
    }


def unit(*values: float) -> M.Embedding:
    """A made-up embedding: ``values`` followed by zeros (for the matching rules alone)."""
    vector = np.zeros(M.EMBEDDING_SIZE, dtype=np.float32)
    vector[: len(values)] = values
    return M.Embedding(vector)


@pytest.mark.parametrize("name", ["obama2.jpg", "obama3.jpg"])
def test_it_recognises_an_enrolled_person_in_another_photo(
    name: str, enrolled: dict[str, list[M.Embedding]]
) -> None:
    image = photo(name)
    (found,) = M.match(M.embed(image, detect_faces(image)), enrolled)
    assert found is not None
    assert found.key == "obama"
    assert 0.0 < found.distance < M.DEFAULT_THRESHOLD


@pytest.mark.parametrize("name", ["astronaut.png", "camera.png"])
def test_it_matches_nobody_when_the_person_is_not_enrolled(
    name: str, enrolled: dict[str, list[M.Embedding]]
) -> None:
    image = photo(name)
    embeddings = M.embed(image, detect_faces(image))
    assert len(embeddings) == 1
    assert M.match(embeddings, enrolled) == [None]
    assert min(embeddings[0].distance(ref[0]) for ref in enrolled.values()) > M.ADULT_THRESHOLD


def test_it_names_each_face_of_a_group_photo_in_order(enrolled: dict[str, list[M.Embedding]]) -> None:
    image = side_by_side("biden.jpg", "astronaut.png", "obama3.jpg")
    faces = sorted(detect_faces(image), key=lambda face: face.box[0])
    assert len(faces) == 3
    found = M.match(M.embed(image, faces), enrolled)
    assert [m.key if m else None for m in found] == ["biden", None, "obama"]


def test_a_pupil_is_matched_to_one_face_of_a_photo_at_most(enrolled: dict[str, list[M.Embedding]]) -> None:
    image = side_by_side("obama2.jpg", "obama3.jpg")
    faces = detect_faces(image)
    assert len(faces) == 2
    embeddings = M.embed(image, faces)
    found = M.match(embeddings, enrolled)
    matched = [m for m in found if m is not None]
    assert [m.key for m in matched] == ["obama"]
    nearer = min(e.distance(enrolled["obama"][0]) for e in embeddings)
    assert matched[0].distance == pytest.approx(nearer)


def test_the_nearer_face_keeps_the_pupil_and_the_other_face_takes_its_next_nearest() -> None:
    faces = [unit(1.0, 0.0), unit(0.9, 0.1)]  # both nearer to amy than to ben
    references = {"amy": [unit(0.95, 0.0)], "ben": [unit(0.9, 0.4)]}
    found = M.match(faces, references)
    assert [(m.key if m else None) for m in found] == ["amy", "ben"]
    assert found[0] is not None and found[0].distance == pytest.approx(0.05, abs=1e-6)


def test_a_pupils_nearest_reference_photo_counts() -> None:
    references = {"amy": [unit(0.0, 1.0), unit(1.0, 0.1)], "ben": [unit(1.0, 0.3)]}
    (found,) = M.match([unit(1.0, 0.0)], references)
    assert found is not None and found.key == "amy"
    assert found.distance == pytest.approx(0.1, abs=1e-6)


def test_only_distances_strictly_under_the_threshold_match() -> None:
    references = {"amy": [unit(0.5)]}
    assert M.match([unit(0.0)], references, threshold=0.5) == [None]
    (found,) = M.match([unit(0.0)], references, threshold=0.51)
    assert found is not None and found.key == "amy"


def test_pupils_without_reference_photos_and_photos_without_faces_match_nothing() -> None:
    assert M.match([unit(1.0)], {"amy": []}) == [None]
    assert M.match([], {"amy": [unit(1.0)]}) == []


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5, float("nan"), float("inf")])
def test_a_nonsense_threshold_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold must be a distance between 0 and 1"):
        M.match([unit(1.0)], {"amy": [unit(1.0)]}, threshold=threshold)


def test_a_face_between_the_default_and_the_adult_threshold_is_not_matched_by_default() -> None:
    # Children's faces are more alike than adults'; see bench/matching/README.md for the figures.
    references = {"amy": [unit(0.55)]}
    assert M.match([unit(0.0)], references) == [None]
    (adult,) = M.match([unit(0.0)], references, threshold=M.ADULT_THRESHOLD)
    assert adult is not None and adult.key == "amy"


def test_an_embedding_is_stored_as_bytes_and_read_back_unchanged(
    enrolled: dict[str, list[M.Embedding]],
) -> None:
    original = enrolled["biden"][0]
    data = original.to_bytes()
    assert isinstance(data, bytes) and len(data) == 517
    restored = M.Embedding.from_bytes(data)
    assert restored.vector.dtype == np.float32 and restored.vector.shape == (128,)
    assert np.array_equal(restored.vector, original.vector)
    assert M.match([restored], {"biden": [original]}) == [M.Match("biden", 0.0)]


@pytest.mark.parametrize(
    "data",
    [b"", b"SPFE\x01" + b"\x00" * 100, b"XXXX\x01" + b"\x00" * 512, b"SPFE\x02" + b"\x00" * 512],
    ids=["empty", "short", "not-ours", "another-model"],
)
def test_damaged_stored_bytes_give_a_clear_error(data: bytes) -> None:
    with pytest.raises(M.MatchingError, match="Enrol the pupil's reference photo again") as caught:
        M.Embedding.from_bytes(data)
    assert caught.value.code == "bad-embedding"


def test_an_embedding_of_the_wrong_size_or_with_gaps_is_refused() -> None:
    with pytest.raises(M.MatchingError, match="128 finite numbers"):
        M.Embedding(np.zeros(64, dtype=np.float32))
    with pytest.raises(M.MatchingError, match="128 finite numbers"):
        M.Embedding(np.full(128, np.nan, dtype=np.float32))
    with pytest.raises(M.MatchingError, match="128 finite numbers"):
        M.Embedding("not numbers")  # type: ignore[arg-type]


def test_an_embedding_cannot_be_changed_after_it_is_made() -> None:
    embedding = unit(1.0)
    with pytest.raises(ValueError):
        embedding.vector[0] = 5.0


def test_enrolling_a_photo_without_a_face_explains_what_photo_to_use() -> None:
    with pytest.raises(M.MatchingError, match="No face was found") as caught:
        M.enrol(Image.new("RGB", (400, 300), (90, 140, 200)))
    assert caught.value.code == "no-face"


def test_enrolling_a_photo_with_two_faces_asks_for_the_pupil_alone() -> None:
    with pytest.raises(M.MatchingError, match="shows 2 faces") as caught:
        M.enrol(side_by_side("biden.jpg", "grace_hopper.jpg"))
    assert caught.value.code == "several-faces"


def test_enrolling_a_tiny_face_asks_for_a_closer_photo() -> None:
    small = photo("astronaut.png").resize((200, 200))
    with pytest.raises(M.MatchingError, match="needs to be at least 48") as caught:
        M.enrol(small)
    assert caught.value.code == "face-too-small"


def test_an_uploaded_photo_can_be_enrolled_and_matched_directly(
    enrolled: dict[str, list[M.Embedding]],
) -> None:
    uploaded = open_photo((REAL / "obama.jpg").read_bytes(), "obama.jpg")
    assert np.allclose(M.enrol(uploaded).vector, enrolled["obama"][0].vector, atol=1e-5)


def test_a_transparent_png_is_matched_over_white(enrolled: dict[str, list[M.Embedding]]) -> None:
    face = photo("biden.jpg")
    rgba = Image.new("RGBA", (face.width + 200, face.height), (0, 0, 0, 0))
    rgba.paste(face, (100, 0))
    buffer = io.BytesIO()
    rgba.save(buffer, "PNG")
    image = Image.open(io.BytesIO(buffer.getvalue()))
    (found,) = M.match(M.embed(image, detect_faces(image.convert("RGB"))), enrolled)
    assert found is not None and found.key == "biden"


def test_a_photo_with_no_faces_gives_no_embeddings() -> None:
    assert M.embed(photo("camera.png"), []) == []


def test_a_face_box_outside_the_photo_gives_a_clear_error() -> None:
    image = photo("camera.png")
    stray = Face((image.width + 10, 5, 40, 40), 0.9, ())
    with pytest.raises(M.MatchingError, match=r"Face 1 .* is not inside this 512x512 photo") as caught:
        M.embed(image, [stray])
    assert caught.value.code == "face-outside"


def test_embedding_from_several_threads_at_once_gives_the_same_results() -> None:
    image = photo("grace_hopper.jpg")
    faces = detect_faces(image)
    expected = M.embed(image, faces)[0].vector
    results: list[np.ndarray] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(M.embed(image, faces)[0].vector)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 4
    assert all(np.allclose(vector, expected, atol=1e-5) for vector in results)


def test_the_models_load_from_the_installed_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the face matching models must not use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(M, "_MODELS", M._Models())
    M.load_models()
    # The package is only located, never imported: its __init__ needs the missing pkg_resources.
    assert "face_recognition_models" not in sys.modules


def test_a_missing_model_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(M, "MODEL_PACKAGE", "no_such_package_for_matching")
    monkeypatch.setattr(M, "_MODELS", M._Models())
    with pytest.raises(M.ModelError, match="install the 'no_such_package_for_matching' package"):
        M.load_models()


def test_an_altered_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    altered = dict(M.MODEL_FILES)
    altered["shape_predictor_5_face_landmarks.dat"] = "0" * 64
    monkeypatch.setattr(M, "MODEL_FILES", altered)
    monkeypatch.setattr(M, "_MODELS", M._Models())
    with pytest.raises(M.ModelError, match="not the expected file"):
        M.load_models()

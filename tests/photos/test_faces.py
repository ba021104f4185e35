"""Face detection and blurring (safepost.photos.faces) on the labelled photos of bench/faces/."""

from __future__ import annotations

import itertools
import json
import math
import socket
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageFilter

from safepost.photos import faces as F

SET = Path(__file__).resolve().parents[2] / "bench" / "faces"
LABELS = {entry["file"]: entry for entry in json.loads((SET / "labels.json").read_text())["images"]}


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    return ix * iy / (a[2] * a[3] + b[2] * b[3] - ix * iy)


def found(faces: list[F.Face], label: list[int]) -> bool:
    return any(iou(face.box, tuple(label)) >= 0.4 for face in faces)


def photo(name: str) -> Image.Image:
    return Image.open(SET / name).convert("RGB")


@pytest.mark.parametrize(
    "name", ["real/astronaut.png", "real/camera.png", "real/grace_hopper.jpg", "real/obama3.jpg"]
)
def test_it_finds_the_labelled_face_in_a_real_photo(name: str) -> None:
    faces = F.detect_faces(photo(name))
    assert all(found(faces, label) for label in LABELS[name]["faces"])


def test_it_finds_nearly_every_small_face_in_a_class_photo() -> None:
    name = "composite/assembly_1600x1200.jpg"
    faces = F.detect_faces(photo(name))
    labels = LABELS[name]["faces"]
    hits = sum(found(faces, label) for label in labels)
    assert max(label[2] for label in labels) < 60
    assert hits / len(labels) >= 0.97
    assert len(faces) - hits <= 2


def test_a_single_small_pass_misses_the_small_faces_the_tiled_passes_find() -> None:
    name = "composite/class_4000x3000_brick.jpg"
    image = photo(name)
    labels = LABELS[name]["faces"]
    tiled_faces, single_faces = F.detect_faces(image), F.detect_faces(image, tiled=False)
    tiled = sum(found(tiled_faces, label) for label in labels)
    single = sum(found(single_faces, label) for label in labels)
    assert tiled >= 0.97 * len(labels)
    assert single < tiled


def published_width(label: list[int], image: Image.Image, max_side: int) -> float:
    return label[2] * min(1.0, max_side / max(image.size))


@pytest.mark.parametrize("name", ["composite/class_4000x3000_hall.jpg", "composite/playground_3000x2000.jpg"])
def test_it_finds_every_face_big_enough_to_recognise_in_the_published_copy(name: str) -> None:
    image = photo(name)
    faces = F.detect_faces_for_publishing(image, 2048)
    labels = LABELS[name]["faces"]
    promised = [label for label in labels if published_width(label, image, 2048) >= F.PUBLISHED_MIN_FACE]
    assert len(promised) >= 20
    assert all(found(faces, label) for label in promised)
    assert len(faces) - sum(found(faces, label) for label in labels) <= 3


def test_it_finds_faces_just_at_the_promised_size() -> None:
    # Published so that the smallest face is exactly PUBLISHED_MIN_FACE px wide: every face is
    # at or just above the limit (25-48 px in the photo, 20-38 px published).
    name = "composite/assembly_1600x1200.jpg"
    image = photo(name)
    labels = LABELS[name]["faces"]
    max_side = math.ceil(max(image.size) * F.PUBLISHED_MIN_FACE / min(label[2] for label in labels))
    assert min(published_width(label, image, max_side) for label in labels) == pytest.approx(20, abs=0.1)
    faces = F.detect_faces_for_publishing(image, max_side)
    # One face right at 20 px is missed here (0.983 over the whole set at the limit, see the bench).
    assert sum(found(faces, label) for label in labels) >= len(labels) - 1


def test_a_copy_published_smaller_is_searched_for_bigger_faces_only() -> None:
    assert F.smallest_face_searched((4000, 3000), 2048) == pytest.approx(F.PUBLISHED_MIN_FACE * 4000 / 2048)
    assert F.smallest_face_searched((4000, 3000), 4096) == F.PUBLISHED_MIN_FACE  # never scaled up
    assert F.smallest_face_searched((3000, 4000), 1000) == pytest.approx(F.PUBLISHED_MIN_FACE * 4)
    # The finest pass on a 12 MP photo published at 2048 px is about 2458 px, not 4000.
    fine = F._pass_scales(4000, 3000, F.smallest_face_searched((4000, 3000), 2048))[0]
    assert fine * 4000 == pytest.approx(2048 * F.MODEL_MIN_FACE / F.PUBLISHED_MIN_FACE)
    with pytest.raises(ValueError, match="max_side"):
        F.smallest_face_searched((4000, 3000), 0)


def test_it_takes_an_opened_photo_as_well_as_an_image() -> None:
    from safepost.photos.images import open_photo

    opened = open_photo((SET / "real/grace_hopper.jpg").read_bytes(), "grace_hopper.jpg")
    faces = F.detect_faces_for_publishing(opened, 2048)
    assert faces == F.detect_faces_for_publishing(opened.image, 2048)
    assert all(found(faces, label) for label in LABELS["real/grace_hopper.jpg"]["faces"])


def test_onnx_runtime_gives_the_boxes_opencvs_own_detector_gives() -> None:
    # The model's input size is freed in memory and its outputs decoded here: OpenCV's
    # FaceDetectorYN, on the same 1280 x 720 picture, is the reference.
    rgb = np.asarray(photo("composite/web_1280x720.jpg"))
    ours = F._MODEL.run(rgb, 0.5)
    detector = cv2.FaceDetectorYN.create(
        "onnx", np.frombuffer(F._MODEL.load(), np.uint8), np.empty(0, np.uint8), (1280, 720), 0.5, 0.3, 5000
    )
    _, theirs = detector.detect(np.ascontiguousarray(rgb[:, :, ::-1]))
    assert len(ours) == len(theirs) >= 15
    ours, theirs = ours[np.argsort(-ours[:, 14])], theirs[np.argsort(-theirs[:, 14])]
    assert np.allclose(ours, theirs, atol=0.01)


def test_a_face_has_a_box_a_score_and_five_landmarks_inside_the_photo() -> None:
    image = photo("real/astronaut.png")
    (face,) = F.detect_faces(image)
    x, y, w, h = face.box
    assert 0 <= x < x + w <= image.width and 0 <= y < y + h <= image.height
    assert 0.5 <= face.score <= 1.0
    assert len(face.landmarks) == 5
    assert all(x <= lx <= x + w and y <= ly <= y + h for lx, ly in face.landmarks)


@pytest.mark.parametrize("name", ["real/grace_hopper.jpg", "real/obama2.jpg", "composite/web_1280x720.jpg"])
def test_blurred_faces_are_no_longer_found(name: str) -> None:
    image = photo(name)
    rendition = F.blur_faces(image, F.detect_faces(image))
    left = F.verify_blurred(rendition)
    assert not any(found(left, label) for label in LABELS[name]["faces"])
    assert not any(
        label[0] <= face.centre[0] <= label[0] + label[2]
        and label[1] <= face.centre[1] <= label[1] + label[3]
        for face in left
        for label in LABELS[name]["faces"]
    )


def test_checking_the_blurred_regions_catches_a_face_left_unblurred() -> None:
    name = "composite/web_1280x720.jpg"
    image = photo(name)
    faces = F.detect_faces(image)
    kept, blurred = faces[:3], faces[3:]
    rendition = F.blur_faces(image, blurred)
    left = F.verify_blurred(rendition, within=faces)
    assert len(left) == len(kept)
    assert all(any(found([face], list(k.box)) for face in left) for k in kept)
    assert F.verify_blurred(F.blur_faces(image, faces), within=faces, max_side=2048) == []


def test_blurring_changes_nothing_outside_the_face_regions() -> None:
    image = photo("composite/web_1280x720.jpg")
    faces = F.detect_faces(image)
    rendition = F.blur_faces(image, faces)
    before, after = np.asarray(image), np.asarray(rendition)
    outside = np.ones(before.shape[:2], dtype=bool)
    for face in faces:
        x0, y0, x1, y1 = F.face_region(face, 0.3, image.width, image.height)
        outside[y0:y1, x0:x1] = False
    assert faces
    assert np.array_equal(before[outside], after[outside])
    assert not np.array_equal(before, after)


def test_blurring_returns_a_new_image_and_keeps_its_mode() -> None:
    image = photo("real/astronaut.png").convert("RGBA")
    original = np.asarray(image).copy()
    rendition = F.blur_faces(image, F.detect_faces(image))
    assert rendition is not image and rendition.mode == "RGBA" and rendition.size == image.size
    assert np.array_equal(np.asarray(image), original)


def test_blurring_makes_transparent_pixels_over_a_face_opaque() -> None:
    image = photo("real/astronaut.png").convert("RGBA")
    image.putalpha(0)
    face = F.Face((178, 62, 92, 113), 0.9, ((0.0, 0.0),) * 5)
    cx, cy = map(int, face.centre)
    assert np.asarray(F.blur_faces(image, [face]))[cy, cx, 3] == 255


def test_the_model_loads_from_the_installed_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the face model must never be downloaded")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(F, "_MODEL", F._Model())
    F.load_model()
    assert F.detect_faces(photo("real/grace_hopper.jpg"))


def test_a_missing_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(F, "MODEL_PACKAGE", "no_such_package_for_faces")
    monkeypatch.setattr(F, "_MODEL", F._Model())
    with pytest.raises(F.ModelError, match="missing"):
        F.load_model()


def test_an_altered_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(F, "MODEL_SHA256", "0" * 64)
    monkeypatch.setattr(F, "_MODEL", F._Model())
    with pytest.raises(F.ModelError, match="not the expected file"):
        F.load_model()


def test_a_model_file_that_cannot_be_read_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(F, "_any_size_model", lambda data: data[: len(data) // 2])
    monkeypatch.setattr(F, "_MODEL", F._Model())
    with pytest.raises(F.ModelError, match="could not be prepared"):
        F.detect_faces(photo("real/grace_hopper.jpg"))


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (640, 480)),
        Image.new("RGB", (2000, 1500), (255, 255, 255)),
        Image.new("L", (300, 200), 128),
        Image.new("RGBA", (100, 100), (0, 0, 0, 0)),
        Image.new("RGB", (1, 1)),
        Image.new("RGB", (7, 500)),
        Image.new("RGB", (3, 2000)),
        Image.fromarray(np.random.default_rng(4).integers(0, 256, (480, 640, 3), dtype=np.uint8)),
    ],
    ids=["black", "white", "grey", "transparent", "one-pixel", "narrow", "thin-strip", "noise"],
)
def test_blank_tiny_and_odd_images_give_no_faces_and_no_crash(image: Image.Image) -> None:
    assert F.detect_faces(image) == []
    assert F.blur_faces(image, []).size == image.size


def test_a_palette_image_is_searched_too() -> None:
    image = photo("real/grace_hopper.jpg").convert("P")
    assert len(F.detect_faces(image)) == 1


def test_a_face_cut_by_the_photo_edge_is_found() -> None:
    name = "real/obama_partial_face.jpg"
    assert all(found(F.detect_faces(photo(name)), label) for label in LABELS[name]["faces"])


def test_the_passes_go_from_fine_tiles_to_the_whole_photo() -> None:
    scales = F._pass_scales(4000, 3000, F.DEFAULT_MIN_FACE)
    assert scales == sorted(scales, reverse=True)
    assert max(4000, 3000) * scales[-1] <= F.TILE
    assert scales[0] >= 1.0  # a 12 MP photo is searched at full resolution at least
    assert F._pass_scales(512, 512, F.DEFAULT_MIN_FACE) == [pytest.approx(1.2)]


@pytest.mark.parametrize("length", [1, 500, 2048, 2049, 3465, 4620, 8000])
def test_tiles_cover_the_whole_length_with_the_overlap_in_as_few_tiles_as_possible(length: int) -> None:
    size = F._tile_size(length, F.TILE, F.TILE_OVERLAP)
    starts = F._tile_origins(length, size, F.TILE_OVERLAP)
    assert size <= F.TILE
    assert starts[0] == 0
    assert starts[-1] + size >= length
    assert all(b - a <= size - F.TILE_OVERLAP for a, b in itertools.pairwise(starts))
    assert len(starts) == len(F._tile_origins(length, F.TILE, F.TILE_OVERLAP))


def test_a_photo_too_big_for_one_run_is_searched_in_tiles_with_the_same_faces_found() -> None:
    name = "composite/playground_3000x2000.jpg"
    image = photo(name)
    labels = LABELS[name]["faces"]
    # The fine pass (1.2 times the photo, 8.6 megapixels) is over RUN_MAX_PIXELS: it runs in tiles.
    fine = F._pass_scales(3000, 2000, F.DEFAULT_MIN_FACE)[0]
    assert fine * 3000 * fine * 2000 > F.RUN_MAX_PIXELS
    faces = F.detect_faces(image)
    assert all(found(faces, label) for label in labels)
    assert len(faces) - len(labels) <= 2


# --- faces turned, lying down and in the dark (issue 12) -----------------------------------------


def turned(image: Image.Image, label: list[int], quarter: int) -> tuple[Image.Image, list[float]]:
    """The photo turned a quarter ``quarter`` times clockwise, and where the labelled face goes."""
    x, y, w, h = label
    width, height = image.size
    rotate = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}[quarter]
    pixels = cv2.rotate(np.asarray(image), rotate)
    box = {
        1: [height - y - h, x, h, w],
        2: [width - x - w, height - y - h, w, h],
        3: [y, width - x - w, h, w],
    }[quarter]
    return Image.fromarray(pixels), box


@pytest.mark.parametrize("quarter", [1, 2, 3])
@pytest.mark.parametrize("name", ["real/grace_hopper.jpg", "real/bus.jpg"])
def test_it_finds_the_faces_of_a_photo_saved_on_its_side_or_upside_down(name: str, quarter: int) -> None:
    image = photo(name)
    for label in LABELS[name]["faces"]:
        sideways, box = turned(image, label, quarter)
        faces = F.detect_faces_for_publishing(sideways, 2048)
        assert any(
            box[0] <= f.centre[0] <= box[0] + box[2] and box[1] <= f.centre[1] <= box[1] + box[3]
            for f in faces
        ), f"{name} turned {90 * quarter} degrees: face {label} missed"


def test_a_face_found_on_its_side_gets_a_box_wider_than_tall_in_the_photo() -> None:
    image = photo("real/grace_hopper.jpg")
    sideways, box = turned(image, LABELS["real/grace_hopper.jpg"]["faces"][0], 1)
    (face,) = [f for f in F.detect_faces_for_publishing(sideways, 2048) if iou(f.box, tuple(box)) >= 0.4]
    assert face.box[2] > face.box[3]
    x, y, w, h = face.box
    assert all(x <= lx <= x + w and y <= ly <= y + h for lx, ly in face.landmarks)


def test_a_face_in_a_very_dark_photo_is_found() -> None:
    image = photo("real/bus.jpg")
    dark = Image.fromarray((np.asarray(image).astype(np.float32) * 0.12).astype(np.uint8))
    faces = F.detect_faces_for_publishing(dark, 2048)
    assert all(found(faces, label) for label in LABELS["real/bus.jpg"]["faces"])


def lying(image: Image.Image, labels: list[list[int]], quarter: int) -> Image.Image:
    """The photo with every labelled face (and a little around it) turned a quarter where it is,
    left or right by turns, as children lying on a mat look in an upright photo."""
    pixels = np.asarray(image).copy()
    for index, (x, y, w, h) in enumerate(labels):
        side = round(1.3 * max(w, h))
        x0, y0 = round(x + w / 2 - side / 2), round(y + h / 2 - side / 2)
        if x0 < 0 or y0 < 0 or x0 + side > image.width or y0 + side > image.height:
            continue
        turn = cv2.ROTATE_90_CLOCKWISE if (index + quarter) % 2 else cv2.ROTATE_90_COUNTERCLOCKWISE
        pixels[y0 : y0 + side, x0 : x0 + side] = cv2.rotate(pixels[y0 : y0 + side, x0 : x0 + side], turn)
    return Image.fromarray(pixels)


def centred(faces: list[F.Face], box: list[float]) -> bool:
    return any(
        box[0] <= f.centre[0] <= box[0] + box[2] and box[1] <= f.centre[1] <= box[1] + box[3] for f in faces
    )


@pytest.mark.parametrize("quarter", [1, 3])
def test_the_small_faces_of_a_class_photo_saved_on_its_side_are_all_found(quarter: int) -> None:
    # 41 faces of 15-36 px in the copy published at 2048 px: the coarse turned passes alone missed a
    # quarter of those the promise covers; the photo is now searched finely the way up it is.
    name = "composite/class_4000x3000_hall.jpg"
    image = photo(name)
    promised = [label for label in LABELS[name]["faces"] if published_width(label, image, 2048) >= 20]
    assert len(promised) >= 20
    sideways = turned(image, promised[0], quarter)[0]
    faces = F.detect_faces_for_publishing(sideways, 2048)
    boxes = [turned(image, label, quarter)[1] for label in promised]
    assert all(centred(faces, box) for box in boxes), sum(not centred(faces, box) for box in boxes)
    assert len(faces) <= len(LABELS[name]["faces"]) + 2


def test_small_faces_lying_down_in_an_upright_photo_are_found_by_a_closer_look() -> None:
    # 30 faces of 25-48 px, each turned a quarter where it is: too small for the coarse turned
    # passes to be sure of, so they come as candidates that a closer look confirms and places.
    name = "composite/assembly_1600x1200.jpg"
    labels = LABELS[name]["faces"]
    image = lying(photo(name), labels, 1)
    faces = F.detect_faces_for_publishing(image, 2048)
    hits = sum(centred(faces, label) for label in labels)
    assert hits / len(labels) >= 0.85  # 26 of 30 (2 with the upright search alone)
    assert len(faces) - hits <= 2
    without = F.detect_faces_for_publishing(image, 2048, turns=())
    assert sum(centred(without, label) for label in labels) < hits


def tilted(image: Image.Image, labels: list[list[int]], angle: float) -> Image.Image:
    """The photo with every labelled face (and a little around it) tilted by ``angle`` degrees
    where it is, one way and the other by turns: between upright and lying on its side."""
    pixels = np.asarray(image).copy()
    for index, (x, y, w, h) in enumerate(labels):
        side = round(1.6 * max(w, h))
        x0, y0 = round(x + w / 2 - side / 2), round(y + h / 2 - side / 2)
        if x0 < 0 or y0 < 0 or x0 + side > image.width or y0 + side > image.height:
            continue
        turn = cv2.getRotationMatrix2D((side / 2, side / 2), angle if index % 2 else -angle, 1.0)
        patch = np.ascontiguousarray(pixels[y0 : y0 + side, x0 : x0 + side])
        pixels[y0 : y0 + side, x0 : x0 + side] = cv2.warpAffine(
            patch, turn, (side, side), borderMode=cv2.BORDER_REFLECT
        )
    return Image.fromarray(pixels)


def test_small_faces_tilted_halfway_to_their_side_are_found_by_a_look_halfway(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 30 faces of 25-48 px tilted 50 degrees: the model finds faces to about 30 degrees from
    # upright or from a quarter turn, so these are weak finds of the turned passes; a closer look
    # turned halfway back (45 degrees) finds more of them (16 of 30 before issue 12's round 3).
    name = "composite/assembly_1600x1200.jpg"
    labels = LABELS[name]["faces"]
    image = tilted(photo(name), labels, 50)
    faces = F.detect_faces_for_publishing(image, 2048)
    hits = sum(centred(faces, label) for label in labels)
    assert hits >= 22
    assert len(faces) - hits <= 1
    monkeypatch.setattr(F, "TILTED_LOOK", 0.0)
    without = F.detect_faces_for_publishing(image, 2048)
    assert sum(centred(without, label) for label in labels) < hits


def test_a_look_halfway_places_the_face_where_it_is() -> None:
    # A face tilted 45 degrees, looked at turned back by 45: the box found there comes back to
    # the photo around the face, and its eyes and mouth inside the box.
    image = photo("real/grace_hopper.jpg")
    (x, y, w, h) = LABELS["real/grace_hopper.jpg"]["faces"][0]
    turned_photo = np.asarray(tilted(image, [[x, y, w, h]], 45))  # the first face goes clockwise
    row = np.zeros(16, dtype=np.float32)
    row[:4] = (x, y, w, h)
    row[15] = 270  # as the pass turned anticlockwise would see it
    found = F._look_levelled(turned_photo, row, 1.0, 45.0, 0.7, F.CANDIDATE_FACE, F.CANDIDATE_CONTEXT)
    assert found is not None
    face = F._faces(found[None, :], image.width, image.height)[0]
    assert abs(face.centre[0] - (x + w / 2)) < w / 4 and abs(face.centre[1] - (y + h / 2)) < h / 4
    fx, fy, fw, fh = face.box
    assert all(fx <= lx <= fx + fw and fy <= ly <= fy + fh for lx, ly in face.landmarks)
    # the eyes are turned as the face is: the right eye (on the photo's left) higher
    (rx, ry), (lx, ly) = face.landmarks[:2]
    assert rx < lx and ry < ly - 0.3 * (lx - rx)


def test_a_closer_look_names_the_eyes_as_the_face_has_them_not_as_its_mirror() -> None:
    # The look is taken in a mirror image: the mirror's right eye is the face's left one.
    image = photo("real/grace_hopper.jpg")
    (x, y, w, h) = LABELS["real/grace_hopper.jpg"]["faces"][0]
    row = np.zeros(16, dtype=np.float32)
    row[:4] = (x, y, w, h)
    found = F._look_again(np.asarray(image), row, 1.0, 0.7, F.CANDIDATE_FACE, F.CANDIDATE_CONTEXT)
    assert found is not None
    (right_x, _), (left_x, _), _, (mouth_right_x, _), (mouth_left_x, _) = F._faces(
        found[None, :], image.width, image.height
    )[0].landmarks
    assert right_x < left_x and mouth_right_x < mouth_left_x  # the face's right on the photo's left


def reference_merge(rows: np.ndarray) -> np.ndarray:
    """Non-maximum suppression as _merge did it before round 3, one kept row at a time."""
    rows = rows[np.argsort(-rows[:, 14], kind="stable")]
    x0, y0, x1, y1 = rows[:, 0], rows[:, 1], rows[:, 0] + rows[:, 2], rows[:, 1] + rows[:, 3]
    area = np.maximum(rows[:, 2], 0) * np.maximum(rows[:, 3], 0)
    keep, suppressed = [], np.zeros(len(rows), dtype=bool)
    for i in range(len(rows)):
        if not suppressed[i]:
            keep.append(i)
            inter = np.clip(np.minimum(x1[i], x1) - np.maximum(x0[i], x0), 0, None) * np.clip(
                np.minimum(y1[i], y1) - np.maximum(y0[i], y0), 0, None
            )
            suppressed |= (inter / np.maximum(area[i] + area - inter, 1e-6) > F.NMS_IOU) | (
                inter / np.maximum(np.minimum(area[i], area), 1e-6) > F.NMS_CONTAINED
            )
    return rows[keep]


@pytest.mark.parametrize("count", [1, 7, 300, 700])
def test_merging_in_blocks_keeps_the_same_detections(count: int) -> None:
    rng = np.random.default_rng(count)
    rows = np.zeros((count, 16), dtype=np.float32)
    rows[:, :2] = rng.uniform(0, 400, (count, 2))
    rows[:, 2:4] = rng.uniform(5, 80, (count, 2))
    rows[:, 14] = rng.choice(np.linspace(0, 1, 21), count)  # ties too
    assert np.array_equal(F._merge(rows), reference_merge(rows))


def test_a_face_lying_down_is_found_and_blurred() -> None:
    name = "composite/assembly_1600x1200.jpg"
    labels = LABELS[name]["faces"]
    image = lying(photo(name), labels, 1)
    faces = F.detect_faces_for_publishing(image, 2048)
    hit = [label for label in labels if centred(faces, label)]
    assert len(hit) >= 20
    blurred = F.blur_faces(image, faces)
    left = F.detect_faces_for_publishing(blurred, 2048)
    assert not any(centred(left, label) for label in hit)
    assert F.verify_blurred(blurred, within=faces, max_side=2048) == []


def test_an_out_of_focus_photo_is_searched_sharpened(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "composite/class_4000x3000_hall.jpg"
    image = photo(name).filter(ImageFilter.GaussianBlur(4))
    pixels = np.asarray(image.reduce(2))
    assert F._is_soft(F._grey(pixels)) and not F._is_soft(F._grey(np.asarray(photo(name).reduce(2))))
    labels = LABELS[name]["faces"]
    sharpened = sum(found(F.detect_faces_for_publishing(image, 2048), label) for label in labels)
    monkeypatch.setattr(F, "SOFT_DETAIL", 0.0)
    plain = sum(found(F.detect_faces_for_publishing(image, 2048), label) for label in labels)
    assert sharpened > plain


# --- the second look of "Blur all faces" (issue 13) ----------------------------------------------


def test_a_second_look_adds_nothing_over_the_chandelier_of_a_real_photo() -> None:
    image = photo("real/obama3.jpg")
    image.thumbnail((2048, 2048))
    faces = F.detect_faces_for_publishing(image, 2048)
    blurred = F.blur_faces(image, faces)
    # The first detector's own look at the blurred photo takes part of the chandelier and wall
    # for a big face at a low score...
    assert any(max(f.box[2:]) > 1.6 * max(max(g.box[2:]) for g in faces) for f in F.verify_blurred(blurred))
    # ...which the second look does not add.
    assert F.second_look(blurred, faces, faces, 2048) == []


def face_at(x: float, y: float, w: float, h: float) -> F.Face:
    return F.Face((round(x), round(y), round(w), round(h)), 0.9, ())


@pytest.mark.parametrize(
    ("candidate", "why"),
    [
        ((600, 50, 300, 360), "much bigger than every face found"),
        ((90, 90, 60, 70), "on a face already blurred"),
        ((60, 60, 200, 220), "it would swallow a face already found"),
        ((970, 300, 60, 70), "mostly outside the photo"),
        ((300, 300, 10, 12), "smaller than the smallest face searched for"),
    ],
)
def test_a_second_look_does_not_add_an_implausible_face(
    candidate: tuple[float, float, float, float], why: str
) -> None:
    found_faces = [face_at(100, 100, 80, 100), face_at(400, 120, 70, 90)]
    assert not F.plausible_extra(candidate, found_faces, found_faces, (1000, 700), 2048), why


def test_a_second_look_adds_a_face_sized_place_away_from_the_faces_found() -> None:
    found_faces = [face_at(100, 100, 80, 100), face_at(400, 120, 70, 90)]
    assert F.plausible_extra((700, 400, 60, 75), found_faces, found_faces, (1000, 700), 2048)

"""Photos on posts: cleaning, faces, tags, consent, blurring, the policy's photo rules, retention."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from apps.audit.models import AuditEntry
from apps.posts import actions, checking, photos, renditions
from apps.posts.models import PhotoTag, Post, PostPhoto
from apps.posts.photo_views import label_position, label_size, photo_views
from apps.posts.tests.conftest import MONDAY_10AM, member
from apps.schools.actions import update_policy
from apps.schools.models import Pupil, School
from apps.schools.testing import Personas, make_personas
from safepost.photos.faces import verify_blurred

REAL = Path(settings.BASE_DIR) / "bench" / "faces" / "real"
COMPOSITE = Path(settings.BASE_DIR) / "bench" / "faces" / "composite"
LABELS = {
    entry["file"]: entry
    for entry in json.loads((Path(settings.BASE_DIR) / "bench" / "faces" / "labels.json").read_text())[
        "images"
    ]
}


def jpeg_with_metadata(path: Path) -> bytes:
    """A phone-like JPEG of ``path``: GPS position, camera make and a comment segment."""
    image = Image.open(path).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"Oak Class trip, Amy Jones at the front")
    return out.getvalue()


def media_files() -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def draft(p: Personas, text: str = "Oak Class built a volcano today!", **fields: Any) -> Post:
    return actions.create_draft(member(p, p.teacher), p.oak, text, now=MONDAY_10AM, **fields)


def pupil(p: Personas, first: str, surname: str, *, social: bool | None, website: bool | None) -> Pupil:
    return Pupil.objects.create(
        school=p.school,
        first_name=first,
        surname=surname,
        class_name="Oak",
        photo_consent=social,
        website_consent=website,
    )


def set_photos_policy(school: School, **values: str) -> None:
    text = school.policy_toml
    for key, value in values.items():
        lines = text.splitlines()
        prefix = f"{key} = "
        found = [i for i, line in enumerate(lines) if line.startswith(prefix)]
        if found:
            lines[found[0]] = f"{key} = {value}"
        else:
            at = lines.index("[photos]") + 1
            lines.insert(at, f"{key} = {value}")
        text = "\n".join(lines) + "\n"
    update_policy(school, text, actor=None)
    school.refresh_from_db()


def rules_of(post: Post) -> list[str]:
    findings, _ = checking.photo_findings(Post.objects.get(pk=post.pk))
    return [f.rule for f in findings]


@pytest.fixture
def grace(p: Personas) -> tuple[Post, PostPhoto]:
    post = draft(p)
    photo = photos.add_photo(
        post, member(p, p.teacher), jpeg_with_metadata(REAL / "grace_hopper.jpg"), "IMG_1.jpg"
    )
    return post, photo


# --- cleaning and faces ---------------------------------------------------------------------


def test_an_uploaded_photo_is_published_without_any_of_its_metadata(grace: tuple[Post, PostPhoto]) -> None:
    _, photo = grace
    data = renditions.rendition_bytes(photo)
    assert b"PhoneMaker" not in data and b"Amy Jones" not in data and b"Exif" not in data
    assert b"\xff\xfe" not in data  # no JPEG comment segment
    reopened = Image.open(io.BytesIO(data))
    assert not reopened.getexif() and "comment" not in reopened.info and "icc_profile" not in reopened.info
    assert {"EXIF", "GPS position"} & set(photo.removed_metadata) or photo.removed_metadata


def test_the_face_in_a_portrait_is_found_and_counts_as_an_unknown_child(
    grace: tuple[Post, PostPhoto],
) -> None:
    post, photo = grace
    assert len(photo.faces) == 1
    assert "SP603" in rules_of(post)  # nobody said who it is
    assert "SP605" in rules_of(post)  # and it has no description


def test_the_original_is_kept_untouched_until_publishing(grace: tuple[Post, PostPhoto]) -> None:
    _, photo = grace
    with photo.original.open("rb") as f:
        assert b"PhoneMaker" in f.read()
    assert photo.original_sha256 and photo.original_bytes > 0


def test_tagging_a_pupil_with_consent_clears_the_unknown_face(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    post, photo = grace
    amy = pupil(p, "Amy", "Jones", social=True, website=True)
    photos.update_photo(
        photo,
        member(p, p.teacher),
        alt_text="Oak Class with their volcano",
        who={0: str(amy.pk)},
        blur=set(),
        hidden=[],
    )
    assert rules_of(post) == ["SP604"]  # st-catherine: one child in the photo is a warning (CAT-08)
    assert PhotoTag.objects.get(photo=photo).face == 0


def test_a_pupil_without_website_consent_blocks_the_post(p: Personas, grace: tuple[Post, PostPhoto]) -> None:
    post, photo = grace
    ben = pupil(p, "Ben", "Smith", social=True, website=False)
    photos.update_photo(
        photo,
        member(p, p.teacher),
        alt_text="A volcano erupting",
        who={0: str(ben.pk)},
        blur=set(),
        hidden=[],
    )
    findings, _ = checking.photo_findings(Post.objects.get(pk=post.pk))
    consent = [f for f in findings if f.rule == "SP602"]
    assert consent and "Ben Smith" in consent[0].message and "school website" in consent[0].message
    with pytest.raises(actions.SubmitError):
        actions.submit(Post.objects.get(pk=post.pk), member(p, p.teacher), now=MONDAY_10AM)


def test_a_withdrawn_consent_blocks_the_next_post_that_tags_that_pupil(p: Personas) -> None:
    amy = pupil(p, "Amy", "Jones", social=True, website=True)
    teacher = member(p, p.teacher)
    first = draft(p)
    photo = photos.add_photo(first, teacher, jpeg_with_metadata(REAL / "grace_hopper.jpg"), "a.jpg")
    photos.update_photo(
        photo, teacher, alt_text="Building a volcano", who={0: str(amy.pk)}, blur=set(), hidden=[]
    )
    assert "SP602" not in rules_of(first)
    Pupil.objects.filter(pk=amy.pk).update(website_consent=False)  # the parents withdraw it
    second = draft(p, "More volcano pictures from Oak Class!")
    photo2 = photos.add_photo(second, teacher, jpeg_with_metadata(REAL / "grace_hopper.jpg"), "b.jpg")
    photos.update_photo(
        photo2, teacher, alt_text="Building a volcano", who={0: str(amy.pk)}, blur=set(), hidden=[]
    )
    assert "SP602" in rules_of(second)


def test_blurring_a_pupils_face_is_enough_for_a_pupil_without_consent(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    post, photo = grace
    ben = pupil(p, "Ben", "Smith", social=False, website=False)
    photos.update_photo(
        photo, member(p, p.teacher), alt_text="A volcano erupting", who={0: str(ben.pk)}, blur={0}, hidden=[]
    )
    assert "SP602" not in rules_of(post)
    photo.refresh_from_db()
    rendition = Image.open(io.BytesIO(renditions.rendition_bytes(photo)))
    assert verify_blurred(rendition) == []


def test_a_pupil_tagged_without_a_face_and_without_consent_blocks(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    post, photo = grace
    ben = pupil(p, "Ben", "Smith", social=False, website=False)
    photos.update_photo(
        photo,
        member(p, p.teacher),
        alt_text="A volcano erupting",
        who={0: "adult"},
        blur=set(),
        hidden=[ben.pk],
    )
    findings, _ = checking.photo_findings(Post.objects.get(pk=post.pk))
    assert any(f.rule == "SP602" and "no face" in f.message for f in findings)


def test_the_blur_policy_blurs_untagged_faces_by_itself(p: Personas, grace: tuple[Post, PostPhoto]) -> None:
    post, photo = grace
    set_photos_policy(p.school, without_consent='"blur"')
    photos.update_photo(
        photo, member(p, p.teacher), alt_text="A volcano erupting", who={0: "unknown"}, blur=set(), hidden=[]
    )
    photo.refresh_from_db()
    assert photo.faces[0]["blurred"] and photo.faces[0]["auto"]
    assert "SP603" not in rules_of(post)
    assert verify_blurred(Image.open(io.BytesIO(renditions.rendition_bytes(photo)))) == []


def test_a_school_that_allows_no_faces_blocks_until_every_face_is_blurred(db: None) -> None:
    p = make_personas(preset="no-names-no-faces", slug="nnf-photos")
    teacher = member(p, p.head)  # no class accounts at this school: the head posts for it
    post = actions.create_draft(teacher, p.main, "Our school garden is growing well.", now=MONDAY_10AM)
    photo = photos.add_photo(post, teacher, jpeg_with_metadata(REAL / "grace_hopper.jpg"), "garden.jpg")
    photos.update_photo(
        photo, teacher, alt_text="The vegetable beds", who={0: "unknown"}, blur=set(), hidden=[]
    )
    assert "SP601" in rules_of(post)
    photos.blur_all(PostPhoto.objects.get(pk=photo.pk), teacher)
    assert rules_of(post) == []
    photo.refresh_from_db()
    assert verify_blurred(Image.open(io.BytesIO(renditions.rendition_bytes(photo)))) == []


def test_blurring_every_face_of_a_class_photo_leaves_none_the_detector_can_find(p: Personas) -> None:
    post = draft(p)
    teacher = member(p, p.teacher)
    photo = photos.add_photo(post, teacher, (COMPOSITE / "web_1280x720.jpg").read_bytes(), "class.jpg")
    assert len(photo.faces) >= 15
    photos.blur_all(photo, teacher)
    photo.refresh_from_db()
    rendition = Image.open(io.BytesIO(renditions.rendition_bytes(photo)))
    left = verify_blurred(rendition)
    labels = LABELS["composite/web_1280x720.jpg"]["faces"]
    assert not any(
        x <= face.centre[0] <= x + w and y <= face.centre[1] <= y + h
        for face in left
        for x, y, w, h in labels
    )


def test_blur_all_on_a_real_photo_adds_no_face_over_the_chandelier_and_keeps_the_count(p: Personas) -> None:
    post = draft(p)
    teacher = member(p, p.teacher)
    photo = photos.add_photo(post, teacher, jpeg_with_metadata(REAL / "obama3.jpg"), "assembly.jpg")
    faces_before = [f["box"] for f in photo.faces]
    biggest = max(max(box[2:]) for box in faces_before)
    photos.blur_all(photo, teacher)
    photo.refresh_from_db()
    assert [f["box"] for f in photo.faces if not f.get("extra")] == faces_before
    assert all(f["blurred"] for f in photo.faces)
    for face in photo.faces:
        x, y, w, h = face["box"]
        assert max(w, h) <= 1.6 * biggest
        assert x >= 0 and y >= 0 and x + w <= photo.width and y + h <= photo.height
    (view,) = photo_views(post)
    assert len(view.faces) == len(faces_before)


def test_a_place_blurred_to_be_safe_stays_blurred_and_is_not_counted_as_a_face(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    post, photo = grace
    teacher = member(p, p.teacher)
    photo.faces = [
        *photo.faces,
        {"box": [20, 20, 60, 70], "score": 0.35, "adult": False, "blur": True, "extra": True},
    ]
    photo.save(update_fields=["faces"])
    photos.update_photo(
        photo, teacher, alt_text="A volcano erupting", who={0: "unknown"}, blur=set(), hidden=[]
    )
    photo.refresh_from_db()
    assert photo.faces[1]["blurred"] and not photo.faces[0]["blurred"]
    (view,) = photo_views(post)
    assert [face.number for face in view.faces] == [1] and view.extra_blurred == 1


@pytest.mark.parametrize(
    ("box", "number"),
    [((0, 0, 40, 50), 1), ((1260, 3, 20, 30), 12), ((600, 700, 40, 20), 3), ((-5, -8, 30, 30), 2)],
)
def test_a_face_number_is_drawn_inside_the_photo_wherever_the_face_is(
    box: tuple[float, float, float, float], number: int
) -> None:
    size = label_size(1280, 720)
    x, y = label_position(box, number, (1280, 720), size)
    assert x >= 0 and x + 0.62 * size * len(str(number)) <= 1280
    assert size <= y <= 720  # the text's baseline: the number stands above it


def test_names_beside_photos_of_pupils_are_blocked_under_sutton_manor(db: None) -> None:
    from apps.schools.actions import do_replace_roster
    from safepost.policy.roster import Pupil as RosterPupil
    from safepost.policy.roster import Roster

    p = make_personas(preset="sutton-manor", slug="sut-photos")
    do_replace_roster(
        p.school,
        Roster([RosterPupil(first_names=("Amelia",), surnames=("Jones",), class_name="Oak")]),
        actor=None,
    )
    teacher = member(p, p.teacher)
    post = actions.create_draft(teacher, p.main, "Well done Amelia for her science project!", now=MONDAY_10AM)
    report = actions.run_check(post, now=MONDAY_10AM)
    assert "pupil-name" not in report.categories()
    photos.add_photo(post, teacher, jpeg_with_metadata(REAL / "grace_hopper.jpg"), "p.jpg")
    report = actions.run_check(Post.objects.get(pk=post.pk), now=MONDAY_10AM)
    assert "pupil-name" in report.categories()


def test_an_unsuitable_photo_waits_for_a_senior_leader(p: Personas, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "_unsuitable_score", lambda image: 0.97)
    post = draft(p)
    photo = photos.add_photo(
        post, member(p, p.teacher), jpeg_with_metadata(REAL / "astronaut.png"), "swim.jpg"
    )
    assert "SP606" in rules_of(post)
    with pytest.raises(photos.PhotoProblem):
        photos.mark_suitable(photo, member(p, p.teacher))
    photos.mark_suitable(photo, member(p, p.head))
    assert "SP606" not in rules_of(post)
    assert AuditEntry.objects.filter(school=p.school, action="photo.reviewed").exists()


# --- bad files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("notes.jpg", b"Dear parents, the trip is on Friday.\n" * 20, "not a photo"),
        ("broken.jpg", (REAL / "grace_hopper.jpg").read_bytes()[:3000], "damaged"),
        ("empty.png", b"", "empty"),
        ("virus.heic", b"MZ\x90\x00" + b"\x00" * 400, "not a photo"),
    ],
)
def test_a_file_that_is_not_a_usable_photo_is_refused_and_leaves_nothing(
    p: Personas, name: str, data: bytes, words: str
) -> None:
    post = draft(p)
    client = p.client_for(p.teacher)
    response = client.post(
        f"/posts/{post.pk}/photos/", {"photos": SimpleUploadedFile(name, data, "image/jpeg")}, follow=True
    )
    page = response.content.decode()
    assert name in page and words in page.lower()
    assert PostPhoto.objects.count() == 0
    assert media_files() == []


def test_a_decompression_bomb_is_refused_before_decoding(p: Personas) -> None:
    out = io.BytesIO()
    Image.new("L", (12000, 12000)).save(out, "PNG")  # 144 megapixels of nothing: a few KB
    post = draft(p)
    with pytest.raises(photos.PhotoError) as caught:
        photos.add_photo(post, member(p, p.teacher), out.getvalue(), "huge.png")
    assert "megapixels" in str(caught.value) or "pixels" in str(caught.value)
    assert PostPhoto.objects.count() == 0 and media_files() == []


def test_a_fifth_photo_is_refused(p: Personas) -> None:
    post = draft(p)
    small = jpeg_with_metadata(REAL / "camera.png")
    for i in range(photos.MAX_PHOTOS):
        photos.add_photo(post, member(p, p.teacher), small, f"{i}.jpg")
    with pytest.raises(photos.PhotoProblem, match="at most 4"):
        photos.add_photo(post, member(p, p.teacher), small, "5.jpg")
    assert PostPhoto.objects.filter(post=post).count() == 4


def test_only_the_writer_changes_a_posts_photos(p: Personas, grace: tuple[Post, PostPhoto]) -> None:
    _, photo = grace
    with pytest.raises(photos.PhotoProblem):
        photos.update_photo(photo, member(p, p.head), alt_text="x" * 20, who={}, blur=set(), hidden=[])


# --- pages --------------------------------------------------------------------------------


def test_the_compose_page_takes_photos_and_opens_the_photo_panel(p: Personas) -> None:
    client = p.client_for(p.teacher)
    page = client.get("/posts/new/").content.decode()
    assert (
        'name="photos"' in page
        and 'enctype="multipart/form-data"' in page
        and 'hx-params="not photos"' in page
    )
    upload = SimpleUploadedFile("IMG_2041.jpg", jpeg_with_metadata(REAL / "grace_hopper.jpg"), "image/jpeg")
    response = client.post(
        "/posts/new/",
        {
            "account": p.oak.pk,
            "text": "Oak Class built a volcano!",
            "when": "asap",
            "action": "save",
            "photos": upload,
        },
    )
    post = Post.objects.get(text="Oak Class built a volcano!")
    assert response.status_code == 302 and response["Location"].endswith(f"/posts/{post.pk}/edit/#photos")
    panel = client.get(f"/posts/{post.pk}/edit/").content.decode()
    assert "Face 1 is" in panel and "Describe the photo" in panel and "Blur all faces" in panel
    assert "A face nobody has named" in panel  # the photo rule's finding is on the page
    image = client.get(f"/photos/{post.photos.get().pk}/image/")
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert b"PhoneMaker" not in image.content


def test_another_schools_head_cannot_see_or_change_a_photo(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    _, photo = grace
    client = p.client_for(p.outsider)
    assert client.get(f"/photos/{photo.pk}/image/").status_code == 404
    assert client.post(f"/photos/{photo.pk}/", {"action": "remove"}).status_code == 404
    assert PostPhoto.objects.filter(pk=photo.pk).exists()


def test_removing_a_photo_deletes_its_files(
    p: Personas, grace: tuple[Post, PostPhoto], django_capture_on_commit_callbacks: Any
) -> None:
    _, photo = grace
    assert media_files()
    with django_capture_on_commit_callbacks(execute=True):
        response = p.client_for(p.teacher).post(f"/photos/{photo.pk}/", {"action": "remove"})
    assert response.status_code == 302
    assert not PostPhoto.objects.filter(pk=photo.pk).exists()
    assert media_files() == []


# --- face matching (opt-in) -------------------------------------------------------------------


def test_face_matching_catches_a_pupil_without_consent_whom_the_writer_called_an_adult(p: Personas) -> None:
    from datetime import date

    from apps.schools.actions import enrol_face, set_consent, set_face_matching

    head = member(p, p.head)
    set_face_matching(p.school, True, head)
    barry = pupil(p, "Barry", "Oak", social=False, website=False)
    set_consent(
        barry, "face-matching", True, given_by="Mrs Oak (mother)", on=date(2026, 3, 1), note="", actor=p.head
    )
    enrol_face(Pupil.objects.get(pk=barry.pk), (REAL / "obama.jpg").read_bytes(), "reference.jpg", p.head)

    post = draft(p)
    teacher = member(p, p.teacher)
    photo = photos.add_photo(post, teacher, (REAL / "obama2.jpg").read_bytes(), "trip.jpg")
    assert photo.faces[0]["match"]["pupil"] == barry.pk
    assert PhotoTag.objects.get(photo=photo).suggested  # a suggestion, not a tag, until confirmed
    photos.update_photo(
        photo, teacher, alt_text="A visitor talks to Oak Class", who={0: "adult"}, blur=set(), hidden=[]
    )
    findings, _ = checking.photo_findings(Post.objects.get(pk=post.pk))
    assert any(f.rule == "SP602" and "Face matching recognised Barry Oak" in f.message for f in findings)
    page = p.client_for(p.teacher).get(f"/posts/{post.pk}/edit/").content.decode()
    assert "Face matching recognised Barry Oak" in page


def test_without_face_matching_switched_on_nobody_is_matched(p: Personas) -> None:
    post = draft(p)
    photo = photos.add_photo(post, member(p, p.teacher), (REAL / "obama2.jpg").read_bytes(), "trip.jpg")
    assert all("match" not in face for face in photo.faces)
    assert not PhotoTag.objects.filter(photo=photo).exists()


def test_marking_faces_as_adults_after_approval_sends_the_post_back_and_is_recorded(p: Personas) -> None:
    set_photos_policy(p.school, without_consent='"blur"')
    teacher = member(p, p.teacher)
    post = draft(p)
    photo = photos.add_photo(post, teacher, (COMPOSITE / "web_1280x720.jpg").read_bytes(), "class.jpg")
    photos.update_photo(photo, teacher, alt_text="Oak Class in the hall", who={}, blur=set(), hidden=[])
    photo.refresh_from_db()
    assert all(face["blurred"] for face in photo.faces)  # the policy blurs every untagged child
    Post.objects.filter(pk=post.pk).update(status=Post.Status.SCHEDULED)  # approved and waiting

    everyone_adult = {i: "adult" for i in range(len(photo.faces))}
    photos.update_photo(
        photo, teacher, alt_text="Oak Class in the hall", who=everyone_adult, blur=set(), hidden=[]
    )

    assert Post.objects.get(pk=post.pk).status == Post.Status.DRAFT  # it must be sent (and approved) again
    change = AuditEntry.objects.filter(school=p.school, action="photo.changed").latest("seq")
    assert change.data["new"]["adults"] and not change.data["new"]["blurred"]


@pytest.mark.parametrize("value", ["²", "١", "-1", "x"])
def test_odd_form_values_for_faces_are_refused_plainly(
    p: Personas, grace: tuple[Post, PostPhoto], value: str
) -> None:
    _, photo = grace
    response = p.client_for(p.teacher).post(
        f"/photos/{photo.pk}/",
        {"action": "save", "alt_text": "A volcano", "face-0": value, "blur": value},
        follow=True,
    )
    assert response.status_code == 200
    assert "Choose a pupil from the list" in response.content.decode()


def test_a_detection_that_is_not_a_face_can_be_marked_so_and_is_recorded(
    p: Personas, grace: tuple[Post, PostPhoto]
) -> None:
    post, photo = grace
    teacher = member(p, p.teacher)
    photos.update_photo(
        photo, teacher, alt_text="A poster on the wall", who={0: "not-a-face"}, blur=set(), hidden=[]
    )
    assert "SP603" not in rules_of(post)
    change = AuditEntry.objects.filter(school=p.school, action="photo.changed").latest("seq")
    assert change.data["new"]["not_faces"] == [0]
    page = p.client_for(p.teacher).get(f"/posts/{post.pk}/").content.decode()
    assert "1 marked by the writer as not a face" in page


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    p: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apps.posts import photo_views

    monkeypatch.setattr(photo_views, "MAX_BYTES", 2 * 1024 * 1024)
    post = draft(p)
    big = SimpleUploadedFile("IMG_9999.jpg", b"\xff\xd8\xff" + b"\x00" * (3 * 1024 * 1024), "image/jpeg")
    page = (
        p.client_for(p.teacher)
        .post(f"/posts/{post.pk}/photos/", {"photos": big}, follow=True)
        .content.decode()
    )
    assert "IMG_9999.jpg is 3 MB; photos can be at most 2 MB" in page
    assert PostPhoto.objects.count() == 0 and media_files() == []


def test_withdrawing_consent_holds_a_post_waiting_for_approval_but_not_one_where_the_face_is_blurred(
    p: Personas,
) -> None:
    amy = pupil(p, "Amy", "Jones", social=True, website=True)
    teacher = member(p, p.teacher)
    shown, blurred = draft(p), draft(p, "More volcano pictures from Oak Class!")
    for post, blur in ((shown, set()), (blurred, {0})):
        photo = photos.add_photo(post, teacher, jpeg_with_metadata(REAL / "grace_hopper.jpg"), "a.jpg")
        photos.update_photo(
            photo, teacher, alt_text="Building a volcano", who={0: str(amy.pk)}, blur=blur, hidden=[]
        )
    Post.objects.filter(pk__in=[shown.pk, blurred.pk]).update(status=Post.Status.PENDING)
    Pupil.objects.filter(pk=amy.pk).update(photo_consent=False, website_consent=False)

    held = actions.hold_for_withdrawn_consent(Pupil.objects.get(pk=amy.pk), "social media consent", p.office)

    assert [post.pk for post in held] == [shown.pk]
    shown.refresh_from_db()
    blurred.refresh_from_db()
    assert (
        shown.status == Post.Status.HELD
        and "Amy Jones's social media consent was withdrawn" in shown.held_reason
    )
    assert blurred.status == Post.Status.PENDING
    entry = AuditEntry.objects.get(action="post.held")
    assert entry.actor == p.office and entry.data["status"] == {"old": "pending", "new": "held"}


def test_withdrawing_consent_on_the_pupils_page_holds_the_waiting_post_that_shows_them(p: Personas) -> None:
    # The schools app announces the withdrawal (apps.schools.signals); posts holds the post.
    amy = pupil(p, "Amy", "Jones", social=True, website=False)
    shown = draft(p)
    photo = photos.add_photo(
        shown, member(p, p.teacher), jpeg_with_metadata(REAL / "grace_hopper.jpg"), "a.jpg"
    )
    photos.update_photo(
        photo,
        member(p, p.teacher),
        alt_text="Building a volcano",
        who={0: str(amy.pk)},
        blur=set(),
        hidden=[],
    )
    Post.objects.filter(pk=shown.pk).update(status=Post.Status.PENDING)
    data = {"form": "consent", "channel": "social", "value": "withdrawn", "given_by": "Mrs Jones (mother)"}
    response = p.client_for(p.office).post(
        reverse("schools:pupil_consent", args=[amy.pk]), {**data, "on": "2026-11-02", "note": ""}, follow=True
    )

    assert "1 post waiting to go out with Amy Jones in its photos is now held" in response.content.decode()
    shown.refresh_from_db()
    assert shown.status == Post.Status.HELD and "social media consent was withdrawn" in shown.held_reason

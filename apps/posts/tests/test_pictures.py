"""Pictures that may not be the school's (RAC-12, SUT-16): an agency or owner named in the photo
file, and pictures the school marked as licensed or as not its own, recognised resized."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from apps.audit.models import AuditEntry
from apps.posts import actions, checking, photos, pictures
from apps.posts.models import KnownPicture, Post
from apps.posts.tests.conftest import MONDAY_10AM, member
from apps.schools.testing import Personas, client_for

PICTURE = Path(settings.BASE_DIR) / "bench" / "faces" / "real"


def picture(copyright: str = "", xmp_credit: str = "", size: int = 900) -> bytes:
    """A real photo as a JPEG, optionally with an EXIF copyright or an XMP credit line."""
    source = sorted(PICTURE.iterdir())[0]
    image = Image.open(source).convert("RGB")
    image.thumbnail((size, size))
    exif = Image.Exif()
    if copyright:
        exif[0x8298] = copyright
    extra: dict[str, bytes] = {}
    if xmp_credit:
        extra["xmp"] = (
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
            f'photoshop:Credit="{xmp_credit}"/></rdf:RDF></x:xmpmeta>'
        ).encode()
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, **extra)
    return out.getvalue()


def post_with(p: Personas, data: bytes) -> Post:
    post = actions.create_draft(
        member(p, p.teacher), p.oak, "Our trip to the castle was wonderful.", now=MONDAY_10AM
    )
    photos.add_photo(post, member(p, p.teacher), data, "castle.jpg")
    return post


def copyright_findings(post: Post) -> list[str]:
    findings, _ = checking.photo_findings(post)
    return [f.message for f in findings if f.rule == "SP607"]


def test_a_stock_photo_is_warned_with_the_agency_the_file_names(p: Personas) -> None:
    post = post_with(p, picture(copyright="Copyright Getty Images / Jane Doe"))
    messages = copyright_findings(post)
    assert len(messages) == 1
    assert "Getty Images" in messages[0]
    stored = post.photos.get()
    assert stored.rights["rights"] == "Copyright Getty Images / Jane Doe"
    assert len(stored.phash) == 16


def test_an_owner_named_in_the_xmp_credit_is_warned_and_the_schools_own_photo_is_not(p: Personas) -> None:
    assert "Northern Echo" in copyright_findings(post_with(p, picture(xmp_credit="Northern Echo")))[0]
    assert copyright_findings(post_with(p, picture(copyright=f"© {p.school.name}"))) == []
    assert copyright_findings(post_with(p, picture())) == []


def test_a_picture_marked_licensed_is_not_warned_even_resized(p: Personas) -> None:
    pictures.add_known_picture(
        member(p, p.head),
        picture(size=1600),
        "logo.jpg",
        "licensed",
        "The museum's press photo (permission given)",
    )
    assert copyright_findings(post_with(p, picture(copyright="© Getty Images", size=700))) == []


def test_a_picture_marked_not_ours_is_recognised_and_named(p: Personas) -> None:
    client = client_for(p.head)
    upload = SimpleUploadedFile("paper.jpg", picture(size=1400), content_type="image/jpeg")
    response = client.post(
        reverse("posts:pictures"),
        {"picture": upload, "status": "not-ours", "label": "The newspaper's photo of our choir"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(school=p.school, action="picture.marked").exists()
    messages = copyright_findings(post_with(p, picture(size=800)))
    assert messages and "The newspaper's photo of our choir" in messages[0]


def test_only_senior_leaders_mark_pictures_and_bad_uploads_say_why(p: Personas) -> None:
    teacher = client_for(p.teacher)
    assert teacher.get(reverse("posts:pictures")).status_code == 200
    upload = SimpleUploadedFile("x.jpg", picture(), content_type="image/jpeg")
    teacher.post(reverse("posts:pictures"), {"picture": upload, "status": "licensed", "label": "Mine"})
    assert not KnownPicture.objects.exists()

    head = client_for(p.head)
    text = SimpleUploadedFile("notes.jpg", b"this is not a picture", content_type="image/jpeg")
    response = head.post(
        reverse("posts:pictures"), {"picture": text, "status": "licensed", "label": "x"}, follow=True
    )
    assert not KnownPicture.objects.exists()
    assert "notes.jpg" in response.content.decode()


def test_another_schools_picture_cannot_be_removed(p: Personas) -> None:
    other = KnownPicture.objects.create(
        school=p.other_school, phash="0" * 16, status="licensed", label="Theirs", added_by=p.outsider
    )
    assert client_for(p.head).post(reverse("posts:picture_forget", args=[other.pk])).status_code == 404
    assert KnownPicture.objects.filter(pk=other.pk).exists()

"""The photos of a post: upload on the compose page, then faces, tags, blurring and descriptions.

Staff only ever see the cleaned rendition (never the upload), through views scoped to their
school. Writes go through apps.posts.photos.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from apps.posts import photos
from apps.posts.access import may_edit, photos_for, posts_for
from apps.posts.checking import channels_for, photos_of
from apps.posts.models import Post, PostPhoto
from apps.posts.renditions import rendition_bytes
from apps.schools.models import Pupil
from apps.schools.scoping import SchoolRequest, school_member_required
from safepost.photos import MAX_BYTES, PhotoError
from safepost.photos.policy import CHANNELS, UnsuitableImage


@dataclass(frozen=True)
class FaceView:
    """One face as the photo panel shows it: where it is (in % of the photo) and who it is."""

    index: int
    number: int
    x: int
    y: int
    w: int
    h: int
    who: str
    blur: bool
    blurred: bool
    auto: bool
    suggestion: str = ""
    label_x: int = 0
    label_y: int = 0


@dataclass(frozen=True)
class PhotoView:
    photo: PostPhoto
    number: int
    faces: tuple[FaceView, ...]
    hidden: tuple[int, ...]
    tagged_names: tuple[str, ...]
    extra_blurred: int = 0
    """Places "Blur all faces" blurred to be safe that may not be faces (not counted as faces)."""

    @property
    def blurred_count(self) -> int:
        """How many of the faces are blurred in what will be published."""
        return sum(1 for face in self.faces if face.blurred)

    @property
    def not_faces(self) -> int:
        """How many the writer said are not faces at all (the detector was wrong)."""
        return sum(1 for face in self.faces if face.who == "not-a-face")

    @property
    def label_size(self) -> int:
        """Face numbers about 1/28 of the photo's long side, readable at any size it is shown."""
        return label_size(self.photo.width, self.photo.height)


def label_size(width: int, height: int) -> int:
    """The font size of the face numbers on a photo of ``width`` x ``height``."""
    return max(12, round(max(width, height) / 28))


def label_position(box: Sequence[float], number: int, size: tuple[int, int], label: int) -> tuple[int, int]:
    """Where a face's number goes (its text's left end and baseline): at the box's top left corner,
    moved in so that the whole number stays inside the photo."""
    width, height = size
    text_width = math.ceil(0.62 * label * len(str(number)))
    x = min(max(0, round(box[0])), max(0, width - text_width))
    y = min(max(label, round(box[1])), height)
    return x, y


def photo_views(post: Post) -> list[PhotoView]:
    """The post's photos with their faces placed for the overlay and who each face is."""
    views = []
    for number, photo in enumerate(photos_of(post), start=1):
        every = list(photo.tags.select_related("pupil"))
        tags = [t for t in every if not t.suggested]
        by_face = {t.face: str(t.pupil_id) for t in tags if t.face is not None}
        suggested = {t.face: t for t in every if t.suggested and t.face is not None}
        label = label_size(photo.width, photo.height)
        faces = tuple(
            FaceView(
                index=i,
                number=i + 1,
                x=round(face["box"][0]),
                y=round(face["box"][1]),
                w=round(face["box"][2]),
                h=round(face["box"][3]),
                who=by_face.get(i)
                or (
                    str(suggested[i].pupil_id)
                    if i in suggested
                    else (
                        "not-a-face" if face.get("not_face") else "adult" if face.get("adult") else "unknown"
                    )
                ),
                suggestion=(
                    f"{suggested[i].pupil.first_name} {suggested[i].pupil.surname}"
                    if i in suggested and i not in by_face
                    else ""
                ),
                blur=bool(face.get("blur")),
                blurred=bool(face.get("blurred")),
                auto=bool(face.get("auto")) and not face.get("blur"),
                label_x=label_position(face["box"], i + 1, (photo.width, photo.height), label)[0],
                label_y=label_position(face["box"], i + 1, (photo.width, photo.height), label)[1],
            )
            for i, face in enumerate(photo.faces)
            if not face.get("extra")
        )
        views.append(
            PhotoView(
                photo=photo,
                number=number,
                faces=faces,
                hidden=tuple(t.pupil_id for t in tags if t.face is None),
                tagged_names=tuple(f"{t.pupil.first_name} {t.pupil.surname}" for t in tags),
                extra_blurred=sum(1 for face in photo.faces if face.get("extra")),
            )
        )
    return views


def pupil_groups(post: Post) -> list[tuple[str, list[Pupil]]]:
    """The roster for the tag pickers: the account's own class first, then every other class."""
    pupils = list(
        Pupil.objects.filter(school_id=post.school_id, is_active=True).order_by(
            "class_name", "first_name", "surname"
        )
    )
    own = post.account.class_name
    groups: dict[str, list[Pupil]] = {}
    for pupil in pupils:
        groups.setdefault(pupil.class_name or "No class", []).append(pupil)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] != own, kv[0]))
    return ordered


def photo_context(post: Post) -> dict[str, Any]:
    """What the compose and detail pages need to show the photos."""
    channels = channels_for(post)
    return {
        "photo_views": photo_views(post),
        "pupil_groups": pupil_groups(post),
        "photo_channels": " and ".join(CHANNELS[c] for c in CHANNELS if c in channels),
        "max_photos": photos.MAX_PHOTOS,
        "max_photo_mb": MAX_BYTES // (1024 * 1024),
        "unsuitable_threshold": UnsuitableImage.threshold,
    }


#: Marks a message for the page's Photos section rather than the top of the page.
PHOTOS_MESSAGE = "photos"


def attach_uploads(post: Post, request: SchoolRequest, files: Sequence[UploadedFile]) -> list[str]:
    """Add each uploaded file to the post; a sentence for each one that could not be used."""
    problems = []
    for upload in files:
        name = upload.name or "photo"
        if upload.size is not None and upload.size > MAX_BYTES:
            problems.append(
                f"{name} is {upload.size // (1024 * 1024)} MB; photos can be at most "
                f"{MAX_BYTES // (1024 * 1024)} MB. Send a smaller copy (most phones offer one)."
            )
            continue
        try:
            photos.add_photo(post, request.membership, upload.read(), name)
        except PhotoError as exc:
            problems.append(str(exc) if name in str(exc) else f"{name}: {exc}")
        except photos.PhotoProblem as exc:
            problems.append(f"{name}: {exc.message}")
    return problems


def _photo_for(request: SchoolRequest, photo_id: int) -> PostPhoto:
    return get_object_or_404(
        photos_for(request.membership).select_related("post__account", "post__school"), pk=photo_id
    )


@require_GET
@school_member_required()
def image(request: SchoolRequest, photo_id: int) -> HttpResponse:
    """The photo's cleaned rendition, as it would be published (staff of the school only)."""
    photo = _photo_for(request, photo_id)
    if not photo.rendition:
        raise Http404("This photo was deleted, as the school's policy says.")
    response = HttpResponse(rendition_bytes(photo), content_type=photo.mime)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _who(request: SchoolRequest, photo: PostPhoto) -> dict[int, str]:
    return {i: request.POST.get(f"face-{i}", "unknown") for i in range(len(photo.faces))}


def _ints(values: Sequence[str]) -> list[int]:
    return [int(v) for v in values if v.isascii() and v.isdecimal()]


@require_POST
@school_member_required()
def change(request: SchoolRequest, photo_id: int) -> HttpResponse:
    """Save a photo's description, tags and blurring; blur every face; remove it; or, for a senior
    leader, mark a flagged photo as suitable."""
    photo = _photo_for(request, photo_id)
    post = photo.post
    action = request.POST.get("action", "save")
    back = reverse("posts:edit", args=[post.pk]) + f"#photo-{photo.pk}"
    if action == "suitable":
        try:
            photos.mark_suitable(photo, request.membership)
        except photos.PhotoProblem as exc:
            raise PermissionDenied(exc.message) from None
        messages.success(request, "Marked as suitable: the post can go on once everything else is right.")
        return redirect("posts:detail", pk=post.pk)
    if not may_edit(request.membership, post):
        raise PermissionDenied("Only the person who wrote this post can change its photos.")
    try:
        if action == "remove":
            photos.remove_photo(photo, request.membership)
            messages.success(request, "Photo removed from the post, and its files deleted.")
            return redirect(reverse("posts:edit", args=[post.pk]) + "#photos")
        if action == "blur-all":
            photos.blur_all(photo, request.membership)
            messages.success(request, "Every face in the photo is blurred. Check the result below.")
        else:
            photos.update_photo(
                photo,
                request.membership,
                alt_text=request.POST.get("alt_text", ""),
                who=_who(request, photo),
                blur=set(_ints(request.POST.getlist("blur"))),
                hidden=_ints(request.POST.getlist("hidden")),
            )
            messages.success(request, "Photo saved.")
    except photos.PhotoProblem as exc:
        messages.error(request, exc.message)
    return redirect(back)


@require_POST
@school_member_required()
def upload(request: SchoolRequest, pk: int) -> HttpResponse:
    """Add photos to a saved post (the photo panel's own upload button)."""
    post = get_object_or_404(posts_for(request.membership).select_related("account", "school"), pk=pk)
    if not may_edit(request.membership, post):
        raise PermissionDenied("Only the person who wrote this post can add photos to it.")
    files = request.FILES.getlist("photos")
    if not files:
        messages.error(request, "Choose one or more photos first.", extra_tags=PHOTOS_MESSAGE)
    for problem in attach_uploads(post, request, files):
        messages.error(request, problem, extra_tags=PHOTOS_MESSAGE)
    return redirect(reverse("posts:edit", args=[post.pk]) + "#photos")

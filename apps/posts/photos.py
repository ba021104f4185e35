"""Writes for photos on posts: upload and cleaning, faces and tags, blurring, removal, review.

An upload is opened by its content (:func:`safepost.photos.open_photo`), copied pixel by pixel
into a *working* copy with no metadata at most 2048 px on its long side, searched for faces and
scored by the unsuitable-image check. The *rendition* (:mod:`apps.posts.renditions`) is the
working copy with the chosen faces blurred; it is what staff preview and what is published. Every
change is recorded in the audit log in the same transaction; files written for a change that
fails are removed again. What the photo rules read lives in :mod:`apps.posts.checking`; what
happens to the files after publishing, in :mod:`apps.posts.retention`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image

from apps.audit.actions import record
from apps.posts.access import may_edit
from apps.posts.actions import TRANSITIONS, reopen
from apps.posts.models import PhotoTag, Post, PostPhoto
from apps.posts.renditions import WORKING_SIDE, WrittenFiles, open_stored, rerender
from apps.schools.consent import references_for
from apps.schools.models import Membership, Pupil, School
from safepost.photos import PhotoError, matching, nsfw, open_photo, render
from safepost.photos.faces import Face, detect_faces_for_publishing, second_look
from safepost.photos.images import clean_image
from safepost.photos.rights import perceptual_hash

log = logging.getLogger(__name__)

MAX_PHOTOS = 4
#: Photos can be changed while the post can be edited.
_EDITABLE = TRANSITIONS["edit"]


class PhotoProblem(Exception):
    """A photo change that cannot be made, with a sentence for the member of staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- analysis ----------------------------------------------------------------------------------


def _detect(image: Image.Image) -> list[dict[str, Any]]:
    """Every face that could be recognised in the published copy (at most ``WORKING_SIDE`` px)."""
    return [
        {"box": [round(v, 1) for v in face.box], "score": round(face.score, 3), "adult": False, "blur": False}
        for face in detect_faces_for_publishing(image, WORKING_SIDE)
    ]


def _match_faces(post: Post, image: Image.Image, faces: list[dict[str, Any]]) -> None:
    """Where the school uses face matching: note on each face the enrolled pupil it is, if any.

    Only pupils whose parents gave written consent for face matching are enrolled
    (:func:`apps.schools.consent.references_for` returns nobody else), so nobody else is matched.
    """
    school = School.objects.get(pk=post.school_id)
    stored = references_for(school)
    if not stored or not faces:
        return
    references = {pupil: [matching.Embedding.from_bytes(b) for b in refs] for pupil, refs in stored.items()}
    boxes = [Face(tuple(f["box"]), float(f["score"]), ()) for f in faces]
    try:
        found = matching.match(matching.embed(image, boxes), references)
    except (matching.MatchingError, matching.ModelError):
        log.warning("face matching failed for a photo of post %s", post.pk, exc_info=True)
        return
    for face, hit in zip(faces, found, strict=True):
        if hit is not None:
            face["match"] = {"pupil": hit.key, "distance": round(hit.distance, 3)}


def _unsuitable_score(image: Image.Image) -> float:
    """The unsuitable-image score."""
    return round(float(nsfw.unsuitable_score(image)), 4)


# --- writing -----------------------------------------------------------------------------------


def _require_editable(post: Post, membership: Membership) -> None:
    if not may_edit(membership, post):
        raise PhotoProblem("Only the person who wrote this post can change its photos.")
    if post.status not in _EDITABLE:
        raise PhotoProblem(
            f"This post is {post.get_status_display().lower()}, so its photos can't be changed now."
        )


def _lock_editable(post: Post, membership: Membership, photo: PostPhoto | None = None) -> Post:
    """Lock the post's row and check again that it can still be changed (inside a transaction).

    The first check runs before the slow face analysis; meanwhile the post may have been approved
    and started going out. Checked again under the lock, a photo never reaches a post that is
    publishing or published without the approval and the checks.
    """
    locked = Post.objects.select_for_update().get(pk=post.pk)
    _require_editable(locked, membership)
    if photo is not None and not PostPhoto.objects.filter(pk=photo.pk, post=locked).exists():
        raise PhotoProblem(
            "That photo was removed from the post meanwhile. Reload the page to see it as it is."
        )
    return locked


def add_photo(post: Post, membership: Membership, data: bytes, name: str) -> PostPhoto:
    """Clean, analyse and attach one uploaded photo (photo.added).

    Raises :class:`PhotoProblem` (or :class:`~safepost.photos.PhotoError`, which has a ``message``
    for staff) and leaves nothing behind, neither files nor rows, when the photo cannot be used.
    """
    _require_editable(post, membership)
    if post.photos.count() >= MAX_PHOTOS:
        raise PhotoProblem(f"A post can carry at most {MAX_PHOTOS} photos. Remove one to add another.")
    photo = open_photo(data, name)
    image = clean_image(photo, WORKING_SIDE)  # exactly the pixels that can be published
    working = render(image, WORKING_SIDE, quality=90)
    faces = _detect(image)
    _match_faces(post, image, faces)
    score = _unsuitable_score(image)
    fingerprint = perceptual_hash(image)
    written = WrittenFiles()
    try:
        with transaction.atomic():
            locked = _lock_editable(post, membership)
            if locked.photos.count() >= MAX_PHOTOS:
                raise PhotoProblem(
                    f"A post can carry at most {MAX_PHOTOS} photos. Remove one to add another."
                )
            last = locked.photos.order_by("-position").values_list("position", flat=True).first()
            position = 0 if last is None else last + 1
            item = PostPhoto(
                post=locked,
                position=position,
                original_name=(name or "photo")[-255:],
                original_sha256=hashlib.sha256(data).hexdigest(),
                original_bytes=len(data),
                width=working.width,
                height=working.height,
                mime=working.mime,
                faces=faces,
                removed_metadata=list(photo.removed),
                unsuitable_score=score,
                rights=photo.rights.as_dict(),
                phash=fingerprint,
                uploaded_by=membership.user,
            )
            item.original.name = written.save(item.original.field.generate_filename(item, "upload.bin"), data)
            item.working.name = written.save(
                item.working.field.generate_filename(item, "w.jpg"), working.data
            )
            item.save()
            for index, face in enumerate(faces):
                if face.get("match"):
                    PhotoTag.objects.get_or_create(
                        photo=item,
                        pupil_id=face["match"]["pupil"],
                        defaults={"face": index, "suggested": True, "tagged_by": membership.user},
                    )
            rerender(item, written, image=image, working_data=working.data)
            reopen(locked)
            record(
                post.school,
                membership.user,
                "photo.added",
                f"Photo added ({len(faces)} face{'s' if len(faces) != 1 else ''} found)",
                locked,
                {
                    "photo": item.pk,
                    "sha256": item.original_sha256,
                    "bytes": len(data),
                    "faces": len(faces),
                    "removed_metadata": list(photo.removed),
                    "unsuitable_score": score,
                },
            )
    except BaseException:
        written.discard()
        raise
    post.refresh_from_db()
    return item


def update_photo(
    photo: PostPhoto,
    membership: Membership,
    *,
    alt_text: str,
    who: dict[int, str],
    blur: set[int],
    hidden: Sequence[int],
) -> PostPhoto:
    """Save the writer's description, who each face is and which faces to blur (photo.changed).

    ``who`` maps a face index to ``"unknown"``, ``"adult"``, ``"not-a-face"`` (the detector was
    wrong: a pattern, a picture on the wall) or a pupil's id (as text); ``hidden``
    lists pupils in the photo whose faces were not found.
    """
    change = check_update_photo(photo, membership, alt_text=alt_text, who=who, blur=blur, hidden=hidden)
    return do_update_photo(photo, membership, change)


@dataclass(frozen=True)
class PhotoChange:
    """A checked change to a photo: its description, its faces and the pupils tagged (by face)."""

    alt_text: str
    faces: list[dict[str, Any]]
    blur: frozenset[int]
    tags: dict[int, int | None]


def check_update_photo(
    photo: PostPhoto,
    membership: Membership,
    *,
    alt_text: str,
    who: dict[int, str],
    blur: set[int],
    hidden: Sequence[int],
) -> PhotoChange:
    """Whether the member may make this change (through the access helpers) and whether it makes
    sense (faces still there, the school's own pupils, one pupil one face); raises
    :class:`PhotoProblem` saying what to do."""
    post = photo.post
    _require_editable(post, membership)
    alt_text = alt_text.strip()
    if "\x00" in alt_text:
        raise PhotoProblem("The description has a character that cannot be saved. Type it again.")
    if len(alt_text) > 1000:
        raise PhotoProblem("Keep the description under 1,000 characters: a sentence or two is enough.")
    pupils = {p.pk: p for p in Pupil.objects.filter(school_id=post.school_id)}
    wanted: dict[int, int | None] = {}
    faces = [dict(face) for face in photo.faces]
    for index, value in who.items():
        if not 0 <= index < len(faces):
            raise PhotoProblem("That face is no longer in the photo. Reload the page and try again.")
        faces[index]["adult"] = value == "adult"
        faces[index]["not_face"] = value == "not-a-face"
        if value not in ("unknown", "adult", "not-a-face", ""):
            if not (value.isascii() and value.isdecimal()) or int(value) not in pupils:
                raise PhotoProblem("Choose a pupil from the list for each face.")
            wanted[int(value)] = index
    for pupil_id in hidden:
        if pupil_id not in pupils:
            raise PhotoProblem("Choose pupils from the list.")
        wanted.setdefault(pupil_id, None)
    seen: dict[int, int] = {}
    for index, value in who.items():
        if value.isascii() and value.isdecimal():
            if int(value) in seen:
                name = pupils[int(value)]
                raise PhotoProblem(
                    f"{name} is chosen for face {seen[int(value)] + 1} and face {index + 1}: one pupil can "
                    "only be one face."
                )
            seen[int(value)] = index
    for i, face in enumerate(faces):
        # A place "Blur all faces" blurred to be safe has no picker: it stays blurred.
        face["blur"] = i in blur or bool(face.get("extra"))
    return PhotoChange(alt_text, faces, frozenset(blur), wanted)


def do_update_photo(photo: PostPhoto, membership: Membership, change: PhotoChange) -> PostPhoto:
    """Save a change :func:`check_update_photo` allowed, make the rendition again and, when anything
    changed, send the post back to being a draft (photo.changed).

    Locks the post's row and checks again that it can still be changed: the face analysis and the
    checks ran outside the lock, and the post may have been approved meanwhile.
    """
    post = photo.post
    alt_text, faces, blur, wanted = change.alt_text, change.faces, change.blur, change.tags
    written = WrittenFiles()
    try:
        with transaction.atomic():
            locked = _lock_editable(post, membership, photo)
            before = {
                "alt_text": photo.alt_text,
                "tags": sorted((t.pupil_id, t.face) for t in photo.tags.all() if not t.suggested),
                "blur": sorted(i for i, f in enumerate(photo.faces) if f.get("blur")),
                "adults": sorted(i for i, f in enumerate(photo.faces) if f.get("adult")),
                "not_faces": sorted(i for i, f in enumerate(photo.faces) if f.get("not_face")),
                "blurred": sorted(i for i, f in enumerate(photo.faces) if f.get("blurred")),
            }
            # Face-matching suggestions stay (they list the post under the pupil for take-downs)
            # until the writer confirms or replaces them.
            photo.tags.exclude(pupil_id__in=wanted).filter(suggested=False).delete()
            for pupil_id, face_index in wanted.items():
                PhotoTag.objects.update_or_create(
                    photo=photo,
                    pupil_id=pupil_id,
                    defaults={"face": face_index, "suggested": False, "tagged_by": membership.user},
                )
            photo.alt_text = alt_text
            photo.faces = faces
            photo.save(update_fields=["alt_text", "faces"])
            rerender(photo, written)
            after = {
                "alt_text": alt_text,
                "tags": sorted((t.pupil_id, t.face) for t in photo.tags.all() if not t.suggested),
                "blur": sorted(blur),
                "adults": sorted(i for i, f in enumerate(photo.faces) if f.get("adult")),
                "not_faces": sorted(i for i, f in enumerate(photo.faces) if f.get("not_face")),
                # What is actually blurred in the rendition: the policy's blurring can change with tags.
                "blurred": sorted(i for i, f in enumerate(photo.faces) if f.get("blurred")),
            }
            if before != after:
                reopen(locked)
                record(
                    post.school,
                    membership.user,
                    "photo.changed",
                    f"Photo {photo.position + 1} changed: "
                    + ", ".join(k.replace("_", " ") for k in before if before[k] != after[k]),
                    locked,
                    {"photo": photo.pk, "old": before, "new": after},
                )
    except BaseException:
        written.discard()
        raise
    return photo


def _who_of(face: dict[str, Any]) -> str:
    if face.get("not_face"):
        return "not-a-face"
    return "adult" if face.get("adult") else "unknown"


def blur_all(photo: PostPhoto, membership: Membership) -> PostPhoto:
    """Blur every face in the photo (the one-click fix for NNF-08).

    After blurring, the detector takes a second look at the result at a lower threshold
    (:func:`~safepost.photos.faces.second_look`). A place it finds is blurred too when it could
    plausibly be a face the first look missed (not much bigger than the faces found, not on a
    blur already made, inside the photo); it is stored as an ``extra`` region, always blurred and
    never counted or numbered as a face.
    """
    for attempt in range(3):
        photo.refresh_from_db()
        who = {i: _who_of(f) for i, f in enumerate(photo.faces)}
        confirmed = [t for t in photo.tags.all() if not t.suggested]
        for tag in confirmed:
            if tag.face is not None:
                who[tag.face] = str(tag.pupil_id)
        hidden = [t.pupil_id for t in confirmed if t.face is None]
        update_photo(
            photo,
            membership,
            alt_text=photo.alt_text,
            who=who,
            blur=set(range(len(photo.faces))),
            hidden=hidden,
        )
        photo.refresh_from_db()
        if attempt == 2:
            break  # the places added last time are blurred now; stop looking
        boxes = [Face(tuple(f["box"]), float(f["score"]), ()) for f in photo.faces]
        found = [box for box, f in zip(boxes, photo.faces, strict=True) if not f.get("extra")]
        extra = second_look(open_stored(photo.rendition), found, boxes, WORKING_SIDE)
        if not extra:
            break
        photo.faces = [
            *photo.faces,
            *(
                {
                    "box": [round(v, 1) for v in f.box],
                    "score": round(f.score, 3),
                    "adult": False,
                    "blur": True,
                    "extra": True,
                }
                for f in extra
            ),
        ]
        photo.save(update_fields=["faces"])
    return photo


def remove_photo(photo: PostPhoto, membership: Membership) -> None:
    """Take a photo off a post that has not gone out; its files are deleted (photo.removed)."""
    post = photo.post
    _require_editable(post, membership)
    names = [str(f.name) for f in (photo.original, photo.working, photo.rendition) if f]
    with transaction.atomic():
        locked = _lock_editable(post, membership, photo)
        number = photo.position + 1
        photo.delete()
        reopen(locked)
        record(
            post.school,
            membership.user,
            "photo.removed",
            f"Photo {number} removed",
            locked,
            {"files": len(names)},
        )
        transaction.on_commit(lambda: _delete_names(names))


def _delete_names(names: Sequence[str]) -> None:
    for name in names:
        default_storage.delete(name)


def mark_suitable(photo: PostPhoto, membership: Membership, *, now: datetime | None = None) -> PostPhoto:
    """A senior leader has looked at a photo the unsuitable-image check flagged (photo.reviewed)."""
    if not membership.is_senior:
        raise PhotoProblem("Only a headteacher or senior leader can decide that a flagged photo is suitable.")
    if photo.post.school_id != membership.school_id:
        raise PhotoProblem("That photo belongs to another school.")
    if membership.user_id in (photo.post.author_id, photo.uploaded_by_id):
        # A second pair of eyes: nobody clears their own flagged photo.
        raise PhotoProblem(
            "Someone else must look at a photo on your own post: ask the headteacher or another senior leader."
        )
    now = now or timezone.now()
    with transaction.atomic():
        photo.reviewed_by, photo.reviewed_at = membership.user, now
        photo.save(update_fields=["reviewed_by", "reviewed_at"])
        record(
            photo.post.school,
            membership.user,
            "photo.reviewed",
            f"Photo {photo.position + 1} looked at and marked suitable",
            photo.post,
            {"photo": photo.pk, "score": photo.unsuitable_score},
        )
    return photo


__all__ = [
    "MAX_PHOTOS",
    "PhotoError",
    "PhotoProblem",
    "add_photo",
    "blur_all",
    "mark_suitable",
    "remove_photo",
    "update_photo",
]

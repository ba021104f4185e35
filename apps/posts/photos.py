"""Photos on posts: upload and cleaning, faces and tags, blurring, the policy's checks, retention.

An upload is opened by its content (:func:`safepost.photos.open_photo`), copied pixel by pixel
into a *working* copy with no metadata at most 2048 px on its long side, searched for faces and
scored by the unsuitable-image check. The *rendition* is the working copy with the chosen faces
blurred; it is what staff preview and what is published. Every change is recorded in the audit
log in the same transaction; files written for a change that fails are removed again.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from apps.audit.actions import record
from apps.posts.models import KnownPicture, PhotoTag, Post, PostPhoto
from apps.schools.models import Membership, Pupil, School
from safepost.photos import PhotoError, open_photo, render, render_for
from safepost.photos.images import Preset, clean_image
from safepost.photos.policy import FaceInPhoto, PhotoFacts, PupilInPhoto, assess, auto_blurred
from safepost.photos.rights import SAME_PICTURE_BITS, Rights, hash_distance, perceptual_hash
from safepost.policy.findings import Finding

log = logging.getLogger(__name__)

MAX_PHOTOS = 4
WORKING_SIDE = 2048
Status = Post.Status
#: Photos can be changed while the post can be edited (see actions.TRANSITIONS["edit"]).
_EDITABLE = frozenset({Status.DRAFT, Status.PENDING, Status.CHANGES_REQUESTED, Status.HELD, Status.SCHEDULED})


class PhotoProblem(Exception):
    """A photo change that cannot be made, with a sentence for the member of staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- analysis ----------------------------------------------------------------------------------


def _detect(image: Image.Image) -> list[dict[str, Any]]:
    """Every face that could be recognised in the published copy (at most ``WORKING_SIDE`` px)."""
    from safepost.photos.faces import detect_faces_for_publishing

    return [
        {"box": [round(v, 1) for v in face.box], "score": round(face.score, 3), "adult": False, "blur": False}
        for face in detect_faces_for_publishing(image, WORKING_SIDE)
    ]


def _match_faces(post: Post, image: Image.Image, faces: list[dict[str, Any]]) -> None:
    """Where the school uses face matching: note on each face the enrolled pupil it is, if any.

    Only pupils whose parents gave written consent for face matching are enrolled
    (:func:`apps.schools.consent.references_for` returns nobody else), so nobody else is matched.
    """
    from apps.schools.consent import references_for

    school = School.objects.get(pk=post.school_id)
    stored = references_for(school)
    if not stored or not faces:
        return
    from safepost.photos import matching
    from safepost.photos.faces import Face

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


def _unsuitable_score(image: Image.Image) -> float | None:
    """The unsuitable-image score, or ``None`` when the classifier is not installed."""
    try:
        from safepost.photos import nsfw  # type: ignore[attr-defined,unused-ignore]
    except ImportError:  # pragma: no cover - the classifier ships with the project
        return None
    return round(float(nsfw.unsuitable_score(image)), 4)


def _open_stored(field: Any) -> Image.Image:
    with field.open("rb") as f:
        data = f.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# --- reading -----------------------------------------------------------------------------------


def channels_for(post: Post) -> set[str]:
    """Where the post goes, as consent is given: the website feed, and social media if connected."""
    from apps.publishing.targets import targets_for

    return channels_of(targets_for(post.account))


def channels_of(targets: Iterable[Any]) -> set[str]:
    """The consent channels of these publishing targets (the website; social media for the rest)."""
    kinds = {t.kind for t in targets}
    channels = {"website"} if "website" in kinds else set()
    if kinds - {"website"}:
        channels.add("social")
    return channels or {"website"}


def _pupil(pupil: Pupil) -> PupilInPhoto:
    return PupilInPhoto(
        f"{pupil.first_name} {pupil.surname}",
        {"social": pupil.photo_consent, "website": pupil.website_consent},
    )


def facts_for(photos: Sequence[PostPhoto]) -> list[PhotoFacts]:
    """What the photo rules need to know about each photo, numbered from 1.

    Only tags the writer made (or confirmed) say who a face is; a face-matching suggestion counts
    only to catch a pupil without consent (``FaceInPhoto.matched``).
    """
    facts = []
    known = _known_pictures(photos)
    for number, photo in enumerate(photos, start=1):
        tags = [t for t in photo.tags.all() if not t.suggested]  # prefetched by photos_of()
        by_face = {t.face: _pupil(t.pupil) for t in tags if t.face is not None}
        matched_ids = {i: f["match"]["pupil"] for i, f in enumerate(photo.faces) if f.get("match")}
        matched = (
            {p.pk: _pupil(p) for p in Pupil.objects.filter(pk__in=set(matched_ids.values()))}
            if matched_ids
            else {}
        )
        faces = tuple(
            FaceInPhoto(
                index=i,
                blurred=bool(face.get("blurred", face.get("blur"))),
                adult=bool(face.get("adult") or face.get("not_face")),
                pupil=by_face.get(i),
                matched=matched.get(matched_ids[i]) if i in matched_ids else None,
            )
            for i, face in enumerate(photo.faces)
        )
        facts.append(
            PhotoFacts(
                number=number,
                faces=faces,
                hidden_pupils=tuple(_pupil(t.pupil) for t in tags if t.face is None),
                alt_text=photo.alt_text,
                unsuitable_score=photo.unsuitable_score,
                reviewed=photo.reviewed_at is not None,
                rights_holder=Rights(**photo.rights).holder if photo.rights else "",
                agency=Rights(**photo.rights).agency if photo.rights else None,
                known=_known_match(photo.phash, known),
            )
        )
    return facts


def _known_pictures(photos: Sequence[PostPhoto]) -> list[tuple[str, str, str]]:
    """(hash, status, label) of the pictures the school marked, for the school of ``photos``."""
    if not photos:
        return []
    school_id = photos[0].post.school_id
    return list(KnownPicture.objects.filter(school_id=school_id).values_list("phash", "status", "label"))


def _known_match(phash: str, known: list[tuple[str, str, str]]) -> tuple[str, str] | None:
    """The closest known picture within :data:`SAME_PICTURE_BITS` (a "not ours" wins a tie)."""
    if not phash:
        return None
    close = [(hash_distance(phash, h), status != "not-ours", status, label) for h, status, label in known]
    close = [c for c in close if c[0] <= SAME_PICTURE_BITS]
    if not close:
        return None
    _, _, status, label = min(close)
    return status, label


def photos_of(post: Post) -> list[PostPhoto]:
    """The post's photos, in order."""
    if post.pk is None:
        return []
    return list(post.photos.prefetch_related("tags__pupil").order_by("position", "pk"))


def photo_findings(post: Post, channels: Iterable[str] | None = None) -> tuple[list[Finding], bool]:
    """The photo rules' findings for the post, and whether it carries photos of pupils (SUT-07)."""
    photos = photos_of(post)
    if not photos:
        return [], False
    facts = facts_for(photos)
    chosen = set(channels) if channels is not None else channels_for(post)
    return assess(facts, post.school.policy, chosen), any(f.shows_pupils for f in facts)


# --- writing -----------------------------------------------------------------------------------


def _require_editable(post: Post, membership: Membership) -> None:
    from apps.posts.access import may_edit

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


def _reopen(post: Post) -> None:
    """A photo change sends a post waiting for approval (or scheduled) back to being a draft."""
    if post.status in (Status.SCHEDULED, Status.HELD):
        from apps.publishing import actions as publishing

        publishing.cancel(post)
    if post.status in (Status.PENDING, Status.SCHEDULED):
        post.status = Status.DRAFT
    post.submitted_at = post.approved_at = post.scheduled_for = None
    post.approved_by = None
    post.last_check, post.checked_at = {}, None
    post.save()


class _Written:
    """Files saved during a change, removed again if the change does not commit."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def save(self, name: str, data: bytes) -> str:
        saved = default_storage.save(name, ContentFile(data))
        self.names.append(saved)
        return saved

    def discard(self) -> None:
        for name in self.names:
            try:
                default_storage.delete(name)
            except OSError:  # pragma: no cover - best effort; nothing refers to it
                log.warning("could not remove %s after a failed photo change", name)


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
    written = _Written()
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
            _rerender(item, written, image=image, working_data=working.data)
            _reopen(locked)
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


def _rerender(
    photo: PostPhoto,
    written: _Written | None = None,
    *,
    image: Image.Image | None = None,
    working_data: bytes | None = None,
) -> None:
    """Make the rendition again from the working copy: the chosen faces blurred, and the faces the
    policy blurs by itself (``photos.without_consent = "blur"``)."""
    from safepost.photos.faces import Face, blur_faces

    post = photo.post
    facts = facts_for([photo])[0]
    policy = School.objects.get(pk=post.school_id).policy  # the policy now, not when the post was read
    automatic = auto_blurred(facts, policy, channels_for(post))
    chosen = {i for i, face in enumerate(photo.faces) if face.get("blur")}
    blurred = chosen | automatic
    faces = [dict(face, blurred=i in blurred, auto=i in automatic) for i, face in enumerate(photo.faces)]
    if blurred:
        boxes = [
            Face(tuple(photo.faces[i]["box"]), float(photo.faces[i]["score"]), ()) for i in sorted(blurred)
        ]
        rendition = render(blur_faces(image or _open_stored(photo.working), boxes), WORKING_SIDE, quality=88)
        data, width, height, mime = rendition.data, rendition.width, rendition.height, rendition.mime
    else:  # nothing to blur: publish the clean working copy as it is
        if working_data is None:
            with photo.working.open("rb") as f:
                working_data = f.read()
        data, width, height, mime = working_data, photo.width, photo.height, photo.mime
    own = written or _Written()
    old = photo.rendition.name
    photo.rendition.name = own.save(photo.rendition.field.generate_filename(photo, "r.jpg"), data)
    photo.faces = faces
    photo.width, photo.height, photo.mime = width, height, mime
    photo.save(update_fields=["rendition", "faces", "width", "height", "mime"])
    if old and old != photo.rendition.name:
        transaction.on_commit(lambda: default_storage.delete(old))


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
    written = _Written()
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
            _rerender(photo, written)
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
                _reopen(locked)
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
    from safepost.photos.faces import Face, second_look

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
        extra = second_look(_open_stored(photo.rendition), found, boxes, WORKING_SIDE)
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
        _reopen(locked)
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


def refresh_renditions(post: Post) -> None:
    """Make the renditions again (before publishing: consent or targets may have changed)."""
    for photo in photos_of(post):
        if photo.working:
            with transaction.atomic():
                _rerender(photo)


# --- publishing and retention ------------------------------------------------------------------


def rendition_bytes(photo: PostPhoto) -> bytes:
    """The published rendition's bytes."""
    with photo.rendition.open("rb") as f:
        return f.read()


def media_for(post: Post, preset: str | Preset) -> list[tuple[bytes, str, str, int, int]]:
    """Each photo as ``(data, mime, alt_text, width, height)`` re-encoded for a platform preset
    (a platform's ``Platform.image``, or a name in :data:`safepost.photos.PRESETS`), from the cleaned rendition."""
    out = []
    for photo in photos_of(post):
        if not photo.rendition:
            continue
        image = _open_stored(photo.rendition)
        copy = render_for(image, preset)
        out.append((copy.data, copy.mime, photo.alt_text, copy.width, copy.height))
    return out


def _delete_files(photo: PostPhoto, fields: Sequence[str]) -> list[str]:
    gone = []
    for name in fields:
        field = getattr(photo, name)
        if field:
            try:
                default_storage.delete(field.name)
            except OSError as exc:
                raise PhotoProblem(f"Could not delete {field.name}: {exc.strerror}") from exc
            gone.append(field.name)
            setattr(photo, name, "")
    return gone


def discard_photos(post_id: int) -> int:
    """A deleted post's photos: every file is deleted (nothing of them is published any more), each
    deletion recorded (photo.files_deleted). Returns how many files were deleted."""
    post = Post.objects.select_related("school").get(pk=post_id)
    if post.status != Status.DELETED:
        return 0
    count = 0
    with_files = Q(original__gt="") | Q(working__gt="") | Q(rendition__gt="")
    for photo in post.photos.filter(with_files):
        try:
            with transaction.atomic():
                gone = _delete_files(photo, ["original", "working", "rendition"])
                now = timezone.now()
                photo.originals_deleted_at = photo.originals_deleted_at or now
                photo.rendition_deleted_at = photo.rendition_deleted_at or now
                photo.save(
                    update_fields=[
                        "original",
                        "working",
                        "rendition",
                        "originals_deleted_at",
                        "rendition_deleted_at",
                    ]
                )
                record(
                    post.school,
                    None,
                    "photo.files_deleted",
                    f"Photo {photo.position + 1}: its files were deleted with the post",
                    post,
                    {"photo": photo.pk, "files": gone},
                )
        except PhotoProblem as exc:
            log.error("photo %s of deleted post %s: %s", photo.pk, post.pk, exc.message)
            continue
        count += len(gone)
    return count


def delete_originals(post_id: int) -> int:
    """Once a post is published, delete its photos' originals and working copies (RAC-04).

    Only the cleaned, published rendition remains. Each deletion is recorded (photo.originals_deleted).
    With ``photos.delete_originals_after_publish = false`` the originals are kept (the working copy,
    which shows faces unblurred, is deleted all the same). Returns how many files were deleted.
    """
    post = Post.objects.select_related("school").get(pk=post_id)
    if post.status != Status.PUBLISHED:
        return 0
    keep_originals = not post.school.policy.photos.delete_originals_after_publish
    count = 0
    for photo in post.photos.filter(originals_deleted_at__isnull=True):
        fields = ["working"] if keep_originals else ["original", "working"]
        try:
            gone = _delete_and_record_originals(post, photo, fields, keep_originals)
        except PhotoProblem as exc:  # one stuck file must not stop the others, nor publishing
            log.error("photo %s of post %s: %s", photo.pk, post.pk, exc.message)
            continue
        count += len(gone)
    return count


def _delete_and_record_originals(
    post: Post, photo: PostPhoto, fields: list[str], keep_originals: bool
) -> list[str]:
    with transaction.atomic():
        gone = _delete_files(photo, fields)
        photo.originals_deleted_at = timezone.now()
        photo.save(update_fields=["original", "working", "originals_deleted_at"])
        record(
            post.school,
            None,
            "photo.originals_deleted",
            f"Photo {photo.position + 1}: the "
            + ("working copy was" if keep_originals else "original and the working copy were")
            + " deleted after publishing",
            post,
            {"photo": photo.pk, "files": gone, "sha256": photo.original_sha256},
        )
    return gone


def expire_renditions(now: datetime | None = None) -> int:
    """Delete published renditions older than the school's ``photos.keep_renditions_days`` (0 keeps
    them). The photo then no longer shows on the school's feed. Returns how many were deleted."""
    now = now or timezone.now()
    count = 0
    candidates = PostPhoto.objects.filter(
        rendition_deleted_at__isnull=True, post__status=Status.PUBLISHED, post__published_at__isnull=False
    ).select_related("post__school")
    for photo in candidates:
        days = photo.post.school.policy.photos.keep_renditions_days
        published = photo.post.published_at
        if days <= 0 or published is None or published > now - timedelta(days=days):
            continue
        try:
            _expire_one(photo, now, days)
        except PhotoProblem as exc:  # one stuck file must not stop the others, nor publishing
            log.error("photo %s: %s", photo.pk, exc.message)
            continue
        count += 1
    return count


def _expire_one(photo: PostPhoto, now: datetime, days: int) -> None:
    with transaction.atomic():
        gone = _delete_files(photo, ["rendition", "original", "working"])
        photo.rendition_deleted_at = now
        photo.save(update_fields=["rendition", "original", "working", "rendition_deleted_at"])
        record(
            photo.post.school,
            None,
            "photo.rendition_deleted",
            f"Photo {photo.position + 1} deleted: kept for {days} days after publishing, as the policy says",
            photo.post,
            {"photo": photo.pk, "files": gone, "days": days},
        )


def retention_sweep(now: datetime | None = None) -> int:
    """Catch up on retention: originals of published posts still on disk (a lost task), files of
    deleted posts, and renditions past the policy's keeping time. Run with every publishing sweep."""
    pending = (
        PostPhoto.objects.filter(post__status=Status.PUBLISHED, originals_deleted_at__isnull=True)
        .values_list("post_id", flat=True)
        .distinct()
    )
    deleted = sum(delete_originals(post_id) for post_id in list(pending))
    with_files = Q(original__gt="") | Q(working__gt="") | Q(rendition__gt="")
    discarded = (
        PostPhoto.objects.filter(with_files, post__status=Status.DELETED)
        .values_list("post_id", flat=True)
        .distinct()
    )
    deleted += sum(discard_photos(post_id) for post_id in list(discarded))
    return deleted + expire_renditions(now)


__all__ = [
    "MAX_PHOTOS",
    "PhotoError",
    "PhotoProblem",
    "add_photo",
    "blur_all",
    "channels_for",
    "channels_of",
    "delete_originals",
    "discard_photos",
    "expire_renditions",
    "facts_for",
    "mark_suitable",
    "media_for",
    "photo_findings",
    "photos_of",
    "refresh_renditions",
    "remove_photo",
    "retention_sweep",
    "update_photo",
]

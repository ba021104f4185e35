"""A photo's files: the rendition made from the working copy, reading stored files, and copies for
the platforms.

The *rendition* is the working copy with the chosen faces blurred (and the faces the policy blurs
by itself); it is what staff preview and what is published. Nothing here changes a post.
"""

from __future__ import annotations

import io
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.fields.files import FieldFile
from PIL import Image

from apps.posts.checking import channels_for, facts_for, photos_of
from apps.posts.models import Post, PostPhoto
from apps.schools.models import School
from safepost.photos import render, render_for
from safepost.photos.faces import Face, blur_faces
from safepost.photos.images import Preset
from safepost.photos.policy import auto_blurred

log = logging.getLogger(__name__)

#: The working copy and the rendition are at most this many pixels on their long side.
WORKING_SIDE = 2048


class WrittenFiles:
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


def open_stored(field: FieldFile) -> Image.Image:
    """A stored image file, read and decoded."""
    with field.open("rb") as f:
        data = f.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


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
        copy = render_for(open_stored(photo.rendition), preset)
        out.append((copy.data, copy.mime, photo.alt_text, copy.width, copy.height))
    return out


def rerender(
    photo: PostPhoto,
    written: WrittenFiles | None = None,
    *,
    image: Image.Image | None = None,
    working_data: bytes | None = None,
) -> None:
    """Make the rendition again from the working copy: the chosen faces blurred, and the faces the
    policy blurs by itself (``photos.without_consent = "blur"``)."""
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
        rendition = render(blur_faces(image or open_stored(photo.working), boxes), WORKING_SIDE, quality=88)
        data, width, height, mime = rendition.data, rendition.width, rendition.height, rendition.mime
    else:  # nothing to blur: publish the clean working copy as it is
        if working_data is None:
            with photo.working.open("rb") as f:
                working_data = f.read()
        data, width, height, mime = working_data, photo.width, photo.height, photo.mime
    own = written or WrittenFiles()
    old = photo.rendition.name
    photo.rendition.name = own.save(photo.rendition.field.generate_filename(photo, "r.jpg"), data)
    photo.faces = faces
    photo.width, photo.height, photo.mime = width, height, mime
    photo.save(update_fields=["rendition", "faces", "width", "height", "mime"])
    if old and old != photo.rendition.name:
        transaction.on_commit(lambda: default_storage.delete(old))


def refresh_renditions(post: Post) -> None:
    """Make the renditions again (before publishing: consent or targets may have changed)."""
    for photo in photos_of(post):
        if photo.working:
            with transaction.atomic():
                rerender(photo)

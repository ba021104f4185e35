"""Pictures the school has marked as licensed or as not its own (RAC-12, SUT-16): the writes.

Only a picture's perceptual hash is kept, never the picture, so the list can hold a newspaper's
photo the school must not reuse without keeping a copy of it.
"""

from __future__ import annotations

from django.db import transaction

from apps.audit.actions import record
from apps.posts.models import KnownPicture, PostPhoto
from apps.schools.models import Membership
from apps.schools.permissions import can_manage_school
from safepost.photos import PhotoError, open_photo
from safepost.photos.images import clean_image
from safepost.photos.rights import perceptual_hash

#: The hash is taken from a copy this size: enough for 32 x 32, cheap for a large upload.
_HASH_SIDE = 512


class PictureError(Exception):
    """A picture could not be marked; ``message`` says why, for staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _check_manager(membership: Membership) -> None:
    if not can_manage_school(membership):
        raise PictureError("Only the headteacher and senior leaders can mark pictures.")


def _check_details(status: str, label: str) -> str:
    if status not in KnownPicture.Status.values:
        raise PictureError("Choose whether the school may use the picture or not.")
    label = " ".join(label.split())[:200]
    if not label:
        raise PictureError('Say what the picture is, such as "The county football logo (licence to 2027)".')
    return label


def add_known_picture(
    membership: Membership, data: bytes, name: str, status: str, label: str
) -> KnownPicture:
    """Mark an uploaded picture as licensed or not the school's (picture.marked)."""
    _check_manager(membership)
    label = _check_details(status, label)
    try:
        photo = open_photo(data, name)
    except PhotoError as exc:
        raise PictureError(str(exc)) from None
    fingerprint = perceptual_hash(clean_image(photo, _HASH_SIDE))
    return _save(membership, fingerprint, status, label)


def mark_post_photo(membership: Membership, photo: PostPhoto, status: str, label: str) -> KnownPicture:
    """Mark the picture of a post's photo as licensed or not the school's (picture.marked)."""
    _check_manager(membership)
    if photo.post.school_id != membership.school_id:
        raise PictureError("That photo belongs to another school.")
    if not photo.phash:
        raise PictureError("This photo was uploaded before Safepost recognised pictures: upload it again.")
    return _save(membership, photo.phash, status, _check_details(status, label))


def _save(membership: Membership, fingerprint: str, status: str, label: str) -> KnownPicture:
    with transaction.atomic():
        picture = KnownPicture.objects.create(
            school=membership.school, phash=fingerprint, status=status, label=label, added_by=membership.user
        )
        record(
            membership.school,
            membership.user,
            "picture.marked",
            f"Picture “{label}” marked: {picture.get_status_display().lower()}",
            picture,
            {"status": status, "label": label, "phash": fingerprint},
        )
    return picture


def forget_known_picture(membership: Membership, picture: KnownPicture) -> None:
    """Take a picture off the school's list (picture.forgotten)."""
    _check_manager(membership)
    if picture.school_id != membership.school_id:
        raise PictureError("That picture belongs to another school.")
    with transaction.atomic():
        record(
            membership.school,
            membership.user,
            "picture.forgotten",
            f"Picture “{picture.label}” taken off the list",
            picture,
            {"status": picture.status, "label": picture.label},
        )
        picture.delete()

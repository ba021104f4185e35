"""SP603 unknown-face."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.photo_facts import FaceInPhoto, PhotoFacts, PupilInPhoto
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class UnknownFace(PhotoRule):
    """A face in a photo is not tagged, so nobody can say whether that child has consent.

    What it flags:
        A face that is not blurred, not tagged with a pupil and not marked as an adult, when the
        policy needs consent for photos. Safepost treats it as a child without consent.

    Why it matters:
        RAC-05, SUT-08, COU-08: consent is checked for every child shown, not only the ones the
        writer remembered to tag.

    Example:
        A photo with four faces, where the writer tagged three pupils.

    Use instead:
        Say who each face is (pick the pupil, or "an adult"), or blur the faces you can't name.
    """

    code = "SP603"
    name = "unknown-face"
    category = "photo-unknown-face"
    example = PhotoFacts(
        1,
        faces=(
            *(
                FaceInPhoto(i, pupil=PupilInPhoto(n, {"social": True}))
                for i, n in enumerate(("Amy", "Ben", "Cara"))
            ),
            FaceInPhoto(3),
        ),
    )
    instead = PhotoFacts(
        1,
        faces=(
            *(
                FaceInPhoto(i, pupil=PupilInPhoto(n, {"social": True}))
                for i, n in enumerate(("Amy", "Ben", "Cara"))
            ),
            FaceInPhoto(3, blurred=True),
        ),
    )

    def setting(self, policy: Policy) -> str:
        return "block" if policy.photos.consent_required else "allow"

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        unknown = [f for f in photo.children if f.pupil is None and not f.blurred]
        if not unknown:
            return
        labels = ", ".join(f.label for f in unknown)
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number}: {labels} {'is' if len(unknown) == 1 else 'are'} not tagged, so Safepost "
            "treats them as children whose parents may not have given consent.",
            'Say who each face is (the pupil, or "an adult"), or blur the faces you can\'t name.',
            "photos.consent_required = true",
            *(f.label for f in unknown),
        )

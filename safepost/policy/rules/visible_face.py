"""SP601 visible-face."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.photo_facts import FaceInPhoto, PhotoFacts
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class VisibleFace(PhotoRule):
    """A child's face can be seen in a photo, where the policy allows no faces.

    What it flags:
        A face the detector found that is not blurred, under `photos.faces = "blocked"`. Faces the
        writer marks as an adult's are not flagged.

    Why it matters:
        NNF-08: no photos of children's faces; hands or the back of the head are fine.

    Example:
        A class photo with the children looking at the camera.

    Use instead:
        Press "Blur all faces" (you see the result before sending), or choose a photo of hands at
        work or of the children from behind.
    """

    code = "SP601"
    name = "visible-face"
    category = "photo-face"
    example = PhotoFacts(1, faces=(FaceInPhoto(0), FaceInPhoto(1), FaceInPhoto(2)), alt_text="A class photo.")
    instead = PhotoFacts(
        1, faces=(FaceInPhoto(0, blurred=True), FaceInPhoto(1, blurred=True)), alt_text="Hands at work."
    )

    def setting(self, policy: Policy) -> str:
        return "block" if policy.photos.faces == "blocked" else "allow"

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        shown = [f for f in photo.children if not f.blurred]
        if not shown:
            return
        faces = ", ".join(f.label for f in shown)
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number} shows {len(shown)} face{'s' if len(shown) != 1 else ''} ({faces}); "
            "the school's policy allows no children's faces.",
            'Press "Blur all faces", or use a photo of hands at work or taken from behind.',
            'photos.faces = "blocked"',
            *(f.label for f in shown),
        )

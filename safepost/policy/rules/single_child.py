"""SP604 single-child."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.photo_facts import FaceInPhoto, PhotoFacts, PupilInPhoto
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class SingleChild(PhotoRule):
    """A photo whose subject is one child.

    What it flags:
        A photo in which exactly one child appears (one child's face, or one tagged pupil), under
        `photos.single_child = "warn"` or `"block"`.

    Why it matters:
        CAT-08: only photos of pupils working and learning in groups.

    Example:
        A close-up of one pupil holding a certificate.

    Use instead:
        A photo of the group at work, or of the certificate on its own.
    """

    code = "SP604"
    name = "single-child"
    category = "photo-single-child"
    default_severity = Severity.WARN
    example = PhotoFacts(1, faces=(FaceInPhoto(0, pupil=PupilInPhoto("Amy", {"social": True})),))
    instead = PhotoFacts(1, faces=tuple(FaceInPhoto(i) for i in range(5)))

    def setting(self, policy: Policy) -> str:
        return policy.photos.single_child

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        tagged = {f.pupil.name for f in photo.children if f.pupil} | {p.name for p in photo.hidden_pupils}
        untagged = sum(1 for f in photo.children if f.pupil is None)
        if len(tagged) + untagged != 1:
            return
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number} shows a single child; the school's policy asks for photos of pupils "
            "working and learning in groups.",
            "Choose a photo of the group at work, or of the work on its own.",
            f'photos.single_child = "{policy.photos.single_child}"',
        )

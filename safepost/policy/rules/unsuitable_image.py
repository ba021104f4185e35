"""SP606 unsuitable-image."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, ClassVar

from safepost.policy.findings import Finding
from safepost.policy.photo_facts import DEFAULT_UNSUITABLE_THRESHOLD, PhotoFacts
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class UnsuitableImage(PhotoRule):
    """An image the unsuitable-image check scores high, until a senior leader has looked at it.

    What it flags:
        A photo whose unsuitable-image score (a classifier that runs on the school's own server)
        is at or above the threshold, and that no senior leader has marked as suitable.

    Why it matters:
        RAC-12: unsuitable images are never posted; a person, not the classifier, decides.

    Example:
        A photo from a swimming gala.

    Use instead:
        Ask a senior leader to look at it; they can mark it as suitable, or choose another photo.
    """

    code = "SP606"
    name = "unsuitable-image"
    category = "photo-unsuitable"
    threshold: ClassVar[float] = DEFAULT_UNSUITABLE_THRESHOLD
    example = PhotoFacts(1, unsuitable_score=0.62)
    instead = PhotoFacts(1, unsuitable_score=0.62, reviewed=True)

    def setting(self, policy: Policy) -> str:
        return policy.photos.unsuitable_images

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        score = photo.unsuitable_score
        if score is None or score < self.threshold or photo.reviewed:
            return
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number} may be unsuitable to post (the image check scored it {score:.2f}). "
            "A senior leader must look at it before it can go out.",
            "Ask a senior leader to look at it, or choose another photo.",
            f"score {score:.2f} ≥ {self.threshold:.2f}",
        )

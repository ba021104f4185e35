"""What is known about a post's photos, as the photo rules read it.

Plain data, no image decoding: the web app fills it in from what the photo steps found (the faces,
who the writer tagged, which faces are blurred, the description, the unsuitable-image score, the
picture's rights) and the photo rules in :mod:`safepost.policy.rules` judge it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

#: Where a post can go, as consent is given: one is not consent for the other.
CHANNELS: dict[str, str] = {"website": "the school website", "social": "social media"}

#: An unsuitable-image score at or above this holds the photo for a senior leader; the same as
#: :data:`safepost.photos.nsfw.DEFAULT_REVIEW_THRESHOLD` (see there for how it was chosen), kept
#: here so checking a post's photos does not load the classifier.
DEFAULT_UNSUITABLE_THRESHOLD = 0.3


@dataclass(frozen=True)
class PupilInPhoto:
    """A pupil the writer tagged, with their consent per channel (``None``: not recorded)."""

    name: str
    consent: Mapping[str, bool | None] = field(default_factory=dict)

    def lacks(self, channels: Collection[str]) -> list[str]:
        """The channels among ``channels`` this pupil has no consent for, in a stable order."""
        return [c for c in CHANNELS if c in channels and self.consent.get(c) is not True]


@dataclass(frozen=True)
class FaceInPhoto:
    """One face the detector found. ``adult``: the writer says it is a grown-up (staff, a visitor)."""

    index: int
    blurred: bool = False
    adult: bool = False
    pupil: PupilInPhoto | None = None
    matched: PupilInPhoto | None = None
    """The enrolled pupil face matching recognised (opt-in), whatever the writer said."""

    @property
    def label(self) -> str:
        """How the page numbers the face ("face 2")."""
        return f"face {self.index + 1}"


@dataclass(frozen=True)
class PhotoFacts:
    """What is known about one photo of a post (``number`` counts from 1, as the page does)."""

    number: int
    faces: tuple[FaceInPhoto, ...] = ()
    hidden_pupils: tuple[PupilInPhoto, ...] = ()
    alt_text: str = ""
    unsuitable_score: float | None = None
    reviewed: bool = False
    rights_holder: str = ""
    """Who the uploaded file said owns the picture (its copyright, credit or source), if anyone."""
    agency: str | None = None
    """The stock or news agency the file named, if any."""
    known: tuple[str, str] | None = None
    """(status, label) of the school's known picture this one matches: ``licensed`` or ``not-ours``."""

    @property
    def children(self) -> tuple[FaceInPhoto, ...]:
        """Faces that are not marked as adults."""
        return tuple(f for f in self.faces if not f.adult)

    @property
    def shows_pupils(self) -> bool:
        """Whether the photo shows pupils: a child's face, or a tagged pupil."""
        return bool(self.children or self.hidden_pupils)

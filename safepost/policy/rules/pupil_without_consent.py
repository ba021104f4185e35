"""SP602 pupil-without-consent."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.photo_facts import CHANNELS, FaceInPhoto, PhotoFacts, PupilInPhoto
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class PupilWithoutConsent(PhotoRule):
    """A tagged pupil has no photo consent for where the post goes.

    What it flags:
        A pupil tagged in a photo whose consent is not recorded as given for a place the post
        goes (the school website, social media: consent for one is not consent for the other),
        when their face is not blurred or they appear without a face that could be blurred.
        Consent that is unknown counts as not given. Where the school uses face matching, a face
        it recognises as such a pupil is flagged too, whatever the writer tagged.

    Why it matters:
        RAC-05: no photos of children without prior parental permission. SUT-08: photographic
        consent for all pupils. COU-08: photos exclude students without permission.

    Example:
        A photo of three pupils, one of whom has no social media consent, going to X.

    Use instead:
        Blur that pupil's face, or choose a photo without them.
    """

    code = "SP602"
    name = "pupil-without-consent"
    category = "photo-consent"
    example = PhotoFacts(
        1,
        faces=(
            FaceInPhoto(0, pupil=PupilInPhoto("Amy", {"social": True, "website": True})),
            FaceInPhoto(1, pupil=PupilInPhoto("Ben", {"social": True})),
            FaceInPhoto(2, pupil=PupilInPhoto("Cara", {"website": True})),
        ),
    )
    instead = PhotoFacts(
        1,
        faces=(
            FaceInPhoto(0, pupil=PupilInPhoto("Amy", {"social": True, "website": True})),
            FaceInPhoto(1, pupil=PupilInPhoto("Ben", {"social": True})),
            FaceInPhoto(2, blurred=True, pupil=PupilInPhoto("Cara", {"website": True})),
        ),
    )

    def setting(self, policy: Policy) -> str:
        return "block" if policy.photos.consent_required else "allow"

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        for face in photo.faces:
            # Face matching catches a pupil without consent whom the writer did not tag (or tagged
            # as someone else, or as an adult).
            matched = face.matched
            if (
                matched is None
                or face.blurred
                or (face.pupil is not None and face.pupil.name == matched.name)
            ):
                continue
            missing = matched.lacks(channels)
            if missing:
                yield self.make(
                    policy,
                    photo,
                    f"Face matching recognised {matched.name} as {face.label} in photo {photo.number}, and "
                    f"{matched.name} has no consent for photos on {_where(missing)}, where this post goes.",
                    f"Blur {face.label}, or choose a photo without {matched.name}. If it is not them, ask a "
                    "senior leader: face matching can be wrong.",
                    "face matching",
                    face.label,
                    *(f"no {c} consent" for c in missing),
                )
        for face in photo.children:
            if face.pupil is None or face.blurred:
                continue
            missing = face.pupil.lacks(channels)
            if missing:
                yield self.make(
                    policy,
                    photo,
                    f"{face.pupil.name} ({face.label} in photo {photo.number}) has no consent for "
                    f"photos on {_where(missing)}, where this post goes.",
                    f"Blur {face.label}, or choose a photo without {face.pupil.name}.",
                    f'photos.without_consent = "{policy.photos.without_consent}"',
                    face.label,
                    *(f"no {c} consent" for c in missing),
                )
        for pupil in photo.hidden_pupils:
            missing = pupil.lacks(channels)
            if missing:
                yield self.make(
                    policy,
                    photo,
                    f"{pupil.name} is tagged in photo {photo.number} but has no consent for photos on "
                    f"{_where(missing)}, and there is no face of theirs that Safepost could blur.",
                    f"Remove photo {photo.number}, or choose one without {pupil.name}.",
                    "tagged without a face",
                    *(f"no {c} consent" for c in missing),
                )


def _where(channels: Collection[str]) -> str:
    return " and ".join(CHANNELS[c] for c in CHANNELS if c in channels) or "nowhere yet"

"""What a school's policy says about the photos on a post.

Plain Python, no Django and no image decoding: the app tells it what is known about each photo
(the faces found, who the writer tagged, which faces are blurred, the description, the
unsuitable-image score) and where the post goes; it answers with findings in the same shape as
the text checker's, so the compose page shows both together, and with the faces the policy
blurs by itself (``photos.without_consent = "blur"``).

The photo rules have codes SP6xx and the same docstring sections as the text rules. They are not
part of ``safepost check``'s public contract (that takes text), so their categories are their own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from safepost.policy.config import Policy
from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import DOC_SECTIONS, Rule

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


def auto_blurred(photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> set[int]:
    """The faces the policy blurs by itself: with ``without_consent = "blur"``, every child face that
    is untagged or belongs to a pupil without consent for one of ``channels``."""
    photos = policy.photos
    if not photos.consent_required or photos.without_consent != "blur":
        return set()
    return {
        face.index
        for face in photo.faces
        if (not face.adult and (face.pupil is None or face.pupil.lacks(channels)))
        or (face.matched is not None and face.matched.lacks(channels))
    }


def _where(channels: Collection[str]) -> str:
    return " and ".join(CHANNELS[c] for c in CHANNELS if c in channels) or "nowhere yet"


class PhotoRule(Rule, ABC):
    """A rule about a post's photos (see the module docstring)."""

    @abstractmethod
    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        """Yield findings for one photo."""

    def make(self, policy: Policy, photo: PhotoFacts, message: str, suggestion: str, *trace: str) -> Finding:
        """A finding about ``photo`` (photos have no span of text: start and end are 0)."""
        severity = self.severity(policy) or self.default_severity
        return Finding(
            self.code,
            self.name,
            self.category,
            severity,
            message,
            0,
            0,
            suggestion,
            (f"photo {photo.number}", *trace),
        )


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


class MissingAltText(PhotoRule):
    """A photo has no description for people who cannot see it.

    What it flags:
        A photo whose description (alt text) is empty or only a few characters long.

    Why it matters:
        Parents who use screen readers hear the description instead of seeing the photo; every
        platform Safepost posts to takes one. SUT-05: posts are written with care.

    Example:
        A photo of a class science experiment with no description.

    Use instead:
        Describe what the photo shows in a sentence, without pupils' names: "Children in Year 3
        measuring how far their paper planes flew."
    """

    code = "SP605"
    name = "missing-alt-text"
    category = "photo-alt-text"

    def setting(self, policy: Policy) -> str:
        return "block"

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        text = photo.alt_text.strip()
        if len(text) >= 8:
            return
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number} needs a description for parents who use screen readers"
            + (f' ("{text}" is too short).' if text else "."),
            "Describe what it shows in a sentence, without pupils' names: \"Year 3 measuring how far "
            'their paper planes flew."',
            "alt text",
        )


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


class NotTheSchoolsPicture(PhotoRule):
    """A picture that may not be the school's to post.

    What it flags:
        A photo whose file names a stock or news agency (Getty Images, Shutterstock, Alamy, PA,
        Reuters and others) or another owner in its copyright, credit or source details (read on
        upload, before they are removed), or that looks the same as a picture the school marked as
        not its own. A picture the school marked as licensed is not flagged. Safepost reads the
        file's details and compares pictures; it does not read a watermark drawn into a picture.

    Why it matters:
        RAC-12 and SUT-16: the school respects copyright. A stock or press photo posted without a
        licence can cost the school a fee, and pictures of other people's work need their permission.

    Example:
        A photo whose details say "© Getty Images", going to X.

    Use instead:
        Use the school's own photo, or mark the picture as licensed on the Pictures page when the
        school has a licence for it, and credit its owner in the post.
    """

    code = "SP607"
    name = "not-the-schools-picture"
    category = "photo-copyright"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return policy.photos.copyright

    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        status, label = photo.known or ("", "")
        if status == "licensed":
            return
        if status == "not-ours":
            why = f"it looks the same as “{label}”, which the school marked as not its own to use"
        elif photo.agency:
            why = f"its details say it comes from {photo.agency} (“{photo.rights_holder}”), which licenses its pictures"
        elif photo.rights_holder and not _names_school(photo.rights_holder, policy):
            why = f"its details say it belongs to “{photo.rights_holder}”"
        else:
            return
        yield self.make(
            policy,
            photo,
            f"Photo {photo.number} may not be the school's to post: {why}.",
            "Use the school's own photo, or, if the school has a licence or permission, mark the picture "
            "as licensed on the Pictures page and credit its owner in the post.",
            f"photos.copyright = {policy.photos.copyright}",
        )


def _names_school(holder: str, policy: Policy) -> bool:
    """The rights holder is the school itself (its name, or the words of its name)."""
    name = " ".join(policy.school.name.casefold().split())
    holder = " ".join(holder.casefold().replace("©", " ").split())
    return bool(name) and (name in holder or (len(holder) >= 6 and holder in name))


PHOTO_RULES: tuple[PhotoRule, ...] = (
    VisibleFace(),
    PupilWithoutConsent(),
    UnknownFace(),
    SingleChild(),
    MissingAltText(),
    UnsuitableImage(),
    NotTheSchoolsPicture(),
)


def assess(photos: Sequence[PhotoFacts], policy: Policy, channels: Collection[str]) -> list[Finding]:
    """Every finding about ``photos`` for a post going to ``channels`` (keys of :data:`CHANNELS`)."""
    findings: list[Finding] = []
    for photo in photos:
        for rule in PHOTO_RULES:
            if rule.severity(policy) is not None:
                findings.extend(rule.check_photo(photo, policy, channels))
    return findings


__all__ = [
    "CHANNELS",
    "DEFAULT_UNSUITABLE_THRESHOLD",
    "DOC_SECTIONS",
    "PHOTO_RULES",
    "FaceInPhoto",
    "PhotoFacts",
    "PhotoRule",
    "PupilInPhoto",
    "assess",
    "auto_blurred",
]

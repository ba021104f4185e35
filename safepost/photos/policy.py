"""What a school's policy says about the photos on a post.

Plain Python, no Django and no image decoding: the app tells it what is known about each photo
(:class:`~safepost.policy.photo_facts.PhotoFacts`: the faces found, who the writer tagged, which
faces are blurred, the description, the unsuitable-image score) and where the post goes; it
answers with findings in the same shape as the text checker's, so the compose page shows both
together, and with the faces the policy blurs by itself (``photos.without_consent = "blur"``).

The photo rules (SP6xx) live beside the text rules, one module each in
:mod:`safepost.policy.rules`, in the one registry (:func:`safepost.policy.registry.photo_rules`);
a policy file sets them under ``[rules.SP601]`` as any other rule.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from safepost.policy.config import Policy
from safepost.policy.findings import Finding
from safepost.policy.photo_facts import (
    CHANNELS,
    DEFAULT_UNSUITABLE_THRESHOLD,
    FaceInPhoto,
    PhotoFacts,
    PupilInPhoto,
)
from safepost.policy.registry import photo_rules
from safepost.policy.rules.base import PhotoRule
from safepost.policy.rules.unsuitable_image import UnsuitableImage


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


def assess(photos: Sequence[PhotoFacts], policy: Policy, channels: Collection[str]) -> list[Finding]:
    """Every finding about ``photos`` for a post going to ``channels`` (keys of :data:`CHANNELS`)."""
    rules = [rule for rule in photo_rules() if rule.severity(policy) is not None]
    findings: list[Finding] = []
    for photo in photos:
        for rule in rules:
            findings.extend(rule.check_photo(photo, policy, channels))
    return findings


__all__ = [
    "CHANNELS",
    "DEFAULT_UNSUITABLE_THRESHOLD",
    "FaceInPhoto",
    "PhotoFacts",
    "PhotoRule",
    "PupilInPhoto",
    "UnsuitableImage",
    "assess",
    "auto_blurred",
]

"""SP605 missing-alt-text."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.photo_facts import PhotoFacts
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


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
    example = PhotoFacts(1, alt_text="")
    instead = PhotoFacts(1, alt_text="Children in Year 3 measuring how far their paper planes flew.")

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

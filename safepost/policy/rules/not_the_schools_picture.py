"""SP607 not-the-schools-picture."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.photo_facts import PhotoFacts
from safepost.policy.rules.base import PhotoRule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


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
    example = PhotoFacts(1, rights_holder="© Getty Images", agency="Getty Images")
    instead = PhotoFacts(1)

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

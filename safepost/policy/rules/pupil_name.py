"""SP102 pupil-name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule

# A caption that says the post carries a photo: "Pictured: Kai ...", "(pictured)", "in the photo".
_SAYS_PICTURED = re.compile(
    r"\bpictured\s*(?::|-|–|\(|(?:here|above|below|left|right)\b)|\(pictured\b|\bin\s+the\s+(?:photo|picture)s?\b",
    re.IGNORECASE,
)

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class PupilName(Rule):
    """A pupil's name where the policy allows none, or beside photos of pupils.

    What it flags:
        Any child's name, first name alone included, when the policy allows no
        pupil names (`pupils.names = "none"`), or when the post carries photos
        of pupils and the policy forbids names beside pictures
        (`pupils.names = "not-with-photos"`). A name counts when it is on the
        roster or the wording makes a child the subject; adults with titles,
        classes (Oak Class) and ordinary words (Amazing Grace) do not.

    Why it matters:
        NNF-07: the account "will not use any children's names". SUT-07: "no
        names of pupils will be used alongside any pictures of pupils", so a
        face can never be matched to a name.

    Example:
        Well done Ravi for getting full marks in the Maple Class spelling test!

    Use instead:
        Well done to Maple Class for some brilliant spelling test results!
    """

    code = "SP102"
    name = "pupil-name"
    category = "pupil-name"

    def setting(self, policy: Policy) -> str:
        return "block" if policy.pupils.names in ("none", "not-with-photos") else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        names = ctx.policy.pupils.names
        with_photos = ctx.post.pupil_photos or bool(ctx.post.media)
        # "Pictured: Kai from Kestrel Class with his certificate": the post says it carries a photo
        says_pictured = _SAYS_PICTURED.search(ctx.text.text) is not None
        if names == "not-with-photos" and not (with_photos or says_pictured):
            return
        for m in ctx.people.pupils:
            shown = ctx.text.original_slice(m.nstart, m.nend)
            reason = (
                "the policy allows no pupil names"
                if names == "none"
                else "this post has photos of pupils, and the policy allows no names beside them"
                if with_photos
                else 'the post says it has a photo ("pictured"), and the policy allows no names beside photos'
                " of pupils"
            )
            yield self.finding(
                ctx,
                m.nstart,
                m.nend,
                f'"{shown}" names a pupil; {reason}.',
                suggestion='Refer to the class or year group instead ("Year 4", "Oak Class")'
                + (", or post the photos without any names." if names == "not-with-photos" else "."),
                trace=(f'pupils.names = "{names}"', *m.reasons),
            )

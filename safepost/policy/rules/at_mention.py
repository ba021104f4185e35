"""SP401 at-mention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")


def handle_as_words(handle: str) -> str:
    """``@LivMuseums`` as plain words: ``Liv Museums``."""
    return " ".join(_CAMEL.findall(handle.lstrip("@").replace("_", " ")))


class AtMention(Rule):
    """An @handle of another account in the post.

    What it flags:
        Every @mention of another account, where the policy says mentions are to
        be avoided (`writing.mentions = "avoid"`). The school's own handle is
        not flagged; e-mail addresses are not mentions.

    Why it matters:
        CAT-12: "the use of the @twittername of others is to be avoided", for
        example "excited about @twittername speaking to us". A mention notifies
        that account and draws its followers into the school's feed.

    Example:
        So excited about @JoBrookesWrites speaking to Years 3 and 4 this afternoon!

    Use instead:
        So excited about our visiting author speaking to Years 3 and 4 this afternoon!
    """

    code = "SP401"
    name = "at-mention"
    category = "mention"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if policy.writing.mentions == "avoid" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        own = ctx.policy.school.handle.lstrip("@").casefold()
        for start, end, handle in ctx.text.mentions:
            if own and handle.lstrip("@").casefold() == own:
                continue
            words = handle_as_words(handle)
            yield self.finding(
                ctx,
                start,
                end,
                f"{handle} mentions another account; the policy asks staff to avoid @mentions of others.",
                suggestion=f'Name them without the @, e.g. "{words}".',
                trace=('writing.mentions = "avoid"', f"handle {handle}"),
            )

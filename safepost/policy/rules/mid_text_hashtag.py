"""SP405 mid-text-hashtag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")
_TRAILER_JUNK = re.compile(r"[\s\W]*", re.UNICODE)


def trailing_block_start(text: str, hashtags: list[tuple[int, int, str]]) -> int:
    """Where the closing run of hashtags begins (hashtags, spaces, punctuation, emoji)."""
    pos = len(text)
    for start, end, _tag in reversed(hashtags):
        between = text[end:pos]
        if _TRAILER_JUNK.fullmatch(between):
            pos = start
        else:
            break
    return pos


class MidTextHashtag(Rule):
    """A hashtag in the middle of the text.

    What it flags:
        Hashtags that are not in the closing run of hashtags at the end of the
        post, where the policy wants hashtags at the end
        (`writing.hashtags = "end-only"`).

    Why it matters:
        SUT-06: "Hashtags may be added to the end of tweets". A hashtag in the
        middle of a sentence is harder to read, and screen readers spell it out.

    Example:
        Year 5 loved their #ForestSchool session this morning, building dens.

    Use instead:
        Year 5 loved their Forest School session this morning, building dens. #ForestSchool
    """

    code = "SP405"
    name = "mid-text-hashtag"
    category = "hashtag-placement"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if policy.writing.hashtags == "end-only" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text.text
        hashtags = ctx.text.hashtags
        closing = trailing_block_start(text, hashtags)
        misplaced = [h for h in hashtags if h[0] < closing]
        if not misplaced:
            return
        rewrite = text
        for start, end, tag in reversed(misplaced):
            rewrite = rewrite[:start] + " ".join(_CAMEL.findall(tag)) + rewrite[end:]
        tail = " ".join(f"#{tag}" for _s, _e, tag in misplaced)
        rewrite = f"{rewrite.rstrip()} {tail}"
        for start, end, tag in misplaced:
            yield self.finding(
                ctx,
                start,
                end,
                f"#{tag} is in the middle of the text; the policy puts hashtags at the end.",
                suggestion=rewrite,
                trace=('writing.hashtags = "end-only"',),
            )

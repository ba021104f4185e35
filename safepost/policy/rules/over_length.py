"""SP404 over-length."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
URL_LENGTH = 23  # X and Mastodon count every link as 23 characters


def post_length(text: str) -> int:
    """Characters as the platforms count them: links count 23, accents are one."""
    text = unicodedata.normalize("NFC", text.strip())
    length = 0
    last = 0
    for m in _URL.finditer(text):
        length += len(text[last : m.start()]) + URL_LENGTH
        last = m.end()
    return length + len(text[last:])


class OverLength(Rule):
    """A post longer than the policy's length limit.

    What it flags:
        Posts with more characters than `writing.max_length` (280 by default,
        240 for Sutton Manor). Links count as 23 characters, as X and Mastodon
        count them; the part past the limit is marked.

    Why it matters:
        SUT-01 asks for posts of 240 characters or less; every platform cuts
        longer posts, and a cut post can lose the sentence that made it safe.

    Example:
        Important: from Monday 2nd March the school gates will open at 8:40am and close at 8:55am. Children arriving after this time will need to come in through the main office and be signed in by an adult. Thank you for your support in keeping our children safe.

    Use instead:
        From Monday 2 March the gates open at 8:40am and close at 8:55am. Children arriving later come in through the main office. Thank you for helping keep our children safe.
    """

    code = "SP404"
    name = "over-length"
    category = "too-long"

    def setting(self, policy: Policy) -> str:
        return "block"

    def check(self, ctx: Context) -> Iterator[Finding]:
        limit = ctx.policy.writing.max_length
        length = post_length(ctx.post.text)
        if length <= limit:
            return
        over = length - limit
        # Mark from the first character past the limit (approximate where links shorten the count).
        text = ctx.text.text.rstrip()
        cut = max(0, min(len(text), len(text) - over))
        yield self.finding(
            ctx,
            cut,
            len(text),
            f"The post is {length} characters; the policy allows {limit}. Cut {over} "
            f"character{'s' if over != 1 else ''}.",
            suggestion="Keep one message per post: move dates and details to a link to the "
            "website, or split it into two posts.",
            trace=(f"writing.max_length = {limit}", f"counted length = {length}"),
        )

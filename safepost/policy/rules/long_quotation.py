"""SP408 long-quotation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

#: A passage in quotation marks (straight or curly), at most 1,000 characters: linear time.
_QUOTED = re.compile(r"[\"“]([^\"“”]{1,1000})[\"”]")
_WORD = re.compile(r"[A-Za-z']+")
#: Words that credit the passage: a dash and a name after it, "by", "said", "wrote", "from".
_CREDIT = re.compile(
    r"^\s*(?:[-–—―]\s*[A-Z]|\(\s*[A-Z]|,?\s*(?:by|from|said|says|writes|wrote|in|author|poet)\b)"
    r"|\b(?:by|author|poet|as [A-Z][a-z]+ (?:said|wrote|put it)|in the words of|quoted from|credit)\b",
    re.IGNORECASE,
)
#: Fewer words than this is a phrase or a title, not a quotation that needs a credit.
LONG_QUOTATION_WORDS = 15


class LongQuotation(Rule):
    """A long quotation of someone else's words with no credit.

    What it flags:
        A passage of 15 words or more in quotation marks with no credit
        before or after it ("by", "said", a dash and the author's name, the
        book or the poem it is from). Short phrases, titles and the school's
        own motto are not flagged. Pictures are checked when they are
        uploaded (see the photo rules); this rule reads the words only.

    Why it matters:
        RAC-12 and SUT-16 ask the school to respect copyright: a poem, a song
        or a passage from a book is someone's work, and a school post that
        quotes it at length should say whose it is.

    Example:
        Our poem of the week: "The moon was a ghostly galleon tossed upon cloudy seas, the road was a ribbon of moonlight over the purple moor."

    Use instead:
        Our poem of the week: "The moon was a ghostly galleon tossed upon cloudy seas, the road was a ribbon of moonlight over the purple moor." (Alfred Noyes, The Highwayman)
    """

    code = "SP408"
    name = "long-quotation"
    category = "copyright"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return policy.writing.quotations

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text.text
        for m in _QUOTED.finditer(text):
            words = len(_WORD.findall(m.group(1)))
            if words < LONG_QUOTATION_WORDS:
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            after = text[m.end() : m.end() + 60]
            if _CREDIT.search(after) or re.search(
                r"\b(?:by|from|said|wrote|words of)\b[^.!?]*$", before, re.I
            ):
                continue
            yield self.finding(
                ctx,
                m.start(),
                m.end(),
                f"A quotation of {words} words with no credit. Say whose words they are (the author, "
                "the book, the poem or the song): the policy asks the school to respect copyright.",
                suggestion="Add the credit straight after the quotation, such as (Alfred Noyes, The Highwayman), "
                "or quote a shorter line.",
                trace=(f"{words} words in quotation marks", f"at least {LONG_QUOTATION_WORDS} need a credit"),
            )

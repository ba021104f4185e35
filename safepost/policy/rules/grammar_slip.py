"""SP406 grammar-slip."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.grammar import GrammarSlip as GrammarSlipFound
from safepost.policy.grammar import grammar_slips
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class GrammarSlip(Rule):
    """A grammar slip a careful reader of Standard English would correct.

    What it flags:
        Verbs that do not agree with their subject ("the children was"), past
        participles used as the past tense and the other way round ("we seen",
        "has went"), "could of", "a" before a vowel sound, a word repeated, and
        the mix-ups of "their", "there" and "they're", "your" and "you're",
        "its" and "it's", "whose" and "who's", "our" and "are". Only slips
        that can be found without false alarms on correct school English are
        looked for; this is not a full grammar check. Spelling is the
        misspelt-word rule's job. The finding carries the correction.

    Why it matters:
        SUT-05 asks that posts are grammatically correct, in Standard English:
        a post is the school speaking in public, and parents judge the school's
        teaching by it.

    Example:
        Year 3 has went to the library and the children was thrilled with the new books.

    Use instead:
        Year 3 have gone to the library and the children were thrilled with the new books.
    """

    code = "SP406"
    name = "grammar-slip"
    category = "spelling"

    def setting(self, policy: Policy) -> str:
        return policy.writing.grammar

    def check(self, ctx: Context) -> Iterator[Finding]:
        allowed = self.allowed_words(ctx.policy)
        text = ctx.text.text
        slips = [s for s in grammar_slips(text) if s.written.casefold() not in allowed]
        rewrite = _corrected(text, slips)
        for slip in slips:
            if slip.correction:
                message = f'"{slip.written}": {slip.why}. Write "{slip.correction}".'
            else:
                message = f'"{slip.written}": {slip.why}.'
            yield self.finding(
                ctx,
                slip.start,
                slip.end,
                message,
                suggestion=rewrite,
                trace=(f"checked by {slip.check}", f"writing.grammar = {ctx.policy.writing.grammar}"),
            )


def _corrected(text: str, slips: list[GrammarSlipFound]) -> str | None:
    """The post with every slip corrected, for the compose page's rewrite (none when one has no correction)."""
    if any(s.correction is None for s in slips):
        return None
    for slip in sorted(slips, key=lambda s: s.start, reverse=True):
        text = text[: slip.start] + str(slip.correction) + text[slip.end :]
    return text.strip()

"""SP103 individual-pupil."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class IndividualPupil(Rule):
    """Content about one identifiable child.

    What it flags:
        Praise, behaviour, progress or a reminder aimed at a named child ("Well
        done Josh, a much better lesson today", "Daniel, don't forget your
        recorder"), whether or not the child is on the roster, and posts that
        single out one child without a name: by role ("our Head Girl", "Star
        of the Week"), by a description ("one very proud Year 2 lad", "our
        chess wizard in Lovelace Class"), by initials ("T.L. in Birch Class"),
        or as "she"/"he" when the post names no adult or character the word
        could mean.
        Messages to a class or year group ("Don't forget PE kits, Year 2!") are
        fine.

    Why it matters:
        CAT-13, NNF-09, RAC-06 and SUT-14 forbid individually targeted content:
        it identifies a child to strangers, and praise or behaviour news about
        one child belongs in a private message to their family.

    Example:
        Well done Jayden, a much better afternoon in Cedar Class today!

    Use instead:
        Well done, Cedar Class, for a much better afternoon today!
    """

    code = "SP103"
    name = "individual-pupil"
    category = "individual-pupil"

    def setting(self, policy: Policy) -> str:
        return policy.pupils.individual_content

    def check(self, ctx: Context) -> Iterator[Finding]:
        suggestion = (
            'Celebrate the class or year group instead ("Well done, Year 4!"), and share '
            "news about one child privately with their family."
        )
        for m in ctx.people.pupils:
            shown = ctx.text.original_slice(m.nstart, m.nend)
            yield self.finding(
                ctx,
                m.nstart,
                m.nend,
                f'This is about one child ("{shown}"); the policy does not allow posts aimed at or '
                "about an individual pupil.",
                suggestion=suggestion,
                trace=(f'pupils.individual_content = "{ctx.policy.pupils.individual_content}"', *m.reasons),
            )
        for tok, what in ctx.people.surname_refs:
            if what in ("family", "parent"):
                continue  # "the Hughes family" thanked: the family, not one child (SP101 holds the surname)
            shown = ctx.text.original_slice(tok.nstart, tok.nend)
            yield self.finding(
                ctx,
                tok.nstart,
                tok.nend,
                f'"the {shown} {what}" are children anyone at the school can identify; the policy does not '
                "allow posts about individual pupils, even two or three named together.",
                suggestion=suggestion,
                trace=(
                    f'pupils.individual_content = "{ctx.policy.pupils.individual_content}"',
                    f'a pupil\'s surname with "{what}"',
                ),
            )
        for role in ctx.people.roles:
            yield self.finding(
                ctx,
                role.nstart,
                role.nend,
                f'"{role.phrase}" singles out one child, who is easy to identify; the policy does not '
                "allow posts about an individual pupil.",
                suggestion=suggestion,
                trace=("a role held by one pupil",),
            )

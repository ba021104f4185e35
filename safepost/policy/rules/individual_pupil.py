"""SP103 individual-pupil."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy import pupil_model
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
        could mean. Where none of these readings finds a child, a small model
        trained on the project's labelled posts (``scripts/train_pupil_model.py``)
        still flags a post whose wording reads as news about one child, and
        points at its sentence that reads most so (unless that sentence names
        someone the reading decided is an adult, a place, a class or a word).
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
        found = False
        for m in ctx.people.pupils:
            found = True
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
        for role in ctx.people.roles:
            found = True
            yield self.finding(
                ctx,
                role.nstart,
                role.nend,
                f'"{role.phrase}" singles out one child, who is easy to identify; the policy does not '
                "allow posts about an individual pupil.",
                suggestion=suggestion,
                trace=("a role held by one pupil",),
            )
        if not found:
            yield from self._model_finding(ctx, suggestion)

    def _model_finding(self, ctx: Context, suggestion: str) -> Iterator[Finding]:
        """The trained model's reading, when the rules above found no child."""
        model = pupil_model.shipped()
        reading = pupil_model.read(ctx.text.text, ctx.roster, model)
        if reading.score < model.threshold or reading.end <= reading.start:
            return
        # The model does not overrule the reading of a name: where the sentence names someone the
        # reading decided is an adult, a place, a class or a word ("Lucas from the fire service",
        # "Summer has arrived"), the wording is about them, not about an unnamed child.
        if any(
            m.kind not in ("pupil", "unknown") and reading.start <= m.nstart < reading.end
            for m in ctx.people.mentions
        ):
            return
        yield self.finding(
            ctx,
            reading.start,
            reading.end,
            "This sentence reads like news about one child, even without a name; the policy does not "
            "allow posts about an individual pupil. If it is about a group, say which (the class, the "
            "team); if it is about one child, share it privately with their family.",
            suggestion=suggestion,
            trace=(f"trained model: {reading.score:.2f} >= threshold {model.threshold:.2f}",),
        )

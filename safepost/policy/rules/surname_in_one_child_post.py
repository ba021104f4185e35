"""SP107 surname-in-one-child-post."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule
from safepost.policy.rules.pupil_surname import PupilSurname
from safepost.policy.rules.reads_as_one_child import is_it_the_childs, names_in_its_sentence

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class SurnameInOneChildPost(Rule):
    """A pupil's surname in a sentence that reads like news about one child: a warning.

    What it flags:
        Where SP105 finds a post about one child that the pupil rules did not,
        a pupil's surname written in the sentence it points at (not after a
        title, not a class's name: "Fisher brought
        home gold in the backstroke", "Brook and Rice have both made the county
        squad"): a surname that is also a word, read by the rules as the word, is
        most likely the child's, as sports reports name players. A warning,
        beside SP105's.

    Why it matters:
        CAT-07 and RAC-11 allow first names only, NNF-07 no names; a surname identifies a
        child to anyone. The one-child reader and the roster together say
        whose news it is when the wording alone did not.

    Example:
        Green flew round the final lap to win the Year 4 race by a mile!

    Use instead:
        Our Year 4 runners flew round the final lap to win the race by a mile!
    """

    code = "SP107"
    name = "surname-in-one-child-post"
    category = "pupil-surname"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if PupilSurname().setting(policy) != "allow" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        says = (
            "the policy allows first names only."
            if ctx.policy.pupils.names != "none"
            else "the policy allows no pupil names at all."
        )
        yield from is_it_the_childs(
            self,
            ctx,
            names_in_its_sentence(ctx, "surname"),
            "the surname",
            says,
            "Take the surname out, or write about the team or group instead.",
        )

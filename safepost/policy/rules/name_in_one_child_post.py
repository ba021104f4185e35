"""SP106 name-in-one-child-post."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule
from safepost.policy.rules.pupil_name import PupilName
from safepost.policy.rules.reads_as_one_child import is_it_the_childs, names_in_its_sentence

if TYPE_CHECKING:
    from safepost.policy.config import Policy

# How sure the one-child reader must be before its sentence's first name is taken for the child's:
# measured chronologically (bench/model_chrono.py --category pupil-name), 5 right and none wrong at
# 0.95, 6 right and 3 wrong at SP105's own 0.90.
SURE = 0.95


class NameInOneChildPost(Rule):
    """A pupil's name in a sentence that reads like news about one child: a warning.

    What it flags:
        Where SP105 finds a post about one child that the pupil rules did not,
        and is very sure of it, a pupil's first name or surname written in the
        sentence it points at (not after a title, not a class's name), under a
        policy that allows no pupil names, or none beside photos of pupils
        ("Ruby in 8K swam 5k for the hospice", "Goal of the season contender
        from Field!"): the name the rules took for an ordinary word (Ruby,
        Field) is most likely the child's. A warning, beside SP105's.

    Why it matters:
        NNF-07: the account "will not use any children's names". SUT-07: no
        names beside pictures of pupils. The one-child reader and the roster
        together say whose news it is when the wording alone did not.

    Example:
        Hope as Cinderella had the whole audience in stitches last night. What a performance!
        (policy no-names-no-faces)

    Use instead:
        Our Cinderella had the whole audience in stitches last night. What a performance!
        (policy no-names-no-faces)
    """

    code = "SP106"
    name = "name-in-one-child-post"
    category = "pupil-name"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if PupilName().setting(policy) != "allow" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.policy.pupils.names == "not-with-photos" and not (ctx.post.pupil_photos or ctx.post.media):
            return
        # a surname is a name too, as SP102 reads it: "Goal of the season contender from Field!" beside a photo
        spans = names_in_its_sentence(ctx, "first", SURE) + names_in_its_sentence(ctx, "surname", SURE)
        says = (
            "the policy allows no pupil names."
            if ctx.policy.pupils.names == "none"
            else "the policy allows no pupil names beside photos of pupils."
        )
        yield from is_it_the_childs(
            self,
            ctx,
            spans,
            "the name",
            says,
            "Take the name out, or write about the class or group instead.",
        )

"""SP502 negative-tone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

#: Words that air a complaint or judge people.
_COMPLAINT = re.compile(
    r"\b(?:disappointed|disappointing|unacceptable|appalling|disgraceful|shocking|shameful|fed up|let down|"
    r"ignored|ignoring|ignore|rude|inconsiderate|selfish|irresponsible|lazy|no excuse|sick and tired|"
    r"frankly|blatant(?:ly)?|refus(?:e|ed|ing) to|cannot be bothered|can't be bothered|have been warned)\b",
    re.IGNORECASE,
)
#: Who the complaint is about: parents, families, drivers, other schools, "some", "a minority".
_PEOPLE = re.compile(
    r"\b(?:parents?|families|family|carers?|drivers?|cars? parked|parking|pupils|children|staff|teachers?|"
    r"governors?|visitors?|neighbours?|some (?:people|of you)|a (?:small )?(?:minority|number|few|handful)|"
    r"certain (?:people|families|individuals)|other schools?|[A-Z][a-z]+ (?:Primary|School|Academy|High|College))\b"
)
#: The moderation lexicon's undermining hits that also make a school's own post negative.
_UNDERMINING_CODES = frozenset(
    {"sarcasm", "insinuation", "unfairness", "competence", "dig", "parent-dig", "rallying"}
)


class NegativeTone(Rule):
    """The school's own post is negative about people, or airs a complaint in public.

    What it flags:
        A sentence that complains about or judges people (parents, families,
        drivers, pupils, staff, another school): "disappointed", "unacceptable",
        "a minority of parents", "inconsiderate", digs and sarcasm ("some parents
        at this school need to learn..."). Bad news about things (a cancelled
        trip, the weather, a lost match) is not flagged; neither is praise. The
        sarcasm, digs and insinuation are found with the moderation inbox's
        lexicons, so the school's own posts are held to what it removes from
        others.

    Why it matters:
        NNF-05 asks for positive messages and COU-09 for nothing that could
        compromise the school's or anyone's reputation: a complaint aired on the
        school's account shames families in public and invites a pile-on in the
        replies. Such matters go to the families concerned, by letter or in
        person.

    Example:
        Once again a small minority of parents have ignored our requests and parked on the zig-zags. This is unacceptable.

    Use instead:
        Thank you to everyone who parks away from the school gates: the zig-zag lines keep our children safe at drop-off.
    """

    code = "SP502"
    name = "negative-tone"
    category = "tone"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return policy.writing.tone

    def check(self, ctx: Context) -> Iterator[Finding]:
        # Imported here: the moderation lexicons take a quarter of a second to load, which a policy
        # with the tone rule off (and `safepost check` for one post) need not pay.
        from safepost.policy.moderation.lexicons import find_undermining

        text = ctx.text.text
        # Only undermining remarks count here, so only they are looked for: the offensive words and
        # threats that lexicons.negative_tone also scores (two thirds of its time) never carry these
        # codes, and its hits are the undermining ones in the same order of the text.
        for hit in find_undermining(text):
            if hit.code in _UNDERMINING_CODES:
                yield self._finding(
                    ctx, hit.start, hit.end, f"{hit.message}", f"moderation lexicon: {hit.code}"
                )
                return
        for start, end in ctx.text.sentence_bounds:
            sentence = text[start:end]
            complaint = _COMPLAINT.search(sentence)
            if complaint is None:
                continue
            people = _PEOPLE.search(sentence)
            if people is None and not _later_people(text, end):
                continue
            about = f"about {people.group(0)}" if people else "about people"
            yield self._finding(
                ctx,
                start + complaint.start(),
                start + complaint.end(),
                f'"{complaint.group(0)}" {about}',
                "complaint",
            )
            return

    def _finding(self, ctx: Context, start: int, end: int, what: str, why: str) -> Finding:
        return self.finding(
            ctx,
            start,
            end,
            f"This reads as negative about people ({what}). The policy asks for positive messages: "
            "thank those who get it right, and take a complaint to the families concerned, not to the "
            "school's public account.",
            suggestion="Say what you would like families to do and thank those who already do it; raise a "
            "complaint with the families concerned, by letter or in person, not on the school's account.",
            trace=(why,),
        )


def _later_people(text: str, end: int) -> bool:
    """The next sentence names who the complaint is about ("This is unacceptable. Parents must...")."""
    return _PEOPLE.search(text[end : end + 200]) is not None

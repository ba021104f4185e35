"""SP104 possible-pupil-name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


class PossiblePupilName(Rule):
    """A word that may be a pupil's name: the writer is asked once.

    What it flags:
        A pupil's first name that is also an ordinary word (Summer, Hope, Rose,
        Ruby) written with a capital in the middle of a sentence, where nothing
        in the wording says whether the child or the word is meant. It is a
        warning with a question ("Is Summer a pupil here?"). In the app the
        school's answer is remembered and recorded in the audit log: "yes" makes
        the word a pupil's name in later posts, "no" stops the question. The
        suggestion writes the word in lower case, as the ordinary word.

    Why it matters:
        CAT-13, NNF-09, RAC-06 and SUT-14 forbid posts about an individual
        pupil, and CAT-07, NNF-07, RAC-11 and SUT-07 limit pupils' names. When
        the checker cannot tell a child from a word, asking the person who wrote
        the post is safer than guessing either way.

    Example:
        Year 2 have been painting pictures of Summer for the corridor display.

    Use instead:
        Year 2 have been painting pictures of summer for the corridor display.
    """

    code = "SP104"
    name = "possible-pupil-name"
    category = "individual-pupil"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        pupils = policy.pupils
        return "warn" if pupils.individual_content != "allow" or pupils.names != "allowed" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        asked: set[str] = set()
        for m in ctx.people.unsure:
            word = m.first.text
            if m.first.key in asked:
                continue
            asked.add(m.first.key)
            finding = self.finding(
                ctx,
                m.first.nstart,
                m.first.nend,
                f'Is {word} a pupil here? "{word}" is the name of a pupil on the roster and also an '
                "ordinary word, and the wording does not say which is meant.",
                # If the word is meant, it is written in lower case ("painting summer").
                suggestion=_lower_case(ctx.post.text, *ctx.text.span(m.first.nstart, m.first.nend)),
                trace=(
                    "a pupil's first name that is also an ordinary word, capitalised mid-sentence",
                    *m.reasons,
                ),
            )
            yield replace(finding, asks_about=word)


def _lower_case(text: str, start: int, end: int) -> str:
    return text[:start] + text[start:end].lower() + text[end:]

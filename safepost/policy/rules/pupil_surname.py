"""SP101 pupil-surname."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy


def without_span(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` removed and the spacing tidied."""
    before, after = text[:start].rstrip(" "), text[end:]
    if after[:1].isalnum() and before:
        after = " " + after.lstrip(" ")
    return before + after


class PupilSurname(Rule):
    """A pupil's surname or full name.

    What it flags:
        A child's first name followed by a surname: a pupil on the roster
        ("Kacper Nowak"), or a child the wording makes the subject though not on
        the roster ("Congratulations to Josh Smith in Year 6"). Also a roster
        surname naming children ("the Nowak twins"), and a roster surname written
        on its own as a person, as sports reports do ("Nowak's penalty save",
        "Top scorer was Baker with 32"; a surname that is also a word counts
        only where the wording makes it a person). Adults with a title (Mrs
        Hughes, Mr Baker), authors (Oliver Jeffers) and places (Walker Art
        Gallery, Stone Lane) are not flagged. Where taking the surname out
        would leave a post still about one child, the finding advises what the
        other finding does instead of suggesting that rewrite.

    Why it matters:
        CAT-07 and RAC-11 allow pupils' first names only; NNF-07 allows no
        names at all. A full name lets a stranger find a child: their family,
        their address, their other accounts.

    Example:
        Well done Theo Carver for a super science investigation!

    Use instead:
        Well done to Birch Class for their super science investigations!
    """

    code = "SP101"
    name = "pupil-surname"
    category = "pupil-surname"

    def setting(self, policy: Policy) -> str:
        return "allow" if policy.pupils.names == "allowed" else "block"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text.text
        for m in ctx.people.pupils:
            if m.surname_only:
                shown = ctx.text.original_slice(m.nstart, m.nend)
                yield self.finding(
                    ctx,
                    m.nstart,
                    m.nend,
                    f'"{shown}" is a pupil\'s surname; the policy allows first names only.'
                    if ctx.policy.pupils.names != "none"
                    else f'"{shown}" is a pupil\'s surname; the policy allows no pupil names at all.',
                    suggestion=None,
                    trace=(f'pupils.names = "{ctx.policy.pupils.names}"', *m.reasons),
                )
                continue
            if m.surname is None and m.full_name_on_roster:  # "@KaiTanaka2015": a handle with the name
                yield self.finding(
                    ctx,
                    m.nstart,
                    m.nend,
                    f'"{m.first.text}" holds the full name of a pupil on the roster; the policy allows '
                    + (
                        "first names only." if ctx.policy.pupils.names != "none" else "no pupil names at all."
                    ),
                    suggestion=None,
                    trace=(f'pupils.names = "{ctx.policy.pupils.names}"', *m.reasons),
                )
                continue
            if m.surname is None:
                continue
            full = f"{m.first.text} {m.surname.text}"
            where = "a pupil on the roster" if m.full_name_on_roster else "a child"
            yield self.finding(
                ctx,
                m.nstart,
                m.nend,
                f'"{full}" is the full name of {where}; the policy allows first names only.'
                if ctx.policy.pupils.names != "none"
                else f'"{full}" is the full name of {where}; the policy allows no pupil names at all.',
                suggestion=(
                    without_span(text, m.surname.nstart, m.first.nstart)
                    if m.surname_first
                    else without_span(text, m.first.nend, m.surname.nend)
                )
                if ctx.policy.pupils.names == "first-names-only"
                else None,
                trace=(f'pupils.names = "{ctx.policy.pupils.names}"', *m.reasons),
            )
        for tok, what in ctx.people.surname_refs:
            yield self.finding(
                ctx,
                tok.nstart,
                tok.nend,
                f'"{tok.text}" is a pupil\'s surname ('
                + ("their parent named with it" if what == "parent" else f'"the {tok.text} {what}"')
                + "); the policy allows first names only.",
                suggestion=None,
                trace=("surname on the roster",),
            )

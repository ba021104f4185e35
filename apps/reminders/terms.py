"""The school year and its terms, from the first days of term in the school's settings.

The policy's ``credentials.term_starts`` (``"MM-DD"``, the days the termly sign-in change falls on)
are the school's term dates; without them, the English school year's three terms (September,
January, April). A term runs from its first day to the day before the next term starts, so the
holidays belong to the term before them and every day of the year is in exactly one term.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from safepost.policy.config import Policy, term_start

#: The English school year's terms when a policy names none: autumn, spring, summer.
ENGLISH_TERM_STARTS = ((9, 1), (1, 5), (4, 20))
#: A school year starts in the term starting in or after this month (August: the autumn term).
YEAR_TURNS = 8


@dataclass(frozen=True)
class Term:
    """One term: ``key`` names it in addresses (``2026-autumn``), ``name`` in words."""

    key: str
    name: str
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def _day(year: int, month: int, day: int) -> date:
    # 29 February in a year without one: the term starts on 1 March.
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 3, 1)


def starts(policy: Policy | None) -> list[tuple[int, int]]:
    """The policy's term starts as ``(month, day)``, in school-year order (autumn first)."""
    found = {s for s in (term_start(t) for t in (policy.credentials.term_starts if policy else [])) if s}
    chosen = sorted(found or ENGLISH_TERM_STARTS, key=lambda md: (md[0] < YEAR_TURNS, md))
    return chosen


def _names(chosen: list[tuple[int, int]]) -> list[str]:
    if len(chosen) == 3 and chosen[0][0] >= YEAR_TURNS and chosen[1][0] < 4 and chosen[2][0] >= 3:
        return ["Autumn", "Spring", "Summer"]
    return [f"Term {i + 1}" for i in range(len(chosen))]


def terms_of_year(policy: Policy | None, year: int) -> list[Term]:
    """The terms of the school year that begins in ``year`` (2026: the year 2026 to 2027)."""
    chosen = starts(policy)
    names = _names(chosen)
    firsts = [_day(year + (month < YEAR_TURNS), month, day) for month, day in chosen]
    following = _day(firsts[0].year + 1, *chosen[0])
    terms = []
    for i, first in enumerate(firsts):
        end = (firsts[i + 1] if i + 1 < len(firsts) else following) - timedelta(days=1)
        label = names[i]
        terms.append(
            Term(
                key=f"{year}-{label.lower().replace(' ', '')}",
                name=f"{label} term {first.year}",
                start=first,
                end=end,
            )
        )
    return terms


def term_containing(policy: Policy | None, day: date) -> Term:
    """The term ``day`` falls in (holidays count with the term before them)."""
    for year in (day.year, day.year - 1, day.year + 1):
        for term in terms_of_year(policy, year):
            if day in term:
                return term
    raise ValueError(f"no term contains {day}")  # cannot happen: the terms cover every day


def recent_terms(policy: Policy | None, today: date, count: int = 6) -> list[Term]:
    """The term ``today`` is in and those before it, newest first."""
    found = [term_containing(policy, today)]
    while len(found) < count:
        found.append(term_containing(policy, found[-1].start - timedelta(days=1)))
    return found


def term_by_key(policy: Policy | None, key: str) -> Term | None:
    """The term ``2026-autumn`` names, or ``None`` when it names none."""
    year, _, _ = key.partition("-")
    if not year.isdigit() or len(year) != 4:
        return None
    return next((t for t in terms_of_year(policy, int(year)) if t.key == key), None)


def school_year_start(policy: Policy | None, day: date) -> date:
    """The first day of the school year ``day`` falls in."""
    term = term_containing(policy, day)
    year = int(term.key.partition("-")[0])
    return terms_of_year(policy, year)[0].start

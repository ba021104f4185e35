"""When a connection's sign-in is next due to be changed, from the policy's ``credentials.rotation``.

Plain date arithmetic: :func:`apps.platforms.actions.create_due_reminders` writes the reminders,
the Connected accounts page shows the next date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from safepost.policy.config import term_start

#: "regularly" in a policy means every this many days (NNF-02).
REGULAR_DAYS = 90

#: "termly": the school's term dates are not in the policy yet, so a reminder falls on the usual
#: English term starts: 1 September, 1 January and 15 April (month, day, term).
#: Used where no policy is at hand; a school sets its own in ``credentials.term_starts``.
DEFAULT_TERM_STARTS = ("09-01", "01-05", "04-20")


def next_rotation_due(
    rotation: str, since: date, term_starts: Sequence[str] = DEFAULT_TERM_STARTS
) -> date | None:
    """When the policy's cadence next asks for new credentials, after ``since`` (the last change).

    ``termly``: the next first day of a term (``credentials.term_starts``, ``"MM-DD"``);
    ``regularly``: 90 days on; ``on-permission`` and ``none``: never on a schedule.
    """
    if rotation == "regularly":
        return since + timedelta(days=REGULAR_DAYS)
    if rotation == "termly":
        days = [d for d in (term_start(t) for t in term_starts) if d is not None]
        candidates = [
            _day(year, month, day)
            for year in (since.year, since.year + 1)
            for month, day in days
            if _day(year, month, day) > since
        ]
        return min(candidates) if candidates else None
    return None


def _day(year: int, month: int, day: int) -> date:
    # 29 February in a year without one: the term starts on 1 March.
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 3, 1)


def reminder_reason(rotation: str, due: date) -> str:
    if rotation == "termly":
        return f"a new term starts on {due:%-d %B %Y}"
    return f"{REGULAR_DAYS} days since the last change on {due - timedelta(days=REGULAR_DAYS):%-d %B %Y}"

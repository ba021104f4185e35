"""The duties a school's policy makes periodic, contributed by each app (like Django's checks).

An app says what its duties are with a function registered here, usually in its own
``duties.py`` (found at start-up by :class:`apps.reminders.apps.RemindersConfig`)::

    from apps.reminders.registry import Completion, Duty, duties, history

    @duties
    def follower_review(school, today):
        yield Duty(key="followers.review", name="Review who follows the school's accounts", ...)

    @history
    def follower_reviews_done(school, start, end):
        yield Completion(name="Follower review", due_on=..., done_on=...)

``duties`` functions say what is owed now; ``history`` functions say what was done in a period,
and whether on time, for the governors' report. Duties marked done on the duties page (those with
``can_mark_done``) need no history function: :mod:`apps.reminders.models` keeps them.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from apps.schools.models import School

log = logging.getLogger(__name__)


class Status(enum.StrEnum):
    """Where a duty stands today."""

    UP_TO_DATE = "up-to-date"
    DUE = "due"
    OVERDUE = "overdue"
    UNSCHEDULED = "unscheduled"


STATUS_WORDS = {
    Status.UP_TO_DATE: "Up to date",
    Status.DUE: "Due soon",
    Status.OVERDUE: "Overdue",
    Status.UNSCHEDULED: "Not on a schedule",
}


@dataclass(frozen=True)
class Duty:
    """One thing the policy asks someone to do by a date.

    ``key`` is stable for the duty at this school (``"platforms.rotation.12"``): with ``due_on`` it
    is how the reminders remember what they have already sent. ``due_on`` is the date of the next
    occurrence not yet done (``None``: the policy sets no schedule). ``roles`` are told when it is
    due; the headteacher is told too once it is overdue.
    """

    key: str
    name: str
    roles: tuple[str, ...]
    due_on: date | None
    last_done: date | None = None
    url: str = ""
    why: str = ""
    notice_days: int = 7
    can_mark_done: bool = False

    def status(self, today: date) -> Status:
        if self.due_on is None:
            return Status.UNSCHEDULED
        if today > self.due_on:
            return Status.OVERDUE
        if today >= self.due_on - timedelta(days=self.notice_days):
            return Status.DUE
        return Status.UP_TO_DATE


@dataclass(frozen=True)
class Completion:
    """One occurrence of a duty that was done: when it was due and when it was done."""

    name: str
    done_on: date
    due_on: date | None = None
    by: str = ""

    @property
    def on_time(self) -> bool:
        # Done before any reminder was due counts as on time.
        return self.due_on is None or self.done_on <= self.due_on


DutiesFunction = Callable[[School, date], Iterable[Duty]]
HistoryFunction = Callable[[School, date, date], Iterable[Completion]]

_duties: list[DutiesFunction] = []
_history: list[HistoryFunction] = []


def duties(function: DutiesFunction) -> DutiesFunction:
    """Register a function ``(school, today) -> duties`` (a decorator)."""
    if function not in _duties:
        _duties.append(function)
    return function


def history(function: HistoryFunction) -> HistoryFunction:
    """Register a function ``(school, start, end) -> completions`` in that period, ends included."""
    if function not in _history:
        _history.append(function)
    return function


#: Each role as the people holding it are named in a sentence ("the headteacher, senior leaders").
_WHO = {
    "headteacher": "the headteacher",
    "senior-leader": "senior leaders",
    "class-teacher": "class teachers",
    "office": "office staff",
    "computing-lead": "the computing lead",
    "governor": "governors",
    "safeguarding-lead": "the designated safeguarding lead",
}


def who_in_words(roles: Iterable[str]) -> str:
    """``the headteacher, senior leaders and office staff`` for a list of role values."""
    order = list(_WHO)
    names = [_WHO.get(r, r) for r in sorted(set(roles), key=lambda r: order.index(r) if r in order else 99)]
    if len(names) <= 1:
        return "".join(names) or "nobody"
    return ", ".join(names[:-1]) + " and " + names[-1]


def status_words(duty: Duty, today: date) -> str:
    """Where ``duty`` stands, in words: up to date (or not due yet, if never done), due soon, overdue."""
    status = duty.status(today)
    if status == Status.UP_TO_DATE and duty.last_done is None:
        return "Not due yet"
    return STATUS_WORDS[status]


def duties_for(school: School, today: date) -> list[Duty]:
    """Every registered duty of ``school``, the most pressing first."""
    found: list[Duty] = []
    for function in _duties:
        found.extend(function(school, today))
    order = {Status.OVERDUE: 0, Status.DUE: 1, Status.UP_TO_DATE: 2, Status.UNSCHEDULED: 3}
    return sorted(found, key=lambda d: (order[d.status(today)], d.due_on or date.max, d.name))


def completions_for(school: School, start: date, end: date) -> list[Completion]:
    """Every registered duty done at ``school`` between ``start`` and ``end``, in date order."""
    found: list[Completion] = []
    for function in _history:
        found.extend(c for c in function(school, start, end) if start <= c.done_on <= end)
    return sorted(found, key=lambda c: (c.done_on, c.name))

"""The posts calendar: a week or a month of what goes out when, in the school's time.

Built on the server as plain data for the template (a table on a laptop, a list of days on a
phone): each day knows whether posts may go out on it, each hour of a week whether it is inside
the posting window (shaded), and each post its time, status and any posting-window exception.
The first day of each term (the policy's ``credentials.term_starts``) is marked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

from django.db.models import Q, QuerySet

from apps.posts.models import Post
from safepost.policy.config import DAYS, Policy, term_start
from safepost.policy.rules.outside_posting_window import in_window, local_time

Status = Post.Status
View = Literal["week", "month"]
#: What the calendar shows: posts going out or gone out, and posts waiting for approval at a time.
SHOWN = (Status.PENDING, Status.SCHEDULED, Status.PUBLISHING, Status.PUBLISHED, Status.FAILED, Status.HELD)
#: Hours a week shows at least, so an empty week still looks like a school day.
DEFAULT_HOURS = (7, 19)
MONTH_CHIPS = 3


@dataclass(frozen=True)
class Entry:
    """One post on the calendar."""

    post: Post
    at: datetime  # local
    status: str
    exception: str
    outside_window: bool

    @property
    def time(self) -> str:
        return f"{self.at:%H:%M}"


@dataclass
class Slot:
    hour: int
    open: bool
    entries: list[Entry] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00"


@dataclass
class Day:
    day: date
    today: bool
    posting_day: bool
    term_start: bool
    in_month: bool = True
    entries: list[Entry] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)

    @property
    def chips(self) -> list[Entry]:
        return self.entries[:MONTH_CHIPS]

    @property
    def more(self) -> int:
        return max(0, len(self.entries) - MONTH_CHIPS)


@dataclass
class Calendar:
    view: View
    anchor: date
    title: str
    days: list[Day]
    hours: list[int]
    previous: date
    next: date
    today: date

    @property
    def weeks(self) -> list[list[Day]]:
        return [self.days[i : i + 7] for i in range(0, len(self.days), 7)]

    @property
    def rows(self) -> list[tuple[str, list[Slot]]]:
        """The week as table rows: (hour label, that hour's slot on each day)."""
        return [(f"{h:02d}:00", [d.slots[i] for d in self.days]) for i, h in enumerate(self.hours)]

    @property
    def count(self) -> int:
        return sum(len(d.entries) for d in self.days if d.in_month)


def _moment(post: Post) -> datetime | None:
    return post.published_at or post.scheduled_for or post.requested_time


def _hour_open(day: date, hour: int, policy: Policy) -> bool:
    """Whether any of this hour on this day is inside the posting window."""
    window = policy.posting_window
    if DAYS[day.weekday()] not in window.days:
        return False
    return time(hour, 59) >= window.start and time(hour, 0) < window.end


def _term_starts(policy: Policy, years: set[int]) -> set[date]:
    starts = set()
    for text in policy.credentials.term_starts:
        found = term_start(text)
        if found is None:
            continue
        for year in years:
            try:
                starts.add(date(year, *found))
            except ValueError:  # 29 February in a year without it
                continue
    return starts


def span(view: View, anchor: date) -> tuple[date, date, date]:
    """(first day shown, last day shown, first day of the month or week) for ``anchor``."""
    if view == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return first, first + timedelta(days=6), first
    month = anchor.replace(day=1)
    first = month - timedelta(days=month.weekday())
    next_month = (month + timedelta(days=32)).replace(day=1)
    last_of_month = next_month - timedelta(days=1)
    last = last_of_month + timedelta(days=6 - last_of_month.weekday())
    return first, last, month


def build(posts: QuerySet[Post], policy: Policy, view: View, anchor: date, now: datetime) -> Calendar:
    """The calendar of ``posts`` (already scoped to the school and account) around ``anchor``."""
    first, last, start = span(view, anchor)
    tz = policy.tz
    begins = datetime.combine(first, time.min, tzinfo=tz)
    ends = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
    in_range = (
        Q(published_at__gte=begins, published_at__lt=ends)
        | Q(published_at__isnull=True, scheduled_for__gte=begins, scheduled_for__lt=ends)
        | Q(
            published_at__isnull=True,
            scheduled_for__isnull=True,
            requested_time__gte=begins,
            requested_time__lt=ends,
        )
    )
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for post in posts.filter(status__in=SHOWN).filter(in_range).select_related("account"):
        moment = _moment(post)
        if moment is None:
            continue
        local = local_time(moment, policy)
        status = "Waiting for approval" if post.status == Status.PENDING else str(post.get_status_display())
        exception = str(post.get_exception_display()).split(" (")[0] if post.exception else ""
        by_day[local.date()].append(Entry(post, local, status, exception, not in_window(local, policy)))
    today = local_time(now, policy).date()
    starts = _term_starts(policy, {first.year, last.year})
    entries = [e for day in by_day.values() for e in day]
    low = min([DEFAULT_HOURS[0], policy.posting_window.start.hour, *(e.at.hour for e in entries)])
    high = max([DEFAULT_HOURS[1], policy.posting_window.end.hour, *(e.at.hour for e in entries)])
    hours = list(range(low, high + 1))
    days = []
    day = first
    while day <= last:
        listed = sorted(by_day.get(day, []), key=lambda e: (e.at, e.post.pk))
        shown = Day(
            day=day,
            today=day == today,
            posting_day=DAYS[day.weekday()] in policy.posting_window.days,
            term_start=day in starts,
            in_month=view == "week" or day.month == start.month,
            entries=listed,
        )
        if view == "week":
            slots = {h: Slot(h, _hour_open(day, h, policy)) for h in hours}
            for entry in listed:
                slots[entry.at.hour].entries.append(entry)
            shown.slots = list(slots.values())
        days.append(shown)
        day += timedelta(days=1)
    if view == "week":
        title = _week_title(first, last)
        previous, following = first - timedelta(days=7), first + timedelta(days=7)
    else:
        title = f"{start:%B %Y}"
        previous = (start - timedelta(days=1)).replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
    return Calendar(view, anchor, title, days, hours, previous, following, today)


def _week_title(first: date, last: date) -> str:
    if first.month == last.month:
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"

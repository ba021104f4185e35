"""SP301 outside-posting-window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule
from safepost.policy.week import DAYS

if TYPE_CHECKING:
    from safepost.policy.config import Policy

_DAY_NAMES = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}


# The times a post may be given: far from the ends of the calendar, where time zone arithmetic overflows.
EARLIEST_AT = datetime(1900, 1, 1)
LATEST_AT = datetime(9000, 12, 31)


def local_time(at: datetime, policy: Policy) -> datetime:
    """``at`` in the school's time zone (a naive time already is local)."""
    tz = policy.tz
    if at.tzinfo is None:
        return at.replace(tzinfo=tz)
    return at.astimezone(tz)


def in_window(at: datetime, policy: Policy) -> bool:
    """Whether a post at ``at`` is inside the posting window."""
    local = local_time(at, policy)
    window = policy.posting_window
    return (
        DAYS[local.weekday()] in window.days
        and window.start <= local.time().replace(tzinfo=None) <= window.end
    )


def next_window_start(at: datetime, policy: Policy) -> datetime:
    """The first moment at or after ``at`` when the window is open (school's local time).

    Built from the local wall-clock time each day, so 08:00 is 08:00 on both
    sides of the clock changes.
    """
    local = local_time(at, policy)
    if in_window(local, policy):
        return local
    window = policy.posting_window
    for days_ahead in range(0, 8):
        day = local.date() + timedelta(days=days_ahead)
        if DAYS[day.weekday()] not in window.days:
            continue
        candidate = datetime.combine(day, window.start, tzinfo=policy.tz)
        if candidate > local:
            return candidate
    raise ValueError("the posting window has no days")  # prevented by policy validation


def describe_window(policy: Policy) -> str:
    """``Mon–Fri 08:00–18:00`` or ``Mon, Wed 07:00–19:00``."""
    days = policy.posting_window.days
    idx = sorted(DAYS.index(d) for d in days)
    if idx == list(range(idx[0], idx[-1] + 1)) and len(idx) > 2:
        day_text = f"{_DAY_NAMES[DAYS[idx[0]]]}–{_DAY_NAMES[DAYS[idx[-1]]]}"
    else:
        day_text = ", ".join(_DAY_NAMES[DAYS[i]] for i in idx)
    w = policy.posting_window
    return f"{day_text} {w.start:%H:%M}–{w.end:%H:%M}"


def describe_moment(moment: datetime, now: datetime) -> str:
    """``08:00 on Monday 9 March`` (``08:00 today``/``tomorrow`` when close)."""
    if moment.date() == now.date():
        return f"{moment:%H:%M} today"
    if moment.date() == now.date() + timedelta(days=1):
        return f"{moment:%H:%M} tomorrow ({moment:%A} {moment.day} {moment:%B})"
    return f"{moment:%H:%M} on {moment:%A} {moment.day} {moment:%B}"


class OutsidePostingWindow(Rule):
    """A post that would go out outside the school's posting hours.

    What it flags:
        A post whose publishing time falls outside `posting_window` (days and
        hours, in the school's time zone) without an exception the policy
        allows, or with an exception the writer's role may not use. The
        finding names the next time the post can go out.

    Why it matters:
        CAT-03, NNF-04 and RAC-03 limit posting to the school day (08:00–18:00
        or 07:00–19:00, Monday to Friday), outside only for school events or
        urgent news, so the account is not a channel parents expect answers on
        in the evening.

    Example:
        Reminder: Class 4 can come to school dressed as a scientist on Wednesday.
        (at 2026-03-08T20:15)

    Use instead:
        Reminder: Class 4 can come to school dressed as a scientist on Wednesday.
        (at 2026-03-09T08:00)

        Schedule it for the next allowed time (here Monday 08:00), or mark it
        as a school event or urgent news if it really is one.
    """

    code = "SP301"
    name = "outside-posting-window"
    category = "out-of-hours"

    def setting(self, policy: Policy) -> str:
        return "block"

    def check(self, ctx: Context) -> Iterator[Finding]:
        at = ctx.post.at
        if at is None:
            return
        policy = ctx.policy
        if not EARLIEST_AT <= at.replace(tzinfo=None) <= LATEST_AT:
            # Time zone arithmetic on year 1 or 9999 overflows; no post goes out then anyway.
            yield self.finding(
                ctx,
                0,
                0,
                f"{at:%d %B %Y} is not a date a post can go out on; check the year.",
                trace=(
                    f"post time = {at.isoformat()}",
                    f"allowed years = {EARLIEST_AT.year}-{LATEST_AT.year}",
                ),
            )
            return
        if in_window(at, policy):
            return
        local = local_time(at, policy)
        window = describe_window(policy)
        next_ok = describe_moment(next_window_start(local, policy), local)
        exception = ctx.post.exception
        allowed = policy.posting_window.exceptions
        trace = [
            f"posting_window = {window} ({policy.school.timezone})",
            f"post time = {local:%a %d %b %Y %H:%M %Z}",
        ]
        if exception:
            rule = allowed.get(exception)  # type: ignore[call-overload]
            if rule is None:
                kinds = ", ".join(allowed) or "none"
                message = (
                    f'"{exception}" is not an exception this policy allows for posting '
                    f"outside {window} (allowed: {kinds})."
                )
            elif ctx.post.role is not None and rule.roles and ctx.post.role not in rule.roles:
                message = (
                    f"Only {', '.join(rule.roles)} may post outside {window} as "
                    f'"{exception}"; you are {ctx.post.role}.'
                )
            else:
                return
            trace.append(f"exception = {exception}")
        else:
            message = f"{local:%A %H:%M} is outside the posting hours ({window})."
        yield self.finding(
            ctx,
            0,
            0,
            message,
            suggestion=f"Schedule it for {next_ok}"
            + (
                ", or mark it as a school event or urgent news if it is one."
                if allowed and not exception
                else "."
            ),
            trace=tuple(trace),
        )

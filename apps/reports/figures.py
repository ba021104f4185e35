"""The governors' report: what happened on the school's accounts in a term (or any dates), in figures.

Every figure comes from what Safepost recorded when it happened: posts and their publications,
the audit log (checks, holds, exceptions), overrides, photos, consent changes, the inbox, the
e-safety record, and the duties' history (apps.reminders). :func:`build` gathers them into
sections of lines, tables and charts that the page and the PDF both lay out the same way.
Pupils are never named: consent appears as counts.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.checker.views import TITLES as CATEGORY_TITLES
from apps.moderation.actions import LABELS as MODERATION_ACTIONS
from apps.moderation.models import InboxItem, Incident, Label, ModerationAction
from apps.posts.models import Override, Post, PostPhoto
from apps.publishing.health import target_label
from apps.publishing.models import Publication
from apps.reminders.registry import STATUS_WORDS, Status, completions_for, duties_for
from apps.schools.models import Channel, ConsentChange, ConsentValue, School

#: A period longer than this is refused: the report is for a term or a year, not all time.
LONGEST = timedelta(days=3 * 366)


@dataclass(frozen=True)
class Chart:
    """Bars with a label and a value each; ``horizontal`` for long labels (categories)."""

    title: str
    bars: list[tuple[str, int]]
    horizontal: bool = False
    unit: str = ""

    @property
    def empty(self) -> bool:
        return not any(value for _, value in self.bars)


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Section:
    """One heading of the report: sentences, then tables, then charts."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Report:
    school: School
    start: date
    end: date
    title: str
    sections: list[Section]

    def digest(self) -> str:
        """A fingerprint of every figure: a signature says which figures it was given for."""
        body = json.dumps([asdict(s) for s in self.sections], sort_keys=True, default=str)
        return hashlib.sha256(body.encode()).hexdigest()


# --- What other apps add ----------------------------------------------------------------------

#: A function ``(school, start, end) -> Section`` an app adds to the report, by key.
SectionFunction = Callable[[School, date, date], Section]
_contributed: dict[str, SectionFunction] = {}

#: Sections the report has a place for before the app that fills them is installed.
PLACEHOLDERS = {
    "followers": Section(
        "followers",
        "Followers reviewed and blocked",
        [
            "The review of who follows the school's accounts is not recorded in Safepost yet, so there "
            "are no figures for it here. Ask the headteacher how it was done this term."
        ],
    ),
}


def contribute(key: str) -> Callable[[SectionFunction], SectionFunction]:
    """Register a section of the report under ``key`` (a decorator); ``"followers"`` replaces the
    placeholder above. Put it in the app's ``report.py``: it is found at start-up."""

    def decorator(function: SectionFunction) -> SectionFunction:
        _contributed[key] = function
        return function

    return decorator


# --- Helpers ----------------------------------------------------------------------------------


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period as aware datetimes in the school's time zone: from ``start`` to before ``end + 1``."""
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
    )


def _name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else "Safepost"


def _day(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%-d %b %Y}"


def category_title(category: str) -> str:
    return CATEGORY_TITLES.get(category, category.replace("-", " ").capitalize())


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _periods(start: date, end: date) -> list[tuple[str, date, date]]:
    """Weeks (from Monday) for up to 26 weeks, else calendar months: (label, first, last)."""
    if (end - start).days <= 26 * 7:
        first = start - timedelta(days=start.weekday())
        found = []
        while first <= end:
            found.append((f"{first:%-d %b}", first, first + timedelta(days=6)))
            first += timedelta(days=7)
        return found
    found = []
    month = start.replace(day=1)
    while month <= end:
        following = (month + timedelta(days=32)).replace(day=1)
        found.append((f"{month:%b %Y}", month, following - timedelta(days=1)))
        month = following
    return found


# --- The sections -----------------------------------------------------------------------------


def _published(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    posts = list(
        Post.objects.filter(school=school, published_at__gte=since, published_at__lt=until).values_list(
            "published_at", flat=True
        )
    )
    places = (
        Publication.objects.filter(
            post__school=school,
            status=Publication.Status.PUBLISHED,
            published_at__gte=since,
            published_at__lt=until,
        )
        .values("post__account__name", "target")
        .annotate(n=Count("pk"))
        .order_by("post__account__name", "target")
    )
    rows = [[p["post__account__name"], target_label(p["target"]).capitalize(), str(p["n"])] for p in places]
    accounts = {p["post__account__name"] for p in places}
    section = Section("published", "Posts published")
    section.lines.append(
        f"{_plural(len(posts), 'post')} went out from {_plural(len(accounts), 'account')}."
        if posts
        else "No posts went out in this period."
    )
    if rows:
        section.tables.append(Table(["Account", "Where", "Posts"], rows))
    days = [timezone.localdate(moment) for moment in posts]
    periods = _periods(start, end)
    bars = [(label, sum(1 for d in days if first <= d <= last)) for label, first, last in periods]
    every = "week" if (end - start).days <= 26 * 7 else "month"
    section.charts.append(Chart(f"Posts published each {every}", bars, unit="posts"))
    return section


def _held_when(summary: str) -> str:
    # "Held before publishing: <the checker's words>" -> "Held before publishing".
    return summary.partition(":")[0].strip()


def _held_categories(data: dict[str, Any]) -> str:
    categories = list(data.get("categories") or [])
    categories += [f.get("category", "") for f in data.get("findings") or [] if isinstance(f, dict)]
    if data.get("pupil") is not None:
        categories.append("photo-consent")
    titles = sorted({category_title(c) for c in categories if c})
    return ", ".join(titles) or "Not recorded"


def _held_and_caught(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    entries = AuditEntry.objects.filter(school=school, created_at__gte=since, created_at__lt=until)
    section = Section("held", "Posts held, and what the checks caught")
    held = list(entries.filter(action="post.held").order_by("created_at"))
    accounts = dict(
        Post.objects.filter(
            school=school, pk__in=[int(e.object_id) for e in held if e.object_id.isdigit()]
        ).values_list("pk", "account__name")
    )
    held_posts = {e.object_id for e in held}
    section.lines.append(
        f"{_plural(len(held_posts), 'post was', 'posts were')} held back before going out, "
        "because a check found something that must change."
        if held_posts
        else "No post was held back."
    )
    if held:
        # The recorded reason quotes the post (and so may name a child): the report gives the
        # moment and the categories found instead.
        section.tables.append(
            Table(
                ["Date", "Account", "When", "What must change"],
                [
                    [
                        _day(e.created_at),
                        accounts.get(int(e.object_id), "") if e.object_id.isdigit() else "",
                        _held_when(e.summary),
                        _held_categories(e.data),
                    ]
                    for e in held
                ],
                "Posts held",
            )
        )
    # Each post counted once per category, however often it was checked.
    caught: dict[str, set[str]] = defaultdict(set)
    for entry in entries.filter(action="post.checked").only("object_id", "data"):
        for category in entry.data.get("categories") or []:
            caught[category].add(entry.object_id)
    counts = sorted(((category_title(c), len(p)) for c, p in caught.items()), key=lambda x: (-x[1], x[0]))
    checked = entries.filter(action="post.checked").values("object_id").distinct().count()
    flagged = len(set().union(*caught.values())) if caught else 0
    section.lines.append(
        f"Safepost checked {_plural(checked, 'post')} as they were written; it found something to change "
        f"or check in {flagged} of them. The writers changed their words, or gave a reason (below)."
    )
    if counts:
        section.tables.append(
            Table(["What the check found", "Posts"], [[c, str(n)] for c, n in counts], "Findings by category")
        )
    section.charts.append(Chart("Findings by category (posts)", counts, horizontal=True, unit="posts"))
    return section


def _overrides(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    found = (
        Override.objects.filter(post__school=school, created_at__gte=since, created_at__lt=until)
        .select_related("user")
        .order_by("created_at")
    )
    section = Section("overrides", "Warnings overridden, and why")
    rows = [[_day(o.created_at), _name(o.user), category_title(o.category), o.reason] for o in found]
    section.lines.append(
        f"{_plural(len(rows), 'warning was', 'warnings were')} overridden: the writer kept their words and "
        "gave the reason below."
        if rows
        else "No warning was overridden."
    )
    if rows:
        section.tables.append(Table(["Date", "Who", "Warning", "Reason given"], rows))
    return section


def _exceptions(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    found = (
        AuditEntry.objects.filter(
            school=school, action="post.exception", created_at__gte=since, created_at__lt=until
        )
        .select_related("actor")
        .order_by("created_at")
    )
    words = dict(Post.Exception.choices)
    rows = [
        [
            _day(e.created_at),
            str(words.get(e.data.get("exception", ""), e.data.get("exception", ""))),
            _name(e.actor) if e.actor else e.actor_name,
            str(e.data.get("reason", "")),
        ]
        for e in found
    ]
    section = Section("exceptions", "Exceptions to the posting hours")
    section.lines.append(
        f"{_plural(len(rows), 'post was', 'posts were')} sent outside the posting hours as an exception the "
        "policy allows."
        if rows
        else "No post was sent outside the posting hours."
    )
    if rows:
        section.tables.append(Table(["Date", "Exception", "Who", "Reason given"], rows))
    return section


def _photos_and_consent(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    photos = PostPhoto.objects.filter(
        post__school=school, post__published_at__gte=since, post__published_at__lt=until
    ).only("faces")
    published = blurred_photos = blurred_faces = 0
    for photo in photos:
        published += 1
        faces = sum(1 for face in photo.faces or [] if face.get("blurred"))
        blurred_faces += faces
        blurred_photos += bool(faces)
    changes = ConsentChange.objects.filter(pupil__school=school, on__gte=start, on__lte=end)
    by_channel: dict[str, dict[str, Any]] = {
        row["channel"]: dict(row)
        for row in changes.values("channel").annotate(
            withdrawn=Count("pk", filter=Q(value=ConsentValue.WITHDRAWN)),
            given=Count("pk", filter=Q(value=ConsentValue.GIVEN)),
        )
    }
    withdrawn = sum(row["withdrawn"] for row in by_channel.values())
    held_after = AuditEntry.objects.filter(
        school=school,
        action="post.held",
        created_at__gte=since,
        created_at__lt=until,
        data__has_key="pupil",
    ).count()
    section = Section("photos", "Photos and consent")
    section.lines.append(
        f"{_plural(published, 'photo')} went out with posts"
        + (
            f"; in {_plural(blurred_photos, 'photo')} {_plural(blurred_faces, 'face was', 'faces were')} blurred."
            if blurred_faces
            else "; no face needed blurring."
            if published
            else "."
        )
    )
    section.lines.append(
        f"Parents withdrew or refused consent {_plural(withdrawn, 'time')} in this period"
        + (
            f"; {_plural(held_after, 'post was', 'posts were')} held because of it before going out."
            if held_after
            else "."
        )
    )
    rows = [
        [
            label,
            str(by_channel.get(value, {}).get("withdrawn", 0)),
            str(by_channel.get(value, {}).get("given", 0)),
        ]
        for value, label in Channel.choices
    ]
    section.tables.append(
        Table(["Where photos appear", "Withdrawn or refused", "Given"], rows, "Consent changes")
    )
    return section


def _inbox(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    items = InboxItem.objects.filter(school=school, is_own=False, fetched_at__gte=since, fetched_at__lt=until)
    by_label = {
        row["label"]: row
        for row in items.values("label").annotate(
            n=Count("pk"),
            dealt=Count(
                "pk", filter=Q(state__in=[InboxItem.State.DEALT_WITH, InboxItem.State.ANSWERED_OFFLINE])
            ),
            none=Count("pk", filter=Q(state=InboxItem.State.NO_ACTION)),
            escalated=Count("pk", filter=Q(escalate=True)),
        )
    }
    total = sum(row["n"] for row in by_label.values())
    section = Section("inbox", "Replies and mentions (the moderation inbox)")
    section.lines.append(
        f"{_plural(total, 'reply, mention or quote', 'replies, mentions and quotes')} came to the school's accounts; "
        f"{_plural(sum(r['escalated'] for r in by_label.values()), 'was', 'were')} sent straight to the "
        "safeguarding lead."
        if total
        else "Nothing came to the school's accounts (or no account is read by Safepost yet)."
    )
    rows = []
    for value, label in Label.choices:
        row = by_label.get(value)
        if row:
            waiting = row["n"] - row["dealt"] - row["none"]
            rows.append([label, str(row["n"]), str(row["dealt"]), str(row["none"]), str(waiting)])
    if rows:
        section.tables.append(
            Table(["Label", "Items", "Dealt with", "No action needed", "Still open"], rows, "Items by label")
        )
    actions = (
        ModerationAction.objects.filter(school=school, at__gte=since, at__lt=until)
        .values("action")
        .annotate(
            done=Count("pk", filter=Q(outcome=ModerationAction.Outcome.DONE)),
            recorded=Count("pk", filter=Q(outcome=ModerationAction.Outcome.RECORDED)),
            failed=Count("pk", filter=Q(outcome=ModerationAction.Outcome.FAILED)),
        )
        .order_by("action")
    )
    action_rows = [
        [
            MODERATION_ACTIONS.get(a["action"], a["action"]),
            str(a["done"]),
            str(a["recorded"]),
            str(a["failed"]),
        ]
        for a in actions
    ]
    if action_rows:
        section.tables.append(
            Table(
                ["Action", "Done in Safepost", "Done outside Safepost", "Failed"],
                action_rows,
                "Actions taken",
            )
        )
    else:
        section.lines.append("No action (hide, block, report...) was needed.")
    return section


def _incidents(school: School, start: date, end: date) -> Section:
    since, until = bounds(start, end)
    found = list(
        Incident.objects.filter(school=school, opened_at__gte=since, opened_at__lt=until).order_by(
            "opened_at"
        )
    )
    section = Section("incidents", "Incidents on the e-safety record")
    authority = sum(1 for i in found if i.reported_to_authority)
    breach = sum(1 for i in found if i.staff_conduct_breach)
    still_open = sum(1 for i in found if i.status != Incident.Status.CLOSED)
    section.lines.append(
        f"{_plural(len(found), 'incident was', 'incidents were')} opened: {still_open} still open, "
        f"{authority} reported to the local authority, {breach} a possible breach of the staff code of conduct."
        if found
        else "No incident was opened."
    )
    if found:
        section.tables.append(
            Table(
                ["No.", "Opened", "Incident", "Status", "Outcome", "Local authority"],
                [
                    [
                        str(i.number),
                        _day(i.opened_at),
                        i.title,
                        i.get_status_display(),
                        i.outcome or "Not recorded yet",
                        "Reported" if i.reported_to_authority else "No",
                    ]
                    for i in found
                ],
            )
        )
    statuses = Counter(i.get_status_display() for i in found)
    section.charts.append(
        Chart(
            "Incidents opened in this period, by status",
            [(label, statuses.get(label, 0)) for _, label in Incident.Status.choices],
            horizontal=True,
            unit="incidents",
        )
    )
    return section


def _duties(school: School, start: date, end: date) -> Section:
    section = Section("duties", "Duties and reviews: on time or late")
    done = completions_for(school, start, end)
    late = [c for c in done if not c.on_time]
    today = timezone.localdate()
    overdue = [
        d
        for d in duties_for(school, today)
        if d.status(today) == Status.OVERDUE and d.due_on is not None and d.due_on <= end
    ]
    section.lines.append(
        f"{_plural(len(done), 'duty was', 'duties were')} done: {len(done) - len(late)} on time, {len(late)} late."
        if done
        else "No scheduled duty (sign-in change, consent renewal, review) was recorded as done in this period."
    )
    if overdue:
        section.lines.append(f"{_plural(len(overdue), 'duty is', 'duties are')} overdue and not done yet.")
    rows = [
        [
            f"{c.done_on:%-d %b %Y}",
            c.name,
            f"{c.due_on:%-d %b %Y}" if c.due_on else "—",
            "On time" if c.on_time else "Late",
        ]
        for c in done
    ] + [
        ["Not done", d.name, f"{d.due_on:%-d %b %Y}", STATUS_WORDS[Status.OVERDUE]]
        for d in overdue
        if d.due_on
    ]
    if rows:
        section.tables.append(Table(["Done", "Duty", "Due", "On time?"], rows))
    return section


SECTIONS: list[Callable[[School, date, date], Section]] = [
    _published,
    _held_and_caught,
    _overrides,
    _exceptions,
    _photos_and_consent,
    _inbox,
    _incidents,
]


def build(school: School, start: date, end: date, title: str = "") -> Report:
    """The report for ``school`` from ``start`` to ``end`` (both included)."""
    if end < start:
        raise ValueError("The end date is before the start date.")
    if end - start > LONGEST:
        raise ValueError("Choose at most three years.")
    sections = [make(school, start, end) for make in SECTIONS]
    for key, placeholder in PLACEHOLDERS.items():
        function = _contributed.get(key)
        sections.append(function(school, start, end) if function else placeholder)
    sections.extend(f(school, start, end) for k, f in _contributed.items() if k not in PLACEHOLDERS)
    sections.append(_duties(school, start, end))
    return Report(school, start, end, title or f"{start:%-d %B %Y} to {end:%-d %B %Y}", sections)


def all_rows(sections: Iterable[Section]) -> Iterable[str]:
    """Every sentence and cell, for tests and searches."""
    for section in sections:
        yield from section.lines
        for table in section.tables:
            for row in table.rows:
                yield from row

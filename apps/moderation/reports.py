"""The e-safety record as CSV and as a PDF a governor can read; X's reading cost estimate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from apps.moderation.models import Incident, IngestState
from apps.schools.models import School

CSV_HEADER = (
    "Number",
    "Opened",
    "Title",
    "Status",
    "Owner",
    "Opened by",
    "Description",
    "Actions taken",
    "Outcome",
    "Reported to the authority",
    "Reported on",
    "Authority reference",
    "Possible breach of the staff code of conduct",
    "Items",
)


def _name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _text(value: str) -> str:
    # A spreadsheet must not run a cell as a formula (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def rows(incidents: Iterable[Incident]) -> Iterable[list[str]]:
    """One row per incident, in :data:`CSV_HEADER`'s order."""
    for incident in incidents:
        yield [
            str(incident.number),
            timezone.localtime(incident.opened_at).strftime("%Y-%m-%d %H:%M"),
            _text(incident.title),
            incident.get_status_display(),
            _name(incident.owner),
            _name(incident.opened_by),
            _text(incident.description),
            _text(incident.actions_taken),
            _text(incident.outcome),
            "yes" if incident.reported_to_authority else "no",
            incident.authority_reported_on.isoformat() if incident.authority_reported_on else "",
            _text(incident.authority_reference),
            "yes" if incident.staff_conduct_breach else "no",
            " ".join(str(pk) for pk in incident.items.values_list("pk", flat=True)),
        ]


def _latin(text: str) -> str:
    """The PDF's core font is Latin-1: other characters are shown as '?' rather than failing."""
    replacements = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"}
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf(school: School, incidents: list[Incident], filters: dict[str, str]) -> bytes:
    """The record as a plain, readable PDF: a summary, then each incident in full."""
    document = FPDF(format="A4")
    document.set_auto_page_break(auto=True, margin=15)
    document.set_title(f"E-safety record - {school.name}")
    document.add_page()
    width = document.epw

    def line(text: str, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        document.set_font("Helvetica", style, size)
        document.multi_cell(width, size * 0.5, _latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        document.ln(gap)

    line(f"E-safety record: {school.name}", 18, "B", 3)
    printed = timezone.localtime().strftime("%d %B %Y at %H:%M")
    shown = ", ".join(f"{k}: {v}" for k, v in filters.items()) or "all incidents"
    line(f"Printed {printed}. Showing {shown}.", 10)
    total = len(incidents)
    open_count = sum(1 for i in incidents if i.status != Incident.Status.CLOSED)
    authority = sum(1 for i in incidents if i.reported_to_authority)
    breaches = sum(1 for i in incidents if i.staff_conduct_breach)
    line(
        f"{total} incident(s): {open_count} still open, {authority} reported to the local authority, "
        f"{breaches} a possible breach of the staff code of conduct.",
        11,
        "",
        4,
    )
    if not incidents:
        line("There is nothing on the record for this choice.", 11)
    for incident in incidents:
        line(f"Incident {incident.number}: {incident.title}", 13, "B", 1)
        opened = timezone.localtime(incident.opened_at).strftime("%d %B %Y")
        line(
            f"Opened {opened} by {_name(incident.opened_by)}. Owner: {_name(incident.owner) or 'nobody yet'}. "
            f"Status: {incident.get_status_display()}.",
            10,
        )
        for heading, body in (
            ("What happened", incident.description),
            ("Actions taken", incident.actions_taken),
            ("Outcome", incident.outcome),
        ):
            if body:
                line(heading, 10, "B", 0)
                line(body, 10)
        reported = "No"
        if incident.reported_to_authority:
            when = (
                incident.authority_reported_on.strftime("%d %B %Y")
                if incident.authority_reported_on
                else "date not given"
            )
            reported = f"Yes, on {when}" + (
                f" (reference {incident.authority_reference})" if incident.authority_reference else ""
            )
        line(f"Reported to the local authority: {reported}.", 10, "", 0)
        line(
            "Possible breach of the staff code of conduct: "
            + ("yes." if incident.staff_conduct_breach else "no."),
            10,
        )
        items = list(incident.items.all())
        if items:
            line(f"Items from the inbox: {len(items)}", 10, "B", 0)
            for item in items:
                line(
                    f"- {item.get_kind_display()} from {item.author_handle} on {item.platform}: {item.text[:300]}",
                    9,
                    "",
                    0,
                )
            document.ln(1)
        notes = list(incident.notes.all())
        if notes:
            line("Notes", 10, "B", 0)
            for note in notes:
                when = timezone.localtime(note.at).strftime("%d %b %Y %H:%M")
                line(f"{when}, {_name(note.author)}: {note.text}", 9, "", 0)
        document.ln(4)
    return bytes(document.output())


@dataclass(frozen=True)
class XEstimate:
    """What reading an X account costs a month at its interval, from the reads counted so far."""

    polls: int
    posts_a_month: int
    dollars: float


def x_estimate(state: IngestState | None) -> XEstimate:
    """Polls a month at the interval; posts read a month from this month's count so far (X bills each post read)."""
    interval = state.interval_minutes if state else 60
    polls = (30 * 24 * 60) // max(interval, 1)
    day = max(timezone.now().day, 1)
    read = state.reads_this_month if state and state.reads_month == timezone.now().strftime("%Y-%m") else 0
    posts = round(read * 30 / day)
    return XEstimate(
        polls=polls, posts_a_month=posts, dollars=round(posts * settings.SAFEPOST_X_READ_COST, 2)
    )

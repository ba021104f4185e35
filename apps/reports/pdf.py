"""The governors' report as a PDF: the same sections, tables and charts as the page (fpdf2)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from apps.reports import charts
from apps.reports.figures import Report
from apps.reports.models import Receipt

_REPLACEMENTS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"}


def latin(text: str) -> str:
    """The PDF's core font is Latin-1: other characters are shown as '?' rather than failing."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def render(report: Report, receipts: Sequence[Receipt]) -> bytes:
    """The report as PDF bytes."""
    document = FPDF(format="A4")
    document.set_auto_page_break(auto=True, margin=15)
    document.set_title(latin(f"Governors' report - {report.school.name} - {report.title}"))
    document.add_page()
    width = document.epw

    def line(text: str, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        document.set_font("Helvetica", style, size)
        document.multi_cell(width, size * 0.5, latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        document.ln(gap)

    line(f"Governors' report: {report.school.name}", 18, "B", 2)
    line(f"{report.title} ({report.start:%-d %B %Y} to {report.end:%-d %B %Y})", 12, "", 1)
    line(f"Printed {timezone.localtime():%-d %B %Y at %H:%M} from Safepost's records.", 9, "", 4)
    for section in report.sections:
        if document.get_y() > document.h - 60:
            document.add_page()
        line(section.title, 14, "B", 1)
        for sentence in section.lines:
            line(sentence, 10, "", 1)
        for table in section.tables:
            if table.caption:
                line(table.caption, 10, "B", 0.5)
            document.set_font("Helvetica", "", 8)
            with document.table(
                text_align="LEFT", first_row_as_headings=True, line_height=4.2, padding=1
            ) as grid:
                heading = grid.row()
                for column in table.columns:
                    heading.cell(latin(column))
                for cells in table.rows:
                    row = grid.row()
                    for cell in cells:
                        row.cell(latin(cell))
            document.ln(3)
        for chart in section.charts:
            drawing = charts.svg(chart, font="Helvetica", titled=False)
            if document.get_y() > document.h - 80:
                document.add_page()
            document.image(io.BytesIO(latin(drawing).encode()), w=min(width, 170))
            document.ln(3)
        document.ln(3)
    line("Received by the governing body", 14, "B", 1)
    if receipts:
        for receipt in receipts:
            line(
                f"Signed as received by {receipt.signed_by_name} ({receipt.role_display}) on "
                f"{timezone.localtime(receipt.signed_at):%-d %B %Y at %H:%M}"
                + (f": {receipt.note}" if receipt.note else "."),
                10,
            )
    else:
        line("Not signed as received yet.", 10)
    return bytes(document.output())

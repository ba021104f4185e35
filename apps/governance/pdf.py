"""The policy document and the letters to parents as PDFs (fpdf2, its core fonts: nothing to download)."""

from __future__ import annotations

from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from apps.governance.document import Document

_REPLACEMENTS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"}


def latin(text: str) -> str:
    """The core fonts are Latin-1: typographic quotes become plain ones, anything else a '?'."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Writer:
    def __init__(self, title: str) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.set_title(latin(title))
        self.pdf.add_page()

    def line(self, text: str, size: int = 11, style: str = "", gap: float = 1.5, indent: float = 0) -> None:
        self.pdf.set_font("Helvetica", style, size)
        self.pdf.set_x(self.pdf.l_margin + indent)
        self.pdf.multi_cell(
            self.pdf.epw - indent, size * 0.5, latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.pdf.ln(gap)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def policy_pdf(document: Document, status: str) -> bytes:
    """The policy document: each section's sentences with their footnote numbers, then the settings."""
    out = _Writer(document.title)
    out.line(document.title, 18, "B", 3)
    out.line(status, 10, "", 4)
    for section in document.sections:
        out.line(section.title, 13, "B", 1)
        for sentence in section.sentences:
            marks = ", ".join(str(n) for n in document.numbers(sentence))
            out.line(f"- {sentence.text} [{marks}]", 10, "", 1, indent=2)
        out.pdf.ln(2)
    out.line("The settings behind each sentence", 13, "B", 1)
    out.line(
        "Each number in brackets above is one of the school's Safepost settings: what it is set to, and what "
        "it means. Safepost enforces them on every post.",
        9,
        "",
        2,
    )
    for setting in document.settings:
        out.line(f"[{setting.number}] {setting.key} = {setting.value}", 9, "B", 0)
        out.line(setting.meaning, 9, "", 1, indent=4)
    out.line(f"Printed {timezone.localtime():%d %B %Y at %H:%M} from Safepost.", 8, "I", 0)
    return out.output()


def text_pdf(title: str, text: str) -> bytes:
    """A letter or summary as the school edited it: paragraphs, and lines starting "- " as bullets."""
    out = _Writer(title)
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        if not paragraph.strip():
            out.pdf.ln(3)
        elif paragraph.startswith("- "):
            out.line(paragraph, 11, "", 0.5, indent=3)
        elif paragraph.isupper() or (
            len(paragraph) < 60 and not paragraph.rstrip().endswith((".", ",", ":"))
        ):
            out.line(paragraph, 12, "B", 0.5)
        else:
            out.line(paragraph, 11, "", 0.5)
    return out.output()

"""Bar charts drawn as SVG on the server: the same drawing goes into the page and into the PDF.

Hand-drawn rather than matplotlib: these are plain bar charts, and importing matplotlib's pyplot
costs about 1.5 s of CPU in every process that loads the report (numpy alone: 0.3 s), for about
33 MB more on disk (docs/performance.md). fpdf2 draws SVG, text included,
so the PDF needs nothing else. Only presentation attributes are used (no ``style``), so the page's
Content Security Policy has nothing to refuse.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from apps.reports.figures import Chart

BAR = "#1f5f99"
INK = "#1d2733"
SOFT = "#5b6875"
LINE = "#c9d1d9"


def _nice_top(value: int) -> int:
    """The round number (1, 2, 5, 10, 20, 50...) the scale runs up to, at or above ``value``."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


def _ticks(top: int) -> list[int]:
    step = max(top // (4 if str(top)[0] == "2" else 5), 1)
    return list(range(0, top + 1, step))


def svg(chart: Chart, font: str = "Helvetica", titled: bool = True) -> str:
    """The chart as a standalone SVG document in ``font``; ``titled``: with a ``<title>`` for screen
    readers (fpdf2 ignores it, with a warning, so the PDF leaves it out)."""
    drawing = _horizontal(chart, font) if chart.horizontal else _vertical(chart, font)
    return drawing if titled else re.sub(r"<title>.*?</title>", "", drawing, count=1)


def _text(
    x: float,
    y: float,
    content: str,
    font: str,
    size: int = 11,
    anchor: str = "start",
    colour: str = INK,
    extra: str = "",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{font}" font-size="{size}" fill="{colour}" '
        f'text-anchor="{anchor}"{extra}>{escape(content)}</text>'
    )


def _frame(width: int, height: int, chart: Chart, body: list[str]) -> str:
    title = escape(chart.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{title}">'
        f"<title>{title}</title>" + "".join(body) + "</svg>"
    )


def _vertical(chart: Chart, font: str) -> str:
    width, height = 640, 260
    left, right, top, bottom = 40, 10, 30, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max((v for _, v in chart.bars), default=0)
    scale_top = _nice_top(max(most, 1))
    body = [_text(0, 16, chart.title, font, 13, extra=' font-weight="bold"')]
    for tick in _ticks(scale_top):
        y = top + plot_h - plot_h * tick / scale_top
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{LINE}" stroke-width="1"/>'
        )
        body.append(_text(left - 6, y + 4, str(tick), font, 10, "end", SOFT))
    count = max(len(chart.bars), 1)
    slot = plot_w / count
    label_every = 1 if count <= 14 else 2 if count <= 28 else 4
    for i, (label, value) in enumerate(chart.bars):
        bar_h = plot_h * value / scale_top
        x = left + i * slot + slot * 0.15
        body.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{slot * 0.7:.1f}" height="{bar_h:.1f}" fill="{BAR}"/>'
        )
        if value and count <= 28:
            body.append(_text(x + slot * 0.35, top + plot_h - bar_h - 3, str(value), font, 9, "middle", INK))
        if i % label_every == 0:
            body.append(_text(x + slot * 0.35, top + plot_h + 16, label, font, 9, "middle", SOFT))
    body.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{INK}" stroke-width="1"/>'
    )
    if chart.empty:
        body.append(
            _text(left + plot_w / 2, top + plot_h / 2, "Nothing in this period", font, 12, "middle", SOFT)
        )
    return _frame(width, height, chart, body)


def _horizontal(chart: Chart, font: str) -> str:
    row = 24
    width = 640
    left, right, top = 230, 40, 30
    height = top + row * max(len(chart.bars), 1) + 10
    plot_w = width - left - right
    most = max((v for _, v in chart.bars), default=0)
    body = [_text(0, 16, chart.title, font, 13, extra=' font-weight="bold"')]
    for i, (label, value) in enumerate(chart.bars):
        y = top + i * row
        bar_w = plot_w * value / most if most else 0
        shown = label if len(label) <= 36 else label[:35] + "…"
        body.append(_text(left - 8, y + row * 0.65, shown, font, 11, "end"))
        body.append(f'<rect x="{left}" y="{y + 4}" width="{bar_w:.1f}" height="{row - 8}" fill="{BAR}"/>')
        body.append(_text(left + bar_w + 6, y + row * 0.65, str(value), font, 11))
    if not chart.bars or chart.empty:
        body.append(_text(left, top + row * 0.65, "Nothing in this period", font, 12, "start", SOFT))
    return _frame(width, height, chart, body)

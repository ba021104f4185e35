from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from apps.checker.engine import checker_for, load_preset
from apps.checker.forms import DEFAULT_PRESET, CheckForm
from safepost.policy.config import preset_names
from safepost.policy.findings import CATEGORIES, Finding, Severity, Verdict
from safepost.policy.rules.base import Post
from safepost.policy.rules.over_length import post_length

# Card titles in staff language; the engine's categories are the fallback.
TITLES = {
    "pupil-surname": "A pupil's surname",
    "pupil-name": "A pupil's name",
    "individual-pupil": "About one child",
    "trip-whereabouts": "Says where pupils will be",
    "out-of-hours": "Outside posting hours",
    "mention": "An @mention of another account",
    "text-speak": "Text speak",
    "spelling": "Spelling",
    "offensive": "Offensive language",
    "personal-data": "Personal details",
    "too-long": "Too long",
    "hashtag-placement": "Hashtag in the middle",
}
SEVERITY_LABELS = {Severity.BLOCK: "Must change", Severity.WARN: "Check this", Severity.INFO: "Tip"}
VERDICTS = {
    Verdict.PASS: "Ready to post",
    Verdict.WARN: "Needs a second look",
    Verdict.BLOCK: "Can't be posted yet",
}
_RANK = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class Card:
    """One finding as the page shows it, numbered in text order."""

    number: int
    finding: Finding
    title: str
    flagged: str
    severity_label: str


@dataclass(frozen=True)
class Piece:
    """A run of the post's text; ``cards`` are the findings covering it (none: plain text)."""

    text: str
    cards: tuple[Card, ...] = ()
    ending: tuple[int, ...] = ()  # numbers of the findings whose words end here

    @property
    def severity(self) -> str:
        return str(min((c.finding.severity for c in self.cards), key=_RANK.__getitem__))

    @property
    def label(self) -> str:
        return "; ".join(f"{c.number}: {c.title}" for c in self.cards)


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    heading: str
    summary: str
    school: str
    at: datetime
    cards: tuple[Card, ...]
    pieces: tuple[Piece, ...]
    length: int
    limit: int


def build_cards(text: str, findings: tuple[Finding, ...]) -> tuple[Card, ...]:
    return tuple(
        Card(
            number=i,
            finding=f,
            title=TITLES.get(f.category, CATEGORIES.get(f.category, f.name)),
            flagged=text[f.start : f.end],
            severity_label=SEVERITY_LABELS[f.severity],
        )
        for i, f in enumerate(findings, start=1)
    )


def build_pieces(text: str, cards: tuple[Card, ...]) -> tuple[Piece, ...]:
    """Split ``text`` at every finding's start and end, so overlapping findings mark cleanly."""
    spans = [(max(0, c.finding.start), min(len(text), c.finding.end), c) for c in cards]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    pieces: list[Piece] = []
    for lo, hi in pairwise(cuts):
        covering = tuple(c for start, end, c in spans if start <= lo and hi <= end)
        ending = tuple(c.number for start, end, c in spans if end == hi and start < hi)
        if pieces and not covering and not pieces[-1].cards:
            pieces[-1] = Piece(pieces[-1].text + text[lo:hi])
        else:
            pieces.append(Piece(text[lo:hi], covering, ending if covering else ()))
    return tuple(pieces)


def _summary(verdict: Verdict, cards: tuple[Card, ...], school: str) -> str:
    blocking = sum(c.finding.severity is Severity.BLOCK for c in cards)
    warnings = sum(c.finding.severity is Severity.WARN for c in cards)
    if verdict is Verdict.BLOCK:
        things = "thing" if blocking == 1 else "things"
        extra = f", and {warnings} more to look at" if warnings else ""
        return f"{blocking} {things} must change before this can go out{extra}."
    if verdict is Verdict.WARN:
        things = "thing" if warnings == 1 else "things"
        return f"It can go out, but check {warnings} {things} against the {school} policy first."
    return f"Nothing in it goes against the {school} policy. Read it through once more before posting."


def run_check(form: CheckForm) -> Result | None:
    text: str = form.cleaned_data["text"]
    if not text.strip():
        return None
    preset: str = form.cleaned_data["preset"]
    policy = load_preset(preset)
    at = form.publish_time()
    post = Post(
        text,
        at=at,
        exception=form.cleaned_data["exception"] or None,
        pupil_photos=form.cleaned_data["pupil_photos"],
    )
    report = checker_for(preset).check(post)
    cards = build_cards(text, report.findings)
    return Result(
        verdict=report.verdict,
        heading=VERDICTS[report.verdict],
        summary=_summary(report.verdict, cards, policy.school.name),
        school=policy.school.name,
        at=at.astimezone(policy.tz),
        cards=cards,
        pieces=build_pieces(text, cards),
        length=post_length(text),
        limit=policy.writing.max_length,
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def check(request: HtmxHttpRequest) -> HttpResponse:
    """The check page; an htmx request gets only the result panel."""
    form = CheckForm(request.POST) if request.method == "POST" else CheckForm()
    result = run_check(form) if form.is_bound and form.is_valid() else None
    preset = form["preset"].value() or DEFAULT_PRESET
    limits = {name: load_preset(name).writing.max_length for name in preset_names()}
    limit = limits.get(str(preset), limits[DEFAULT_PRESET])
    length = post_length(str(form["text"].value() or ""))
    context = {
        "form": form,
        "result": result,
        "limits": limits,
        "limit": limit,
        "length": length,
        "over": length - limit,
        # Keep "When and how" open once any of its controls is in use.
        "when_open": any(form.data.get(k) for k in ("at", "exception", "pupil_photos")),
    }
    template = "checker/check.html#result" if request.htmx else "checker/check.html"
    return render(request, template, context)

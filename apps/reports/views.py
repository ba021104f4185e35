"""The governors' report: a page and a PDF for a term or any dates, and its "received" signatures."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from apps.reminders import terms
from apps.reports import access, actions, charts, figures, pdf
from apps.reports.models import Receipt
from apps.schools.models import Membership
from apps.schools.scoping import school_member_required


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    title: str
    term_key: str = ""
    problem: str = ""

    def query(self) -> str:
        if self.term_key:
            return urlencode({"term": self.term_key})
        return urlencode({"start": self.start.isoformat(), "end": self.end.isoformat()})


def _membership(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined]


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def period(data: dict[str, str], membership: Membership) -> Period:
    """The period a request asks for: ``term=2026-autumn``, or ``start`` and ``end``; else this term."""
    policy = membership.school.policy
    current = terms.term_containing(policy, timezone.localdate())
    fallback = Period(current.start, current.end, current.name, current.key)
    if data.get("term"):
        term = terms.term_by_key(policy, data["term"])
        if term is None:
            return dataclasses.replace(
                fallback, problem="That term is not one of your school's; here is this term."
            )
        return Period(term.start, term.end, term.name, term.key)
    if data.get("start") or data.get("end"):
        start, end = _date(data.get("start", "")), _date(data.get("end", ""))
        if start is None or end is None:
            problem = "Give both dates, as on the calendar (e.g. 2026-09-01); here is this term."
        elif end < start:
            problem = "The end date is before the start date; here is this term."
        elif end - start > figures.LONGEST:
            problem = "Choose at most three years; here is this term."
        else:
            return Period(start, end, f"{start:%-d %B %Y} to {end:%-d %B %Y}")
        return dataclasses.replace(fallback, problem=problem)
    return fallback


def _report(request: HttpRequest) -> tuple[Period, figures.Report]:
    membership = _membership(request)
    chosen = period(request.GET.dict() if request.method == "GET" else request.POST.dict(), membership)
    return chosen, figures.build(membership.school, chosen.start, chosen.end, chosen.title)


def _receipts(membership: Membership, chosen: Period) -> list[Receipt]:
    return list(Receipt.objects.filter(school=membership.school, start=chosen.start, end=chosen.end))


@require_GET
@school_member_required(access.can_view)
def governors(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    chosen, report = _report(request)
    if chosen.problem:
        messages.warning(request, chosen.problem)
    receipts = _receipts(membership, chosen)
    digest = report.digest()
    sections = [
        {
            "section": section,
            # Drawn here from the school's own figures, every label escaped (charts.svg).
            "charts": [
                mark_safe(charts.svg(chart, font="Helvetica, Arial, sans-serif")) for chart in section.charts
            ],
        }
        for section in report.sections
    ]
    policy = membership.school.policy
    return render(
        request,
        "reports/governors.html",
        {
            "report": report,
            "sections": sections,
            "chosen": chosen,
            "terms": terms.recent_terms(policy, timezone.localdate()),
            "receipts": receipts,
            "changed_since": [r for r in receipts if r.digest != digest],
            "can_sign": access.can_sign(membership),
            "signed": any(r.signed_by_id == membership.user_id for r in receipts),
        },
    )


@require_GET
@school_member_required(access.can_view)
def governors_pdf(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    chosen, report = _report(request)
    response = HttpResponse(pdf.render(report, _receipts(membership, chosen)), content_type="application/pdf")
    name = f"governors-report-{membership.school.slug}-{chosen.start:%Y-%m-%d}-to-{chosen.end:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@school_member_required(access.can_view)
def receive(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    chosen, report = _report(request)
    if chosen.problem:
        messages.error(request, chosen.problem.replace("here is this term", "nothing was signed"))
        return redirect("reports:governors")
    try:
        actions.sign(membership, report, request.POST.get("note", ""))
    except actions.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Signed as received: the governors' report for {report.title}.")
    return redirect(f"{reverse('reports:governors')}?{chosen.query()}")

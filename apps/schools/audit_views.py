"""The school's audit log page, its CSV export and the chain's status (apps.audit keeps the log;
this page needs the school's permissions and scoping, so it lives with the school)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from apps.audit.actions import verify_school
from apps.audit.display import action_label, exact_time, group_of, object_link, when_in_words
from apps.audit.models import AuditEntry
from apps.schools import permissions
from apps.schools.audit_forms import AuditFilterForm
from apps.schools.models import School
from apps.schools.scoping import SchoolRequest, school_member_required

PER_PAGE = 50
#: How long a verification stays good while the log does not grow (seconds).
VERIFY_CACHE_SECONDS = 60
CSV_HEADER = [
    "school",
    "seq",
    "created_at",
    "local_time",
    "actor",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "summary",
    "data",
    "prev_hash",
    "hash",
    "keyed",
]


@dataclass(frozen=True)
class Row:
    """One entry as the page shows it."""

    entry: AuditEntry
    when: str
    exact: str
    action: str
    group: str
    object_label: str
    object_url: str | None
    data: str


def _rows(entries: list[AuditEntry], school: School) -> list[Row]:
    tz = school.policy.tz
    now = timezone.now()
    rows = []
    for entry in entries:
        group = group_of(entry.action)
        label, url = object_link(entry.object_type, entry.object_id)
        rows.append(
            Row(
                entry=entry,
                when=when_in_words(entry.created_at, tz, now),
                exact=exact_time(entry.created_at, tz),
                action=action_label(entry.action),
                group=group.key if group else "other",
                object_label=label,
                object_url=url,
                data=json.dumps(entry.data, indent=2, sort_keys=True, ensure_ascii=False)
                if entry.data
                else "",
            )
        )
    return rows


def _chain_key(school: School) -> tuple[str, tuple[Any, ...]]:
    entries = AuditEntry.objects.filter(school=school)
    last = entries.order_by("-seq").values_list("seq", "hash").first()
    return f"safepost:audit-chain:{school.pk}", (entries.count(), last)


def chain_status(school: School, compute: bool = True) -> dict[str, Any] | None:
    """Whether the school's chain verifies, cached while the log is unchanged (briefly).

    With ``compute=False`` returns ``None`` instead of verifying when nothing is cached.
    """
    key, state = _chain_key(school)
    cached = cache.get(key)
    if cached is not None and cached["state"] == state:
        return dict(cached)
    if not compute:
        return None
    report = verify_school(school)
    status = {
        "state": state,
        "ok": report.ok,
        "entries": report.entries,
        "problems": [(p.seq, p.problem) for p in report.problems[:20]],
        "problem_count": len(report.problems),
        "checked_at": timezone.now(),
    }
    cache.set(key, status, VERIFY_CACHE_SECONDS)
    return status


def _in_words(chain: dict[str, Any] | None, school: School) -> dict[str, Any] | None:
    if chain is not None:
        chain["checked"] = when_in_words(chain["checked_at"], school.policy.tz)
    return chain


@require_GET
@vary_on_headers("HX-Request")
@school_member_required(check=permissions.can_view_audit)
def log(request: SchoolRequest) -> HttpResponse:
    """The school's audit log, newest first, with filters; ``?panel=chain`` is the chain status fragment."""
    school = request.school
    if request.GET.get("panel") == "chain":
        return render(request, "audit/log.html#chain", {"chain": _in_words(chain_status(school), school)})

    form = AuditFilterForm(school, request.GET or None)
    entries = AuditEntry.objects.filter(school=school)
    if form.is_bound and not form.is_valid():
        entries = entries.none()
    elif form.is_bound:
        entries = form.apply(entries)
    page = Paginator(entries.order_by("-seq"), PER_PAGE).get_page(request.GET.get("page"))
    chain = chain_status(school, compute=request.GET.get("verify") == "1")
    context = {
        "form": form,
        "page": page,
        "rows": _rows(list(page.object_list), school),
        "chain": _in_words(chain, school),
        "filtered": form.active,
        "export_query": _export_query(request),
        "tz_name": school.policy.school.timezone,
    }
    return render(request, "audit/log.html", context)


def _export_query(request: SchoolRequest) -> str:
    query = request.GET.copy()
    for key in ("page", "panel", "verify"):
        query.pop(key, None)
    return query.urlencode()


class _Echo:
    """A file-like object that hands back what is written (for streaming csv)."""

    def write(self, value: str) -> str:
        return value


#: What a spreadsheet reads as the start of a formula (and the control characters that hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def for_spreadsheet(value: object) -> object:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_rows(entries: Iterator[AuditEntry], school: School, *, exact: bool) -> Iterator[str]:
    """The CSV, either exactly as hashed (``exact``) or safe to open in a spreadsheet: a byte-order
    mark so Excel reads UTF-8 ("→ á ą"), and no cell a spreadsheet would run as a formula."""
    tz = school.policy.tz
    writer = csv.writer(_Echo())
    cell = (lambda value: value) if exact else for_spreadsheet
    if not exact:
        yield "\ufeff"
    yield writer.writerow(CSV_HEADER)
    for entry in entries:
        row = [
            cell(value)
            for value in [
                entry.school_id,
                entry.seq,
                entry.created_at.isoformat(),
                entry.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S %Z"),
                "" if entry.actor_id is None else entry.actor_id,
                entry.actor_name,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.summary,
                # Exactly as hashed, so the export can be re-verified on its own.
                json.dumps(
                    entry.data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
                ),
                entry.prev_hash,
                entry.hash,
                int(entry.keyed),
            ]
        ]
        yield writer.writerow(row)


@require_GET
@school_member_required(check=permissions.can_view_audit)
def export(request: SchoolRequest) -> HttpResponse:
    """The filtered entries as CSV for a spreadsheet, oldest first (chain order), streamed."""
    return _export(request, exact=False)


@require_GET
@school_member_required(check=permissions.can_view_audit)
def export_exact(request: SchoolRequest) -> HttpResponse:
    """The same entries exactly as they were hashed, to re-verify the chain from the file alone."""
    return _export(request, exact=True)


def _export(request: SchoolRequest, *, exact: bool) -> HttpResponse:
    school = request.school
    form = AuditFilterForm(school, request.GET or None)
    entries = AuditEntry.objects.filter(school=school)
    if form.is_bound:
        if not form.is_valid():
            # Show the same filters on the page, with what is wrong with them.
            return HttpResponseRedirect(f"{reverse('audit:log')}?{_export_query(request)}")
        entries = form.apply(entries)
    rows = _csv_rows(entries.order_by("seq").iterator(chunk_size=2000), school, exact=exact)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    kind = "-exact" if exact else ""
    filename = f"safepost-audit-{school.slug}-{timezone.localdate():%Y-%m-%d}{kind}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response  # type: ignore[return-value]  # school_member_required is typed for HttpResponse

"""The audit log page and its CSV export: who may see them, filters, pages, the chain status."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from apps.audit.actions import record
from apps.audit.display import when_in_words
from apps.audit.keys import audit_key
from apps.audit.models import AuditEntry
from apps.schools.audit_views import CSV_HEADER
from apps.schools.testing import Personas, make_personas

LOG = reverse("audit:log")
EXPORT = reverse("audit:export")
EXPORT_EXACT = reverse("audit:export_exact")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def p(db: Any) -> Personas:
    personas = make_personas()
    school = personas.school
    record(school, personas.teacher, "post.created", "Oak Class post written: Harvest festival", personas.oak)
    record(school, personas.teacher, "post.submitted", "Oak Class post sent for approval", personas.oak)
    record(
        school, personas.head, "post.approved", "Oak Class post approved", personas.oak, {"comment": "Lovely"}
    )
    record(school, None, "post.published", "Oak Class post published on the school website")
    record(school, personas.head, "policy.changed", "Policy changed (version 2)", school)
    record(personas.other_school, personas.outsider, "post.created", "Elsewhere secret post written")
    return personas


def page(client: Client, **params: str) -> str:
    response = client.get(LOG, params)
    assert response.status_code == 200
    return response.content.decode()


def summaries(html: str) -> list[str]:
    import re

    return re.findall(r'<p class="audit-entry__summary">(.*?)</p>', html)


def export_rows(client: Client, exact: bool = False, **params: str) -> list[dict[str, str]]:
    response = client.get(EXPORT_EXACT if exact else EXPORT, params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


# Who may see it


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["head", "senior", "computing", "governor"])
def test_leaders_the_computing_lead_and_governors_can_read_the_log_and_download_it(
    p: Personas, who: str
) -> None:
    client = p.client_for(getattr(p, who))
    assert "Oak Class post approved" in page(client)
    assert client.get(EXPORT).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["teacher", "office"])
def test_class_teachers_and_office_staff_are_refused_with_403(p: Personas, who: str) -> None:
    client = p.client_for(getattr(p, who))
    assert client.get(LOG).status_code == 403
    assert client.get(EXPORT).status_code == 403


@pytest.mark.django_db
def test_an_outsider_sees_only_their_own_schools_entries(p: Personas) -> None:
    client = p.client_for(p.outsider)
    shown = summaries(page(client))
    assert "Elsewhere secret post written" in shown
    assert not any("Oak Class" in s for s in shown)
    rows = export_rows(client)
    assert [r["summary"] for r in rows if r["action"] == "post.created"] == ["Elsewhere secret post written"]
    assert not any("Oak Class" in r["summary"] for r in rows)


@pytest.mark.django_db
def test_an_outsider_cannot_filter_by_someone_from_another_school(p: Personas) -> None:
    client = p.client_for(p.outsider)
    html = page(client, person=str(p.head.pk))
    assert "Select a valid choice" in html
    assert summaries(html) == []
    assert client.get(EXPORT, {"person": str(p.head.pk)}).status_code == 302


@pytest.mark.django_db
def test_someone_signed_in_without_a_school_gets_404(p: Personas) -> None:
    from django.contrib.auth import get_user_model

    loner = get_user_model().objects.create_user("loner", "loner@example.org", "a-long-password-1")
    client = p.client_for(loner)
    assert client.get(LOG).status_code == 404
    assert client.get(EXPORT).status_code == 404


@pytest.mark.django_db
def test_a_member_whose_membership_ended_gets_404(p: Personas) -> None:
    p.governor.memberships.update(is_active=False)
    assert p.client_for(p.governor).get(LOG).status_code == 404


@pytest.mark.django_db
def test_visitors_who_are_not_signed_in_are_sent_to_sign_in(p: Personas) -> None:
    for url in (LOG, EXPORT):
        response = Client().get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


# What the page shows


@pytest.mark.django_db
def test_entries_are_listed_newest_first_with_who_what_and_when(p: Personas) -> None:
    html = page(p.client_for(p.head))
    assert summaries(html)[:3] == [
        "Policy changed (version 2)",
        "Oak Class post published on the school website",
        "Oak Class post approved",
    ]
    assert "By Helen Head (st-caths-head)" in html
    assert "By system" in html
    assert ">Approved</span>" in html  # the action in words, not post.approved
    assert "just now" in html


@pytest.mark.django_db
def test_the_details_disclosure_shows_the_data_and_fingerprints(p: Personas) -> None:
    html = page(p.client_for(p.head))
    approved = AuditEntry.objects.get(school=p.school, action="post.approved")
    assert "<summary>Details" in html
    assert "&quot;comment&quot;: &quot;Lovely&quot;" in html
    assert approved.hash in html and approved.prev_hash in html


@pytest.mark.django_db
@pytest.mark.urls("apps.audit.tests.urls_with_posts")
def test_an_entry_about_a_post_links_to_the_post_where_that_page_exists(p: Personas) -> None:
    from apps.posts.models import Post

    post = Post.objects.create(school=p.school, account=p.oak, author=p.teacher, text="Harvest")
    record(p.school, p.teacher, "post.created", "Draft written for Oak Class", post)
    html = page(p.client_for(p.head))
    assert f'<a href="/posts/{post.pk}/">Post #{post.pk}</a>' in html
    # Objects without a page of their own are named, not linked.
    account = p.oak.pk
    assert f"· Account #{account}</p>" in html


@pytest.mark.django_db
def test_a_group_filter_shows_only_that_kind_of_action(p: Personas) -> None:
    client = p.client_for(p.head)
    assert summaries(page(client, action="approvals")) == [
        "Oak Class post approved",
        "Oak Class post sent for approval",
    ]
    assert summaries(page(client, action="posts")) == ["Oak Class post written: Harvest festival"]
    assert summaries(page(client, action="publishing")) == ["Oak Class post published on the school website"]
    assert "Policy changed (version 2)" in summaries(page(client, action="policy"))


@pytest.mark.django_db
def test_a_single_action_can_be_chosen(p: Personas) -> None:
    assert summaries(page(p.client_for(p.head), action="post.submitted")) == [
        "Oak Class post sent for approval"
    ]


@pytest.mark.django_db
def test_filtering_by_person_or_by_the_system(p: Personas) -> None:
    client = p.client_for(p.head)
    assert summaries(page(client, person=str(p.teacher.pk))) == [
        "Oak Class post sent for approval",
        "Oak Class post written: Harvest festival",
    ]
    assert "Oak Class post published on the school website" in summaries(page(client, person="system"))
    assert "Oak Class post approved" not in summaries(page(client, person="system"))


@pytest.mark.django_db
def test_free_text_searches_the_summary_ignoring_case(p: Personas) -> None:
    assert summaries(page(p.client_for(p.head), q="harvest")) == ["Oak Class post written: Harvest festival"]


@pytest.mark.django_db
def test_dates_are_the_schools_own_days_across_midnight_in_summer(p: Personas) -> None:
    # 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
    late = AuditEntry.objects.filter(school=p.school, action="post.approved")
    late.update(created_at=datetime(2026, 6, 1, 23, 30, tzinfo=UTC))
    client = p.client_for(p.head)
    html = page(client, start="2026-06-02", end="2026-06-02")
    assert summaries(html) == ["Oak Class post approved"]
    assert "Tuesday 2 June 2026, 00:30:00 BST" in html
    assert summaries(page(client, start="2026-06-01", end="2026-06-01")) == []
    assert "No entries match these filters" in page(client, start="2026-06-01", end="2026-06-01")


@pytest.mark.django_db
def test_an_end_date_before_the_start_is_explained_not_an_error_page(p: Personas) -> None:
    html = page(p.client_for(p.head), start="2026-06-05", end="2026-06-01")
    assert "The end date is before the start date." in html
    assert summaries(html) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"start": "not a date"},
        {"end": "9999-12-31"},
        {"action": "nonsense"},
        {"person": "abc"},
        {"page": "-3"},
        {"page": "999"},
        {"q": "x" * 300},
    ],
)
def test_odd_filters_never_give_a_server_error(p: Personas, params: dict[str, str]) -> None:
    client = p.client_for(p.head)
    assert client.get(LOG, params).status_code == 200
    assert client.get(EXPORT, params).status_code in (200, 302)


@pytest.mark.django_db
def test_long_logs_are_paginated_and_pages_keep_the_filters(p: Personas) -> None:
    for i in range(120):
        record(p.school, p.head, "post.checked", f"Post checked number {i}")
    client = p.client_for(p.head)
    first = page(client, action="post.checked")
    assert len(summaries(first)) == 50
    assert summaries(first)[0] == "Post checked number 119"
    assert "Page 1 of 3" in first
    assert "action=post.checked&amp;page=2" in first
    last = page(client, action="post.checked", page="3")
    assert summaries(last)[-1] == "Post checked number 0"
    assert len(summaries(last)) == 20


@pytest.mark.django_db
def test_the_page_costs_the_same_few_queries_however_long_the_log(
    p: Personas, django_assert_max_num_queries: Any
) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(school=p.school, seq=100 + i, actor_name="x", action="post.checked", summary="s", hash="h")
        for i in range(2000)
    )
    client = p.client_for(p.head)
    with django_assert_max_num_queries(15):
        page(client)


# The chain status panel


@pytest.mark.django_db
def test_the_chain_status_loads_after_the_page_and_says_the_log_is_intact(p: Personas) -> None:
    client = p.client_for(p.head)
    html = page(client)
    assert "Checking the log" in html and "panel=chain" in html
    fragment = client.get(LOG, {"panel": "chain"}, **HTMX).content.decode()
    assert "The log is intact" in fragment
    assert "All 6 entries link up" in fragment
    assert "<html" not in fragment
    # Once checked, the page shows the result straight away.
    assert "The log is intact" in page(client)


@pytest.mark.django_db
def test_without_javascript_check_it_now_verifies_in_the_page(p: Personas) -> None:
    assert "The log is intact" in page(p.client_for(p.head), verify="1")


@pytest.mark.django_db
def test_the_chain_status_names_a_changed_entry(p: Personas) -> None:
    approved = AuditEntry.objects.get(school=p.school, action="post.approved")
    AuditEntry.objects.filter(pk=approved.pk).update(summary="Nothing to see here")
    html = page(p.client_for(p.head), verify="1")
    assert "the log has been tampered with" in html
    assert f"Entry #{approved.seq}: its content was changed after it was recorded." in html


@pytest.mark.django_db
def test_a_deleted_entry_is_noticed_at_once_even_with_a_cached_result(p: Personas) -> None:
    client = p.client_for(p.head)
    assert "The log is intact" in page(client, verify="1")
    AuditEntry.objects.filter(school=p.school, seq=3).delete()
    assert "The log is intact" not in page(client)  # checked again, not the stale result
    html = client.get(LOG, {"panel": "chain"}, **HTMX).content.decode()
    assert "the log has been tampered with" in html
    assert "Entry #4: entry #3 is missing" in html


# The CSV export


@pytest.mark.django_db
def test_the_export_is_a_streamed_csv_attachment_with_a_header(p: Personas) -> None:
    response = p.client_for(p.head).get(EXPORT)
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="safepost-audit-st-caths-' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0] == ",".join(CSV_HEADER)


@pytest.mark.django_db
def test_the_export_has_the_filtered_entries_oldest_first_with_their_hashes(p: Personas) -> None:
    rows = export_rows(p.client_for(p.head), action="approvals")
    assert [r["action"] for r in rows] == ["post.submitted", "post.approved"]
    entry = AuditEntry.objects.get(school=p.school, action="post.approved")
    assert rows[1]["seq"] == str(entry.seq)
    assert rows[1]["hash"] == entry.hash
    assert rows[1]["prev_hash"] == entry.prev_hash
    assert rows[1]["actor_name"] == "Helen Head (st-caths-head)"
    assert json.loads(rows[1]["data"]) == {"comment": "Lovely"}


@pytest.mark.django_db
def test_an_auditor_can_re_verify_the_whole_chain_from_the_export_alone(p: Personas) -> None:
    record(p.school, p.head, "post.edited", '=HYPERLINK("http://evil.example","Click")')
    rows = export_rows(p.client_for(p.head), exact=True)
    previous = "0" * 64
    for row in rows:
        content = {
            "school": int(row["school"]),
            "seq": int(row["seq"]),
            "created_at": row["created_at"],
            "actor": int(row["actor"]) if row["actor"] else None,
            "actor_name": row["actor_name"],
            "action": row["action"],
            "object_type": row["object_type"],
            "object_id": row["object_id"],
            "summary": row["summary"],
            "data": json.loads(row["data"]),
        }
        body = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert row["prev_hash"] == previous
        # Keyed entries: an HMAC under the audit key, which whoever runs the installation holds.
        assert row["keyed"] == "1"
        assert hmac.new(audit_key(), (previous + body).encode(), hashlib.sha256).hexdigest() == row["hash"]
        previous = row["hash"]
    assert len(rows) == 7


@pytest.mark.django_db
def test_invalid_export_filters_go_back_to_the_page_to_be_fixed(p: Personas) -> None:
    response = p.client_for(p.head).get(EXPORT, {"start": "2026-06-05", "end": "2026-06-01", "page": "2"})
    assert response.status_code == 302
    assert response["Location"] == f"{LOG}?start=2026-06-05&end=2026-06-01"


# Times in words


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        ("2026-03-09T13:59:40+00:00", "just now"),
        ("2026-03-09T13:55:00+00:00", "5 minutes ago"),
        ("2026-03-09T08:05:00+00:00", "today at 08:05"),
        ("2026-03-08T21:00:00+00:00", "yesterday at 21:00"),
        ("2026-03-05T09:00:00+00:00", "Thursday at 09:00"),
        ("2026-03-10T09:00:00+00:00", "tomorrow at 09:00"),
        ("2026-01-12T09:00:00+00:00", "Monday 12 January at 09:00"),
        ("2025-07-01T09:00:00+00:00", "1 July 2025 at 10:00"),
    ],
)
def test_times_read_in_words_in_the_schools_time_zone(moment: str, words: str) -> None:
    from zoneinfo import ZoneInfo

    now = datetime.fromisoformat("2026-03-09T14:00:00+00:00")
    assert when_in_words(datetime.fromisoformat(moment), ZoneInfo("Europe/London"), now) == words


@pytest.mark.django_db
def test_the_spreadsheet_export_never_runs_a_formula_and_shows_accents_in_excel(p: Personas) -> None:
    for summary in ('=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)", "Café → á ą"):
        record(p.school, p.head, "post.edited", summary)
    response = p.client_for(p.head).get(EXPORT)
    raw = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert raw.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel looks for
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    summaries = [r["summary"] for r in rows[-5:]]
    assert summaries[:4] == ['\'=HYPERLINK("http://evil.example","Click")', "'+1+1", "'-2+3", "'@SUM(A1)"]
    assert summaries[4] == "Café → á ą"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())

    exact = export_rows(p.client_for(p.head), exact=True)
    assert exact[-5]["summary"] == '=HYPERLINK("http://evil.example","Click")'

"""The inbox, item and e-safety record pages: outsiders get 404, roles see and do what the policy says."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.moderation import actions, evidence, ingest
from apps.moderation.models import InboxItem, Incident, IngestState
from apps.moderation.tests.conftest import FakeReader, School, incoming, make_school, page
from apps.notifications.models import Notification
from apps.schools.models import Membership
from apps.schools.testing import client_for


@pytest.fixture
def item(world: School, reader: FakeReader, verdicts: Any) -> InboxItem:
    verdicts["Mr Hughes is useless and everyone knows it"] = ("undermining", True)
    reader.pages = [
        page(incoming("at://p/app.bsky.feed.post/9", "Mr Hughes is useless and everyone knows it"))
    ]
    ingest.ingest(world.connection.pk)
    return InboxItem.objects.get()


@pytest.fixture
def incident(world: School, item: InboxItem) -> Incident:
    head = Membership.objects.get(user=world.p.head, school=world.p.school)
    return actions.open_incident(head, "Undermining a teacher", "Posted under the choir post", [item])


def _urls(item: InboxItem, incident: Incident, kept: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("moderation:item", args=[item.pk])),
        ("post", reverse("moderation:take", args=[item.pk])),
        ("post", reverse("moderation:state", args=[item.pk])),
        ("post", reverse("moderation:keep", args=[item.pk])),
        ("post", reverse("moderation:act", args=[item.pk, "hide"])),
        ("get", reverse("moderation:evidence", args=[kept])),
        ("post", reverse("moderation:reading_interval", args=[item.connection_id])),
        ("get", reverse("moderation:incident", args=[incident.pk])),
        ("post", reverse("moderation:incident", args=[incident.pk])),
        ("post", reverse("moderation:incident_link", args=[incident.pk])),
    ]


def test_an_outsider_gets_404_from_every_page_about_another_school_s_items(
    world: School, item: InboxItem, incident: Incident
) -> None:
    kept = evidence.keep(item, world.p.head, "by hand")
    outsider = client_for(world.p.outsider)
    for method, url in _urls(item, incident, kept.pk):
        response = getattr(outsider, method)(
            url, {"state": "no-action", "item": str(item.pk), "minutes": "60"}
        )
        assert response.status_code == 404, url
    # The outsider's own inbox and record show nothing of ours.
    assert item.text not in outsider.get(reverse("moderation:inbox")).content.decode()
    assert incident.title not in outsider.get(reverse("moderation:incidents")).content.decode()
    assert (
        incident.title
        not in b"".join(outsider.get(reverse("moderation:incidents_csv")).streaming_content).decode()
    )


def test_the_inbox_shows_items_newest_first_with_the_pinned_ones_on_top(
    world: School, reader: FakeReader, verdicts: Any, item: InboxItem
) -> None:
    verdicts["Well done the choir"] = ("positive", False)
    reader.pages = [page(incoming("at://p/2", "Well done the choir"))]
    ingest.ingest(world.connection.pk)
    html = client_for(world.p.head).get(reverse("moderation:inbox")).content.decode()
    assert html.index("Mr Hughes is useless") < html.index("Well done the choir")
    assert "Pinned: needs someone now" in html
    assert "1 safeguarding concern waiting" in html


def test_the_inbox_filters_by_account_platform_label_and_state(
    world: School, reader: FakeReader, verdicts: Any, item: InboxItem
) -> None:
    verdicts["Well done the choir"] = ("positive", False)
    reader.pages = [page(incoming("at://p/2", "Well done the choir"))]
    ingest.ingest(world.connection.pk)
    head = client_for(world.p.head)
    base = reverse("moderation:inbox")
    assert "Mr Hughes" not in head.get(base, {"label": "positive"}).content.decode()
    assert "Well done" not in head.get(base, {"state": "dealt-with"}).content.decode()
    assert "Well done" not in head.get(base, {"platform": "x"}).content.decode()
    assert "Well done" not in head.get(base, {"account": str(world.p.oak.pk)}).content.decode()
    both = head.get(
        base, {"account": str(world.p.main.pk), "platform": "bluesky", "state": "open"}
    ).content.decode()
    assert "Well done" in both and "Mr Hughes" in both


def test_an_htmx_filter_gets_only_the_results(world: School, item: InboxItem) -> None:
    response = client_for(world.p.head).get(reverse("moderation:inbox"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Mr Hughes" in html and "<form" not in html


def test_the_item_page_shows_the_post_it_answers_the_author_the_reasons_and_the_policy(
    world: School, item: InboxItem
) -> None:
    html = client_for(world.p.head).get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "Our choir sang at the care home today." in html
    assert "@parent.example" in html and "Mum of two" in html
    assert '<mark class="mark--block" title="judged undermining for the test">Mr H</mark>' in html
    assert "The school&#x27;s policy lists these actions: delete, block, report" in html
    assert "I'll take it" in html


def test_a_class_teacher_cannot_open_the_inbox_and_a_governor_only_reads_the_record(
    world: School, item: InboxItem, incident: Incident
) -> None:
    teacher = client_for(world.p.teacher)
    assert teacher.get(reverse("moderation:inbox")).status_code == 403
    assert teacher.get(reverse("moderation:incidents")).status_code == 403
    governor = client_for(world.p.governor)
    assert governor.get(reverse("moderation:inbox")).status_code == 403
    page_html = governor.get(reverse("moderation:incident", args=[incident.pk])).content.decode()
    assert "Undermining a teacher" in page_html and "<textarea" not in page_html
    assert (
        governor.post(reverse("moderation:incident", args=[incident.pk]), {"title": "x"}).status_code == 403
    )
    assert governor.get(reverse("moderation:incident_new")).status_code == 403
    assert governor.get(reverse("moderation:incidents_pdf")).status_code == 200


def test_the_office_reads_the_inbox_where_the_policy_sends_it_notifications_but_cannot_act(
    db: None, reader: FakeReader
) -> None:
    world = make_school(preset="courtney", slug="off")
    reader.pages = [page(incoming("m/1", "When is the fair?"))]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    office = client_for(world.p.office)
    assert office.get(reverse("moderation:inbox")).status_code == 200
    assert "Do something" not in office.get(reverse("moderation:item", args=[item.pk])).content.decode()
    office.post(reverse("moderation:take", args=[item.pk]))
    assert InboxItem.objects.get().taken_by is None


def test_hiding_from_the_page_keeps_the_evidence_and_says_so(
    world: School, item: InboxItem, reader: FakeReader
) -> None:
    response = client_for(world.p.senior).post(reverse("moderation:act", args=[item.pk, "hide"]), follow=True)
    html = response.content.decode()
    assert "The evidence was kept first" in html
    assert "Download the evidence (zip)" in html
    assert reader.done[0][0] == "hide_reply"


def test_the_evidence_downloads_as_one_zip_with_its_sha256(world: School, item: InboxItem) -> None:
    kept = evidence.keep(item, world.p.head, "by hand")
    response = client_for(world.p.head).get(reverse("moderation:evidence", args=[kept.pk]))
    assert response["Content-Type"] == "application/zip"
    assert response["X-Content-SHA256"] == kept.sha256
    assert "item.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_taking_a_pinned_item_unpins_it(world: School, item: InboxItem) -> None:
    client_for(world.dsl).post(reverse("moderation:take", args=[item.pk]))
    item.refresh_from_db()
    assert not item.pinned and item.taken_by == world.dsl


def test_answered_offline_is_offered_for_a_neutral_question_where_the_policy_takes_no_replies(
    world: School, reader: FakeReader, verdicts: Any
) -> None:
    verdicts["What time does the fair start?"] = ("neutral", False)
    reader.pages = [page(incoming("at://p/3", "What time does the fair start?"))]
    ingest.ingest(world.connection.pk)
    question = InboxItem.objects.get(external_id="at://p/3")
    head = client_for(world.p.head)
    assert "answered offline" in head.get(reverse("moderation:item", args=[question.pk])).content.decode()
    head.post(reverse("moderation:state", args=[question.pk]), {"state": "answered-offline"})
    assert InboxItem.objects.get(pk=question.pk).state == "answered-offline"


def test_a_positive_mention_is_surfaced_as_welcome(world: School, reader: FakeReader, verdicts: Any) -> None:
    verdicts["Brilliant nativity, well done all"] = ("positive", False)
    reader.pages = [page(incoming("at://p/4", "Brilliant nativity, well done all", kind="mention"))]
    ingest.ingest(world.connection.pk)
    mention = InboxItem.objects.get(external_id="at://p/4")
    html = client_for(world.p.head).get(reverse("moderation:item", args=[mention.pk])).content.decode()
    assert "A welcome mention that shows the school in a good light (CAT-04)" in html
    assert not mention.pinned


def test_an_incident_is_opened_from_an_item_updated_and_every_change_audited(
    world: School, item: InboxItem
) -> None:
    head = client_for(world.p.head)
    response = head.post(
        reverse("moderation:incident_new"), {"title": "Undermining Mr Hughes", "item": str(item.pk)}
    )
    incident = Incident.objects.get()
    assert response.status_code == 302 and list(incident.items.all()) == [item]
    head.post(
        reverse("moderation:incident", args=[incident.pk]),
        {
            "title": "Undermining Mr Hughes",
            "status": "closed",
            "owner": str(world.p.senior.pk),
            "actions_taken": "Reply hidden, author blocked",
            "outcome": "No further posts",
            "reported_to_authority": "on",
            "authority_reported_on": "2026-03-12",
            "authority_reference": "LA-123",
            "staff_conduct_breach": "on",
            "note": "Spoke to Mr Hughes",
        },
    )
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None
    assert incident.reported_to_authority and incident.authority_reference == "LA-123"
    assert incident.staff_conduct_breach and incident.owner == world.p.senior
    assert incident.notes.get().text == "Spoke to Mr Hughes"
    change = AuditEntry.objects.get(action="incident.updated")
    assert change.data["changes"]["reported_to_authority"] == {"from": False, "to": True}
    assert AuditEntry.objects.filter(action="incident.note").exists()


def test_a_bad_date_is_explained_and_nothing_is_saved(world: School, incident: Incident) -> None:
    response = client_for(world.p.head).post(
        reverse("moderation:incident", args=[incident.pk]),
        {"title": "Changed", "status": "open", "authority_reported_on": "31/02/2026"},
        follow=True,
    )
    assert "is not a date" in response.content.decode()
    assert Incident.objects.get().title == "Undermining a teacher"


def test_the_record_filters_and_exports_as_csv_and_pdf(world: School, incident: Incident) -> None:
    head = client_for(world.p.head)
    Incident.objects.filter(pk=incident.pk).update(reported_to_authority=True)
    listed = head.get(reverse("moderation:incidents"), {"authority": "no"}).content.decode()
    assert "Undermining a teacher" not in listed
    streamed = head.get(reverse("moderation:incidents_csv")).streaming_content
    rows = list(csv.reader(io.StringIO(b"".join(streamed).decode())))
    assert rows[0][0] == "Number" and rows[1][2] == "Undermining a teacher" and rows[1][9] == "yes"
    pdf = head.get(reverse("moderation:incidents_pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_csv_cell_never_runs_as_a_formula(world: School, item: InboxItem) -> None:
    head = Membership.objects.get(user=world.p.head, school=world.p.school)
    actions.open_incident(head, '=HYPERLINK("http://evil")')
    body = b"".join(
        client_for(world.p.head).get(reverse("moderation:incidents_csv")).streaming_content
    ).decode()
    assert "'=HYPERLINK" in body


def test_the_connections_page_shows_reading_failures_and_x_s_estimated_cost(
    db: None, reader: FakeReader
) -> None:
    world = make_school(slug="xc", kind="x")
    reader.pages = [RuntimeError("boom")]
    ingest.ingest(world.connection.pk)
    head = client_for(world.p.head)
    html = head.get(reverse("platforms:connections")).content.decode()
    assert "Reading replies failed" in html
    assert "X charges for every post Safepost reads" in html and "720 checks a month" in html
    head.post(reverse("moderation:reading_interval", args=[world.connection.pk]), {"minutes": "240"})
    assert IngestState.objects.get(connection=world.connection).interval_minutes == 240
    assert "180 checks a month" in head.get(reverse("platforms:connections")).content.decode()
    assert AuditEntry.objects.filter(action="inbox.interval").exists()


def test_the_reading_interval_refuses_a_value_not_offered(db: None, reader: FakeReader) -> None:
    world = make_school(slug="xi", kind="x")
    response = client_for(world.p.head).post(
        reverse("moderation:reading_interval", args=[world.connection.pk]), {"minutes": "1"}, follow=True
    )
    assert "Choose one of the intervals" in response.content.decode()


def test_notifications_show_in_the_menu_and_are_marked_read_when_opened(
    world: School, item: InboxItem
) -> None:
    head = client_for(world.p.head)
    assert "Notifications (1)" in head.get(reverse("moderation:inbox")).content.decode()
    note = Notification.objects.get(user=world.p.head)
    response = head.post(reverse("notifications:read"), {"id": str(note.pk), "next": note.url})
    assert response["Location"] == note.url
    assert Notification.objects.get(pk=note.pk).read_at is not None


def test_notifications_of_another_school_are_not_shown_or_marked(world: School, item: InboxItem) -> None:
    note = Notification.objects.filter(user=world.p.head).first()
    assert note is not None
    outsider = client_for(world.p.outsider)
    assert note.title not in outsider.get(reverse("notifications:list")).content.decode()
    outsider.post(reverse("notifications:read"), {"id": str(note.pk)})
    assert Notification.objects.get(pk=note.pk).read_at is None

"""The governors' report, checked figure by figure against a seeded term of activity.

The term is the one running today (audit entries are written with the real clock); activity before
the term and at another school is seeded too, and must not be counted.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from apps.audit.actions import record
from apps.audit.models import AuditEntry
from apps.moderation.models import InboxItem, Incident, ModerationAction
from apps.platforms.models import Connection, CredentialRotation, RotationReminder
from apps.posts.models import Override, Post, PostPhoto
from apps.publishing.models import Publication
from apps.reminders import terms
from apps.reminders.duties import KEY as CONSENT_KEY
from apps.reminders.models import DutyDone
from apps.reports import charts, figures
from apps.reports.models import Receipt
from apps.schools.models import Pupil, School
from apps.schools.testing import Personas, make_personas

Seeded = dict[str, Any]


@pytest.fixture
def p(db: None, settings: Any) -> Personas:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_personas()


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _post(
    p: Personas, account: Any, text: str, published: datetime | None, school: School | None = None
) -> Post:
    return Post.objects.create(
        school=school or p.school,
        account=account,
        author=p.head if school is None else p.outsider,
        text=text,
        status=Post.Status.PUBLISHED if published else Post.Status.DRAFT,
        published_at=published,
    )


@pytest.fixture
def term(p: Personas) -> Iterator[Seeded]:
    today = timezone.localdate()
    current = terms.term_containing(p.school.policy, today)
    before = current.start - timedelta(days=3)
    first_week = current.start + timedelta(days=1)

    # Published: 3 posts in the term (two places for one), 1 before it, 1 at the other school.
    one = _post(p, p.main, "Harvest festival this morning", _at(first_week))
    two = _post(p, p.main, "Well done to the football team", _at(first_week, 14))
    three = _post(p, p.oak, "Oak Class planted bulbs", _at(first_week + timedelta(days=7)))
    old = _post(p, p.main, "Last term's news", _at(before))
    other_account = p.other_school.accounts.first()
    elsewhere = _post(p, other_account, "Elsewhere's news", _at(first_week), school=p.other_school)
    for post, target in (
        (one, "website"),
        (one, "mastodon"),
        (two, "website"),
        (three, "website"),
        (old, "website"),
    ):
        Publication.objects.create(
            post=post, target=target, status=Publication.Status.PUBLISHED, published_at=post.published_at
        )
    Publication.objects.create(post=two, target="bluesky", status=Publication.Status.FAILED)
    Publication.objects.create(
        post=elsewhere,
        target="website",
        status=Publication.Status.PUBLISHED,
        published_at=elsewhere.published_at,
    )

    # Checked and held (the audit log, as posts.actions and publishing.actions record them).
    held = _post(p, p.main, "Trip to the zoo at 10am from the main gate", None)
    withdrawn = _post(p, p.oak, "Our sports day photos", None)
    caught = _post(p, p.oak, "Jack Smith won the spelling bee", None)
    record(
        p.school,
        p.head,
        "post.checked",
        "Checked: block",
        caught,
        {"categories": ["pupil-surname", "spelling"]},
    )
    record(p.school, p.head, "post.checked", "Checked: block", caught, {"categories": ["pupil-surname"]})
    record(p.school, p.head, "post.checked", "Checked: block", held, {"categories": ["trip-whereabouts"]})
    record(p.school, p.head, "post.checked", "Checked: pass", one, {"categories": []})
    record(
        p.school,
        None,
        "post.held",
        "Held before publishing: it says Jack Smith will be at the zoo",
        held,
        {"findings": [{"category": "trip-whereabouts", "message": "Jack Smith at the zoo"}]},
    )
    record(
        p.school,
        None,
        "post.held",
        "Held after consent was withdrawn: photo consent",
        withdrawn,
        {"pupil": 1},
    )
    record(p.other_school, None, "post.checked", "Checked", elsewhere, {"categories": ["offensive"]})

    # Overridden warnings: one in the term, one before it.
    Override.objects.create(
        post=two,
        rule="SP301",
        category="spelling",
        message="x",
        reason="It is the author's name",
        user=p.teacher,
        created_at=_at(first_week),
    )
    Override.objects.create(
        post=old,
        rule="SP301",
        category="spelling",
        message="x",
        reason="Before the term",
        user=p.teacher,
        created_at=_at(before),
    )
    record(
        p.school,
        p.head,
        "post.exception",
        "Sent outside hours",
        two,
        {"exception": "urgent-news", "reason": "Snow closure"},
    )

    # Photos: two on published posts, one with two faces blurred; one on a draft.
    PostPhoto.objects.create(
        post=one, uploaded_by=p.head, faces=[{"blurred": True}, {"blurred": True}, {"blurred": False}]
    )
    PostPhoto.objects.create(post=three, uploaded_by=p.head, faces=[{"blurred": False}])
    PostPhoto.objects.create(post=held, uploaded_by=p.head, faces=[{"blurred": True}])

    # Consent: withdrawn twice for social media and once for the website; given once; one before.
    pupil = Pupil.objects.create(school=p.school, first_name="Ada", surname="Lovelace")
    for channel, value, on in (
        ("social", "withdrawn", first_week),
        ("social", "withdrawn", first_week + timedelta(days=1)),
        ("website", "withdrawn", first_week),
        ("social", "given", first_week),
        ("social", "withdrawn", before),
    ):
        pupil.consent_changes.create(channel=channel, value=value, on=on, source="app")

    # The inbox: 5 items that came in (2 spam), 1 of the school's own, and the actions taken.
    def item(n: int, label: str, state: str, escalate: bool = False, own: bool = False) -> InboxItem:
        return InboxItem.objects.create(
            school=p.school,
            account=p.main,
            platform="mastodon",
            external_id=str(n),
            kind="reply",
            text=f"item {n}",
            posted_at=timezone.now(),
            label=label,
            state=state,
            escalate=escalate,
            is_own=own,
        )

    threat = item(1, "threat", "dealt-with", escalate=True)
    item(2, "spam", "no-action")
    spam = item(3, "spam", "new")
    item(4, "positive", "answered-offline")
    item(5, "offensive", "taken")
    item(6, "neutral", "new", own=True)
    for action, outcome, on in (
        ("block", "done", threat),
        ("report", "recorded", threat),
        ("hide", "failed", spam),
    ):
        ModerationAction.objects.create(school=p.school, item=on, action=action, by=p.head, outcome=outcome)

    # Incidents: two opened, one closed with an outcome and reported to the local authority.
    Incident.objects.create(
        school=p.school,
        number=1,
        title="Threat under the nativity post",
        opened_by=p.head,
        status=Incident.Status.CLOSED,
        outcome="Account blocked; police informed",
        reported_to_authority=True,
    )
    Incident.objects.create(school=p.school, number=2, title="Undermining comments", opened_by=p.head)
    Incident.objects.create(
        school=p.school, number=3, title="Old incident", opened_by=p.head, opened_at=_at(before)
    )

    # Duties: a sign-in change done three days late, and the consent renewal on time.
    connection = Connection.objects.create(
        school=p.school,
        account=p.main,
        kind="mastodon",
        status=Connection.Status.ACTIVE,
        approved_at=datetime.now(UTC),
    )
    reminder = RotationReminder.objects.create(
        school=p.school, connection=connection, due_on=today - timedelta(days=3), reason="new term"
    )
    CredentialRotation.objects.create(
        school=p.school, connection=connection, rotated_by=p.senior, reminder=reminder
    )
    DutyDone.objects.create(
        school=p.school,
        key=CONSENT_KEY,
        name="Renew pupils' photo consent for the school year",
        due_on=today + timedelta(days=10),
        done_on=today,
        done_by=p.head,
    )
    yield {"term": current, "report": figures.build(p.school, current.start, current.end, current.name)}


def _section(report: figures.Report, key: str) -> figures.Section:
    return next(s for s in report.sections if s.key == key)


def test_every_figure_of_the_seeded_term(p: Personas, term: Seeded) -> None:
    report: figures.Report = term["report"]
    main = p.main.name

    published = _section(report, "published")
    assert published.lines == ["3 posts went out from 2 accounts."]
    assert sorted(published.tables[0].rows) == sorted(
        [[main, "Mastodon", "1"], [main, "The school website", "2"], ["Oak Class", "The school website", "1"]]
    )
    weekly = dict(published.charts[0].bars)
    assert sum(weekly.values()) == 3 and published.charts[0].title == "Posts published each week"
    assert sorted(v for v in weekly.values() if v) == [1, 2]

    held = _section(report, "held")
    assert (
        held.lines[0]
        == "2 posts were held back before going out, because a check found something that must change."
    )
    assert [row[1:] for row in held.tables[0].rows] == [
        [p.main.name, "Held before publishing", "Says where pupils will be"],
        ["Oak Class", "Held after consent was withdrawn", "A pupil without photo consent"],
    ]
    assert held.lines[1].startswith(
        "Safepost checked 3 posts as they were written; it found something to change or check in 2 of them."
    )
    assert held.tables[1].rows == [
        ["A pupil's surname", "1"],
        ["Says where pupils will be", "1"],
        ["Spelling", "1"],
    ]
    assert held.charts[0].horizontal and dict(held.charts[0].bars)["Spelling"] == 1

    overrides = _section(report, "overrides")
    assert overrides.lines == [
        "1 warning was overridden: the writer kept their words and gave the reason below."
    ]
    assert overrides.tables[0].rows[0][1:] == ["Tara Teacher", "Spelling", "It is the author's name"]

    exceptions = _section(report, "exceptions")
    assert exceptions.tables[0].rows[0][1:] == ["Urgent news (e.g. closure)", "Helen Head", "Snow closure"]

    photos = _section(report, "photos")
    assert photos.lines == [
        "2 photos went out with posts; in 1 photo 2 faces were blurred.",
        "Parents withdrew or refused consent 3 times in this period; 1 post was held because of it before going out.",
    ]
    assert photos.tables[0].rows == [
        ["Social media", "2", "1"],
        ["Website", "1", "0"],
        ["Face matching", "0", "0"],
    ]

    inbox = _section(report, "inbox")
    assert inbox.lines == [
        "5 replies, mentions and quotes came to the school's accounts; 1 was sent straight to the safeguarding lead."
    ]
    assert inbox.tables[0].rows == [
        ["Threat or safeguarding concern", "1", "1", "0", "0"],
        ["Spam or scam", "2", "0", "1", "1"],
        ["Offensive", "1", "0", "0", "1"],
        ["Positive", "1", "1", "0", "0"],
    ]
    assert inbox.tables[1].rows == [
        ["Block the author", "1", "0", "0"],
        ["Hide the reply", "0", "0", "1"],
        ["Report to the platform", "0", "1", "0"],
    ]

    incidents = _section(report, "incidents")
    assert incidents.lines == [
        "2 incidents were opened: 1 still open, 1 reported to the local authority, 0 a possible breach of the staff code of conduct."
    ]
    assert [row[2:] for row in incidents.tables[0].rows] == [
        ["Threat under the nativity post", "Closed", "Account blocked; police informed", "Reported"],
        ["Undermining comments", "Open", "Not recorded yet", "No"],
    ]
    assert dict(incidents.charts[0].bars) == {"Open": 1, "Being investigated": 0, "Closed": 1}

    followers = _section(report, "followers")  # filled by apps/followers/report.py
    assert followers.lines[0] == "No follower or follow request was decided about in this period."

    duties = _section(report, "duties")
    assert duties.lines[0] == "2 duties were done: 1 on time, 1 late."
    assert {row[1]: row[3] for row in duties.tables[0].rows} == {
        f"Changed the sign-in of {main} on Mastodon": "Late",
        "Renew pupils' photo consent for the school year": "On time",
    }


def test_the_page_shows_the_figures_and_charts_and_the_pdf_reads_the_same(p: Personas, term: Seeded) -> None:
    governor = p.client_for(p.governor)
    page = governor.get("/reports/governors/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "3 posts went out from 2 accounts." in html
    assert html.count("<svg") == 3 and "Findings by category (posts)" in html
    assert "Sign as received" in html

    pdf = governor.get(f"/reports/governors/pdf/?term={term['term'].key}")
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    flat = " ".join(text.split())
    for expected in (
        f"Governors' report: {p.school.name}",
        "3 posts went out from 2 accounts.",
        "2 photos went out with posts; in 1 photo 2 faces were blurred.",
        "It is the author's name",
        "Snow closure",
        "Threat under the nativity post",
        "2 duties were done: 1 on time, 1 late.",
        "No follower or follow request was decided about in this period.",
        "Findings by category (posts)",  # the chart's own text, drawn into the PDF
        "Posts published each week",
        "Not signed as received yet.",
    ):
        assert expected in flat, expected
    assert "Ada" not in flat and "Lovelace" not in flat  # pupils are counted, never named
    assert "Jack Smith" not in flat and "Jack Smith" not in html  # not even in a held post's reason


def test_a_governor_signs_the_report_as_received_once_and_others_only_read_it(
    p: Personas, term: Seeded
) -> None:
    key = term["term"].key
    assert p.client_for(p.teacher).get("/reports/governors/").status_code == 403
    head = p.client_for(p.head)
    assert "Sign as received" not in head.get("/reports/governors/").content.decode()
    head.post("/reports/governors/receive/", {"term": key, "note": "x"})
    assert not Receipt.objects.exists()

    governor = p.client_for(p.governor)
    governor.post("/reports/governors/receive/", {"term": key, "note": "Received at the FGB meeting"})
    receipt = Receipt.objects.get()
    assert (receipt.signed_by, receipt.start, receipt.end) == (
        p.governor,
        term["term"].start,
        term["term"].end,
    )
    assert receipt.digest == term["report"].digest()
    assert AuditEntry.objects.filter(school=p.school, action="report.received").count() == 1
    page = governor.get(f"/reports/governors/?term={key}").content.decode()
    assert "Signed as received by Gill Governor (Governor)" in page and "Received at the FGB meeting" in page
    assert "Sign as received</button>" not in page
    governor.post("/reports/governors/receive/", {"term": key})
    assert Receipt.objects.count() == 1

    # A figure recorded later in the period: the page says the signed figures have changed.
    _post(p, p.main, "A late addition", _at(term["term"].start + timedelta(days=2)))
    assert (
        "Some figures have changed since" in governor.get(f"/reports/governors/?term={key}").content.decode()
    )
    text = (
        PdfReader(io.BytesIO(governor.get(f"/reports/governors/pdf/?term={key}").content))
        .pages[-1]
        .extract_text()
    )
    assert "Signed as received by Gill Governor" in " ".join(text.split())


def test_any_dates_can_be_chosen_and_bad_ones_explain_themselves(p: Personas, term: Seeded) -> None:
    governor = p.client_for(p.governor)
    start = term["term"].start
    page = governor.get(
        f"/reports/governors/?start={start.isoformat()}&end={(start + timedelta(days=1)).isoformat()}"
    )
    assert "2 posts went out from 1 account." in page.content.decode()
    for query, words in (
        ("start=2026-13-01&end=2026-12-01", "Give both dates"),
        (
            f"start={start.isoformat()}&end={(start - timedelta(days=1)).isoformat()}",
            "The end date is before",
        ),
        ("start=2000-01-01&end=2026-01-01", "at most three years"),
        ("term=1999-winter", "not one of your school"),
    ):
        page = governor.get(f"/reports/governors/?{query}")
        assert page.status_code == 200 and words in page.content.decode(), query
        assert term["term"].name in page.content.decode()
    assert governor.post("/reports/governors/receive/", {"start": "nonsense", "end": ""}).status_code == 302
    assert not Receipt.objects.exists()


def test_another_app_can_fill_the_follower_review(p: Personas) -> None:
    def followers(school: School, start: date, end: date) -> figures.Section:
        return figures.Section(
            "followers", "Followers reviewed and blocked", ["12 followers reviewed, 1 blocked."]
        )

    installed = figures._contributed.get("followers")  # apps/followers/report.py, when installed
    figures.contribute("followers")(followers)
    try:
        report = figures.build(p.school, date(2026, 9, 1), date(2026, 12, 31))
    finally:
        figures._contributed.pop("followers")
        if installed is not None:
            figures.contribute("followers")(installed)
    assert _section(report, "followers").lines == ["12 followers reviewed, 1 blocked."]
    assert len([s for s in report.sections if s.key == "followers"]) == 1


def test_charts_scale_to_round_numbers_and_say_when_there_is_nothing() -> None:
    drawn = charts.svg(figures.Chart("Posts", [("1 Sep", 7), ("8 Sep", 0)]))
    assert ">10</text>" in drawn and drawn.count("<rect") == 2 and "<title>Posts</title>" in drawn
    empty = charts.svg(figures.Chart("Incidents", [("Open", 0)], horizontal=True), titled=False)
    assert "Nothing in this period" in empty and "<title>" not in empty
    assert "&lt;script&gt;" in charts.svg(figures.Chart("x", [("<script>", 1)], horizontal=True))


def test_an_outsider_sees_only_their_own_schools_report_and_pdf(p: Personas, term: Seeded) -> None:
    outsider = p.client_for(p.outsider)
    page = outsider.get("/reports/governors/").content.decode()
    assert "Elsewhere Primary" in page and p.school.name not in page
    assert "Threat under the nativity post" not in page and "1 post went out from 1 account." in page
    pdf = outsider.get("/reports/governors/pdf/")
    text = " ".join(" ".join(pg.extract_text() for pg in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert "Elsewhere Primary" in text and "Threat under the nativity post" not in text
    outsider.post("/reports/governors/receive/", {"term": term["term"].key})
    assert not Receipt.objects.exists()
    assert outsider.get("/duties/").status_code == 200
    assert "Renew pupils" in outsider.get("/duties/").content.decode()  # their own school's duty

"""Reading what comes back: stored once, cursors kept, failures contained, threats escalated at once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.moderation import ingest, tasks
from apps.moderation.models import InboxItem, IngestState
from apps.moderation.tests.conftest import T0, FakeReader, School, busy, incoming, make_school, page
from apps.notifications.models import Notification
from apps.platforms.base import AuthError, PermanentError
from apps.platforms.models import Connection


def test_an_item_read_twice_is_stored_once(world: School, reader: FakeReader) -> None:
    reader.pages = [page(incoming("at://a/1"), incoming("at://a/2")), page(incoming("at://a/2"), cursor="c2")]
    first = ingest.ingest(world.connection.pk)
    second = ingest.ingest(world.connection.pk)
    assert len(first.stored) == 2
    assert len(second.stored) == 0
    assert InboxItem.objects.filter(school=world.p.school).count() == 2


def test_the_cursor_is_saved_and_handed_back_on_the_next_read(world: School, reader: FakeReader) -> None:
    reader.pages = [page(incoming("at://a/1"), cursor="2026-03-11T10:00:00Z")]
    ingest.ingest(world.connection.pk)
    # A restart: a new process reads the state from the database.
    assert IngestState.objects.get(connection=world.connection).cursor == "2026-03-11T10:00:00Z"
    ingest.ingest(world.connection.pk)
    assert reader.cursors == ["", "2026-03-11T10:00:00Z"]


def test_each_item_is_judged_with_its_reasons_and_what_to_do(
    world: School, reader: FakeReader, verdicts: Any
) -> None:
    verdicts["You lot are a bunch of muppets"] = ("offensive", False)
    reader.pages = [page(incoming("at://a/1", "You lot are a bunch of muppets"))]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    assert item.label == "offensive"
    assert item.recommended == "hide-record-block"
    assert item.reasons[0]["start"] == 0 and item.reasons[0]["field"] == "text"
    assert item.author_bio == "Mum of two"
    assert item.in_reply_to_text == "Our choir sang at the care home today."


def test_a_threat_notifies_the_head_and_the_safeguarding_lead_by_e_mail_at_once_and_is_pinned(
    world: School, reader: FakeReader, verdicts: Any
) -> None:
    verdicts["I'll be waiting for him in the car park"] = ("threat", True)
    reader.pages = [page(incoming("at://a/1", "I'll be waiting for him in the car park"))]
    started = timezone.now()
    tasks.ingest_connection.enqueue(world.connection.pk)
    item = InboxItem.objects.get()
    assert item.pinned and item.escalate
    urgent = Notification.objects.filter(urgent=True)
    assert {n.user for n in urgent} == {world.p.head, world.dsl}
    assert all((n.emailed_at - started).total_seconds() < 60 for n in urgent if n.emailed_at)
    to = sorted(
        address for message in mail.outbox for address in message.to if message.subject.startswith("URGENT")
    )
    assert to == sorted([world.p.head.email, world.dsl.email])
    assert "car park" in next(m.body for m in mail.outbox if m.subject.startswith("URGENT"))


def test_other_new_items_go_to_the_roles_the_policy_names(
    db: None, reader: FakeReader, verdicts: Any
) -> None:
    # Courtney's policy sends notifications to the office (COU-05).
    world = make_school(preset="courtney", slug="court")
    reader.pages = [
        page(incoming("m/1", "When is the Christmas fair?"), incoming("m/2", "Well done the choir!"))
    ]
    ingest.ingest(world.connection.pk)
    told = Notification.objects.filter(school=world.p.school)
    assert [n.user for n in told] == [world.p.office]
    assert "2 new" in told[0].title
    assert mail.outbox and mail.outbox[0].to == [world.p.office.email]


def test_a_rate_limit_waits_as_long_as_the_platform_says_and_keeps_the_cursor(
    world: School, reader: FakeReader
) -> None:
    reader.pages = [page(incoming("at://a/1"), cursor="c1"), busy(900)]
    ingest.ingest(world.connection.pk)
    before = timezone.now()
    outcome = ingest.ingest(world.connection.pk)
    state = IngestState.objects.get(connection=world.connection)
    assert outcome.error and "slow down" in state.last_error
    assert state.cursor == "c1" and state.failures == 1
    assert (state.next_due_at - before).total_seconds() >= 899


def test_one_account_failing_never_stops_the_others(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_school(slug="one")
    second = make_school(slug="two")
    broken = FakeReader(pages=[RuntimeError("the platform sent nonsense")])
    working = FakeReader(pages=[page(incoming("ok/1"))])
    monkeypatch.setattr(ingest, "build_client", lambda c: broken if c.pk == first.connection.pk else working)
    assert tasks.ingest_due.enqueue().return_value == 2
    assert InboxItem.objects.filter(school=second.p.school).count() == 1
    failed = IngestState.objects.get(connection=first.connection)
    assert failed.failures == 1 and "unexpected" in failed.last_error


def test_a_revoked_sign_in_marks_the_connection_for_reconnecting(world: School, reader: FakeReader) -> None:
    reader.pages = [AuthError("Bluesky no longer accepts Safepost's sign-in.", advice="Reconnect it.")]
    ingest.ingest(world.connection.pk)
    world.connection.refresh_from_db()
    assert world.connection.status == Connection.Status.RECONNECT
    assert "sign-in" in IngestState.objects.get(connection=world.connection).last_error


def test_a_platform_down_mid_read_loses_nothing_and_stores_nothing_twice(
    world: School, reader: FakeReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [incoming(f"at://a/{n}") for n in range(5)]
    real_store = ingest.store
    calls = {"n": 0}

    def flaky(connection: Connection, item: Any, context: Any = None) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise PermanentError("the database went away for a moment")
        return real_store(connection, item, context)

    monkeypatch.setattr(ingest, "store", flaky)
    reader.pages = [page(*items, cursor="after-5"), page(*items, cursor="after-5")]
    ingest.ingest(world.connection.pk)
    state = IngestState.objects.get(connection=world.connection)
    assert state.cursor == ""  # not moved past the item that failed
    ingest.ingest(world.connection.pk)
    assert sorted(InboxItem.objects.values_list("external_id", flat=True)) == sorted(
        i.external_id for i in items
    )
    assert IngestState.objects.get(connection=world.connection).cursor == "after-5"


def test_malformed_entries_are_reported_on_the_connection_and_the_rest_kept(
    world: School, reader: FakeReader
) -> None:
    reader.pages = [
        page(
            incoming("ok/1"), problems=("A Bluesky notification (at://x) was unreadable: KeyError('record')",)
        )
    ]
    ingest.ingest(world.connection.pk)
    assert InboxItem.objects.count() == 1
    assert "unreadable" in IngestState.objects.get(connection=world.connection).last_error


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,
        "nul\x00inside",
        "lone \ud800 surrogate",
        "e\u0301\u200d\U0001f469\u200d\U0001f467 zalgo z\u0351\u0352\u0353",
        "\u202eright-to-left override",
    ],
)
def test_huge_and_odd_unicode_texts_are_stored_without_a_crash(
    world: School, reader: FakeReader, text: str
) -> None:
    reader.pages = [page(incoming("odd/1", text, author="@\x00odd" + "h" * 400))]
    outcome = ingest.ingest(world.connection.pk)
    assert not outcome.error and len(outcome.stored) == 1
    item = InboxItem.objects.get()
    assert "\x00" not in item.text and len(item.author_handle) <= 300
    assert item.text.replace("\ufffd", "?")[:3] == ingest.clean(text).replace("\ufffd", "?")[:3]


def test_each_item_is_recorded_in_the_audit_chain(world: School, reader: FakeReader) -> None:
    reader.pages = [page(incoming("at://a/1"))]
    ingest.ingest(world.connection.pk)
    assert AuditEntry.objects.filter(school=world.p.school, action="inbox.received").count() == 1


def test_the_sweep_reads_only_connections_that_are_due(world: School, reader: FakeReader) -> None:
    assert ingest.due_connection_ids() == [world.connection.pk]
    ingest.ingest(world.connection.pk)
    assert ingest.due_connection_ids() == []
    assert ingest.due_connection_ids(timezone.now() + timezone.timedelta(minutes=6)) == [world.connection.pk]


def test_x_is_read_hourly_by_default_because_x_bills_every_read(db: None, reader: FakeReader) -> None:
    world = make_school(slug="xx", kind="x")
    ingest.ingest(world.connection.pk)
    assert IngestState.objects.get(connection=world.connection).interval_minutes == 60


def test_the_school_s_own_posts_are_recognised(world: School, reader: FakeReader) -> None:
    reader.pages = [page(incoming("own/1", author="@school.example"))]
    item_in = reader.pages[0].items[0]
    object.__setattr__(item_in.author, "external_id", "did:plc:school")
    ingest.ingest(world.connection.pk)
    assert InboxItem.objects.get().is_own


def test_the_database_keeps_each_item_unique_per_account_and_platform(
    world: School, reader: FakeReader
) -> None:
    reader.pages = [page(incoming("u/1"))]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        InboxItem.objects.create(
            school=item.school,
            account=item.account,
            platform=item.platform,
            external_id=item.external_id,
            kind="reply",
            posted_at=T0,
            label="neutral",
        )


def test_the_engine_s_classifier_judges_a_real_threat_naming_staff_and_it_is_escalated(
    world: School, reader: FakeReader
) -> None:
    # No stand-in: the engine's own classifier, with the school's staff names (Mr Head, Mrs Safeguarding...).
    reader.pages = [page(incoming("real/1", "I know which car is yours Mr Head. Just saying"))]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    assert item.label == "threat" and item.escalate and item.pinned
    assert any(reason["field"] == "text" for reason in item.reasons)
    assert Notification.objects.filter(user=world.dsl, urgent=True).exists()


def test_criticism_naming_a_member_of_staff_follows_the_escalation_rule(
    world: School, reader: FakeReader
) -> None:
    reader.pages = [page(incoming("real/2", "Mr Senior clearly has his favourites"))]
    ingest.ingest(world.connection.pk)
    item = InboxItem.objects.get()
    assert item.label == "undermining" and item.escalate
    assert "Mr Senior" in item.names


def test_the_ingest_due_command_reads_each_due_connection_once(world: School, reader: FakeReader) -> None:
    reader.pages = [page(incoming("cmd/1"))]
    out = io.StringIO()
    call_command("ingest_due", stdout=out)
    assert f"connection {world.connection.pk}: 1 new of 1 read" in out.getvalue()
    call_command("ingest_due", stdout=out)  # not due again yet
    assert reader.cursors == [""]

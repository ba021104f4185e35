"""The audit chain: append-only entries, and `manage.py verify_audit` finding any tampering."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from io import StringIO
from itertools import pairwise
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.audit.actions import record, verify_school
from apps.audit.models import GENESIS_HASH, AuditEntry
from apps.schools.actions import create_school
from apps.schools.models import School


@pytest.fixture
def school(db: Any) -> School:
    school = create_school("Oakfield Test School", "oakfield-test", "st-catherine")
    for i in range(2, 6):
        record(school, None, "post.checked", f"Post checked ({i})")
    return school


def verify(*args: str) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("verify_audit", *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def test_an_intact_chain_verifies_with_its_number_of_entries(school: School) -> None:
    out, error = verify()
    assert error is None
    assert "OK      oakfield-test: 5 entries, chain intact" in out


def test_each_school_is_reported_and_one_can_be_chosen(school: School) -> None:
    create_school("Another School", "another", "courtney")
    out, _ = verify()
    assert "another: 1 entry" in out and "oakfield-test: 5 entries" in out
    out, _ = verify("--school", "another")
    assert "another: 1 entry" in out and "oakfield-test" not in out


def test_an_unknown_school_is_an_error_not_a_silent_ok(school: School) -> None:
    _, error = verify("--school", "nowhere")
    assert error is not None and "no school with the slug" in str(error)


def test_an_edited_summary_is_found_at_its_position_and_exits_1(school: School) -> None:
    AuditEntry.objects.filter(school=school, seq=3).update(summary="Nothing happened")
    out, error = verify()
    assert error is not None and error.returncode == 1
    assert "BROKEN  oakfield-test: entry #3 its content was changed after it was recorded" in out
    assert "#4" not in out  # later entries still link to the stored hash


def test_a_deleted_entry_is_found_where_the_gap_is(school: School) -> None:
    AuditEntry.objects.filter(school=school, seq=2).delete()
    out, error = verify()
    assert error is not None and error.returncode == 1
    assert "entry #3 entry #2 is missing: entries were deleted or moved" in out


def test_removing_the_newest_entries_is_found_too(school: School) -> None:
    AuditEntry.objects.filter(school=school, seq__gte=4).delete()
    problems = verify_school(school).problems
    assert [(p.seq, p.problem) for p in problems] == [(4, "the newest entries #4 to #5 were removed")]


def test_replacing_the_newest_entry_is_found(school: School) -> None:
    entry = AuditEntry.objects.get(school=school, seq=5)
    entry.summary = "Nothing happened"
    AuditEntry.objects.filter(pk=entry.pk).update(summary=entry.summary, hash=entry.compute_hash())
    problems = verify_school(school).problems
    assert [(p.seq, p.problem) for p in problems] == [(5, "the newest entry was replaced")]


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link(school: School) -> None:
    entry = AuditEntry.objects.get(school=school, seq=3)
    entry.summary = "Nothing happened"
    AuditEntry.objects.filter(pk=entry.pk).update(summary=entry.summary, hash=entry.compute_hash())
    problems = verify_school(school).problems
    assert [(p.seq, p.problem) for p in problems] == [(4, "does not link to the entry before it")]


def test_a_broken_school_does_not_hide_an_intact_one(school: School) -> None:
    create_school("Another School", "another", "courtney")
    AuditEntry.objects.filter(school=school, seq=5).update(action="post.published")
    out, error = verify()
    assert error is not None
    assert "OK      another: 1 entry" in out
    assert "BROKEN  oakfield-test: entry #5" in out


def test_the_model_refuses_to_change_or_delete_an_entry(school: School) -> None:
    entry = AuditEntry.objects.get(school=school, seq=2)
    entry.summary = "Changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Post checked (2)"


def test_entries_chain_from_the_genesis_hash(school: School) -> None:
    entries = list(AuditEntry.objects.filter(school=school).order_by("seq"))
    assert entries[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in pairwise(entries))


def test_data_with_dates_and_ids_still_verifies_after_the_round_trip(school: School) -> None:
    key = uuid.uuid4()
    entry = record(
        school, None, "post.published", "Published", data={"at": datetime(2026, 3, 9, tzinfo=UTC), "key": key}
    )
    assert AuditEntry.objects.get(pk=entry.pk).data == {"at": "2026-03-09T00:00:00Z", "key": str(key)}
    assert verify_school(school).ok

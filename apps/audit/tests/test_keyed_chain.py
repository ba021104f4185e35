"""The audit chain is keyed and anchored outside the database: someone who can write to the
database cannot rewrite the log without it being found."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import stat
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.audit import anchors, keys
from apps.audit.actions import record, verify_school
from apps.audit.checks import audit_key as audit_key_check
from apps.audit.models import AuditEntry
from apps.schools.actions import create_school
from apps.schools.models import School
from apps.schools.testing import make_user

SEAL = importlib.import_module("apps.audit.migrations.0004_seal_unkeyed_chains").seal


@pytest.fixture
def school(db: Any) -> School:
    school = create_school("Oakfield Test School", "oakfield-test", "st-catherine")
    for i in range(2, 6):
        record(school, None, "post.checked", f"Post checked ({i})")
    return school


def rewrite_without_the_key(school: School, seq: int, *, unkey: bool = False) -> None:
    """What someone with database access but not the key can do: change an entry, recompute every
    hash after it with plain SHA-256, and move the school's head to match."""
    previous = ""
    for entry in AuditEntry.objects.filter(school=school).order_by("seq"):
        if entry.seq < seq and not unkey:
            previous = entry.hash
            continue
        if entry.seq == seq:
            entry.summary = "Nothing happened"
        entry.keyed = entry.keyed and not unkey
        entry.prev_hash = previous or entry.prev_hash
        body = json.dumps(
            entry.content(), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
        )
        entry.hash = hashlib.sha256((entry.prev_hash + body).encode()).hexdigest()
        AuditEntry.objects.filter(pk=entry.pk).update(
            summary=entry.summary, keyed=entry.keyed, prev_hash=entry.prev_hash, hash=entry.hash
        )
        previous = entry.hash
    School.objects.filter(pk=school.pk).update(audit_hash=previous)


def problems(school: School) -> list[tuple[int, str]]:
    return [(p.seq, p.problem) for p in verify_school(school).problems]


def test_a_rewrite_by_someone_without_the_key_is_found(school: School) -> None:
    rewrite_without_the_key(school, 3)
    found = problems(school)
    assert found[0] == (3, "its content was changed after it was recorded")
    assert all(seq >= 3 for seq, _ in found), found


def test_turning_the_entries_into_unkeyed_ones_does_not_hide_a_rewrite(school: School) -> None:
    rewrite_without_the_key(school, 3, unkey=True)
    found = problems(school)
    assert found and found[0] == (1, "was written without the audit key after the chain was keyed")


def test_the_key_lives_in_a_file_only_its_owner_can_read(school: School) -> None:
    path = Path(settings.SAFEPOST_AUDIT_KEY_FILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() not in json.dumps(list(AuditEntry.objects.values()), default=str)


def test_a_different_key_does_not_verify_the_chain(school: School, settings: Any) -> None:
    settings.SAFEPOST_AUDIT_KEY = "ab" * 32
    assert problems(school)[0] == (1, "its content was changed after it was recorded")


def test_verifying_without_the_key_file_says_what_to_restore(school: School) -> None:
    Path(settings.SAFEPOST_AUDIT_KEY_FILE).unlink()
    keys._cache.clear()
    with pytest.raises(CommandError, match=r"audit key file .* is missing"):
        call_command("verify_audit", stdout=StringIO())


def test_the_anchor_finds_the_newest_entries_removed_with_the_head_moved_back(school: School) -> None:
    assert anchors.anchor_all() == 1
    AuditEntry.objects.filter(school=school, seq__gte=4).delete()
    last = AuditEntry.objects.get(school=school, seq=3)
    School.objects.filter(pk=school.pk).update(audit_seq=3, audit_hash=last.hash)  # the head too

    found = problems(school)
    assert len(found) == 1 and found[0][0] == 4
    assert "entries #4 to #5 were removed" in found[0][1] and "outside the database" in found[0][1]


def test_the_anchor_finds_a_whole_chain_rewritten_even_with_the_key(school: School) -> None:
    anchors.anchor_all()
    for entry in AuditEntry.objects.filter(school=school).order_by("seq"):
        previous = (
            AuditEntry.objects.filter(school=school, seq=entry.seq - 1).values_list("hash", flat=True).first()
        )
        entry.prev_hash = previous or entry.prev_hash
        if entry.seq == 2:
            entry.summary = "Nothing happened"
        AuditEntry.objects.filter(pk=entry.pk).update(
            summary=entry.summary, prev_hash=entry.prev_hash, hash=entry.compute_hash()
        )
    head = AuditEntry.objects.get(school=school, seq=5).hash
    School.objects.filter(pk=school.pk).update(audit_hash=head)

    assert problems(school) == [(5, problems(school)[0][1])]
    assert "the log up to here was rewritten" in problems(school)[0][1]


def test_a_changed_anchor_line_is_reported(school: School) -> None:
    anchors.anchor_all()
    path = anchors.anchor_file()
    line = json.loads(path.read_text())
    line["seq"] = 2
    path.write_text(json.dumps(line) + "\n")
    assert any("was changed (its signature does not match)" in p for _, p in problems(school))


def test_anchoring_appends_only_when_the_log_grew_and_the_file_is_private(school: School) -> None:
    out = StringIO()
    call_command("anchor_audit", stdout=out)
    assert "anchored 1 audit chain" in out.getvalue()
    assert anchors.anchor_all() == 0  # nothing new
    record(school, None, "post.checked", "Post checked (6)")
    assert anchors.anchor_all() == 1
    path = anchors.anchor_file()
    assert [json.loads(line)["seq"] for line in path.read_text().splitlines()] == [5, 6]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.access(path, os.R_OK)
    assert verify_school(school).ok


def test_the_headteacher_and_governors_get_the_fingerprint_by_email(school: School) -> None:
    make_user("head-fp", school, "headteacher")
    make_user("governor-fp", school, "governor")
    make_user("teacher-fp", school, "class-teacher")
    call_command("anchor_audit", "--email", stdout=StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["governor-fp@example.org", "head-fp@example.org"]
    head = AuditEntry.objects.filter(school=school).order_by("-seq").first()
    assert head is not None and anchors.fingerprint(head.hash) in message.body
    assert "Entries: 6" in message.body or f"Entries: {head.seq}" in message.body


def test_a_chain_from_before_keying_still_verifies_and_is_sealed_by_the_migration(school: School) -> None:
    # As the chain was before the key: plain SHA-256 hashes, keyed false.
    rewrite_without_the_key(school, 0, unkey=True)
    SEAL(django_apps, None)
    record(school, None, "post.checked", "Post checked after keying")
    assert verify_school(school).ok
    assert AuditEntry.objects.filter(school=school, keyed=False).count() == 5

    # A legacy entry changed afterwards (its plain hashes recomputed) breaks the sealing link.
    entry = AuditEntry.objects.get(school=school, seq=2)
    AuditEntry.objects.filter(pk=entry.pk).update(summary="Nothing happened")
    assert problems(school)[0][0] == 2


def test_the_start_up_check_reports_a_damaged_audit_key(db: Any) -> None:
    path = Path(settings.SAFEPOST_AUDIT_KEY_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a key\n")
    keys._cache.clear()
    problems = audit_key_check()
    assert [p.id for p in problems] == ["audit.E001"]
    assert "does not hold an audit key" in problems[0].msg

"""Recording to the audit log, and verifying its chain."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from apps.audit.models import GENESIS_HASH, AuditEntry
from apps.schools.models import School


def record(
    school: School,
    actor: Any,
    action: str,
    summary: str,
    obj: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the school's audit chain.

    ``actor`` is a user, or ``None`` for the system (scheduled tasks). Call it
    inside the transaction that makes the change, so the record and the change
    are written together or not at all.
    """
    with transaction.atomic():
        # Lock the school row so two writers cannot take the same place in the chain.
        School.objects.select_for_update().filter(pk=school.pk).first()
        last = AuditEntry.objects.filter(school=school).order_by("-seq").only("seq", "hash").first()
        user = actor if getattr(actor, "pk", None) else None
        entry = AuditEntry(
            school=school,
            seq=(last.seq + 1) if last else 1,
            actor=user,
            actor_name=_name_of(user),
            action=action,
            object_type=obj._meta.model_name if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            summary=summary[:500],
            data=data or {},
            prev_hash=last.hash if last else GENESIS_HASH,
        )
        entry.hash = entry.compute_hash()
        entry.save()
    return entry


def _name_of(user: Any) -> str:
    if user is None:
        return "system"
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{full} ({user.get_username()})" if full else user.get_username()


@dataclass(frozen=True)
class ChainProblem:
    """Where a school's audit chain is broken, and how."""

    school: str
    seq: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry]) -> list[ChainProblem]:
    """Check one school's entries (in ``seq`` order): positions, links and hashes."""
    problems = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for entry in entries:
        school = str(entry.school_id)
        if entry.seq != expected_seq:
            problems.append(ChainProblem(school, entry.seq, f"expected entry #{expected_seq}: entries are missing"))
        if entry.prev_hash != expected_prev:
            problems.append(ChainProblem(school, entry.seq, "does not link to the entry before it"))
        if entry.compute_hash() != entry.hash:
            problems.append(ChainProblem(school, entry.seq, "its content was changed after it was recorded"))
        expected_prev = entry.hash
        expected_seq = entry.seq + 1
    return problems

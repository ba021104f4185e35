"""Recording to the audit log, and verifying its chain."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from apps.audit import anchors
from apps.audit.keys import audit_key
from apps.audit.models import GENESIS_HASH, AuditEntry

if TYPE_CHECKING:
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
    are written together or not at all. ``data`` may hold dates, UUIDs and
    decimals: it is stored (and hashed) as the JSON they turn into.
    """
    # Hash exactly what the database will give back, so the entry verifies after a round trip.
    stored = json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))
    with transaction.atomic():
        # Lock the school row so two writers cannot take the same place in the chain.
        type(school).objects.select_for_update().filter(pk=school.pk).first()
        last = AuditEntry.objects.filter(school=school).order_by("-seq").only("seq", "hash").first()
        user = actor if getattr(actor, "pk", None) else None
        entry = AuditEntry(
            school=school,
            seq=(last.seq + 1) if last else 1,
            actor=user,
            actor_name=_name_of(user),
            action=action,
            object_type=(obj._meta.model_name or "") if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            summary=summary[:500],
            data=stored,
            prev_hash=last.hash if last else GENESIS_HASH,
        )
        entry.hash = entry.compute_hash(audit_key(create=True))
        entry.save()
        type(school).objects.filter(pk=school.pk).update(audit_seq=entry.seq, audit_hash=entry.hash)
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


def verify_chain(entries: Iterable[AuditEntry], legacy_seq: int = 0) -> list[ChainProblem]:
    """Check one school's entries (in ``seq`` order): positions, links and hashes.

    A gap in the numbering means entries were deleted; a wrong link without a
    gap means an entry's hash was rewritten; a wrong hash means its content was
    changed. Keyed entries need the audit key to recompute, so a rewrite by
    someone without it shows as a wrong hash; an unkeyed entry after a keyed one
    was written without the key. (Removing the newest entries leaves no trace in
    the chain itself: :func:`verify_school` compares it with the anchors.)
    """
    problems = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    key: bytes | None = None
    seen_keyed = False
    for entry in entries:
        school = str(entry.school_id)
        if entry.keyed:
            seen_keyed = True
            key = key or audit_key()
        elif seen_keyed or entry.seq > legacy_seq:
            problems.append(
                ChainProblem(school, entry.seq, "was written without the audit key after the chain was keyed")
            )
        if entry.seq != expected_seq:
            missing = (
                f"entry #{expected_seq} is missing"
                if entry.seq == expected_seq + 1
                else f"entries #{expected_seq} to #{entry.seq - 1} are missing"
            )
            problems.append(ChainProblem(school, entry.seq, f"{missing}: entries were deleted or moved"))
        elif entry.prev_hash != expected_prev:
            problems.append(ChainProblem(school, entry.seq, "does not link to the entry before it"))
        if entry.compute_hash(key) != entry.hash:
            problems.append(ChainProblem(school, entry.seq, "its content was changed after it was recorded"))
        expected_prev = entry.hash
        expected_seq = entry.seq + 1
    return problems


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying one school's whole chain."""

    school: School
    entries: int
    problems: list[ChainProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_school(school: School) -> ChainReport:
    """Verify every entry of ``school``'s chain, reading them in batches (fine for large logs)."""
    entries = AuditEntry.objects.filter(school=school).order_by("seq").iterator(chunk_size=2000)
    count = 0

    def counted() -> Iterable[AuditEntry]:
        nonlocal count
        for entry in entries:
            count += 1
            yield entry

    anchored = anchors.read(school.pk)
    problems = verify_chain(counted(), anchored.legacy_seq)
    fresh = type(school).objects.filter(pk=school.pk).only("audit_seq", "audit_hash").first()
    head_seq, head_hash = (fresh.audit_seq, fresh.audit_hash) if fresh else (0, "")
    last = AuditEntry.objects.filter(school=school).order_by("-seq").values("seq", "hash").first()
    last_seq, last_hash = (last["seq"], last["hash"]) if last else (0, "")
    if head_seq > last_seq:
        problems.append(
            ChainProblem(
                str(school.pk),
                last_seq + 1,
                f"the newest entries #{last_seq + 1} to #{head_seq} were removed",
            )
        )
    elif head_seq == last_seq and last_seq and head_hash != last_hash:
        problems.append(ChainProblem(str(school.pk), last_seq, "the newest entry was replaced"))
    problems.extend(_against_anchors(school, last_seq, anchored))
    return ChainReport(school, count, problems)


def _against_anchors(school: School, last_seq: int, anchored: anchors.Anchors) -> list[ChainProblem]:
    """Compare the chain with the heads recorded outside the database (apps.audit.anchors).

    Only the newest anchor needs checking: the chain up to it is tied together by the links.
    """
    problems = [ChainProblem(str(school.pk), 0, message) for message in anchored.damaged]
    anchor = anchored.newest
    if anchor is None:
        return problems
    when = f"recorded outside the database on {anchor.at:%d %B %Y at %H:%M} UTC"
    if anchor.seq > last_seq:
        problems.append(
            ChainProblem(
                str(school.pk),
                last_seq + 1,
                f"entries #{last_seq + 1} to #{anchor.seq} were removed (the log had {anchor.seq} entries, {when})",
            )
        )
        return problems
    stored = AuditEntry.objects.filter(school=school, seq=anchor.seq).values_list("hash", flat=True).first()
    if stored != anchor.hash:
        problems.append(
            ChainProblem(
                str(school.pk),
                anchor.seq,
                f"differs from the entry {when}: the log up to here was rewritten",
            )
        )
    return problems

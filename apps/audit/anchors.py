"""The audit chains' heads, anchored outside the database.

The keyed hashes stop someone without the audit key from rewriting an entry; they cannot stop the
newest entries being removed, or the whole log being replaced by someone who also has the key.
So, on a schedule (``manage.py anchor_audit``, or the ``anchor_audit_chains`` task), each school's
head (its newest entry's number and hash) is appended to an append-only file outside the database,
each line signed with the audit key; and, when asked, e-mailed to the headteacher and the
governors, who keep a copy nobody at the server can reach. ``verify_audit`` compares each chain
with its newest anchor: an entry removed or changed since then is found.

The file is ``SAFEPOST_AUDIT_ANCHOR_FILE`` (default ``<var>/audit-anchors.jsonl``), one JSON object
a line, created 0600. Make it append-only on the server (``chattr +a``), or ship it to a log
server, so that it cannot be rewritten either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from apps.audit.keys import audit_key
from apps.audit.models import school_model

if TYPE_CHECKING:
    from apps.schools.models import School

#: Who is e-mailed the fingerprint (the roles as the schools app stores them).
RECIPIENT_ROLES = ("headteacher", "governor")


@dataclass(frozen=True)
class Anchor:
    """One school's head as recorded outside the database.

    ``legacy`` marks the head of the entries recorded before the chain was keyed (written once, by
    the migration that keyed it): entries without the key are accepted up to there and no further.
    """

    school: int
    seq: int
    hash: str
    at: datetime
    legacy: bool = False


@dataclass(frozen=True)
class Anchors:
    """What the anchor file says about one school."""

    newest: Anchor | None
    legacy_seq: int
    damaged: list[str]


def anchor_file() -> Path:
    configured = getattr(settings, "SAFEPOST_AUDIT_ANCHOR_FILE", "") or os.environ.get(
        "SAFEPOST_AUDIT_ANCHOR_FILE", ""
    )
    if configured:
        return Path(configured)
    return Path(getattr(settings, "VAR_DIR", None) or Path(settings.BASE_DIR) / "var") / "audit-anchors.jsonl"


def _signature(payload: dict[str, Any], key: bytes) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key, b"safepost-audit-anchor:" + body.encode("ascii"), hashlib.sha256).hexdigest()


def fingerprint(head_hash: str) -> str:
    """The head's hash in groups a person can read over the phone."""
    return "-".join(head_hash[i : i + 4] for i in range(0, 16, 4)).upper()


def _lines() -> Iterator[tuple[int, str]]:
    try:
        with anchor_file().open(encoding="utf-8", errors="replace") as handle:
            yield from enumerate(handle, start=1)
    except FileNotFoundError:
        return


def read(school_id: int) -> Anchors:
    """The school's anchors whose signature holds, and what is wrong with lines that may be its."""
    key: bytes | None = None
    newest: Anchor | None = None
    legacy_seq = 0
    damaged = []
    for number, line in _lines():
        if not line.strip():
            continue
        try:
            payload = json.loads(line)
            claimed = int(payload.get("school", -1))
        except (ValueError, TypeError, AttributeError):
            damaged.append(
                f"line {number} of the anchor file {anchor_file()} is not an anchor: it was damaged"
            )
            continue
        if claimed != school_id:
            continue
        signature = str(payload.pop("sig", ""))
        key = key or audit_key()
        try:
            valid = hmac.compare_digest(signature, _signature(payload, key))
            anchor = Anchor(
                claimed,
                int(payload["seq"]),
                str(payload["hash"]),
                datetime.fromisoformat(payload["at"]),
                bool(payload.get("legacy", False)),
            )
        except (KeyError, ValueError, TypeError):
            valid = False
        if not valid:
            damaged.append(
                f"line {number} of the anchor file {anchor_file()} was changed (its signature does not match)"
            )
            continue
        if anchor.legacy:
            legacy_seq = max(legacy_seq, anchor.seq)
        if newest is None or anchor.seq >= newest.seq:
            newest = anchor
    return Anchors(newest, legacy_seq, damaged)


def latest(school_id: int) -> Anchor | None:
    """The newest head recorded for the school (only lines whose signature holds)."""
    return read(school_id).newest


def _append(line: str) -> None:
    path = anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)


def write(school_id: int, slug: str, seq: int, head: str, at: datetime, *, legacy: bool = False) -> None:
    """Append one signed head to the anchor file."""
    payload: dict[str, Any] = {
        "school": school_id,
        "slug": slug,
        "seq": seq,
        "hash": head,
        "at": at.isoformat(),
    }
    if legacy:
        payload["legacy"] = True
    payload["sig"] = _signature(dict(payload), audit_key(create=True))
    _append(json.dumps(payload, sort_keys=True, ensure_ascii=True) + "\n")


def anchor_school(school: School, *, now: datetime | None = None, email: bool = False) -> Anchor | None:
    """Record the school's head outside the database (unless it is already recorded)."""
    last = school.audit_entries.order_by("-seq").values_list("seq", "hash").first()
    if last is None:
        return None
    seq, head = last
    previous = latest(school.pk)
    if previous is not None and (previous.seq, previous.hash) == (seq, head) and not email:
        return None
    at = (now or timezone.now()).astimezone(UTC)
    write(school.pk, school.slug, seq, head, at)
    if email:
        _send(school, seq, head, at)
    return Anchor(school.pk, seq, head, at)


def _send(school: School, seq: int, head: str, at: datetime) -> None:
    members = school.memberships.filter(is_active=True, role__in=RECIPIENT_ROLES).select_related("user")
    to = sorted({m.user.email for m in members if m.user.email})
    if not to:
        return
    local = at.astimezone(school.policy.tz)
    send_mail(
        f"Safepost audit log fingerprint for {school.name}, {local:%d %B %Y}",
        f"This e-mail is a copy of where {school.name}'s audit log stood on {local:%d %B %Y at %H:%M}:\n\n"
        f"    Entries: {seq}\n    Fingerprint: {fingerprint(head)}\n    Full hash: {head}\n\n"
        "Please keep it. Safepost records everything done in it in the audit log, and each entry is "
        "sealed to the ones before it. If anyone ever asks whether the log was changed, compare the "
        "log's entry number "
        f"{seq} with this fingerprint (Safepost's 'verify_audit' check does this): if they differ, "
        "the log was changed after this e-mail was sent.\n\nYou receive this as headteacher or governor. "
        "There is nothing to do.\n",
        None,
        to,
    )


def anchor_all(*, now: datetime | None = None, email: bool = False) -> int:
    """Anchor every school's head; returns how many were written."""
    written = 0
    for school in school_model().objects.filter(audit_seq__gt=0).order_by("pk"):
        if anchor_school(school, now=now, email=email) is not None:
            written += 1
    return written

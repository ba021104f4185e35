"""Evidence first (COU-11): the item as it was, in one zip with its SHA-256, before anything is removed.

The zip is built byte-for-byte reproducibly (fixed file times, sorted names), holds ``item.json``
(text, author and bio, times, link, the thread, the platform's own payload), ``rendered.html`` (the
item as the inbox showed it), its images and ``SHA256SUMS``; its own SHA-256 goes in the audit
chain. It is kept in the database, never changed or deleted, and downloaded as it is.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from apps.audit.actions import record
from apps.audit.models import AuditEntry
from apps.moderation.models import Evidence, InboxItem
from apps.schools.models import School

_EPOCH = (2000, 1, 1, 0, 0, 0)

README = """Evidence kept by Safepost for {school}

This file is what Safepost saw of a {kind} on {platform}, kept on {kept} before anything was
hidden, deleted or blocked. item.json holds the text, the author, their profile text (bio), the
times, the address and the conversation around it; rendered.html shows it as staff saw it; the
images/ folder holds its images. SHA256SUMS lists the SHA-256 of each file. The SHA-256 of this
whole zip file is recorded in the school's tamper-evident audit log (entry #{seq}).
"""


def _extension(mime: str) -> str:
    return {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}.get(
        mime, ".bin"
    )


def snapshot(item: InboxItem) -> dict[str, Any]:
    """Everything known about the item, as JSON-ready data."""
    return {
        "school": item.school.name,
        "account": item.account.name,
        "platform": item.platform,
        "kind": item.kind,
        "external_id": item.external_id,
        "url": item.url,
        "text": item.text,
        "author": {
            "id": item.author_id,
            "handle": item.author_handle,
            "name": item.author_name,
            "bio": item.author_bio,
            "url": item.author_url,
        },
        "posted_at": item.posted_at,
        "fetched_at": item.fetched_at,
        "in_reply_to": {"id": item.in_reply_to, "text": item.in_reply_to_text},
        "thread": item.thread,
        "judgement": {"label": item.label, "escalate": item.escalate, "reasons": item.reasons},
        "images": [
            {"url": image.url, "alt": image.alt, "sha256": image.sha256, "problem": image.problem}
            for image in item.images.all()
        ],
        "platform_payload": item.raw,
    }


def build_bundle(item: InboxItem, kept_by: str, reason: str, seq: int) -> bytes:
    """The zip, reproducibly: the same item gives the same bytes."""
    files: dict[str, bytes] = {}
    data = snapshot(item)
    data["kept"] = {"by": kept_by, "reason": reason}
    files["item.json"] = json.dumps(
        data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False, sort_keys=True
    ).encode()
    files["rendered.html"] = render_to_string(
        "moderation/evidence.html", {"item": item, "kept_by": kept_by}
    ).encode()
    for number, image in enumerate(item.images.all(), start=1):
        if image.data:
            files[f"images/{number}{_extension(image.mime)}"] = bytes(image.data)
    sums = "".join(f"{hashlib.sha256(body).hexdigest()}  {name}\n" for name, body in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    files["README.txt"] = README.format(
        school=item.school.name,
        kind=item.get_kind_display().lower(),
        platform=item.platform.title(),
        kept=timezone.localtime().strftime("%d %B %Y at %H:%M"),
        seq=seq,
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def keep(item: InboxItem, user: Any, reason: str) -> Evidence:
    """Keep the item as it is now (or return the evidence already kept): one zip, hashed, audited."""
    existing = item.evidence.order_by("created_at").first()
    if existing is not None:
        return existing
    name = user.get_full_name() or user.get_username() if user is not None else "Safepost"
    with transaction.atomic():
        InboxItem.objects.select_for_update().filter(pk=item.pk).first()
        existing = item.evidence.order_by("created_at").first()
        if existing is not None:
            return existing
        # The school's chain is locked (as record() does) so the entry number in the README is the one used.
        School.objects.select_for_update().filter(pk=item.school_id).first()
        next_seq = (
            AuditEntry.objects.filter(school=item.school)
            .order_by("-seq")
            .values_list("seq", flat=True)
            .first()
            or 0
        ) + 1
        bundle = build_bundle(item, name, reason, next_seq)
        digest = hashlib.sha256(bundle).hexdigest()
        entry = record(
            item.school,
            user,
            "inbox.evidence_kept",
            f"Evidence kept of the {item.get_kind_display().lower()} from {item.author_handle} (SHA-256 {digest[:16]}…)",
            item,
            {"sha256": digest, "bytes": len(bundle), "reason": reason},
        )
        return Evidence.objects.create(
            school=item.school,
            item=item,
            created_by=user,
            reason=reason,
            bundle=bundle,
            sha256=digest,
            audit_seq=entry.seq,
        )

"""Pupil roster uploads: read the file, preview it, keep it until the head confirms.

Nothing is written to the roster while previewing. The uploaded text is kept
in the member's session (compressed) under a random token; the confirm form
posts that token and the file's SHA-256, so what is imported is exactly the
file that was previewed, whole, or nothing at all.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from apps.schools.models import Pupil, School
from apps.schools.roster_merge import ImportPlan, plan_import
from safepost.policy.roster import Roster

MAX_BYTES = 2 * 1024 * 1024
#: An import that would mark this share of the roster as left (and at least LARGE_LOSS_MIN pupils)
#: is probably not the whole roster: the preview asks, and importing needs a second confirmation.
LARGE_SHARE = 0.2
LARGE_LOSS_MIN = 3
#: How long a previewed upload can still be confirmed.
MAX_AGE_SECONDS = 60 * 60
_SESSION_KEY = "schools.roster_upload"


class UploadError(Exception):
    """The file cannot be read as a roster; the message says what to do."""


def decode_upload(raw: bytes, filename: str) -> tuple[str, str | None]:
    """The file's text and, if it was not UTF-8, a note on how it was read.

    Raises :class:`UploadError` for files that are too big, are spreadsheets or
    not text at all.
    """
    if len(raw) > MAX_BYTES:
        raise UploadError(
            f"The file is {len(raw) / 1024 / 1024:.1f} MB; the most Safepost takes is 2 MB. "
            "Export only the pupils' names, class, year and consent columns and try again."
        )
    if not raw.strip():
        raise UploadError("The file is empty. Export the roster from your MIS again and upload that file.")
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadError(
            f"{filename} is a spreadsheet (Excel) file, not CSV. In Excel choose File, Save As, "
            "and pick “CSV UTF-8 (comma delimited)”, then upload that file."
        )
    if raw.startswith(b"%PDF"):
        raise UploadError(f"{filename} is a PDF. Export the roster from your MIS as a CSV file instead.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    note: str | None = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UploadError(
                f"{filename} is not in a text encoding Safepost can read. Save it as “CSV UTF-8” and try again."
            ) from None
        note = (
            "The file was not saved as UTF-8, so it was read as Windows (Western European) text. "
            "Check that names with accents look right below before importing."
        )
    if "\x00" in text:
        raise UploadError(
            f"{filename} does not look like a CSV file. Export the roster as CSV and try again."
        )
    return text, note


@dataclass
class Preview:
    """What importing a roster would do."""

    roster: Roster
    classes: list[tuple[str, int]]
    photo_consent: Counter[str]
    website_consent: Counter[str]
    joining: int
    leaving: int
    staying: int
    current: int
    plan: ImportPlan
    pupils: list[Any] = field(default_factory=list)
    leaving_by_class: list[tuple[str, int, int]] = field(default_factory=list)
    """(class, pupils it would mark as left, pupils in the class now), classes losing pupils only."""

    @property
    def large_loss(self) -> bool:
        """Whether the import would mark a large share of the roster as left."""
        return self.leaving >= LARGE_LOSS_MIN and self.leaving >= self.current * LARGE_SHARE


def _consent(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def preview(school: School, roster: Roster) -> Preview:
    """Counts per class and consent, and what the import would change (see :mod:`roster_merge`)."""
    plan = plan_import(school, roster)
    classes = Counter(p.class_name or "(no class)" for p in roster.pupils)
    on_roll = Counter(
        name or "(no class)"
        for name in Pupil.objects.filter(school=school, is_active=True).values_list("class_name", flat=True)
    )
    leaving = Counter(p.class_name or "(no class)" for p in plan.leaving)
    return Preview(
        roster=roster,
        classes=sorted(classes.items(), key=lambda kv: kv[0].casefold()),
        photo_consent=Counter(_consent(p.photo_consent) for p in roster.pupils),
        website_consent=Counter(_consent(p.website_consent) for p in roster.pupils),
        joining=len(plan.joining),
        leaving=len(plan.leaving),
        staying=len(plan.matched),
        current=on_roll.total(),
        plan=plan,
        pupils=sorted(
            roster.pupils,
            key=lambda p: (p.class_name.casefold(), p.surname.casefold(), p.first_name.casefold()),
        ),
        leaving_by_class=[
            (name, n, on_roll[name]) for name, n in sorted(leaving.items(), key=lambda kv: kv[0].casefold())
        ],
    )


@dataclass(frozen=True)
class Stash:
    """An upload waiting for the head to confirm it."""

    token: str
    school_id: int
    filename: str
    sha256: str
    text: str


def stash(session: SessionBase, school_id: int, filename: str, text: str) -> Stash:
    """Keep ``text`` in the session until confirmed; replaces any earlier upload."""
    token = secrets.token_urlsafe(24)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    session[_SESSION_KEY] = {
        "token": token,
        "school": school_id,
        "filename": filename,
        "sha256": digest,
        "at": time.time(),
        "data": base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii"),
    }
    return Stash(token, school_id, filename, digest, text)


def unstash(session: SessionBase, token: str, school_id: int, sha256: str) -> Stash | None:
    """The upload ``token`` names, if it is this session's, this school's, unchanged and recent."""
    held = session.get(_SESSION_KEY)
    if not isinstance(held, dict):
        return None
    if not secrets.compare_digest(str(held.get("token", "")), token) or held.get("school") != school_id:
        return None
    if time.time() - float(held.get("at", 0)) > MAX_AGE_SECONDS:
        return None
    text = zlib.decompress(base64.b64decode(held["data"])).decode("utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != held.get("sha256") or not secrets.compare_digest(digest, sha256):
        return None
    return Stash(token, school_id, str(held.get("filename", "")), digest, text)


def discard(session: SessionBase) -> None:
    """Forget the upload (after importing or cancelling)."""
    session.pop(_SESSION_KEY, None)

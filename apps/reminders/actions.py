"""Sending the reminders for due and overdue duties, once each, and recording duties done by hand."""

from __future__ import annotations

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.audit.actions import record
from apps.notifications.actions import notify
from apps.reminders.models import DutyDone, SentReminder
from apps.reminders.registry import Duty, Status, duties_for
from apps.schools.models import Membership, Role, School
from apps.schools.permissions import can_view_governance

log = logging.getLogger(__name__)


class Refused(Exception):
    """A request the member may not make, with the reason in words."""


#: Who reads the duties page: senior leaders, the safeguarding lead and governors (read-only).
can_view = can_view_governance


def can_mark_done(membership: Membership) -> bool:
    return membership.is_active and membership.is_senior


def _message(duty: Duty, stage: str) -> tuple[str, str]:
    due = f"{duty.due_on:%-d %B %Y}" if duty.due_on else ""
    if stage == SentReminder.Stage.OVERDUE:
        title = f"Overdue: {duty.name}"
        body = f"This was due on {due} and has not been done yet."
    else:
        title = f"Due by {due}: {duty.name}"
        body = f"Your school's policy asks for this by {due}."
    if duty.why:
        body += f"\n\nWhy: {duty.why}"
    return title, body


def remind(school: School, duty: Duty, today: date) -> SentReminder | None:
    """Send the reminder ``duty`` needs today, unless it was sent before; the one sent, or ``None``.

    Due: to the duty's roles. Overdue: to them and the headteacher. The SentReminder row is written
    first under a unique constraint, so two workers running at once send it once.
    """
    status = duty.status(today)
    if duty.due_on is None or status not in (Status.DUE, Status.OVERDUE):
        return None
    stage = SentReminder.Stage.OVERDUE if status == Status.OVERDUE else SentReminder.Stage.DUE
    roles = list(duty.roles)
    if stage == SentReminder.Stage.OVERDUE and Role.HEADTEACHER not in roles:
        roles.append(Role.HEADTEACHER)
    try:
        with transaction.atomic():
            sent = SentReminder.objects.create(
                school=school, key=duty.key, due_on=duty.due_on, stage=stage, name=duty.name[:200]
            )
    except IntegrityError:
        return None  # sent already, by an earlier run or another worker
    title, body = _message(duty, stage)
    made = notify(
        school,
        roles,
        kind=f"reminder.{stage}",
        title=title,
        body=body,
        url=duty.url,
    )
    SentReminder.objects.filter(pk=sent.pk).update(recipients=len(made))
    record(
        school,
        None,
        f"reminder.{stage}",
        f"{title} (told {len(made)} member{'s' if len(made) != 1 else ''} of staff)",
        sent,
        {"key": duty.key, "due_on": duty.due_on, "roles": roles},
    )
    return sent


def send_reminders(today: date | None = None) -> int:
    """Walk every school's duties and send the reminders that are due and not yet sent; how many."""
    today = today or timezone.localdate()
    sent = 0
    for school in School.objects.all():
        # One school's failure (a duty function raising) never stops the others' reminders.
        try:
            for duty in duties_for(school, today):
                if remind(school, duty, today) is not None:
                    sent += 1
        except Exception:
            log.exception("reminders for school %s failed", school.pk)
    return sent


def check_mark_done(membership: Membership, key: str, today: date) -> Duty:
    """The duty ``key`` of the member's school, if they may record it as done now."""
    if not can_mark_done(membership):
        raise Refused("Only the headteacher and senior leaders record a duty as done.")
    duty = next((d for d in duties_for(membership.school, today) if d.key == key), None)
    if duty is None:
        raise Refused("That duty is not on your school's list any more. Reload the page.")
    if not duty.can_mark_done:
        raise Refused(f"“{duty.name}” is recorded where it is done, not here.")
    return duty


def mark_done(membership: Membership, key: str, note: str, today: date | None = None) -> DutyDone:
    """Record a duty as done today (reminders for its current occurrence stop)."""
    today = today or timezone.localdate()
    duty = check_mark_done(membership, key, today)
    with transaction.atomic():
        done = DutyDone.objects.create(
            school=membership.school,
            key=duty.key,
            name=duty.name[:200],
            due_on=duty.due_on,
            done_on=today,
            done_by=membership.user,
            note=note.strip(),
        )
        late = duty.due_on is not None and today > duty.due_on
        record(
            membership.school,
            membership.user,
            "reminder.done",
            f"Done: {duty.name}"
            + (" (late)" if late else "")
            + (f": {note.strip()}" if note.strip() else ""),
            done,
            {"key": duty.key, "due_on": duty.due_on, "late": late},
        )
    return done


def last_done(school: School, key: str) -> DutyDone | None:
    """The latest time ``key`` was recorded as done at ``school``."""
    return DutyDone.objects.filter(school=school, key=key).order_by("-done_on", "-pk").first()

"""Signing the governors' report as received."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from apps.audit.actions import record
from apps.reports.access import can_sign
from apps.reports.figures import Report
from apps.reports.models import Receipt
from apps.schools.models import Membership


class Refused(Exception):
    """The signature cannot be recorded: ``str()`` says why."""


def sign(membership: Membership, report: Report, note: str = "") -> Receipt:
    """Record ``membership``'s signature that ``report`` (as it stands now) was received."""
    if not can_sign(membership):
        raise Refused(
            "Only the chair of governors signs the report as received (any governor, until the "
            "headteacher records who the chair is)."
        )
    user = membership.user
    name = user.get_full_name() or user.get_username()
    try:
        with transaction.atomic():
            receipt = Receipt.objects.create(
                school=membership.school,
                start=report.start,
                end=report.end,
                title=report.title[:200],
                signed_by=user,
                signed_by_name=name[:200],
                role=membership.role,
                note=note.strip()[:2000],
                digest=report.digest(),
            )
            record(
                membership.school,
                user,
                "report.received",
                f"{name} signed the governors' report for {report.title} as received",
                receipt,
                {"start": report.start, "end": report.end, "digest": receipt.digest},
            )
    except IntegrityError:
        raise Refused("You have already signed this report as received.") from None
    return receipt

"""The connections that need a member's attention, as their dashboard lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from apps.platforms.models import Connection, RotationReminder
from apps.platforms.permissions import can_approve, can_reconnect, can_rotate
from apps.platforms.registry import label_of
from apps.schools.models import Membership, School


@dataclass(frozen=True)
class Notice:
    """A connection that needs this member: approve it, reconnect it, change its sign-in."""

    connection: Connection
    what: str
    text: str
    url: str


def needs_attention(school: School, user: Any) -> list[Notice]:
    """Connections to list on this member's dashboard, with what to do about each."""
    membership = Membership.objects.filter(school=school, user=user, is_active=True).first()
    if membership is None:
        return []
    url = reverse("platforms:connections")
    notices: list[Notice] = []
    live = Connection.objects.filter(school=school, status__in=Connection.LIVE).select_related("account")
    for connection in live:
        label = f"{connection.account.name} on {label_of(connection.kind)}"
        if connection.status == Connection.Status.WAITING and can_approve(membership):
            notices.append(
                Notice(connection, "approve", f"{label} ({connection.handle}) waits for your approval.", url)
            )
        elif connection.status == Connection.Status.RECONNECT and can_reconnect(membership, connection):
            notices.append(
                Notice(
                    connection,
                    "reconnect",
                    f"{label} needs reconnecting: nothing goes out there until it is.",
                    url,
                )
            )
    if can_rotate(membership):
        reminders = RotationReminder.objects.filter(
            school=school, done_at__isnull=True, connection__status__in=Connection.LIVE
        ).select_related("connection__account")
        for reminder in reminders:
            connection = reminder.connection
            notices.append(
                Notice(
                    connection,
                    "rotate",
                    f"Time to change the sign-in of {connection.account.name} on {label_of(connection.kind)}: "
                    f"{reminder.reason}.",
                    url,
                )
            )
    return notices

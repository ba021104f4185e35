"""The sign-in change the policy makes periodic (CAT-09, NNF-02, SUT-13, COU-07), as a duty."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.urls import reverse
from django.utils import timezone

from apps.platforms import actions, registry
from apps.platforms.models import Connection, CredentialRotation
from apps.reminders.registry import Completion, Duty, duties, history
from apps.schools.models import School

_WHY = {
    "termly": "Your school's policy changes the sign-in of each account at the start of every term.",
    "regularly": f"Your school's policy changes the sign-in of each account every {actions.REGULAR_DAYS} days.",
    "on-permission": "Your school's policy changes the sign-in when permission is given, not on a schedule.",
    "none": "Your school's policy sets no schedule for changing the sign-in.",
}


def _name(connection: Connection) -> str:
    platform = registry.get(connection.kind)
    label = platform.label if platform is not None else connection.kind
    return f"Change the sign-in of {connection.account.name} on {label}"


@duties
def sign_in_changes(school: School, today: date) -> Iterator[Duty]:
    credentials = school.policy.credentials
    live = Connection.objects.filter(
        school=school, status__in=[Connection.Status.ACTIVE, Connection.Status.RECONNECT]
    ).select_related("account")
    for connection in live:
        since = timezone.localdate(connection.rotated_or_connected_at)
        yield Duty(
            key=f"platforms.rotation.{connection.pk}",
            name=_name(connection),
            roles=tuple(credentials.rotated_by),
            due_on=actions.next_rotation_due(credentials.rotation, since, credentials.term_starts),
            last_done=since,
            url=reverse("platforms:connections"),
            why=_WHY.get(credentials.rotation, ""),
        )


@history
def sign_in_changes_done(school: School, start: date, end: date) -> Iterator[Completion]:
    rotations = CredentialRotation.objects.filter(
        school=school, rotated_at__date__gte=start, rotated_at__date__lte=end
    ).select_related("connection__account", "reminder", "rotated_by")
    for rotation in rotations:
        yield Completion(
            name=_name(rotation.connection).replace("Change the", "Changed the", 1),
            done_on=timezone.localdate(rotation.rotated_at),
            due_on=rotation.reminder.due_on if rotation.reminder else None,
            by=rotation.rotated_by.get_full_name() or rotation.rotated_by.get_username(),
        )

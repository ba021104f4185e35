"""Credential rotation: reminders on the policy's cadence, permission where needed, every rotation recorded."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.platforms import actions, permissions
from apps.platforms.actions import create_due_reminders
from apps.platforms.models import Connection, CredentialRotation, RotationPermission, RotationReminder
from apps.platforms.notices import needs_attention
from apps.platforms.rotation import next_rotation_due
from apps.platforms.tests.conftest import BASE, connect
from apps.platforms.tests.fakes import FakeWorld
from apps.schools.actions import update_policy
from apps.schools.models import Membership
from apps.schools.testing import Personas, client_for


@pytest.mark.parametrize(
    ("rotation", "since", "due"),
    [
        ("termly", date(2026, 3, 11), date(2026, 4, 20)),
        ("termly", date(2026, 4, 20), date(2026, 9, 1)),
        ("termly", date(2026, 7, 20), date(2026, 9, 1)),
        ("termly", date(2026, 10, 1), date(2027, 1, 5)),
        ("termly", date(2026, 12, 31), date(2027, 1, 5)),
        ("regularly", date(2026, 3, 11), date(2026, 6, 9)),
        ("on-permission", date(2026, 3, 11), None),
        ("none", date(2026, 3, 11), None),
    ],
)
def test_the_next_rotation_follows_the_policys_cadence(rotation: str, since: date, due: date | None) -> None:
    assert next_rotation_due(rotation, since) == due


def test_termly_reminders_follow_the_schools_own_term_dates() -> None:
    terms = ["09-03", "01-06", "04-21"]
    assert next_rotation_due("termly", date(2026, 9, 2), terms) == date(2026, 9, 3)
    assert next_rotation_due("termly", date(2026, 12, 20), terms) == date(2027, 1, 6)


def connected_on(p: Personas, world: FakeWorld, day: date) -> Connection:
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, 12))
    return connect(p, world, approved_at=moment)


def test_a_termly_reminder_appears_once_for_the_roles_that_rotate(p: Personas, world: FakeWorld) -> None:
    connection = connected_on(p, world, date(2026, 2, 1))

    assert create_due_reminders(date(2026, 4, 19)) == 0
    assert create_due_reminders(date(2026, 4, 20)) == 1
    assert create_due_reminders(date(2026, 4, 21)) == 0

    reminder = RotationReminder.objects.get(connection=connection)
    assert reminder.reason == "a new term starts on 20 April 2026"
    assert [n.what for n in needs_attention(p.school, p.senior)] == ["rotate"]
    assert needs_attention(p.school, p.teacher) == []
    assert "Time to change the sign-in" in client_for(p.head).get(BASE).content.decode()
    assert AuditEntry.objects.filter(action="platform.rotation_due").count() == 1


def test_rotating_signs_in_again_records_who_and_closes_the_reminder(p: Personas, world: FakeWorld) -> None:
    connection = connected_on(p, world, date(2026, 2, 1))
    create_due_reminders(date(2026, 4, 20))
    old_token = connection.credentials()["access_token"]
    client = client_for(p.senior)

    url = str(client.post(f"{BASE}{connection.pk}/rotate/")["Location"])
    page = client.get(f"{BASE}callback/fakeoauth/", world.consent(url), follow=True).content.decode()

    assert "was changed and recorded" in page
    connection.refresh_from_db()
    assert connection.credentials()["access_token"] != old_token
    assert connection.last_rotated_at is not None
    rotation = CredentialRotation.objects.get(connection=connection)
    assert rotation.rotated_by == p.senior and rotation.reminder is not None
    assert RotationReminder.objects.get().done_at is not None
    assert needs_attention(p.school, p.senior) == []
    assert AuditEntry.objects.filter(action="platform.rotated").count() == 1
    next_due = next_rotation_due("termly", timezone.localdate(connection.last_rotated_at))
    assert next_due is not None and next_due > timezone.localdate()


def test_a_role_the_policy_does_not_name_cannot_rotate(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)

    page = client_for(p.computing).get(f"{BASE}{connection.pk}/rotate/", follow=True).content.decode()

    assert "lets the headteacher or a senior leader change the sign-in" in page
    assert not CredentialRotation.objects.exists()


def require_permission_of_the_head(p: Personas) -> None:
    text = p.school.policy_toml.replace(
        'rotated_by = ["headteacher", "senior-leader"]',
        'rotated_by = ["headteacher", "senior-leader"]\nneeds_permission_of = ["headteacher"]',
    )
    assert text != p.school.policy_toml
    update_policy(p.school, text, actor=None)
    p.school.refresh_from_db()


def test_a_rotation_needing_the_heads_permission_waits_for_it_and_uses_it_once(
    p: Personas, world: FakeWorld
) -> None:
    require_permission_of_the_head(p)
    connection = connect(p, world)
    senior = client_for(p.senior)

    refused = senior.get(f"{BASE}{connection.pk}/rotate/", follow=True).content.decode()
    assert "needs the permission of the headteacher" in refused
    assert senior.post(f"{BASE}{connection.pk}/permit/").status_code == 403

    client_for(p.head).post(f"{BASE}{connection.pk}/permit/")
    url = str(senior.post(f"{BASE}{connection.pk}/rotate/")["Location"])
    senior.get(f"{BASE}callback/fakeoauth/", world.consent(url))

    rotation = CredentialRotation.objects.get()
    assert rotation.permission is not None and rotation.permission.granted_by == p.head
    assert rotation.permission.used_at is not None
    again = senior.get(f"{BASE}{connection.pk}/rotate/", follow=True).content.decode()
    assert "needs the permission of the headteacher" in again
    summary = AuditEntry.objects.get(action="platform.rotated").summary
    assert "with the permission of Helen Head" in summary


def test_permission_granted_too_long_ago_no_longer_counts(p: Personas, world: FakeWorld) -> None:
    require_permission_of_the_head(p)
    connection = connect(p, world)
    permission = actions.grant_rotation_permission(connection, Membership.objects.get(user=p.head))
    RotationPermission.objects.filter(pk=permission.pk).update(
        granted_at=timezone.now() - timedelta(days=permissions.PERMISSION_DAYS + 1)
    )

    membership = Membership.objects.get(user=p.senior)
    assert permissions.rotation_refusal(connection, membership) is not None


def test_the_head_named_in_the_policy_rotates_with_their_own_permission_recorded(
    p: Personas, world: FakeWorld
) -> None:
    require_permission_of_the_head(p)
    connection = connect(p, world)
    head = client_for(p.head)

    url = str(head.post(f"{BASE}{connection.pk}/rotate/")["Location"])
    head.get(f"{BASE}callback/fakeoauth/", world.consent(url))

    rotation = CredentialRotation.objects.get()
    assert rotation.rotated_by == p.head
    assert rotation.permission is not None and rotation.permission.granted_by == p.head


def test_the_permission_button_is_offered_only_where_someone_needs_it(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)
    permit = f"{BASE}{connection.pk}/permit/"
    assert permit not in client_for(p.head).get(BASE).content.decode()

    require_permission_of_the_head(p)

    assert permit in client_for(p.head).get(BASE).content.decode()
    assert permit not in client_for(p.senior).get(BASE).content.decode()

"""manage.py create_school: a school and its first headteacher, or a clear error and nothing created."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.audit.models import AuditEntry
from apps.schools.models import Account, Membership, School


def create(*args: str) -> str:
    out = StringIO()
    call_command("create_school", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_creates_the_school_with_its_headteacher_holding_the_main_account(db: Any) -> None:
    out = create(
        "St Anne's Primary School",
        "st-annes",
        "--preset",
        "rackham",
        "--head-email",
        "head@stannes.example.sch.uk",
        "--head-name",
        "Alex Jones",
    )
    school = School.objects.get(slug="st-annes")
    head = Membership.objects.get(school=school)
    assert head.role == "headteacher" and head.user.get_full_name() == "Alex Jones"
    assert not head.user.has_usable_password()
    assert Account.objects.get(school=school, kind="main").holder == head.user
    assert school.policy.school.name == "St Anne's Primary School"
    assert school.policy.school.handle == ""
    assert school.policy.posting_window.start.hour == 7  # Rackham's window
    assert list(AuditEntry.objects.filter(school=school).values_list("action", flat=True)) == [
        "school.created",
        "member.added",
    ]
    assert "Forgot your password?" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["X", "Not A Slug", "--preset", "rackham", "--head-email", "a@b.uk", "--head-name", "A B"],
            "web name",
        ),
        (
            ["X", "x-school", "--preset", "rackham", "--head-email", "not-an-email", "--head-name", "A B"],
            "not an e-mail address",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_created(db: Any, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        create(*args)
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_web_name_in_use_is_refused(db: Any) -> None:
    create("A", "a-school", "--preset", "courtney", "--head-email", "h@a.uk", "--head-name", "H A")
    with pytest.raises(CommandError, match="already uses"):
        create("B", "a-school", "--preset", "courtney", "--head-email", "h@b.uk", "--head-name", "H B")
    assert School.objects.count() == 1

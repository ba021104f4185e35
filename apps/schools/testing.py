"""Test personas: a school with one member of staff per role, and an outsider from another school."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.test import Client

from apps.schools.actions import create_school
from apps.schools.models import MFA_REQUIRED_ROLES, Account, Membership, Role, School

PASSWORD = "a-long-test-password-1"


@dataclass
class Personas:
    """Everyone a test needs, created by :func:`make_personas`."""

    school: School
    main: Account
    oak: Account
    head: Any
    senior: Any
    teacher: Any
    office: Any
    computing: Any
    governor: Any
    other_school: School
    outsider: Any

    def client_for(self, user: Any) -> Client:
        """A test client signed in as ``user``; see :func:`client_for`."""
        return client_for(user)


def ensure_totp(user: Any) -> None:
    """Give ``user`` an authenticator app (TOTP), as setting one up on the MFA page does."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())


def client_for(user: Any) -> Client:
    """A test client signed in as ``user``.

    Members who must use MFA (headteacher, senior leaders) get a real TOTP
    authenticator first, so the MFA middleware lets them through exactly as it
    does a member who set one up; ``force_login`` stands in for typing the code.
    """
    if Membership.objects.filter(user=user, is_active=True, role__in=MFA_REQUIRED_ROLES).exists():
        ensure_totp(user)
    client = Client()
    client.force_login(user)
    return client


def make_user(username: str, school: School, role: str, first: str = "", last: str = "") -> Any:
    """A user with a membership of ``school``."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=first,
        last_name=last,
    )
    # A confirmed address, as a member who followed their sign-in link has: allauth's
    # mandatory e-mail verification would otherwise stop a real sign-in.
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    Membership.objects.create(user=user, school=school, role=role)
    return user


def make_personas(preset: str = "st-catherine", slug: str = "st-caths") -> Personas:
    """A school on ``preset`` with a main account, Oak Class's account and one user per role."""
    school = create_school(name="St Catherine's Test School", slug=slug, preset=preset)
    head = make_user(f"{slug}-head", school, Role.HEADTEACHER, "Helen", "Head")
    senior = make_user(f"{slug}-senior", school, Role.SENIOR_LEADER, "Sam", "Senior")
    teacher = make_user(f"{slug}-teacher", school, Role.CLASS_TEACHER, "Tara", "Teacher")
    office = make_user(f"{slug}-office", school, Role.OFFICE, "Olly", "Office")
    computing = make_user(f"{slug}-computing", school, Role.COMPUTING_LEAD, "Chris", "Computing")
    governor = make_user(f"{slug}-governor", school, Role.GOVERNOR, "Gill", "Governor")
    main = Account.objects.get(school=school, kind=Account.Kind.MAIN)
    main.holder = head
    main.save()
    oak = Account.objects.create(
        school=school, name="Oak Class", kind=Account.Kind.CLASS, holder=teacher, class_name="Oak"
    )
    other = create_school(name="Elsewhere Primary", slug=f"{slug}-elsewhere", preset="rackham")
    outsider = make_user(f"{slug}-outsider", other, Role.HEADTEACHER, "Otto", "Outsider")
    return Personas(school, main, oak, head, senior, teacher, office, computing, governor, other, outsider)

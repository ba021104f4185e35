"""School devices (CAT-01): the roles the policy names use Safepost only from the school's network
or a device the school remembered; senior leaders may remember their own phone for trips (RAC-04)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools.devices import COOKIE_NAME
from apps.schools.models import SchoolDevice
from apps.schools.testing import Personas, client_for

SCHOOL_NET = "203.0.113.9"
HOME = "198.51.100.20"


def hold_to_school_devices(p: Personas, mode: str = "sign-in") -> None:
    p.school.policy_toml += f'\n[devices]\nschool_devices = "{mode}"\nnetworks = ["203.0.113.0/24"]\n'
    p.school.save()


def test_a_teacher_at_home_is_told_why_and_sees_no_posts(p: Personas) -> None:
    hold_to_school_devices(p)
    response = client_for(p.teacher).get(reverse("posts:list"), REMOTE_ADDR=HOME)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Only from school devices" in page
    assert HOME in page
    assert "remember your own phone for trips" in page


def test_a_teacher_on_the_school_network_works_as_usual(p: Personas) -> None:
    hold_to_school_devices(p)
    assert client_for(p.teacher).get(reverse("posts:list"), REMOTE_ADDR=SCHOOL_NET).status_code == 200


def test_without_the_rule_everyone_works_from_anywhere(p: Personas) -> None:
    assert client_for(p.teacher).get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 200


def test_roles_the_policy_does_not_name_are_not_held(p: Personas) -> None:
    hold_to_school_devices(p)
    assert client_for(p.governor).get(reverse("schools:settings"), REMOTE_ADDR=HOME).status_code == 200


def test_in_publishing_mode_a_teacher_at_home_may_read_but_not_send(p: Personas) -> None:
    hold_to_school_devices(p, "publishing")
    client = client_for(p.teacher)
    assert client.get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 200
    response = client.post(reverse("posts:compose"), {"text": "Hello"}, REMOTE_ADDR=HOME)
    assert response.status_code == 403
    assert "writing, approving and sending them needs" in response.content.decode()


def test_a_device_remembered_in_school_works_on_a_trip_until_it_is_forgotten(p: Personas) -> None:
    hold_to_school_devices(p)
    senior = client_for(p.senior)
    response = senior.post(reverse("schools:devices"), {"name": "Year 4 iPad"}, REMOTE_ADDR=SCHOOL_NET)
    assert response.status_code == 302
    token = response.cookies[COOKIE_NAME].value
    assert response.cookies[COOKIE_NAME]["httponly"]
    device = SchoolDevice.objects.get(school=p.school)
    assert device.token_hash != token and not device.for_trips
    assert AuditEntry.objects.filter(school=p.school, action="device.remembered").exists()

    teacher = client_for(p.teacher)
    teacher.cookies[COOKIE_NAME] = token
    assert teacher.get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 200

    senior.post(reverse("schools:device_forget", args=[device.pk]), REMOTE_ADDR=SCHOOL_NET)
    assert AuditEntry.objects.filter(school=p.school, action="device.forgotten").exists()
    assert teacher.get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 403


def test_a_teacher_cannot_remember_a_device_and_a_senior_leaders_trip_phone_is_theirs_alone(
    p: Personas,
) -> None:
    hold_to_school_devices(p)
    teacher = client_for(p.teacher)
    teacher.post(reverse("schools:devices"), {"name": "My laptop"}, REMOTE_ADDR=HOME)
    teacher.post(reverse("schools:devices"), {"name": "My laptop"}, REMOTE_ADDR=SCHOOL_NET)
    assert not SchoolDevice.objects.exists()

    senior = client_for(p.senior)
    response = senior.post(reverse("schools:devices"), {"name": "My phone (trips)"}, REMOTE_ADDR=HOME)
    token = response.cookies[COOKIE_NAME].value
    assert SchoolDevice.objects.get().for_trips
    assert senior.get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 200
    teacher.cookies[COOKIE_NAME] = token
    assert teacher.get(reverse("posts:list"), REMOTE_ADDR=HOME).status_code == 403


def test_another_schools_device_does_not_count_and_cannot_be_forgotten(p: Personas) -> None:
    hold_to_school_devices(p)
    device = SchoolDevice.objects.create(school=p.other_school, name="Their iPad", token_hash="x" * 64)
    response = client_for(p.head).post(
        reverse("schools:device_forget", args=[device.pk]), REMOTE_ADDR=SCHOOL_NET
    )
    assert response.status_code == 404
    device.refresh_from_db()
    assert device.revoked_at is None


@override_settings(SAFEPOST_BEHIND_PROXY=True)
def test_behind_a_proxy_the_address_it_appended_counts_not_one_the_client_wrote(p: Personas) -> None:
    hold_to_school_devices(p)
    client = client_for(p.teacher)
    forged = f"{SCHOOL_NET}, {HOME}"
    assert client.get(reverse("posts:list"), HTTP_X_FORWARDED_FOR=forged).status_code == 403
    assert client.get(reverse("posts:list"), HTTP_X_FORWARDED_FOR=f"{HOME}, {SCHOOL_NET}").status_code == 200


@pytest.mark.parametrize("networks", ['["not a network"]', "[]"])
def test_a_policy_that_would_lock_everyone_out_or_names_no_real_network_is_refused(networks: str) -> None:
    import tomllib

    from safepost.policy.config import PolicyError, parse_policy

    data = tomllib.loads(
        f'[school]\nname = "X"\n[devices]\nschool_devices = "sign-in"\nnetworks = {networks}\n'
    )
    with pytest.raises(PolicyError) as error:
        parse_policy(data, "test.toml")
    assert "devices." in str(error.value)

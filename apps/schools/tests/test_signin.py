"""Signing in: closed sign-up, two-step sign-in for senior leaders, rate-limited attempts."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from apps.schools.models import Membership, Role
from apps.schools.testing import PASSWORD, Personas, client_for, ensure_totp

SETUP = reverse("mfa_activate_totp")
SCHOOL = reverse("schools:settings")


def signed_in_without_totp(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize("who", ["head", "senior"])
def test_a_senior_leader_without_an_authenticator_app_is_sent_to_set_one_up(p: Personas, who: str) -> None:
    client = signed_in_without_totp(getattr(p, who))
    response = client.get(SCHOOL)
    assert response.status_code == 302
    assert response["Location"] == SETUP
    page = client.get(SETUP, follow=True).content.decode()
    assert "you need two-step sign-in to protect the school&#x27;s accounts" in page


@pytest.mark.parametrize("path", ["/check/", "/school/agreement/", "/school/staff/"])
def test_every_page_of_the_app_waits_for_two_step_sign_in(p: Personas, path: str) -> None:
    response = signed_in_without_totp(p.head).get(path)
    assert response.status_code == 302 and response["Location"] == SETUP


def test_an_htmx_request_is_told_to_load_the_set_up_page(p: Personas) -> None:
    response = signed_in_without_totp(p.head).get(SCHOOL, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == SETUP


def test_a_head_who_signs_in_is_taken_to_set_up_the_app_and_then_gets_in(p: Personas) -> None:
    client = Client()
    signed_in = client.post(reverse("account_login"), {"login": p.head.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    response = client.get(SCHOOL, follow=True)
    assert response.redirect_chain[0][0] == SETUP
    # allauth asks for the password again before anyone changes two-step sign-in.
    reauthenticate = response.redirect_chain[-1][0]
    assert reauthenticate.startswith(reverse("account_reauthenticate"))
    assert "you need two-step sign-in to protect the school&#x27;s accounts" in response.content.decode()
    setup = client.post(reauthenticate, {"password": PASSWORD}, follow=True)
    assert setup.redirect_chain[-1][0] == SETUP
    assert b'name="code"' in setup.content  # the activation form, with its QR code
    # The head scans the code into their app and types the six digits it shows.
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(SETUP, {"code": code}).status_code == 302
    assert client.get(SCHOOL).status_code == 200


def test_the_set_up_page_sign_out_and_static_files_stay_reachable(p: Personas) -> None:
    client = signed_in_without_totp(p.head)
    setup = client.get(SETUP, follow=True)  # allauth may first ask for the password again
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert client.get("/static/css/safepost.css").status_code == 200
    assert client.get(reverse("account_change_password")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(SCHOOL).status_code == 302  # signed out now: sent to sign in
    assert client.get(SCHOOL)["Location"].startswith(reverse("account_login"))


def test_a_head_with_an_authenticator_app_gets_through(p: Personas) -> None:
    ensure_totp(p.head)
    assert signed_in_without_totp(p.head).get(SCHOOL).status_code == 200


@pytest.mark.parametrize("who", ["teacher", "office", "computing", "governor"])
def test_two_step_sign_in_is_optional_for_other_roles(p: Personas, who: str) -> None:
    response = signed_in_without_totp(getattr(p, who)).get(reverse("schools:agreement"))
    assert response.status_code == 200


def test_a_teacher_promoted_to_senior_leader_must_then_set_it_up(p: Personas) -> None:
    client = signed_in_without_totp(p.teacher)
    assert client.get(reverse("schools:agreement")).status_code == 200
    Membership.objects.filter(user=p.teacher).update(role=Role.SENIOR_LEADER)
    assert client.get(reverse("schools:agreement"))["Location"] == SETUP


def test_the_test_client_for_a_head_uses_a_real_authenticator(p: Personas) -> None:
    client = client_for(p.head)
    assert Authenticator.objects.filter(user=p.head, type=Authenticator.Type.TOTP).exists()
    assert client.get(SCHOOL).status_code == 200
    assert not Authenticator.objects.filter(user=p.teacher).exists()
    client_for(p.teacher)
    assert not Authenticator.objects.filter(user=p.teacher).exists()


def test_a_head_with_an_authenticator_is_asked_for_the_code_when_signing_in(p: Personas) -> None:
    ensure_totp(p.head)
    response = Client().post(reverse("account_login"), {"login": p.head.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")


def test_nobody_can_sign_themselves_up(db: None) -> None:
    client = Client()
    page = client.get(reverse("account_signup"))
    assert "Sign Up Closed" in page.content.decode()
    client.post(
        reverse("account_signup"),
        {
            "email": "me@example.org",
            "username": "me",
            "password1": "a-long-password-9",
            "password2": "a-long-password-9",
        },
    )
    assert not get_user_model().objects.filter(username="me").exists()


def test_repeated_failed_sign_ins_are_refused_even_with_the_right_password(p: Personas) -> None:
    client = Client()
    for _ in range(5):  # ACCOUNT_RATE_LIMITS login_failed: 5 per 5 minutes per account
        response = client.post(
            reverse("account_login"), {"login": p.teacher.username, "password": "wrong-guess"}
        )
        assert response.status_code == 200
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(reverse("account_login"), {"login": p.teacher.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_signs_in_when_not_rate_limited(p: Personas) -> None:
    response = Client().post(reverse("account_login"), {"login": p.teacher.username, "password": PASSWORD})
    assert response.status_code == 302

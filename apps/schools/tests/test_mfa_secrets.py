"""The authenticator-app secrets are encrypted with Safepost's keys: a database copy cannot make codes."""

from __future__ import annotations

import importlib
import json

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import decrypt
from django.apps import apps as django_apps
from django.test import Client

from apps.schools.testing import PASSWORD, Personas

MIGRATION = importlib.import_module("apps.schools.migrations.0006_encrypt_authenticator_secrets")
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_a_new_authenticator_secret_is_stored_encrypted_and_still_signs_in(p: Personas) -> None:
    TOTP.activate(p.head, SECRET)
    RecoveryCodes.activate(p.head)
    stored = json.dumps(list(Authenticator.objects.filter(user=p.head).values_list("data", flat=True)))
    assert SECRET not in stored and "fernet:" in stored

    browser = Client()
    browser.post("/accounts/login/", {"login": p.head.username, "password": PASSWORD})
    browser.post("/accounts/2fa/authenticate/", {"code": code(SECRET)})
    assert browser.session.get("_auth_user_id") == str(p.head.pk)


def test_secrets_stored_before_are_encrypted_by_the_migration_and_still_work(p: Personas) -> None:
    Authenticator.objects.create(user=p.head, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    MIGRATION.encrypt(django_apps, None)
    stored = Authenticator.objects.get(user=p.head, type=Authenticator.Type.TOTP).data["secret"]
    assert stored.startswith("fernet:") and SECRET not in stored
    assert decrypt(stored) == SECRET
    MIGRATION.decrypt(django_apps, None)
    assert Authenticator.objects.get(user=p.head, type=Authenticator.Type.TOTP).data["secret"] == SECRET

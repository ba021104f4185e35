"""Encrypt the authenticator-app secrets and recovery-code seeds stored before apps.schools.adapters.
MfaAdapter encrypted them (with the platform token keys). Going back decrypts them again."""

from typing import Any

from django.db import migrations

from apps.schools.adapters import ENCRYPTED, MfaAdapter

FIELDS = {"totp": "secret", "recovery_codes": "seed"}


def encrypt(apps: Any, schema_editor: Any) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    adapter = MfaAdapter()
    for authenticator in Authenticator.objects.filter(type__in=FIELDS):
        field = FIELDS[authenticator.type]
        value = authenticator.data.get(field)
        if isinstance(value, str) and not value.startswith(ENCRYPTED):
            authenticator.data[field] = adapter.encrypt(value)
            authenticator.save(update_fields=["data"])


def decrypt(apps: Any, schema_editor: Any) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    adapter = MfaAdapter()
    for authenticator in Authenticator.objects.filter(type__in=FIELDS):
        field = FIELDS[authenticator.type]
        value = authenticator.data.get(field)
        if isinstance(value, str) and value.startswith(ENCRYPTED):
            authenticator.data[field] = adapter.decrypt(value)
            authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0005_invitation"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt)]

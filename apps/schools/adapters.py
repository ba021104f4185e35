"""django-allauth adapter: schools add their staff; nobody signs themselves up."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from apps.common import crypto


class AccountAdapter(DefaultAccountAdapter):
    """Closed sign-up: a senior leader adds each member of staff from the staff list."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


#: Marks a secret encrypted by :class:`MfaAdapter` (older ones were stored as they are).
ENCRYPTED = "fernet:"


class MfaAdapter(DefaultMFAAdapter):
    """Authenticator-app secrets and recovery-code seeds encrypted with the platform token keys
    (apps.common.crypto), so a copy of the database cannot make two-step codes."""

    def encrypt(self, text: str) -> str:
        return ENCRYPTED + crypto.encrypt({"secret": text})

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(ENCRYPTED):
            return encrypted_text  # stored before encryption (migration 0006 encrypts those)
        return str(crypto.decrypt(encrypted_text.removeprefix(ENCRYPTED))["secret"])

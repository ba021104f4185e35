"""``manage.py rotate_token_key``: re-encrypt every saved platform sign-in with the current first key."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from apps.common import crypto
from apps.platforms.models import Connection


class Command(BaseCommand):
    help = (
        "After putting a new key first in SAFEPOST_TOKEN_KEYS (keeping the old one after it), re-encrypt "
        "every saved platform sign-in with the new key. Then the old key can be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = unreadable = 0
        for connection in Connection.objects.exclude(credentials_encrypted=""):
            try:
                token = crypto.reencrypt(connection.credentials_encrypted)
            except crypto.CredentialsUnreadable:
                unreadable += 1
                self.stderr.write(
                    f"{connection}: no key in SAFEPOST_TOKEN_KEYS opens it; it must be reconnected."
                )
                continue
            Connection.objects.filter(pk=connection.pk).update(credentials_encrypted=token)
            done += 1
        self.stdout.write(f"re-encrypted {done} sign-in(s); {unreadable} could not be opened")

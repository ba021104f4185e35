"""Building a platform client for a connection, and keeping the tokens it refreshes.

The client itself (``apps/platforms/<kind>/client.py``) is plain Python; this is where the Django
side decrypts a connection's credentials for it and stores the new ones it is given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db import transaction

from apps.platforms import registry
from apps.platforms.base import AccountInfo, PermanentError, Platform, PlatformClient
from apps.platforms.models import Connection


def saver_for(connection_id: int) -> Any:
    """A ``CredentialsSaver`` that stores refreshed tokens (encrypted) as soon as a client has them."""

    def save(credentials: dict[str, Any]) -> None:
        connection = Connection.objects.get(pk=connection_id)
        connection.set_credentials(credentials)
        connection.token_expires_at = expiry_of(credentials)
        with transaction.atomic():
            Connection.objects.filter(pk=connection_id).update(
                credentials_encrypted=connection.credentials_encrypted,
                token_expires_at=connection.token_expires_at,
            )

    return save


def client_for(connection: Connection) -> PlatformClient:
    """A client for the connection's account; raises if the platform or the tokens are unavailable."""
    platform = registry.get(connection.kind)
    if platform is None:
        raise PermanentError(
            f"Safepost cannot reach {connection.kind} on this installation (its support is not installed)",
            advice="Ask whoever runs Safepost for your school to install it",
        )
    return platform.client(connection.credentials(), saver_for(connection.pk))


def expiry_of(credentials: dict[str, Any]) -> datetime | None:
    """When the access token runs out, if the credentials say (``expires_at``: epoch seconds or ISO)."""
    value = credentials.get("expires_at")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def sign_in_check(platform: Platform, credentials: dict[str, Any]) -> tuple[AccountInfo, dict[str, Any]]:
    """Ask the platform whose credentials these are; returns the account and the (maybe refreshed) tokens."""
    latest = {"credentials": credentials}

    def keep(new: dict[str, Any]) -> None:
        latest["credentials"] = new

    info = platform.client(credentials, keep).whoami()
    return info, latest["credentials"]


def refreshed_elsewhere(connection: Connection) -> bool:
    """Whether the stored sign-in changed since ``connection`` was read.

    Platforms hand out a new refresh token with each refresh and refuse the old one: when two
    workers refresh at once, the one that loses sees an "expired" error although the connection
    works. Before marking it "reconnect needed", look whether someone else saved new tokens.
    """
    stored = (
        Connection.objects.filter(pk=connection.pk).values_list("credentials_encrypted", flat=True).first()
    )
    return stored is not None and stored != connection.credentials_encrypted

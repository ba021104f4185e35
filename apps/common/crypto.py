"""Secrets encrypted at rest (Fernet): platform tokens and two-step sign-in secrets, with the key kept outside the database.

The keys come from ``SAFEPOST_TOKEN_KEYS`` (comma-separated Fernet keys: the first encrypts, all
of them decrypt, so a new key can be put first and the old ones kept until every token has been
re-encrypted with ``manage.py rotate_token_key``), or else from a key file created at first run
with mode 0600 (``SAFEPOST_TOKEN_KEY_FILE``, by default ``<var>/token.key``). A database copy
without the key is useless to whoever holds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.core.exceptions import ImproperlyConfigured

from apps.common import keyfiles


class CredentialsUnreadable(Exception):
    """The stored tokens cannot be decrypted with the keys Safepost has (the key was lost or changed)."""


def key_file() -> Path:
    """Where the key file lives when no keys are given in the environment."""
    return keyfiles.key_file("SAFEPOST_TOKEN_KEY_FILE", "token.key")


def _keys_from_env(raw: str) -> list[bytes]:
    keys = []
    for number, part in enumerate((p.strip() for p in raw.split(",")), start=1):
        if not part:
            continue
        try:
            Fernet(part.encode())
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                f"SAFEPOST_TOKEN_KEYS: key number {number} is not a Fernet key (44 characters of "
                "URL-safe base64). Make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'"
            ) from exc
        keys.append(part.encode())
    return keys


def _key_from_file(path: Path) -> bytes:
    raw = keyfiles.read_key_file(
        path,
        make_key=lambda: Fernet.generate_key().decode("ascii"),
        what="token key",
        instead="SAFEPOST_TOKEN_KEYS or SAFEPOST_TOKEN_KEY_FILE",
    ).encode("ascii")
    try:
        Fernet(raw)
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            f"The token key file {path} does not hold a Fernet key. Restore it from your backup; "
            "without it every platform connection has to be reconnected."
        ) from exc
    return raw


def keys() -> list[bytes]:
    """The keys in use, the encrypting one first."""
    from_env = _keys_from_env(keyfiles.setting("SAFEPOST_TOKEN_KEYS"))
    return from_env or [_key_from_file(key_file())]


_cache: dict[tuple[bytes, ...], MultiFernet] = {}


def _fernet() -> MultiFernet:
    current = tuple(keys())
    if current not in _cache:
        _cache.clear()
        _cache[current] = MultiFernet([Fernet(k) for k in current])
    return _cache[current]


def encrypt(credentials: dict[str, Any]) -> str:
    """The credentials as an encrypted token (ASCII), for the database."""
    return _fernet().encrypt(json.dumps(credentials, sort_keys=True).encode()).decode("ascii")


def decrypt(token: str) -> dict[str, Any]:
    """The credentials back from :func:`encrypt`; :class:`CredentialsUnreadable` if no key opens them."""
    if not token:
        raise CredentialsUnreadable("No credentials are stored for this connection.")
    try:
        data = json.loads(_fernet().decrypt(token.encode("ascii")))
    except (InvalidToken, UnicodeError, ValueError) as exc:
        raise CredentialsUnreadable(
            "The saved sign-in for this account cannot be unlocked: the encryption key was changed or "
            "lost. Reconnect the account to sign in again."
        ) from exc
    if not isinstance(data, dict):
        raise CredentialsUnreadable("The saved sign-in for this account is damaged. Reconnect the account.")
    return data


def reencrypt(token: str) -> str:
    """The same credentials encrypted with the current first key (after a key change)."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise CredentialsUnreadable("No current key opens these credentials.") from exc

"""Platform tokens encrypted at rest (Fernet), with the key kept outside the database.

The keys come from ``SAFEPOST_TOKEN_KEYS`` (comma-separated Fernet keys: the first encrypts, all
of them decrypt, so a new key can be put first and the old ones kept until every token has been
re-encrypted with ``manage.py rotate_token_key``), or else from a key file created at first run
with mode 0600 (``SAFEPOST_TOKEN_KEY_FILE``, by default ``<var>/token.key``). A database copy
without the key is useless to whoever holds it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class CredentialsUnreadable(Exception):
    """The stored tokens cannot be decrypted with the keys Safepost has (the key was lost or changed)."""


def _setting(name: str) -> str:
    # Settings first (the lead's settings.py may define them), then the environment.
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, "")
    return str(value).strip()


def key_file() -> Path:
    """Where the key file lives when no keys are given in the environment."""
    configured = _setting("SAFEPOST_TOKEN_KEY_FILE")
    if configured:
        return Path(configured)
    var_dir = getattr(settings, "VAR_DIR", None) or Path(settings.BASE_DIR) / "var"
    return Path(var_dir) / "token.key"


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
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: two processes starting together cannot both write a key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        except OSError as exc:
            raise ImproperlyConfigured(
                f"Cannot create the token key file {path} ({exc.strerror}). Set SAFEPOST_TOKEN_KEYS "
                "or SAFEPOST_TOKEN_KEY_FILE to a writable place."
            ) from exc
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(Fernet.generate_key() + b"\n")
    try:
        raw = path.read_bytes().strip()
    except OSError as exc:
        raise ImproperlyConfigured(f"Cannot read the token key file {path} ({exc.strerror}).") from exc
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
    from_env = _keys_from_env(_setting("SAFEPOST_TOKEN_KEYS"))
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

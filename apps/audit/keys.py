"""The audit chain's key, kept outside the database (like the platform token keys).

Each entry's hash is an HMAC-SHA256 under this key, so someone who can write to the database but
does not have the key cannot rewrite an entry and recompute the hashes after it. The key comes
from ``SAFEPOST_AUDIT_KEY`` (64 hex characters), or else from a key file created with mode 0600
the first time an entry is recorded (``SAFEPOST_AUDIT_KEY_FILE``, by default ``<var>/audit.key``).
Back it up with the token key: without it, the keyed entries can no longer be verified.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from apps.common import keyfiles

_cache: dict[str, bytes] = {}


def key_file() -> Path:
    """Where the key file lives when ``SAFEPOST_AUDIT_KEY`` is not set."""
    return keyfiles.key_file("SAFEPOST_AUDIT_KEY_FILE", "audit.key")


def _parse(raw: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) < 32:
        raise ImproperlyConfigured(
            f"{where} does not hold an audit key (64 hex characters). Restore it from your backup, or "
            "make a new one with: python -c 'import secrets; print(secrets.token_hex(32))' (entries "
            "recorded under the lost key then no longer verify)."
        )
    return key


def audit_key(*, create: bool = False) -> bytes:
    """The key; with ``create`` a missing key file is made (when recording, never when verifying)."""
    given = keyfiles.setting("SAFEPOST_AUDIT_KEY")
    if given:
        if given not in _cache:
            _cache[given] = _parse(given, "SAFEPOST_AUDIT_KEY")
        return _cache[given]
    path = key_file()
    cached = _cache.get(str(path))
    if cached is not None:
        return cached
    if not path.exists() and not create:
        raise ImproperlyConfigured(
            f"The audit key file {path} is missing, so the audit log cannot be verified. Restore it "
            "from your backup (or set SAFEPOST_AUDIT_KEY)."
        )
    raw = keyfiles.read_key_file(
        path,
        make_key=lambda: secrets.token_hex(32),
        what="audit key",
        instead="SAFEPOST_AUDIT_KEY or SAFEPOST_AUDIT_KEY_FILE",
    )
    key = _parse(raw, f"The audit key file {path}")
    _cache[str(path)] = key
    return key

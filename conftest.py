"""Settings for every test: a fast password hasher (hashing strength is not under test), and a
temporary folder for uploaded photos."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploaded photos go to a folder of their own for each test, never to var/media."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _audit_key_and_anchors_in_a_temporary_folder(
    settings: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The audit key, the anchor file and the token key of each test are its own, never var/'s."""
    folder = tmp_path_factory.mktemp("audit")
    settings.SAFEPOST_AUDIT_KEY = ""
    settings.SAFEPOST_AUDIT_KEY_FILE = str(folder / "audit.key")
    settings.SAFEPOST_AUDIT_ANCHOR_FILE = str(folder / "audit-anchors.jsonl")
    # The token keys also encrypt the authenticator-app secrets, which most tests make.
    settings.SAFEPOST_TOKEN_KEY_FILE = str(folder / "token.key")

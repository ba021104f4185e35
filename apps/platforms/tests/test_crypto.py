"""Tokens are encrypted at rest with a key kept outside the database."""

from __future__ import annotations

import io
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection as db

from apps.common import crypto
from apps.platforms import actions
from apps.platforms.models import Connection
from apps.platforms.tests.conftest import connect
from apps.platforms.tests.fakes import FakeWorld
from apps.schools.testing import Personas


def stored_row(connection: Connection) -> str:
    with db.cursor() as cursor:
        cursor.execute("SELECT * FROM platforms_connection WHERE id = %s", [connection.pk])
        return repr(cursor.fetchone())


def test_tokens_in_the_database_are_not_plaintext(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)
    tokens = connection.credentials()

    row = stored_row(connection)

    assert tokens["access_token"].startswith("access-")
    assert tokens["access_token"] not in row and tokens["refresh_token"] not in row
    assert "access_token" not in row


def test_the_key_file_is_created_at_first_use_readable_by_its_owner_only(key_file: Path) -> None:
    assert not key_file.exists()

    token = crypto.encrypt({"access_token": "secret"})

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert crypto.decrypt(token) == {"access_token": "secret"}
    assert key_file.read_bytes().strip() == crypto.keys()[0]


def test_a_new_key_put_first_still_opens_tokens_from_the_old_one_and_the_command_moves_them(
    p: Personas, world: FakeWorld, settings: Any
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.SAFEPOST_TOKEN_KEYS = old
    connection = connect(p, world)
    tokens = connection.credentials()

    settings.SAFEPOST_TOKEN_KEYS = f"{new}, {old}"
    assert Connection.objects.get(pk=connection.pk).credentials() == tokens
    out = io.StringIO()
    call_command("rotate_token_key", stdout=out)
    assert "re-encrypted 1 sign-in(s); 0 could not be opened" in out.getvalue()

    settings.SAFEPOST_TOKEN_KEYS = new
    assert Connection.objects.get(pk=connection.pk).credentials() == tokens


def test_a_lost_key_shows_the_connection_as_reconnect_needed(
    p: Personas, world: FakeWorld, key_file: Path
) -> None:
    connection = connect(p, world)
    key_file.write_bytes(Fernet.generate_key())

    assert actions.check_connection(connection) == "reconnect"

    connection.refresh_from_db()
    assert connection.status == Connection.Status.RECONNECT
    assert "encryption key was changed or lost" in connection.last_error


def test_a_malformed_key_in_the_environment_is_named_clearly(settings: Any) -> None:
    settings.SAFEPOST_TOKEN_KEYS = f"{Fernet.generate_key().decode()},not-a-key"

    with pytest.raises(ImproperlyConfigured, match="SAFEPOST_TOKEN_KEYS: key number 2 is not a Fernet key"):
        crypto.encrypt({"a": 1})


def test_the_start_up_check_reports_an_unreadable_key_file(key_file: Path) -> None:
    from apps.platforms.checks import token_keys

    key_file.parent.mkdir(parents=True)
    key_file.write_text("garbage")

    errors = token_keys()

    assert [e.id for e in errors] == ["platforms.E001"]
    assert "does not hold a Fernet key" in errors[0].msg

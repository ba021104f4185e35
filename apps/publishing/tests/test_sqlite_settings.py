"""SQLite is opened with its safe settings however it is named (issue 17, fault 4).

The web server and the worker share the file: without WAL, a busy timeout and immediate
transactions, "database is locked" appears even with no crash.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.db.utils import ConnectionHandler

import config.settings


def default_database(**env: str) -> dict[str, Any]:
    """The default database config/settings.py gives with ``env``."""
    environ = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environ.update(env)
    with mock.patch.dict(os.environ, environ, clear=True):
        namespace = runpy.run_path(config.settings.__file__)
    databases: dict[str, dict[str, Any]] = namespace["DATABASES"]
    return databases["default"]


@pytest.fixture
def pragmas(django_db_blocker: Any) -> Any:
    """Opens a real connection with the given settings: (journal mode, busy timeout in ms)."""

    def probe(settings: dict[str, Any]) -> tuple[str, int]:
        with django_db_blocker.unblock():
            return _pragmas(settings)

    return probe


def _pragmas(settings: dict[str, Any]) -> tuple[str, int]:
    wrapper = ConnectionHandler({"default": dict(settings)})["default"]
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout")
            busy = cursor.fetchone()[0]
        return journal, busy
    finally:
        wrapper.close()


@pytest.mark.parametrize("form", ["sqlite:///{path}", "sqlite:////{abs}"], ids=["relative", "absolute"])
def test_a_sqlite_database_url_gets_wal_a_busy_timeout_and_immediate_transactions(
    tmp_path: Path, form: str, monkeypatch: pytest.MonkeyPatch, pragmas: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    url = form.format(path="school.sqlite3", abs=str(tmp_path / "school.sqlite3").lstrip("/"))

    database = default_database(DATABASE_URL=url)

    assert Path(database["NAME"]).name == "school.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert pragmas(database) == ("wal", 20000)


def test_the_default_sqlite_file_and_a_sqlite_url_get_the_same_settings(tmp_path: Path, pragmas: Any) -> None:
    by_default = default_database(SAFEPOST_VAR_DIR=str(tmp_path))
    by_url = default_database(DATABASE_URL=f"sqlite:///{tmp_path}/safepost.sqlite3")

    assert by_default["OPTIONS"] == by_url["OPTIONS"] == config.settings.SQLITE_OPTIONS
    assert pragmas(by_default) == ("wal", 20000)


def test_a_postgresql_url_gets_no_sqlite_options() -> None:
    database = default_database(DATABASE_URL="postgres://safepost@127.0.0.1:5432/safepost")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in database.get("OPTIONS", {})

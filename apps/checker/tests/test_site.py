"""The project skeleton: settings helpers, sign-in page, security headers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from config.settings import env_bool, env_list


@pytest.mark.django_db
def test_the_sign_in_page_works() -> None:
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert b'name="login"' in response.content


def test_pages_say_where_scripts_may_come_from() -> None:
    response = Client().get("/check/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)])
def test_env_bool_reads_yes_and_no(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("SAFEPOST_TEST_FLAG", raw)
    assert env_bool("SAFEPOST_TEST_FLAG") is expected


def test_env_bool_refuses_a_value_that_is_not_yes_or_no(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEPOST_TEST_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="not a yes/no value"):
        env_bool("SAFEPOST_TEST_FLAG")


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEPOST_TEST_LIST", " a.example , ,b.example,")
    assert env_list("SAFEPOST_TEST_LIST") == ["a.example", "b.example"]
    monkeypatch.delenv("SAFEPOST_TEST_LIST")
    assert env_list("SAFEPOST_TEST_LIST", ["localhost"]) == ["localhost"]

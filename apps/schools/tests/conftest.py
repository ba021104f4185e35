from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from apps.schools.testing import Personas, make_personas


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Hashing the personas' passwords properly takes seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def p(db: None) -> Personas:
    return make_personas()


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    # allauth counts sign-in attempts in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()

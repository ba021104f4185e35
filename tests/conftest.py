"""Shared fixtures: the test roster and preset policies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy, load_policy
from safepost.policy.roster import Roster, load_roster
from safepost.policy.rules.base import Post

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def roster() -> Roster:
    """Sixteen pupils of our own (not the evaluation roster)."""
    return load_roster(FIXTURES / "roster.csv")


@pytest.fixture(scope="session")
def presets() -> dict[str, Policy]:
    """Every bundled preset, by name."""
    return {
        name: load_policy(name)
        for name in ("st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney")
    }


@pytest.fixture(scope="session")
def categories_found(presets: dict[str, Policy]) -> Callable[[str, Roster, str], tuple[set[str], list[str]]]:
    """Check a post under a preset as if sent on a Wednesday morning (inside every posting window): the
    categories found, and the findings' messages for a failing test to show."""

    def check(policy: str, roster: Roster, text: str) -> tuple[set[str], list[str]]:
        report = Checker(presets[policy], roster).check(Post(text, at=datetime(2026, 10, 14, 10, 0)))
        return set(report.categories()), [f.message for f in report.findings]

    return check

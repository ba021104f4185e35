"""Shared fixtures: the test roster and preset policies."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepost.policy.config import Policy, load_policy
from safepost.policy.roster import Roster, load_roster

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

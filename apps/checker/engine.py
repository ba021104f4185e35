"""The policy engine as the check page uses it: loaded once per process, on first use."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from safepost.policy.checker import Checker
from safepost.policy.config import Policy, load_policy
from safepost.policy.roster import Roster, load_roster

DEMO_ROSTER = Path(str(files("safepost").joinpath("demo", "roster.csv")))


@cache
def demo_roster() -> Roster:
    """The invented pupils of the demo school, so the page can catch pupil names."""
    return load_roster(DEMO_ROSTER)


@cache
def load_preset(name: str) -> Policy:
    """A bundled policy preset by name."""
    return load_policy(name)


@cache
def checker_for(preset: str) -> Checker:
    """One reusable checker per preset, against the demo roster."""
    return Checker(load_preset(preset), demo_roster())

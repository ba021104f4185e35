"""The Safepost policy engine: a school's social media policy as code.

Plain Python with no web framework in it::

    from safepost.policy import Checker, Post, load_policy, load_roster

    checker = Checker(load_policy("st-catherine"), load_roster("roster.csv"))
    report = checker.check(Post("Well done Kacper Nowak!"))
    report.verdict            # Verdict.BLOCK
    report.findings[0].message
"""

from safepost.policy.checker import Checker, check
from safepost.policy.config import Policy, PolicyError, load_policy, preset_names
from safepost.policy.findings import CATEGORIES, Finding, Report, Severity, Verdict
from safepost.policy.roster import Pupil, Roster, RosterError, load_roster, parse_roster
from safepost.policy.rules.base import Post

__all__ = [
    "CATEGORIES",
    "Checker",
    "Finding",
    "Policy",
    "PolicyError",
    "Post",
    "Pupil",
    "Report",
    "Roster",
    "RosterError",
    "Severity",
    "Verdict",
    "check",
    "load_policy",
    "load_roster",
    "parse_roster",
    "preset_names",
]

"""Checking a post against a policy: run every rule the policy turns on."""

from __future__ import annotations

from safepost.policy.config import Policy
from safepost.policy.findings import Report
from safepost.policy.registry import all_rules
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post, Rule


class Checker:
    """Checks posts against one policy and roster; reuse it for many posts."""

    def __init__(self, policy: Policy, roster: Roster | None = None) -> None:
        self.policy = policy
        self.roster = roster if roster is not None else Roster()
        self.rules: tuple[Rule, ...] = tuple(r for r in all_rules() if r.severity(policy) is not None)

    def check(self, post: Post) -> Report:
        """Every finding for ``post``, in the order of the text."""
        ctx = Context(post, self.policy, self.roster)
        findings = [f for rule in self.rules for f in rule.check(ctx)]
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Report(tuple(findings))


def check(text: str, policy: Policy, roster: Roster | None = None, **post: object) -> Report:
    """Check one post: ``check("Well done Josh!", load_policy("st-catherine"))``."""
    return Checker(policy, roster).check(Post(text, **post))  # type: ignore[arg-type]

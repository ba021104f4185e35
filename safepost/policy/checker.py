"""Checking a post against a policy: run every rule the policy turns on."""

from __future__ import annotations

from dataclasses import replace

from safepost.policy.config import Policy
from safepost.policy.findings import Finding, Report, Severity
from safepost.policy.registry import text_rules
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post, Rule

_REWRITES_CHECKED = 3


class Checker:
    """Checks posts against one policy and roster; reuse it for many posts."""

    def __init__(self, policy: Policy, roster: Roster | None = None) -> None:
        self.policy = policy
        self.roster = roster if roster is not None else Roster()
        self.rules: tuple[Rule, ...] = tuple(r for r in text_rules() if r.severity(policy) is not None)

    def check(self, post: Post) -> Report:
        """Every finding for ``post``, in the order of the text.

        A finding that suggests a rewrite of the whole post offers it only when the rewrite
        passes the check where it changed the post; otherwise it offers the advice of the
        finding that would still stop it (issue 13: "Well done Kacper ..." is still about one
        child, so the surname finding says to celebrate the class instead).
        """
        findings = self._findings(post)
        # Each rewrite is checked again; a post with many (a list of full names) has the first few
        # checked, and the rest of the same rule follow what those showed, so the work stays linear.
        verdicts: dict[str, list[str | None]] = {}
        out = []
        for f in findings:
            if f.suggestion is None or not is_rewrite(post.text, f.suggestion):
                out.append(f)
                continue
            seen = verdicts.setdefault(f.rule, [])
            if len(seen) < _REWRITES_CHECKED:
                sound = self._sound_suggestion(post, f, findings)
                seen.append(None if sound.suggestion == f.suggestion else sound.suggestion)
                out.append(sound)
            else:
                advice = next((a for a in seen if a is not None), None)
                out.append(
                    f if advice is None and all(a is None for a in seen) else replace(f, suggestion=advice)
                )
        return Report(tuple(out))

    def _findings(self, post: Post) -> list[Finding]:
        ctx = Context(post, self.policy, self.roster)
        findings = [f for rule in self.rules for f in rule.check(ctx)]
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _sound_suggestion(self, post: Post, finding: Finding, findings: list[Finding]) -> Finding:
        rewrite = finding.suggestion
        if rewrite is None or not is_rewrite(post.text, rewrite):
            return finding
        others = {(f.rule, post.text[f.start : f.end]) for f in findings if not _overlaps(f, finding)}
        still = [
            g
            for g in self._findings(replace(post, text=rewrite))
            if g.severity is not Severity.INFO and (g.rule, rewrite[g.start : g.end]) not in others
        ]
        if not still:
            return finding
        advice = next(
            (g.suggestion for g in still if g.suggestion and not is_rewrite(rewrite, g.suggestion)), None
        )
        return replace(finding, suggestion=advice)


def check(text: str, policy: Policy, roster: Roster | None = None, **post: object) -> Report:
    """Check one post: ``check("Well done Josh!", load_policy("st-catherine"))``."""
    return Checker(policy, roster).check(Post(text, **post))  # type: ignore[arg-type]


def is_rewrite(text: str, suggestion: str) -> bool:
    """Whether a suggestion is the whole post written again (not a word or a piece of advice)."""
    return len(suggestion) >= 0.6 * len(text) and suggestion[:8] == text[:8] and len(text) > 20


def _overlaps(a: Finding, b: Finding) -> bool:
    return (a.start < b.end and b.start < a.end) or (a.start, a.end) == (b.start, b.end)

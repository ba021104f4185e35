"""The generated documents in docs/ match the code they are generated from."""

from __future__ import annotations

from pathlib import Path

from safepost.policy.config import format_reference
from safepost.policy.reference import rules_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_rule_reference_is_up_to_date() -> None:
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `.venv/bin/safepost rules --markdown > docs/rules.md`"
    )


def test_the_policy_format_reference_is_up_to_date() -> None:
    assert (DOCS / "policy-format.md").read_text(encoding="utf-8") == format_reference() + "\n", (
        "docs/policy-format.md is stale: run `.venv/bin/safepost policy-format > docs/policy-format.md`"
    )

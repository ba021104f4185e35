"""docs/policy-coverage.md has one row per clause ID, and every test it cites exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COVERAGE = (ROOT / "docs" / "policy-coverage.md").read_text(encoding="utf-8")
CLAUSES = ROOT.parent / "shared" / "clauses.md"
ROW = re.compile(r"^\| ((?:CAT|NNF|RAC|SUT|COU)-\d\d) \|", re.MULTILINE)


def clause_ids() -> list[str]:
    if not CLAUSES.exists():
        pytest.skip("../shared/clauses.md is not beside the project: cannot compare clause IDs")
    return re.findall(
        r"^\| ((?:CAT|NNF|RAC|SUT|COU)-\d\d) \|", CLAUSES.read_text(encoding="utf-8"), re.MULTILINE
    )


def test_every_clause_has_exactly_one_row() -> None:
    rows = ROW.findall(COVERAGE)
    assert sorted(rows) == sorted(set(rows)), "a clause has two rows"
    assert set(rows) == set(clause_ids())


def test_every_cited_test_exists() -> None:
    for path, name in re.findall(r"`((?:tests|apps)/[\w/]+\.py)(?:::(\w+))?`", COVERAGE):
        source = (ROOT / path).read_text(encoding="utf-8")
        if name:
            assert f"def {name}(" in source, (
                f"{path}::{name} is cited in docs/policy-coverage.md but does not exist"
            )

"""The wording tests of the blind rounds (tests/policy/test_wordings_round*.py): one test, made for each round's
cases and roster, that a post's wording is read as a careful head would read it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.policy.roster import Roster, parse_roster

Case = tuple[str, str, str, bool]  # policy preset, the post, a category, whether it must be found
Found = Callable[[str, Roster, str], tuple[set[str], list[str]]]


def wording_test(cases: list[Case], roster_csv: str | None = None, name: str = "") -> Callable[..., None]:
    """The round's test: each case's category found, or not, under its preset, with the round's own roster
    (``roster_csv``) or, without one, the test suite's."""
    own = parse_roster(roster_csv, f"{name} roster") if roster_csv else None

    @pytest.mark.parametrize(("policy", "text", "category", "found"), cases)
    def test_the_wording_is_read_as_a_careful_head_would(
        categories_found: Found, roster: Roster, policy: str, text: str, category: str, found: bool
    ) -> None:
        categories, messages = categories_found(policy, own or roster, text)
        assert (category in categories) is found, messages

    return test_the_wording_is_read_as_a_careful_head_would

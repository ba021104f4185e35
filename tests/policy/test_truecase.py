"""A post typed all in lower case is read with the capitals a careful writer would have used."""

from __future__ import annotations

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.roster import parse_roster
from safepost.policy.rules.base import Post
from safepost.policy.truecase import all_lower_case, truecase

ROSTER = parse_roster(
    "first_name,last_name,year_group,class_name\n"
    "Rosie,Marsden,Year 5,Herons\nFinley,Hale,Year 6,Owls\nRobin,Day,Year 2,Wrens\n"
)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "herons are at tatton park farm today!! feeding the pigs til 11.30",
            "Herons are at Tatton Park Farm today!! Feeding the pigs til 11.30",
        ),
        ("what a catch from marsden in the final over", "What a catch from Marsden in the final over"),
        (
            "1/3 owls have arrived at the farm 🚜 lunch at 12",
            "    Owls have arrived at the farm 🚜 Lunch at 12",
        ),
        ("well done to J.H. who swam 10 metres today", "Well done to J.H. who swam 10 metres today"),
    ],
)
def test_a_lower_case_post_gets_its_capitals_letter_for_letter(typed: str, read: str) -> None:
    cased = truecase(typed, ROSTER)
    assert cased == read
    assert len(cased) == len(typed)


@pytest.mark.parametrize(
    "text",
    ["Herons are at Tatton Park Farm today!", "Year 5 loved the farm. herons too", "ok thanks"],
)
def test_a_post_with_capitals_or_a_few_words_is_read_as_typed(text: str) -> None:
    assert not all_lower_case(text) or len(text.split()) < 4
    assert truecase(text, ROSTER) is None


def test_a_name_that_is_a_word_gets_a_capital_only_after_a_cue() -> None:
    assert (
        truecase("the robin sang in the garden all morning", ROSTER)
        == "The robin sang in the garden all morning"
    )
    assert (
        truecase("happy birthday robin have the best day", ROSTER) == "Happy birthday Robin have the best day"
    )


def test_the_pupil_rules_read_the_capitals_and_the_others_read_what_was_typed(
    presets: dict[str, Policy],
) -> None:
    checker = Checker(presets["sutton-manor"], ROSTER)
    report = checker.check(Post("herons r at chester zoo til 2 then lunch by the lake at 12"))
    assert {"trip-whereabouts", "text-speak"} <= report.categories()
    where = next(f for f in report.findings if f.category == "trip-whereabouts")
    assert (
        "chester zoo" in "herons r at chester zoo til 2 then lunch by the lake at 12"[where.start : where.end]
    )

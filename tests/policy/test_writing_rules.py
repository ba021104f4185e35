"""The writing rules: @mentions (SP401), length (SP404) and hashtag placement (SP405)."""

from __future__ import annotations

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Post
from safepost.policy.rules.over_length import post_length


def findings(policy: Policy, text: str, category: str) -> list[Finding]:
    return [f for f in Checker(policy).check(Post(text)).findings if f.category == category]


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("Thank you to @MerseyFire for visiting Reception.", ["@MerseyFire"]),
        ("Great to see @OakleafLibrary and @KirkbyFC at the fair!", ["@OakleafLibrary", "@KirkbyFC"]),
        ("Email office@stcaths.sch.uk with any questions.", []),
        ("Follow us at @StCathsofSiena for updates.", []),  # the school's own handle
        ("Thank you to Liverpool Museums for a brilliant workshop.", []),
    ],
)
def test_st_catherine_warns_about_mentions_of_other_accounts(
    presets: dict[str, Policy], text: str, handles: list[str]
) -> None:
    found = findings(presets["st-catherine"], text, "mention")
    assert [text[f.start : f.end] for f in found] == handles
    assert all(f.severity is Severity.WARN for f in found)


def test_a_mention_suggestion_spells_out_the_handle(presets: dict[str, Policy]) -> None:
    (finding,) = findings(presets["st-catherine"], "Thanks @LivMuseums!", "mention")
    assert finding.suggestion == 'Name them without the @, e.g. "Liv Museums".'


def test_schools_that_welcome_mentions_are_not_warned(presets: dict[str, Policy]) -> None:
    assert findings(presets["rackham"], "Thank you @TrussellTrust!", "mention") == []


@pytest.mark.parametrize(
    ("preset", "length", "flagged"),
    [
        ("sutton-manor", 240, False),
        ("sutton-manor", 241, True),
        ("st-catherine", 280, False),
        ("st-catherine", 281, True),
    ],
)
def test_it_blocks_posts_over_the_policys_limit(
    presets: dict[str, Policy], preset: str, length: int, flagged: bool
) -> None:
    text = ("Year 4 had a wonderful week. " * 20)[: length - 1] + "!"
    assert len(text) == length
    found = findings(presets[preset], text, "too-long")
    assert bool(found) is flagged
    if flagged:
        assert f"the policy allows {presets[preset].writing.max_length}" in found[0].message


def test_a_link_counts_as_23_characters_as_on_x_and_mastodon() -> None:
    assert post_length("See https://example.org/a/very/long/path/that/goes/on/and/on/and/on") == 4 + 23


def test_an_accented_letter_counts_once_however_it_was_typed() -> None:
    assert post_length("Zoe\u0308") == post_length("Zoë") == 3


@pytest.mark.parametrize(
    ("text", "misplaced"),
    [
        ("Our #Year2 children built Tudor houses.", ["#Year2"]),
        ("Year 5 loved #ForestSchool today, building dens. #OutdoorLearning", ["#ForestSchool"]),
        ("Year 2 built Tudor houses. #Year2 #History", []),
        ("What a day! #SportsDay!", []),
        ("Well done everyone #proud", []),
        ("No hashtags at all here.", []),
    ],
)
def test_sutton_manor_wants_hashtags_at_the_end(
    presets: dict[str, Policy], text: str, misplaced: list[str]
) -> None:
    found = findings(presets["sutton-manor"], text, "hashtag-placement")
    assert [text[f.start : f.end] for f in found] == misplaced


def test_the_hashtag_suggestion_moves_it_to_the_end(presets: dict[str, Policy]) -> None:
    (finding,) = findings(
        presets["sutton-manor"], "Year 5 loved their #ForestSchool session.", "hashtag-placement"
    )
    assert finding.suggestion == "Year 5 loved their Forest School session. #ForestSchool"


def test_other_schools_put_hashtags_anywhere(presets: dict[str, Policy]) -> None:
    assert findings(presets["st-catherine"], "It's #ChildrenInNeed day today!", "hashtag-placement") == []

"""The trained readers (SP105 reads-as-one-child, SP203 reads-as-whereabouts) and the model they ship."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from safepost.policy import trained
from safepost.policy.checker import Checker
from safepost.policy.config import load_policy
from safepost.policy.findings import Severity
from safepost.policy.roster import load_roster
from safepost.policy.rules.base import Post

ROOT = Path(__file__).resolve().parents[2]
ROSTER = load_roster(ROOT / "tests" / "fixtures" / "roster.csv")


def findings(text: str, preset: str = "st-catherine", **pupils: Any) -> list[tuple[str, str]]:
    policy = load_policy(preset)
    if pupils:
        policy = replace(policy, pupils=replace(policy.pupils, **pupils))
    return [(f.rule, f.category) for f in Checker(policy, ROSTER).check(Post(text)).findings]


@pytest.mark.parametrize(
    "text",
    [
        # a role no rule has a list for
        "Congratulations to Maple's new Eco Monitor, who has already told the whole staffroom off for leaving the "
        "lights on!",
        # one child described by what only she did
        "The newest member of our chess club (only just six!) beat a Year 6 in her very first match. Mr Lord says "
        "she's a natural!",
    ],
)
def test_the_one_child_reader_warns_where_no_pupil_rule_found_the_child(text: str) -> None:
    result = Checker(load_policy("st-catherine"), ROSTER).check(Post(text))
    assert [(f.rule, f.category, f.severity) for f in result.findings] == [
        ("SP105", "individual-pupil", Severity.WARN)
    ]
    finding = result.findings[0]
    assert "one child" in finding.message and finding.suggestion
    assert text[finding.start : finding.end].strip(), "the finding points at a sentence of the post"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words for a class are fine
        (
            "Congratulations to Maple Class, who have already reminded the whole staffroom to switch the lights off!",
            [],
        ),
        ("Oak Class have been working hard on their times tables this week!", []),
        # a child the rules found: SP103 says it, the reader does not say it again
        (
            "Well done Ruby, who has already told the whole staffroom off for leaving the lights on!",
            [("SP103", "individual-pupil")],
        ),
        # a member of staff and a famous person are not pupils
        ("A huge well done to Mr Okafor, who ran his first ever marathon at the weekend!", []),
        (
            "Harry Kane's penalty technique was the topic in Year 8 PE today. Turns out it's harder than it looks!",
            [],
        ),
    ],
)
def test_the_one_child_reader_is_silent_on_groups_grown_ups_and_children_the_rules_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert findings(text) == expected


def test_the_one_child_reader_is_off_where_the_policy_allows_posts_about_one_child() -> None:
    text = "Congratulations to Maple's new Eco Monitor, who has already told the whole staffroom off for leaving the lights on!"
    assert findings(text, individual_content="allow") == []


def test_the_whereabouts_reader_warns_where_no_rule_found_the_place_and_time() -> None:
    text = "Coach leaves from the top gate at 8:15 sharp tomorrow, then straight up the valley path to the waterfall."
    result = Checker(load_policy("st-catherine"), ROSTER).check(Post(text))
    assert [(f.rule, f.category, f.severity) for f in result.findings] == [
        ("SP203", "trip-whereabouts", Severity.WARN)
    ]
    assert "where pupils will be" in result.findings[0].message
    assert findings(text, trip_whereabouts="allow") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SP202 found it: the reader does not say it again
        (
            "Year 4 are at Chester Zoo until 2pm today, with lunch by the lake at 12:30.",
            [("SP202", "trip-whereabouts")],
        ),
        # a trip told afterwards
        ("Year 4 had a brilliant day at Chester Zoo. The giraffes were the highlight!", []),
        ("Year 5 had a wonderful walk to the waterfall today; photos to follow!", []),
    ],
)
def test_the_whereabouts_reader_is_silent_on_trips_told_afterwards_and_on_what_the_rule_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert findings(text) == expected


def test_the_shipped_readers_are_exactly_what_the_training_script_makes_of_the_labelled_posts() -> None:
    # The model is trained reproducibly from the project's own files: a fresh run over bench/holdout*
    # and tests/fixtures/reading_kinds gives the shipped weights, word for word.
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_readers
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    sets = train_readers.labelled_sets()
    data = [(train_readers.read_items(posts), load_roster(roster)) for _, posts, roster in sets]
    fresh = train_readers.fit(data, train_readers.THRESHOLDS)
    shipped = json.loads(trained.DATA.read_text(encoding="utf-8"))
    retrain = "retrain: .venv/bin/python scripts/train_readers.py"
    assert shipped["trained_on"] == [name for name, _, _ in sets], retrain
    assert shipped["known"] == sorted(fresh.known), retrain
    assert set(shipped["models"]) == set(fresh.models) == set(train_readers.THRESHOLDS)
    for category, model in fresh.models.items():
        saved = shipped["models"][category]
        assert saved["threshold"] == model.threshold == train_readers.THRESHOLDS[category]
        assert abs(saved["bias"] - model.bias) < 1e-3, retrain
        # the same weights, allowing for the last digit of floating point on another CPU
        differ = [
            f
            for f in set(saved["weights"]) | set(model.weights)
            if abs(saved["weights"].get(f, 0.0) - model.weights.get(f, 0.0)) > 2e-3
        ]
        assert not differ, f"{category}: {len(differ)} weights differ, e.g. {sorted(differ)[:5]}; {retrain}"


def test_a_reading_points_at_the_sentence_that_reads_most_like_one_child() -> None:
    first = "What a morning! "
    second = "The newest member of our chess club (only just six!) beat a Year 6 in her very first match."
    reading = trained.read(first + second, ROSTER, "individual-pupil")
    assert reading.score >= trained.readers().models["individual-pupil"].threshold
    assert (reading.start, reading.end) == (len(first), len(first + second))


@pytest.mark.parametrize(
    ("text", "preset", "expected"),
    [
        # a first name the rules took for the word, in a sentence about one child, where no names are allowed
        (
            "Hope as Cinderella had the whole audience in stitches last night. What a performance!",
            "no-names-no-faces",
            [("SP105", "individual-pupil"), ("SP106", "pupil-name")],
        ),
        # first names are allowed here: the reader's warning alone
        (
            "Hope as Cinderella had the whole audience in stitches last night. What a performance!",
            "st-catherine",
            [("SP105", "individual-pupil")],
        ),
        # a surname that is also a word, as a sports report names a player
        (
            "Green flew round the final lap to win the Year 4 race by a mile!",
            "st-catherine",
            [("SP105", "individual-pupil"), ("SP107", "pupil-surname")],
        ),
        # a teacher's name after a title is not the child's
        ("Mrs Green's class flew round the final lap to win the Year 4 race by a mile!", "st-catherine", []),
    ],
)
def test_a_pupils_name_in_the_sentence_the_one_child_reader_points_at_is_taken_for_the_childs(
    text: str, preset: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(findings(text, preset)) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "!!!", "🎉🎉🎉", "#", "@"])
def test_a_post_with_nothing_to_read_gives_the_readers_nothing_to_say(text: str) -> None:
    for category in ("individual-pupil", "trip-whereabouts"):
        reading = trained.read(text, ROSTER, category)
        assert 0.0 <= reading.score < trained.readers().models[category].threshold
    assert [f for f in findings(text) if f[0] in ("SP105", "SP106", "SP107", "SP203")] == []


def test_a_first_name_in_a_one_child_sentence_is_flagged_beside_photos_where_that_is_forbidden() -> None:
    # sutton-manor: no pupil names alongside pictures of pupils (SUT-07)
    text = "Hope as Cinderella had the whole audience in stitches last night. What a performance!"
    checker = Checker(load_policy("sutton-manor"), ROSTER)
    with_photos = {f.rule for f in checker.check(Post(text, pupil_photos=True)).findings}
    without = {f.rule for f in checker.check(Post(text)).findings}
    assert "SP106" in with_photos
    assert "SP106" not in without


def test_a_surname_in_a_one_child_sentence_is_a_name_beside_photos_where_names_are_forbidden() -> None:
    # a surname is a name too (as SP102 reads it): "Green" beside a photo, where sutton-manor allows none
    text = "Green flew round the final lap to win the Year 4 race by a mile!"
    checker = Checker(load_policy("sutton-manor"), ROSTER)
    with_photos = {(f.rule, f.category) for f in checker.check(Post(text, pupil_photos=True)).findings}
    without = {(f.rule, f.category) for f in checker.check(Post(text)).findings}
    assert ("SP106", "pupil-name") in with_photos and ("SP107", "pupil-surname") in with_photos
    assert "SP106" not in {rule for rule, _ in without}


def test_the_name_questions_say_what_the_schools_own_policy_allows() -> None:
    text = "Green flew round the final lap to win the Year 4 race by a mile!"

    def messages(preset: str, **post: bool) -> dict[str, str]:
        report = Checker(load_policy(preset), ROSTER).check(Post(text, **post))
        return {f.rule: f.message for f in report.findings if f.rule in ("SP106", "SP107")}

    assert messages("st-catherine")["SP107"].endswith("the policy allows first names only.")
    assert messages("no-names-no-faces")["SP107"].endswith("the policy allows no pupil names at all.")
    assert messages("no-names-no-faces")["SP106"].endswith("the policy allows no pupil names.")
    beside_photos = messages("sutton-manor", pupil_photos=True)["SP106"]
    assert beside_photos.endswith("the policy allows no pupil names beside photos of pupils.")


def test_the_names_read_off_a_sentence_leave_out_teachers_classes_and_longer_proper_names() -> None:
    text = (
        "Mrs Green says Ruby and Baker's team won at Green Park; Maple Class cheered, and so did Hall Green."
    )
    names = [(text[a:b], kind) for a, b, kind in trained.roster_names(text, 0, len(text), ROSTER)]
    # "Green" after a title is the teacher, "Green Park" a longer name, "Maple" a class; "Hall Green" is
    # two pupils' names side by side, so both stay
    assert names == [("Ruby", "first"), ("Baker", "surname"), ("Hall", "surname"), ("Green", "surname")]

"""SP103's trained model: one child singled out in words the reading does not know (issue 12).

The model (safepost/policy/pupil_model.py, trained by scripts/train_pupil_model.py) speaks only
where the rules found no child, points at its highest-scoring sentence, and does not overrule the
reading of a name. Posts here are our own wording, not from any labelled set.
"""

from __future__ import annotations

import pytest

from safepost.policy import pupil_model
from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Post

ONE_CHILD = [
    "Congratulations to our talented young pianist, who passed her Grade 3 exam with distinction this week!",
    "Huge congratulations to our budding gymnast, who won gold at the county championships on Sunday!",
    "Well done to our brilliant chess player, who beat three teachers in a row at lunchtime today!",
    "Congratulations to our young swimmer, who earned her 100m badge this week!",
]
GROUPS_AND_ADULTS = [
    "Well done to the Year 6 netball team, who won every match at the tournament on Saturday!",
    "Congratulations to all our musicians, who passed their exams this term!",
    "Thank you to our wonderful PTA, who raised over £500 at the fair.",
    "Welcome to our new teaching assistant, Mrs Patel, who joins Year 3 this week.",
    "The whole of Year 2 sang beautifully at the harvest festival.",
    "Three cheers for Maple Class, who tidied the whole library this afternoon!",
]


def _sp103(policy: Policy, roster: Roster, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    report = Checker(policy, roster).check(Post(text))
    return [(f.message, text[f.start : f.end], f.trace) for f in report.findings if f.rule == "SP103"]


@pytest.mark.parametrize("text", ONE_CHILD)
def test_the_model_flags_one_child_described_in_words_the_reading_does_not_know(
    presets: dict[str, Policy], roster: Roster, text: str
) -> None:
    [(message, span, trace)] = _sp103(presets["st-catherine"], roster, text)
    assert span == text
    assert "one child" in message
    assert trace[0].startswith("trained model: ")


def test_the_finding_points_at_the_sentence_that_reads_most_as_one_child(
    presets: dict[str, Policy], roster: Roster
) -> None:
    child = "Congratulations to our young swimmer, who earned her 100m badge this week!"
    text = f"What a week it has been. {child} Have a restful weekend, everyone."
    [(_, span, _)] = _sp103(presets["rackham"], roster, text)
    assert span == child


@pytest.mark.parametrize("text", GROUPS_AND_ADULTS)
def test_groups_and_adults_are_left_alone(presets: dict[str, Policy], roster: Roster, text: str) -> None:
    assert _sp103(presets["st-catherine"], roster, text) == []


def test_the_model_does_not_overrule_the_reading_of_a_name(
    presets: dict[str, Policy], roster: Roster
) -> None:
    # Lucas is a pupil's name here; the reading decides this Lucas is an adult from the fire service.
    text = "Lucas from the fire service showed Reception the engine this morning."
    model = pupil_model.shipped()
    assert pupil_model.read(text, roster, model).score >= model.threshold
    assert _sp103(presets["st-catherine"], roster, text) == []


def test_the_shipped_model_knows_no_names() -> None:
    """Features are placeholders and lower-case words, so the model carries to any school's roster."""
    model = pupil_model.shipped()
    assert 0.5 <= model.threshold < 1.0
    words = {w for f in model.weights if not f.startswith("nF=") for w in f.split()}
    assert all(w.startswith("<") or w == w.lower() for w in words)
    assert all(w == w.lower() for w in model.known)


def test_roster_names_classes_and_numbers_become_placeholders(roster: Roster) -> None:
    tokens = pupil_model.sentence_tokens(
        "Well done Theo Carver in Birch Class, 3rd in Year 4 on Monday at 10:30 with 12 points! #GoJayden",
        roster,
        frozenset(),
    )
    assert tokens == [
        "<X>", "done", "<F>", "<S>", "in", "<C>", "class", "<ORD>", "in", "year", "<NUM>", "on", "<DAY>", "at", "<TIME>",
        "with", "<NUM>", "points", "!", "<HASHF>",
    ]  # fmt: skip

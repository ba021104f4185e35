"""Escalation: every threat, and undermining or offensive items whose own text names a person."""

from __future__ import annotations

import pytest

from safepost.policy.moderation import Item, classify
from safepost.policy.moderation.classifier import named_people

NAMED = [
    ("Mrs Adeyemi is a useless cow", "Mrs Adeyemi"),
    ("@MrPatelY5 can't even spell, what a joke", "@MrPatelY5"),
    ("@MissKhanClass2 is a total prat", "@MissKhanClass2"),
    ("Funny how Oliver always gets picked. Some of us have noticed.", "Oliver"),
    ("That Kayden in Year 4 is a little sh*t", "Kayden"),
    ("Dr Hussain on the governors clearly doesn't read a thing", "Dr Hussain"),
]
ROLE_ONLY = [
    "The head is a lazy cow",
    "The new deputy is out of his depth and everyone knows it.",
    "That dinner lady is a right tosser",
    "Maybe now Year 3 will finally get a proper teacher.",
    "Funny how the music teacher always picks the same kids.",
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_undermining_or_offensive_text_that_names_a_person_is_escalated_with_the_name(
    text: str, name: str
) -> None:
    judgement = classify(Item(text=text))
    assert judgement.label in ("undermining", "offensive")
    assert judgement.escalate is True
    assert name in judgement.names
    assert any(r.code == "names-person" and r.matched == name for r in judgement.reasons)


@pytest.mark.parametrize("text", ROLE_ONLY)
def test_a_role_alone_is_removed_but_not_escalated(text: str) -> None:
    judgement = classify(Item(text=text))
    assert judgement.label in ("undermining", "offensive")
    assert judgement.escalate is False


def test_a_name_only_in_the_school_post_does_not_escalate_a_reply_that_says_he() -> None:
    judgement = classify(
        Item(
            text="Good riddance, he was a right knobhead", in_reply_to="Farewell to Mr Lomax after 20 years!"
        )
    )
    assert judgement.label == "offensive"
    assert judgement.escalate is False


def test_a_known_name_escalates_even_when_it_is_an_ordinary_word() -> None:
    text = "Funny how Grace always gets the main part. Some of us have noticed."
    assert classify(Item(text=text)).escalate is False
    judgement = classify(Item(text=text), known_names=["Grace"])
    assert judgement.escalate is True and judgement.names == ("Grace",)


def test_the_schools_own_handle_is_not_a_person() -> None:
    assert named_people("@Year6StMarys what a joke", school_handles=["@Year6StMarys"]) == []
    assert named_people("Tagging @OfstedNews so they see how @RackhamPrimary works") == []


def test_positive_neutral_and_spam_items_never_escalate_whatever_names_they_hold() -> None:
    assert classify(Item("Thank you Mr Okafor, Jayden loves his class!")).escalate is False
    assert classify(Item("Will Mrs Hartley be at the open evening?")).escalate is False
    assert classify(Item("Mr Okafor turned my £200 into £9,000 with crypto! DM him")).escalate is False


def test_every_threat_is_escalated_even_without_a_name() -> None:
    judgement = classify(Item("Someone ought to burn that school down"))
    assert judgement.label == "threat" and judgement.escalate is True

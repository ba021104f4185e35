"""The reply classifier, from tables of replies written for these tests (none from the evaluation set)."""

from __future__ import annotations

import doctest

import pytest
from moderation_cases import (
    ALL,
    BENIGN,
    EIGHTH,
    ELEVENTH,
    FIFTEENTH,
    FIFTH,
    FOURTEENTH,
    FOURTH,
    HARDER,
    NINTH,
    SEVENTH,
    SIXTH,
    TENTH,
    THIRD,
    THIRTEENTH,
    TWELFTH,
    Case,
)

from safepost.policy.moderation import ACTIONS, LABELS, Item, Judgement, Reason, classifier, classify


def _judge(case: Case) -> Judgement:
    text, bio, reply_to, _label, _escalate = case
    return classify(Item(text=text, author_bio=bio, in_reply_to=reply_to))


@pytest.mark.parametrize(
    "case",
    ALL
    + HARDER
    + THIRD
    + FOURTH
    + FIFTH
    + SIXTH
    + SEVENTH
    + EIGHTH
    + NINTH
    + TENTH
    + ELEVENTH
    + TWELFTH
    + THIRTEENTH
    + FOURTEENTH
    + FIFTEENTH
    + BENIGN,
    ids=lambda c: c[0][:50],
)
def test_it_gives_each_reply_the_label_escalation_and_action_a_senior_leader_would_with_reasons_that_mark_the_words(
    case: Case,
) -> None:
    judgement = _judge(case)
    assert (judgement.label, judgement.escalate) == (case[3], case[4])
    assert judgement.action == ACTIONS[judgement.label]
    if judgement.label != "neutral":
        assert judgement.reasons, "a decision other than neutral says why"
    for reason in judgement.reasons:
        assert isinstance(reason, Reason) and reason.message
        source = case[0] if reason.field == "text" else case[1]
        if reason.start is not None and reason.end is not None:
            assert source[reason.start : reason.end] == reason.matched


def test_precedence_puts_a_threat_above_spam_and_swearing() -> None:
    item = Item(
        text="Gorgeous dancers 😍 do any of the girls have TikTok? Get them to DM me, bloody talented",
        author_bio="Dance coach | Private lessons | DM me",
    )
    assert classify(item).label == "threat"


def test_a_spammy_bio_decides_a_generic_reply_but_not_a_specific_one() -> None:
    bio = "Forex trader | Financial freedom | Link in bio"
    assert classify(Item(text="Great post! 👍", author_bio=bio)).label == "spam"
    assert classify(Item(text="Well done Year 4, my son loved the trip!", author_bio=bio)).label == "positive"
    spam = classify(Item(text="Great post! 👍", author_bio=bio))
    assert any(r.field == "author_bio" and r.code == "scam-bio" for r in spam.reasons)


def test_a_mock_complaint_that_is_really_praise_stays_positive_and_real_sarcasm_does_not() -> None:
    assert classify(
        Item("Oh great, another medal for the shelf. We need a bigger house 😂 well done Robins!")
    ).label == ("positive")
    assert (
        classify(Item("Oh great, another cake sale. As if we're made of money. Cheers.")).label
        == "undermining"
    )


def test_a_polite_thanks_after_a_question_stays_neutral_but_praise_with_a_question_is_positive() -> None:
    assert classify(Item("Is the disco still on Friday? Thanks")).label == "neutral"
    assert classify(Item("What a brilliant disco! Will there be another one at Easter?")).label == "positive"


def test_the_recommended_action_follows_the_label() -> None:
    assert classify(Item("Thank you for a wonderful concert!")).action == "surface"
    assert classify(Item("What time is the concert?")).action == "leave"
    assert classify(Item("Funny how the same kids always get the solos.")).action == "hide-and-record"
    assert classify(Item("What a load of bollocks")).action == "hide-record-block"
    assert classify(Item("I know where she lives and I'll be waiting for her")).action == "escalate-now"
    assert classify(Item("Free spins, no deposit 🎰 spinz.win")).action == "delete-block-report"


def test_the_classifier_docstring_examples_run() -> None:
    result = doctest.testmod(classifier, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_empty_odd_and_huge_texts_are_judged_without_error() -> None:
    for text in ("", " ", "\u200b\u200b", "🖤" * 500, "a" * 100_000, "\x00\x01", "ｆｕｃｋ", "Ьloody hell"):
        judgement = classify(Item(text=text))
        assert judgement.label in LABELS
    assert classify(Item("ｆｕｃｋ this")).label == "offensive"

"""The advice rules a school switches on for clauses of its own policy: key information links
(SP407, COU-01), long quotations (SP408, RAC-12, SUT-16) and the tone of the school's own posts
(SP502, NNF-05, COU-09). Each from a table of posts that must and must not be flagged."""

from __future__ import annotations

import dataclasses

import pytest

from safepost.policy.config import Policy, PolicyError, load_policy, parse_policy
from safepost.policy.findings import Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post, Rule
from safepost.policy.rules.key_info_without_link import KeyInfoWithoutLink
from safepost.policy.rules.long_quotation import LongQuotation
from safepost.policy.rules.negative_tone import NegativeTone

SITE = "https://www.oakfield-primary.sch.uk"


def courtney(website: str = SITE) -> Policy:
    policy = load_policy("courtney")
    return dataclasses.replace(policy, school=dataclasses.replace(policy.school, website=website))


def marked(rule: Rule, text: str, policy: Policy) -> list[str]:
    return [text[f.start : f.end] for f in rule.check(Context(Post(text), policy, Roster()))]


KEY_INFO = [
    ("Reminder: the school will be closed on Friday 7th March for staff training.", "closed"),
    ("Parents' evening bookings open on Monday: please book your slot by 14/03.", "Parents' evening"),
    ("A letter about the Year 6 residential came home today. Please return the form by Friday.", "form"),
    ("The new lunch menu starts on 2 June, with a vegetarian choice every day.", "menu"),
    ("Applications for Reception places close on 15 January.", "Applications"),
]
NOT_KEY_INFO = [
    "What a wonderful harvest festival this morning. Thank you for the generous donations!",
    "Year 3 loved their trip to the castle yesterday.",
    f"The school is closed on Friday 7th March for staff training. Details: {SITE}/news",
    "Parents' evening bookings open on Monday: book at https://oakfield-primary.sch.uk/book",
]


@pytest.mark.parametrize(("text", "word"), KEY_INFO)
def test_key_information_without_a_link_to_the_school_website_is_flagged(text: str, word: str) -> None:
    assert marked(KeyInfoWithoutLink(), text, courtney()) == [word]


@pytest.mark.parametrize("text", NOT_KEY_INFO)
def test_news_and_linked_key_information_are_not_flagged(text: str) -> None:
    assert marked(KeyInfoWithoutLink(), text, courtney()) == []


def test_a_link_to_another_website_does_not_count_and_the_finding_offers_the_schools() -> None:
    text = "Term dates for next year are out on Monday: see https://www.example.com/dates"
    findings = list(KeyInfoWithoutLink().check(Context(Post(text), courtney(), Roster())))
    assert len(findings) == 1
    assert findings[0].severity is Severity.WARN
    assert findings[0].suggestion == f"{text} Details: {SITE}"


def test_without_the_schools_website_address_the_rule_stays_quiet() -> None:
    assert marked(KeyInfoWithoutLink(), KEY_INFO[0][0], courtney(website="")) == []


@pytest.mark.parametrize(
    "bad", ["oakfield.sch.uk", "https://", "ftp://oakfield.sch.uk", "https://oak field.sch.uk"]
)
def test_a_website_that_is_not_an_address_is_refused_with_the_key_named(bad: str) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy({"school": {"name": "Oakfield", "website": bad}}, "test.toml")
    assert "school.website" in str(error.value)


QUOTE = (
    'Our poem of the week: "The moon was a ghostly galleon tossed upon cloudy seas, the road was a '
    'ribbon of moonlight over the purple moor."'
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (QUOTE, True),
        (QUOTE + " (Alfred Noyes, The Highwayman)", False),
        (QUOTE + " - Alfred Noyes", False),
        ('In the words of Roald Dahl, "' + QUOTE.split('"')[1] + '"', False),
        ('Our motto: "Learning together, growing together."', False),
        ('Year 2 performed "The Owl and the Pussy-cat" beautifully!', False),
    ],
)
def test_a_long_quotation_needs_a_credit(text: str, flagged: bool) -> None:
    assert bool(marked(LongQuotation(), text, load_policy("rackham"))) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "Once again a small minority of parents have ignored our requests about parking.",
        "Disappointed to see so many cars parked on the zig-zags this morning. This is unacceptable.",
        "Some parents at this school need to learn what 'drop and go' means.",
        "Frankly, the behaviour of some families at the match was shameful.",
        "Unlike Meadowbank Primary, our pupils were not let down by poor organisation.",
    ],
)
def test_a_complaint_about_people_in_the_schools_own_post_is_flagged(text: str) -> None:
    for preset in ("no-names-no-faces", "courtney"):
        assert marked(NegativeTone(), text, load_policy(preset))


@pytest.mark.parametrize(
    "text",
    [
        "Sadly the trip is cancelled because of the snow. We will rebook it for the spring.",
        "A disappointing result for our netball team, but what a fighting spirit!",
        "Thank you to all the parents who park away from the gates: you keep our children safe.",
        "We are so proud of our choir's performance at the care home today.",
        "The heating is being repaired today: please send children in with a warm jumper.",
    ],
)
def test_bad_news_about_things_and_praise_are_not_flagged(text: str) -> None:
    assert marked(NegativeTone(), text, load_policy("courtney")) == []

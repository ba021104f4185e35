"""SP402 text-speak, from tables of posts that must and must not be flagged.

Each bad post lists what the writer typed for each piece of text language and
the Standard English the finding suggests ("" when the advice is to leave it
out). The good posts are full of things that look like text language but are
not: age groups, codes, ordinals, times, money, scores, Roman numerals.
"""

from __future__ import annotations

import tomllib

import pytest

from safepost.policy.config import PRESETS_DIR, Policy, parse_policy
from safepost.policy.findings import Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post
from safepost.policy.rules.text_speak import TextSpeak

RULE_KEYS = {"SP402": "SP402", "text-speak": "SP402"}


def policy(extra: str = "", **writing: str) -> Policy:
    """Sutton Manor's policy (text language blocked), with changes."""
    data = tomllib.loads((PRESETS_DIR / "sutton-manor.toml").read_text(encoding="utf-8") + extra)
    data["writing"].update(writing)
    return parse_policy(data, "sutton-manor", rule_keys=RULE_KEYS)


SUTTON = policy()


def flagged(text: str, pol: Policy = SUTTON, roster: Roster | None = None) -> list[tuple[str, str]]:
    """(the text marked, the suggestion) for each finding."""
    ctx = Context(Post(text), pol, roster or Roster())
    return [(text[f.start : f.end], f.suggestion or "") for f in TextSpeak().check(ctx)]


def leave_out(typed: str) -> str:
    return f'Leave out "{typed}".'


BAD = [
    ("Gr8 news: the new library opens on Monday!", [("Gr8", "Great")]),
    ("We can't w8 for the summer fair. See you all l8r!", [("w8", "wait"), ("l8r", "later")]),
    ("Thanx to all our volunteers, u r all stars!", [("Thanx", "Thanks"), ("u", "you"), ("r", "are")]),
    ("Plz send in a named water bottle 2moro.", [("Plz", "Please"), ("2moro", "tomorrow")]),
    ("Swimming moves to Tuesdays from next wk.", [("wk", "week")]),
    ("Omg what a performance from Year 3!", [("Omg", leave_out("Omg"))]),
    ("Year 4 were amazing at the concert LOL", [("LOL", leave_out("LOL"))]),
    ("Btw the PE kit list is on the website.", [("Btw", "By the way")]),
    ("Thx 4 coming to our open evening!", [("Thx", "Thanks"), ("4", "for")]),
    ("Thank you 4 all your support this term.", [("4", "for")]),
    ("Good luck 2 all our runners today!", [("2", "to")]),
    ("We can't wait 2 see you in September.", [("2", "to")]),
    ("Merry Christmas to you 2!", [("2", "too")]),
    ("C u at the disco on Friday!", [("C u", "See you")]),
    ("See u all after half term.", [("u", "you")]),
    ("Cya next week everyone!", [("Cya", "See you")]),
    ("Huge thanks to every1 who donated.", [("every1", "everyone")]),
    ("Some1 left a blue coat in the hall.", [("Some1", "Someone")]),
    ("Is any1 free to help at the cake sale?", [("any1", "anyone")]),
    ("Don't forget ur reading books b4 Friday.", [("ur", "your"), ("b4", "before")]),
    ("Ur children have been superstars.", [("Ur", "Your")]),
    ("Sports day is 2day, fingers crossed for sun!", [("2day", "today")]),
    ("Disco 2nite from 6pm in the hall.", [("2nite", "tonight")]),
    ("Class 2 luv their new reading corner.", [("luv", "love")]),
    ("Wot a brilliant trip to the farm!", [("Wot", "What")]),
    ("We had to come inside coz of the rain.", [("coz", "because")]),
    ("Cos it's raining, PE will be in the hall.", [("Cos", "Because")]),
    ("Pls remind ppl to park carefully.", [("Pls", "Please"), ("ppl", "people")]),
    ("Check ur msgs for the trip letter.", [("ur", "your"), ("msgs", "messages")]),
    ("Idk who enjoyed it more, the children or the staff!", [("Idk", "I don't know")]),
    ("Tbh it was the best assembly this year.", [("Tbh", "To be honest")]),
    ("Family film nite is on Friday.", [("nite", "night")]),
    ("R u ready for World Book Day?", [("R", "Are"), ("u", "you")]),
    ("It will b a lovely afternoon.", [("b", "be")]),
    ("Thank you for your kind words x", [("x", leave_out("x"))]),
    ("Love from all the staff xx", [("xx", leave_out("xx"))]),
    ("We are sooo proud of Year 6!", [("sooo", "so")]),
    ("Pleeease label all uniform.", [("Pleeease", "Please")]),
    ("Thanks 4 the lovely flowers.", [("4", "for")]),
    ("gr8ful thanks to our PTA for the new benches.", [("gr8ful", "grateful")]),
    ("Our Year 5 sk8ing club starts today.", [("sk8ing", "skating")]),
    ("Well done, m8s! What a match.", [("m8s", "mates")]),
    ("Sorry, we're gonna be late back from the trip.", [("gonna", "going to")]),
    ("Thru the woods we went on our bear hunt.", [("Thru", "Through")]),
    ("Pls, plz, PLS!", [("Pls", "Please"), ("plz", "please"), ("PLS", "PLEASE")]),
    (
        "Thxxx everyone, plsss keep the photos coming lolll",
        [("Thxxx", "Thanks"), ("plsss", "please"), ("lolll", leave_out("lolll"))],
    ),
    ("Ur welcome to join us, and ur children too!", [("Ur", "You're"), ("ur", "your")]),
    ("Hav a gr8 wkend everyone!", [("Hav", "Have"), ("gr8", "great"), ("wkend", "weekend")]),
]

GOOD = [
    "Our U9 and U11 football teams play at home on Saturday, and the U13s are away.",
    "Year 2 and Y6 visited the library; KS1 and KS2 have assemblies on Friday.",
    "Congratulations to our 2nd and 3rd place teams in the 1st XI cup.",
    "The bridge held 4kg! School closes at 3:30pm and opens at 8:45am; the fee is £4.50.",
    "Covid-19 cases are low. Our 4G pitch and 3D printer are ready.",
    "Please bring A4 paper and an MP3 player for the music project.",
    "Year 6's leavers assembly is on Thursday at 10am.",
    "A 2-1 win for our girls' team, and 3-2 for the boys!",
    "I think we all enjoyed that; so did I.",
    "Grades A to U are explained in the booklet; most pupils got an A or a B.",
    "Class C and Class R are in the hall, and Year R start on Monday.",
    "Henry VIII and Elizabeth II feature in our history topic. Question iv is a hard one.",
    "The school's postcode is WA9 4XE, and the old site was at L8 0UP.",
    "We need 2 volunteers and 4 tables for the fair.",
    "Our Year 4 team won 4 of their 6 matches.",
    "Ages 4 to 11 are welcome, and there will be 2 sessions.",
    "Sin, cos and tan were on the Year 6 maths challenge: cos 60 is a half.",
    "Brrr, it's cold! Ooooh, look at the frost. Hmmm, hot chocolate? Zzzz...",
    "Children learnt the sounds s, a, t, p, i, n and u this week.",
    "We talked about what 'lol' and 'brb' mean, and why we write in full.",
    "The Year 4 vs Year 5 rounders match was a draw.",
    "Mr Lee's 1:1 reading sessions start on 4th March.",
    "Our Maths Week runs from 2 to 6 March, with 4 workshops.",
    "The class of 2026 raised £200; thank you!",
    "Please return the forms by Friday 4 April.",
    "Our youngest pupils are aged 4.",
    "Welcome to our newest members of staff, Ms Ty and Mr Wat.",
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_it_flags_text_language_and_suggests_the_standard_english(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize("text", GOOD)
def test_it_leaves_numbers_codes_and_ordinary_words_alone(text: str) -> None:
    assert flagged(text) == []


def test_a_finding_blocks_and_says_which_policy_asks_for_standard_english() -> None:
    ctx = Context(Post("What a gr8 day!"), SUTTON, Roster())
    (finding,) = TextSpeak().check(ctx)
    assert finding.severity is Severity.BLOCK
    assert finding.category == "text-speak"
    assert (finding.rule, finding.name) == ("SP402", "text-speak")
    assert '"gr8" is text language' in finding.message and "Standard English" in finding.message
    assert 'writing.text_speak = "block"' in finding.trace


def test_the_span_marks_what_the_writer_typed_even_with_odd_characters() -> None:
    assert flagged("Thanks to ｅｖｅｒｙ1 who came and to u\u200b all!") == [
        ("ｅｖｅｒｙ1", "everyone"),
        ("u", "you"),
    ]


def test_the_policy_can_allow_a_word_it_does_not_count_as_text_language() -> None:
    pol = policy('\n[rules.text-speak]\nwords = ["cos"]\n')
    assert flagged("We stayed in cos of the rain, thx!", pol) == [("thx", "thanks")]


def test_a_school_that_allows_text_language_turns_the_rule_off() -> None:
    assert TextSpeak().severity(policy(text_speak="allow")) is None
    assert TextSpeak().severity(policy(text_speak="warn")) is Severity.WARN
    assert TextSpeak().severity(SUTTON) is Severity.BLOCK


def test_the_documented_example_is_flagged_and_its_alternative_is_not() -> None:
    docs = TextSpeak.doc_sections()
    assert flagged(docs["Example"])
    assert flagged(docs["Use instead"]) == []

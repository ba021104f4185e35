"""Kinds the round-9 blind sets showed (issue 12): each must be read as a careful head would, and the
look-alike beside it must not be flagged. The sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from datetime import datetime

import pytest
from wording_cases import wording_test

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.roster import Roster, parse_roster
from safepost.policy.rules.base import Post

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Finn,Bolt,Year 9,Drake,yes
Priya,Kingdom,Year 8,Raleigh,yes
Jordan,Reid,Year 6,Kite,yes
Chester,Banks,Year 3,Robin,yes
Paris,Green,Year 6,Kite,yes
Lourdes,Santos,Year 6,Kite,yes
Harry,Kane,Year 6,Kite,yes
Daisy,Buchanan,Year 12,Kielder,yes
Autumn,Price,Year 2,Wren,yes
Patience,Osei,Year 4,Owl,yes
Honor,Blake,Year 9,Drake,yes
Florence,Pike,Year 10,Raleigh,yes
Amber,Hollis,Year 10,Raleigh,yes
Will,Carter,Year 6,Kite,yes
Sam,Oliver,Year 6,Kite,yes
Dominic,Fox,Year 7,Drake,yes
Patrick,Field,Year 7,Drake,yes
Maisie,Riding,Year 5,Otter,yes
Jack,Frost,Year 4,Owl,yes
Evie,Shepherd,Year 3,Robin,yes
Sam,Warwick,Year 13,Kielder,yes
Mohammed,Ali,Year 6,Kite,yes
Chelsea,Moore,Year 5,Otter,yes
Doris,Quinn,Year 2,Wren,yes
Ruby,Lane,Nursery,Bumblebees,yes
"""


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER, "round-9 roster")


CASES = [
    # a pupil's surname alone, in more match-report forms; the same word as a place, a dish, a show
    ("courtney", "Well bowled, Bolt! Five wickets against Heath Park this afternoon.", "pupil-surname", True),
    ("courtney", "What a save at the near post from Kingdom to keep the lead!", "pupil-surname", True),
    ("courtney", "Kingdom was outstanding in goal for the Year 8s.", "pupil-surname", True),
    ("courtney", "Fox and Field were our players of the match on Saturday.", "pupil-surname", True),
    ("courtney", "Riding was the first in Otter Class to canter on her own!", "pupil-surname", True),
    ("courtney", "Frost has been picked for the county netball squad!", "pupil-surname", True),
    ("courtney", "Sixth formers have offers from Durham, Exeter and Warwick so far.", "pupil-surname", False),
    ("courtney", "Riding for the Disabled sessions start again for Otter Class.", "pupil-surname", False),
    ("courtney", "Shepherd's pie and peas are on the menu today.", "pupil-surname", False),
    ("courtney", "Our Year 6 show, Oliver!, sold out both nights.", "pupil-surname", False),
    # word-names: a child where the wording makes one, a word where it does not
    ("no-names-no-faces", "Patience is our top fundraiser this term with £60!", "pupil-name", True),
    ("no-names-no-faces", "Florence's Grade 6 piano merit has just arrived!", "pupil-name", True),
    ("no-names-no-faces", "Will has been on fire in the pool this week!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Amber baked a lemon drizzle and is through to the regional final!",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Autumn has finally arrived in Wren Class - conkers everywhere!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Patience, please! The results come out next week.", "pupil-name", False),
    ("no-names-no-faces", "Honor, courage, respect: our values for the new term.", "pupil-name", False),
    # places, clubs, characters and famous namesakes; and the pupil of that name
    ("courtney", "Good luck to Jordan, who runs for the county at the weekend!", "individual-pupil", True),
    ("courtney", "Harry Kane (honestly!) scored twice for our Year 6s today.", "pupil-surname", True),
    (
        "courtney",
        "Congratulations to Mohammed Ali from Hillside, who won the trust's boxing challenge!",
        "pupil-surname",
        True,
    ),
    ("courtney", "Paris, here we come! Our exchange group can't wait.", "individual-pupil", False),
    ("courtney", "Year 8 are learning about famous cities. Next week: Chester!", "individual-pupil", False),
    ("courtney", "Lourdes pilgrimage deposits are due on Friday.", "individual-pupil", False),
    ("courtney", "Year 6 learnt about St Bernadette's pilgrimage to Lourdes.", "individual-pupil", False),
    (
        "courtney",
        "Year 12 are reading The Great Gatsby. Daisy Buchanan divides the class!",
        "pupil-surname",
        False,
    ),
    ("courtney", "Chelsea 3-0 Everton has caused arguments in the staffroom.", "individual-pupil", False),
    ("courtney", "Chelsea or Arsenal? Football shirt day is on Friday!", "individual-pupil", False),
    (
        "courtney",
        "Happy 90th birthday to Doris, our longest-serving reading volunteer!",
        "individual-pupil",
        False,
    ),
    # one child by a role, a part, a hint; a group or a grown-up in the same shape
    ("courtney", "The captain's passing was superb in the Year 5 netball final.", "individual-pupil", True),
    ("courtney", "Our Artful Dodger stole the show at the matinee.", "individual-pupil", True),
    ("courtney", "Our only Year 7 in the senior chess team won all three games.", "individual-pupil", True),
    (
        "courtney",
        "Special mention to our delegate for Peru, who won Best Delegate!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our CCF Senior Under Officer read the names at the service.", "individual-pupil", True),
    (
        "courtney",
        "Gentle reminder to a certain Kite Class goalkeeper: gloves go home on Fridays!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Four teeth lost in Robin Class this week, all by the same girl!", "individual-pupil", True),
    ("courtney", "One little Bumblebee told us she wants to be a dinosaur.", "individual-pupil", True),
    ("courtney", "Somebody in 9L stayed late every day to fix the bug hotel!", "individual-pupil", True),
    ("courtney", "Welcome to the first XI, #FB! A debut fifty at fourteen.", "individual-pupil", True),
    ("courtney", "Welcome back to #PE lessons after half term!", "individual-pupil", False),
    ("courtney", "Our Jazz Band stole the show at the matinee.", "individual-pupil", False),
    ("courtney", "The Year 8 group have just reached the top of the hill!", "individual-pupil", False),
    (
        "courtney",
        "Our forest school leader Jo is running holiday sessions over Easter.",
        "individual-pupil",
        False,
    ),
    ("courtney", "For the third time this week someone has blocked the gate.", "individual-pupil", False),
    # where pupils will be; and where they are not, or not to be found
    ("courtney", "Year 5 will be at Kielder Observatory on Thursday from 7pm.", "trip-whereabouts", True),
    (
        "courtney",
        "The squad will be based at the Palm Beach Hotel until Saturday 12th April.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Y6 residential: Whitehough, Mon 8th–Fri 12th June. Kit list on the blog.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Both schools are off to see Aladdin at @PlayhouseLeeds on Tuesday 9th December at 1pm.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Good luck to our J16 eight racing at Dorney Lake on Saturday 16th May from 9:40!",
        "trip-whereabouts",
        True,
    ),
    ("courtney", "Tutors will be in the LRC every lunchtime this week.", "trip-whereabouts", False),
    ("courtney", "Year 4 are having a lovely time in Wales!", "trip-whereabouts", False),
    (
        "courtney",
        "Alumni news! Dr Amy Shaw (Class of 2004) is now working at St Thomas' Hospital.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Congratulations to the Year 11s who completed their DofE expedition in the Lakes this weekend!",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Gr8 fun at the Quarry Bank trip today! Everyone back safe.", "trip-whereabouts", False),
    # other categories
    ("rackham", "Some thieving git has taken the class tarp again.", "offensive", True),
    ("sutton-manor", "Email our leader Gemma for details of the sessions.", "spelling", False),
    ("sutton-manor", "Year 2 loved the sponsored bounce-a-thon!", "spelling", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-9")


# A time found in a later clause of the sentence: the flagged words are the place and the time, whole
# (before, the time's place in its clause was taken for its place in the sentence: "al: Whitehough").
SPANS = [
    ("Y6 residential: Whitehough, Mon 8th–Fri 12th June. Kit list on the blog.", "Whitehough, Mon 8th"),
    (
        "Year 6 have landed at We The Curious! Planetarium show at 11, then lunch on Millennium Square from 12.",
        "on Millennium Square from 12",
    ),
]


@pytest.mark.parametrize(("text", "flagged"), SPANS)
def test_the_flagged_words_of_a_whereabouts_are_the_place_and_its_time(
    presets: dict[str, Policy], roster: Roster, text: str, flagged: str
) -> None:
    report = Checker(presets["courtney"], roster).check(Post(text, at=datetime(2026, 10, 14, 10, 0)))
    spans = [text[f.start : f.end] for f in report.findings if f.category == "trip-whereabouts"]
    assert flagged in spans, spans

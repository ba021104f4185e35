"""Kinds the round-12 blind sets showed (issue 12): an all-through school's own buildings, a trip called
off, autumn's leaves, a class named where a place would be, the grown-ups of a school's kitchen and
PTA, every player and her part, and a match report's skipper and keeper. Each must be read as a
careful head would, and the real finding beside it must stay. The sentences are the project's own,
not the blind sets'."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.policy.roster import Roster, parse_roster

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Pearl,Moss,Year 2,Limpets,yes
Maureen,Hale,Year 4,Limpets,yes
Noah,Derby,Year 9,9K,yes
Isaac,Ripon,Year 8,8F,yes
Ava,Stone,Year 1,Seals,yes
Leo,Hunt,Year 3,Seals,yes
Poppy,Field,Year 7,7W,yes
"""


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER, "round-12 roster")


CASES = [
    # an all-through school's phases and their rooms are the school's own site
    (
        "rackham",
        "Reports can be picked up from the Secondary office after 3pm on Thursday.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "The Year 10 coach will drop everyone in the Sixth Form car park at about 5:15pm tomorrow.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "Because of the snow, the Infant building is closed today.", "trip-whereabouts", False),
    # but a venue the pupils travel to stays one
    (
        "rackham",
        "Year 9 will be at Primrose Hill Athletics Track from 9am tomorrow.",
        "trip-whereabouts",
        True,
    ),
    # a trip called off tells nobody where the pupils are
    (
        "rackham",
        "Sorry everyone, the Year 7 trip to the Museum of Science and Industry is off today: the coach broke down.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "The Year 7 trip to the Museum of Science and Industry is off to a great start this morning!",
        "trip-whereabouts",
        True,
    ),
    # leaves that fall, not a coach that leaves
    (
        "rackham",
        "Limpets gathered acorns, twigs and the reddest leaves on their walk around the cemetery this morning.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "The coach leaves for Whitby Abbey at 8:30am tomorrow.", "trip-whereabouts", True),
    # a class of the school's, greeted from, is not a place
    (
        "rackham",
        "Good evening from the Seals sleepover! Pizzas eaten and now the film is starting.",
        "trip-whereabouts",
        False,
    ),
    # the school kitchen's and the PTA's grown-ups, named with their role
    (
        "no-names-no-faces",
        "A huge farewell to Pearl, our much-loved dinner lady, who retires on Friday after 30 years.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "Tombola prizes can be dropped with Maureen, our PTA summer fair organiser, at the gate.",
        "pupil-name",
        False,
    ),
    # a child is still a child: "Pearl in Limpets"
    ("no-names-no-faces", "Pearl in Limpets read her whole book to the class!", "pupil-name", True),
    # every player, one at a time, is the whole team
    (
        "courtney",
        "What a tournament from the Year 8 netball team! Each player gave her absolute all.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "What a tournament from the Year 8 netball team! She was outstanding in defence.",
        "individual-pupil",
        True,
    ),
    # a team's skipper is one child; another team's captain is not ours
    (
        "courtney",
        "Our U15 skipper was immense today, leading the girls to a 3-1 win.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "The captain of the lifeboat crew showed Year 3 round the station.",
        "individual-pupil",
        False,
    ),
    # a goalkeeper's idiom makes a town surname the child's
    (
        "no-names-no-faces",
        "Three clean sheets in a row for Derby between the posts. What a season!",
        "pupil-surname",
        True,
    ),
    ("no-names-no-faces", "Year 5 visited Derby between the two school terms.", "pupil-surname", False),
]


@pytest.mark.parametrize(("policy", "text", "category", "found"), CASES)
def test_the_wording_is_read_as_a_careful_head_would(
    categories_found: Callable[[str, Roster, str], tuple[set[str], list[str]]],
    roster: Roster,
    policy: str,
    text: str,
    category: str,
    found: bool,
) -> None:
    categories, messages = categories_found(policy, roster, text)
    assert (category in categories) is found, messages

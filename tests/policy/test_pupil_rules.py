"""The pupil and trip rules, from tables of posts that must and must not be flagged.

Uses the test roster (tests/fixtures/roster.csv). A post marked ``[photos]``
carries photos of pupils.
"""

from __future__ import annotations

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Post

PUPIL_CATEGORIES = {"pupil-surname", "pupil-name", "individual-pupil", "trip-whereabouts"}

CASES = [
    ("st-catherine", ("individual-pupil",), "Well done Josh, a much better lesson today."),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "John has been much better behaved today, well done.",
    ),
    ("st-catherine", ("individual-pupil",), "Happy 7th birthday to Theo in Birch Class!"),
    (
        "st-catherine",
        ("pupil-surname", "individual-pupil"),
        "Congratulations to Josh Smith in Year 6 on his grade 3 piano exam.",
    ),
    ("st-catherine", (), "Thank you to Mrs Whitfield and Mr Carver for running the chess club."),
    ("st-catherine", (), "Our author visit with Michael Morpurgo was unforgettable."),
    ("st-catherine", (), "Year 3 have been reading Roald Dahl's Matilda this half term."),
    ("st-catherine", (), "Hope you all have a restful half term!"),
    ("st-catherine", (), "Ruby red poppies filled the hall for our Remembrance assembly."),
    ("no-names-no-faces", (), "We sang Amazing Grace and All Things Bright and Beautiful in assembly."),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Ravi scored the winning goal for the Year 3 team today!",
    ),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Lovely work from Anya in Class 4 on her volcano model.",
    ),
    ("no-names-no-faces", ("pupil-name", "individual-pupil"), "#WellDoneZara on your 100m sprint!"),
    ("no-names-no-faces", ("pupil-name", "individual-pupil"), "Well done R4vi for a great maths test!"),
    ("no-names-no-faces", ("pupil-name", "individual-pupil"), "Well done R a v i for a great maths test!"),
    ("no-names-no-faces", ("pupil-name", "individual-pupil"), "Well done Rаvi for a great maths test!"),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Zara's painting has been chosen for the library display!",
    ),
    (
        "st-catherine",
        ("pupil-surname", "individual-pupil"),
        "Zara Qureshi's painting has been chosen for the library display!",
    ),
    ("st-catherine", ("pupil-surname", "individual-pupil"), "Well done Zara Q\u200bureshi!"),
    ("st-catherine", (), "Lucas from the fire service showed Reception the engine this morning."),
    ("st-catherine", (), "Thank you to PC Lucas Green for talking to Year 6 about road safety."),
    ("st-catherine", (), "Our Green Team have planted twenty trees on the school field."),
    ("st-catherine", (), "Maple and Birch classes are performing their harvest songs on Thursday."),
    ("st-catherine", (), "Congratulations to Maple Class, our attendance champions!"),
    (
        "st-catherine",
        ("individual-pupil",),
        "Congratulations to our new Head Boy, who gave a fantastic speech.",
    ),
    ("st-catherine", ("individual-pupil",), "Oscar, please remember your PE kit tomorrow!"),
    ("st-catherine", (), "Don't forget your PE kits tomorrow, Year 6!"),
    ("rackham", ("individual-pupil",), "Big shout out to Florence for her kindness this week."),
    ("rackham", (), "Grace Darling's story inspired our Year 2 lifeboat topic."),
    ("rackham", (), "Year 5 visited Summer Lane Farm and met the lambs."),
    (
        "courtney",
        ("trip-whereabouts",),
        "Year 6 will be at the Town Hall at 2pm for the Remembrance service.",
    ),
    ("courtney", ("trip-whereabouts",), "The choir are singing at St Mary's Church at 6pm tonight."),
    ("courtney", ("trip-whereabouts",), "Class 4 are on their way to Chester Zoo and will arrive at 10am."),
    ("courtney", (), "Class 4 loved their trip to Chester Zoo. Home by 3:30pm!"),
    ("courtney", (), "The coach is running late and will be back at school for 4pm."),
    ("courtney", (), "Our Christmas Fair is in the hall from 3pm on Friday."),
    ("courtney", ("trip-whereabouts",), "We're at Blackpool Tower right now, having a brilliant time!"),
    ("courtney", ("trip-whereabouts",), "Year 2 are picnicking in Victoria Park today until 1pm."),
    ("courtney", (), "Year 2 will learn about Victoria Park's history next term."),
    ("courtney", (), "Tickets for Friday's 6pm performance are available from the office."),
    (
        "sutton-manor",
        ("pupil-name", "individual-pupil"),
        "[photos] Anya and Oscar built this brilliant bridge today!",
    ),
    ("sutton-manor", ("individual-pupil",), "Anya and Oscar built this brilliant bridge today!"),
    ("st-catherine", (), "Sydney Opera House was the inspiration for our Year 4 architecture project."),
    ("st-catherine", (), "Year 2 have been learning about Florence Nightingale."),
    ("st-catherine", ("individual-pupil",), "Florence in Class 6 has learnt all her times tables!"),
    ("st-catherine", ("individual-pupil",), "Look at Oscar's amazing Viking longboat model!"),
    ("st-catherine", (), "Jean, our lollipop lady, retires today after 30 years."),
    ("st-catherine", (), "Well done to Sarah and the kitchen team for a wonderful Christmas dinner."),
    ("st-catherine", (), "Congratulations to Sarah, our school cook, on 20 years with us!"),
    ("no-names-no-faces", (), "Reception have been acting out Jack and the Beanstalk."),
    ("no-names-no-faces", (), "We celebrated the Coronation of King Charles with a street party."),
    ("no-names-no-faces", ("pupil-name", "individual-pupil"), "well done ravi for a great maths test!"),
    ("st-catherine", ("pupil-surname", "individual-pupil"), "well done zara qureshi, star of the week!"),
    (
        "no-names-no-faces",
        ("trip-whereabouts",),
        "Year 3 will be going swimming at Parr Baths every Tuesday afternoon.",
    ),
    ("no-names-no-faces", ("trip-whereabouts",), "Reception are off to the farm tomorrow morning!"),
    ("no-names-no-faces", (), "Nursery are exploring in the garden this morning."),
    ("no-names-no-faces", (), "Year 1 are in Forest School this afternoon."),
    (
        "no-names-no-faces",
        (),
        "We are so proud of our Year 6 team who came second at the Liverpool Schools Tournament today!",
    ),
    ("no-names-no-faces", (), "Year 3 are performing in the hall at 2pm today, parents welcome!"),
    (
        "no-names-no-faces",
        ("trip-whereabouts",),
        "Good luck to our netball team playing at Rainhill High School at 4pm today!",
    ),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Star of the Week goes to Theo for his amazing kindness!",
    ),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Get well soon, Jayden! We miss you in Cedar Class.",
    ),
    ("st-catherine", ("individual-pupil",), "Welcome to our new pupil, Amira, who joins Year 3 this week."),
    ("st-catherine", (), "Thank you to Karen and the PTA for organising the disco."),
    ("st-catherine", (), "Happy St George's Day from everyone at school!"),
    ("sutton-manor", ("individual-pupil",), "Grace and Theo painted sunflowers this afternoon."),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Hope, Theo and Summer painted sunflowers this afternoon.",
    ),
    (
        "no-names-no-faces",
        ("pupil-name", "individual-pupil"),
        "Everyone loved Ruby's presentation about volcanoes.",
    ),
    ("st-catherine", (), "Year 2 retold the story of Noah's Ark with junk-model animals."),
    (
        "st-catherine",
        ("individual-pupil",),
        "Theo, thank you for looking after the new girl in Birch class at lunchtime today!",
    ),
    (
        "st-catherine",
        ("pupil-surname", "individual-pupil"),
        "well done ruby baker for a fantastic Viking longship model!",
    ),
    (
        "st-catherine",
        ("individual-pupil",),
        "Star of the Week in Maple class goes to Summer, for her amazing letter.",
    ),
    (
        "courtney",
        ("trip-whereabouts",),
        "Class 6 have arrived at Formby! We'll be rock pooling near the lifeboat station until half past one.",
    ),
    # A superlative before a plural is a group, not one child (only "our youngest chorister" is one).
    ("st-catherine", (), "Our youngest children enjoyed a visit from the fire brigade today."),
    ("st-catherine", (), "Our newest pupils have settled in brilliantly this week."),
]


def categories(policy: Policy, roster: Roster, text: str) -> set[str]:
    report = Checker(policy, roster).check(Post(text, pupil_photos="[photos]" in text))
    return {f.category for f in report.findings} & PUPIL_CATEGORIES


@pytest.mark.parametrize(("preset", "expected", "text"), CASES)
def test_it_flags_exactly_the_pupil_and_trip_problems(
    presets: dict[str, Policy], roster: Roster, preset: str, expected: tuple[str, ...], text: str
) -> None:
    assert categories(presets[preset], roster, text) == set(expected)


def test_the_finding_marks_the_full_name_as_typed(presets: dict[str, Policy], roster: Roster) -> None:
    text = "Well done Zara\u200b Qureshi for a lovely poem!"
    report = Checker(presets["st-catherine"], roster).check(Post(text))
    surname = next(f for f in report.findings if f.category == "pupil-surname")
    assert text[surname.start : surname.end] == "Zara\u200b Qureshi"
    # "Well done Zara for a lovely poem!" would still be about one child (issue 13, item 6).
    assert surname.suggestion is not None and "Zara" not in surname.suggestion


def test_pupil_names_are_fine_without_photos_under_sutton_manor(
    presets: dict[str, Policy], roster: Roster
) -> None:
    report = Checker(presets["sutton-manor"], roster).check(Post("Ravi read the lesson beautifully."))
    assert "pupil-name" not in {f.category for f in report.findings}
    with_photos = Checker(presets["sutton-manor"], roster).check(
        Post("Ravi read the lesson beautifully.", media=("photo.jpg",))
    )
    assert "pupil-name" in {f.category for f in with_photos.findings}

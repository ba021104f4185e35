"""Kinds the round-8 blind sets showed (issue 12): each must be read as a careful head would, and the
look-alike beside it must not be flagged."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Poppy,Christmas,Year 1,Wren,yes
Tyler,King,Year 6,Kestrel,yes
Harvey,Swift,Year 6,Kestrel,yes
Ned,Garside,Year 6,Kestrel,yes
Reggie,Castle,Year 5,Owl,yes
Chanel,Bailey,Year 6,Kestrel,yes
Paris,Whitlock,Year 5,Owl,yes
Mercedes,Lowe,Year 4,Owl,yes
Marcus,Lord,Year 3,Wren,yes
Jamie,Oliver,Year 6,Kestrel,yes
Lucky,Zhang,Year 3,Wren,yes
River,Hale,Year 4,Owl,yes
Sunday,Adeyemi,Year 2,Wren,yes
Penny,Lane,Year 2,Wren,yes
Kai,Darwin,Year 4,Owl,yes
Max,Okoro,Year 1,Wren,yes
"""


CASES = [
    # a festival is no surname alone; a match report's surname is
    ("courtney", "Wishing a very merry Christmas to all our families!", "pupil-surname", False),
    (
        "courtney",
        "Massive win from our Year 6 team, with King grabbing the winner in the last minute!",
        "pupil-surname",
        True,
    ),
    (
        "courtney",
        "Swift on the anchor leg - what a run! Kestrel Class take the relay cup.",
        "pupil-surname",
        True,
    ),
    (
        "courtney",
        "The rounders match was decided by a huge hit from Garside in the last innings.",
        "pupil-surname",
        True,
    ),
    (
        "courtney",
        "Player of the match in the cricket final? Castle, with 48 runs and two catches.",
        "pupil-surname",
        True,
    ),
    ("courtney", "U13 netball: WON 18-11! Bailey at GA was everywhere.", "pupil-surname", True),
    # names that are places, brands, visitors, works and famous people
    (
        "rackham",
        "Year 6 presented their French projects on Paris landmarks today.",
        "individual-pupil",
        False,
    ),
    ("rackham", "Our new Mercedes minibus arrived this morning!", "individual-pupil", False),
    (
        "rackham",
        "A Roman soldier visited! Marcus the legionary let everyone try on his helmet.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Year 9 food tech recreated Jamie Oliver's 15-minute pasta today.", "pupil-surname", False),
    (
        "courtney",
        "Darwin Class are learning Penny Lane by the Beatles for the concert.",
        "pupil-surname",
        False,
    ),
    (
        "rackham",
        "Puffin Class learnt about Charles Darwin and his finches. Did Darwin have a dog?",
        "individual-pupil",
        False,
    ),
    (
        "rackham",
        "Owls have been reading Where the Wild Things Are. Max's wolf suit caused a LOT of roaring.",
        "individual-pupil",
        False,
    ),
    # a word-name that did what only a person does
    (
        "rackham",
        "Lucky taught Wren Class how to write happy new year in Chinese today.",
        "individual-pupil",
        True,
    ),
    ("rackham", "River has been brilliant as our new Year 4 school councillor!", "individual-pupil", True),
    (
        "rackham",
        "What a star - Sunday stayed behind after the concert to help stack every chair!",
        "individual-pupil",
        True,
    ),
    # one child without a name
    (
        "rackham",
        "Player of the match went to our Goal Attack, who didn't miss a single shot.",
        "individual-pupil",
        True,
    ),
    ("rackham", "The nativity was adorable. Our Mary forgot the baby Jesus!", "individual-pupil", True),
    ("rackham", "Our top reader this term has read 63 books!", "individual-pupil", True),
    (
        "rackham",
        "Well done to R. in Puffin Class, who stayed for a whole day this week.",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Heron Class had a muddy walk, and Mr Banks was the only one who fell in!",
        "individual-pupil",
        False,
    ),
    # where pupils are, and where they are not
    (
        "rackham",
        "Good morning from Kingswood Colomendy! Falcon Class are zip-wiring first, then a night walk at 8pm.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Year 6: only 2 weeks to go until Ford Castle! We leave Monday 18th May and we're back Friday 22nd.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Morpurgo Class are off to @BeamishMuseum next Tuesday. Coach leaves 8:45.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Y11 boys' fixture tomorrow v Upton High has moved to their place. Minibus leaves at 3:15.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "WE'RE IN THE FINAL!!! 3-1 win away at Bedale tonight. So proud of you all!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Please remember lunch money must be paid on ParentPay before Monday.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Due to a gas leak on Jubilee Road, school will close at 1pm today.",
        "trip-whereabouts",
        False,
    ),
    # other categories
    (
        "rackham",
        "To the driver who screamed at our lollipop man: you're an absolute tool.",
        "offensive",
        True,
    ),
    (
        "rackham",
        "Our staff team were pants at the charity match - we played like a bunch of numpties.",
        "offensive",
        False,
    ),
    ("sutton-manor", "Year 4 loved there visit to the science centre today.", "spelling", True),
    ("sutton-manor", "Rehersals are running every Tuesday until 5pm.", "spelling", True),
    ("sutton-manor", "Year 3 went pond dipping and found a caddisfly larva!", "spelling", False),
    ("courtney", "FT: U12s 4-2 Hindley Green. Cracking start to the season!", "personal-data", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-8")

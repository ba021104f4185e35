"""Kinds the round-11 blind sets showed (issue 12): the look-alikes of a trust's account, where a
school's name is a place, and a pupil's surname is a town. Each must be read as a careful head would,
and the real finding beside it must stay. The sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Ezra,Filey,Year 1,Otter,yes
Mabel,Young,Year 6,Skylark,yes
Tobias,Grant,Year 4,Curlew,yes
Nell,Preston,Year 5,Heron,yes
Rufus,Hale,Year 3,Wren,yes
Rowan,Stag,Year 7,7B,yes
Frankie,Best,Year 9,9B,yes
Elizabeth,Okafor,Year 12,Seacole,yes
Henry,Mills,Year 8,Austen,yes
Juliet,Amos,Year 11,Woolf,yes
Lyra,Hobbs,Year 8,Austen,yes
Freddie,Wales,Year 1,Robin,yes
Gethin,Barry,Year 5,Eryr,yes
Alys,Durham,Year 6,Eryr,yes
Ethan,Oates,Year 3,Kestrel,yes
George,Ashworth,Year 1,Curlew,yes
Callum,Pope,Year 10,Romero,yes
Olivia,Shore,Year 8,8 Curlew,yes
Will,Sands,Year 8,8 Gannet,yes
Skye,Marsh,Year 8,8 Curlew,yes
Joy,Bright,Year 9,Nash,yes
Grace,Heywood,Year 7,Nash,yes
"""


CASES = [
    # a school, an estate or a street named like a person: "Calder Ridge", "Ash Vale" are places
    (
        "no-names-no-faces",
        "Well done to Morgan Vale's Young Engineers team on reaching the regional final!",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Congratulations to Harper Fields on their first Ofsted as part of our trust!",
        "individual-pupil",
        False,
    ),
    # a pupil's surname that is a town, where the post goes there; and where it is the child
    (
        "no-names-no-faces",
        "Otter Class collected shells on the beach at Filey and made a display for the hall.",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Our Year 5 residential to Preston is booked for Monday 8th to Wednesday 10th June.",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Great pass to Preston and she buried it in the top corner!",
        "pupil-surname",
        True,
    ),
    ("no-names-no-faces", "Filey was our player of the match on Saturday.", "pupil-surname", True),
    # an event in the school's own hall: the school's name in a trust's post is not a venue to find
    (
        "courtney",
        "The Heron Class harvest assembly at Ashgrove Lane is on Friday 3rd October at 9am in the school hall.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 6 at Winter Hill perform their leavers' show on Thursday at 6pm in the school hall.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 6 are at Chester Zoo on Thursday from 10am until 2pm, and back at school by 3:30.",
        "trip-whereabouts",
        True,
    ),
    # a surname alone, cheered to the child's face or given the day's best; a word in the same place
    (
        "rackham",
        "Stag, you total legend! That run-out will be talked about all season.",
        "pupil-surname",
        True,
    ),
    ("rackham", "Highest score of the tournament went to Best: 52 not out!", "pupil-surname", True),
    ("rackham", "Best of luck to the Year 9 cricketers at the county finals.", "pupil-surname", False),
    # monarchs by the number of the reign, and characters of the work the post names: not the pupils
    (
        "no-names-no-faces",
        "Year 12 debated whether Elizabeth I or Victoria was the stronger monarch in a crisis.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Year 8 historians met Henry VIII's six wives today.", "pupil-name", False),
    ("no-names-no-faces", "Well done to Henry in Year 8 for his Tudor project!", "pupil-name", True),
    (
        "courtney",
        "Year 11 are revising Romeo and Juliet. Juliet's speech on the balcony is quoted in every corridor!",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Year 8 started Northern Lights this week. Lyra's Oxford has everyone hooked!",
        "individual-pupil",
        False,
    ),
    # a pupil's surname that is a town or a country: a person only where the wording makes one
    (
        "st-catherine",
        "Thank you for the signed ball for our Six Nations quiz. Come on Wales!",
        "pupil-surname",
        False,
    ),
    (
        "st-catherine",
        "Our runners met teams from as far away as Barry and Durham at the relays.",
        "pupil-surname",
        False,
    ),
    ("st-catherine", "Wales scored twice in the second half to win it for Year 1!", "pupil-surname", True),
    ("st-catherine", "Player of the match: Barry, who never stopped running.", "pupil-surname", True),
    (
        "st-catherine",
        "Robin Class debated school uniform. Durham argued so well that we may change it!",
        "pupil-surname",
        True,
    ),
    # crews and ensembles are groups; a sculler is one child
    (
        "st-catherine",
        "Our Year 7 coxed four won their first race at the regatta on Saturday.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Our Year 6 string trio played beautifully at the spring concert.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Our Year 9 sculler won her first race at the regatta on Saturday.",
        "individual-pupil",
        True,
    ),
    # chosen for something that has happened; chosen for something ahead
    (
        "courtney",
        "Year 3 were chosen to ring the bell at the Victorian schoolroom at the museum today, and loved it.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 4 have been chosen to sing at the Town Hall on Friday at 2pm.",
        "trip-whereabouts",
        True,
    ),
    # a farmer by his surname is a grown-up; a class back from the pool town is back from a place
    (
        "st-catherine",
        "Farmer Oates has kindly offered a straw bale for every class scarecrow.",
        "pupil-surname",
        False,
    ),
    ("st-catherine", "Oates scored twice in the final!", "pupil-surname", True),
    ("st-catherine", "Curlew Class are back from Ashworth and tucking into toast.", "pupil-surname", False),
    # the scorer of some of the goals
    ("st-catherine", "Four goals in the cup tie today and three of them from Pope!", "pupil-surname", True),
    # surnames listed, then counted as people; the same shape with words
    (
        "st-catherine",
        "Marsh, Shore and Sands: three Year 8 swimmers through to the county final!",
        "pupil-surname",
        True,
    ),
    (
        "st-catherine",
        "Sand and shells: three Year 2 classes went to the beach today.",
        "pupil-surname",
        False,
    ),
    # a grown-up named in full, then by the first name; a professional by the role after the name
    (
        "no-names-no-faces",
        "Welcome to Mrs Joy Fenwick, our new chair of governors. Joy has worked in schools for 30 years.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Mrs Joy Fenwick read with Year 9 today. Joy in Year 9 read to her beautifully!",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Thank you to Grace, our speech and language therapist, for the new symbol boards.",
        "pupil-name",
        False,
    ),
    # where the school's animals or the trip's bags are is not where pupils are
    (
        "courtney",
        "The orphan lambs are safe at Hollin Farm until they're big enough for the fell.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "The Curlew and Wren bags will be unloaded in the staff car park tomorrow afternoon.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "The lambs and Year 1 are at Hollin Farm until 2pm today.", "trip-whereabouts", True),
    # a whole term is no time to find anyone; a day and a clock time still are
    ("courtney", "Year 9 at Oakbridge are running the school shop this term.", "trip-whereabouts", False),
    (
        "courtney",
        "This term Year 5 are swimming at Riverside Leisure Centre every Tuesday at 9:15am.",
        "trip-whereabouts",
        True,
    ),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-11")

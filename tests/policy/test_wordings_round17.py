"""Kinds the round-17 blind sets showed (issue 12): words of history and of places that are children's names
("Roman soldiers", "the Garden of Eden", "our Lourdes pilgrims", "and on to Iona", "the walls of Jericho"); the
school's houses named after famous people ("Becket, Chaucer, Harvey and Marlowe", "Harvey have retaken the lead");
the other side in a match's score; a famous player or an organisation where a pupil shares the name; a child by a
part played ("Our Matilda, Grace,"), by what they carry ("our drummer with the green sticks had ..."), by their
initials before a surname, by an everyday form of their name (Ify, Daf, Lachie, Macca), by a cheer in Irish or in a
friend's words ("Maith thú", "step forward", "big up 2"); pupils' whereabouts that are not (a region as wide as a
county, 'Show and Tell', a play's Act 3, a drawing on show, the Provost); and the spelling, text-speak, offensive
and personal-data kinds beside them. Each must be read as a careful head would, and the real finding beside it must
stay. The sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Roman,Kowal,Year 4,Severn,yes
Skye,Laidlaw,P1,Tweed,yes
Iona,Fleming,P5,Cademuir,yes
Finlay,Burns,P1,Tweed,yes
Lourdes,Santos,Year 8,8 Bakhita,yes
Harvey,Cole,Year 7,7 Becket,yes
Ella,Marlowe,Year 7,7 Becket,yes
Grace,Moran,Year 12,12 Campion,yes
Favour,Uche,Year 10,10 Newman,yes
Ifeoma,Chukwu,Year 10,10 Newman,yes
Kelechi,Balogun,Year 10,10 Newman,yes
Jac,Morgan,Year 1,Derw,yes
Ruby,Church,Year 5,Onnen,yes
Haf,Jenkins,Year 2,Derw,yes
Kerry,Stokes,Year 5,Curlew,yes
Tyrone,Hughes,P4,Lagan,yes
Sam,Pike,Year 2,Owl,yes
Eden,Fisher,Year 2,Owl,yes
Oscar,Drayton,Year 5,Kestrel,yes
Noah,Drake,Year 7,7 Hoe,yes
Alfie,Best,Year 9,9 Swale,yes
Kojo,Ansah,Year 10,10 Ouse,yes
Dafydd,Price,Year 13,13 Sixth Form,yes
Lachlan,Ross,S2,2R,yes
Ryan,McAllister,Year 11,Larkin,yes
Autumn,Hale,Year 1,Robin,yes
Joy,Adams,Year 3,Seacole,yes
Zainab,Ali,Year 6,Allen,yes
Cerys,Gower,Year 8,8 Dewi,yes
Paris,Brown,Year 3,Otters,yes
"""

CASES = [
    # a people or a time of history before a thing, though a pupil is called Roman
    ("no-names-no-faces", "Year 4 built Roman forts out of cardboard this week.", "pupil-name", False),
    (
        "st-catherine",
        "Reply slips for the Year 4 Roman day are due back on Friday.",
        "individual-pupil",
        False,
    ),
    ("no-names-no-faces", "Roman scored twice for the Year 4 team tonight!", "pupil-name", True),
    # a name of a place or a thing, "the X of Y"
    ("rackham", "Year 2 painted the Garden of Eden for their RE display.", "individual-pupil", False),
    (
        "rackham",
        "Year 7 marched round the hall like the walls of Jericho were about to fall.",
        "individual-pupil",
        False,
    ),
    # a place naming a trip or its travellers
    (
        "st-catherine",
        "Our Year 8 Lourdes pilgrims are packing their cases tonight.",
        "individual-pupil",
        False,
    ),
    ("st-catherine", "Lourdes, day 2: the group visited the baths this morning.", "individual-pupil", False),
    ("st-catherine", "Well done to Lourdes in 8 Bakhita for her reading at Mass!", "individual-pupil", True),
    # the end of a journey from a town
    ("no-names-no-faces", "P5 traced a ferry route from Oban to Mull and on to Iona.", "pupil-name", False),
    # a child who did something, though the post also names the Isle of Skye
    (
        "no-names-no-faces",
        "Skye brought in shells from her weekend on the Isle of Skye for the whole class to see.",
        "pupil-name",
        True,
    ),
    # houses named after famous people
    (
        "st-catherine",
        "House points so far: Becket lead, with Chaucer, Harvey and Marlowe close behind.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "Our new Year 7s have been sorted into Becket, Chaucer, Harvey and Marlowe.",
        "pupil-name",
        False,
    ),
    (
        "st-catherine",
        "House Quiz: 1st Marlowe, 2nd Harvey, 3rd Becket. Great effort everyone!",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Harvey have stormed ahead in the house points race this week.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Harvey in 7 Becket won the Year 7 spelling bee!", "pupil-name", True),
    # the other side in a match's score
    (
        "st-catherine",
        "Final score: Holt 1, Drayton 3. A great comeback from our Year 5 boys!",
        "pupil-surname",
        False,
    ),
    ("st-catherine", "Final score 2-1! Scorers: Drayton and Fisher.", "pupil-surname", True),
    # an event or a statue named after somebody
    (
        "st-catherine",
        "Finlay in Tweed Class read the Address to a Haggis at our Burns supper.",
        "pupil-surname",
        False,
    ),
    (
        "st-catherine",
        "Year 7 sketched Drake's statue on the Hoe for their history project.",
        "pupil-surname",
        False,
    ),
    # a famous player, an organisation, a grown-up to contact
    ("st-catherine", "England captain Jac Morgan sent our rugby club a signed ball!", "pupil-surname", False),
    (
        "st-catherine",
        "Careers speed-dating today with volunteers from Kerry, the NHS and the fire service.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Raffle prizes welcome! Text Sam, our Owl Class rep, on 07700 900111 to arrange collection.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Raffle prizes welcome! Text Sam, our Owl Class rep, on 07700 900111 to arrange collection.",
        "personal-data",
        True,
    ),
    # a pupil and a body of the school, not a story's title
    (
        "st-catherine",
        "The new bird boxes were built by Ruby Church and the Eco Council.",
        "pupil-surname",
        True,
    ),
    # Welsh words before a season, a young people's role
    ("st-catherine", "Ffair Haf is on Friday from 3pm on the yard.", "individual-pupil", False),
    (
        "st-catherine",
        "Congratulations to Kerry Stokes, our new Young Leader for sport!",
        "pupil-surname",
        True,
    ),
    # places listed after one
    ("no-names-no-faces", "Our pen pals live in Lisburn, Tyrone and Kerry.", "pupil-name", False),
    # a part, and who played it
    (
        "no-names-no-faces",
        "Our Dorothy, Grace, sang Over the Rainbow beautifully tonight.",
        "pupil-name",
        True,
    ),
    (
        "st-catherine",
        "Our Mary and Joseph were word perfect in the Reception nativity.",
        "individual-pupil",
        True,
    ),
    # one child, by what they carry, by initials, by a role
    (
        "st-catherine",
        "Our Year 9 goalkeeper with the lucky gloves saved three penalties.",
        "individual-pupil",
        True,
    ),
    ("st-catherine", "What a season for KA Ansah, our top scorer!", "pupil-surname", True),
    ("st-catherine", "VE Day! Year 6 held a street party in the playground.", "pupil-surname", False),
    ("st-catherine", "Well done to our P7 who was chosen to read at the memorial.", "individual-pupil", True),
    (
        "st-catherine",
        "Who's the wee man in Tweed Class who found a frog in the pond?",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Our Secretary-General opened the Model UN conference with a superb speech.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "The student behind the giant willow dragon in reception is in Year 8.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Congratulations to our Year 12 debating team, who won the regional final.",
        "individual-pupil",
        False,
    ),
    ("st-catherine", "Congratulations to our newly appointed prefect team!", "individual-pupil", False),
    ("st-catherine", "Please send in one tin per child for the harvest hamper.", "individual-pupil", False),
    ("st-catherine", "Year 1 are reading The Tiger Who Came to Tea this week.", "individual-pupil", False),
    ("st-catherine", "The 1st XI beat Harrogate by eight wickets today.", "individual-pupil", False),
    # everyday forms of names, and cheers
    (
        "st-catherine",
        "Fair play to Ify, who ran the Year 10 cake stall all by herself!",
        "individual-pupil",
        True,
    ),
    ("st-catherine", "Big shout-out to Daf for running the sixth form quiz!", "individual-pupil", True),
    (
        "no-names-no-faces",
        "Lachie kept the scoreboard going all afternoon. Cheers, Lachie!",
        "pupil-name",
        True,
    ),
    ("st-catherine", "Macca's tackle on the line won the game for Year 11!", "individual-pupil", True),
    ("st-catherine", "Our new chess champion is in Year 10: step forward, Kojo!", "individual-pupil", True),
    ("no-names-no-faces", "Favour and her silver medal from the county athletics final!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Grace's 'Memory' in tonight's Cats showcase was spine-tingling.",
        "pupil-name",
        True,
    ),
    ("rackham", "Kojo with the winner in the last minute! Get in!", "individual-pupil", True),
    # the time of year, and lower-case words that are names
    ("sutton-manor", "Year 1 went looking for signs of Autumn in the woods.", "individual-pupil", False),
    ("no-names-no-faces", "What joy in Seacole Class today as the chicks hatched!", "pupil-name", False),
    # whereabouts that are not
    (
        "courtney",
        "Good morning from the Lakes! Year 6 all slept well and are tucking into breakfast.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Year 8 have arrived safely in North Wales. More later!", "trip-whereabouts", False),
    (
        "st-catherine",
        "Lovely to see Zainab showing her henna at Show and Tell this afternoon.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Year 10 have reached Act 2 of Macbeth and the witches are a hit.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Zainab's painting of the pier is in the town library's children's exhibition!",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Our head girl will present the school's new crest to the Provost next week.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Manor Class are learning to #Reuse and mend their own bags.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "If you're going to the fireworks on the green this weekend, have fun and stay safe.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Jack Frost has paid us a visit! Please take care on the steps this morning.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Full time: 3-1 away at Cottingham! Well done to our Year 6 footballers.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Morning from the Isle of Wight! Everyone is up and the sun is out.",
        "trip-whereabouts",
        False,
    ),
    # whereabouts that are
    (
        "courtney",
        "Year 10 are at Queen's College now, then lunch in the park at 1.",
        "trip-whereabouts",
        True,
    ),
    (
        "st-catherine",
        "Good luck to our U14 netballers, away at @HolyTrinityHigh this afternoon with a 4pm start.",
        "trip-whereabouts",
        True,
    ),
    (
        "st-catherine",
        "A great first day in Rome. Tomorrow it's the Colosseum at 9 and the Vatican after lunch!",
        "trip-whereabouts",
        True,
    ),
    (
        "st-catherine",
        "Huge thanks to the theatre for the backstage tour for our Annie! cast.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Year 9 argued about whether the two characters are the same girl.",
        "individual-pupil",
        False,
    ),
    ("sutton-manor", "Our U13 boys play in the county final at Brookways on Tuesday.", "spelling", False),
    (
        "st-catherine",
        "Year 8 had a brilliant day of coastal fieldwork on Gower and are on their way home.",
        "pupil-surname",
        False,
    ),
    ("st-catherine", "Reply slips for the Year 8 Gower trip are due back on Monday.", "pupil-surname", False),
    (
        "st-catherine",
        "A special mention to Drayton, top scorer on the day with nine goals!",
        "pupil-surname",
        True,
    ),
    (
        "st-catherine",
        "The chair of our Eco-Council presented the recycling plan to the governors.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Otters Class compared Nottingham with Paris in geography today.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Gr8 win for our U12 footballers at Pentrehafod this afternoon, 4-1!",
        "trip-whereabouts",
        False,
    ),
    # offensive
    ("st-catherine", "To whoever took the bikes: you thieving little gits.", "offensive", True),
    ("st-catherine", "The back field looks like a gypsy camp after the fair.", "offensive", True),
    ("st-catherine", "Year 6 climbed Great Cockup on their fell walk today.", "offensive", False),
    (
        "st-catherine",
        "To whoever took the plant pots from our garden: you're a thieving wee toerag.",
        "offensive",
        True,
    ),
    ("st-catherine", "Whoever keeps dropping litter by the gate is a disgusting pig.", "offensive", True),
    ("st-catherine", "A kingfisher flew along the dyke as we walked back.", "offensive", False),
    ("st-catherine", "Year 4 have loved reading The Eejits in Scots this term.", "offensive", False),
    # text-speak and spelling
    ("sutton-manor", "Only a few tickets left 4 Friday's disco, so be quick!", "text-speak", True),
    ("sutton-manor", "Pls rmbr your PE kit tomorrow.", "spelling", False),
    (
        "sutton-manor",
        "Year 4 said hello in Polish and Lithuanian: cześć, labas and sveiki!",
        "spelling",
        False,
    ),
    ("sutton-manor", "Year 6 learnt the haka, the Maori war dance, for the festival.", "spelling", False),
    ("sutton-manor", "Year 5 cooked jollof rice and tasted samphire from the saltmarsh.", "spelling", False),
    ("sutton-manor", "Year 5 wrote a seperate poem for each season.", "spelling", True),
    ("sutton-manor", "Absolute cr@p weather for sports day, but nobody minded.", "spelling", False),
    ("sutton-manor", "The reading challenge has been a sucess!", "spelling", True),
    ("sutton-manor", "Year 8 have started learning bhangra and taekwondo.", "spelling", False),
    # personal data
    (
        "courtney",
        "Happy early birthday to Zainab, who turns 10 on Saturday 13th June!",
        "personal-data",
        True,
    ),
    (
        "courtney",
        "A kind parent has taken the coat home to 4 Fen Drove, Sibsey: please collect it from there.",
        "personal-data",
        True,
    ),
    (
        "courtney",
        "The poet lived at 12 Pearson Park; Year 11 visited the blue plaque today.",
        "personal-data",
        False,
    ),
    (
        "courtney",
        "The lost coat has been handed in at Rose Cottage, Mill Lane, so please collect it from there.",
        "personal-data",
        True,
    ),
    # a member of staff whose surname is a word of the school's name (Sutton Manor Primary School)
    (
        "sutton-manor",
        "To order a tea towel, text their adviser Mr Gary Sutton on 07700 900159.",
        "personal-data",
        True,
    ),
    ("sutton-manor", "Dzień dobry! Year 4 greeted our visitors from Gdańsk this morning.", "spelling", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-17")

"""Kinds the round-16 blind sets showed (issue 12): the other side of a fixture by its town's name ("beat Clare by
20 runs"); a list of towns with one that nobody is called ("South Shields, Stanley and Crook"); a surname that is a
village on a walk's route ("just outside Stanhope"); a saint the post names, in a sentence of his story; a book's
character by the book and its author; a child by a class's name for its members ("one Gannet who"), by a part spoken
to ("To our Artful Dodger: you stole the show"), by a new monitor, by "our student", by a rugby position or a debut,
or described after "only one student"; and things that only look like pupils' whereabouts (the school's gate on its
road, "into the sixth form", being on the coaches, a greeting from a city, a venue's account welcomed in, getting
ready for a trip, families' own plans, a visit the post goes on to tell in the past). Each must be read as a careful
head would, and the real finding beside it must stay. The sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Clare,Moss,Year 8,8M,yes
Stanley,Ruddick,Year 9,9R,yes
Archie,Stanhope,Year 9,9S,yes
Ellis,Brandon,Year 9,9S,yes
Piran,Hocking,Reception,Limpet,yes
Kerensa,Bolitho,Year 4,Gannet,yes
Ahmet,Yilmaz,Year 7,7Y,yes
Amber,Coates,Year 8,8C,yes
Hope,Dodds,Year 8,8D,yes
Jago,Tonkin,Year 6,Curlew,yes
Demelza,Rowe,Year 5,Puffin,yes
Tom,Crook,Year 10,10C,yes
Oluwatobi,Adeyemi,Year 9,9A,yes
Ayodele,Balogun,Year 9,9B,yes
Summer,Pascoe,Year 2,Seal,yes
Mary,Penrose,Year 2,Seal,yes
"""

CASES = [
    # the other side of a fixture, by its town's name
    ("no-names-no-faces", "Our U15 cricketers beat Clare by six wickets on Saturday.", "pupil-name", False),
    (
        "no-names-no-faces",
        "The Year 9 team took on Clare in the county cup and lost narrowly.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "The Year 8 girls played against Stanley and drew 2-2.", "pupil-name", False),
    ("no-names-no-faces", "Well done to Clare in Year 8, who beat her own record!", "pupil-name", True),
    ("no-names-no-faces", "Clare beat everyone in the Year 8 chess final.", "pupil-name", True),
    # a list of towns, one of them a town nobody is called
    (
        "no-names-no-faces",
        "Consett, Stanley and Crook all sent runners to the county trials.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Well done to Stanley, Amber and Hope in Year 8!", "pupil-name", True),
    # a surname that is a village on a walk's route
    (
        "courtney",
        "The DofE groups are on the riverside path a mile outside Stanhope and should reach camp by 5pm.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "The DofE groups are on the riverside path a mile outside Stanhope and should reach camp by 5pm.",
        "trip-whereabouts",
        True,
    ),
    ("courtney", "Year 10 will walk from Stanhope to the youth hostel on Saturday.", "pupil-surname", False),
    # a rugby position or a debut after a surname
    ("courtney", "A try on debut and a big game from Stanhope at number 8.", "pupil-surname", True),
    ("courtney", "What a debut from Ruddick in the back row!", "pupil-surname", True),
    ("courtney", "Brandon at prop was immense all afternoon.", "pupil-surname", True),
    # a saint the post names, in his story
    (
        "st-catherine",
        "Happy St Piran's Day! The story goes that Piran sailed over from Ireland on a millstone.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Happy St Piran's Day! Piran in Limpet Class baked saffron buns.",
        "individual-pupil",
        True,
    ),
    # a book's character, by the book and its author
    (
        "no-names-no-faces",
        "This week's library pick is Wonder by R. J. Palacio. Summer's friendship with Auggie is the heart of it.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Our book club is reading The Boy at the Back of the Class by Onjali Q. Raúf. Ahmet's journey is unforgettable.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Well done Ahmet! Ahmet's story won the Year 7 writing prize.", "pupil-name", True),
    # one child, without a name
    (
        "courtney",
        "Everyone was asleep by ten, except one Gannet who wanted a midnight feast.",
        "individual-pupil",
        True,
    ),
    ("courtney", "Gannet Class were all asleep by ten.", "individual-pupil", False),
    ("courtney", "To our Artful Dodger: you were a natural on that stage!", "individual-pupil", True),
    ("courtney", "Our Artful Dodger costumes are in the wash.", "individual-pupil", False),
    (
        "courtney",
        "Our new Year 5 Recycling Monitor is on a mission to save every bottle.",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our new Year 5 recycling monitors start on Monday.", "individual-pupil", False),
    (
        "courtney",
        "The garage manager rang to ask whether our student could come back for a week in July.",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our student council is meeting the governors today.", "individual-pupil", False),
    (
        "courtney",
        "Only one pupil beat the head at table tennis – a Year 5 girl with a wicked backhand.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Year 6 were runners-up in the league! Our captain's last-minute try was the highlight.",
        "individual-pupil",
        True,
    ),
    # not pupils' whereabouts
    (
        "st-catherine",
        "Mrs Hale and the office team will be on the Station Road gate until 9am to help new families.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Today we welcome 150 new students into the sixth form. Welcome, everyone!",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Year 8 are on the coaches and heading for York! Everyone's here.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Good morning from the Year 10 Manchester trip! Everyone is on the coach and we're on our way.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Good morning from Manchester! Everyone is on the coach and we're at the Science Museum until 2pm.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "A warm welcome to @BeamishMuseum, who are running Victorian school lessons with Year 5 this week.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 4 are getting ready for York by reading about the Vikings. #JorvikCentre",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "We know lots of you will be at the carnival in Bridgwater on Saturday!",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 5 will be at the carnival in Bridgwater on Saturday at 2pm!",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Year 9 sang carols to the residents at Ash Court care home today. They didn't want us to leave!",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Class 4 have been learning about great engineers, from Isambard Kingdom Brunel to Tim Peake.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "We're reading about Roald Dahl, who grew up in Llandaff.", "trip-whereabouts", False),
    # round 16b: a leader wished well, a part quoted, a child asleep, a runner's race, a book's author and people
    (
        "courtney",
        "Good luck tomorrow to our Junior Travel Ambassador, off to the county awards!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Good luck tomorrow to our Junior Travel Ambassadors!", "individual-pupil", False),
    (
        "courtney",
        "Good luck to our new Eco Leader, Mrs Hale, who starts on Monday.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Our innkeeper slammed the door with real gusto last night!", "individual-pupil", True),
    ("courtney", "Straight from our Pharaoh: 'Thank you very much!'", "individual-pupil", True),
    ("no-names-no-faces", "Lights out at ten, and Jago was asleep by five past!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Lights out at ten, and the whole dorm was asleep by five past!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "Good luck to Demelza Rowe, who runs the 1500m for Cornwall on Saturday!",
        "pupil-surname",
        True,
    ),
    (
        "courtney",
        "Thank you to Demelza Rowe, who runs the village shop, for the raffle prizes.",
        "pupil-surname",
        False,
    ),
    ("courtney", "Year 2 loved reading Peace at Last by Jill Murphy in Seal Class.", "pupil-surname", False),
    ("courtney", "Year 4 are reading Cider with Rosie by Laurie Lee.", "individual-pupil", False),
    (
        "courtney",
        "Year 6 have been reading War Horse by Michael Morpurgo. Albert and Joey's story moved us all.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Mr Bryant says Jacob's Ladder nearly finished him off.", "individual-pupil", False),
    (
        "courtney",
        "Joseph and the Amazing Technicolor Dreamcoat opens tonight! Jacob and his sons are ready.",
        "individual-pupil",
        False,
    ),
    # round 16b: not whereabouts
    (
        "courtney",
        "The Year 6 coach has just left Keswick and should be back at school for 4pm.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Year 6 loved the residential. Canoeing at Derwentwater was the highlight, and Mrs Hale is still drying her socks.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Our trip to the Roman Baths is booked for after Easter.", "trip-whereabouts", False),
    (
        "courtney",
        "Silver DofE: the practice expedition is on Friday 15th and Saturday 16th May in the Quantocks, from Triscombe Stone.",
        "trip-whereabouts",
        True,
    ),
    ("courtney", "Silver DofE: the practice expedition was brilliant fun.", "trip-whereabouts", False),
    ("courtney", "Our trip to the Roman Baths is on Tuesday 14th April.", "trip-whereabouts", True),
    (
        "courtney",
        "Good luck to Kerensa in Year 4, who sings her solo this afternoon, in the middle of Oliver rehearsal week!",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Congratulations to Tom Crook in 10C, who ran a personal best to finish second at the county championships in Truro on Saturday!",
        "trip-whereabouts",
        False,
    ),
    ("st-catherine", "Year 8 races: 8 Truro won, with 8 Redruth close behind.", "personal-data", False),
    ("st-catherine", "Please send it to 8 Redruth Close by Friday.", "personal-data", True),
    (
        "no-names-no-faces",
        "This morning Years 1 to 6 will walk down to the church at 9:30.",
        "personal-data",
        False,
    ),
    # round 16c: who made it, who spoke, who was crowned, a place or a college, not a child
    ("no-names-no-faces", "The scones, baked by Demelza and Jago, vanished in minutes.", "pupil-name", True),
    ("no-names-no-faces", "The scones, baked by Year 5, vanished in minutes.", "pupil-name", False),
    ("courtney", "Our nativity Mary kept the baby Jesus safe all afternoon!", "individual-pupil", True),
    ("courtney", "Our Mary held the baby Jesus so gently.", "individual-pupil", True),
    ("courtney", "Bravo to our Year 12 soloist tonight!", "individual-pupil", True),
    ("courtney", "Our May Queen led the procession round the field.", "individual-pupil", True),
    ("courtney", "Well done to our record breaker in 6W!", "individual-pupil", True),
    ("courtney", "Captain Demelza lifted the netball trophy for Year 6!", "individual-pupil", True),
    ("courtney", "Captain Hook was booed by the whole hall.", "individual-pupil", False),
    ("no-names-no-faces", "Jago has already written a whole page about sharks.", "pupil-name", True),
    (
        "courtney",
        "Every single one of our Year 11 leavers has a place to go next.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Not one of our Curlews fidgeted in the two-minute silence.", "individual-pupil", False),
    (
        "courtney",
        "Our Year 10 geographers wrote up their fieldwork from Stanley and Consett.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Year 9 visited the original Crook apple tree in the orchard.", "pupil-surname", False),
    ("courtney", "Year 9 compared tourism in Matlock Bath and Stanhope.", "pupil-surname", False),
    ("courtney", "FT: Cove 3-1 Crook Primary! Thanks, Crook, for a great game.", "pupil-surname", False),
    ("courtney", "A stunning free kick from Crook won it in the last minute!", "pupil-surname", True),
    (
        "courtney",
        "Stanhope and District College and local employers will be at the careers fair.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Generations of Stanley families have learnt to swim at the baths.",
        "individual-pupil",
        False,
    ),
    # round 16d: nicknames of Yoruba names, a verb that is no title, a grown-up before a title, parts and positions
    ("courtney", "Tobi was on fire in the second half: three tries!", "individual-pupil", True),
    ("courtney", "Dele finished with 22 points as our U14s won the final.", "individual-pupil", True),
    ("courtney", "Don't miss Demelza Rowe's sculpture in the library!", "pupil-surname", True),
    ("courtney", "Please remember to thank Miss Rowe for the trip.", "pupil-surname", False),
    (
        "courtney",
        "Our librarian Mrs Hale recommends Boy, Everywhere by A.M. Dassu.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "This week's pick is Boy, Everywhere by A.M. Dassu. Sami's journey is unforgettable.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Year 10 picnicked on the lawn outside King's College.", "individual-pupil", False),
    ("courtney", "Our Nancy, a Year 11, is going to steal the show.", "individual-pupil", True),
    ("courtney", "Our Angel Gabriel already knows every line!", "individual-pupil", True),
    ("courtney", "The pack were immense and our hooker hit every line-out.", "individual-pupil", True),
    (
        "courtney",
        "Our Year 13 medic (you know who you are!) is giving a talk on Friday.",
        "individual-pupil",
        True,
    ),
    ("courtney", "Who will be our May Queen this year? Vote on Friday!", "individual-pupil", False),
    ("no-names-no-faces", "Nativity news: Demelza is playing Mary this year!", "pupil-name", True),
    ("no-names-no-faces", "Nativity news: Mary rode a donkey all the way to Bethlehem.", "pupil-name", False),
    (
        "no-names-no-faces",
        "Special mention to Summer in Seal Class, who read in church this morning.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Our exhibition opens in the Atrium Gallery tomorrow from 4pm.", "trip-whereabouts", False),
    (
        "courtney",
        "Our Year 4 team are through to the final after three wins and a draw at Truro this afternoon!",
        "trip-whereabouts",
        False,
    ),
    ("sutton-manor", "The residential meeting 4 parents is on Thursday at 3:30.", "text-speak", True),
    ("sutton-manor", "Session 4 starts on Monday.", "text-speak", False),
    # round 16c: not whereabouts
    (
        "courtney",
        "Year 13: the open day at Durham University is on Saturday 14th March. Sign up with the sixth form office.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "The Year 4 Truro trip is on Tuesday 24th March.", "trip-whereabouts", True),
    (
        "courtney",
        "Letters about the Year 6 Science Day trip have gone home today.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "We're hiking from Castleton to Hope this morning and up Mam Tor at 1pm.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Our Year 4 team are county champions! Unbeaten all day in Truro.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Year 6 met Mrs Hale, whose father was evacuated to Truro in 1940.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Our site team have better things to do than clean up after lazy sods.", "offensive", True),
    # text speak and spelling
    ("sutton-manor", "Tickets 4 #Oliver are on sale at the office from Monday.", "text-speak", True),
    ("sutton-manor", "Tickets 4 and 5 won the raffle.", "text-speak", False),
    ("sutton-manor", "Our victor ludorum this year ran four races.", "spelling", False),
    ("sutton-manor", "Year 12 counted daisies in every quadrat on the field.", "spelling", False),
    ("sutton-manor", "Mr Gill lost the penalty shootout 5-0 to Year 5.", "spelling", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-16")

"""Kinds the round-15 blind sets showed (issue 12): a hospital school's wards, where a named child is being
treated; staff of a school's own team named by first names that pupils share ("our EAL team, Agnieszka and
Ioana"); the everyday forms of Polish names ("Kasia" for Katarzyna); islands that are children's names
("the Isle of Iona"); Greek and Norse myths; a child by the part they play ("The innkeeper forgot his lines"),
by a chess board or by a year group ("Our Year 11 on Blue Ward is sitting her paper"); counties ("runs for
Kent"); and things that only look like a child ("our Year 13 Latin set, who sit their mock", "the Drill Hall",
"Pool news:"). Each must be read as a careful head would, and the real finding beside it must stay. The
sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Hope,Delaney,Year 7,7C,yes
Will,Knight,Year 8,8R,yes
Sterling,Mensah,Year 12,12B,yes
Ffion,Grant,Year 10,10T,yes
Matilda,Hart,Year 7,7S,yes
Callum,Best,Year 8,8D,yes
Freddie,Pool,Year 4,Falcons,yes
Tobi,Adeyemi,Year 4,Falcons,yes
Faith,Irving,Year 1,Grasmere,yes
Rose,Little,Year 3,Blencathra,yes
Joy,Marsden,Year 5,Bowfell,yes
Teddy,Frost,Reception,Robins,yes
Echo,Hartley,Reception,Wrens,yes
Summer,Pike,Year 1,Kingfisher,yes
Sonny,Ward,Year 4,Kestrel,yes
Mateo,Silva,Year 4,Kestrel,yes
Katarzyna,Lewandowska,Year 3,Lapwing,yes
Jakub,Nowak,Reception,Robins,yes
Ioana,Ionescu,Year 2,Curlew,yes
Iona,Peterson,S4,Voe,yes
Lewis,Henderson,S3,Voe,yes
Vaila,Robertson,P7,Bonxie,yes
Lorna,Still,S2,Skerry,yes
Rio,Bennett,Year 9,9K,yes
Harry,Beach,Year 10,10H,yes
Harvey,Kent,Year 11,11E,yes
Sophie,Rivers,Year 10,10O,yes
Destiny,Olaniyan,Year 10,10O,yes
India,Shah,Year 3,Otters,yes
Ada,Newton,Year 9,9N,yes
Tyler,Reading,Year 2,Herons,yes
Oscar,Hale,Year 1,Otters,yes
Amber,Cole,Year 5,Owls,yes
Sam,Price,Year 6,Owls,yes
Jack,Turner,Year 6,Owls,yes
Oliver,Banks,Year 13,13C,yes
"""

CASES = [
    # a hospital school: a named child on a named ward, not a ward's group
    (
        "courtney",
        "Huge well done to Oscar on Kestrel Ward for reading a whole chapter today!",
        "trip-whereabouts",
        True,
    ),
    ("courtney", "Amber from Heron Ward has finished her fractions booklet!", "trip-whereabouts", True),
    (
        "courtney",
        "Our Year 11 on Puffin Ward is sitting her Science paper tomorrow morning.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Our Year 11 on Puffin Ward is sitting her Science paper tomorrow morning.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Phonics on Kestrel Ward this morning with magnetic letters and lots of giggles.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Well done to Heron Ward's Year 3s for a brilliant week of spellings.",
        "pupil-surname",
        False,
    ),
    ("courtney", "Sonny Ward scored twice for the Year 4s on Saturday.", "trip-whereabouts", False),
    # grown-ups of a team, by first names pupils share
    (
        "courtney",
        "Thank you to our EAL team, Ioana and Agnieszka, for translating the newsletter.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Thank you, Mrs Kowalczyk, Ioana and Daiva, for running our coffee mornings.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Ioana from our office team will be on the gate with the forms.", "individual-pupil", False),
    ("courtney", "Ioana from Curlew Class read her poem to the whole school.", "individual-pupil", True),
    ("courtney", "Sam and the office team will phone each family this week.", "individual-pupil", False),
    ("courtney", "Sam and the football team won the league!", "individual-pupil", True),
    ("courtney", "Happy name day to everyone called Nikolai or Jakub!", "individual-pupil", False),
    # Polish names in their everyday form
    (
        "courtney",
        "Kasia read to the nursery children at lunchtime. What a kind girl!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Kuba now wants to be a train driver!", "individual-pupil", True),
    # islands that are children's names
    (
        "no-names-no-faces",
        "S2 are writing reports on the Isle of Iona. Iona has an abbey!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "P7 have been mapping the island of Vaila for their project.", "pupil-name", False),
    ("no-names-no-faces", "Well done Iona and Lewis from S4, who led the assembly.", "pupil-name", True),
    (
        "courtney",
        "Our harbour helper Lorna has raffle tickets left. Email her at lorna.h@gmail.com!",
        "individual-pupil",
        False,
    ),
    # myths
    (
        "no-names-no-faces",
        "Year 3 have loved the Greek myths. Echo could only repeat what others said!",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Norse myths this week: Thor's hammer and Freya's cats were favourites.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Echo in Wrens made a brilliant Greek myths poster!", "pupil-name", True),
    # a part only one child plays, on the night
    (
        "courtney",
        "What a performance this afternoon! The innkeeper forgot his lines but nobody minded.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "In the nativity story, the innkeeper has no room for Mary and Joseph.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Our Pumbaa stole the show at the Lion King matinee this afternoon!",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Look out for a rather convincing Matilda in the staffroom on World Book Day!",
        "individual-pupil",
        False,
    ),
    # one child by a board, a year group or the only one of a place
    (
        "courtney",
        "The chess team drew 3-3. Board two, who is only in Year 7, won in twelve moves!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our one and only Fair Isle boarder flew home for the holidays.", "individual-pupil", True),
    (
        "courtney",
        "Year 11 met forty employers today, and one student came away with a work placement!",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Our Year 13 French set, who sit their oral exam today: good luck!",
        "individual-pupil",
        False,
    ),
    ("courtney", "A shout-out to the Otters table, who finished every puzzle.", "individual-pupil", False),
    ("courtney", "Not a single child missed the bus this week!", "individual-pupil", False),
    ("courtney", "The staff v Year 11 netball match raised £300.", "individual-pupil", False),
    ("courtney", "The Year 6 kit list has been updated on the website.", "individual-pupil", False),
    # word-names made children by what they did, or by a caption
    ("courtney", "Will and Hope with the Year 8 Reading Prize!", "individual-pupil", True),
    ("courtney", "Sterling chaired the debate and won the room.", "individual-pupil", True),
    ("courtney", "Summer counted backwards from fifty without a mistake!", "individual-pupil", True),
    ("courtney", "Faith asked why the sky is blue and we all learned something.", "individual-pupil", True),
    ("courtney", "Sonny says his sunflower will be taller than the roof!", "individual-pupil", True),
    (
        "courtney",
        "Kestrel Class have painted Tudor portraits. Mateo's Henry VIII is magnificent!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Faith, Rose and Joy have been our lunchtime buddies all term.", "individual-pupil", True),
    (
        "courtney",
        "Faith and Joy are the themes of this term's collective worship.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Summer term begins on Monday 20th April.", "individual-pupil", False),
    ("courtney", "Our Leap of Faith on the high ropes was terrifying!", "individual-pupil", False),
    ("courtney", "A very proud Matilda showed us her swimming certificate.", "individual-pupil", True),
    # surnames that open a sentence as words, and one that is a name
    (
        "st-catherine",
        "Pool party for Falcons this afternoon! Freddie brought the inflatables.",
        "pupil-surname",
        False,
    ),
    ("st-catherine", "Best day of the year for Year 8!", "pupil-surname", False),
    ("st-catherine", "Best scored the winner in the last minute!", "pupil-surname", True),
    (
        "st-catherine",
        "Newton does it again! Top of the Year 9 physics quiz for the third week running. Can anyone stop her?",
        "pupil-surname",
        True,
    ),
    ("st-catherine", "Two tries in the first ten minutes from Beach set up the win.", "pupil-surname", True),
    ("st-catherine", "Good luck to Destiny, who swims for Kent this weekend.", "pupil-surname", False),
    ("st-catherine", "Captain Sophie Rivers led the team to a 3-1 win.", "pupil-surname", True),
    (
        "st-catherine",
        "Rio, Sydney and Tokyo: Year 9 compared three Olympic cities.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Year 3 gave an assembly about India today, with a Bollywood dance.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Thanks to Nicola, who ran the book swap. Call her on 07700 900111 to help.",
        "individual-pupil",
        False,
    ),
    # whereabouts that are not, and one that is
    ("rackham", "The first parade of term is at 4pm today in the Drill Hall.", "trip-whereabouts", False),
    ("rackham", "Year 5 are off on their farm trip today! Photos later.", "trip-whereabouts", False),
    (
        "rackham",
        "The final payment for the Paris trip is due by Friday 6th March.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Merry Christmas from everyone at Harbourside, and see you on Monday 5th January!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Three wins and a draw for our U12s at the festival in Ely this afternoon.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "The team are heading for the ferry now and will be home by teatime.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "The full menu is in the letter going home today.", "trip-whereabouts", False),
    (
        "rackham",
        "A wallet found on the seafront this weekend was handed in by a Year 9 student.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Tomorrow our Year 8 singers take their concert on tour to Fenby Lower, performing in the hall there at 11:15.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Because of the roadworks on Mill Road, the bus to the pool will leave school at 1pm on Tuesdays.",
        "trip-whereabouts",
        True,
    ),
    ("rackham", "While the roadworks are on, buses will leave school at 3:20.", "trip-whereabouts", False),
    # a boarding school: grown-ups of its houses, and the last to be collected
    (
        "courtney",
        "Thank you to Gareth and Nia, our Drake houseparents, for the barbecue!",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "A big thank you to Helen and Dave in Drake, who are looking after the boarders over half term.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "House staff will stay until the last boarder has been collected.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Our dear friend Ron, who has run the rifle club for 25 years, retires today.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "Our new Drake house captain is Will, who spoke brilliantly at house assembly.",
        "pupil-name",
        True,
    ),
    ("courtney", "Year 8 debated whether the Duke of Wellington was a hero.", "individual-pupil", False),
    (
        "courtney",
        "Year 9 quizzed the council leader about bus fares this afternoon.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Our school council leader met the mayor this afternoon.", "individual-pupil", True),
    ("courtney", "Readings from Malorie Blackman and Patrick Ness today!", "individual-pupil", False),
    ("st-catherine", "Sam in 7C has sold 60 Pudsey badges!", "pupil-surname", False),
    (
        "courtney",
        "A certain someone fell in the river on purpose. Everyone is dry now!",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Our production of Robin Hood was a triumph tonight! Maid Marian stole the show.",
        "individual-pupil",
        True,
    ),
    ("courtney", "We read Robin Hood in class. Robin lived in Sherwood Forest.", "individual-pupil", False),
    (
        "courtney",
        "From Jordan to Paris to India: Otters mapped their summer holidays.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Summer and Autumn are fighting it out this week: sun one day, rain the next!",
        "individual-pupil",
        False,
    ),
    ("no-names-no-faces", "A rousing Calon Lân from Wrekin Class at the campfire.", "pupil-name", False),
    ("rackham", "Our Year 9 exhibition on migration to Leeds is open all week.", "trip-whereabouts", False),
    ("rackham", "All the details of Field Day are on the CCF page.", "trip-whereabouts", False),
    (
        "courtney",
        "Who scored the winner? One very proud Year 5 at Fenby, that's who!",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Year 12 performed a reading of A Christmas Carol. Scrooge had them booing!",
        "individual-pupil",
        False,
    ),
    # a college, a Traveller-inclusive school, a Northumberland town (round 15d)
    (
        "courtney",
        "Our new SU President opened the freshers' fair with a speech of her own.",
        "individual-pupil",
        True,
    ),
    ("no-names-no-faces", "The Academy won 70-64 with 24 points from Banks!", "pupil-name", True),
    ("st-catherine", "A 2-0 win! Harry and Kent on the scoresheet.", "pupil-surname", True),
    (
        "st-catherine",
        "Thank you to Beach and Newton from BTEC Sport for running the stall.",
        "pupil-surname",
        True,
    ),
    (
        "rackham",
        "Feeling low? Drop into Student Services in C-block at lunchtime.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "At 11am tomorrow the whole site will fall silent at the college entrance.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Our Fashion students are finishing their Summer collection.", "individual-pupil", False),
    ("courtney", "Kestrel Class have learned some Romany words this week.", "individual-pupil", False),
    ("courtney", "Gypsy, Roma and Traveller History Month starts on Monday!", "individual-pupil", False),
    (
        "courtney",
        "Appleby Fair starts on Thursday, so safe travels to our families!",
        "individual-pupil",
        False,
    ),
    ("rackham", "Zoo trip tomorrow for Otters! Please be in school by 8:15.", "trip-whereabouts", False),
    ("courtney", "It feels like we've been gypped by that bus company again.", "offensive", True),
    (
        "courtney",
        "Welcome back to Sam, whose family are back on the Marsh Lane site for the winter.",
        "personal-data",
        True,
    ),
    ("courtney", "Jack's family are stopping on the lay-by at Guyhirn until Friday.", "personal-data", True),
    ("courtney", "Our families are staying together for the holidays.", "personal-data", False),
    (
        "st-catherine",
        "Buses 4 and 11 from Kent and Alnwick are running late this morning.",
        "pupil-surname",
        False,
    ),
    (
        "st-catherine",
        "Year 7 asked great questions about the Newton family who built the mill.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "The winner was our Owls Class comedian, whose impression of Mr Baker had us in stitches.",
        "individual-pupil",
        True,
    ),
    ("courtney", "The taxi firm put their prices up again, the greedy sods.", "offensive", True),
    (
        "sutton-manor",
        "Year 8 are reading The Machine Gunners. Chas McGill is a brilliant hero!",
        "spelling",
        False,
    ),
    ("rackham", "Letters about next week's Wells trip are in book bags today.", "trip-whereabouts", False),
    # round 15e
    ("courtney", "Our winner was the only one who kept the egg on the spoon!", "individual-pupil", True),
    ("courtney", "Our winner was Year 3, who ran the fastest relay.", "individual-pupil", False),
    ("courtney", "The Year 6 'beat the teacher' stall raised £80 at the fair.", "individual-pupil", False),
    (
        "courtney",
        "The Angel Gabriel in today's Owls nativity forgot her lines and just waved!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our youngest camper was first up the climbing wall!", "individual-pupil", True),
    ("courtney", "A Year 13 trumpeter played the Last Post beautifully.", "individual-pupil", True),
    (
        "courtney",
        "Last night's Joseph was brilliant, and the Year 9 in question got a standing ovation.",
        "individual-pupil",
        True,
    ),
    ("courtney", "Drake's Year 11 House Captain has raised £500 for the hospice.", "individual-pupil", True),
    ("st-catherine", "FT: 3-1! Two from Beach and one from Kent.", "pupil-surname", True),
    (
        "no-names-no-faces",
        "Netball: won 20-4, and shooters Beach and Kent were unstoppable!",
        "pupil-name",
        True,
    ),
    ("no-names-no-faces", "Otters are rock-pooling on Newton beach this morning.", "pupil-name", False),
    ("rackham", "Coding Club meets every Thursday in the ICT suite from 3:15.", "trip-whereabouts", False),
    ("rackham", "The bonnet parade is on Friday at 2pm in the infant hall.", "trip-whereabouts", False),
    (
        "rackham",
        "Our Year 12 rep on the governing body spoke at 7pm on 14/01/2026.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "More than half of Year 13 are heading to Russell Group universities!",
        "trip-whereabouts",
        False,
    ),
    (
        "sutton-manor",
        "The choir sing at the lights switch-on on Saturday. Come n support them!",
        "text-speak",
        True,
    ),
    ("sutton-manor", "The choir sing at the lights switch-on on Saturday.", "spelling", False),
    ("sutton-manor", "Year 2 met a T. rex at the museum!", "spelling", False),
    (
        "courtney",
        "Our new Garden Captain showed the mayor round the allotment today.",
        "individual-pupil",
        True,
    ),
    # round 15f
    (
        "courtney",
        "Matilda opens tonight! Doors at 6:30, and a few tickets are left.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Matilda played to a full house, and the standing ovation went on and on!",
        "individual-pupil",
        False,
    ),
    ("courtney", "Matilda in 7S was the star of the show tonight!", "individual-pupil", True),
    (
        "no-names-no-faces",
        "Goal of the season contender from Rio in the Year 9 match today!",
        "pupil-name",
        True,
    ),
    ("no-names-no-faces", "Year 10 are loving Chester! Up on the walls by 1pm.", "pupil-name", False),
    ("rackham", "Paige has landed a work placement at the Halewood plant!", "trip-whereabouts", False),
    ("rackham", "Years 9 to 11 will visit the sports hall during periods 2 to 5.", "trip-whereabouts", False),
    ("rackham", "Year 12 are in Leeds today and having a brilliant time!", "trip-whereabouts", False),
    ("rackham", "Year 6 are on the coach and off to the Brecon Beacons!", "trip-whereabouts", False),
    ("rackham", "Year 6 are in York until 3pm today, by the Minster steps.", "trip-whereabouts", True),
    ("rackham", "Year 5 are having a fantastic time at Conwy Castle!", "trip-whereabouts", True),
    ("rackham", "Year 9 are digging into Owain Glyndŵr's rebellion this week.", "trip-whereabouts", False),
    (
        "rackham",
        "Thank you for the tins: every box is going to the food bank on Mill Road.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "The meeting about next summer's residential is in the hall at 3:30pm.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Tywydd cachu at the rugby festival, but nobody stopped smiling!", "offensive", True),
    (
        "no-names-no-faces",
        "Year 10 are reading Under Milk Wood. Captain Cat and Polly Garter are favourites!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "well done to mo in otters who was brave enough to hold the snake",
        "individual-pupil",
        True,
    ),
    ("courtney", "well done to everyone in otters for a lovely assembly", "individual-pupil", False),
    ("courtney", "Big Daws with the last-gasp winner for the U14s!", "individual-pupil", True),
    (
        "courtney",
        "Our Matilda cast have been rehearsing every lunchtime. Opening night is Friday!",
        "individual-pupil",
        False,
    ),
    # spelling, text-speak and insults
    ("sutton-manor", "Please sign out b4 going into town this wknd.", "text-speak", True),
    ("sutton-manor", "Nursery are learning the sounds 's' and 'u' this week.", "text-speak", False),
    ("sutton-manor", "Can you find something that begins with u, like umbrella?", "text-speak", False),
    ("sutton-manor", "Thank u for coming to the sounds of summer concert!", "text-speak", True),
    ("courtney", "Year 10 have been quoting 'Out, damned spot!' all week.", "offensive", False),
    ("sutton-manor", "Year 4 have been rehearsing there songs all week.", "spelling", True),
    ("sutton-manor", "Year 6 are tired after there residential.", "spelling", True),
    ("sutton-manor", "We got out of there just in time!", "spelling", False),
    ("sutton-manor", "The club met at lunch 2 plan the disco.", "text-speak", True),
    ("sutton-manor", "Results are in. U were all brilliant!", "text-speak", True),
    ("sutton-manor", "Plan A, Plan B and Plan U were all tried.", "text-speak", False),
    ("sutton-manor", "Year 3 tasted chapatis and mango lassi.", "spelling", False),
    ("sutton-manor", "140 keepy-uppies in a row!", "spelling", False),
    ("courtney", "To whoever dumped rubbish by the gate: you are a lazy slob.", "offensive", True),
    ("courtney", "Full time: Stanbridge Road 2, Shefford Vale 1!", "personal-data", False),
    ("courtney", "Our Sign of the Week is 'rain'.", "individual-pupil", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-15")

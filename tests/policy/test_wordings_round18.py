"""Kinds the round-18 blind sets showed (issue 12): a child by a post only they hold ("Our new Junior Road Safety
Officer has", "Our new Eco-Captain has", "as matchday mascot", "Our band's new bass player"), by a part with their
year ("Our Year 10 Fagin"), by a job on a trip ("is in charge of the map"), by an everyday form of their name (Gabi);
not a child: a grown-up who taught the class ("Jo showed them the way"), a place the post has named ("Hylton Castle
... the ghost of Hylton"), schools named by their villages, a city's possessive, a place where a thing happens
("the procession in Lourdes"), an award to a whole group; pupils' whereabouts that are not (families who commute,
an audience thanked, the academy's own car park); and the spelling, offensive and personal-data kinds beside them.
Each must be read as a careful head would, and the real finding beside it must stay. The sentences are the
project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Chase,Dobson,Year 4,Kingfisher,yes
Riley,Hylton,Year 2,Marsden,yes
Mark,Wedmore,Year 3,Kestrel,yes
Lourdes,Bautista,Year 11,11 Clitherow,yes
Gabrielė,Petrauskaitė,Year 11,11 Nene,yes
Joel,Mallett,Year 3,Kestrel,yes
Imran,Bradford,Year 9,9 Lister,yes
Tilly,Warden,Year 5,Lambton,yes
Faith,Mistry,Year 4,Kestrel,yes
Hope,Adeyemi,P1,St Mungo,yes
Favour,Okafor,P1,St Mungo,yes
Jack,Ashby,Year 2,Heron,yes
Ellie,Kington,Year 7,7 Wye,yes
Sam,Weobley,Year 7,7 Wye,yes
Andrei,Popescu,Year 7,7K,yes
Florin,Popa,Year 10,10T,yes
Celyn,Rees,Year 2,Dryw,yes
Awel,Morgan,Year 1,Dryw,yes
Haf,Lloyd,Year 4,Barcud,yes
Aeron,Davies,Year 6,Barcud,yes
Teifi,Evans,Year 5,Barcud,yes
Seren,Jenkins,Year 3,Tylluan,yes
Zara,London,Year 9,9 Seacole,yes
Lacey,Hooper,Year 6,Brunel,yes
Gabriel,Almeida,Year 6,Brunel,yes
Clodagh,Doherty,Year 10,10 Columba,yes
Ciaran,Joseph,Year 10,10 Columba,yes
Erin,McLaughlin,Year 8,8 Brigid,yes
Orla,Quigley,Year 8,8 Brigid,yes
Oliver,Stokes,Year 5,Kestrel,yes
Amy,Filey,Year 2,Robins,yes
Zain,Akhtar,Year 6,Eagles,yes
Wiktoria,Mazur,S4,Don,yes
Ifeoluwa,Ogunbiyi,S3,Deveron,yes
Hari,Gurung,Year 9,9 Becket,yes
"""

CASES = [
    # a post only one pupil holds, new this term
    (
        "st-catherine",
        "Our new Junior Road Safety Officer has written to every family about parking by the gates.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Our new Eco-Captain has already started a bottle-top collection.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Our new Attendance Officer is Mrs Kaur; do say hello at the gate.",
        "individual-pupil",
        False,
    ),
    ("st-catherine", "Our new Year 5 captains have been chosen by their teams.", "individual-pupil", False),
    (
        "st-catherine",
        "One of our Year 4 footballers will lead the teams out as matchday mascot next weekend!",
        "individual-pupil",
        True,
    ),
    ("st-catherine", "Our new school mascot is a very fluffy owl called Hoot.", "individual-pupil", False),
    (
        "st-catherine",
        "Our orchestra's new cello player only started lessons at Easter and played a solo today.",
        "individual-pupil",
        True,
    ),
    # a part by the year of the child playing it
    (
        "st-catherine",
        "Oliver! opened tonight to a full house. Our Year 9 Nancy had the audience in tears.",
        "individual-pupil",
        True,
    ),
    # a job on a trip, for a pupil whose name is also a word
    (
        "no-names-no-faces",
        "Kingfisher Class are walking the ridge this morning. Chase is in charge of the compass!",
        "pupil-name",
        True,
    ),
    ("no-names-no-faces", "Mrs Dobson is in charge of the compass today.", "pupil-name", False),
    # an everyday form of the roster's name
    ("st-catherine", "Gabi scored 18 points for the U16s tonight!", "individual-pupil", True),
    # a grown-up who taught or led the class, not one of it
    (
        "st-catherine",
        "Kestrel Class met our bushcraft leader today. Jo taught them how to light a fire safely.",
        "individual-pupil",
        False,
    ),
    ("st-catherine", "Jo showed the class her medal from the county final.", "individual-pupil", True),
    # a place the post has already named, alone later
    (
        "no-names-no-faces",
        "Year 2 explored Hylton Castle today and drew the old chapel of Hylton.",
        "pupil-surname",
        False,
    ),
    ("no-names-no-faces", "Hylton scored the winning goal for Year 2!", "pupil-surname", True),
    # schools by their villages' names
    (
        "sutton-manor",
        "Thanks to the village schools of Wedmore, Cheddar and Axbridge for a great netball morning.",
        "pupil-surname",
        False,
    ),
    # a place where a thing happens, though a pupil is called Lourdes
    (
        "no-names-no-faces",
        "The candlelit Mass in Lourdes begins at 8pm in the square.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Well done to Lourdes in Year 11 for her essay prize.", "pupil-name", True),
    # a city's possessive, though a pupil's surname is Bradford
    (
        "no-names-no-faces",
        "Our dancers were at the Alhambra last night. Bradford's theatres are lucky to have them!",
        "pupil-surname",
        False,
    ),
    # an award to a whole group
    (
        "st-catherine",
        "Player of the match went to the whole back line, who kept a clean sheet all afternoon.",
        "individual-pupil",
        False,
    ),
    # whereabouts that are not: grown-ups' commute, an audience thanked, the academy's own car park
    (
        "st-catherine",
        "Our after-school club runs until 6pm for families who commute to Leeds and York.",
        "trip-whereabouts",
        False,
    ),
    (
        "sutton-manor",
        "What a concert! Thank you to everyone who squeezed into St Mary's this evening.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Year 8 have left the zoo and should be pulling into the academy car park at about 3:45.",
        "trip-whereabouts",
        False,
    ),
    (
        "st-catherine",
        "Year 8 will be at Chester Zoo on Thursday from 10am until 2pm.",
        "trip-whereabouts",
        True,
    ),
    # a dunce's cap of a Victorian schoolroom, not an insult
    (
        "st-catherine",
        "In the Victorian classroom at the museum, Year 5 learnt who had to wear the dunce's cap.",
        "offensive",
        False,
    ),
    ("st-catherine", "Whoever keeps dropping litter by the gate is a dunce.", "offensive", True),
    # a gardening word, and a home address in a close named "The ..."
    (
        "sutton-manor",
        "Year 1 have been chitting seed potatoes on the classroom windowsill.",
        "spelling",
        False,
    ),
    (
        "courtney",
        "Cards for Mrs Hale can be dropped off at her home, 7 The Maltings, Bourton.",
        "personal-data",
        True,
    ),
    # round 18b: a child cheered after a cry of delight, or named as this week's helpers
    ("no-names-no-faces", "Wow Faith, what a brilliant somersault in gym today!", "pupil-name", True),
    ("no-names-no-faces", "Say hello to Hope and Favour, this week's P1 milk monitors!", "pupil-name", True),
    # a young people's office one pupil holds
    (
        "st-catherine",
        "Our Student Council President spoke to the governors today about the new lunch menu.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Congratulations to the town's new Youth Mayor, a Year 11 here!",
        "individual-pupil",
        True,
    ),
    # a grown-up said to hold the post, or given a way to be emailed
    (
        "st-catherine",
        "Mrs Dale is our forces champion, so do come and say hello at the gate.",
        "individual-pupil",
        False,
    ),
    (
        "rackham",
        "Our Year 3 class rep is running the second-hand uniform stall for parents - email her on jo.reed77@gmail.com.",
        "individual-pupil",
        False,
    ),
    # a grown-up's home, by its address
    (
        "courtney",
        "Tombola prizes can be left at Sandra's house at 14 Elm Grove, Ryde, any evening this week.",
        "individual-pupil",
        False,
    ),
    # places that are pupils' surnames: passed on the way home, visited, naming the buses
    (
        "rackham",
        "Heron Class update: the coach has just passed Ashby and should be back at about 3:30.",
        "pupil-surname",
        False,
    ),
    (
        "rackham",
        "Year 7 geographers headed out to Kington last week to survey the high street.",
        "pupil-surname",
        False,
    ),
    (
        "rackham",
        "The Kington and Weobley buses are running late this morning because of fog.",
        "pupil-surname",
        False,
    ),
    ("rackham", "Kington and Weobley both scored in the Year 7 derby!", "pupil-surname", True),
    # a hashtag of plural people is no one child; a role in a hashtag still is
    (
        "sutton-manor",
        "Our #YoungFarmers spent the morning at the market learning how sheep are judged for sale.",
        "individual-pupil",
        False,
    ),
    # a "sentence" of hashtags alone, after a team's news
    (
        "sutton-manor",
        "Our U13 girls are county champions after a 2-0 win today! #CountyCup",
        "individual-pupil",
        False,
    ),
    # whereabouts: on board a ship now; at a show by its handle; not a thing of today's; not a school's address
    (
        "no-names-no-faces",
        "Year 9 are on board the Cutty Sark right now, then lunch in the park at 12:30.",
        "trip-whereabouts",
        True,
    ),
    (
        "st-catherine",
        "Our Young Farmers are at the @RoyalWelshShow today - come and find us by the sheep pens until 3!",
        "trip-whereabouts",
        True,
    ),
    (
        "no-names-no-faces",
        "Booking forms for the Year 4 trip to Warwick Castle are attached to today's newsletter.",
        "trip-whereabouts",
        False,
    ),
    (
        "sutton-manor",
        "The Saturday school on Belgrave Road is looking for new pupils; ask at the office for a leaflet.",
        "trip-whereabouts",
        False,
    ),
    # Scots insults and "a load of pish", not a diddy (small) tractor
    (
        "rackham",
        "Freezing on the touchline and the ref was a total bampot, but we still won!",
        "offensive",
        True,
    ),
    ("sutton-manor", "What a load of pish from the coach firm - they've cancelled again.", "offensive", True),
    ("rackham", "Nursery have a diddy new tractor for the sandpit!", "offensive", False),
    # "Nite nite" is no repeated word; a treadwheel is a word
    ("sutton-manor", "Nite nite from the residential, everyone is fast asleep!", "spelling", False),
    ("sutton-manor", "Year 4 saw the donkey treadwheel at the castle well.", "spelling", False),
    # a farmhouse, its village and postcode, given to collect a thing from
    (
        "courtney",
        "The lost jacket is at Mrs Pugh's: please collect it from her at Lower House Farm, Eardisley, HR3 6NS.",
        "personal-data",
        True,
    ),
    # round 18c: pupils of the school's own society, not visitors from an organisation
    (
        "no-names-no-faces",
        "Andrei and Florin from the chess society are running a lunchtime tournament this week.",
        "pupil-name",
        True,
    ),
    # an award of a tournament before the name
    ("no-names-no-faces", "Top scorer of the tournament: Faith, with 14 goals!", "pupil-name", True),
    # a Welsh word explained in brackets or between Welsh words, though pupils are called it
    ("no-names-no-faces", "Dryw made crowns of celyn (holly) for the Christmas fair.", "pupil-name", False),
    ("no-names-no-faces", "Barcud wish you all Gwyliau haf hapus from the whole class!", "pupil-name", False),
    ("no-names-no-faces", "Well done to haf in Barcud for her reading this week.", "pupil-name", True),
    # the second noun of a Welsh phrase, and houses named after rivers winning a cup
    (
        "no-names-no-faces",
        "Disgybl yr Wythnos in Tylluan goes to the whole class for their castle models.",
        "pupil-name",
        False,
    ),
    (
        "st-catherine",
        "Aeron house lifted the shield at the school eisteddfod, with Teifi a close second.",
        "individual-pupil",
        False,
    ),
    # a group thanked is no one child (SP105)
    (
        "st-catherine",
        "A big thank you to our Year 10 mentors, who gave up every lunchtime this week to help with reading.",
        "individual-pupil",
        False,
    ),
    # a lesson is no place; television is no place (SP203)
    (
        "rackham",
        "Year 8 made Diwali cards in Art this week and some are in the office window.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Watch out for our Year 10 dancers on BBC Look North tonight at 6:30!",
        "trip-whereabouts",
        False,
    ),
    # a city's schools, though a pupil's surname is London
    (
        "rackham",
        "London's schools filled the Olympic Park for the cross-country yesterday, and our Year 9s were brilliant.",
        "pupil-surname",
        False,
    ),
    # a part by the character's full name, praised on the night
    (
        "no-names-no-faces",
        "What an opening night! Our Anne Shirley was outstanding, and the audience gave a standing ovation.",
        "individual-pupil",
        True,
    ),
    # the intensifier before a word its literal sense allows
    (
        "courtney",
        "The rain was so heavy you couldn't see your own bloody feet on the field.",
        "offensive",
        True,
    ),
    (
        "courtney",
        "First aid reminder: a bloody hand or knee needs a plaster and a note home.",
        "offensive",
        False,
    ),
    # round 18d: a pupil by full name after an award of the school's ("Star writer"), not a grown-up's role
    ("sutton-manor", "Star writer Lacey Hooper with her prize-winning story! 📸", "individual-pupil", True),
    # Gabi for Gabriel
    ("courtney", "Gabi saved two penalties for the Year 6 team tonight!", "individual-pupil", True),
    # a grown-up who takes calls on a number is no child
    (
        "st-catherine",
        "Hamper donations can go to Rosa, who is happy to take calls on 07700 900444.",
        "individual-pupil",
        False,
    ),
    # a place won this weekend has happened
    (
        "st-catherine",
        "Our Year 10 debaters took first place at the regional final this weekend.",
        "trip-whereabouts",
        False,
    ),
    # a season arriving, not pupils
    (
        "rackham",
        "The conkers are falling along the drive. Autumn has arrived at Greenbank!",
        "trip-whereabouts",
        False,
    ),
    # a show, though a pupil's surname is Joseph; a part by "our" and the surname is the part
    (
        "rackham",
        "Well done to everyone who painted the scenery for Joseph this week!",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Opening night! Our Joseph held that last note and the audience went silent.",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Opening night! Our Joseph held that last note and the audience went silent.",
        "individual-pupil",
        True,
    ),
    # a television series' characters on a mural
    (
        "no-names-no-faces",
        "Year 8 saw the Derry Girls mural on their walking tour today. Erin and Orla got the biggest cheer!",
        "pupil-name",
        False,
    ),
    # things a year group ran
    (
        "st-catherine",
        "The Year 9 haunted corridor was terrifying and the Year 7 tombola sold out!",
        "individual-pupil",
        False,
    ),
    # Irish swearing and Irish words
    ("sutton-manor", "Feckin' freezing on the touchline today, but we won!", "offensive", True),
    ("sutton-manor", "The craic was great at the Year 9 céilí today!", "spelling", False),
    ("sutton-manor", "Dia daoibh! Irish lessons for parents start on Tuesday.", "spelling", False),
    # a surname spoken to; one of a year group, then "her"; not a parent of one
    (
        "rackham",
        "Year 5 boys, what a run this afternoon. Stokes, your last lap was unbelievable!",
        "pupil-surname",
        True,
    ),
    (
        "st-catherine",
        "One of our Year 10s sat all of her exams this week after a very hard year. We are so proud of her.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "One of our Year 4 dads has built a bug hotel for the garden; do thank him when you see him.",
        "individual-pupil",
        False,
    ),
    ("rackham", "Robins are home after the beach. Filey, you were glorious!", "pupil-surname", False),
    (
        "st-catherine",
        "One of our young carers has won a bursary for the summer programme, which she has wanted for years.",
        "individual-pupil",
        True,
    ),
    # round 18e: a show a year group put on; a grown-up to text, with who they are in brackets
    (
        "st-catherine",
        "Our Year 3 and 4 pantomime played to a full hall tonight. Thank you for coming!",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Raffle prizes wanted! Please text Nadia (Year 2 parent rep) on 07700 900318.",
        "individual-pupil",
        False,
    ),
    ("sutton-manor", "Our Year 2 chocolatiers are home after a brilliant day out!", "spelling", False),
    # a nickname in quotes doing what a player does; a place-surname that top-scored
    (
        "st-catherine",
        "Year 8 quiz champions! 'The Brain' answered the tie-breaker in four seconds.",
        "individual-pupil",
        True,
    ),
    ("rackham", "Filey top-scored for our Year 2 team with six goals!", "pupil-surname", True),
    # round 18f: the name after "Our Head Boy," is the pupil's (Head is no grown-up here)
    (
        "no-names-no-faces",
        "Our Head Boy, Zain, gave the vote of thanks at the governors' dinner tonight.",
        "pupil-name",
        True,
    ),
    # a pupil's song and how it went down, not an author's work
    (
        "sutton-manor",
        "Wiktoria's 'Defying Gravity' brought the house down tonight!",
        "individual-pupil",
        True,
    ),
    ("sutton-manor", "Year 10 are reading Dylan Thomas's 'Fern Hill' this week.", "individual-pupil", False),
    # Ife for Ifeoluwa; a star baker, a school piper, "our wee number 9"
    ("courtney", "Special thanks to Ife in S3, who planned the whole menu!", "individual-pupil", True),
    ("rackham", "Our Star Baker in Owls made a cake shaped like the town hall!", "individual-pupil", True),
    (
        "courtney",
        "Our school piper will play the haggis in at Friday's Burns lunch. She only started lessons in S1!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Half time and two goals already from our wee number 7!", "individual-pupil", True),
    # a retired officer by title, though a pupil's surname is Gurung
    (
        "sutton-manor",
        "Thank you to Major (retd) Gurung for speaking so movingly at our Remembrance assembly.",
        "pupil-surname",
        False,
    ),
    # a walk done this weekend has happened; poets after "by" are no place
    (
        "no-names-no-faces",
        "Our Bronze DofE groups hiked 12 miles along the South Downs Way this weekend. Well done!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Year 9 have been reading poems by Carol Ann Duffy and Simon Armitage, now on display in the library.",
        "trip-whereabouts",
        False,
    ),
    # ... but not where the sentence goes on to what is still to come
    (
        "st-catherine",
        "Our Year 5 team walked to Abbey Park this morning for the cross-country and will be racing at 2pm. Come and cheer!",
        "trip-whereabouts",
        True,
    ),
    # words the dictionary lacks
    ("sutton-manor", "Year 5 learnt a nasheed for the Eid assembly.", "spelling", False),
    ("sutton-manor", "Polish club made colourful wycinanki for the hall display.", "spelling", False),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-18")

"""Kinds the round-12 blind sets showed (issue 12): an all-through school's own buildings, a trip called
off, autumn's leaves, a class named where a place would be, the grown-ups of a school's kitchen and
PTA, every player and her part, and a match report's skipper and keeper. Each must be read as a
careful head would, and the real finding beside it must stay. The sentences are the project's own,
not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Pearl,Moss,Year 2,Limpets,yes
Maureen,Hale,Year 4,Limpets,yes
Noah,Derby,Year 9,9K,yes
Isaac,Ripon,Year 8,8F,yes
Ava,Stone,Year 1,Seals,yes
Leo,Hunt,Year 3,Seals,yes
Poppy,Field,Year 7,7W,yes
Haf,Jones,Year 1,Cywion,yes
Enfys,Morgan,Year 3,Bedw,yes
Deio,Rees,Year 2,Cywion,yes
Gruff,Bowen,Year 1,Cywion,yes
Lewis,Munro,Year 5,P5,yes
Harris,Grant,Year 6,P6,yes
Iona,Fraser,Year 4,P4,yes
Glen,Paterson,Year 12,S6,yes
Hazel,Dunn,Year 1,Squirrels,yes
Joseph,Oak,Year 2,Squirrels,yes
Olivia,Sharp,Year 6,Eagles,yes
Summer,Begum,Reception,Robins,yes
Meadow,Thwaite,Year 7,Swale,yes
Ellie,Farmer,Year 8,Wharfe,yes
Ben,Bainbridge,Year 9,Ure,yes
May,Preston,Reception,Lourdes,yes
Gabriel,Okonkwo,Reception,Lourdes,yes
Rocky,Shaw,Year 8,8S,yes
Joy,Adebayo,Year 6,Kestrel,yes
Will,Preston,Year 1,Wren,yes
Brook,Lee,Year 4,Owl,yes
Ethan,Hunt,Year 12,12H,yes
Kelly,Moss,Nursery,Foxes,yes
Faith,Okoro,Nursery,Foxes,yes
Ada,Bell,Nursery,Bumblebees,yes
Hope,Dale,Year 5,Wrens,yes
Robin,Lake,Year 2,Wrens,yes
Evelyn,Story,Nursery,Owls,yes
Oliver,Greenwood,Nursery,Owls,yes
Faith,Green,Year 3,Heron,yes
Tova,Rich,Reception,Olive,yes
Samuel,Israel,Year 6,Cypress,yes
Anna,Kerr,Year 6,Cypress,yes
Matilda,Jones,Year 6,Osprey,yes
Ruby,Stone,Year 4,Olive,yes
Leo,Marsh,Year 5,5S,yes
Ted,Little,Year 8,8B,yes
Noah,Bishop,Year 6,6B,yes
Heather,Birkett,Year 2,Herdwick,yes
Lewis,Penrith,Year 3,Osprey,yes
Callum,Hayes,Year 9,9H,yes
Paris,Okoro,Year 10,10P,yes
Jasmine,Cross,Year 8,8C,yes
"""


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
    # a class's name that is no pupil's is the class, whatever it does
    ("no-names-no-faces", "Bedw painted wonderful seascapes this afternoon!", "pupil-name", False),
    # a child by what follows the name, though no list knows the name
    (
        "no-names-no-faces",
        "Tegid, our newest Year 1 pupil, read to the whole class today!",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Mr Price, our new Year 1 teacher, read to the whole class today!",
        "pupil-name",
        False,
    ),
    # Welsh: a thing in lower case after "a", the name of a thing, and cheers for a child
    ("no-names-no-faces", "What a bright enfys over the field after the storm!", "pupil-name", False),
    ("no-names-no-faces", "Mae Tymor yr Haf yn dechrau heddiw! Lots of fun ahead.", "pupil-name", False),
    ("no-names-no-faces", "Da iawn Haf for your brilliant story!", "pupil-name", True),
    ("no-names-no-faces", "A first swimming badge in Cywion! #LlongyfarchiadauDeio", "pupil-name", True),
    ("no-names-no-faces", "Our new Prif Ddisgybl led the harvest assembly.", "individual-pupil", True),
    # a family's farm is theirs, not the child's
    (
        "no-names-no-faces",
        "Cywion are off to see the calves at Bowen's farm next week.",
        "pupil-surname",
        False,
    ),
    ("no-names-no-faces", "Bowen's header won it for the Year 1 team!", "pupil-surname", True),
    # a pet named beside its kind; the story's people by its songs
    (
        "no-names-no-faces",
        "Our class rabbits, Pepper and Hazel, need a home for half term.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "We've learnt Away in a Manger and can't wait to help Mary and Joseph find the stable.",
        "pupil-name",
        False,
    ),
    # a house by its name and street that a thing is taken to is a home
    (
        "courtney",
        "Found: a red scarf. Please return it to Ivy Cottage, Mill Lane. Thanks!",
        "personal-data",
        True,
    ),
    ("courtney", "The PTA meeting is at Trinity House, Church Road at 7pm.", "personal-data", False),
    # islands that are children's names: the island where the sentence goes there
    ("no-names-no-faces", "P5 talked to pen pals at a primary school on Lewis today.", "pupil-name", False),
    ("no-names-no-faces", "P6 compared the beaches of Harris with our own coast.", "pupil-name", False),
    (
        "no-names-no-faces",
        "P4 found Lewis, Harris, Iona and Arran on the map of Scotland.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Lewis and Harris were our stars of the week!", "pupil-name", True),
    ("no-names-no-faces", "Well done to Iona in P4 for a lovely poem!", "pupil-name", True),
    # Scottish roles, a player of the pipes, a recital
    ("courtney", "This year's Dux will give the speech at prizegiving.", "individual-pupil", True),
    ("courtney", "Our S5 piper played at the Remembrance service.", "individual-pupil", True),
    ("courtney", "Paterson's Advanced Higher recital was breathtaking.", "pupil-surname", True),
    # the date of a school's own event tells nobody where to find the children; a venue does
    (
        "courtney",
        "Sports day is on Friday 10th July at 1:30pm. Bring a water bottle!",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Sports day is at Queens Park on Friday 10th July at 1:30pm.", "trip-whereabouts", True),
    # phones: a short form no roster lists that did something and is "she"; not a grown-up's
    ("no-names-no-faces", "Liv conquered her fear of the climbing wall today!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Our lollipop man Ken has hung up his hat after 20 years on the crossing.",
        "pupil-name",
        False,
    ),
    # a home address typed in lower case, after "at"; a game's court is not one
    ("courtney", "found a purple coat, it's at 14 mill lane with our neighbour", "personal-data", True),
    ("courtney", "First game is at 4 on court 2 so come and cheer!", "personal-data", False),
    # a coach that has dropped the class somewhere has them there now
    (
        "rackham",
        "the coach has dropped us at the velodrome, first heats at 11, come and cheer!",
        "trip-whereabouts",
        True,
    ),
    # "exited" for "excited"
    ("sutton-manor", "Reception are so exited about the nativity!", "spelling", True),
    ("sutton-manor", "Everyone exited the hall calmly during the fire drill.", "spelling", False),
    # houses named after famous people are houses, where the post is about houses
    ("no-names-no-faces", "Turing won the House Quiz by a single point!", "pupil-name", False),
    (
        "no-names-no-faces",
        "Well done Summer! Your poem about the seaside brought the house down.",
        "pupil-name",
        True,
    ),
    # a tutor group after the name makes a word-name a child's
    ("no-names-no-faces", "Meadow from 7 Swale found a slow worm under the log pile!", "pupil-name", True),
    # two places, and the road between them
    (
        "no-names-no-faces",
        "The road between Leyburn and Bainbridge is flooded, so buses are running late.",
        "pupil-surname",
        False,
    ),
    # a home address where a person is, though it is a farm
    (
        "courtney",
        "Found: a green fleece. Mrs Dale has it, so please collect it from her at Moor End Farm, High Row, DL8 3QQ.",
        "personal-data",
        True,
    ),
    # an animal a child showed
    (
        "no-names-no-faces",
        "Farmer's Texel lamb won the young handlers' class on Saturday!",
        "pupil-surname",
        True,
    ),
    # a month before what happens in it; the Church's year
    ("no-names-no-faces", "Please send flowers for our May procession on Friday.", "pupil-name", False),
    (
        "no-names-no-faces",
        "Gabriel's visit to Mary was our theme, and Lourdes acted out the Annunciation beautifully.",
        "individual-pupil",
        False,
    ),
    # one child by a part and a superlative
    ("no-names-no-faces", "The littlest shepherd in our nativity stole the show!", "individual-pupil", True),
    # a parish's own address is a role address
    ("courtney", "Questions about baptisms? Email parish@stannesrc.org.uk.", "personal-data", False),
    # a trust's account: a pupil "from" one of its schools is a pupil, not a visitor from an organisation
    (
        "no-names-no-faces",
        "Well done to Rocky from Moorside Academy, who won the Year 8 long jump!",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Joy Adebayo from Hillcrest read her poem to the trust's heads.",
        "pupil-surname",
        True,
    ),
    ("no-names-no-faces", "Preston from Hillcrest won the sack race!", "pupil-surname", True),
    ("no-names-no-faces", "Brook at Hillcrest built the tallest tower at the STEM day!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Congratulations to Amy Johnson Academy on their Ofsted report!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Thank you to Dave from Wickes for the timber.", "pupil-name", False),
    (
        "no-names-no-faces",
        "Best costume goes to a Year 12 who came as Ethan Hunt from Mission: Impossible!",
        "pupil-surname",
        False,
    ),
    # a nursery: its rooms, its children's centre, its staff, one of a class by the class's name
    ("no-names-no-faces", "Our Toddler Room made salt dough stars today!", "individual-pupil", False),
    (
        "no-names-no-faces",
        "Baby massage for parents starts on Monday at 10 in the Children's Centre.",
        "trip-whereabouts",
        False,
    ),
    ("no-names-no-faces", "Our apprentice Faith has passed her Level 3!", "pupil-name", False),
    (
        "no-names-no-faces",
        "A warm welcome to Kelly, who joins the Baby Room as a key worker this week!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Our oldest Fox is off to big school next week!", "individual-pupil", True),
    ("no-names-no-faces", "One very proud Bumblebee is now a big sister!", "individual-pupil", True),
    ("no-names-no-faces", "Our busy Bumblebees planted sunflowers today.", "individual-pupil", False),
    # a federation: a pupil "from" one of its schools, doing what pupils do; a visitor thanked is a grown-up
    (
        "courtney",
        "Hope from St Cuthbert's read the first lesson at our federation carol service.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Thank you to Robin from Ripon Fire Station for showing Wrens the fire engine!",
        "individual-pupil",
        False,
    ),
    # the school's Owls, not an owl; one of a class by a superlative, or who did something
    ("no-names-no-faces", "Well done to Evelyn Story, our Owls Star of the Week!", "pupil-surname", True),
    ("courtney", "The youngest of our Owls counted to twenty this morning!", "individual-pupil", True),
    ("courtney", "One of our Owls read a whole book to the class today!", "individual-pupil", True),
    ("courtney", "Every one of our Owls loved the puppet show.", "individual-pupil", False),
    # a shop named alone by its owner's name
    ("courtney", "Owls bought apples at Greenwood's and paid all by themselves!", "pupil-surname", False),
    # a trail and a fundraiser are outings and events, not children
    ("courtney", "Our Year 3 faith trail visited the mosque and the gurdwara.", "individual-pupil", False),
    ("courtney", "Our Year 6 London fundraiser needs raffle prizes!", "individual-pupil", False),
    # a month's own month; the musical at a theatre; a trip's family meeting; photos on the website
    ("no-names-no-faces", "May is National Walking Month! Walk, scoot or cycle in.", "pupil-name", False),
    (
        "courtney",
        "Osprey Class are in their seats at the Apollo Theatre for Matilda!",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "The information evening for the Year 6 Paris trip is on Monday at 6pm in the hall.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Year 6 Paris trip photos are now on the website!", "trip-whereabouts", False),
    # a meeting that happened; the school's own playground, where the post names nowhere else
    ("courtney", "Reception loved meeting the goats at Tatton Farm this morning.", "trip-whereabouts", False),
    ("courtney", "Coach leaves at 8:30, so please be in the playground by 8:15.", "trip-whereabouts", False),
    (
        "courtney",
        "We're at Knowsley Safari this morning! Lunch by the main entrance from 12 till 1.",
        "trip-whereabouts",
        True,
    ),
    # greetings of another language, a country by its flag, a visitor from a country, a book's character
    ("courtney", "Shana tova to all our families! Wishing you a sweet new year.", "individual-pupil", False),
    (
        "courtney",
        "Happy birthday, Israel! 🇮🇱 Israeli dancing in the hall after break.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Please welcome Dov, our new volunteer from Israel, who will help in Hebrew lessons.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Cypress Class are reading When Hitler Stole Pink Rabbit. Anna's journey has them gripped.",
        "individual-pupil",
        False,
    ),
    ("no-names-no-faces", "Every book on the shelf, read! #MazalTovRuby", "pupil-name", True),
    # a police officer by the title; a saying; promoted on a trip; a part, a superlative, a student president
    ("courtney", "PC Marsh visited Year 5 today. Leo asked to try on the handcuffs!", "pupil-surname", False),
    (
        "courtney",
        "Ted has been picked for the county squad. Little by little, it pays off!",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Bishop has been promoted to Chief Galley Officer on the canal boat!",
        "pupil-surname",
        True,
    ),
    ("courtney", "The student playing Fagin brought the house down last night.", "individual-pupil", True),
    ("courtney", "Our youngest competitor at the county gala won her heat!", "individual-pupil", True),
    ("courtney", "Our Student President met the Mayor today.", "individual-pupil", True),
    (
        "courtney",
        "Our pupil guides can't wait to show you round at the open evening.",
        "individual-pupil",
        False,
    ),
    # an achievement on a fell is over; a road shut by a flood; the hen named by the council; a rota's one child
    ("courtney", "Herdwick Class made it to the top of Skiddaw this morning!", "trip-whereabouts", False),
    (
        "courtney",
        "School opens at 10 today because the road at Pooley Bridge has flooded.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Our new hen is here! The School Council voted to call her Heather.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Thank you to this week's egg monitor for braving the snow!", "individual-pupil", True),
    ("no-names-no-faces", "Hen update: Heather and Nutmeg are laying again!", "pupil-name", False),
    # a town after "in", though a named pupil's surname; a book's family; a character; a city said goodbye to
    (
        "courtney",
        "Lewis in Year 3 won the 60m at the athletics in Penrith yesterday!",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Herdwick Class are reading Swallows and Amazons: the Walker children have reached the island!",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Year 9 are reading Noughts & Crosses. Sephy and Callum's story has them hooked.",
        "pupil-name",
        False,
    ),
    ("courtney", "Au revoir, Paris! Year 10 are on the Eurostar home.", "individual-pupil", False),
    # a ball from somebody is their pass
    (
        "courtney",
        "What a ball from Cross to set up the winner! Brilliant game, Jasmine.",
        "pupil-surname",
        True,
    ),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-12")

"""Kinds the round-14 blind sets showed (issue 12): a county or a town of more than one word whose words are
children's names ("the Ross and Cromarty schools"), Scottish Gaelic greetings and Scots swearing, a part
only one child plays named with the child's class ("our young piper from P7"), a play's characters when the
play is named without its article ("the Christmas Carol quiz"), a child with a character's name placed in
a form ("Summer in 8T") or spoken to, and a trip's paperwork that is no trip. Each must be read as a careful
head would, and the real finding beside it must stay. The sentences are the project's own, not the blind
sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Ross,Mackay,Year 5,P5,yes
Iona,Fraser,Year 4,P4,yes
Milton,Hughes,Year 6,P6,yes
Summer,Gale,Year 8,8T,yes
Matilda,Price,Year 7,7R,yes
Ralph,Owens,Year 8,8T,yes
Oliver,Crane,Year 9,9C,yes
Fred,Lowe,Year 11,11H,yes
Belle,Hart,Year 11,11M,yes
Ophelia,Stone,Year 12,12S,yes
Viola,Grey,Year 10,10G,yes
Jessica,Moor,Year 10,10M,yes
Hazel,Grove,Year 3,Otters,yes
Ruby,Shah,Year 10,10S,yes
Java,Okoro,Year 9,9K,yes
Grace,Bell,Year 11,11B,yes
Mason,Kerr,Year 11,11K,yes
Adam,Levy,Year 1,Tamar,yes
Eve,Cohen,Year 2,Tamar,yes
Tamar,Goldberg,Year 6,Erez,yes
Mordechai,Stern,Year 4,Erez,yes
Shira,Katz,Year 3,Tamar,yes
Mendel,Roth,Year 5,Erez,yes
Miriam,Adler,Year 3,Tamar,yes
Tudur,Pritchard,Year 5,Dosbarth Gwalch,yes
Ianto,Roberts,Year 1,Dosbarth Cywion,yes
Gwen,Penrhyn,Year 6,Dosbarth Gwalch,yes
Erin,Tyne,Year 3,Wansbeck,yes
Leo,Morpeth,Year 2,Coquet,yes
Lewis,Hall,Year 5,Tyne,yes
Mary,Quinn,Year 3,Heron,yes
Berry,Shaw,Year 3,Heron,yes
Jackie,Moss,Year 2,Heron,yes
Imogen,Hartley,Year 13,13H,yes
Tevita,Cakau,Year 4,Kestrel,yes
Nisha,Rai,Year 6,Osprey,yes
Krishna,Patel,Year 4,Lotus,yes
Sita,Shah,Year 6,Peepal,yes
Aarti,Desai,Year 3,Lotus,yes
Asha,Mehta,Year 3,Lotus,yes
Arjun,Kenton,Year 5,Peepal,yes
Heather,Moffat,Year 10,S4,yes
Rory,Bell,Year 8,S2,yes
Gordon,Reid,Year 7,S1,yes
Isabelle,Carter,Reception,Squirrels,yes
Amelia,Rivers,Year 1,Owls,yes
Olivia,Hart,Reception,Hedgehogs,yes
Rex,Moon,Nursery,Owls,yes
Sonny,Price,Nursery,Tadpoles,yes
Willow,Grey,Nursery,Tadpoles,yes
Eliza,Bolton,Nursery,Hedgehogs,yes
Ellie,Shaw,Year 8,8S,yes
Freya,Dart,Year 9,9D,yes
Mars,Okafor,Year 3,Herschel,yes
Simran,Gill,Year 4,Indus,yes
Sukh,Johal,Year 1,Beas,yes
Marie,Lowe,Year 10,10L,yes
Isaac,Newton,Year 8,8N,yes
Sirius,Black,Year 9,9B,yes
Colin,Bell,Year 2,Kestrel,yes
Summer,Bell,Year 3,Kestrel,yes
Jack,Turner,Year 10,10T,yes
Zuri,Adams,Reception,Robins,yes
Harry,Jones,Year 5,5J,yes
Liam,Walsh,Year 5,5W,yes
Sam,Robinson,Year 6,6R,yes
Mateo,Serrano,Year 9,9S,yes
Klaus,Fischer,Year 10,10F,yes
Celyn,Jones,Year 1,Celyn,yes
Faith,Hope,Year 4,St Wilfrid,yes
Noel,Price,Year 3,St Bede,yes
Ellis,Wyke,Year 2,Kestrel,yes
Amy,Cross,Year 4,Bracken,yes
Leo,Banks,Year 10,10B,yes
"""

CASES = [
    # a place of more than one word
    (
        "sutton-manor",
        "Our P6 netball team won the Perth and Kinross schools' tournament!",
        "individual-pupil",
        False,
    ),
    (
        "sutton-manor",
        "Brilliant run at the Ross and Cromarty cross-country, everyone!",
        "pupil-surname",
        False,
    ),
    ("rackham", "Year 6 spent the day in Milton Keynes at the science centre.", "individual-pupil", False),
    ("rackham", "Well done Ross for a brilliant run on Wednesday!", "individual-pupil", True),
    ("sutton-manor", "Well done Hazel Grove for your fantastic poem!", "pupil-surname", True),
    # an island after a voyage or a boat
    (
        "no-names-no-faces",
        "P4 read about the monks' long voyage to Iona and made clay crosses.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Iona read her poem beautifully in assembly today.", "pupil-name", True),
    # Scottish Gaelic, and Scots swearing
    ("sutton-manor", "Madainn mhath! P2 have been counting in Gaelic this morning.", "spelling", False),
    ("sutton-manor", "Mòran taing to everyone who came to the ceilidh on Friday.", "spelling", False),
    ("sutton-manor", "Tapadh leat to our parent volunteers for the book sale!", "spelling", False),
    ("sutton-manor", "P7 are going to the museum and it is a grate day out.", "spelling", True),
    ("courtney", "It was pishing down at sports day but the relay still went ahead.", "offensive", True),
    ("courtney", "To the bawbag who keeps parking across the gate: please stop.", "offensive", True),
    # a part only one child plays, with the class
    (
        "courtney",
        "Our wee drummer from P6 kept the whole parade in time. So proud of her!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our talented narrator in Year 4 held the whole audience.", "individual-pupil", True),
    ("courtney", "Our school piper played at the Remembrance service.", "individual-pupil", False),
    # a play named without its article, and its characters
    (
        "st-catherine",
        "Fred and Belle were the stars of our Year 11 Christmas Carol revision session.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Year 12 saw Hamlet at the Globe last night. Ophelia's songs were haunting.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Year 10 are reading Twelfth Night: Viola's disguise has them hooked.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Jessica's essay on The Merchant of Venice won the Year 10 prize!",
        "individual-pupil",
        True,
    ),
    # a child with a character's name, placed in a form, in costume or spoken to
    (
        "no-names-no-faces",
        "Summer in 8T has reviewed Wonder for the school magazine. Go and read it!",
        "pupil-name",
        True,
    ),
    (
        "st-catherine",
        "Ralph in 8T read the conch scene from Lord of the Flies beautifully.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Our costume prize goes to Matilda, who came as... Matilda! Roald Dahl would be proud.",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Oliver, we still need your copy of Oliver Twist back in the library please!",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Year 9 loved Oliver Twist. Oliver's courage in the workhouse started a great debate.",
        "individual-pupil",
        False,
    ),
    # a robot, and programming languages, with children's names
    (
        "rackham",
        "Say hello to Ruby, our Year 10 team's new robot! She sorts blocks by colour.",
        "individual-pupil",
        False,
    ),
    (
        "rackham",
        "Code Club are learning Python this term, with Ruby and Java to come later.",
        "individual-pupil",
        False,
    ),
    ("rackham", "Year 12 compared Java and Python for their coursework projects.", "individual-pupil", False),
    (
        "rackham",
        "Ruby won the Year 10 coding challenge with a brilliant Python game!",
        "individual-pupil",
        True,
    ),
    # a role held by one child
    (
        "rackham",
        "Grace is our Year 11 Student of the Month for running the homework club. Thank you!",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "The only Year 12 studying Further Maths and Music has a place at Durham!",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Our only Year 11 sitting Latin early came out of the exam smiling.",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Our café manager of the month served 200 teas at parents' evening!",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Tamar Goldberg, our Year 6 speaker at the leavers' service, made everyone cry.",
        "pupil-surname",
        True,
    ),
    # rooms and offices of the school, software, a round of a competition, a holy book
    (
        "rackham",
        "Mason, your PE kit is in the Attendance Office. Please collect it before Friday!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Year 10 Maths revision: Mondays in M4 and Wednesdays in M6, 3:15 to 4pm.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "Coding Club tomorrow: we're designing keyrings in Tinkercad!", "trip-whereabouts", False),
    (
        "rackham",
        "Our Year 8 quiz team have made it through to the regional semi-final!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Year 4 were amazed that the story of Jonah is in the Bible and the Qur'an too!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Thank you to our visiting engineer! So many future engineers in the room today.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Museum update: we've moved on to the Viking gallery until 1:45, then lunch.",
        "trip-whereabouts",
        True,
    ),
    # the Hebrew Bible's stories, a Shabbat's name, a cantor, a part in a play
    (
        "no-names-no-faces",
        "Year 1 painted Adam and Eve in the Garden of Eden for parsha Bereshit.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Year 1 learnt the creation story for parsha Bereshit.", "offensive", False),
    (
        "no-names-no-faces",
        "It's Shabbat Shira this week: Year 3 are learning the Song of the Sea.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "For Pesach, Year 2 learnt how Miriam led the dancing after the parting of the Red Sea.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Chazan Mendel is teaching Year 5 the songs for the Shabbat assembly.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "The Year 5 pupil playing Mordechai knew every line by the dress rehearsal!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "Our Haman was booed by the whole school today and took it like a pro!",
        "individual-pupil",
        True,
    ),
    ("no-names-no-faces", "Mordechai learnt every line of his part over half term!", "pupil-name", True),
    # Welsh: a sentence in Welsh, its mutations, a Welsh place and class, a bard, a house by its name
    ("sutton-manor", "Rydyn ni mor falch ohonoch chi! Diolch i bawb.", "spelling", False),
    ("sutton-manor", "Enfys dros yr ysgol this morning!", "spelling", False),
    ("sutton-manor", "Blwyddyn 4 sang the unawd at the Eisteddfod today.", "spelling", False),
    ("sutton-manor", "Blwyddyn 4 sang beautifuly at the Eisteddfod today.", "spelling", True),
    (
        "courtney",
        "Tudur Wyn, our local bardd, judged the poetry competition today.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Happy birthday to Ianto in Dosbarth Cywion, 5 today!", "trip-whereabouts", False),
    ("courtney", "Blwyddyn 6 loved the zip wire over Chwarel y Penrhyn yesterday!", "pupil-surname", False),
    ("courtney", "Well done Penrhyn for a brilliant try on Saturday!", "pupil-surname", True),
    ("courtney", "Our Urdd flag-bearer led the parade with the biggest smile!", "individual-pupil", True),
    (
        "courtney",
        "Mr Jones has offered logs for the bonfire. Please collect them from his house at Bryn Awel, Ffordd y Llan, "
        "Llanrug.",
        "personal-data",
        True,
    ),
    # Scots text-speak and an unnamed "someone"
    ("sutton-manor", "What a morning! Evry1 was so brave on the climbing wall.", "text-speak", True),
    (
        "courtney",
        "Once again this week someone has left litter by the gate. Please stop.",
        "individual-pupil",
        False,
    ),
    # classes named after rivers that are pupils' surnames too; a list of towns; a second deed only a person does
    (
        "courtney",
        "Welcome back to Coquet, Tyne and Wansbeck! What a lovely first morning.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "A visiting potter spent the day with Wansbeck and Tyne making coil pots.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "Our scarecrow beat entries from Morpeth, Hexham and Alnwick at the show!",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Lewis found a crab in the rock pool and showed the whole group how to hold it.",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Lewis is a beautiful island, and Year 5 loved learning about its peat bogs.",
        "pupil-name",
        False,
    ),
    ("courtney", "Well done to our Year 2 Mr Tumnus, whose costume was a triumph!", "individual-pupil", True),
    # a famous cook, an author's stories, volunteers named in a pair, a child's work by the child's year
    ("no-names-no-faces", "Heron Class baked scones today from a Mary Berry recipe.", "pupil-name", False),
    ("rackham", "Heron Class are loving Holly Webb's animal stories this term.", "trip-whereabouts", False),
    (
        "no-names-no-faces",
        "Thank you to Jackie and Sam, our Tuesday reading volunteers, for all their help!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "A Year 3 pupil's brilliant clay dragon model is on display in reception!",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "A Year 5 pupil's guide to fractions: halves and quarters explained!",
        "individual-pupil",
        False,
    ),
    # a date of birth by the post's own day; a year group's star of a lesson
    ("courtney", "Happy 18th birthday to Imogen Hartley, born on this day in 2008!", "personal-data", True),
    ("courtney", "Shakespeare was born on this day in 1564.", "personal-data", False),
    (
        "no-names-no-faces",
        "Photo 51 was the star of the Year 12 Biology lesson today.",
        "individual-pupil",
        False,
    ),
    # a school's own sports hall and astro, a home fixture, a DofE route, a pupils' event away from school
    (
        "rackham",
        "The house netball final is at 1:10 tomorrow in the Sports Hall. Come and cheer!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "The U14s are at home to Marlow College on Saturday, push back 10am on the Astro.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "DofE day 2: teams are walking towards Kinder Scout and should reach the checkpoint at the reservoir by 2pm.",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Sports Day is at Platt Fields on Thursday, 1pm to 3pm. Please send sun cream!",
        "trip-whereabouts",
        True,
    ),
    (
        "rackham",
        "Sports Day is on Friday on the Ashgrove school field from 9:30. Parents welcome!",
        "trip-whereabouts",
        False,
    ),
    # roadworks, a family's move, a class's "r"
    (
        "rackham",
        "The resurfacing on Mill Road starts on Monday, and buses will be diverted along Park Lane until 4pm.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "We said goodbye to Tevita today, who is off to Germany with his family's new posting.",
        "trip-whereabouts",
        False,
    ),
    ("sutton-manor", "Osprey Class r at the museum now and having lunch at 12!", "text-speak", True),
    # a new child of a class; one of a class in a hashtag; a letter too many; languages' letters
    (
        "courtney",
        "Say hello to our newest Kestrel! She arrived on Monday and already knows everyone.",
        "individual-pupil",
        True,
    ),
    (
        "sutton-manor",
        "One of our #Reception girls said hello in four languages today!",
        "individual-pupil",
        True,
    ),
    ("sutton-manor", "Year 7 wrote their names in Greek lettters this morning.", "spelling", True),
    (
        "sutton-manor",
        "Year 2 learnt to say vinaka and bula with our Fijian parents today!",
        "spelling",
        False,
    ),
    # Hindu epics, festivals and worship; a word explained; the town of an address
    (
        "no-names-no-faces",
        "Year 6 performed the Ramayana: Rama and Sita defeated Ravana once again!",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "For Janmashtami, Lotus Class made a cradle for baby Krishna.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Krishna in Year 4 read the Diwali story to the whole school!", "pupil-name", True),
    (
        "no-names-no-faces",
        "Aarti, prasad and a talk from the swami started our Diwali week.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Our word of the week is 'asha', which means hope.", "pupil-name", False),
    ("courtney", "Our Sita was word-perfect in the Year 6 Ramayana today!", "individual-pupil", True),
    (
        "courtney",
        "Please collect the lost bangle from Mrs Shah at 14 Elm Avenue, Kenton.",
        "pupil-surname",
        False,
    ),
    (
        "sutton-manor",
        "Thank you to everyone who came to our Summer Mela! The dhol players were amazing.",
        "spelling",
        False,
    ),
    # Scottish year groups, a country dance, an only candidate, a child who might be hurt
    (
        "no-names-no-faces",
        "Heather from S4 has been helping with lunchtime badminton. Thank you!",
        "pupil-name",
        True,
    ),
    ("rackham", "Thank you to the S2 choir for a haunting carol this morning.", "trip-whereabouts", False),
    ("courtney", "S1 danced the Gay Gordons at the St Andrew's Day ceilidh!", "individual-pupil", False),
    (
        "courtney",
        "Our only Advanced Higher Music candidate has a place at the conservatoire!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Please do not park on the zigzags: a child will get hurt.", "individual-pupil", False),
    ("sutton-manor", "S1 have designed their own saltire flags for St Andrew's Day.", "spelling", False),
    # short forms British teachers use; a parent helper; a group of cadets
    ("no-names-no-faces", "Izzy did her first full day without tears today!", "pupil-name", True),
    ("no-names-no-faces", "Millie was so brave and held the biggest rabbit at the farm!", "pupil-name", True),
    ("no-names-no-faces", "Liv read her whole book to the class today!", "pupil-name", True),
    ("rackham", "Our parent helper Mel has spare wellies for the woodland walk.", "individual-pupil", False),
    (
        "rackham",
        "Congratulations to our Sea Cadet trio from Year 9, who won the drill competition!",
        "individual-pupil",
        False,
    ),
    ("rackham", "Well done to our Year 9 Sea Cadet, who won the drill prize!", "individual-pupil", True),
    # a species cut short, a first word, a morning's building, a little child by the surname
    ("courtney", "Owls met Stan the T. rex in the dinosaur gallery this morning!", "individual-pupil", False),
    (
        "courtney",
        "Willow spent the whole morning carefully building a den out of sticks.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Little Miss Bolton in Hedgehogs tidied the home corner without being asked!",
        "pupil-surname",
        True,
    ),
    # a list of instructors, a river after "the", the planets, a story's hero
    (
        "no-names-no-faces",
        "Thank you to instructors Dale, Tash and Ellie for a brilliant three days.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Year 9 earned their kayak awards on the Dart this week.", "pupil-surname", False),
    (
        "courtney",
        "Points this week went to Mercury, Venus, Mars and Saturn houses.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Year 3 are writing stories about a rocket that flies to Mars.", "individual-pupil", False),
    (
        "courtney",
        "Herschel Class are reading a book about a boy stranded on the moon.",
        "individual-pupil",
        False,
    ),
    # a team's captain, a time within the hour, a costume with what it had
    (
        "courtney",
        "Our 45-mile team captain has led the squad brilliantly all season.",
        "individual-pupil",
        True,
    ),
    (
        "rackham",
        "Our Ten Tors team have left the checkpoint and should reach Yes Tor within the hour.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "Our Year 1 Gruffalo with the purple prickles won the costume prize today!",
        "individual-pupil",
        True,
    ),
    # a faith's words that are names, two describing words before an insult
    (
        "no-names-no-faces",
        "Simran to start the day: Key Stage 2 repeated Waheguru quietly for five minutes.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Sukh shanti: Year 2 have been talking about what peace means.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Sukh in Year 1 led the kirtan beautifully today!", "pupil-name", True),
    ("courtney", "Whoever dumped rubbish by the gate: you are a lazy, selfish git.", "offensive", True),
    (
        "rackham",
        "Otter Class counted 43 buses on Upper Street in ten minutes for their maths survey.",
        "trip-whereabouts",
        False,
    ),
    (
        "no-names-no-faces",
        "Little Miss Sunshine in Otters jumped in every puddle today!",
        "pupil-name",
        False,
    ),
    # scientists and their laws, stars, an artist's work, a name given to an animal, a picture book's child
    (
        "no-names-no-faces",
        "Year 10 learnt about the work of Marie and Pierre Curie today.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Newton's third law in action: Year 8 launched their bottle rockets!",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Sirius is the brightest star in the night sky. Astronomy Club will look for it tonight.",
        "pupil-name",
        False,
    ),
    ("courtney", "Year 9 built Faraday cages out of kitchen foil this lunchtime.", "individual-pupil", False),
    (
        "courtney",
        "Year 10 have been studying Turner's stormy seascapes this half term.",
        "pupil-surname",
        False,
    ),
    (
        "courtney",
        "A robin visits our bird table every morning. We've named him Colin, after the boy in The Secret Garden.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Kestrel Class have been learning to ring the bells at St Oswald's.",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "Reception loved Hair Love: Zuri's dad wrestling with her curls had everyone giggling!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Sirius is a wee star: he helped a new pupil all week.", "pupil-name", True),
    # one child by how they felt, a medallist, a house by its own name, dialect
    (
        "courtney",
        "A very proud Year 7 held our corn snake for the first time today!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Our Year 13 silver medallist is getting the certificate framed!", "individual-pupil", True),
    (
        "courtney",
        "Lost: a navy fleece. If found, please return it to Greystones, Low Lane, Thornsgill.",
        "personal-data",
        True,
    ),
    ("sutton-manor", "Mrs Raw says our Yorkshire puddings are the best since her mam's!", "spelling", False),
    # nicknames coaches make of surnames
    (
        "courtney",
        "Well done Jonesy, who didn't miss a single shot in the second half!",
        "pupil-surname",
        True,
    ),
    ("courtney", "Walshy was unstoppable on the wing today: two tries!", "individual-pupil", True),
    ("courtney", "Robbo's last-ditch tackle saved the game today!", "pupil-surname", True),
    # other languages: swearing, titles, greetings, a number abroad, a language named after a misspelling
    ("courtney", "Merde! The tour company has lost our booking.", "offensive", True),
    (
        "courtney",
        "Bienvenidos to Profesor Mateo Serrano, who joins our Spanish lessons this week!",
        "individual-pupil",
        False,
    ),
    (
        "sutton-manor",
        "Herzlichen Glückwunsch to everyone who sat the German exam today. Sehr gut gemacht!",
        "spelling",
        False,
    ),
    (
        "sutton-manor",
        "Good luck to our Year 7 spelling bee finalists. Vous êtes formidables !",
        "spelling",
        False,
    ),
    (
        "courtney",
        "Our tour guide Klaus offers tutoring online: WhatsApp him on +49 151 2345 6789.",
        "personal-data",
        True,
    ),
    (
        "sutton-manor",
        "Every Year 9 student wrote a seperate diary entry in Spanish each night.",
        "spelling",
        True,
    ),
    ("sutton-manor", "Year 2 learnt the colours in French: rouge, bleu, vert.", "spelling", False),
    # a class by its plural verb; a birthplace; a day that is over; pen pals; a letter's subject
    (
        "no-names-no-faces",
        "Celyn are off to the beach this morning with buckets and spades!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Celyn has lost her first tooth today!", "pupil-name", True),
    (
        "rackham",
        "We're celebrating Roald Dahl, who was born just down the road in Llandaff.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Year 4 are on the coach after a brilliant day at St Fagans and should be back at school for about 3:30.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "Year 3 will be writing to their pen pals in Chester next week.", "trip-whereabouts", False),
    (
        "rackham",
        "Year 5 wrote letters to the council about a new crossing on Mill Road.",
        "trip-whereabouts",
        False,
    ),
    # virtues and a carol; words the dictionary has where another is meant
    (
        "no-names-no-faces",
        "Faith, Hope and Love are the three words Year 4 chose for their prayer garden.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Noel, Noel! Year 3 have learnt The First Noel in two parts.", "pupil-name", False),
    ("sutton-manor", "Every class has an Advent calender on the wall.", "spelling", True),
    ("sutton-manor", "Please don't loose your reading book over half term.", "spelling", True),
    # a federation's schools, whose second words are pupils' surnames
    (
        "no-names-no-faces",
        "Snow overnight: Nether Wyke is open as normal, but Hollins Cross is closed today.",
        "pupil-surname",
        False,
    ),
    (
        "no-names-no-faces",
        "The photographer visits Hollins Cross on Tuesday and Nether Wyke on Wednesday.",
        "pupil-surname",
        False,
    ),
    ("courtney", "Well done Cross for a brilliant goal on Saturday!", "pupil-surname", True),
    (
        "no-names-no-faces",
        "Nether Wyke's school council chair showed the governors round today like a pro.",
        "pupil-surname",
        False,
    ),
    # a famous one-name artist is no surname's nickname; a Welsh word counted in its mutated form
    ("courtney", "Year 10's stencil workshop this afternoon was very Banksy!", "pupil-surname", False),
    ("courtney", "Banksy would love Year 10's stencil mural!", "pupil-surname", False),
    ("sutton-manor", "Diolch, ddisgyblion!", "spelling", False),
    # a trip's paperwork is no trip
    (
        "courtney",
        "Reminder: breakfast club opens at 8am in the hall, and the Year 6 residential meeting for parents is "
        "on Thursday.",
        "trip-whereabouts",
        False,
    ),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-14")

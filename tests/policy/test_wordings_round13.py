"""Kinds the round-13 blind sets showed (issue 12): forms named after houses ("7 Hilda") and their houses
in results and lists, a place's name misspelt where it ends a venue's name ("the Natural History Musuem"),
a photo's caption of what a child is doing, a cheer for a bowler or a swimmer in a hashtag, a journey's end
that is a pupil's name, and a school's own chapel. Each must be read as a careful head would, and the real
finding beside it must stay. The sentences are the project's own, not the blind sets'."""

from __future__ import annotations

from wording_cases import wording_test

ROSTER = """first_name,last_name,year_group,class_name,photo_consent
Cuthbert,Ellis,Year 7,7 Cuthbert,yes
Oswald,Reed,Year 8,8 Wilfrid,yes
Wilfrid,Carr,Year 9,9 Oswald,yes
Maya,Hart,Year 10,10 Etheldreda,yes
Sam,Cole,Year 11,11 Cuthbert,yes
Primrose,Lane,Year 2,Hedgehogs,yes
Ivy,Shaw,Year 3,Badgers,yes
Sienna,Jones,Year 12,12 Wilfrid,yes
Tomasz,Nowak,Year 6,Kestrels,yes
Caleb,Grant,Year 9,9 Cuthbert,yes
Florence,Webb,Year 12,12 Oswald,yes
Max,Roman,Year 5,5R,yes
Henry,Hartley,Year 8,8C,yes
Ned,Parsons,Year 8,8W,yes
Tom,Wilkinson,Year 6,6S,yes
Wilf,Okafor,Year 8,8C,yes
Brigid,Walsh,Year 3,Assisi,yes
Jazz,Bell,Year 10,10J,yes
Oliver,Crane,Year 9,9C,yes
Nancy,Hill,Year 11,11H,yes
Leah,Marsden,Year 11,11M,yes
Grace,Fox,Year 8,8F,yes
Nadia,Berlin,Year 12,12B,yes
Eden,Mensah,Year 8,8S,yes
Devon,Price,Year 11,11B,yes
Kerry,Doyle,Year 6,P7,yes
Tyrone,Kelly,Year 5,P6,yes
Erin,Quinn,Year 4,P5,yes
Fionn,Byrne,Year 3,P4,yes
Gerry,Lynch,Year 2,P3,yes
Marcus,Adeyinka,Year 13,13H,yes
Jo,Reid,Year 13,13H,yes
Daisy,Ford,Reception,Robins,yes
Douglas,Moss,Year 1,Robins,yes
Mabel,Shaw,Year 2,Kingfishers,yes
Alfie,Kemp,Year 1,Robins,yes
Noah,Sands,Reception,Bumblebees,yes
Cal,Marsh,Year 2,Kingfishers,yes
Iman,Qureshi,Year 7,7 Khadijah,yes
Dua,Rahman,Year 7,7 Khadijah,yes
Safa,Hussain,Year 7,7 Khadijah,yes
Marwa,Ali,Year 8,8 Fatimah,yes
Hira,Malik,Year 7,7 Khadijah,yes
Medina,Khan,Year 9,9 Sumayyah,yes
Robin,Hart,Year 3,Otters,yes
Summer,Gale,Year 2,Foxes,yes
Autumn,Reid,Year 4,Falcons,yes
Holly,Bishop,Year 9,9 Mynd,yes
Dexter,Rowlands,Year 8,8 Wrekin,yes
Hope,Walker,Year 4,Dipper,yes
Morley,Shaw,Year 5,Kestrel,yes
Tristan,Hosking,Year 3,Seal,yes
Kerensa,Nance,Year 4,Gannet,yes
Ruby,Trelawny,Year 5,Gannet,yes
Jago,Pendeen,Year 6,Gannet,yes
Poppy,Rainford,Year 9,Badger,yes
Harry,Fields,Year 10,Badger,yes
Matilda,Gray,Year 2,Wrens,yes
Will,Young,Year 5,Maple,yes
Austin,Reeve,Year 4,Maple,yes
Paris,Lowe,Year 1,Maple,yes
"""

CASES = [
    # forms named after houses: the house's name in its results, and a list with a house no pupil is named
    (
        "rackham",
        "Inter-house swimming gala results: 1st Etheldreda, 2nd Oswald, 3rd Cuthbert, 4th Wilfrid.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "Our Year 9 history display: Cuthbert, Etheldreda, Oswald and Wilfrid, the saints of the north.",
        "pupil-name",
        False,
    ),
    ("rackham", "Oswald scored twice for the U14s on Saturday.", "individual-pupil", True),
    ("rackham", "Oswald, Wilfrid and Caleb were outstanding in goal.", "individual-pupil", True),
    ("no-names-no-faces", "Cuthbert and Wilfrid led the relay brilliantly.", "pupil-name", True),
    # the everyday word a venue's name ends in, misspelt
    (
        "sutton-manor",
        "Year 5 loved the Science Musuem today. Back at school for 3pm.",
        "spelling",
        True,
    ),
    ("sutton-manor", "Book fair in the Libary all week after school.", "spelling", True),
    ("sutton-manor", "Evensong at Durham Cathederal was beautiful.", "spelling", True),
    ("sutton-manor", "Lunch at the Galery café before the coach home.", "spelling", True),
    ("sutton-manor", "Year 3 met Mrs Gallery from the council today.", "spelling", False),
    # a caption of what a child does
    ("sutton-manor", "Primrose meeting the new guinea pigs this morning.", "individual-pupil", True),
    ("no-names-no-faces", "Ivy proudly showing off her certificate!", "pupil-name", True),
    ("sutton-manor", "Primroses flowering by the gate this morning.", "individual-pupil", False),
    # a cheer for what a player did, in a hashtag
    ("no-names-no-faces", "Unbeaten all season! #WellBowledCaleb", "pupil-name", True),
    ("no-names-no-faces", "A record at the gala. #WellSwumSienna", "pupil-name", True),
    # a journey's end that is a pupil's name, and a pupil's name after "from"
    (
        "no-names-no-faces",
        "Our Year 12 classicists took the train from Rome to Florence today. Back at the hotel now!",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "A huge thank you from Tomasz to Florence for the lift.", "pupil-name", True),
    # the school's own chapel
    (
        "no-names-no-faces",
        "The Bishop confirmed 14 of our students in Chapel this evening.",
        "trip-whereabouts",
        False,
    ),
    ("no-names-no-faces", "Our choir sing at the Chapel Royal on Friday at 3pm.", "trip-whereabouts", True),
    (
        "st-catherine",
        "Dates for the diary: the Advent Carol Service is in Chapel on Sunday 29th November at 5pm.",
        "trip-whereabouts",
        False,
    ),
    # a kind of family, and the surnames of a match report's scorers
    ("st-catherine", "Year 5 ate a meal just as a Roman family would have done.", "pupil-surname", False),
    ("st-catherine", "Thank you to the Roman family for the cakes!", "pupil-surname", True),
    ("rackham", "U13s won 24-5! Tries for Hartley and Parsons in the second half.", "pupil-surname", True),
    ("rackham", "What a knock from the opener today. #ProudOfOkafor", "pupil-surname", True),
    ("rackham", "Three tries for the U12s and goals for the U11s.", "individual-pupil", False),
    # a team's nickname for a boy the roster has
    (
        "rackham",
        "Apparently Tommo has never missed a tackle in his life. What a game from him!",
        "individual-pupil",
        True,
    ),
    # houses named after famous people, numbered rooms and a parents' portal are the school's own
    (
        "courtney",
        "Welcome to our new boarders! The houseparents in Brunel and Shackleton can't wait to meet you tonight.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Timetables are on the portal, and Latin clinics run at lunchtime in Room 12 on Tuesday.",
        "trip-whereabouts",
        False,
    ),
    ("courtney", "Year 7 visit Darwin College on Friday at 10am.", "trip-whereabouts", True),
    # another language's greetings are not misspelt
    ("sutton-manor", "Dia duit! P3 have been learning to count in Irish.", "spelling", False),
    # a role only one child holds, as a hashtag, and a team that the role names
    (
        "courtney",
        "Congratulations to our #StarWriter in Year 4, whose poem has won the county prize!",
        "individual-pupil",
        True,
    ),
    ("courtney", "Say hello to our Head Student team for this year!", "individual-pupil", False),
    ("courtney", "Our cox kept her crew calm and steered them into the final!", "individual-pupil", True),
    (
        "courtney",
        "Early start for our Boat Club captain, who races at Dorney Lake today.",
        "individual-pupil",
        True,
    ),
    # a saint's things, in a post that names the saint
    (
        "sutton-manor",
        "Assisi Class made Brigid's crosses from paper straws this week. #StBrigid #Imbolc",
        "individual-pupil",
        False,
    ),
    ("sutton-manor", "Brigid's cross won the art prize today!", "individual-pupil", True),
    # praise for how a team did at an event is over; good luck is to come
    ("courtney", "Well done to all of our dancers at the Feis this weekend!", "trip-whereabouts", False),
    ("courtney", "Good luck to all of our dancers at the Feis this weekend!", "trip-whereabouts", True),
    (
        "courtney",
        "Children can wear green on Tuesday for a £1 donation to Trócaire, and the hall is decorated by Year 2.",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Good luck to the Ellington Big Band, who compete at the jazz festival today!",
        "trip-whereabouts",
        False,
    ),
    # a musical by its "!", a play by its author, a play by its people, a hymn
    (
        "no-names-no-faces",
        "Oliver! auditions are on Tuesday after school in the drama studio.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Thank you to everyone who helped backstage at Oliver! What a week.",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "Well done Oliver! You were brilliant in the cast of our show.",
        "pupil-name",
        True,
    ),
    (
        "no-names-no-faces",
        "Year 11 are rehearsing DNA by Dennis Kelly. Leah's monologue is the hardest to learn!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "Year 9 compared Mickey and Eddie's childhoods today. Mrs Johnstone's story is a tough one.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Year 9 have started Journey's End. Osborne's calm in the dugout had them talking.",
        "pupil-surname",
        False,
    ),
    (
        "st-catherine",
        "Amazing Grace closed the concert, with the whole school joining in.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Jazz absolutely nailed the alto solo at last night's concert!",
        "individual-pupil",
        True,
    ),
    # people called names
    (
        "courtney",
        "The tenors finally cracked bar 32 tonight. Took the lazy sods long enough!",
        "offensive",
        True,
    ),
    ("courtney", "The Year 6 gardeners laid the first sods of turf today.", "offensive", False),
    # a phone's "2" for "to"
    (
        "sutton-manor",
        "We r at the Empire State Building now & heading 2 Times Square at 5!",
        "personal-data",
        False,
    ),
    ("sutton-manor", "Please drop it round to 2 Church Road.", "personal-data", True),
    ("sutton-manor", "Kit list 2 follow. Looking forward 2 seeing you all.", "text-speak", True),
    ("sutton-manor", "Team 2 start at 9 and we need 2 volunteers.", "text-speak", False),
    # a trip's next item; a parent by the child's year; a player by their trade
    (
        "rackham",
        "Check-in done at the Row NYC, and floor 14 is all ours! Dinner at 6:30 in Times Square.",
        "trip-whereabouts",
        True,
    ),
    ("rackham", "Lunch at 12:30 in the hall for all new starters.", "trip-whereabouts", False),
    ("courtney", "Lost prom ticket! If found, please call Jo (Year 13 parent).", "individual-pupil", False),
    (
        "courtney",
        "Thank you to jazz saxophonist Marcus Reed for a brilliant masterclass with our musicians.",
        "individual-pupil",
        False,
    ),
    ("courtney", "Well done to our saxophonist Marcus for his solo.", "individual-pupil", True),
    # places: a city abroad that is a pupil's surname, a river, a county's part
    (
        "no-names-no-faces",
        "Eden and Nadia have put together a brilliant Berlin photo diary for our Year 11s.",
        "pupil-surname",
        False,
    ),
    ("no-names-no-faces", "Nadia Berlin has finally made it to Berlin!", "pupil-surname", True),
    (
        "no-names-no-faces",
        "Last summer Year 13 spent a week on the River Eden in Cumbria.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Year 11 compared the coast of north Devon with Holderness.", "pupil-name", False),
    ("no-names-no-faces", "Devon and Eden led the Year 11 fieldwork brilliantly.", "pupil-name", True),
    # grammar and geography's words
    ("sutton-manor", "Year 9 paid there respects at Tyne Cot today.", "spelling", True),
    ("sutton-manor", "The groynes along the beach trap the sediment.", "spelling", False),
    # a member of staff by title; a department
    (
        "rackham",
        "Episode 3 features our own Mr Okafor, who was in Berlin when the Wall fell!",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Happy retirement to Mrs Hale from everyone in the Humanities team on Friday at 3pm!",
        "trip-whereabouts",
        False,
    ),
    # Ireland: counties, a legend's people, greetings
    (
        "no-names-no-faces",
        "P6 are still arguing about whether Kerry or Donegal had the better season. The Tyrone supporters are quiet!",
        "pupil-name",
        False,
    ),
    (
        "no-names-no-faces",
        "P4 can name the counties of Ulster: Antrim, Armagh, Down, Derry and Tyrone.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Kerry and Tyrone won the P7 chess final!", "pupil-name", True),
    ("courtney", "At the Causeway we heard how Fionn mac Cumhaill built it.", "individual-pupil", False),
    ("no-names-no-faces", "Erin go Bragh! P1 made shamrock crowns today.", "pupil-name", False),
    (
        "no-names-no-faces",
        "Grace before lunch sounded lovely in Irish today. Maith sibh!",
        "pupil-name",
        False,
    ),
    ("courtney", "Our lollipop man Gerry turns 70 today! Happy birthday, Gerry!", "individual-pupil", False),
    ("courtney", "A special welcome to our new P1s in Rathlin Class.", "individual-pupil", False),
    # an infant school's phones: a name label, a parent by the class, a toy and a pet, a pet name, a book
    (
        "no-names-no-faces",
        "lost property: a unicorn lunchbox and a cardigan labelled 'Daisy F' 👀",
        "pupil-name",
        True,
    ),
    ("courtney", "For a copy of the DVD, please text Sam (Robins dad) on Friday.", "individual-pupil", False),
    (
        "rackham",
        "found: a pink rabbit comforter called Mabel 🐰 she's in the office",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "the robins have a new class rabbit!! please welcome Daisy 🐰 she likes carrots",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "please welcome Daisy to the Robins! she has settled in so well",
        "individual-pupil",
        True,
    ),
    ("no-names-no-faces", "Sands left everyone standing in the reception sprint!", "pupil-surname", True),
    (
        "no-names-no-faces",
        "our little Dougie has learned to ride his bike without stabilisers!",
        "pupil-name",
        True,
    ),
    (
        "rackham",
        "we're reading Alfie Gets in First this week 📚 the robins think Alfie should have held on to the key!",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "welcome to the world baby Esme 💕 Mrs Kaur's little girl arrived safely, mum and baby doing well",
        "individual-pupil",
        False,
    ),
    # a police officer by title; a village one letter from a pet name ("Cally" for Cal) is no pupil
    (
        "st-catherine",
        "Thank you, Tiverton police! PCSO Marsh let everyone try the radio.",
        "pupil-surname",
        False,
    ),
    (
        "rackham",
        "Falcon Class are walking from West Kirby to Caldy and should pass the station at about 1:45.",
        "individual-pupil",
        False,
    ),
    ("rackham", "Cally has learned to ride her bike without stabilisers!", "individual-pupil", True),
    # a Muslim school's words, places and titles
    ("no-names-no-faces", "Please keep our Year 11s in your dua as their mocks begin.", "pupil-name", False),
    (
        "st-catherine",
        "A reminder from the khutbah today that patience is half of iman.",
        "individual-pupil",
        False,
    ),
    (
        "sutton-manor",
        "Taraweeh timetables for local masajid are on the noticeboard. Jazakallah khair!",
        "spelling",
        False,
    ),
    (
        "no-names-no-faces",
        "Our Umrah group is home safe. The girls say walking between Safa and Marwa was the moment they will never forget.",
        "pupil-name",
        False,
    ),
    ("no-names-no-faces", "Safa and Marwa won the Year 7 recitation prize!", "pupil-name", True),
    ("no-names-no-faces", "Year 8 learnt about the Cave of Hira this week.", "pupil-name", False),
    ("courtney", "Year 8 mapped the Hijrah from Makkah to Medina this week.", "individual-pupil", False),
    (
        "rackham",
        "Year 10 are reading selected chapters of Sahih al-Bukhari this half term.",
        "individual-pupil",
        False,
    ),
    (
        "no-names-no-faces",
        "Year 9 lunch will be at noon on Friday so that everyone gets to Jumu'ah.",
        "trip-whereabouts",
        False,
    ),
    # what might happen to a child, and a car wash
    (
        "st-catherine",
        "To the driver who mounted the pavement at drop-off: a child could have been seriously hurt.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "The Year 8 charity car wash raised £640 despite the weather.",
        "individual-pupil",
        False,
    ),
    # a holiday club's children, pick-up points and gates
    (
        "no-names-no-faces",
        "Robin from After-School Club has been topping up the bird feeders every day!",
        "pupil-name",
        True,
    ),
    ("no-names-no-faces", "Summer and Autumn were our Easter egg hunt champions today!", "pupil-name", True),
    ("courtney", "Autumn has been teaching the club staff how to do loom bands.", "individual-pupil", True),
    (
        "courtney",
        "Our youngest Holiday Clubbers carved their first pumpkins today.",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "Our youngest ever Sports Leader (Year 7!) refereed the whole festival.",
        "individual-pupil",
        True,
    ),
    (
        "courtney",
        "Our youngest Young Voices singer (Year 3!) fell asleep on the coach home with her glow stick still on.",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "To whoever parks in the Kids' Club drop-off bay at 7:30 every morning: please stop.",
        "trip-whereabouts",
        False,
    ),
    # a farm school: a town with a person's name in it, a breed, its stock, a level, a misspelt day, an event
    (
        "no-names-no-faces",
        "Please return it to the office or post it to Bishop's Castle library.",
        "pupil-surname",
        False,
    ),
    ("courtney", "U16 lost narrowly to Bishop's Castle on Saturday.", "pupil-surname", False),
    ("courtney", "Bishop's header won it for the U14s on Saturday!", "pupil-surname", True),
    ("rackham", "Our stock team won the Beef Challenge with Dexter steer Gerald.", "individual-pupil", False),
    ("rackham", "Shearing day! All 40 Kerry Hill ewes are feeling a lot cooler.", "personal-data", False),
    ("sutton-manor", "Year 11 have been checking the tups and weighing the hoggets.", "spelling", False),
    ("courtney", "Plenty of them are now looking at Level 3 courses.", "trip-whereabouts", False),
    ("courtney", "The first paper is on Wensday morning in the sports hall.", "trip-whereabouts", False),
    (
        "no-names-no-faces",
        "Hope to see lots of you at the Farm Open Day on Saturday!",
        "trip-whereabouts",
        False,
    ),
    (
        "courtney",
        "Good luck to Holly, who runs in the English Schools' cross-country this weekend!",
        "trip-whereabouts",
        False,
    ),
    # a reading dog read to, a judge, a map's towns, a visitor by the name he gave
    (
        "no-names-no-faces",
        "Year 4 read a whole chapter of The Hodgeheg to Bramble this afternoon. Bramble was very impressed!",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "There will be a dog show judged by Bramble's handler and the band at 1pm on the school field.",
        "trip-whereabouts",
        False,
    ),
    (
        "no-names-no-faces",
        "Morley, Selby, Batley and Otley are all on Year 5's big map of Yorkshire.",
        "pupil-name",
        False,
    ),
    (
        "sutton-manor",
        "Year 3 had a visit from a Viking re-enactor today. Olaf let every child try on his chainmail!",
        "individual-pupil",
        False,
    ),
    # a fishing village: a lifeguard, a boat, a song, a lighthouse, a flag bearer, a club's cox, a lost thing returned
    (
        "sutton-manor",
        "Well done Seal Class! Tristan, the lifeguard at the leisure centre, says they are the keenest group he has taught.",
        "individual-pupil",
        False,
    ),
    (
        "st-catherine",
        "Our Year 6 rowers helped the gig club launch their newest boat, Kerensa, on Saturday. She's a beauty!",
        "individual-pupil",
        False,
    ),
    (
        "courtney",
        "What a day! The parade, the pasties and the loudest ever rendition of 'Trelawny' on the harbour front.",
        "pupil-surname",
        False,
    ),
    ("courtney", "Trelawny scored twice for the U11s on Saturday!", "pupil-surname", True),
    (
        "no-names-no-faces",
        "Gannet Class mapped every cove between Mount's Bay and Pendeen lighthouse.",
        "pupil-surname",
        False,
    ),
    (
        "st-catherine",
        "Our flag bearer led the whole parade yesterday without a single wobble. So proud of him!",
        "individual-pupil",
        True,
    ),
    (
        "st-catherine",
        "Our rowers are learning to feather an oar and keep time with the cox in the harbour.",
        "individual-pupil",
        False,
    ),
    (
        "rackham",
        "Lost: a blue buoyancy aid. If you've seen it, please return it to Dave at the club on Saturday at 10.",
        "trip-whereabouts",
        False,
    ),
    # a PTA's grown-ups' evenings, a book stall, somebody's own garage, a house number after "at"
    (
        "rackham",
        "Tonight's quiz night is sold out! See you all at the village hall at 7:30.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Christmas market stallholders: set-up at the village hall is from 8am on Saturday 5th December.",
        "trip-whereabouts",
        False,
    ),
    (
        "rackham",
        "Year 5 are singing at the village hall on Saturday at 7:30. Come and hear them!",
        "trip-whereabouts",
        True,
    ),
    (
        "no-names-no-faces",
        "The book stall will have copies of Matilda, The Twits and plenty more. All books 20p!",
        "pupil-name",
        False,
    ),
    (
        "rackham",
        "The gazebos are being stored in Tom's garage at 3 Mill Cottages, Thornley.",
        "personal-data",
        True,
    ),
    (
        "rackham",
        "The gazebos are being stored in Tom's garage at 3 Mill Cottages, Thornley.",
        "trip-whereabouts",
        False,
    ),
    ("rackham", "Raffle tickets from Smith's Garage at 4 High Street.", "personal-data", False),
    (
        "courtney",
        "Going for gold! Our sponsored #FunRun raised £1,300 for new PE equipment.",
        "individual-pupil",
        False,
    ),
    # a special school's sport: an insult with an adverb, a medal given to a surname, a town, s' as a possessive
    ("st-catherine", "Some people are utterly selfish gits. Please keep the bays free.", "offensive", True),
    (
        "no-names-no-faces",
        "Gold in the boccia at the regional Panathlon goes to Rainford!",
        "pupil-surname",
        True,
    ),
    (
        "no-names-no-faces",
        "A huge thank you to the garden centre in Rainford, who donated forty lavender plants.",
        "pupil-surname",
        False,
    ),
    ("rackham", "Fields' winning throw in the boccia final was pure class.", "pupil-surname", True),
    ("rackham", "The boys' changing rooms are being repainted this week.", "individual-pupil", False),
    # a burst water main's road, a bus bay, a weekend's finished expedition, a Hindu dance night
    (
        "st-catherine",
        "Due to a burst water main on Bolton Road, school is closed today. Work will be set on Teams by 10am.",
        "trip-whereabouts",
        False,
    ),
    (
        "sutton-manor",
        "All our Bronze DofE teams completed their expedition in Gisburn Forest this weekend. #DofE",
        "trip-whereabouts",
        False,
    ),
    (
        "sutton-manor",
        "Our Bronze teams passed checkpoint 3 at Stocks Reservoir at 1:10pm and are due at camp by 4:30.",
        "trip-whereabouts",
        True,
    ),
    ("sutton-manor", "Our garba night was a huge success! Thank you, families! #Navratri", "spelling", False),
    (
        "rackham",
        "Diwali at Millbank: our garba night is on Friday 16th October from 6:30pm in the sports hall.",
        "trip-whereabouts",
        False,
    ),
    # what the round's first fixes broke on older sets, and their mending: a quote's end is no possessive, a
    # hashtag's first word is no surname, a save praised in a hashtag, "stallholders" who are pupils' interviewees,
    # a coach due back at school
    (
        "no-names-no-faces",
        "Maple Class wrote postcards 'from Paris' to Year 1. Très bien!",
        "pupil-name",
        False,
    ),
    (
        "courtney",
        "Congratulations to Will on his Young Carer of the Year award! #YoungCarers",
        "pupil-surname",
        False,
    ),
    ("no-names-no-faces", "Not one goal conceded this morning! 🧤 #SuperSaveAustin", "pupil-name", True),
    (
        "rackham",
        "If you're at Leicester Market on Friday around 10, say hello to Year 4! They're interviewing stallholders.",
        "trip-whereabouts",
        True,
    ),
    (
        "courtney",
        "The ski coach is due back at the Secondary car park at around 6am on Saturday.",
        "trip-whereabouts",
        False,
    ),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES, ROSTER, "round-13")

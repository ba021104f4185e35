"""Wordings the round-7 blind sets showed outside the pupil categories (issue 12): each must be found,
and the look-alike beside it must not be."""

from __future__ import annotations

from wording_cases import wording_test

CASES = [
    # an animal word insults only when a person is called one
    (
        "courtney",
        "Whoever let their dog foul the path again: you're a disgusting pig. Bag it and bin it.",
        "offensive",
        True,
    ),
    ("courtney", "To the drivers parking on the zigzags: you selfish cows.", "offensive", True),
    (
        "courtney",
        "Peppa is a cheeky pig and Year 1 loved her. At the farm you will meet the pigs.",
        "offensive",
        False,
    ),
    ("courtney", "She's a sheep in the nativity and he's a donkey!", "offensive", False),
    ("courtney", "Parking in the disabled bay at pick-up: shame on you, you selfish git.", "offensive", True),
    ("courtney", "Some drivers are selfish pr*cks. Please leave the bays free.", "offensive", True),
    ("courtney", "You are a disgusting excuse for a human being. Clean up after it.", "offensive", True),
    # text language
    ("sutton-manor", "Great to c so many grown-ups at our Dads and Doughnuts morning.", "text-speak", True),
    (
        "sutton-manor",
        "Year 4 learnt that oranges contain vitamin c and the notes a, b and c.",
        "text-speak",
        False,
    ),
    ("sutton-manor", "Massive well done 2 Tommy for his first ever goal for the U9s!", "text-speak", True),
    ("sutton-manor", "Our Reception class r learning to count in twos.", "text-speak", True),
    # British spellings by their use, and slips of the apostrophe and of "there"
    ("sutton-manor", "Practise makes perfect! Netball practice is on Tuesday.", "spelling", True),
    (
        "sutton-manor",
        "We practise our times tables daily. In practice, good practice wins.",
        "spelling",
        False,
    ),
    ("sutton-manor", "Well done to our pen license winners this week.", "spelling", True),
    ("sutton-manor", "OMG what a match!! Our U11 boys won 5-4. Cant believe it.", "spelling", True),
    ("sutton-manor", "Parents of Year 2: their will be no swimming next week.", "spelling", True),
    (
        "sutton-manor",
        "Please make sure your child has there PE kit in school every Monday.",
        "spelling",
        True,
    ),
    ("sutton-manor", "Well done Precious! Your kindness to new pupils has been noticed.", "spelling", False),
    ("sutton-manor", "Year 2 read from the Qur'an in our Eid assembly.", "spelling", False),
    # Welsh and Irish sentences, and the Scots and Welsh words schools write
    ("sutton-manor", "Mae Osian wedi ennill! Osian won the regional art competition.", "spelling", False),
    ("sutton-manor", "Pob lwc to our Year 6 leavers, and please come back and visit.", "spelling", False),
    ("sutton-manor", "Happy St Patrick's Day! Go raibh maith agaibh!", "spelling", False),
    ("sutton-manor", "A dreich morning, but Primary 3 still loved neeps and tatties.", "spelling", False),
    # personal data
    (
        "courtney",
        "Our crossing patrol, Dave, lives just opposite school at 2 Court Road.",
        "personal-data",
        True,
    ),
    ("courtney", "Our new school site is at 4 Park Road from September.", "personal-data", False),
    (
        "courtney",
        "The parent who found them lives at 7 Heol y Felin and says knock and collect.",
        "personal-data",
        True,
    ),
    (
        "courtney",
        "Match report: Year 5/6 girls 4–1 Warmley Park. Proud of every one of you!",
        "personal-data",
        False,
    ),
    (
        "courtney",
        "Holiday club is run by SuperStars Sports. Bookings are through their website or on 0117 496 0881.",
        "personal-data",
        False,
    ),
]


test_the_wording_is_read_as_a_careful_head_would = wording_test(CASES)

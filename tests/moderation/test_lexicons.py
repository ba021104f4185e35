"""The lexicons, from tables of words that must and must not match, and their spans."""

from __future__ import annotations

import pytest

from safepost.policy.moderation import lexicons
from safepost.policy.moderation.normalise import normalise

SWEARING = [
    ("Bloody brilliant show", "Bloody"),
    ("what a load of sh1te", "sh1te"),
    ("b0ll0cks to that", "b0ll0cks"),
    ("absolute tw@t", "tw@t"),
    ("w4nkers the lot of them", "w4nkers"),
    ("f*cking ridiculous", "f*cking"),
    ("f***ing ridiculous", "f***ing"),
    ("total sh!tshow", "sh!tshow"),
    ("ffs sort it out", "ffs"),
    ("proud af", "af"),
    ("Effing brilliant", "Effing"),
    ("f u c k this", "f u c k"),
    ("fuuuuck me", "fuuuuck"),
    ("Ьollocks", "Ьollocks"),
    ("sh\u200bite", "sh\u200bite"),
    ("he's a right knobhead", "knobhead"),
    ("you bellend", "bellend"),
    ("taking the piss", "taking the piss"),
]
CLEAN = [
    "Flipping brilliant, blooming marvellous, blimey, crikey, gosh, OMG!",
    "Knackered but chuffed, gutted to miss it, lush day, tidy butt",
    "A trip to Scunthorpe, Penistone and Cockermouth",
    "Dickens costume for the assessment week",
    "The cocktail party in Middlesex and Sussex",
    "Hello, the class passage was about a grasshopper",
    "Lol what a day",
    "Our Year 10 start at 9am on the 1st",
    "Blue tits at the bird feeder",
    "A bloody nose in PE, he's fine",
    "The door knob is broken",
    "We cut the first sod for the new building",
    "Cows and pigs at the farm visit",
]


@pytest.mark.parametrize(("text", "matched"), SWEARING)
def test_it_finds_swearing_plain_masked_leet_and_abbreviated_and_marks_what_was_typed(
    text: str, matched: str
) -> None:
    hits = lexicons.find_profanity(text)
    assert [h.matched for h in hits] == [matched]
    hit = hits[0]
    assert text[hit.start : hit.end] == matched


@pytest.mark.parametrize("text", CLEAN)
def test_minced_oaths_british_informal_words_and_place_names_are_clean(text: str) -> None:
    assert lexicons.find_offensive(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not sending my lad to school with r*tards", "slur"),
        ("full of p*kis now", "slur"),
        ("that's so gay", "slur"),
        ("Yer all a bunch of muppets", "insult"),
        ("she's a useless cow", "insult"),
        ("half of them can't speak a word of English", "discrimination"),
        ("Eid? This is England", "discrimination"),
        ("@MissJones can keep me behind after class 😏", "sexual"),
        ("🖕", "offensive-gesture"),
    ],
)
def test_it_finds_slurs_insults_hostility_sexual_remarks_and_gestures(text: str, code: str) -> None:
    assert code in {h.code for h in lexicons.find_offensive(text)}


@pytest.mark.parametrize(
    "text",
    [
        "A cow at the farm",
        "We saw the clowns at the circus",
        "Is the dog show on Saturday?",
        "Fags outside the gate",
    ],
)
def test_words_with_an_innocent_sense_count_only_when_aimed_at_someone(text: str) -> None:
    assert lexicons.find_offensive(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I'll be waiting for him after school", "violence"),
        ("Someone should put a brick through their window", "violence"),
        ("I just don't want to be here anymore", "self-harm"),
        ("my son has started cutting his arms", "self-harm"),
        ("just kys", "self-harm"),
        ("kids reading this, add me on discord for free robux", "grooming"),
        ("Hi girls! You're all so pretty 😘", "grooming"),
        ("She lives at 9 Mill Lane if anyone wants a word", "doxxing"),
    ],
)
def test_it_finds_threats_self_harm_grooming_and_doxxing(text: str, code: str) -> None:
    assert code in {h.code for h in lexicons.find_threats(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Year 6 absolutely killed it!",
        "I'm dying in this heat",
        "Dying to know the results",
        "FFS that car park is a death trap",
        "Nearly died laughing 😂💀",
        "My son is so excited about the trip tomorrow",
        "Message me if you'd like to join the PTA",
    ],
)
def test_violent_or_deathly_idioms_are_not_threats(text: str) -> None:
    assert lexicons.find_threats(text) == []


def test_a_named_child_at_a_place_at_a_time_is_found_as_whereabouts() -> None:
    hits = lexicons.find_child_whereabouts("Our Lily is at Brownies every Wednesday 6-7.30, so proud of her!")
    assert [h.code for h in hits] == ["child-whereabouts"]
    assert lexicons.find_child_whereabouts("Our Lily loved Brownies this year") == []


@pytest.mark.parametrize(
    ("text", "finder", "code"),
    [
        ("She turned my £250 into £8,000!!", lexicons.find_scam, "scam-crypto"),
        ("Your account has been flagged. Verify ownership: x-help.help", lexicons.find_scam, "phishing"),
        ("You have been selected for a £100 Asda voucher", lexicons.find_scam, "prize-scam"),
        ("2,000 real followers for £9.99", lexicons.find_scam, "follower-selling"),
        ("Essay writing service, plagiarism-free", lexicons.find_scam, "essay-mill"),
        ("We manage school socials from £29 a month", lexicons.find_scam, "commercial-promotion"),
        ("Free spins, no deposit!", lexicons.find_adult_or_gambling, "gambling"),
        ("18+ exclusive content, link in bio", lexicons.find_adult_or_gambling, "adult-content"),
    ],
)
def test_it_finds_scams_adult_content_and_gambling(text: str, finder: object, code: str) -> None:
    assert callable(finder)
    assert code in {h.code for h in finder(text)}


def test_bio_signals_index_the_bio() -> None:
    bio = "Mum. Forex trader 💰"
    hits = lexicons.find_bio_signals(bio)
    assert [(h.code, bio[h.start : h.end]) for h in hits] == [("scam-bio", "Forex trader")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Oh brilliant, ANOTHER non-uniform day. Cheers.", "sarcasm"),
        ("Funny how staff children always get places", "insinuation"),
        ("Miss Lee clearly has her favourites", "unfairness"),
        ("I'd think very carefully before sending your child here", "warning-off"),
        ("Is anyone else worried about maths? Feel free to message me.", "rallying"),
        ("Lovely photos. Shame it's always the same kids though", "dig"),
        ("Good in all areas 🙃", "mockery-emoji"),
    ],
)
def test_it_finds_the_forms_of_undermining(text: str, code: str) -> None:
    assert code in {h.code for h in lexicons.find_undermining(text)}


def test_praise_is_found_in_dialect_and_misspelt() -> None:
    for text in (
        "wel dun evry1",
        "made up wi' that",
        "pure buzzin",
        "proper mint",
        "reyt good",
        "bostin",
        "gert lush",
    ):
        assert lexicons.find_praise(text), text


def test_negative_tone_is_zero_for_praise_and_high_for_sneering() -> None:
    assert lexicons.negative_tone("Thank you for a wonderful concert!").score == 0.0
    sneer = lexicons.negative_tone("Funny how nothing was done. Make of that what you will 🙄")
    assert sneer.score >= 0.9 and sneer.hits


def test_the_normaliser_maps_every_character_back_to_what_was_typed() -> None:
    norm = normalise("Sh1t, F U C K and tw@t")
    assert norm.text == "shit, fuck and twat"
    start = norm.text.index("fuck")
    assert norm.original_slice(start, start + 4) == "F U C K"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("touch my girl again and you'll regret it", "violence"),
        ("u better hope i dont see him in town", "violence"),
        ("his car's getting its windows put in", "violence"),
        ("watch this space. whatever it takes.", "violence"),
        ("she keeps saying she wants it all to stop", "self-harm"),
        ("i'm a burden. everyone hates me", "self-harm"),
        ("my son has been scratching himself till it bleeds", "self-harm"),
        ("any of your boys want to earn cash? dm me", "grooming"),
        ("send me the kids' names and ages for free photos", "grooming"),
        ("Mrs Kerr's house is the one opposite the chippy", "doxxing"),
        ("she lives next door to the Co-op, pop round and tell her", "doxxing"),
    ],
)
def test_round_two_structures_find_threats_made_of_intent_harm_and_target(text: str, code: str) -> None:
    assert code in {h.code for h in lexicons.find_threats(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Someone is going to get hurt on that crossing, can the council help?",
        "I'll be at the gates at 3 to collect the twins",
        "My daughter wants to die her hair blue for charity",
        "I'd kill for her patience",
        "Saying goodbye to everyone tonight at the leavers' party, thank you all",
        "You'll be sorry to hear Mrs Ince is retiring",
    ],
)
def test_round_two_structures_leave_school_chatter_with_the_same_words_alone(text: str) -> None:
    assert lexicons.find_threats(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("she doubled my savings in a month, contact her on WhatsApp", "scam-crypto"),
        ("Borrow up to £800 today, no credit checks", "job-or-loan-scam"),
        ("Free tablet for every teacher, click the link to claim", "prize-scam"),
        ("Unusual activity on your page. Secure it now at help-x.example", "phishing"),
        ("Anyone need a cleaner? Reasonable rates", "commercial-promotion"),
    ],
)
def test_round_two_structures_find_scams_by_their_shape(text: str, code: str) -> None:
    assert code in {h.code for h in lexicons.find_scam(text)}

"""Reading a post as a person does: one child without a name, surnames alone, tense and time.

Issue 12. Uses the test roster (tests/fixtures/roster.csv); the posts are our own wording of
the kinds of language the held-out sets showed, not their sentences.
"""

from __future__ import annotations

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.findings import Severity
from safepost.policy.reading import Tense, child_references, sentence_tense
from safepost.policy.roster import Roster, parse_roster
from safepost.policy.rules.base import Post
from safepost.policy.text import PostText

PUPIL = {"pupil-surname", "pupil-name", "individual-pupil", "trip-whereabouts"}


def categories(policy: Policy, roster: Roster, text: str, **post: object) -> set[str]:
    report = Checker(policy, roster).check(Post(text, **post))  # type: ignore[arg-type]
    return report.categories() & PUPIL


ONE_CHILD = [
    "One very determined Year 3 girl read her first chapter book all by herself this week.",
    "A little lad in Maple Class lost his first tooth during phonics and carried on regardless.",
    "Our star mathematician in Class 6 solved the puzzle of the week before anyone else.",
    "Shout-out to J.P. in Cedar Class, who tied her own laces for the first time!",
    "Go and see R.K.'s rocket model by the office. It really launches!",
    "Well done to SB in Year 2, who swam her first length today.",
    "Our new School Council chair ran the meeting with the governors brilliantly.",
    "Our youngest athlete won the sack race with a huge smile. Birch Class are so proud of him!",
    "Thank you to our Year 4 recycling monitor, who has emptied the paper bins all term.",
    "Three cheers for our Cedar class 'Professor', who knows every dinosaur's name!",
    "Welcome to the Novak family! Their daughter has joined Class 2 this week.",
    "A warm welcome to the newest member of Maple class, who joined us from Lisbon this week.",
    "Our youngest chorister, just four, sang a solo at the carol service.",
    "The smallest member of our choir (aged 5) sang beautifully at the concert.",
    "One of our Year 3s has written to the Prime Minister and got a reply!",
    "This little man in Nursery finally managed to zip up his own coat today.",
    "Little Miss Sunshine in Reception has been spreading smiles all week!",
    "Big shout out to Year 5's very own Picasso for the stunning mural in the hall.",
    "Sending love to a member of our Year 2 family who is in hospital this week.",
    "Our resident florist in Year 2 arranged the flowers for the harvest service.",
    "Our Year 5 physicist has built a working motor!",
    "The captain of our netball team, a Year 6 girl with a big voice, has led every warm-up this term.",
    "Birch Class's resident poet has had her haiku printed in the newsletter.",
    "The newest member of our choir (only four!) has sung her first solo.",
]
# (word-names beside a photo: see WORD_NAMES)
GROUPS_AND_OTHERS = [
    "Every child in Year 3 read a chapter book this week.",
    "A child who feels unwell should stay at home for 48 hours.",
    "Year 2 girls won the netball tournament today.",
    "Our lollipop man Dave retires on Friday after twenty years on the crossing.",
    "Year 4 have been reading The Iron Man. They loved it when he put himself back together!",
    "We welcomed the author of our class book, who read her new story to Year 5.",
    "Please bring PE kit on Monday; P.E. is outdoors this week.",
    "Our school cook made a fantastic Christmas dinner for everyone today.",
    "Year 2 went to the farm and met a calf. She was only two days old!",
    "Well done to our Year 6 netball team, who won the league on Saturday.",
    "Please welcome our new Year 1 teacher, who joins us from Leeds this term.",
    "Their child will need a packed lunch on Friday.",
    "Year 3 have been reading Ruby's Worry and talking about feelings.",
    "Reception have been learning about Florence Nightingale. She was very brave!",
    "Our youngest singers, just four and five, sang beautifully at the carol service.",
    "Our head girl and head boy elections take place next week. Good luck to all the candidates!",
    "Year 4 loved our very own Bake Off this afternoon.",
    "The artist in residence has been working with Year 6 all week.",
    "Year 2 found a robin's nest and a jay's feather in the hedge by the field.",
    "Year 6 are learning about the Battle of Hastings and the Norman Empire this term.",
    "Year 6 met our very own Mrs Okafor's dog, who is a trained reading dog.",
]


@pytest.mark.parametrize("text", ONE_CHILD)
def test_a_child_singled_out_without_a_name_is_individual_content(
    presets: dict[str, Policy], roster: Roster, text: str
) -> None:
    assert "individual-pupil" in categories(presets["st-catherine"], roster, text)


@pytest.mark.parametrize("text", GROUPS_AND_OTHERS)
def test_groups_adults_characters_and_acronyms_are_not_one_child(
    presets: dict[str, Policy], roster: Roster, text: str
) -> None:
    assert categories(presets["st-catherine"], roster, text) == set()


def test_initials_are_read_as_a_child_but_an_authors_initials_are_not() -> None:
    kinds = [r.phrase for r in child_references(PostText("A big well done to T.M. in Year 4!"))]
    assert kinds == ["T.M."]
    assert child_references(PostText("Year 3 loved reading a story by J.K. Rowling.")) == []


SURNAMES = [
    ("Qureshi's diving save in the penalty shoot-out won us the match!", True),
    ("Baker scored twice in the second half to win the league for Year 3.", True),
    ("Player of the match: Petrova, who never stopped running.", True),
    ("Top scorer was Stone with 41 runs.", True),
    ("Thank you to Mr Baker for refereeing the match.", False),
    ("Year 2 made bread with a real baker from the village.", False),
    ("We walked along Stone Lane to the church.", False),
    ("The Green Team won the recycling cup.", False),
]


@pytest.mark.parametrize(("text", "flagged"), SURNAMES)
def test_a_pupils_surname_written_alone_is_a_full_name(
    presets: dict[str, Policy], roster: Roster, text: str, flagged: bool
) -> None:
    found = categories(presets["st-catherine"], roster, text)
    assert ("pupil-surname" in found) is flagged
    assert ("individual-pupil" in found) is flagged


WORD_NAMES = [
    ("Summer has been our Reading Champion all week, helping Year 1 with their books.", True),
    ("#GoSummer! What a race.", True),
    ("Hope did a brilliant job reading the lesson in assembly.", True),
    ("What a finish in the relay! #ProudOfYouRavi", True),
    ("Summer has arrived, so please send in sun hats.", False),
    ("Hope you have a lovely weekend.", False),
    ("Hopefully Summer will be back on the pitch soon after her injury.", True),
    ("Hopefully summer will be here soon; Year 1 have planted their seeds.", False),
    ("Hope proudly holding up her clay hedgehog! #ArtWeek", True),
    ("Congratulations to Zuzanka, who was picked for the county choir!", True),
    ("Congratulations to Liverpool on their win last night!", False),
    ("Hope and her marble run took first prize at the science fair!", True),
    ("Thank you for coming to Sunday's family picnic on the field.", False),
    ("Year 1 acted out the Three Bears. Baby Bear's chair broke, of course!", False),
    ("omg Oak class your dens!! summer had us all laughing with her 'no grown-ups' sign", True),
]


@pytest.mark.parametrize(("text", "flagged"), WORD_NAMES)
def test_a_pupils_name_that_is_a_word_counts_where_the_wording_makes_a_child_the_subject(
    presets: dict[str, Policy], roster: Roster, text: str, flagged: bool
) -> None:
    assert ("individual-pupil" in categories(presets["no-names-no-faces"], roster, text)) is flagged


def test_a_month_that_is_a_pupils_name_is_a_date_after_a_day(presets: dict[str, Policy]) -> None:
    roster = parse_roster(
        "first_name,last_name,year_group,class_name,photo_consent\nJune,Hart,Year 6,Oak,yes\n"
    )
    assert (
        categories(presets["no-names-no-faces"], roster, "Sports day is on Friday 12th June at 1:30pm.")
        == set()
    )
    assert "individual-pupil" in categories(
        presets["no-names-no-faces"], roster, "June has been our Eco Champion this half term, well done!"
    )


def test_a_name_in_no_list_is_a_childs_name_before_in_year(
    presets: dict[str, Policy], roster: Roster
) -> None:
    found = categories(presets["no-names-no-faces"], roster, "Zebediah in Year 5 built a working lighthouse.")
    assert found == {"pupil-name", "individual-pupil"}


TRIPS = [
    "We're off to the Natural History Museum on Thursday, meeting by the big dinosaur at 11.",
    "Year 2 will be at the swimming baths on Tuesday from 1:30pm.",
    "Our Year 6 netball team play at Oakfield Park this Saturday at 9am - come and support!",
    "Year 3 are having a wonderful time at Warwick Castle! Home around 4pm.",
    "Hello from Robin Hood's Bay! Class 5 are rock-pooling on the beach until 2, then it's fish and chips.",
    "Year 6: after half term you're off to Kingswood, from Monday 8th to Wednesday 10th June.",
    "Look out for our #KS2Choir at the Market Square carol concert this Friday from 6pm!",
    "Just landed at Dover Castle! Year 5 will be in the secret tunnels after lunch.",
    "Good morning from Year 4 at Kingswood! Everyone slept well.",
    "The under-11s kick off against St Mark's at Hollins Park, 4pm Wednesday. Come and support!",
]
NOT_TRIPS = [
    "Year 3 had a wonderful time at Warwick Castle on Tuesday. The jousting was the highlight!",
    "Our Year 6 netball team played at Oakfield Park on Saturday and won every game.",
    "The Castle Museum has free entry for children all next week, a lovely half-term idea.",
    "Class 5 are on the way home from Kingswood and will be back in the school car park at 3:30.",
    "The new reading shed is going to be built by the pond next week.",
    "Year 6 are reading a story set in Paris this week.",
    "Just arrived back at school after a brilliant day. Thank you to all our helpers!",
    "Our choir sang at the Guildhall carol service tonight and were wonderful.",
    "Year 2's trip to the zoo tomorrow has been cancelled because of the weather.",
    "Our Year 5 team won 3-1 in the league this evening!",
]


@pytest.mark.parametrize("text", TRIPS)
def test_future_visits_and_live_updates_say_where_pupils_will_be(
    presets: dict[str, Policy], roster: Roster, text: str
) -> None:
    assert "trip-whereabouts" in categories(presets["courtney"], roster, text)


@pytest.mark.parametrize("text", NOT_TRIPS)
def test_past_trips_going_home_things_and_invitations_to_others_are_fine(
    presets: dict[str, Policy], roster: Roster, text: str
) -> None:
    assert "trip-whereabouts" not in categories(presets["courtney"], roster, text)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Year 4 visited the zoo yesterday.", Tense.PAST),
        ("Year 4 are exploring the rock pools.", Tense.NOW),
        ("Year 4 play at the park this Saturday.", Tense.FUTURE),
        ("Year 4 will swim on Friday.", Tense.FUTURE),
        ("The library has lots of books.", Tense.NONE),
    ],
)
def test_a_sentence_is_read_as_past_now_or_future(sentence: str, tense: Tense) -> None:
    assert sentence_tense(sentence) is tense


def test_the_checker_asks_once_about_a_pupils_name_that_is_also_a_word(
    presets: dict[str, Policy], roster: Roster
) -> None:
    text = "Year 2 have been painting Summer in bright colours. Summer looks lovely in yellow!"
    report = Checker(presets["st-catherine"], roster).check(Post(text))
    asks = [f for f in report.findings if f.asks_about]
    assert [(f.asks_about, f.severity) for f in asks] == [("Summer", Severity.WARN)]
    assert asks[0].message.startswith("Is Summer a pupil here?")


def test_the_schools_answer_decides_the_word_and_stops_the_question(
    presets: dict[str, Policy], roster: Roster
) -> None:
    text = "Year 2 have been painting Summer in bright colours."
    checker = Checker(presets["st-catherine"], roster)
    as_pupil = checker.check(Post(text, pupil_words=frozenset({"summer"})))
    assert [(f.rule, f.asks_about) for f in as_pupil.findings] == [("SP103", None)]
    assert checker.check(Post(text, other_words=frozenset({"summer"}))).findings == ()


def test_no_question_where_the_wording_already_decides(presets: dict[str, Policy], roster: Roster) -> None:
    checker = Checker(presets["st-catherine"], roster)
    for text in (
        "Summer is finally here, so please send in sun hats.",  # the start of a sentence
        "We sang Amazing Grace in assembly.",  # a title
        "well done to Year 2 for their summer paintings.",  # lower case
    ):
        assert [f for f in checker.check(Post(text)).findings if f.asks_about] == [], text


def test_a_class_cheered_in_a_hashtag_is_the_class_and_a_description_is_marked_without_its_who(
    presets: dict[str, Policy],
) -> None:
    roster = parse_roster(
        "first_name,last_name,year_group,class_name,photo_consent\nAmy,Green,Year 3,Oak,yes\n"
    )
    policy = presets["st-catherine"]
    assert categories(policy, roster, "What a brilliant class assembly this morning! #WellDoneOak") == set()
    text = "Huge congratulations to our sharp-eyed Oak Class lookout, who spotted the lost dog!"
    (finding,) = Checker(policy, roster).check(Post(text)).findings
    assert text[finding.start : finding.end] == "our sharp-eyed Oak Class lookout"


def test_a_surname_that_is_a_day_or_a_month_is_a_person_only_where_the_wording_makes_one(
    presets: dict[str, Policy],
) -> None:
    """Blind set r10's roster had a pupil called Noah Friday: "on Friday" is still a day."""
    roster = parse_roster(
        "first_name,last_name,year_group,class_name\nNoah,Friday,Year 4,Parks\nAmira,May,Year 2,Oak\n"
    )
    for text in (
        "Parents' evening slots are nearly gone! Book yours on the app before Friday.",
        "Friday's cake sale raised £186 for the air ambulance. Thank you for all the bakes!",
        "May half term starts on Friday. School reopens on Monday 1st June.",
    ):
        assert categories(presets["st-catherine"], roster, text) == set(), text
    assert "pupil-surname" in categories(
        presets["st-catherine"], roster, "Player of the match was Friday, who saved three penalties!"
    )

"""SP501 offensive-language, from tables of posts that must and must not be flagged."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from safepost.policy.config import PRESETS_DIR, Policy, parse_policy
from safepost.policy.findings import Finding, Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post
from safepost.policy.rules.offensive_language import (
    DATA_FILE,
    OffensiveLanguage,
    lexicon,
    parse_lexicon,
)

RULE = OffensiveLanguage()
KEYS = {"SP501": "SP501", "offensive-language": "SP501"}


def make_policy(
    preset: str = "sutton-manor", offensive: str | None = None, rules: dict[str, Any] | None = None
) -> Policy:
    data = tomllib.loads((PRESETS_DIR / f"{preset}.toml").read_text(encoding="utf-8"))
    if offensive is not None:
        data.setdefault("writing", {})["offensive"] = offensive
    if rules is not None:
        data["rules"] = rules
    return parse_policy(data, preset, rule_keys=KEYS)


POLICY = make_policy()


def check(text: str, roster: Roster, policy: Policy = POLICY) -> list[Finding]:
    return list(RULE.check(Context(Post(text), policy, roster)))


# (post, the words the finding must mark)
FLAGGED = [
    # British swearing, as staff might write it
    ("Sports day went ahead, but it was bloody freezing on the field!", "bloody"),
    ("What a bloody brilliant performance from Year 4 tonight.", "bloody brilliant"),
    ("The coach journey home was a bloody nightmare, but we made it.", "bloody nightmare"),
    ("It's been pissing down since lunch, so PE is in the hall.", "pissing down"),
    ("Year 2 are pissing themselves laughing at the clown.", "pissing"),
    ("Honestly, the parking outside school gets me so pissed off.", "pissed off"),
    ("Bugger, the minibus has a flat tyre again.", "Bugger"),
    ("Sod it, we're doing outdoor learning anyway!", "Sod it"),
    ("Sod's law: the sun came out as soon as sports day was cancelled.", "Sod's law"),
    ("The new timetable is a load of bollocks, says Mr Brown.", "load of bollocks"),
    ("Some of us can't be arsed with the cold mornings!", "can't be arsed"),
    ("Get your arse to the cake sale, everyone!", "arse"),
    ("The staff netball team were crap, but we had fun.", "crap"),
    ("Apologies for the crappy photos from the concert.", "crappy"),
    ("The booking system was a right cock-up this week.", "cock-up"),
    ("Stop fannying about and send your forms back!", "fannying about"),
    ("Our old boiler is minging, so the new one arrives Monday.", "minging"),
    # Profanity, hidden or not
    ("Shit, we forgot the cake sale money!", "Shit"),
    ("S**t happens: the bouncy castle blew over, but nobody was hurt.", "S**t happens"),
    ("Sh1t weather for the trip, but the children loved it.", "Sh1t"),
    ("$hit weather today, sorry everyone.", "$hit"),
    ("What a sh#t week for the heating!", "sh#t"),
    ("The f***ing Wi-Fi is down again.", "f***ing"),
    ("F*ck me, that was a close match!", "F*ck"),
    ("Absolute bullsh*t from the league about our pitch.", "bullsh*t"),
    ("The heating is off again. FFS.", "FFS"),
    ("WTF happened to the sunshine?", "WTF"),
    ("Wow, what the hell was that hailstorm?", "what the hell"),
    ("Damn, so close! Runners-up in the county final.", "Damn"),
    ("Oh my God, Year 6, what a show!", "Oh my God"),
    ("The referee was a t w a t today.", "t w a t"),
    ("That parking was s.h.i.t, to be honest.", "s.h.i.t"),
    ("Shiiiit, the minibus is stuck in the mud!", "Shiiiit"),
    ("Ѕhit, the photocopier has jammed again.", "Ѕhit"),
    ("Sh\u200bit, the photocopier has jammed again.", "Sh\u200bit"),
    ("What a fucking brilliant day at the beach.", "fucking"),
    ("Well done to the whole motherfucking team.", "motherfucking"),
    ("#BloodyBrilliant day at the museum!", "BloodyBrilliant"),
    ("Great match today #shitref", "shitref"),
    # Insults aimed at people
    ("To the idiots who park on the zigzags: please stop.", "idiots"),
    ("Some drivers this morning were complete morons.", "morons"),
    ("Whichever numpty left the gate open, the chickens escaped!", "numpty"),
    ("The opposition's manager was a complete muppet.", "muppet"),
    ("Parents, don't be muppets, park at the church.", "muppets"),
    ("What a prat the other coach was.", "prat"),
    ("Whoever keeps dumping rubbish by our fence is a selfish git.", "git"),
    ("Whoever pinched the planters is a low-life.", "low-life"),
    ("The driver of the blue van was a right knob.", "knob"),
    ("You absolute plonker, whoever took the football!", "plonker"),
    ("Stupid parents parking across the driveway again.", "Stupid"),
    ("Some people are so stupid about parking.", "stupid"),
    ("The ref was useless and blind.", "useless"),
    ("Honestly, the other team's fans were thick.", "thick"),
    ("You lot are pathetic at keeping the gate clear!", "pathetic"),
    ("Ask the 1d10t who parked in the disabled bay to move.", "1d10t"),
    ("Knobhead of the week: whoever nicked our football.", "Knobhead"),
    ("Whoever nicked the plants is a scumbag.", "scumbag"),
    ("Bell-end behaviour from the white van driver.", "Bell-end"),
    ("Those lunatics who speed past the gate at 3pm need to slow down.", "lunatics"),
    ("Whoever left the tap running is a total wazzock.", "wazzock"),
    ("The kids were hyper as hell after the disco.", "as hell"),
    # Slurs
    ("That costume is so gay, said one Year 6 pupil.", "so gay"),
    ("Don't be such a spaz, Mr Lee, it's only a quiz!", "spaz"),
    ("The old minibus is retarded.", "retarded"),
    ("Year 6's fancy dress had a mong theme?!", "mong"),
    ("Sp*stic is not a word we use at school.", "Sp*stic"),
    ("Our half-caste pupils shared their heritage.", "half-caste"),
    ("That woman from the council was a silly cow.", "silly cow"),
    ("The bitch from the council wouldn't listen.", "bitch"),
    ("Stop being such a slag about it.", "slag"),
    ("No homo, but Mr Hughes looked great in that dress.", "No homo"),
    ("The faggots on the other team cheated.", "faggots"),
    ("Some lads were smoking fags by the gate.", "fags"),
    # Sexual terms
    ("Mrs Adams looked very sexy at the staff party.", "sexy"),
    ("Look at the tits on that mannequin in the costume shop!", "tits"),
    ("Nice boobs on that snowman, Year 3!", "boobs"),
    ("Don't be a dick, park properly.", "dick"),
    ("He was shagging his way through the staff room, apparently.", "shagging"),
]

NOT_FLAGGED = [
    # Places and words that contain something rude (the Scunthorpe problem)
    "Our Year 6 team travelled to Scunthorpe for the regional finals.",
    "Pen pals from Sussex, Essex and Middlesex wrote to Class 3 this week.",
    "Penistone Grammar School came to play our Year 6 team.",
    "The whole class passed their swimming assessment in assembly.",
    "Mr Hughes played the bassoon in our music assembly.",
    "Year 4 made fruit cocktails and used cocktail sticks in DT.",
    "Year 2 made scrapbooks from scrap paper.",
    "Hello, parents! The shell collection on the beach was amazing.",
    "The dam the children built held back the stream.",
    "Our new shoes for the nativity are in the hall.",
    "Year 5 enjoyed the Hitchcock film club and the peacock at the farm.",
    "The cockerel on the farm visit woke everyone up!",
    "The title of our play is Titanic.",
    "Arsenal and Everton shirts for the charity match.",
    "We studied the Great Exhibition and the arsenal of the Tudor navy.",
    "Year 3 will analyse the data and assess the results.",
    # Names, titles and proper nouns
    "Dick Whittington, our pantomime this year, was a huge hit!",
    "We're off to see Dick Whittington at the theatre. #DickWhittington",
    "Year 4 read Dick King-Smith's The Hodgeheg.",
    "Year 6 wrote book reviews of Dickens' A Christmas Carol.",
    "Spotted dick and custard was on the menu for Victorian day.",
    "Year 6 read extracts from Moby-Dick.",
    "Fanny Burney was an eighteenth-century novelist.",
    "Fanny Cradock's recipes inspired our Food Tech club.",
    "Welcome to Mrs Pratt, who joins us as our new business manager.",
    "The Twits by Roald Dahl is our class book. Mr Twit is disgusting!",
    "We watched The Muppet Christmas Carol at our film afternoon.",
    "Year 1 searched for Wally in our Where's Wally? challenge.",
    "Year 6 studied the Bloody Tower and Bloody Mary in their Tudors topic.",
    "In 1066 William the Bastard became William the Conqueror.",
    "Thomas Crapper made flushing toilets popular in Victorian times.",
    "Year 5 walked a stretch of Offa's Dyke this week.",
    "Our evolution topic: Homo sapiens and Homo erectus.",
    "We raised money for Scope, which was once called the Spastics Society.",
    "Dumbo was the film club choice this week.",
    # Birds and animals
    "Big Schools' Birdwatch: we counted blue tits, great tits and a robin!",
    "Year 2 saw long-tailed tits and coal tits in the wildlife garden.",
    "The bird feeders were full of tits this morning.",
    "Year 3 built a nest box for the tits in the garden.",
    "The blue-footed booby is Reception's favourite seabird.",
    "We spotted a shag and two cormorants from the boat.",
    "Reception met a cock, three hens and two piglets at the farm.",
    "Our guide dog visitor brought her puppies, and the bitch was very calm.",
    "The nativity donkey (a very patient ass!) stole the show.",
    # Innocent senses of risky words
    "Please add a knob of butter to the pan, then stir.",
    "Year 1 painted the door knob on their model house.",
    "Our nurse will give the flu vaccine: just a quick prick in the arm.",
    "He fell in the playground and has a bloody nose, but he is fine.",
    "A bloody battle at Hastings ended Saxon England.",
    "Tit for tat is not the way to solve arguments.",
    "Don't forget the booby prize at the quiz!",
    "Gardening club used a hoe to weed the vegetable beds.",
    "Ho ho ho! Father Christmas visits on Friday.",
    "The children cut the first sod for the new building.",
    "A chink of light through the curtains woke the campers.",
    "Please bring a bum bag for the sponsored walk.",
    "Year 2 read The Owl and the Pussy-cat by Edward Lear.",
    "Pussy willow catkins are out in the garden.",
    "Shepherd's pie or faggots and peas for lunch today.",
    "The slag heaps of the Victorian coal mines shaped the valley.",
    "Flame retardant costumes only, please.",
    "Midget Gems were the tombola prize.",
    "Shiitake mushrooms were in the stir fry.",
    "In Computing, Year 6 used Git to save their code and a div to lay out their page.",
    "Congratulations to the winners of the losers' final.",
    "Heaven and hell were the theme of our RE lesson.",
    "Year 5 visited Hell's Kitchen, the famous New York neighbourhood, online.",
    "That was a stupid mistake by me: I forgot the forms!",
    "The fog was thick this morning, so please drive carefully.",
    "The children were thick with mud after cross-country!",
    "Look after your mental health this half term.",
    "Year 6 studied the pathetic fallacy in their story writing.",
    "The children are not stupid: they know their times tables!",
    "Year 6 learnt about the Victorian lunatic asylum at the county archives.",
    "Twit twoo! Reception listened for owls on their night walk.",
    "In geography, Year 5 learnt how dykes hold back the sea in the Netherlands.",
    "We sang Holy, Holy, Holy, Lord God Almighty in our Harvest service.",
    "Year 4 found the shortest verse in the Bible: Jesus wept.",
    "The Rio Negro joins the Amazon at Manaus.",
    "Our Gay Gordons dance at the ceilidh was a triumph!",
    "Jerk chicken was on the menu for Caribbean day.",
    "The Ugly Sisters stole the show at the panto.",
    "Mrs Hughes is bloody-minded about litter, and we love her for it.",
    # People and the school's values
    "Our LGBT+ History Month display celebrates all kinds of families.",
    "Welcome to Mr and Mrs Patel: a gay couple or a straight one, all families are welcome here.",
    "Our Relationships and Sex Education evening for parents is on Thursday.",
    "Online safety: talk to your child about pornography and sharing nudes.",
    "Gypsy, Roma and Traveller History Month begins today.",
    "Our Black History Month choir sang Negro spirituals.",
    "Year 1 coloured in with coloured pencils.",
    # Star grades and markdown-style emphasis are not masked words
    "Congratulations to our former pupils on their A* grades!",
    "This is *really* important: forms back by Friday.",
]


@pytest.mark.parametrize(("text", "marked"), FLAGGED)
def test_it_flags_offensive_language_as_staff_might_write_it(text: str, marked: str, roster: Roster) -> None:
    findings = check(text, roster)
    assert [text[f.start : f.end] for f in findings] == [marked]
    assert findings[0].category == "offensive"


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_it_leaves_innocent_words_alone(text: str, roster: Roster) -> None:
    assert check(text, roster) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("That was bloody awful.", "British swearing"),
        ("Shit, the bus is late.", "swearing"),
        ("Some parents are idiots.", "insult aimed at people"),
        ("That's so gay.", "homophobic"),
        ("Stop being a retard.", "ableist"),
        ("Some pakis live there.", "racist"),
        ("She is a slut.", "sexist"),
        ("Sexy costumes!", "sexual"),
    ],
)
def test_the_message_says_which_kind_of_word_it_is_and_why(text: str, kind: str, roster: Roster) -> None:
    (finding,) = check(text, roster)
    assert kind in finding.message
    assert "SUT-16" in finding.message or "RAC-12" in finding.message
    assert finding.suggestion


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        ("It's been pissing it down all afternoon!", "pouring with rain"),
        ("That hill was a bloody nightmare!", "really tough"),
        ("Another morning of cars on the zigzags: some drivers are idiots.", "park considerately"),
        ("We lost 3-0 to a team whose coach was a complete prat.", "played their hearts out"),
        ("What a load of bollocks.", "nonsense"),
        ("A real cock-up with the coach booking.", "mix-up"),
        ("S**t happens!", "these things happen"),
    ],
)
def test_the_suggestion_offers_a_milder_alternative(text: str, alternative: str, roster: Roster) -> None:
    (finding,) = check(text, roster)
    assert finding.suggestion is not None
    assert alternative in finding.suggestion


def test_the_span_marks_the_characters_the_writer_typed(roster: Roster) -> None:
    text = "Well, that was b\u200blo\u200body freezing!"
    (finding,) = check(text, roster)
    assert text[finding.start : finding.end] == "b\u200blo\u200body"


def test_the_trace_names_the_setting_and_the_list_entry(roster: Roster) -> None:
    (finding,) = check("What a sh*t day.", roster)
    assert finding.trace[0] == 'writing.offensive = "block"'
    assert "[profanity] 'shit'" in finding.trace[1]
    assert "masked" in finding.trace[2]


def test_it_blocks_by_default_and_warns_when_the_policy_says_warn(roster: Roster) -> None:
    assert check("Bloody cold today.", roster)[0].severity is Severity.BLOCK
    warned = check("Bloody cold today.", roster, make_policy(offensive="warn"))
    assert warned[0].severity is Severity.WARN


def test_it_is_silent_when_the_policy_allows_offensive_language(roster: Roster) -> None:
    assert check("Bloody cold today.", roster, make_policy(offensive="allow")) == []


def test_a_school_can_allow_a_word_it_does_not_mind(roster: Roster) -> None:
    policy = make_policy(rules={"offensive-language": {"words": ["bloody"]}})
    assert check("Bloody cold today.", roster, policy) == []
    assert [f.rule for f in check("Bloody hell, it's cold.", roster, policy)] == ["SP501"]


def test_a_school_can_turn_the_rule_off(roster: Roster) -> None:
    policy = make_policy(rules={"SP501": {"enabled": False}})
    assert check("Shit, it's cold.", roster, policy) == []


def test_every_finding_in_a_post_is_reported_once(roster: Roster) -> None:
    findings = check("Bloody hell, the idiots parked on the zigzags again. FFS.", roster)
    assert [f.message.split('"')[1] for f in findings] == ["Bloody hell", "idiots", "FFS"]


def test_the_word_list_loads_and_is_organised_by_kind() -> None:
    lex = lexicon()
    kinds = {entry.kind for entry in lex.singles.values()}
    assert kinds == {
        "profanity",
        "british-swearing",
        "insult",
        "racist-slur",
        "homophobic-slur",
        "ableist-slur",
        "sexist-slur",
        "sexual",
    }
    assert lex.size > 400


def test_the_word_list_rejects_a_word_listed_twice() -> None:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    data["insult"].append({"word": "idiot"})
    with pytest.raises(ValueError, match="listed twice"):
        parse_lexicon(data)


def test_the_word_list_rejects_an_unknown_topic() -> None:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    data["insult"].append({"word": "blockhead", "not_with": ["weather"]})
    with pytest.raises(ValueError, match="unknown topic"):
        parse_lexicon(data)


def test_the_documented_example_is_flagged_and_its_fix_is_not(roster: Roster) -> None:
    sections = OffensiveLanguage.doc_sections()
    assert check(sections["Example"], roster)
    assert check(sections["Use instead"], roster) == []

"""SP201 personal-data, from tables of posts that must and must not be flagged."""

from __future__ import annotations

import tomllib
from datetime import datetime
from typing import Any

import pytest

from safepost.policy.config import PRESETS_DIR, Policy, parse_policy
from safepost.policy.findings import Finding, Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post
from safepost.policy.rules.personal_data import PersonalData, national_digits

RULE = PersonalData()
KEYS = {"SP201": "SP201", "personal-data": "SP201"}
AT = datetime(2026, 3, 4, 10, 0)


def make_policy(
    preset: str = "courtney",
    personal_data: str | None = None,
    contacts: dict[str, list[str]] | None = None,
    rules: dict[str, Any] | None = None,
) -> Policy:
    data = tomllib.loads((PRESETS_DIR / f"{preset}.toml").read_text(encoding="utf-8"))
    if personal_data is not None:
        data.setdefault("writing", {})["personal_data"] = personal_data
    if contacts is not None:
        data["contacts"] = contacts
    if rules is not None:
        data["rules"] = rules
    return parse_policy(data, preset, rule_keys=KEYS)


POLICY = make_policy()


def check(text: str, roster: Roster, policy: Policy = POLICY) -> list[Finding]:
    return list(RULE.check(Context(Post(text, at=AT), policy, roster)))


# (post, what the finding must mark, words the message must contain)
FLAGGED = [
    # A house with no street word, and a date of birth given as an age and a birthday
    (
        "Please drop them round to Mr Cole's house at 22 Brambleside any evening this week.",
        "22 Brambleside",
        "home address",
    ),
    (
        "Welcome to Dmitri, who joins us today! He turns 9 on 23rd January, so there may be cake.",
        "turns 9 on 23rd January",
        "date of birth",
    ),
    # Phone numbers in every common format
    ("The cake stall needs bakers: please text Denise on 07700 900123.", "07700 900123", "mobile"),
    ("Lost a blue coat? Call 07700900123 and it's yours.", "07700900123", "mobile"),
    ("Cricket club volunteers: call Gary on +44 7700 900123.", "+44 7700 900123", "mobile"),
    ("Cricket club volunteers: call Gary on +44 (0)7700 900 123.", "+44 (0)7700 900 123", "mobile"),
    ("Cricket club volunteers: call Gary on 0044 7700 900123.", "0044 7700 900123", "mobile"),
    ("Please ring Mrs Okoro on (0151) 496 0123 about the raffle.", "(0151) 496 0123", "phone number"),
    ("Please ring Mrs Okoro on 0151-496-0123 about the raffle.", "0151-496-0123", "phone number"),
    ("Tickets from Sandra on 020 7946 0123 after 6pm.", "020 7946 0123", "phone number"),
    ("Lifts to the match: my number is 01632 960 987.", "01632 960 987", "phone number"),
    ("Karen's mum has spare tickets: 01632 960555.", "01632 960555", "phone number"),
    ("Spare wellies? WhatsApp 07700 900 777 and Dave will collect.", "07700 900 777", "mobile"),
    ("Text Sue on 0 7 7 0 0 9 0 0 1 2 3 to help at the disco.", "0 7 7 0 0 9 0 0 1 2 3", "mobile"),
    ("Call 0151 496 0018 (Karen) for raffle tickets.", "0151 496 0018", "phone number"),
    ("Ring the school office or text Karen on 07700 900461.", "07700 900461", "mobile"),
    ("Spare raffle prizes? Text Karen from the PTA on 07700 900461.", "07700 900461", "mobile"),
    ("Please text our PTA chair on 07700 900461.", "07700 900461", "mobile"),
    ("Tel: 0151 496 0018 (Mrs Jones).", "0151 496 0018", "phone number"),
    # Personal e-mail addresses
    (
        "Email Mr Adeyemi at t.adeyemi82@hotmail.co.uk for a signed copy.",
        "t.adeyemi82@hotmail.co.uk",
        "webmail",
    ),
    ("Donations of wool to knitnanny@btinternet.com please.", "knitnanny@btinternet.com", "webmail"),
    ("PTA quiz team entries to sarahjones@outlook.com.", "sarahjones@outlook.com", "webmail"),
    ("Send photos to gary.hughes@icloud.com.", "gary.hughes@icloud.com", "webmail"),
    (
        "Questions to mike1979 [at] yahoo [dot] co [dot] uk",
        "mike1979 [at] yahoo [dot] co [dot] uk",
        "webmail",
    ),
    ("Questions to mike1979 at gmail dot com", "mike1979 at gmail dot com", "webmail"),
    ("Questions to mike1979 at gmail.com", "mike1979 at gmail.com", "webmail"),
    ("Our governor's address: p.lomax@lomax-joinery.co.uk", "p.lomax@lomax-joinery.co.uk", "individual"),
    # Home addresses
    (
        "Lost property: please drop it round to 27 Beechwood Road. Thanks!",
        "27 Beechwood Road",
        "home address",
    ),
    ("Spare uniform can go to Flat 2, 3 Mill Lane.", "Flat 2, 3 Mill Lane", "home address"),
    ("Collection point: 9a Larch Close, Prescot L35 4PQ.", "9a Larch Close, Prescot L35 4PQ", "home address"),
    ("Collection point: Larch Close, L35 4PQ.", "Larch Close, L35 4PQ", "home address"),
    ("The lost cat lives at number 12 Kestrel Drive.", "number 12 Kestrel Drive", "home address"),
    ("Hand it in at the office or drop it round to 22 Station Road.", "22 Station Road", "home address"),
    # Dates of birth
    ("Welcome to our new starter Ayaan (DOB 21/06/2021).", "DOB 21/06/2021", "date of birth"),
    ("Welcome Lily, d.o.b. 03.11.2020, to Nursery!", "d.o.b. 03.11.2020", "date of birth"),
    ("Name: Ellis. Date of birth: 3 March 2015.", "Date of birth: 3 March 2015", "date of birth"),
    ("Our captain (born 14/09/2013) signed for the academy.", "born 14/09/2013", "date of birth"),
    (
        "Our captain, born on the 2nd of September 2014, signed for the academy.",
        "born on the 2nd of September 2014",
        "date of birth",
    ),
    ("Twins Ava and Mia were born March 3rd, 2016.", "born March 3rd, 2016", "date of birth"),
    ("Mrs Hill's date of birth is 4 July 1979.", "date of birth is 4 July 1979", "date of birth"),
    ("DOB: 07/08/15, Year 5.", "DOB: 07/08/15", "date of birth"),
]

NOT_FLAGGED = [
    # the school's age, and a famous person's birthday, are no pupil's date of birth
    "Our school turns 50 on 3rd May!",
    "The Queen would have turned 100 on 21st April.",
    # an @mention before a full stop is no hidden e-mail address; a shop's address is not personal
    "Thank you to @GrangeViewCare. We loved our visit.",
    "Our uniform supplier, Smartwear at 7 High Street, Kingswood, is open until 5pm this week.",
    # The school's own contact details, recognised from context
    "Questions? Please ring the school office on 0117 496 0725.",
    "Any questions, please call the school on 0117 496 0725 or email office@courtneyprimary.org.uk.",
    "Absence line: 0117 496 0726, option 1.",
    "Please contact reception on 0117 496 0725.",
    "On the trip, the school mobile is 07700 900999.",
    "Trip updates: 07700 900999 (school mobile).",
    "Call the main office on 01632 960000.",
    "Ring Mrs Patel in the school office on 0151 496 0018.",
    "Call the school secretary on 0151 496 0018.",
    "Text the PTA on 07700 900461.",
    "Ring Mr Smith at the leisure centre on 0151 496 0111.",
    "The PTA can be reached at pta@courtneyprimary.org.uk.",
    "Email admin@stmarysce.sch.uk or head@stmarysce.sch.uk.",
    "Email our SENCo at j.patel@courtney.bristol.sch.uk.",
    "Book via enquiries@floralpavilion.co.uk or bookings@leisurecentre.org.uk.",
    "Contact the school nurse team at school.nursing@nhs.net.",
    "Applications to admissions@southglos.gov.uk by Friday.",
    # Organisations' numbers
    "The NSPCC helpline is 0808 800 5000.",
    "Tickets from the Floral Pavilion box office on 0151 496 0999.",
    "Worried about a child? Call the council's front door team on 0117 903 6444.",
    "Book at the leisure centre: 01632 960111.",
    "For tickets call 0151 496 0018.",
    # Streets as places, venues and the school's own address
    "Year 3 parents' evening tonight: please park on Elm Road.",
    "A burst water main on Park Road means school opens at 10am.",
    "The Christmas Fair is at the Village Hall, 3 Mill Lane, on Saturday.",
    "Our school, 12 Church Lane, is the polling station today.",
    "Our new address: Courtney Primary School, 4 Forest Road, Kingswood BS15 1AB.",
    "Year 6 wrote letters to 10 Downing Street about plastic.",
    "World Book Day: Harry Potter lived at 4 Privet Drive!",
    "Year 3 Maple Class have 30 pupils.",
    "Year 4 won 3 Gold Medals at the swimming gala.",
    # Dates that are not birth dates
    "The trip to the farm is on 02/09/2026.",
    "Sports day is on 3 July 2026, weather permitting.",
    "Roald Dahl Day! He was born on 13 September 1916.",
    "We celebrate Josh's birthday on 3 March with a cake.",
    "Josh, aged 7, read to the whole school.",
    "Our school was born in 1874 and is still going strong.",
    # Numbers that are not phone numbers
    "We raised £1,234.56 for Children in Need!",
    "The Year 6 results: 01.02.2016 02.03.2017 were the old test dates.",
    "Order number 0123456 is ready for collection from the office.",
    "Meet at 9.30 at the gate.",
]


@pytest.mark.parametrize(("text", "marked", "words"), FLAGGED)
def test_it_flags_an_individuals_personal_data(text: str, marked: str, words: str, roster: Roster) -> None:
    findings = check(text, roster)
    assert [text[f.start : f.end] for f in findings] == [marked]
    assert findings[0].category == "personal-data"
    assert words in findings[0].message


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_it_leaves_the_schools_own_details_and_ordinary_numbers_alone(text: str, roster: Roster) -> None:
    assert check(text, roster) == []


@pytest.mark.parametrize(
    "text",
    [
        "Call Jane on 0117 496 0999 for the uniform shop.",
        "Text Jane on 07700 900111 for forms.",
        "Email jane@fairfieldfamilies.co.uk for forms.",
        "Email accounts@gmail.com please.",
    ],
)
def test_the_policy_contacts_are_never_personal_data(text: str, roster: Roster) -> None:
    policy = make_policy(
        contacts={
            "phones": ["+44 117 496 0999", "07700 900111"],
            "emails": ["accounts@gmail.com"],
            "email_domains": ["fairfieldfamilies.co.uk"],
        }
    )
    assert check(text, roster, policy) == []
    assert check(text, roster) != []


def test_the_message_cites_data_protection_and_the_suggestion_says_what_to_write(roster: Roster) -> None:
    (finding,) = check("Please text Karen on 07700 900461 to help.", roster)
    assert "UK GDPR" in finding.message and "data protection" in finding.message
    assert finding.suggestion is not None and "school office" in finding.suggestion


def test_the_suggestion_offers_the_schools_own_address_when_the_policy_has_one(roster: Roster) -> None:
    policy = make_policy(
        contacts={"phones": ["0117 496 0725"], "emails": ["pta@courtneyprimary.org.uk"], "email_domains": []}
    )
    (email,) = check("Email jo.ferris@gmail.com to help.", roster, policy)
    assert (
        email.suggestion is not None
        and "please email the PTA at pta@courtneyprimary.org.uk" in email.suggestion
    )
    (phone,) = check("Text Jo on 07700 900461 to help.", roster, policy)
    assert phone.suggestion is not None and "0117 496 0725" in phone.suggestion


def test_every_item_in_a_post_is_reported_in_text_order(roster: Roster) -> None:
    text = "Ring Jo on 07700 900461, email jo@gmail.com or pop round to 3 Ash Grove."
    assert [text[f.start : f.end] for f in check(text, roster)] == [
        "07700 900461",
        "jo@gmail.com",
        "3 Ash Grove",
    ]


def test_it_blocks_by_default_and_warns_when_the_policy_says_warn(roster: Roster) -> None:
    text = "Text Jo on 07700 900461."
    assert check(text, roster)[0].severity is Severity.BLOCK
    assert check(text, roster, make_policy(personal_data="warn"))[0].severity is Severity.WARN
    assert check(text, roster, make_policy(personal_data="allow")) == []


def test_the_span_marks_the_characters_the_writer_typed(roster: Roster) -> None:
    text = "Text Jo on ０７７００ ９００４６１ please."  # full-width digits
    (finding,) = check(text, roster)
    assert text[finding.start : finding.end] == "０７７００ ９００４６１"


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("+44 (0)7700 900461", "07700900461"),
        ("0044 151 496 0018", "01514960018"),
        ("(0151) 496-0018", "01514960018"),
    ],
)
def test_numbers_compare_as_dialled_in_the_uk(typed: str, dialled: str) -> None:
    assert national_digits(typed) == dialled


def test_the_documented_example_is_flagged_and_its_fix_is_not(roster: Roster) -> None:
    sections = PersonalData.doc_sections()
    assert check(sections["Example"], roster)
    assert check(sections["Use instead"], roster) == []

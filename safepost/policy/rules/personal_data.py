"""SP201 personal-data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

# --- phone numbers ------------------------------------------------------------------

# A UK number: +44 / 0044 / 0, then digits with at most one space, dot, dash or
# bracket between them ("07700 900461", "(0151) 496 0018", "+44 (0)20 7946 0018",
# even "0 7 7 0 0 ..."). The digit count is checked afterwards.
_PHONE = re.compile(
    r"(?<![\w/+£$€.])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?\(?\d|\(?0)(?:[ \-.]?\)?[ \-.]?\d){8,12}(?![\w/])"
)
# A number abroad, by its country code: "WhatsApp him on +49 151 2345 6789".
_PHONE_ABROAD = re.compile(r"(?<![\w/+£$€.])(?:\+|00)\s?(?!44)[1-9]\d{0,2}(?:[ \-.]?\d){7,12}(?![\w/])")
_DOTTED_DATE = re.compile(r"^\(?\d{1,2}\.\d")
_DIGIT = re.compile(r"\d")
_ATTACHED = re.compile(r"\s*[(\-–]\s*([^)]{0,25})")

# --- e-mail addresses ---------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+\-])([\w.+\-]+)@([\w\-]+(?:\.[\w\-]+)+)")
# "jo.smith [at] gmail [dot] com", "jo.smith(at)gmail.com", "jo.smith at gmail dot com"
_EMAIL_HIDDEN = re.compile(
    r"(?<![\w.+\-])([\w.+\-]+)\s*(?:[\[({<]\s*at\s*[\])}>]|\s(?:at|AT)\s|\s@|@\s)\s*"
    # a plain dot joins the domain's parts only when no space follows it ("to @Grange. We" ends a sentence)
    r"([\w\-]+(?:(?:\.(?=[\w\-])|\s*(?:[\[({<]\s*dot\s*[\])}>]|\s(?:dot|DOT)\s)\s*)[\w\-]+)+)"
)
_HIDDEN_DOT = re.compile(r"\s*(?:[\[({<]\s*dot\s*[\])}>]|\s(?:dot|DOT)\s)\s*")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


FREEMAIL = _words(
    "gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com outlook.co.uk live.com live.co.uk "
    "msn.com yahoo.com yahoo.co.uk ymail.com rocketmail.com icloud.com me.com mac.com btinternet.com "
    "btopenworld.com bt.com aol.com aol.co.uk sky.com virginmedia.com virgin.net ntlworld.com "
    "blueyonder.co.uk talktalk.net tiscali.co.uk mail.com gmx.com gmx.co.uk protonmail.com proton.me "
    "pm.me zoho.com yandex.com fastmail.com hushmail.com plus.com orange.net wanadoo.co.uk o2.co.uk "
    "freeserve.co.uk lineone.net tesco.net"
)
_FREEMAIL_NAMES = _words(
    "gmail googlemail hotmail outlook yahoo icloud aol btinternet virginmedia ntlworld protonmail live"
)
_INSTITUTION_SUFFIXES = (
    ".sch.uk",
    ".org.uk",
    ".ac.uk",
    ".gov.uk",
    ".nhs.uk",
    ".nhs.net",
    ".police.uk",
    ".org",
    ".gov",
    ".edu",
    ".ac",
    ".church",
    ".school",
)
_SCHOOLISH = re.compile(
    r"school|primary|academy|college|infant|junior|nursery|pta|cofe|catholic|"
    r"grammar|federation|trust|diocese|highsch|sch\b|learning|education"
)
ROLE_LOCALS = _words(
    "office admin administration pta fopta friends enquiries enquiry info information head "
    "headteacher headteachers head.teacher principal reception contact contactus hello clerk "
    "governors chair chairofgovernors senco sendco send inclusion safeguarding dsl attendance absence "
    "absences finance bursar business businessmanager lettings events bookings booking secretary "
    "schooloffice school.office parents admissions careers sport sports pe music library trips news "
    "media comms communications accounts payments catering kitchen it itsupport support help helpdesk "
    "webmaster mail postmaster general team staff wraparound breakfastclub afterschool club clubs "
    "nursery preschool hr recruitment jobs vacancies volunteers volunteering fundraising donations "
    "shop uniform press editor customerservices service services hub studio orders sales school "
    "nursing nurse nurses health healthvisitors wellbeing early earlyhelp parish parishoffice church "
    "churchoffice vicar vicarage presbytery sacraments youth diocese chaplaincy chaplain"
)

# --- home addresses -----------------------------------------------------------------

_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Grove|Gardens|Gdns|"
    "Place|Pl|Terrace|Terr|Court|Ct|Mews|Row|Hill|Park|Square|Sq|View|Walk|Rise|Parade|Green|Vale|"
    "Wharf|Boulevard|Meadow|Meadows|Fold|Brow|Croft|Gate|Chase|Mount|Wynd|Heights|Villas|Cottages|"
    "Yard|Broadway|Approach|Bank|Lea|Glade|Dale|Grange|Orchard|Paddock|Paddocks|Maltings|Sidings|Pastures|Copse|Nook|Garth|Spinney|Fields|Drove"
)
_STREET_TYPE = rf"(?:{_STREET_TYPES}|{_STREET_TYPES.lower()})\b"
_POSTCODE_RX = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"
_NAME_WORD = r"[A-Z][a-z']+(?:-[A-Z][a-z']+)*"
_ADDRESS = re.compile(
    # not a score: "FT: U12s 4-2 Hindley Green"
    rf"(?<![\w£$€./:])(?:(?:Flat|Apartment|Apt|Unit|flat)\s+\d{{1,4}}[A-Za-z]?,?\s+)?"
    rf"(?:(?:No\.?|Number|number)\s+)?\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+"
    rf"(?:{_NAME_WORD}\s+){{1,3}}{_STREET_TYPE}"
    # (not a word of a race: "8 Rodborough, with 8 Randwick close behind")
    r"(?<!close(?=\s(?:behind|second|third|to|by)\b))"
    rf"(?:,?\s+(?!(?:{_POSTCODE_RX}))[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?\b)?"
    rf"(?:,?\s+{_POSTCODE_RX})?"
)
# A house given by its number and name with no street word: "drop them round to Mr Cole's house at 22 Brambleside".
_HOUSE_AT = re.compile(
    r"(?:(?<=\bhouse at )|(?<=\bhome at ))\d{1,4}[A-Za-z]?,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b"
)
# A family's home that is no house: a Traveller site, a lay-by, a yard ("are stopping on the lay-by at Guyhirn").
_FAMILY_STAYING = re.compile(
    r"\b(?:family|families|parents|mum|dad|they)\b[^.!?]{0,40}?\b(?:are|is|'re|'s|have\s+been|will\s+be)\s+"
    r"(?:now\s+|back\s+|currently\s+|still\s+)?(?:stopping|staying|living|parked|pulled\s+up|settled|camped|pitched)?\s*"
    r"(?:on|at|in)\s+(?P<where>the\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:site|yard|common)\b|the\s+lay-?by\s+(?:at|near|on)\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# Welsh streets put the street word first: "7 Heol y Felin", "12 Ffordd Las", "3 Lôn Isaf".
_WELSH_ADDRESS = re.compile(
    r"(?<![\w£$€./:])\d{1,4}[A-Za-z]?,?\s+(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Clos|Maes|Llys|Bryn)\s+"
    r"(?:(?:y|yr|ap|'r)\s+)?[A-Z][\w'’-]+"
)
# Typed in lower case on a phone, after "at" or "to": "our neighbour at 22 whitechapel mews has it". (Not any
# number and street word in lower case: "3 children in the park" is no address.)
_ADDRESS_LOWER = re.compile(
    r"(?:(?<=\bat\s)|(?<=\bto\s)|(?<=\bfrom\s))\d{1,4}[a-z]?,?\s+"
    # (not a verb after a count: "Years 1 to 6 will walk down to the church")
    r"(?:(?!(?:on|in|at|the|a|an|of|to|by|for|and|or|with|from|our|their|your|my|will|shall|can|could|would|should|"
    r"must|may|might|are|is|were|was|have|has|had|did|do|then|all|also|just|went|go)\b)[a-z][a-z']+\s+){1,2}"
    r"(?:road|rd|street|avenue|ave|lane|close|drive|crescent|grove|gardens|terrace|mews|court|way|place|square|"
    r"rise|parade|walk|croft|fold|row|villas|cottages)\b"
)
# A house by its name, then its street: "Rose Cottage, Chapel Lane", "Tŷ Gwyn, Heol y Capel".
_WELSH_STREET = (
    r"(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Clos|Maes|Llys)\s+(?:(?:y|yr|ap|'r)\s+)?[A-Z][\w'’-]+"
)
_HOUSE_NAMED = re.compile(
    r"(?<![\w£$€./:])(?:(?:Tŷ|Ty|Bwthyn)\s+[A-Z][\w'’-]+|"
    r"(?:[A-Z][a-z'’]+\s+){1,2}(?:Cottage|Cottages|House|Farmhouse|Farm|Lodge|Bungalow|Villa)|"
    # a house by its own name alone, sent things to: "please return it to Greystones, Low Lane, Thornsgill"
    r"(?:(?<=\bto\s)|(?<=\bat\s)|(?<=\bfrom\s))[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?(?=,\s+(?:[A-Z][a-z'’]+\s+){1,3}"
    r"(?:Lane|Road|Street|Close|Drive|Way|Avenue|Crescent|Terrace|Row))|"
    # a house's own name after the word for it: "collect them from his farmhouse at Tyddyn Uchaf, Ffordd y Mynydd"
    r"(?:(?<=farmhouse at )|(?<=house at )|(?<=home at )|(?<=cottage at )|(?<=farm at ))"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    rf",\s+(?:(?:{_NAME_WORD}\s+){{1,3}}{_STREET_TYPE}|{_WELSH_STREET})"
)
# A house by its name, its village and its postcode: "collect it from her at Upper House Farm, Pipe-cum-Lyde, HR4 7QX".
_HOUSE_WITH_POSTCODE = re.compile(
    r"(?<![\w£$€./:])(?:[A-Z][a-z'’]+\s+){1,3}(?:Cottage|House|Farmhouse|Farm|Lodge|Bungalow|Villa|Barn|Mill|Grange)"
    rf",\s+[A-Z][\w'’]+(?:[ -][A-Za-z][\w'’]+){{0,3}},?\s+{_POSTCODE_RX}"
)
# What sends things or people to a house: "drop it round to", "return it to", "lives at".
_TO_A_HOME = re.compile(
    r"\b(?:drop|dropped|bring|brought|return|returned|post|posted|deliver|delivered|send|sent|pop|popped|hand|"
    r"take|collect|collected|pick)\b[^.!?]{0,30}\b(?:to|at|from)\s+$|\b(?:lives?|living|lived|stays?|staying)\s+at\s+$"
    # "It's been handed in at Ghyll Cottage, Rosthwaite, so please collect it from there"
    r"|\bhanded\s+in\s+at\s+$",
    re.IGNORECASE,
)
_STREET_WITH_POSTCODE = re.compile(
    rf"(?<![\w£$€./:])(?:{_NAME_WORD}\s+){{1,3}}{_STREET_TYPE}"
    rf"(?:,?\s+[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?)?,?\s+{_POSTCODE_RX}"
)
# Numbers that count things rather than houses: "Year 3 Maple Class", "Room 4".
_NOT_A_HOUSE = re.compile(
    r"\b(?:year|yr|years|class|room|group|table|team|set|stage|page|chapter|level|step|under|u|aged|"
    r"age|platform|gate|door|block|week|day|term|lesson|score|scored|won|beat|lost|drew)\s*$",
    re.IGNORECASE,
)

# --- dates of birth -----------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUMERIC_DATE = r"(?P<d1>\d{1,2})[/.\-](?P<m1>\d{1,2})[/.\-](?P<y1>\d{4}|\d{2})\b"
_DAY_MONTH = (
    rf"(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m2>{_MONTHS})\.?"
    rf"(?:,?\s+(?P<y2>\d{{4}}))?\b"
)
_MONTH_DAY = rf"(?P<m3>{_MONTHS})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y3>\d{{4}}))?\b"
_DOB = re.compile(
    rf"(?P<cue>\bD\.?O\.?B\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bborn\b(?:\s+on)?|"
    rf"\bb\.(?=\s*\d)|\bbirthday\b(?:\s+is)?)"
    rf"\s*[:\-–]?\s*(?:(?:is|was|on)\s+)?(?:this\s+day,?\s+(?:in\s+)?)?(?P<date>{_NUMERIC_DATE}|{_DAY_MONTH}|{_MONTH_DAY}"
    # "born on this day in 2008": the post's own date is the day
    rf"|(?<=this\sday\sin\s)(?P<y4>(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)

_AGE_AND_BIRTHDAY = re.compile(
    rf"\b(?:turns|turned|is\s+turning|will\s+be)\s+(?:1[0-8]|[1-9])\s+(?:on|this)\s+"
    # (a weekday may come first: "turns 11 on Saturday 13th June")
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:the\s+)?)?(?:{_DAY_MONTH}|{_MONTH_DAY})",
    re.IGNORECASE,
)

# --- context ------------------------------------------------------------------------

# The school itself: a number or address introduced with these is the school's.
_SCHOOL_CUE = re.compile(
    r"\b(?:school|schools|office|reception|front desk|switchboard|absence line|attendance line|"
    r"main number|our number|call us|ring us|phone us|text us|contact us|email us|e-mail us|"
    r"academy|nursery|primary|infants|juniors)\b",
    re.IGNORECASE,
)
# Other organisations and venues: their numbers and addresses are not personal either.
_ORG_CUE = re.compile(
    r"\b(?:helpline|hotline|advice line|box office|council|nhs|police|surgery|clinic|childline|nspcc|"
    r"samaritans|library|centre|center|service|services|trust|charity|club|team|church|parish|"
    r"museum|theatre|hall|pavilion|stadium|ground|venue|shop|cafe|café|store|hotel|restaurant|pub|"
    r"gallery|zoo|aquarium|castle|cinema|booking\s+line|ticket\s+line|"
    r"farm|depot|station|hospital|college|university|campus|site|premises|pta|company|ltd|limited|supplier|"
    r"suppliers|stockist|outlet|showroom|salon|garage|pharmacy|chemist|bakery|butcher|florist|opticians?|"
    r"bookings?|reservations|enquiries|box\s+office)\b",
    re.IGNORECASE,
)
_ORG_BEFORE = re.compile(r"(?:" + _ORG_CUE.pattern + r")\s*,?\s*$", re.IGNORECASE)
_PERSON_CUE = re.compile(
    r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z][a-z]+|\b(?:me|him|her|his|my|"
    r"their(?!\s+(?:website|site|web\s+page|page|app|office|shop|box\s+office|booking|online))|mine|hers|home|"
    r"house|mobile number|personal|private|chair|chairperson|treasurer|organiser|organizer|"
    r"volunteer|rep|mum|dad|nan|grandad|grandma|auntie|uncle|husband|wife)\b|"
    r"\b[A-Z][a-z]+'s\s+(?:mum|dad|mother|father|nan|grandma|grandad|house|home|number|mobile)\b"
)
_CAPITALISED = re.compile(r"(?<![\w'])[A-Z][a-z]+(?:'s)?\b")
_NOT_NAMES = _words(
    "I Please Year Years Class Reception Nursery Key Stage PTA Office School Head Headteacher Thank "
    "Thanks Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Christmas Easter Call Ring Text Phone "
    "Contact Email Message Tickets Questions If For To Any The Our You We Or And Lost Found Mobile "
    "Tel Telephone Main Fair Sale Club Team Breakfast After Summer Spring Autumn Winter Term Half "
    "Sports Day Parents Carers Governors Trip Trips WhatsApp Mums Dads Ask Speak Talk Just Also "
    "Alternatively Otherwise Urgent Enquiries Info Information Help Support Emergency Emergencies "
    "Absence Attendance Lunch Dinner Uniform Book Books Bag Bags"
)
# Addresses everyone knows from books, films and the news: not anyone's private address.
FAMOUS_ADDRESSES = frozenset(
    {
        "10 downing street",
        "11 downing street",
        "221b baker street",
        "4 privet drive",
        "12 grimmauld place",
        "32 windsor gardens",
        "17 cherry tree lane",
        "62 west wallaby street",
        "742 evergreen terrace",
        "1600 pennsylvania avenue",
        "7 eccles street",
        "31 spooner street",
    }
)
_FAMOUS_AGE = 25  # a birth year further back than this may be a public figure's (Roald Dahl Day)
# Only then, and only when the post says who they are: staff and volunteers are not public figures.
_PUBLIC_FIGURE = re.compile(
    r"\b(?:author|writer|poet|illustrator|artist|painter|composer|scientist|inventor|explorer|king|queen|"
    r"prince|princess|prime\s+minister|president|astronaut|athlete|olympian|footballer|singer|musician|"
    r"novelist|playwright|engineer|mathematician|suffragette|campaigner|activist|saint)\b"
)  # lower case on purpose: "Mrs King" is a surname, "the king" a role


def _sentence_around(text: str, pos: int) -> str:
    """The sentence holding ``pos`` (roughly: between sentence ends)."""
    start = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos)) + 1
    ends = [i for i in (text.find(". ", pos), text.find("! ", pos), text.find("? ", pos)) if i != -1]
    return text[start : min(ends) if ends else len(text)]


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of personal data found in the normalised text."""

    kind: str  # "phone", "email", "address", "dob"
    start: int
    end: int
    what: str
    trace: tuple[str, ...]


def national_digits(number: str) -> str:
    """``+44 (0)7700 900461`` -> ``07700900461``: the number as dialled in the UK."""
    digits = "".join(_DIGIT.findall(number))
    if number.lstrip().startswith(("+", "00")) and digits.startswith(("0044", "44")):
        digits = digits[4:] if digits.startswith("0044") else digits[2:]
        digits = digits[1:] if digits.startswith("0") else digits
        return "0" + digits
    return digits


def _sentence_span(ctx: Context, npos: int) -> tuple[int, int]:
    for start, end in ctx.text.sentence_bounds:
        if start <= npos < end:
            return start, end
    return 0, len(ctx.text.text)


_GENERIC_NAME_WORDS = _words(
    "school primary academy church england catholic infant infants junior juniors the and of st saint "
    "community high nursery college ce cofe rc"
)


def _school_name_words(policy: Policy) -> frozenset[str]:
    """Distinctive words of the school's name and handle ("courtney"), which mark its own details."""
    return _name_words(f"{policy.school.name} {policy.school.handle}")


@lru_cache(maxsize=64)
def _name_words(name: str) -> frozenset[str]:
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    return frozenset(w.casefold() for w in words if w.casefold() not in _GENERIC_NAME_WORDS and len(w) > 2)


def _cues(text: str, school_words: frozenset[str], sentence_start: bool) -> list[tuple[int, str]]:
    """Where ``text`` names the school, another organisation or a person, in order.

    A person is a title and name ("Mrs Shaw"), a pronoun or family word ("her",
    "Jo's mum"), a role ("our PTA chair") or a capitalised word that is not the
    first of a sentence, a day or month, or part of an organisation's name.
    """
    cues: list[tuple[int, str]] = []
    cues += [(m.end(), "school") for m in _SCHOOL_CUE.finditer(text)]
    cues += [(m.end(), "org") for m in _ORG_CUE.finditer(text)]
    cues += [(m.end(), "person") for m in _PERSON_CUE.finditer(text)]
    for m in _CAPITALISED.finditer(text):
        word = m.group(0).removesuffix("'s")
        if word.casefold() in school_words and not re.search(
            r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?:[A-Z][a-z]+\s+)?$", text[max(0, m.start() - 20) : m.start()]
        ):
            cues.append((m.end(), "school"))
            continue  # (not "Mr Gary Sutton", though the school is Sutton Manor: a person of that name)
        if word in _NOT_NAMES or (sentence_start and not text[: m.start()].strip()):
            continue  # the first word of a sentence is capitalised anyway
        if _ORG_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            cues.append((m.end(), "org"))  # "our uniform supplier, Smartwear at 7 High Street"
            continue
        after = text[m.end() : m.end() + 30]
        if _is_org(after.lstrip()) or (re.match(r"\s*[A-Z]", after) and _is_org(after, anywhere=True)):
            continue  # part of an organisation's name ("Springfield Leisure Centre")
        cues.append((m.end(), "person"))
    return sorted(cues)


def _is_org(text: str, anywhere: bool = False) -> bool:
    find = "search" if anywhere else "match"
    return any(getattr(rx, find)(text) for rx in (_SCHOOL_CUE, _ORG_CUE))


def _first_cue(text: str, school_words: frozenset[str]) -> str:
    """Which kind of cue comes first in ``text`` (after the number): "school", "org", "person" or ""."""
    cues: list[tuple[int, str]] = []
    for rx, kind in ((_SCHOOL_CUE, "school"), (_ORG_CUE, "org"), (_PERSON_CUE, "person")):
        m = rx.search(text)
        if m:
            cues.append((m.start(), kind))
    m = re.match(r"\s*\(\s*([A-Z][a-z]+)\s*\)", text)
    if m and m.group(1) not in _NOT_NAMES and m.group(1).casefold() not in school_words:
        cues.append((m.start(), "person"))
    return min(cues)[1] if cues else ""


class PersonalData(Rule):
    """An individual's phone number, personal e-mail, home address or date of birth.

    What it flags:
        UK phone numbers in every common format (07700 900461, +44 7700 900461,
        (0151) 496 0018, 0151-496-0018) when they belong to a person: any mobile,
        and any number given for someone by name ("text Karen on ...", "ring
        Mrs Shaw on ..."). Personal e-mail addresses: free webmail (gmail,
        hotmail, outlook, yahoo, icloud, btinternet, ...), and a person's
        address anywhere but at a school. Home addresses ("14 Hillside Avenue",
        "Flat 2, 3 Mill Lane", a street with a postcode). Dates of birth ("DOB
        14/03/2021", "born 02/09/2014", "date of birth: 3 March 2015").

        Not flagged: the school's own contact details (`[contacts]` in the
        policy, or a number introduced as the school office's, an address at a
        school domain, a role address such as office@ or pta@ at an
        organisation), streets named as places ("please park on Elm Road"),
        venues' addresses ("the Village Hall, 3 Mill Lane"), dates of events and
        the birth dates of public figures (Roald Dahl, born 13 September 1916).
        Ages ("Josh, aged 7") are left to individual-pupil.

    Why it matters:
        SUT-16 (Council 6.2): nothing that infringes data protection. Under UK
        GDPR a school must not publish an individual's contact details or date
        of birth; a public post can be copied and found for years, and a home
        address or a child's date of birth helps anyone who wants to find them.

    Example:
        The PTA fair needs volunteers: please text Karen on 07700 900461 if you can help.

    Use instead:
        The PTA fair needs volunteers: please contact the school office if you can help.
    """

    code = "SP201"
    name = "personal-data"
    category = "personal-data"
    default_severity = Severity.BLOCK

    def setting(self, policy: Policy) -> str:
        return policy.writing.personal_data

    def check(self, ctx: Context) -> Iterator[Finding]:
        if self.severity(ctx.policy) is None:
            return
        hits = [*self._phones(ctx), *self._emails(ctx), *self._addresses(ctx), *self._births(ctx)]
        taken: list[tuple[int, int]] = []
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            # Hits come in order of start and the taken ones do not overlap: only the last can.
            if taken and hit.start < taken[-1][1]:
                continue
            taken.append((hit.start, hit.end))
            yield self._finding(ctx, hit)

    # --- phones ---------------------------------------------------------------------

    def _phones(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.text.text
        own = {national_digits(p) for p in ctx.policy.contacts.phones}
        school_words = _school_name_words(ctx.policy)
        for m in _PHONE_ABROAD.finditer(text):
            s_start, _s_end = _sentence_span(ctx, m.start())
            cues = _cues(text[s_start : m.start()], school_words, sentence_start=True)
            last = cues[-1][1] if cues else ""
            right = _first_cue(text[m.end() : m.end() + 40], school_words)
            if last == "person" or (not last and right in ("", "person")):
                # "WhatsApp him on +49 151 2345 6789": a person's number abroad
                yield Hit(
                    "phone", m.start(), m.end(), "an individual's phone number", ("phone", "a number abroad")
                )
        for m in _PHONE.finditer(text):
            start, end = m.span()
            number = national_digits(m.group(0))
            if len(number) > 11 and not m.group(0).startswith(("+", "00")):
                # Digits that follow the number ("07700 900461 2 adults"): keep the first eleven.
                end = start + _after_digits(m.group(0), 11)
                number = national_digits(text[start:end])
            if not 10 <= len(number) <= 11 or number[1] not in "12378" or _DOTTED_DATE.match(m.group(0)):
                continue
            if number in own:
                continue
            s_start, s_end = _sentence_span(ctx, start)
            before = text[s_start:start]
            after = text[end : min(s_end, end + 40)]
            cues = _cues(before, school_words, sentence_start=True)
            last = cues[-1][1] if cues else ""
            school_at = max((pos for pos, kind in cues if kind == "school"), default=-1)
            named = any(kind == "person" and pos > school_at for pos, kind in cues)
            right = _first_cue(after, school_words)
            attached = _ATTACHED.match(after)
            if attached and _first_cue(attached.group(1), school_words):
                # "07700 900461 (school mobile)": a bracket after the number says whose it is.
                last, named, right = "", False, _first_cue(attached.group(1), school_words)
            mobile = number.startswith("07")
            kind = "mobile number" if mobile else "phone number"
            if last == "person" or (not last and right == "person") or (last == "org" and mobile and named):
                # "text Karen on ...", "Karen from the PTA on 07700 ...", "07700 900461 (Karen)"
                yield Hit("phone", start, end, f"an individual's {kind}", ("phone", "given for a person"))
            elif last or (right in ("school", "org")):
                continue
            elif mobile:
                yield Hit(
                    "phone", start, end, "a personal mobile number", ("phone", "a mobile, not the school's")
                )

    # --- e-mail ---------------------------------------------------------------------

    def _emails(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.text.text
        found: list[tuple[int, int, str, str]] = []
        for m in _EMAIL.finditer(text):
            found.append((m.start(), m.end(), m.group(1), m.group(2)))
        for m in _hidden_emails(text):
            if any(s < m.end() and m.start() < e for s, e, _l, _d in found):
                continue
            domain = _HIDDEN_DOT.sub(".", m.group(2)).replace(" ", "")
            spelled_out = not any(c in m.group(0) for c in "[({<@")
            if spelled_out and not _is_freemail(domain.casefold()) and " dot " not in m.group(0).lower():
                continue  # "meet at Springfield.": only spelled-out addresses we are sure of
            found.append((m.start(), m.end(), m.group(1), domain))
        policy = ctx.policy
        own_emails = {e.casefold() for e in policy.contacts.emails}
        own_domains = [d.casefold().lstrip("@") for d in policy.contacts.email_domains]
        school_words = _school_name_words(policy)
        for start, end, local, domain in found:
            local_f, domain_f = local.casefold().strip("."), domain.casefold().rstrip(".")
            address = f"{local_f}@{domain_f}"
            if address in own_emails or any(domain_f == d or domain_f.endswith("." + d) for d in own_domains):
                continue
            if _is_freemail(domain_f):
                yield Hit(
                    "email",
                    start,
                    end,
                    "a personal e-mail address (free webmail)",
                    ("email", f"free webmail domain {domain_f}"),
                )
                continue
            if _is_school_domain(domain_f, school_words):
                continue
            if _is_role(local_f) or not _looks_personal(local_f):
                continue  # a team address at an organisation: immunisations@, bookings@
            yield Hit(
                "email",
                start,
                end,
                "an individual's e-mail address",
                ("email", f"personal name at {domain_f}, not a role address"),
            )

    # --- addresses ------------------------------------------------------------------

    def _addresses(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.text.text
        school_words = _school_name_words(ctx.policy)
        spans: list[tuple[int, int]] = []
        for rx in (
            _ADDRESS,
            _WELSH_ADDRESS,
            _STREET_WITH_POSTCODE,
            _HOUSE_AT,
            _HOUSE_NAMED,
            _HOUSE_WITH_POSTCODE,
            _ADDRESS_LOWER,
        ):
            for m in rx.finditer(text):
                start, end = m.span()
                if any(s < end and start < e for s, e in spans):
                    continue
                if rx in (_HOUSE_NAMED, _HOUSE_WITH_POSTCODE) and not _TO_A_HOME.search(
                    text[max(0, start - 50) : start]
                ):
                    continue  # "The meeting is at Trinity House, Church Road": a venue, unless things go to it
                if (
                    rx is not _STREET_WITH_POSTCODE
                    and (
                        _NOT_A_HOUSE.search(text[max(0, start - 12) : start])
                        or re.search(
                            r"\d\s*[-–—]\s*$", text[max(0, start - 6) : start]
                        )  # "4–1 Warmley Park": a score
                        # "Full time: Stanbridge Road 2, Shefford Vale 1!": a score, a number after each side
                        or (
                            rx is _ADDRESS
                            and re.match(r"\s*\d{1,2}\b(?![:.]\d)", text[end : end + 5]) is not None
                            and re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, start - 20) : start]) is not None
                        )
                        # "All 40 Kerry Hill ewes": a number of things of a kind, not a house
                        or (
                            rx is _ADDRESS
                            and re.match(
                                r"\s+(?!(?:is|was|has|as|so|its|this|thanks|please|residents)\b)(?-i:[a-z]+s)\b",
                                text[end : end + 20],
                            )
                            is not None
                        )
                        # "heading 2 Times Square at 5": a phone's "to", not a house number
                        or (
                            re.match(r"[24]\s", m.group(0)) is not None
                            and re.search(
                                r"\b(?:heading|head|going|go|off|way|walking|walk|back|over|bus|coach|train|trip|"
                                r"welcome|went|gone|come|came|coming|get|got|getting)\s+$",
                                text[max(0, start - 12) : start],
                                re.IGNORECASE,
                            )
                            is not None
                        )
                        or (
                            (rng := re.match(r"(\d+)\s*[-–]\s*(\d+)", m.group(0))) is not None
                            and int(rng.group(2)) <= int(rng.group(1))
                        )  # "U12s 4-2 Hindley Green": a score, where a house range goes up ("12-14 High Street")
                    )
                ):
                    continue
                spans.append((start, end))  # an excused address also covers its street and postcode
                if any(re.sub(r"\s+", " ", m.group(0)).casefold().startswith(f) for f in FAMOUS_ADDRESSES):
                    continue
                s_start, _s_end = _sentence_span(ctx, start)
                if _venue_or_school(text[max(0, s_start - 1) : start], school_words):
                    continue
                if re.search(r"\bblue\s+plaque\b", text, re.I) and re.search(
                    r"\b(?:lived|was\s+born|grew\s+up|wrote|died)\b", text[s_start:start], re.I
                ):
                    continue  # "Philip Larkin lived at 32 Pearson Park ... visited the blue plaque": history
                yield Hit(
                    "address",
                    start,
                    end,
                    "a home address",
                    (
                        "address",
                        "street and postcode"
                        if rx is _STREET_WITH_POSTCODE
                        else "house name and street"
                        if rx is _HOUSE_NAMED
                        else "house number and street",
                    ),
                )

        # where a family is living, by the site or the lay-by: "whose family are back on the Kings Drove site"
        for m in _FAMILY_STAYING.finditer(text):
            start, end = m.span("where")
            if not any(s < end and start < e for s, e in spans):
                yield Hit(
                    "address",
                    start,
                    end,
                    "where a family is living",
                    ("address", "where a family is staying"),
                )

    # --- dates of birth -------------------------------------------------------------

    def _births(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.text.text
        now_year = ctx.post.at.year if ctx.post.at else date.today().year
        for m in _DOB.finditer(text):
            cue = m.group("cue").casefold()
            year_text = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
            year = _full_year(year_text, now_year) if year_text else None
            if m.group("d1") and not _plausible_numeric(m.group("d1"), m.group("m1")):
                continue
            labelled = not cue.startswith(("born", "birthday", "b."))
            if cue.startswith("birthday") and not (m.group("d1") and year):
                continue  # "birthday on 3 March" is when it is celebrated, not a record
            if (
                not labelled
                and year is not None
                and year < now_year - _FAMOUS_AGE
                and (year < now_year - 100 or _PUBLIC_FIGURE.search(_sentence_around(text, m.start())))
            ):
                continue  # a public figure: "Roald Dahl, born 13 September 1916"
            if year is not None and year > now_year:
                continue
            yield Hit(
                "dob", m.start(), m.end(), "a date of birth", ("date of birth", f"cue {m.group('cue')!r}")
            )
        for m in _AGE_AND_BIRTHDAY.finditer(text):
            # "He turns 9 on 23rd January": the age and the day give the date of birth
            yield Hit(
                "dob", m.start(), m.end(), "a date of birth", ("date of birth", "an age and a birthday")
            )

    # --- messages -------------------------------------------------------------------

    def _finding(self, ctx: Context, hit: Hit) -> Finding:
        shown = ctx.text.original_slice(hit.start, hit.end)
        contacts = ctx.policy.contacts
        if hit.kind == "phone":
            message = (
                f'"{shown}" looks like {hit.what}. Publishing an individual\'s phone number breaks '
                "data protection (UK GDPR): anyone can copy it from the post."
            )
            office = f" on {contacts.phones[0]}" if contacts.phones else ""
            suggestion = (
                f'Ask people to contact the school office instead, e.g. "please ring the school '
                f'office{office} and we will pass your message on".'
            )
        elif hit.kind == "email":
            message = (
                f'"{shown}" is {hit.what}. Publishing an individual\'s e-mail address breaks data '
                "protection (UK GDPR)."
            )
            if contacts.emails:
                suggestion = (
                    f'Give a school address instead, e.g. "please email the PTA at {contacts.emails[0]}".'
                )
            else:
                suggestion = (
                    "Give a school address or ask people to contact the school office instead, "
                    'e.g. "please email the PTA via the school office".'
                )
        elif hit.kind == "address":
            message = (
                f'"{shown}" looks like {hit.what}. Publishing where a family lives breaks data '
                "protection (UK GDPR) and tells strangers where to find them."
            )
            suggestion = (
                'Ask people to bring things to the school office instead, e.g. "please hand it in '
                'at the school office".'
            )
        else:
            message = (
                f'"{shown}" is {hit.what}. A date of birth is personal data that must not be '
                "published (UK GDPR); with a name it helps anyone identify a child."
            )
            suggestion = (
                "Leave the date of birth out; if age matters, give the year group instead "
                '(e.g. "our new Reception starter").'
            )
        trace = (f'writing.personal_data = "{ctx.policy.writing.personal_data}"', *hit.trace)
        return self.finding(ctx, hit.start, hit.end, message, suggestion, trace)


def _after_digits(text: str, count: int) -> int:
    """The offset just after the ``count``-th digit of ``text``."""
    seen = 0
    for offset, ch in enumerate(text):
        seen += ch.isdigit()
        if seen == count:
            return offset + 1
    return len(text)


_SURNAME_HINTS = frozenset(
    [
        "smith",
        "jones",
        "taylor",
        "brown",
        "williams",
        "wilson",
        "johnson",
        "davies",
        "robinson",
        "wright",
        "thompson",
        "evans",
        "walker",
        "white",
        "roberts",
        "green",
        "hall",
        "wood",
        "jackson",
        "clarke",
        "patel",
        "khan",
    ]
)


def _looks_personal(local: str) -> bool:
    """Whether the part before the @ looks like a person: jo.ferris77, j.smith, claire, jsmith."""
    from safepost.policy.names import first_name_lexicon

    names = first_name_lexicon()
    parts = [p for p in re.split(r"[._\-+]+", re.sub(r"\d+", "", local)) if p]
    if not parts:
        return False
    if len(parts) >= 2 and (any(p in names for p in parts) or any(len(p) == 1 for p in parts)):
        return True
    word = parts[0]
    # "claire", or a name with an initial run on: "clairew", "jsmith"
    return word in names or word[:-1] in names or (len(word) > 3 and word[1:] in _SURNAME_HINTS)


def _hidden_emails(text: str) -> Iterator[re.Match[str]]:
    """Spelled-out addresses, trying every word as a start: in "email Claire at claire at
    yahoo dot co dot uk" the first candidate ("Claire at claire") must not hide the real one."""
    pos = 0
    while (m := _EMAIL_HIDDEN.search(text, pos)) is not None:
        yield m
        nxt = re.search(r"\s\S", text[m.start() :])
        if nxt is None:
            break
        pos = m.start() + nxt.end() - 1


def _is_freemail(domain: str) -> bool:
    if domain in FREEMAIL or any(domain.endswith("." + f) for f in FREEMAIL):
        return True
    return domain.split(".")[0] in _FREEMAIL_NAMES


def _is_school_domain(domain: str, school_words: frozenset[str]) -> bool:
    if domain.endswith((".sch.uk", ".school")):
        return True
    labels = domain.split(".")
    name = ".".join(labels[:-2] if domain.endswith(_INSTITUTION_SUFFIXES) else labels[:-1])
    return bool(_SCHOOLISH.search(name)) or any(w in name for w in school_words)


def _is_role(local: str) -> bool:
    if local in ROLE_LOCALS:
        return True
    parts = re.split(r"[._\-+]", local)
    return (
        bool(parts)
        and (parts[0] in ROLE_LOCALS or parts[-1] in ROLE_LOCALS)
        and not any(len(p) == 1 for p in parts)
    )


_INTRO = re.compile(
    r"(?:'s)?(?:[\s,:(\-–]+(?:address|is|are|at|on|in|located|based|of|found|can|be|"
    r"site|entrance|gates?|main|new|postal|the|our|(?-i:[A-Z])[\w&'’-]*))*[\s,:(\-–]*$",  # "supplier, Smartwear at"
    re.IGNORECASE,
)


_LIVES = re.compile(
    # "collect it from her at Hill Top Farm, Low Row, DL11 6PP": a person's home, though a farm
    r"\b(?:lives?|living|lived|moved|moving|his home|her home|their home|taken it home|(?:from|with)\s+(?:her|him|them))\b",
    re.IGNORECASE,
)


def _venue_or_school(before: str, school_words: frozenset[str]) -> bool:
    """Whether the words just before an address introduce it as a school's or a venue's.

    "the school, 12 Church Lane", "Village Hall (3 Mill Lane)", "our new site is at
    4 Park Road"; but not "hand it to the office or drop it round to 14 Hillside Avenue", nor "Dave
    lives opposite school at 2 Court Road" (someone's home, placed by the school).
    """
    tail = before[-60:]
    home = _LIVES.search(tail)
    for rx in (_SCHOOL_CUE, _ORG_CUE):
        for m in rx.finditer(tail):
            if (
                rx is _ORG_CUE
                and m.group(0).islower()
                and re.search(r"(?-i:[A-Z])[a-z]+['’]s\s+$", tail[: m.start()])
            ):
                continue  # "stored in Tom's garage at 3 Mill Cottages": somebody's own, at home
            if _INTRO.match(tail, m.end()) and not (home and home.start() < m.start()):
                return True
    for m in re.finditer(r"[A-Za-z]+", tail):
        if m.group(0).casefold() in school_words and _INTRO.match(tail, m.end()):
            return True
    return False


def _full_year(text: str, now_year: int) -> int:
    year = int(text)
    if len(text) == 2:
        century = now_year // 100 * 100
        year = century + year if century + year <= now_year else century - 100 + year
    return year


def _plausible_numeric(day: str, month: str) -> bool:
    d, m = int(day), int(month)
    return (1 <= d <= 31 and 1 <= m <= 12) or (1 <= m <= 31 and 1 <= d <= 12)

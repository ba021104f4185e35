"""SP202 trip-whereabouts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from safepost.policy.config import Policy
from safepost.policy.findings import Finding
from safepost.policy.rules.base import Context, Rule

_PUPILS = re.compile(
    r"\b(?:years?\s*\d+(?:\s*(?:and|&|,)\s*\d+)*|yr\s*\d|y\d|class\s+\w+|[A-Z][\w'-]*\s+class|reception|nursery|"
    r"ks\s*\d|key\s+stage\s+\d|children|pupils|kids|students|"
    r"(?:team|teams|squad|choir|athletes|runners|players|footballers|swimmers|musicians|band|orchestra|"
    r"dancers|cast|group|netballers|cricketers)|we|we'll|we're|we've|us|everyone|they|they'll|they're)\b",
    re.IGNORECASE,
)
_PRESENT_FUTURE = re.compile(
    r"\b(?:are|'re|am|will|'ll|is|heading|off\s+to|arriving|arrive|going\s+to|on\s+(?:our|their)\s+way|"
    r"right\s+now|currently|at\s+the\s+moment|tomorrow|tonight|next\s+\w+|this\s+(?:morning|afternoon|evening)|"
    r"meet(?:ing)?\s+(?:us|them)|kick[\s-]*offs?|kicks\s+off|starts|begins|leave|leaves|depart|departs|now)\b"
    r"|\b\w+ing\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:had|was|were|went|visited|enjoyed|loved|yesterday|last\s+(?:week|night|term|\w+day)|"
    r"has\s+been|have\s+been|arrived|returned|got\s+back|came\s+back|finished|spent)\b",
    re.IGNORECASE,
)
_PRESENCE = re.compile(
    r"\b(?:(?:greetings|hello|hi|good\s+(?:morning|afternoon|evening)|live|waves?)\s+from|"
    r"(?:are|'re|is)\s+(?:now\s+|currently\s+|safely\s+)?(?:at|in|on)|here\s+at|"
    r"(?:have|has|'ve)\s+(?:just\s+)?(?:arrived|made\s+it)\s+(?:at|to|in))\b",
    re.IGNORECASE,
)
_FUTURE_OR_NOW = re.compile(
    r"\b(?:will|'ll|are\s+(?:at|on|in|by|exploring|visiting|walking|heading|going|off|travelling|"
    r"having|spending|enjoying|watching)|right\s+now|now|currently|at\s+the\s+moment|tomorrow|tonight|next\s+\w+|"
    r"(?:have|has|'ve)\s+(?:just\s+)?(?:arrived|made\s+it))\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)|"
    r"(?:at|from|until|till|by|between)\s+\d{1,2}(?!\s*(?:%|years|children|pupils|people|schools|points|"
    r"goals|runs|metres|miles|km|kg|st|nd|rd|th|\d))\b|noon|midday|lunchtime|lunch\s+time|"
    r"right\s+now|currently|at\s+the\s+moment|in\s+(?:\d+|ten|five|fifteen|twenty|thirty)\s+minutes|"
    r"in\s+(?:half\s+an|an)\s+hour|"
    # times in words: "half past one", "quarter to three", "two o'clock", "ten thirty"
    r"(?:half|quarter)\s+(?:past|to)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o'clock|thirty|fifteen|"
    r"forty-five))",
    re.IGNORECASE,
)
_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|weekend)|next\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|week)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|(?:until|till|every)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b",
    re.IGNORECASE,
)
_ON_SITE = re.compile(
    r"^(?:(?:the\s+)?(?:main\s+|school\s+|dining\s+|sports\s+)?(?:school|hall|playground|field|office|"
    r"classroom|classrooms|library|gate|gates|entrance|reception|car\s+park\s+at\s+school|staffroom|"
    r"nursery|hall\s+at\s+school|forest\s+school|outdoor\s+classroom)|school|home|back\s+at\s+school|"
    r"our\s+\w+)\b",
    re.IGNORECASE,
)
# A place after a preposition: a capitalised name ("Knowsley Safari Park") or,
# during a trip, a spot there ("the planet garden", "the harbourside benches").
_PLACE = re.compile(
    r"\b(?P<prep>at|in|on|to|by|near|around|visiting|exploring|outside|inside|into|"
    r"(?:leave|leaving|head|heading|set\s+off|setting\s+off|depart|departing|bound)\s+for)\s+"
    r"(?P<place>(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:of|on|the|upon|de|and)?\s*[A-Z][\w'’-]*){0,4}"
    r"|(?:main\s+|big\s+|little\s+|\w+side\s+)?(?:[a-z]+\s+){0,2}(?:garden|gardens|dome|pond|benches|bench|"
    r"car\s+park|cafe|café|beach|park|picnic\s+area|gift\s+shop|entrance|lake|river|woods|wood|"
    r"planetarium|shop|tent|stage|pavilion|pitch|pitches|track|pool|court|courts|statues|pier|harbour|"
    r"harbourside|promenade|station|bus\s+stop|visitor\s+centre|play\s+area|enclosure|exhibition|gallery|"
    r"theatre|field|fields|hall|square|bandstand|church|steps|farm|zoo|museum|baths|swimming\s+pool|"
    r"leisure\s+centre|cinema|library)))\b"
)
_TRIP_WORDS = re.compile(
    r"\b(?:trip|visit|visiting|residential|outing|excursion|day\s+out|tour|"
    r"fixture|tournament|match|festival|gala|competition|off\s+to|heading\s+to)\b",
    re.IGNORECASE,
)
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:Year|Years|Class|Reception|Nursery|KS\d|Key|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Christmas|Easter|Sports\s+Day|"
    r"Maths|English|Science|PE|Our|The\s+children|Need|Relief|Mind|Action)\b"
    # "in Kingfisher class", "in Oak Class": a class, not a place.
    r"|^(?:the\s+)?[A-Z][\w'-]*\s+[Cc]lass\b"
)


_CLASS_AFTER = re.compile(r"\s+class(?:es)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    text: str
    named: bool


def _places(sentence: str) -> list[_Place]:
    found = []
    for m in _PLACE.finditer(sentence):
        place = m.group("place")
        if _ON_SITE.match(place) or _NOT_PLACES.match(place) or _CLASS_AFTER.match(sentence, m.end()):
            continue
        bare = re.sub(r"^the\s+", "", place)
        named = bare[:1].isupper()
        found.append(_Place(m.start(), m.end(), place, named))
    return found


class TripWhereabouts(Rule):
    """Where pupils are or will be, at a time a stranger could act on.

    What it flags:
        A sentence in the present or future tense that puts pupils (a year
        group, a class, a team, "we") at an off-site place with a time: a
        clock time ("at 2pm", "from 10:30"), "right now", or a day ("today",
        "next Thursday"). Once a post is about a trip, a spot at the venue with
        a time ("by the main car park at 12") counts too. Past-tense trip
        reports, the coach arriving back at school, and events in the school
        hall or on the playground are fine.

    Why it matters:
        NNF-11: trip updates must not say "where children will be at a
        specific time", which could let a stranger find them. The same
        safeguarding risk applies to every school, so every preset blocks it.

    Example:
        Year 4 are at Chester Zoo until 2pm today, with lunch by the lake at 12:30.

    Use instead:
        Year 4 had a brilliant day at Chester Zoo. The giraffes were the highlight!
    """

    code = "SP202"
    name = "trip-whereabouts"
    category = "trip-whereabouts"

    def setting(self, policy: Policy) -> str:
        return policy.pupils.trip_whereabouts

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text.text
        sentences = [(a, b, text[a:b]) for a, b in ctx.text.sentence_bounds]
        all_places = [(i, p) for i, (_a, _b, s) in enumerate(sentences) for p in _places(s)]
        on_trip = any(p.named for _i, p in all_places) or bool(_TRIP_WORDS.search(text))
        for i, (a, _b, sentence) in enumerate(sentences):
            places = [p for j, p in all_places if j == i and (p.named or on_trip)]
            if not places:
                continue
            # A fixture or trip post may name the pupils once ("Year 5/6 girls v St Anne's this
            # Thursday! Kick-off 3:45pm at St Anne's field"): the subject carries over.
            subject = _PUPILS.search(sentence) or (on_trip and _PUPILS.search(text[:a]))
            presence = _PRESENCE.search(sentence)
            if not subject or not (_PRESENT_FUTURE.search(sentence) or presence):
                continue
            if _PAST.search(sentence) and not _FUTURE_OR_NOW.search(sentence):
                continue
            when = _CLOCK.search(sentence) or _DAY.search(sentence)
            if when is None and presence is not None and any(p.named for p in places):
                when = presence  # "Greetings from Year 6 at Robinwood!": they are there now
            if when is None:
                continue
            if not _CLOCK.search(sentence) and not _FUTURE_OR_NOW.search(sentence) and presence is None:
                continue
            place = places[0]
            start = a + min(place.start, when.start())
            end = a + max(place.end, when.end())
            yield self.finding(
                ctx,
                start,
                end,
                f'This says where pupils are or will be ("{place.text}", "{when.group(0).strip()}"); '
                "a stranger could use it to find them.",
                suggestion='Share the trip afterwards, in the past tense ("Year 4 had a brilliant day at '
                'the zoo"), or leave out the place and the time.',
                trace=(
                    f'pupils.trip_whereabouts = "{ctx.policy.pupils.trip_whereabouts}"',
                    f"place: {place.text}",
                    f"time: {when.group(0).strip()}",
                    "trip context" if on_trip else "named place",
                ),
            )

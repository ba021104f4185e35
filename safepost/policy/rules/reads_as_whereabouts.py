"""SP203 reads-as-whereabouts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy import trained
from safepost.policy.findings import Finding, Severity
from safepost.policy.reading import Tense, sentence_tense
from safepost.policy.rules.base import Context, Rule
from safepost.policy.rules.trip_whereabouts import (
    TripWhereabouts,
    adults_only,
    going_home,
    places_named,
    roadworks_notice,
    season_arrived,
)

if TYPE_CHECKING:
    from safepost.policy.config import Policy

CATEGORY = "trip-whereabouts"


class ReadsAsWhereabouts(Rule):
    """A post that reads like it says where pupils will be, though no rule found the place: a warning.

    What it flags:
        A post the trained reader (safepost/policy/trained.py, a model learnt from
        about 53,000 labelled school posts) scores as telling where pupils are or
        will be, when the whereabouts rule (SP202) found no place and time in it:
        a meeting point, a route or a venue said in a way no rule knows. It points
        at the sentence that reads most like it, and stays silent when that
        sentence has happened (a match report, a trip told afterwards). It is a
        warning, not a block: the writer checks whether a stranger could use it
        to find the children.

    Why it matters:
        NNF-11: trip updates must not say where children will be at a specific
        time. Measured on blind sets written after it was trained, this reader
        found most of the whereabouts the rules missed, with few false alarms.

    Example:
        Coach leaves from the top gate at 8:15 sharp tomorrow, then straight up the valley path to the waterfall.

    Use instead:
        Year 5 had a wonderful walk to the waterfall today; photos to follow!
    """

    code = "SP203"
    name = "reads-as-whereabouts"
    category = CATEGORY
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if policy.pupils.trip_whereabouts != "allow" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        reading = trained.read(ctx.text.text, ctx.roster, CATEGORY, ctx.reader_features)
        threshold = trained.readers().models[CATEGORY].threshold
        if (
            reading.score < threshold
            or told_afterwards(ctx, reading)
            or at_school(ctx.text.text[reading.start : reading.end], ctx.text.text)
            or going_home(ctx.text.text[reading.start : reading.end])
            or _ANIMALS_SUBJECT.match(ctx.text.text[reading.start : reading.end]) is not None
            or _ON_AIR.search(ctx.text.text[reading.start : reading.end]) is not None
            or season_arrived(ctx.text.text[reading.start : reading.end])
            or roadworks_notice(ctx.reading.text)
            or adults_only(
                ctx.reading.text
            )  # "Tonight's quiz night is sold out! See you at the village hall"
            or any(True for _ in TripWhereabouts().check(ctx))
        ):
            return  # the reader is not sure, the sentence has happened, or SP202 has already said it
        yield self.finding(
            ctx,
            reading.start,
            reading.end,
            "This reads like it tells people where pupils will be. No rule found a place and a time, but "
            "Safepost's trained reader, which learnt from thousands of school posts, reads it that way. If a "
            "stranger could use it to find the children, take the place or the time out.",
            suggestion="Share the plan with families by letter or the parents' app, and post about the trip "
            "once the children are back.",
            trace=(
                f"the trained reader scored it {reading.score:.2f} (it warns from {threshold:.2f})",
                "no place and time found by SP202",
            ),
        )


# A sentence about the school's animals: "The orphan lambs are safe at Hollin Farm until they're big enough".
_ANIMALS_SUBJECT = re.compile(
    r"\W*(?:the|our)\s+(?:[\w-]+\s+){0,2}?(?:lambs?|ewes?|sheep|chicks?|chickens?|hens?|ducks?|ducklings?|goats?|"
    r"pigs?|piglets?|calves|calf|cows?|ponies|pony|rabbits?|guinea\s+pigs?|tortoises?|caterpillars?|butterflies|"
    r"tadpoles?|frogs?|fish|eggs)\b(?!\s+(?:class|group|team)\b)",
    re.IGNORECASE,
)


# On television or the radio: "Look out for our Year 9 netballers on BBC London tonight at 6:30!"
_ON_AIR = re.compile(
    r"\bon\s+(?:the\s+)?(?:BBC|ITV|Channel\s+[45]|Sky|S4C|STV|CBBC|CBeebies|Newsround|(?:local\s+)?(?:TV|telly|radio|"
    r"television)|(?:[A-Z][\w'’-]*\s+){1,3}(?:Radio|FM|TV|News|Tonight))\b"
)


def told_afterwards(ctx: Context, reading: trained.Reading) -> bool:
    """Whether the sentence the reader points at has happened ("played at Oakfield Park on Saturday and won")."""
    return sentence_tense(ctx.text.text[reading.start : reading.end]) is Tense.PAST


# The school's own events, which happen at school unless the sentence names somewhere else.
_SCHOOL_EVENT = re.compile(
    # after a heading of its own: "Dates for the diary: the Advent Carol Service is in Chapel on Sunday"
    r"^\W*(?:[\w'’ ]{1,30}:\s*)?(?:our\s+|the\s+)?(?:(?:ks[12]|eyfs|infant|junior|whole[\s-]school|year\s*\d+|reception|nursery)\s+)?"
    r"(?:(?:advent|christmas|harvest|easter|leavers['’]?|remembrance|summer|spring|autumn|winter)\s+)?"
    r"(?:sports\s+day|nativity|carol\s+service|christmas\s+concert|summer\s+concert|spring\s+concert|concert|"
    r"assembly|parents['’]?\s+evening|open\s+evening|open\s+morning|coffee\s+morning|cake\s+sale|school\s+disco|disco|"
    r"school\s+photos?|flu\s+(?:vaccinations?|spray)|book\s+fair|stay\s+and\s+play|stay-and-play|(?:farm\s+)?open\s+day|"
    r"fun\s+day|summer\s+fair|christmas\s+fair|fete)\s+(?:is|are|will\s+be)\b",
    re.IGNORECASE,
)


_ON_SITE_ONLY = re.compile(
    r"\b(?:in|on|at|by|to|visit|visiting|use|using)\s+the\s+(?:school\s+|sixth[\s-]form\s+|primary\s+|secondary\s+|senior\s+|junior\s+|infant\s+|staff\s+)?"
    r"(?:playground|hall|sports\s+hall|main\s+hall|dining\s+hall|astro|astroturf|3g|all-weather\s+pitch|gym|school\s+gates?|main\s+gate|classroom|office|"
    r"car\s+park|field|front\s+entrance|main\s+entrance|college\s+entrance|school\s+entrance|"
    r"(?:ict|computer|computing|it|music|art|science|food|dt|d&t|drama)\s+(?:suite|room|lab|block|studio))\b"
    r"|\bin\s+(?-i:Chapel)\b"
    # a building of the school's by its letter: "Student Services are in B-block from 8:30"
    r"|\bin\s+(?-i:[A-Z])[\s-](?:block|building|wing)\b",
    re.IGNORECASE,
)


def at_school(sentence: str, post: str = "") -> bool:
    """Whether the sentence dates one of the school's own events, or names only the school's own grounds, and
    names nowhere else ("Sports day is on Friday 12th June at 1:30pm", "please be in the playground by 8:15"):
    a time at school tells no stranger where to find anybody. Not where the post names a place anywhere ("... at
    Chester Zoo! We'll be in the picnic area by the main entrance from 12")."""
    if any(
        p.named or p.public or p.spot
        for s in re.split(r"(?<=[.!?])\s+", post or sentence)
        for p in places_named(s)
    ):
        return False
    # (the grounds may be named in the sentence before: "The final is at 1:10 in the Sports Hall. Come and cheer!")
    return _SCHOOL_EVENT.match(sentence) is not None or _ON_SITE_ONLY.search(post or sentence) is not None

"""A small library of e-safety posts by pupils' age (CAT-14, COU-10), and when to offer them.

Each term the school is offered one message for each age group it has not been offered yet; in the
weeks before Safer Internet Day (the second Tuesday of February) it is offered that day's message
too. A message becomes an ordinary draft post when a member of staff chooses it: it is checked and
approved like any other. The messages are written to pass every preset policy's checks (no names,
no text language, at most 240 characters, hashtags at the end, no @mentions): the tests prove it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from safepost.policy import config
from safepost.policy.config import Policy

#: The age groups, in the order the page shows them.
AGES: dict[str, str] = {
    "4-7": "Ages 4 to 7 (Reception to Year 2)",
    "7-11": "Ages 7 to 11 (Years 3 to 6)",
    "parents": "Parents and carers",
}
#: How long before Safer Internet Day its message is offered: time to write, approve and schedule it.
SID_NOTICE_DAYS = 28


@dataclass(frozen=True)
class Message:
    """One e-safety post: its key, its age group, a title for staff, the text, and where it came from."""

    key: str
    ages: str
    title: str
    text: str
    source: str = ""
    safer_internet_day: bool = False

    @property
    def age_label(self) -> str:
        return AGES[self.ages]


LIBRARY: tuple[Message, ...] = (
    Message(
        "ask-a-grown-up",
        "4-7",
        "Tell a grown-up",
        "In Reception and Key Stage 1 we have been learning that if something online makes us feel worried "
        "or upset, we stop, close the screen and tell a grown-up we trust. #OnlineSafety",
    ),
    Message(
        "kind-online",
        "4-7",
        "Be kind online",
        "Reception and Year 1 talked about being kind online: we only send messages we would be happy to "
        "say to someone's face. Kind words matter everywhere! #BeKindOnline",
    ),
    Message(
        "private-information",
        "4-7",
        "Keep it private",
        "Today we learnt that our full name, our address and our school are private information. We never "
        "share them online without asking a grown-up first. #OnlineSafety",
    ),
    Message(
        "never-upsetting",
        "7-11",
        "Think before you post",
        "E-safety reminder: never post anything that could be upsetting to someone else. If you would not "
        "say it in the classroom, do not post it online. #ThinkBeforeYouPost",
        "St Catherine of Siena policy (CAT-14)",
    ),
    Message(
        "report-it",
        "7-11",
        "Report what worries you",
        "E-safety reminder: make sure you know how to report anything you find online that upsets or "
        "worries you, and always tell a trusted adult at home or at school. #OnlineSafety",
        "St Catherine of Siena policy (CAT-14)",
    ),
    Message(
        "not-who-they-seem",
        "7-11",
        "Careful who you talk to",
        "E-safety reminder: be careful who you talk to online, because people may not be all they appear. "
        "Only chat with people you know in real life. #OnlineSafety",
        "St Catherine of Siena policy (CAT-14)",
    ),
    Message(
        "never-meet",
        "7-11",
        "Never meet up",
        "E-safety reminder: never agree to meet anyone you have only met online without telling your "
        "parents or carers first. #OnlineSafety",
        "St Catherine of Siena policy (CAT-14)",
    ),
    Message(
        "age-thirteen",
        "parents",
        "Social media is for 13 and over",
        "A reminder for parents and carers: most social media apps are for users aged 13 and over. If you "
        "share our posts with your child, please look at them together. #OnlineSafety",
        "No names, no faces policy (NNF-12)",
    ),
    Message(
        "e-safety-lessons",
        "parents",
        "What we teach in e-safety lessons",
        "Our e-safety lessons remind children how to stay safe and protected online. Ask your child what "
        "they learnt this term, and talk about the apps and games they use at home. #OnlineSafety",
        "No names, no faces policy (NNF-12)",
    ),
    Message(
        "parental-controls",
        "parents",
        "Parental controls",
        "Parents and carers: parental controls on home broadband, phones and games consoles help keep "
        "children safe online. The school office can point you to guides on setting them up. #OnlineSafety",
    ),
    Message(
        "sid-primary",
        "7-11",
        "Safer Internet Day",
        "Happy Safer Internet Day! Today our pupils are learning how to stay safe, be kind and ask for help "
        "online. Ask your child to share one tip they learnt today. #SaferInternetDay",
        safer_internet_day=True,
    ),
    Message(
        "sid-parents",
        "parents",
        "Safer Internet Day for families",
        "It is Safer Internet Day! Why not spend ten minutes tonight talking with your child about the "
        "websites, apps and games they enjoy, and who they can tell if something worries them. "
        "#SaferInternetDay",
        safer_internet_day=True,
    ),
)
BY_KEY = {m.key: m for m in LIBRARY}


def safer_internet_day(year: int) -> date:
    """Safer Internet Day in ``year``: the Tuesday of the second week of February."""
    first = date(year, 2, 1)
    first_tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + timedelta(days=7)


def current_term(policy: Policy, today: date) -> date | None:
    """The first day of the term ``today`` is in, from ``credentials.term_starts``."""
    starts = []
    for text in policy.credentials.term_starts:
        start = config.term_start(text)
        if start is None:
            continue
        for year in (today.year - 1, today.year):
            try:
                starts.append(date(year, *start))
            except ValueError:  # 29 February in a common year
                starts.append(date(year, start[0], 28))
    past = [s for s in starts if s <= today]
    return max(past) if past else None


def next_term(policy: Policy, after: date) -> date | None:
    """The first day of the first term that starts after ``after``."""
    found = []
    for text in policy.credentials.term_starts:
        start = config.term_start(text)
        for year in (after.year, after.year + 1):
            if start is not None:
                try:
                    found.append(date(year, *start))
                except ValueError:  # 29 February in a common year
                    found.append(date(year, start[0], 28))
    later = [d for d in found if d > after]
    return min(later) if later else None


def termly_choice(offered: set[str]) -> list[Message]:
    """One message for each age group, the first not offered yet (all again, once all were)."""
    out = []
    for ages in AGES:
        group = [m for m in LIBRARY if m.ages == ages and not m.safer_internet_day]
        fresh = [m for m in group if m.key not in offered]
        out.append((fresh or group)[0] if fresh or group else None)
    return [m for m in out if m is not None]


def sid_due(today: date) -> date | None:
    """Safer Internet Day, when ``today`` is in the weeks before it (or on it)."""
    day = safer_internet_day(today.year)
    return day if day - timedelta(days=SID_NOTICE_DAYS) <= today <= day else None

"""Signals about another account: what its profile suggests, why, and what the policy says to do.

Plain Python (no Django). The follower review and the following review both call
:func:`assess` with a :class:`~safepost.accounts.profiles.RemoteProfile` and a :class:`Context`
(the staff list with their declared personal handles, the school's words, the policy's
``following`` section, the time now) and get an :class:`Assessment`: the signals, each with a
code, a label, a reason a busy reviewer can act on, and the action it suggests; and one
recommended action with its reason.

Signal codes (stable; screens and tests rely on them):

* ``staff-personal``: the handle is one a member of staff declared as their personal account
  (RAC-09). The action follows ``following.staff_personal_followers``.
* ``possibly-staff``: the name matches a member of staff's (offered as "possibly": names are
  shared, so a person checks).
* ``adult``, ``gambling``, ``scam``, ``commercial``: what the bio, name or links offer, from the
  moderation lexicons (:mod:`safepost.policy.moderation.lexicons`) and a short list of link domains.
* ``spam-pattern`` (two or more signs of a spam account: new, empty, follows thousands, no
  posts, a generated handle, says it is automated, a shortened link) and ``spam-hint`` (one).
* ``not-school-focused``: nothing in the profile links it to the school, its families, its area
  or education (CAT-11, NNF-03, SUT-09: followers not school-focused are blocked case by case).
* ``empty-profile``: no bio and no picture: nothing says who this is.
* ``other-script``: the bio is in a script the word lists cannot read; a person reads it.
* ``deleted``: the platform says the account is gone or suspended; nothing to do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from safepost.accounts.profiles import RemoteProfile, normalise_handle
from safepost.policy.config import Following
from safepost.policy.moderation.lexicons import Hit, find_adult_or_gambling, find_bio_signals, find_scam

__all__ = [
    "ACTIONS",
    "ACTION_LABELS",
    "Action",
    "Assessment",
    "Context",
    "Signal",
    "StaffMember",
    "assess",
]

Action = Literal["keep", "review", "remove", "block", "report"]
#: From the mildest to the strongest; the recommended action is the strongest any signal asks for.
ACTIONS: tuple[Action, ...] = ("keep", "review", "remove", "block", "report")
ACTION_LABELS: dict[str, str] = {
    "keep": "Keep",
    "review": "Look closer",
    "remove": "Remove from followers",
    "block": "Block",
    "report": "Block and report",
}
Severity = Literal["info", "warning", "serious"]

#: An account younger than this counts as new.
NEW_ACCOUNT_DAYS = 30
#: Following at least this many, with ten times fewer followers, is a spam sign.
FOLLOWS_THOUSANDS = 1000


@dataclass(frozen=True)
class StaffMember:
    """A member of staff as the signals need them: ``key`` (the app's user id, as text) comes
    back on the signal so the app can tell them; ``handles`` are the personal accounts they
    declared on their profile (any form :func:`normalise_handle` reads)."""

    key: str
    name: str
    handles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What :func:`assess` judges a profile against.

    ``community_words`` are extra words that connect an account to the school (the town, the
    trust, the parish); the school's own name is added to them.
    """

    staff: tuple[StaffMember, ...] = ()
    following: Following = field(default_factory=Following)
    school_name: str = ""
    community_words: tuple[str, ...] = ()
    now: datetime | None = None


@dataclass(frozen=True)
class Signal:
    """One thing the profile suggests: ``code`` (stable), ``label`` (a few words for a badge),
    ``reason`` (a sentence saying what was seen and why it matters), ``action`` (what it
    suggests), ``severity``, the words that triggered it (``evidence``) and, for the staff
    signals, the member of staff's ``staff_key``."""

    code: str
    label: str
    reason: str
    action: Action
    severity: Severity = "warning"
    evidence: str = ""
    staff_key: str = ""


@dataclass(frozen=True)
class Assessment:
    """All the signals for one profile and the one recommended action, with why."""

    signals: tuple[Signal, ...]
    action: Action
    reason: str

    @property
    def codes(self) -> tuple[str, ...]:
        """The signal codes, in order."""
        return tuple(s.code for s in self.signals)

    @property
    def staff_key(self) -> str:
        """The member of staff a staff signal points at ("" when none)."""
        return next((s.staff_key for s in self.signals if s.staff_key), "")


# ---------------------------------------------------------------------------------------------
# What the lexicons' codes mean for a follower
# ---------------------------------------------------------------------------------------------

_LEXICON_SIGNALS: dict[str, tuple[str, str, Action, Severity, str]] = {
    # lexicon code: (signal code, label, action, severity, why it matters)
    "adult-bio": ("adult", "Adult or dating", "block", "serious", "adult or dating content"),
    "adult-content": ("adult", "Adult or dating", "block", "serious", "adult or dating content"),
    "gambling": ("gambling", "Gambling", "block", "serious", "gambling"),
    "scam-bio": ("scam", "Scam or spam", "block", "warning", "trading, crypto or paid promotion"),
    "scam-crypto": ("scam", "Scam or spam", "block", "warning", "crypto or investment schemes"),
    "giveaway-bio": ("scam", "Scam or spam", "block", "warning", "giveaways"),
    "prize-scam": ("scam", "Scam or spam", "block", "warning", "prizes or vouchers"),
    "follower-selling": ("scam", "Scam or spam", "block", "warning", "followers for sale"),
    "phishing": ("scam", "Scam or spam", "report", "serious", "a phishing lure"),
    "phishing-bio": (
        "scam",
        "Scam or spam",
        "report",
        "serious",
        "help from a platform's support team it does not belong to",
    ),
    "commercial-bio": ("commercial", "Selling", "remove", "warning", "selling or coaching"),
    "commercial-promotion": ("commercial", "Selling", "remove", "warning", "things for sale"),
    "essay-mill": ("commercial", "Selling", "remove", "warning", "essays for sale"),
    "replica-goods": ("commercial", "Selling", "remove", "warning", "replica goods"),
}

# Link domains that say what an account is even when its bio says nothing.
_LINK_DOMAINS: tuple[tuple[str, str], ...] = (
    (
        r"onlyfans|fansly|pornhub|xvideos|xhamster|chaturbate|stripchat|manyvids|"
        r"tinder|bumble|hinge|seeking|adultfriendfinder|ashleymadison",
        "adult-content",
    ),
    (
        r"bet365|betfair|williamhill|paddypower|skybet|betway|stake|ladbrokes|coral|"
        r"888casino|pokerstars|\w*casino\w*|\w*betting\w*|\w*poker\w*",
        "gambling",
    ),
    (r"binance|bybit|coinbase|metamask|\w*crypto\w*|\w*forex\w*", "scam-crypto"),
)
_LINK_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s:?#]+)", re.I)

# Words that tie an account to a school, its families, its area or education.
_SCHOOL_WORDS = re.compile(
    r"\b(?:schools?|primary|secondary|academy|nursery|pre-?school|sixth form|college|universit\w*|"
    r"pta|ptfa|fosa|friends of|parents?|parenting|mum|mums|mummy|mom|mam|dad|dads|daddy|carers?|"
    r"grand(?:parent|ma|mother|pa|dad|father|mum)s?|nan|nanna|grandad|family|families|"
    r"teach\w*|headteacher|head of|deputy head|senco|tutor|governors?|trustees?|"
    r"educat\w*|edu|learning|pupils?|students?|alumni|class of|old (?:boys|girls)|former pupil|"
    r"librar\w*|council|scouts?|guides?|brownies|cubs|beavers|church|parish|diocese|chaplain|"
    r"charity|community|local|village|town|sports?|football|rugby|cricket|netball|club|"
    r"coach(?:ing)? (?:at|for) |nhs|police|fire service|museum|theatre|author|illustrator|"
    r"books?|reading|science|maths|music|art|stem|safeguarding|early years|eyfs|ks[1-4])\b",
    re.I,
)
_GENERIC_NAME_WORDS = {
    "the",
    "of",
    "and",
    "school",
    "primary",
    "academy",
    "junior",
    "infant",
    "infants",
    "church",
    "england",
    "catholic",
    "saint",
    "st",
    "c",
    "e",
    "ce",
    "rc",
    "high",
    "college",
    "community",
    "federation",
}
_TITLES = {"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "madam", "mme", "prof"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GENERATED_HANDLE = re.compile(r"^[a-z_.]{0,20}\d{6,}|^[a-z]{2,12}_?\d{4,}[a-z]{0,3}$|^[a-z0-9]{14,}$")


def assess(profile: RemoteProfile, context: Context) -> Assessment:
    """Judge one profile: its signals and the action the policy recommends, with why.

    Never raises on odd data: an empty profile, a bio in another script, a deleted account
    and missing counts all give an answer a reviewer can read.
    """
    if profile.deleted:
        deleted = Signal(
            "deleted",
            "Account gone",
            "The platform says this account has been deleted or suspended, so it no longer "
            "follows the school. There is nothing to do; mark it kept to clear it from the queue.",
            "keep",
            "info",
        )
        return Assessment((deleted,), "keep", deleted.reason)

    signals: list[Signal] = []
    signals.extend(_staff_signals(profile, context))
    signals.extend(_lexicon_signals(profile, focused=_school_focused(profile, context)))
    signals.extend(_spam_signals(profile, context))
    script = _foreign_script(profile.bio)
    if script:
        signals.append(
            Signal(
                "other-script",
                "Bio in another script",
                f"The bio is written mostly in {script} script, which Safepost's word lists cannot "
                "read. Read it yourself (or with a translator) before you decide.",
                "review",
                "info",
                evidence=profile.bio[:80],
            )
        )
    if not profile.bio.strip() and not profile.avatar:
        signals.append(
            Signal(
                "empty-profile",
                "Empty profile",
                "The account has no bio and no picture, so nothing says who it is. Keep it if "
                "you recognise the name; otherwise consider removing it.",
                "review",
                "info",
            )
        )
    elif (
        not script
        and not any(s.code in _EXPLAINED for s in signals)
        and not _school_focused(profile, context)
    ):
        signals.append(
            Signal(
                "not-school-focused",
                "Not school-focused",
                "Nothing in the name, bio or links connects this account with the school, "
                "its families, its area or education. The policy asks that followers who "
                "are not school-focused be blocked case by case: block it unless you know "
                "who it is.",
                "review",
                "info",
            )
        )
    return _recommend(signals)


def _recommend(signals: list[Signal]) -> Assessment:
    if not signals:
        return Assessment(
            (), "keep", "Nothing in the profile gives cause for concern: it can stay as a follower."
        )
    strongest = max(signals, key=lambda s: (ACTIONS.index(s.action), _SEVERITY_ORDER[s.severity]))
    if strongest.action == "keep":
        reason = "Nothing here calls for action: it can stay as a follower."
        return Assessment(tuple(signals), "keep", reason)
    reason = f"{ACTION_LABELS[strongest.action]}: {strongest.reason}"
    return Assessment(tuple(signals), strongest.action, reason)


_SEVERITY_ORDER = {"info": 0, "warning": 1, "serious": 2}
#: Signals that already say what an account is, so "not school-focused" would add nothing.
_EXPLAINED = frozenset(
    {"staff-personal", "possibly-staff", "adult", "gambling", "scam", "commercial", "spam-pattern"}
)


# ---------------------------------------------------------------------------------------------
# Staff personal accounts (RAC-09)
# ---------------------------------------------------------------------------------------------


def _staff_signals(profile: RemoteProfile, context: Context) -> list[Signal]:
    handle = normalise_handle(profile.handle)
    remove = context.following.staff_personal_followers == "remove"
    for member in context.staff:
        declared = {normalise_handle(h) for h in member.handles} - {""}
        if handle and (handle in declared or normalise_handle(profile.url) in declared):
            if remove:
                why = (
                    f"{member.name} declared this as their personal account. The policy says staff "
                    "personal accounts may not follow the school, so Safepost removes it and tells "
                    f"{member.name} why."
                )
            else:
                why = (
                    f"{member.name} declared this as their personal account. The policy allows "
                    "staff personal accounts to follow the school."
                )
            return [
                Signal(
                    "staff-personal",
                    "Staff personal account",
                    why,
                    "remove" if remove else "keep",
                    "warning" if remove else "info",
                    evidence=profile.handle,
                    staff_key=member.key,
                )
            ]
    for member in context.staff:
        matched = _name_match(profile, member.name)
        if matched:
            follow_up = (
                "If it is theirs, the policy says staff personal accounts may not follow the "
                "school: remove it, and ask them to declare it as their personal account."
                if remove
                else "The policy allows staff personal accounts to follow the school; ask them to "
                "declare it as their personal account so it is recognised next time."
            )
            return [
                Signal(
                    "possibly-staff",
                    "Possibly a member of staff",
                    f"The name “{matched}” matches {member.name} on the staff list. Names are "
                    f"shared, so check with them before you act. {follow_up}",
                    "review",
                    "info",
                    evidence=matched,
                    staff_key=member.key,
                )
            ]
    return []


def _words(text: str) -> list[str]:
    return [_fold(w) for w in _WORD.findall(text)]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _name_match(profile: RemoteProfile, staff_name: str) -> str:
    """The part of the profile's name or handle that matches ``staff_name``, or ""."""
    parts = [w for w in _words(staff_name) if w not in _TITLES]
    if len(parts) < 2:
        return ""
    first, last = parts[0], parts[-1]
    shown = _words(profile.display_name)
    for i, word in enumerate(shown):
        nxt = shown[i + 1] if i + 1 < len(shown) else ""
        if word == first and last in shown[i + 1 :]:
            return profile.display_name
        if (word in _TITLES or word == first[0]) and nxt == last:
            return profile.display_name
    local = normalise_handle(profile.handle).split("@")[0].split(".")[0]
    squashed = re.sub(r"[^a-z]", "", _fold(local))
    if len(last) >= 3 and any(
        squashed.startswith(form) for form in (first + last, last + first, *(t + last for t in _TITLES))
    ):
        return profile.handle
    return ""


# ---------------------------------------------------------------------------------------------
# What the bio, name and links offer
# ---------------------------------------------------------------------------------------------


def _lexicon_signals(profile: RemoteProfile, focused: bool) -> list[Signal]:
    hits: list[Hit] = []
    for text in (profile.display_name, profile.bio):  # apart, so no match runs from one into the other
        if text.strip():
            hits += find_bio_signals(text) + find_adult_or_gambling(text) + find_scam(text)
    links = "\n".join(profile.links)
    if links:
        hits += find_adult_or_gambling(links) + find_scam(links)
        hits += _link_domain_hits(profile.links)
    by_code: dict[str, Signal] = {}
    for hit in hits:
        meaning = _LEXICON_SIGNALS.get(hit.code)
        if meaning is None:
            continue
        code, label, action, severity, offers = meaning
        where = "a link" if hit.code.endswith("-link") or hit.matched in links else "the profile"
        reason = (
            f"{where[0].upper()}{where[1:]} offers {offers} (“{hit.matched.strip()}”). "
            f"An account like this has no place among a school's followers."
        )
        if action == "remove":
            reason = (
                f"{where[0].upper()}{where[1:]} offers {offers} (“{hit.matched.strip()}”): a "
                "business following the school to reach its families. Remove it unless it works "
                "with the school."
            )
        if action == "remove" and focused:
            # A tutor, a sports coach or a local shop that also speaks of the school's community.
            action, severity = "keep", "info"
            reason = (
                f"The profile mentions {offers} (“{hit.matched.strip()}”) but also the school's "
                "community or education: probably a local club, tutor or business. Keep it unless "
                "it only advertises."
            )
        if action == "report":
            reason += " Report it to the platform as well as blocking it."
        found = Signal(code, label, reason, action, severity, evidence=hit.matched.strip())
        kept = by_code.get(code)
        if kept is None or ACTIONS.index(found.action) > ACTIONS.index(kept.action):
            by_code[code] = found
    if by_code.keys() & {"adult", "gambling", "scam"}:
        by_code.pop("commercial", None)  # "casino" is selling too, but gambling says more
    return list(by_code.values())


def _link_domain_hits(links: Iterable[str]) -> list[Hit]:
    hits = []
    for link in links:
        m = _LINK_HOST.match(link.strip())
        if not m:
            continue
        host = m.group(1).lower()
        labels = host.split(".")
        for pattern, code in _LINK_DOMAINS:
            if any(re.fullmatch(pattern, label) for label in labels[:-1]):
                hits.append(Hit(code, 0, len(link), link, "a link to " + host))
                break
    return hits


# ---------------------------------------------------------------------------------------------
# Spam patterns
# ---------------------------------------------------------------------------------------------


def _spam_signals(profile: RemoteProfile, context: Context) -> list[Signal]:
    signs: list[str] = []
    if profile.created_at and context.now:
        age = context.now - profile.created_at
        if timedelta(0) <= age < timedelta(days=NEW_ACCOUNT_DAYS):
            signs.append(f"it was created {_days(age.days)} ago")
    if not profile.bio.strip() and not profile.avatar:
        signs.append("it has no bio and no picture")
    following, followers = profile.following_count, profile.followers_count
    if following is not None and following >= FOLLOWS_THOUSANDS and (followers or 0) * 10 <= following:
        others = f"only {followers:,} follow it" if followers else "nobody follows it"
        signs.append(f"it follows {following:,} accounts but {others}")
    if profile.posts_count == 0:
        signs.append("it has never posted")
    local = normalise_handle(profile.handle).split("@")[0].split(".")[0]
    if _GENERATED_HANDLE.search(local):
        signs.append(f"its handle “{local}” looks generated")
    if profile.bot:
        signs.append("it says it is automated")
    short_links = [h for h in find_scam("\n".join(profile.links)) if h.code == "suspicious-link"]
    if short_links:
        signs.append("its link is shortened or throw-away")
    if not signs:
        return []
    listed = "; ".join(signs)
    if len(signs) >= 2:
        return [
            Signal(
                "spam-pattern",
                "Looks like spam",
                f"This looks like a spam or automated account: {listed}. Block it unless you recognise it.",
                "block",
                "warning",
            )
        ]
    return [
        Signal(
            "spam-hint",
            "One sign of spam",
            f"One sign of a spam account: {listed}. On its own this is common for real people too.",
            "keep",
            "info",
        )
    ]


def _days(days: int) -> str:
    return "today" if days == 0 else ("1 day" if days == 1 else f"{days} days")


def _school_focused(profile: RemoteProfile, context: Context) -> bool:
    text = " ".join((profile.display_name, profile.bio, " ".join(profile.links)))
    if _SCHOOL_WORDS.search(text) or re.search(r"\.(?:sch|ac|gov|nhs)\.uk\b|\.edu\b", text, re.I):
        return True
    mine = {
        w
        for w in _words(" ".join((context.school_name, *context.community_words)))
        if w not in _GENERIC_NAME_WORDS and len(w) > 2
    }
    return bool(mine & set(_words(text)))


def _foreign_script(text: str) -> str:
    """The name of the script most letters of ``text`` are in, when that is not Latin; else ""."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ")[0] if name else "UNKNOWN"
        counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if total < 3:
        return ""
    script, _count = max(counts.items(), key=lambda kv: kv[1])
    if counts.get("LATIN", 0) * 2 >= total or script == "LATIN":
        return ""
    return _SCRIPT_NAMES.get(script, script.title())


_SCRIPT_NAMES = {
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "THAI": "Thai",
}

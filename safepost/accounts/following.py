"""Whom the school follows: what the policy allows, and who must agree (CAT-05, NNF-10, SUT-11, RAC-07).

Plain Python (no Django). The school's policy says, in ``[following]``:

* ``follows = "educational-only"``: the school follows only educationally linked accounts (other
  schools, organisations working with children, local media, authors); a proposal of any other
  kind is refused on the spot, and each allowed one is still approved by ``follow_approver`` (a
  person must check that the account really is what it says).
* ``follows = "case-by-case"``: any account may be proposed, and each is decided by
  ``follow_approver`` (RAC-07: the headteacher decides case by case).
* ``follows = "any"``: the school follows whom its staff choose; nothing waits for approval.

An approver who proposes a follow decides it in the same step: asking themselves would add
nothing but a click. Every follow still needs its reason.

The periodic review (:func:`review_flags`) looks again at every followed account with the
follower signals of :mod:`safepost.accounts.signals` (staff, unsuitable content, spam, not
school-focused) read for an account the school follows, plus :func:`looks_personal` (CAT-05:
no personal accounts) and a category the policy does not allow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from safepost.accounts.profiles import RemoteProfile

Category = Literal["school", "children", "local-media", "author", "other"]

#: The categories a followed account is put in, in the words staff see.
CATEGORIES: dict[str, str] = {
    "school": "A school, academy trust or nursery",
    "children": "An organisation working with children",
    "local-media": "Local media",
    "author": "An author or illustrator",
    "other": "Something else",
}

#: The categories that count as "educationally linked" for ``follows = "educational-only"``.
EDUCATIONAL: frozenset[str] = frozenset({"school", "children", "local-media", "author"})

#: The shortest reason accepted: a reason is what a governor reads later to see why.
MIN_REASON = 10


@dataclass(frozen=True)
class Decision:
    """What happens to a proposal to follow an account.

    ``allowed`` False: refused outright, ``why`` says why and what to do instead.
    ``needs_approval``: it waits for one of ``approvers``; otherwise it is followed at once.
    """

    allowed: bool
    needs_approval: bool
    why: str
    approvers: tuple[str, ...] = ()


def decide(
    follows: str, approvers: Sequence[str], category: str, reason: str, proposer_role: str
) -> Decision:
    """What the policy says about following an account of ``category`` for ``reason``.

    ``follows`` and ``approvers`` are the policy's ``following.follows`` and
    ``following.follow_approver``; ``proposer_role`` is the proposer's role at the school.

    >>> decide("educational-only", ["headteacher"], "other", "The parish council's news", "class-teacher").allowed
    False
    >>> decide("case-by-case", ["headteacher"], "other", "The parish council's news", "class-teacher").needs_approval
    True
    >>> decide("case-by-case", ["headteacher"], "other", "The parish council's news", "headteacher").needs_approval
    False
    """
    roles = tuple(approvers)
    if category not in CATEGORIES:
        return Decision(False, False, "Choose what kind of account this is.", roles)
    if len(reason.strip()) < MIN_REASON:
        return Decision(
            False,
            False,
            "Say in a sentence why following this account benefits the school's pupils or families.",
            roles,
        )
    if follows == "educational-only" and category not in EDUCATIONAL:
        return Decision(
            False,
            False,
            "The school's policy says it follows only educationally linked accounts: schools, "
            "organisations working with children, local media and authors. If this account is one of "
            "those, choose that kind; otherwise the school does not follow it.",
            roles,
        )
    if follows == "any":
        return Decision(True, False, "The school's policy lets staff choose whom the school follows.", roles)
    if proposer_role in roles:
        return Decision(True, False, "You approve follows for the school, so it is followed at once.", roles)
    if not roles:
        return Decision(
            False,
            False,
            "The school's policy names nobody who approves follows; ask a senior leader to set "
            "following.follow_approver.",
            roles,
        )
    return Decision(True, True, "Each follow is approved before the school follows the account.", roles)


# ---------------------------------------------------------------------------------------------
# The periodic review: followed accounts that look personal or unrelated
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """Why a followed account should be looked at again: ``code`` (stable), ``label`` (a few words
    for a badge) and ``reason`` (what was seen, why it matters and what to do)."""

    code: str
    label: str
    reason: str


# What a bio says that makes an account a private person's, and what makes it an organisation's.
_PERSONAL = re.compile(
    r"\b(?:mum|mom|mam|mummy|dad|daddy|wife|husband|hubby|girlfriend|boyfriend|fianc[eé]e?|"
    r"views? (?:are )?(?:my )?own|own views|personal account|my own opinions|"
    r"(?:he|she|they)/(?:him|her|them)|living my|my life|my kids|my family|my dog|my cat)\b",
    re.I,
)
_ORGANISATION = re.compile(
    r"\b(?:official|school|academy|trust|nursery|college|university|library|libraries|council|"
    r"charity|foundation|museum|gallery|theatre|news|radio|newspaper|magazine|gazette|echo|"
    r"bbc|itv|publisher|books|author|illustrator|writer|poet|club|society|association|"
    r"service|nhs|police|fire|team|ltd|limited|cic|project|centre|center|partnership|"
    r"programme|scheme|organisation|organization)\b",
    re.I,
)
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+$")


def looks_personal(profile: RemoteProfile, category: str = "") -> str:
    """Why the profile looks like a private person's account, or ``""``.

    An author is a person the school may follow for their work, so for ``author`` only the bio's
    own words (a mum, "views my own") count, not a person's name.
    """
    bio = profile.bio or ""
    said = _PERSONAL.search(bio)
    organisation = _ORGANISATION.search(f"{profile.display_name} {bio}")
    if said and not organisation:
        return f"The bio speaks as a private person (“{said.group(0)}”)"
    if category == "author" or organisation:
        return ""
    words = profile.display_name.split()
    if 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words) and not bio.strip():
        return f"The name “{profile.display_name}” is a person's and the profile says nothing else"
    return ""


#: The follower signals (safepost.accounts.signals) that matter for an account the school follows,
#: and what they mean here: (flag code, label, what to do).
_FROM_SIGNALS: dict[str, tuple[str, str, str]] = {
    "staff-personal": (
        "staff-personal",
        "Staff personal account",
        "It is the personal account of a member of staff ({evidence}); the school follows no "
        "personal accounts. Unfollow it.",
    ),
    "possibly-staff": (
        "possibly-staff",
        "Possibly a member of staff",
        "The name matches a member of staff's ({evidence}). If it is their personal account, "
        "unfollow it; if not, keep it and say why.",
    ),
    "adult": ("unsuitable", "Unsuitable content", "The profile offers adult or dating content. Unfollow it."),
    "gambling": ("unsuitable", "Unsuitable content", "The profile offers gambling. Unfollow it."),
    "scam": ("unsuitable", "Scam or spam", "The profile offers scams, crypto or giveaways. Unfollow it."),
    "commercial": (
        "commercial",
        "Selling",
        "The profile sells things ({evidence}). Keep it only if it works with the school, and say so.",
    ),
    "spam-pattern": (
        "spam",
        "Looks like spam",
        "It shows the signs of a spam or automated account. Unfollow it unless you know who it is.",
    ),
    "not-school-focused": (
        "unrelated",
        "Unrelated to education",
        "Nothing in the name, bio or links connects it with education, children or the school's "
        "area. Unfollow it, or keep it and write down why it benefits the pupils.",
    ),
    "empty-profile": (
        "empty",
        "Empty profile",
        "It has no bio and no picture, so nothing shows who it is. Unfollow it unless you know.",
    ),
    "other-script": (
        "other-script",
        "Bio in another script",
        "The bio is in a script Safepost cannot read. Read it (or have it translated) and decide.",
    ),
}


def review_flags(
    profile: RemoteProfile, signal_codes: Sequence[tuple[str, str]], category: str, follows: str
) -> tuple[Flag, ...]:
    """The flags for one followed account, from the follower signals and the following checks.

    ``signal_codes`` are ``(code, evidence)`` pairs from :func:`safepost.accounts.signals.assess`;
    ``category`` is the account's kept category and ``follows`` the policy's ``following.follows``.
    A deleted account gives one flag and nothing else.
    """
    if profile.deleted:
        return (
            Flag(
                "gone",
                "Account gone",
                "The platform says this account no longer exists or is suspended. Unfollow it to tidy "
                "the list; nothing else is needed.",
            ),
        )
    flags: dict[str, Flag] = {}
    for code, evidence in signal_codes:
        meaning = _FROM_SIGNALS.get(code)
        if meaning is None or meaning[0] in flags:
            continue
        flag_code, label, reason = meaning
        flags[flag_code] = Flag(flag_code, label, reason.format(evidence=evidence or "see the profile"))
    personal = looks_personal(profile, category)
    if personal and "staff-personal" not in flags:
        flags["personal"] = Flag(
            "personal",
            "Looks like a personal account",
            f"{personal}. The school follows organisations and people for their work, not private "
            "accounts. Unfollow it, or keep it and say why.",
        )
    if category and follows == "educational-only" and category not in EDUCATIONAL:
        flags["outside-policy"] = Flag(
            "outside-policy",
            "Outside the policy",
            "It is kept as “something else”, but the policy says the school follows only "
            "educationally linked accounts. Choose its kind, or unfollow it.",
        )
    if category in EDUCATIONAL and "unrelated" in flags:
        # A kept school, library or author whose bio happens to say little is not "unrelated".
        del flags["unrelated"]
    return tuple(flags.values())

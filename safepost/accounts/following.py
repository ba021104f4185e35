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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

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

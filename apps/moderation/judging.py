"""Judging items with the engine's classifier, with the school's names and handles."""

from __future__ import annotations

from collections.abc import Iterable

from apps.platforms.models import Connection
from apps.schools.models import Account, Membership, Role, School
from safepost.policy.moderation import LABELS, Item, Judgement, classify

#: How much of a very long text the classifier reads (the whole text is stored and shown).
CLASSIFY_CHARS = 20_000

_TITLES = ("Mr", "Mrs", "Miss", "Ms", "Mx", "Dr")


def known_names(school: School) -> tuple[str, ...]:
    """Names whose mention makes an undermining or offensive item escalate: pupils, staff, governors.

    Staff and governors by first name, full name and title with surname ("Mr Okafor").
    """
    names: set[str] = set()
    for pupil in school.roster.pupils:
        names.update(pupil.first_names)
        names.add(pupil.display_name)
    for first, last in Membership.objects.filter(school=school, is_active=True).values_list(
        "user__first_name", "user__last_name"
    ):
        if first:
            names.add(first)
        if last:
            names.update(f"{title} {last}" for title in _TITLES)
            if first:
                names.add(f"{first} {last}")
    return tuple(sorted(n for n in names if n.strip()))


def school_handles(school: School) -> tuple[str, ...]:
    """The handles of the school's connected accounts (a class account's handle names a class)."""
    handles = Connection.objects.filter(school=school).exclude(handle="").values_list("handle", flat=True)
    return tuple(sorted({h if h.startswith("@") else f"@{h}" for h in handles}))


def judge(
    school_names: Iterable[str],
    handles: Iterable[str],
    *,
    text: str,
    platform: str,
    kind: str,
    author_handle: str,
    author_bio: str,
    in_reply_to: str,
) -> Judgement:
    """The classifier's judgement on one item."""
    item = Item(
        text=text[:CLASSIFY_CHARS],
        platform=platform,
        kind=kind,
        author_handle=author_handle,
        author_bio=author_bio[:CLASSIFY_CHARS],
        in_reply_to=in_reply_to or None,
    )
    return classify(item, known_names=tuple(school_names), school_handles=tuple(handles))


def worse(label: str, other: str) -> str:
    """The label that takes precedence of the two (threat > spam > offensive > ...)."""
    return min(label, other, key=lambda name: LABELS.index(name) if name in LABELS else len(LABELS))


#: Who is told at once of an escalated item, whatever the policy's notification roles.
ESCALATION_ROLES = (Role.HEADTEACHER.value, Role.SAFEGUARDING_LEAD.value)


def own_account_ids(school: School) -> set[str]:
    """Platform ids of the school's connected accounts (to recognise the school's own posts)."""
    return set(
        Connection.objects.filter(school=school).exclude(external_id="").values_list("external_id", flat=True)
    )


def account_label(account: Account) -> str:
    return account.name

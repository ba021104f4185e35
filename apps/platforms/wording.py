"""The words staff read about platform connections: names, failures, advice, what a platform cannot do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apps.platforms.base import AuthError, Capabilities, PermanentError, RetryableError
from apps.platforms.models import Connection
from apps.platforms.registry import label_of
from apps.schools.models import Role
from safepost.policy.config import Policy


def name_of(user: Any) -> str:
    if user is None:
        return "someone no longer at the school"
    return str(user.get_full_name() or user.get_username())


def describe_failure(exc: Exception, label: str) -> str:
    """One paragraph for the person at the screen when signing in to a platform did not work."""
    if isinstance(exc, AuthError):
        return (
            f"{label} did not accept the sign-in. {exc.explain()} Check you are signed in to the right "
            "account, then try again."
        )
    if isinstance(exc, PermanentError):
        return exc.explain()
    if isinstance(exc, RetryableError):
        return f"{label} did not answer in time or is busy. Nothing was saved; try again in a few minutes."
    return f"Something went wrong talking to {label}. Nothing was saved; try again, and tell whoever runs Safepost if it keeps happening."


def reconnect_advice(connection: Connection) -> str:
    """Who should reconnect, in words for staff."""
    holder = connection.account.holder
    who = name_of(holder) if holder is not None else "a senior leader"
    return (
        f"Ask {who} (or a senior leader) to reconnect {connection.account.name} on "
        f"{label_of(connection.kind)} from the Connected accounts page, then publish the post again"
    )


def roles_in_words(roles: Sequence[str]) -> str:
    """ "the headteacher or a computing lead" for a list of role values."""
    names = [
        ("the " if r == Role.HEADTEACHER else "a ") + (Role(r).label.lower() if r in Role.values else str(r))
        for r in roles
    ]
    if len(names) <= 1:
        return "".join(names) or "nobody"
    return ", ".join(names[:-1]) + " or " + names[-1]


def shortfalls(capabilities: Capabilities, label: str, policy: Policy) -> list[str]:
    """What the policy asks for that this platform cannot do, in words for staff."""
    notes: list[str] = []
    if policy.interaction.replies == "none" and not capabilities.limit_replies:
        notes.append(
            f"{label} cannot limit who replies to a post. Your policy says the school does not take "
            f"replies, so look at replies on {label} and remove or hide them there."
        )
    if "block" in policy.moderation.actions and not capabilities.block:
        notes.append(
            f"{label} does not allow blocking on ordinary plans: mute the person and hide their replies "
            f"on {label} instead (Safepost does not read replies yet)."
        )
    if policy.interaction.quote_posts == "disable" and not capabilities.disable_quotes:
        notes.append(f"{label} cannot stop others quoting a post, which your policy asks for.")
    if policy.interaction.visibility == "followers-only" and not capabilities.followers_only:
        notes.append(
            f"Posts on {label} cannot be limited to followers one by one. Your policy says followers only: "
            f"make the account itself protected in {label}'s settings."
        )
    return notes

"""The signals engine (:mod:`safepost.accounts.signals`) fed with a school's staff and policy."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from apps.followers.models import Follower, PersonalAccount
from apps.schools.models import Account, Membership, School
from safepost.accounts.profiles import RemoteProfile
from safepost.accounts.signals import Assessment, Context, StaffMember, assess


def context_for(school: School, now: datetime) -> Context:
    """Everything :func:`assess` needs about ``school``: its staff (with their declared personal
    accounts), its policy's ``following`` section and the words that tie an account to it."""
    users = (
        Membership.objects.filter(school=school, is_active=True, user__is_active=True)
        .values_list("user_id", "user__first_name", "user__last_name")
        .distinct()
    )
    declared: dict[int, list[str]] = {}
    for user_id, handle in PersonalAccount.objects.filter(school=school).values_list("user_id", "handle"):
        declared.setdefault(user_id, []).append(handle)
    staff = tuple(
        StaffMember(str(user_id), f"{first} {last}".strip(), tuple(declared.get(user_id, ())))
        for user_id, first, last in users
    )
    words = [*Account.objects.filter(school=school).values_list("name", flat=True)]
    if school.website:
        words.append(school.website.split("//")[-1].split("/")[0].removeprefix("www.").split(".")[0])
    return Context(
        staff=staff,
        following=school.policy.following,
        school_name=school.name,
        community_words=tuple(words),
        now=now,
    )


def profile_of(follower: Follower) -> RemoteProfile:
    """The stored facts of a follower as the engine reads them."""
    return RemoteProfile(
        external_id=follower.external_id,
        handle=follower.handle,
        display_name=follower.display_name,
        bio=follower.bio,
        avatar=follower.avatar,
        created_at=follower.joined_at,
        posts_count=follower.posts_count,
        followers_count=follower.followers_count,
        following_count=follower.following_count,
        links=tuple(str(link) for link in follower.links or ()),
        url=follower.url,
        bot=follower.bot,
        deleted=follower.deleted,
    )


def apply(follower: Follower, assessment: Assessment) -> None:
    """Set the follower's signals and recommendation from ``assessment`` (not saved)."""
    follower.signals = [signal_dict(s) for s in assessment.signals]
    follower.flagged = assessment.action != "keep"
    follower.recommended = assessment.action
    follower.recommended_reason = assessment.reason
    key = assessment.staff_key
    follower.staff_id = int(key) if key.isdigit() else None
    follower.staff_certain = "staff-personal" in assessment.codes


def judge(follower: Follower, context: Context) -> Assessment:
    """Assess the follower against ``context`` and store the result on it (not saved)."""
    assessment = assess(profile_of(follower), context)
    apply(follower, assessment)
    return assessment


def signal_dict(signal: Any) -> dict[str, str]:
    return {
        "code": signal.code,
        "label": signal.label,
        "reason": signal.reason,
        "action": signal.action,
        "severity": signal.severity,
        "evidence": signal.evidence,
        "staff_key": signal.staff_key,
    }

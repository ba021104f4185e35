"""The demo school's following list: accounts already followed when it connected, one followed
after approval, a teacher's proposal waiting for the headteacher, and the review's flags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from apps.following import sync
from apps.following.models import FollowedAccount, FollowProposal
from apps.schools.models import Account, School

#: (platform, handle, name, bio, has a picture, joined, posts, followers, follows)
_FOLLOWED = (
    (
        "bluesky",
        "leedslibraries.bsky.social",
        "Leeds Libraries",
        "Libraries across Leeds: storytimes, homework clubs and the summer reading challenge.",
        True,
        2023,
        2100,
        5400,
        310,
    ),
    (
        "x",
        "OakfieldGazette",
        "Oakfield Gazette",
        "News for Oakfield and the villages around it.",
        True,
        2011,
        30500,
        12800,
        900,
    ),
    (
        "x",
        "jo_smith_84",
        "Jo Smith",
        "Mum of two, wife, gin lover. Views my own.",
        True,
        2015,
        8200,
        230,
        410,
    ),
    ("x", "x_user_20261130", "", "", False, 2026, 0, 0, 4999),
    (
        "mastodon",
        "storytime@books.example",
        "Storytime Books",
        "Children's author. Picture books for ages 3-7.",
        True,
        2022,
        640,
        1900,
        120,
    ),
)


def load(school: School, users: dict[str, Any], accounts: dict[str, Account]) -> bool:
    """Create the demo's following list once; ``False`` when it is already there."""
    if FollowedAccount.objects.filter(school=school).exists():
        return False
    main = accounts["main"]
    now = timezone.now()
    for platform, handle, name, bio, picture, joined, posts, followers, follows in _FOLLOWED:
        FollowedAccount.objects.create(
            school=school,
            account=main,
            platform=platform,
            external_id=f"demo-{handle}",
            follow_id=f"demo-{handle}",
            handle=handle,
            url=sync.profile_url(platform, handle),
            display_name=name,
            bio=bio,
            has_avatar=picture,
            joined_at=datetime(joined, 1, 15, tzinfo=UTC),
            posts_count=posts,
            followers_count=followers,
            following_count=follows,
            first_seen_at=now - timedelta(days=2),
        )
    library = FollowedAccount.objects.get(school=school, handle="leedslibraries.bsky.social")
    proposal = FollowProposal.objects.create(
        school=school,
        account=main,
        platform="bluesky",
        target="leedslibraries.bsky.social",
        category="children",
        reason="They run the summer reading challenge every class takes part in.",
        state=FollowProposal.State.FOLLOWED,
        proposed_by=users["teacher"],
        proposed_at=now - timedelta(days=3),
        decided_by=users["head"],
        decided_at=now - timedelta(days=3),
        followed=library,
    )
    FollowedAccount.objects.filter(pk=library.pk).update(
        status=FollowedAccount.Status.KEPT,
        source=FollowedAccount.Source.PROPOSAL,
        category=proposal.category,
        justification=proposal.reason,
        reviewed_by=users["head"],
        reviewed_at=proposal.decided_at,
    )
    waiting = FollowProposal.objects.create(
        school=school,
        account=main,
        platform="bluesky",
        target="oakfieldfc.bsky.social",
        category="children",
        reason="The junior football club many of our pupils play for; they share match reports.",
        proposed_by=users["teacher"],
        proposed_at=now - timedelta(hours=5),
    )
    sync.tell_approvers(
        school,
        "Approve a follow? Main account → @oakfieldfc.bsky.social",
        f"Emma Collins proposes following @oakfieldfc.bsky.social: “{waiting.reason}”",
        reverse("following:proposal", args=[waiting.pk]),
    )
    sync.flag(FollowedAccount.objects.filter(school=school), now)
    return True

"""Following tasks: read whom each account follows, follow an approved account, unfollow, review."""

from __future__ import annotations

from django.tasks import task

from apps.following import sync


@task()
def read_following(connection_id: int) -> str:
    """Read whom one connection's account follows and bring the list up to date."""
    return sync.read_following(connection_id).summary()


@task()
def follow_approved(proposal_id: int) -> str:
    """Follow the account of an approved proposal on the platform."""
    return sync.follow_approved(proposal_id)


@task()
def unfollow_account(followed_id: int) -> str:
    """Unfollow an account an approver decided to stop following."""
    return sync.unfollow(followed_id)


@task()
def review_following(school_id: int) -> str:
    """The periodic review of whom one school follows."""
    review = sync.review_school(school_id)
    return f"{review.looked_at} looked at, {review.flagged} flagged"


@task()
def following_due() -> int:
    """Sweep: enqueue every read, follow, unfollow and review that is due; returns how many."""
    due = sync.due()
    for connection_id in due["reads"]:
        read_following.enqueue(connection_id)
    for proposal_id in due["follows"]:
        follow_approved.enqueue(proposal_id)
    for followed_id in due["unfollows"]:
        unfollow_account.enqueue(followed_id)
    for school_id in due["reviews"]:
        review_following.enqueue(school_id)
    return sum(len(ids) for ids in due.values())

"""Who may do what with posts, on top of apps.schools.permissions."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from apps.posts.models import Post, PostPhoto
from apps.schools.models import Account, Membership
from apps.schools.permissions import AGREEMENT_NEEDED, can_write, has_signed_agreement, why_cannot_publish


def accounts_for(membership: Membership) -> QuerySet[Account]:
    """The accounts the member may post from.

    Senior leaders: any account. Others: the accounts they hold, and the main
    account when the policy gives their role posting rights.
    """
    accounts = Account.objects.filter(school=membership.school, is_active=True)
    if not membership.school.policy.accounts.class_accounts:
        accounts = accounts.filter(kind=Account.Kind.MAIN)  # COU-03: one account for the whole school
    if not can_write(membership):
        return accounts.none()
    if membership.is_senior:
        return accounts
    # Everyone who writes may draft for the main account: without posting rights their post
    # goes to the approval queue (permissions.needs_approval), so a teacher at a school whose
    # account is run by the SLT (NNF-01, SUT-03) can still propose a post.
    allowed = Q(holder=membership.user) | Q(kind=Account.Kind.MAIN)
    return accounts.filter(allowed)


def submit_refusal(membership: Membership) -> str | None:
    """Why the member may not send posts at all (not even for approval), or ``None``.

    A role without posting rights may still write and send for approval; an
    unsigned agreement stops everything (SUT-15).
    """
    if not can_write(membership):
        return why_cannot_publish(membership) or "Your role at this school does not write posts."
    if not has_signed_agreement(membership):
        return AGREEMENT_NEEDED
    return None


def posts_for(membership: Membership) -> QuerySet[Post]:
    """The school's posts the member may open: a draft is its writer's alone until it is sent."""
    others_drafts = Q(status=Post.Status.DRAFT) & ~Q(author_id=membership.user_id)
    return Post.objects.filter(school_id=membership.school_id).exclude(others_drafts)


def photos_for(membership: Membership) -> QuerySet[PostPhoto]:
    """The photos of :func:`posts_for` (a draft's photos are its writer's alone too)."""
    others_drafts = Q(post__status=Post.Status.DRAFT) & ~Q(post__author_id=membership.user_id)
    return PostPhoto.objects.filter(post__school_id=membership.school_id).exclude(others_drafts)


def may_edit(membership: Membership, post: Post) -> bool:
    """Only the writer changes their post; approvers send it back with a comment instead."""
    return can_write(membership) and post.author_id == membership.user_id


def may_delete(membership: Membership, post: Post) -> bool:
    """The writer, a senior leader, or the holder of the post's account."""
    if not can_write(membership):
        return False
    return (
        post.author_id == membership.user_id
        or membership.is_senior
        or post.account.holder_id == membership.user_id
    )


def agreement_url() -> str | None:
    """The page where staff sign the agreement, if that part of the app is installed."""
    try:
        return reverse("schools:agreement")
    except NoReverseMatch:
        return None

"""Proposing, approving and refusing follows, reviewing followed accounts, and unfollowing (RAC-07).

Each write is a check (may this member do it, is it still possible) and a do (the change and its
audit entry in one transaction). Talking to the platform happens in tasks, after the decision is
saved (:mod:`apps.following.sync`), so a slow platform never holds up a page.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.following.models import FollowedAccount, FollowProposal
from apps.following.permissions import can_decide, can_propose
from apps.following.tasks import follow_approved, unfollow_account
from apps.notifications.actions import notify
from apps.notifications.models import Notification
from apps.platforms import registry
from apps.platforms.models import Connection
from apps.platforms.wording import name_of, roles_in_words
from apps.schools.models import Account, Membership
from safepost.accounts.following import CATEGORIES, EDUCATIONAL, MIN_REASON, Decision, decide
from safepost.accounts.profiles import normalise_handle


class Refused(Exception):
    """The step is not allowed; the message says why and what to do instead."""


# --- Proposing --------------------------------------------------------------------------------

_HANDLE = re.compile(r"^[\w.@:/+-]{1,300}$")


def live_connection(account: Account, kind: str) -> Connection | None:
    """The account's active connection on ``kind`` (the one Safepost follows from), if any."""
    return Connection.objects.filter(account=account, kind=kind, status=Connection.Status.ACTIVE).first()


def check_propose(
    membership: Membership, account: Account, kind: str, target: str, category: str, reason: str
) -> tuple[str, Decision]:
    """The normalised handle and what the policy decides; :class:`Refused` with the reason if not."""
    if not can_propose(membership):
        raise Refused("Governors read the list of followed accounts but do not propose follows.")
    if account.school_id != membership.school_id or not account.is_active:
        raise Refused("Choose one of the school's accounts.")
    if live_connection(account, kind) is None:
        raise Refused(
            f"{account.name} is not connected to {registry.label_of(kind)}, so Safepost cannot follow from it. "
            "Ask a senior leader to connect it first."
        )
    handle = normalise_handle(target)
    if not handle or not _HANDLE.match(handle):
        raise Refused("Give the account's handle (for example @leedslibraries) or its profile address.")
    if FollowedAccount.objects.filter(
        account=account, platform=kind, handle__iexact=handle, status__in=FollowedAccount.FOLLOWING
    ).exists():
        raise Refused(f"{account.name} already follows @{handle} on {registry.label_of(kind)}.")
    if FollowProposal.objects.filter(
        account=account, platform=kind, target__iexact=handle, state__in=FollowProposal.OPEN
    ).exists():
        raise Refused(f"Someone has already proposed following @{handle}; it is waiting for a decision.")
    policy = membership.school.policy.following
    decision = decide(policy.follows, policy.follow_approver, category, reason, membership.role)
    if not decision.allowed:
        raise Refused(decision.why)
    return handle, decision


def propose(
    membership: Membership, account: Account, kind: str, target: str, category: str, reason: str
) -> FollowProposal:
    """Record a proposal; it waits for an approver, or is approved at once when the policy says so."""
    handle, decision = check_propose(membership, account, kind, target, category, reason)
    school = membership.school
    with transaction.atomic():
        proposal = FollowProposal.objects.create(
            school=school,
            account=account,
            platform=kind,
            target=handle,
            category=category,
            reason=reason.strip(),
            proposed_by=membership.user,
        )
        record(
            school,
            membership.user,
            "following.proposed",
            f"{name_of(membership.user)} proposed that {account.name} follows @{handle} on "
            f"{registry.label_of(kind)} ({CATEGORIES[category].lower()}): {proposal.reason}",
            proposal,
            {"account": account.pk, "platform": kind, "target": handle, "category": category},
        )
        if decision.needs_approval:
            notify(
                school,
                decision.approvers,
                kind="following.proposed",
                title=f"Approve a follow? {account.name} → @{handle}",
                body=(
                    f"{name_of(membership.user)} proposes that {account.name} follows @{handle} on "
                    f"{registry.label_of(kind)}, as {CATEGORIES[category].lower()}: “{proposal.reason}”. "
                    "Look at the account, then approve or refuse it in Safepost."
                ),
                url=reverse("following:proposal", args=[proposal.pk]),
            )
        else:
            _approve(proposal, membership, decision.why)
    return proposal


def withdraw(proposal: FollowProposal, membership: Membership) -> None:
    """The proposer takes back a proposal still waiting."""
    if proposal.proposed_by_id != membership.user_id:
        raise Refused("Only the person who proposed it can withdraw it.")
    with transaction.atomic():
        locked = FollowProposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.state != FollowProposal.State.WAITING:
            raise Refused("It has already been decided.")
        locked.state = FollowProposal.State.WITHDRAWN
        locked.decided_at = timezone.now()
        locked.save(update_fields=["state", "decided_at"])
        record(
            proposal.school,
            membership.user,
            "following.withdrawn",
            f"{name_of(membership.user)} withdrew the proposal to follow @{proposal.target}",
            proposal,
        )


# --- Deciding ---------------------------------------------------------------------------------


def _locked_waiting(proposal: FollowProposal, membership: Membership) -> FollowProposal:
    if not can_decide(membership):
        roles = roles_in_words(membership.school.policy.following.follow_approver)
        raise Refused(f"At this school follows are approved by {roles or 'nobody yet'}.")
    locked = FollowProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.state != FollowProposal.State.WAITING:
        raise Refused(f"This proposal has already been decided: {locked.get_state_display().lower()}.")
    return locked


def approve(proposal: FollowProposal, membership: Membership, note: str = "") -> None:
    """Approve a waiting proposal; the follow itself is made by a task once this is saved."""
    with transaction.atomic():
        locked = _locked_waiting(proposal, membership)
        _approve(locked, membership, note.strip())
    if locked.proposed_by_id != membership.user_id:
        _tell_proposer(locked, f"Approved: {locked.account.name} will follow @{locked.target}", note)


def _approve(proposal: FollowProposal, membership: Membership, note: str) -> None:
    proposal.state = FollowProposal.State.APPROVED
    proposal.decided_by = membership.user
    proposal.decided_at = timezone.now()
    proposal.decision_note = note
    proposal.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    record(
        proposal.school,
        membership.user,
        "following.approved",
        f"{name_of(membership.user)} approved that {proposal.account.name} follows @{proposal.target} "
        f"on {registry.label_of(proposal.platform)}" + (f": {note}" if note else ""),
        proposal,
    )
    # Enqueued in the same transaction: the database backend stores it with the decision, the
    # Celery backend sends it once the decision is committed (config/celery.py).
    follow_approved.enqueue(proposal.pk)


def refuse(proposal: FollowProposal, membership: Membership, note: str) -> None:
    """Refuse a waiting proposal, saying why (the proposer is told)."""
    if len(note.strip()) < 3:
        raise Refused("Say why, so that whoever proposed it understands.")
    with transaction.atomic():
        locked = _locked_waiting(proposal, membership)
        locked.state = FollowProposal.State.REFUSED
        locked.decided_by = membership.user
        locked.decided_at = timezone.now()
        locked.decision_note = note.strip()
        locked.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
        record(
            proposal.school,
            membership.user,
            "following.refused",
            f"{name_of(membership.user)} refused that {locked.account.name} follows @{locked.target}: "
            f"{locked.decision_note}",
            locked,
        )
    _tell_proposer(locked, f"Not followed: @{locked.target}", locked.decision_note)


def _tell_proposer(proposal: FollowProposal, title: str, note: str) -> None:
    """A notification in Safepost for the member of staff who proposed the follow."""
    if not Membership.objects.filter(
        school=proposal.school, user_id=proposal.proposed_by_id, is_active=True
    ).exists():
        return
    Notification.objects.create(
        school=proposal.school,
        user_id=proposal.proposed_by_id,
        kind="following.decided",
        title=title[:200],
        body=note,
        url=reverse("following:proposal", args=[proposal.pk]),
    )


# --- Reviewing followed accounts --------------------------------------------------------------


def keep(followed: FollowedAccount, membership: Membership, category: str, justification: str) -> None:
    """Keep following an account, with its kind and why (the first review, or after a flag)."""
    if not can_decide(membership):
        raise Refused("Only those who approve follows review the accounts the school follows.")
    if followed.status not in (FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Status.KEPT):
        raise Refused("The school no longer follows this account.")
    policy = membership.school.policy.following
    if category not in CATEGORIES:
        raise Refused("Choose what kind of account this is.")
    if len(justification.strip()) < MIN_REASON:
        raise Refused(
            "Say in a sentence why following this account benefits the school's pupils or families."
        )
    if policy.follows == "educational-only" and category not in EDUCATIONAL:
        raise Refused(
            "The school's policy says it follows only educationally linked accounts, so an account of "
            "another kind cannot be kept: unfollow it instead."
        )
    with transaction.atomic():
        was = followed.get_status_display()
        flags = [f.get("label", "") for f in followed.flags]
        followed.category = category
        followed.justification = justification.strip()
        followed.status = FollowedAccount.Status.KEPT
        followed.flags = []
        followed.flagged_at = None
        followed.reviewed_by = membership.user
        followed.reviewed_at = timezone.now()
        followed.save(
            update_fields=[
                "category",
                "justification",
                "status",
                "flags",
                "flagged_at",
                "reviewed_by",
                "reviewed_at",
            ]
        )
        record(
            followed.school,
            membership.user,
            "following.kept",
            f"{name_of(membership.user)} kept following @{followed.handle} ({CATEGORIES[category].lower()}): "
            f"{followed.justification}",
            followed,
            {"was": was, "flags_cleared": flags},
        )


def unfollow(followed: FollowedAccount, membership: Membership, reason: str) -> None:
    """Decide to stop following an account; a task unfollows it on the platform."""
    if not can_decide(membership):
        raise Refused("Only those who approve follows can unfollow an account.")
    if len(reason.strip()) < 3:
        raise Refused("Say why, for the record.")
    with transaction.atomic():
        locked = FollowedAccount.objects.select_for_update().get(pk=followed.pk)
        if locked.status not in (FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Status.KEPT):
            raise Refused("The school is not following this account (or is already unfollowing it).")
        locked.status = FollowedAccount.Status.UNFOLLOWING
        locked.reviewed_by = membership.user
        locked.reviewed_at = timezone.now()
        locked.last_error = ""
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "last_error"])
        record(
            followed.school,
            membership.user,
            "following.unfollow_decided",
            f"{name_of(membership.user)} decided {followed.account.name} stops following @{followed.handle}: "
            f"{reason.strip()}",
            followed,
            {"flags": [f.get("code", "") for f in followed.flags]},
        )
        unfollow_account.enqueue(locked.pk)

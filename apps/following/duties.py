"""Whom the school follows, as a duty of the one schedule (apps.reminders): CAT-05, NNF-10, SUT-11, RAC-07.

Safepost reads the school's following list and flags accounts by itself (``sync.review_school``);
what it cannot do is decide. This duty is that decision: accounts waiting for their first review,
accounts the periodic review flagged, and follow proposals waiting for an approver. It falls due a
week after the longest-waiting of them arrived and is told to the roles in
``following.follow_approver``; once overdue the reminders app tells the headteacher too. With
nothing waiting it is up to date. Found at start-up by ``autodiscover_modules("duties")``;
apps.reminders never imports this app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone

from apps.following.models import FollowedAccount, FollowingReview, FollowProposal
from apps.reminders.registry import Duty, duties
from apps.schools.models import School

KEY = "following.decisions"
NAME = "Decide about the accounts the school follows"
#: How long a followed account or a proposal may wait for a decision.
WAIT = timedelta(days=7)


def waiting_since(school: School) -> tuple[int, int, datetime | None]:
    """(accounts to look at, proposals waiting, when the longest-waiting of them arrived)."""
    accounts = FollowedAccount.objects.filter(school=school).filter(
        Q(status=FollowedAccount.Status.FIRST_REVIEW) | (Q(status=FollowedAccount.Status.KEPT) & ~Q(flags=[]))
    )
    proposals = FollowProposal.objects.filter(school=school, state=FollowProposal.State.WAITING)
    oldest_account = accounts.aggregate(
        first=Min("first_seen_at", filter=Q(status=FollowedAccount.Status.FIRST_REVIEW)),
        flagged=Min("flagged_at"),
    )
    oldest_proposal = proposals.aggregate(at=Min("proposed_at"))["at"]
    moments = [m for m in (*oldest_account.values(), oldest_proposal) if m is not None]
    return accounts.count(), proposals.count(), min(moments) if moments else None


@duties
def following_decisions(school: School, today: date) -> Iterator[Duty]:
    accounts, proposals, since = waiting_since(school)
    last_review = FollowingReview.objects.filter(school=school).order_by("-run_at").first()
    last = timezone.localdate(last_review.run_at) if last_review is not None else None
    if since is None:
        due_on = None
        why = "Nothing waits: every account the school follows has been kept with its reason, and no proposal waits."
    else:
        due_on = timezone.localdate(since + WAIT)
        parts = []
        if accounts:
            parts.append(f"{accounts} followed account{'s' if accounts != 1 else ''} to look at")
        if proposals:
            parts.append(f"{proposals} follow proposal{'s' if proposals != 1 else ''} waiting")
        why = (
            "Your school's policy says whom the school follows is decided by the "
            f"{' or '.join(r.replace('-', ' ') for r in school.policy.following.follow_approver)}: "
            f"{' and '.join(parts)}. Keep each account with its reason or unfollow it, and approve or refuse "
            "each proposal."
        )
    yield Duty(
        key=KEY,
        name=NAME,
        roles=tuple(school.policy.following.follow_approver),
        due_on=due_on,
        last_done=last,
        url=reverse("following:list") + "?show=review",
        why=why,
        notice_days=2,
    )

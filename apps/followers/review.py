"""When the follower review is due and whether it is overdue (SUT-09, CAT-11, NNF-03).

The cadence is the policy's ``following.follower_review``: ``continuous`` (followers decided
within a day of arriving), ``weekly``, ``termly`` or ``none``. A review is overdue when a follower
or follow request has waited for a decision longer than the cadence. The reminders are not sent
from here: :mod:`apps.followers.duties` gives the review to the one schedule of duties
(apps.reminders), which tells the reviewers (``following.follower_reviewers``) once when it is
due and once more, with the headteacher, when it is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Min
from django.utils import timezone

from apps.audit.display import when_in_words
from apps.followers.models import Follower, Review
from apps.schools.models import School

CADENCE = {
    "continuous": timedelta(days=1),
    "weekly": timedelta(days=7),
    "termly": timedelta(weeks=13),
}
CADENCE_WORDS = {
    "continuous": "as they arrive (within a day)",
    "weekly": "every week",
    "termly": "every term",
    "none": "not on a schedule",
}


@dataclass(frozen=True)
class Status:
    """The state of a school's follower review, as the dashboard and the review page say it."""

    cadence: str
    last: Review | None
    waiting: int
    flagged: int
    requests: int
    oldest_waiting: datetime | None
    due_at: datetime | None
    overdue: bool

    def last_in_words(self, school: School, now: datetime) -> str:
        if self.last is None:
            return "No follower review has been finished yet."
        by = self.last.done_by
        who = (by.get_full_name() or by.get_username()) if by is not None else "Safepost"
        return f"The last follower review was finished {when_in_words(self.last.done_at, school.policy.tz, now)} by {who}."


def status(school: School, now: datetime | None = None) -> Status:
    """Where the school's follower review stands (a handful of small queries)."""
    now = now or timezone.now()
    cadence = school.policy.following.follower_review
    last = Review.objects.filter(school=school).select_related("done_by").order_by("-done_at").first()
    pending = Follower.objects.filter(school=school, state=Follower.State.PENDING)
    waiting = pending.filter(relation=Follower.Relation.FOLLOWER)
    oldest = pending.aggregate(oldest=Min("first_seen_at"))["oldest"]
    period = CADENCE.get(cadence)
    due_at = None
    overdue = False
    if period is not None and oldest is not None:
        due_at = oldest + period
        overdue = now > due_at
    return Status(
        cadence=cadence,
        last=last,
        waiting=waiting.count(),
        flagged=waiting.filter(flagged=True).count(),
        requests=pending.filter(relation=Follower.Relation.REQUEST).count(),
        oldest_waiting=oldest,
        due_at=due_at,
        overdue=overdue,
    )

"""The follower review as a duty of the one schedule (apps.reminders): SUT-09, CAT-11, NNF-03.

The reminders app is the only one that reminds of it: due, to the roles in
``following.follower_reviewers``; overdue, to them and the headteacher; each once per occurrence.
The review is due when the longest-waiting follower or follow request has waited the policy's
cadence (``following.follower_review``); with nobody waiting it is up to date. Found at start-up by
``autodiscover_modules("duties")``; apps.reminders never imports this app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.urls import reverse
from django.utils import timezone

from apps.followers import review
from apps.followers.models import Review
from apps.reminders.registry import Completion, Duty, duties, history
from apps.schools.models import School

KEY = "followers.review"
NAME = "Review the accounts that follow the school"
#: "Due soon" this many days before the review is due, per cadence (a day's cadence: on the day).
NOTICE_DAYS = {"continuous": 0, "weekly": 2, "termly": 14}


@duties
def follower_review(school: School, today: date) -> Iterator[Duty]:
    cadence = school.policy.following.follower_review
    period = review.CADENCE.get(cadence)
    found = review.status(school)
    last = timezone.localdate(found.last.done_at) if found.last is not None else None
    waiting = found.waiting + found.requests
    if period is None:
        due_on = None
        why = (
            "Your school's policy sets no schedule for reviewing followers (following.follower_review). "
            "Followers still wait in the review until someone decides."
        )
    elif found.due_at is None:
        # Nobody waits: a follower arriving today would be due after one cadence.
        due_on = today + period
        why = f"Your school's policy asks for followers to be reviewed {review.CADENCE_WORDS[cadence]}. Nobody is waiting now."
    else:
        due_on = timezone.localdate(found.due_at)
        flagged = f", {found.flagged} of them flagged" if found.flagged else ""
        why = (
            f"Your school's policy asks for followers to be reviewed {review.CADENCE_WORDS[cadence]}. "
            f"{waiting} follower{'s' if waiting != 1 else ''} or follow requests wait for a decision{flagged}. "
            "Open the review, decide about each (or keep everyone with nothing flagged in one go), "
            "then record the review as done."
        )
    yield Duty(
        key=KEY,
        name=NAME,
        roles=tuple(school.policy.following.follower_reviewers),
        due_on=due_on,
        last_done=last,
        url=reverse("followers:queue"),
        why=why,
        notice_days=NOTICE_DAYS.get(cadence, 2),
    )


@history
def follower_reviews_done(school: School, start: date, end: date) -> Iterator[Completion]:
    reviews = Review.objects.filter(
        school=school, done_at__date__gte=start, done_at__date__lte=end
    ).select_related("done_by")
    for done in reviews:
        by = done.done_by
        yield Completion(
            name=f"Follower review ({done.decided} decision{'s' if done.decided != 1 else ''})",
            done_on=timezone.localdate(done.done_at),
            due_on=timezone.localdate(done.due_at) if done.due_at is not None else None,
            by=(by.get_full_name() or by.get_username()) if by is not None else "Safepost",
        )

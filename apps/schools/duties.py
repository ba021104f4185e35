"""The school's own duties: photo consent renewed each school year (RAC-05, SUT-08, COU-08) and,
until the governance app does it, the policy's review date (RAC-13, COU-13)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from apps.reminders import terms
from apps.reminders.actions import last_done
from apps.reminders.registry import Duty, duties
from apps.schools.models import School
from apps.schools.permissions import CONSENT_EDITORS

KEY = "schools.consent-renewal"
REVIEW_KEY = "schools.policy-review"
#: Consent forms are back and recorded within this many days of the first day of the school year.
WITHIN_DAYS = 30
#: The reminder comes this long before the deadline: two weeks before the school year starts.
NOTICE_DAYS = WITHIN_DAYS + 14


@duties
def consent_renewal(school: School, today: date) -> Iterator[Duty]:
    if not school.policy.photos.consent_required:
        return
    policy = school.policy
    this_year = terms.school_year_start(policy, today)
    next_year = terms.school_year_start(policy, this_year + timedelta(days=400))
    done = last_done(school, KEY)
    # Renewed for this year: marked done since the reminder opened, or the school started using
    # Safepost after the year began (its consent was collected when its roster was set up).
    opened = this_year - timedelta(days=14)
    joined = timezone.localdate(school.created_at)
    renewed = (done is not None and done.done_on >= opened) or joined >= this_year
    deadline = (next_year if renewed else this_year) + timedelta(days=WITHIN_DAYS)
    yield Duty(
        key=KEY,
        name="Renew pupils' photo consent for the school year",
        roles=tuple(sorted(CONSENT_EDITORS)),
        due_on=deadline,
        last_done=done.done_on if done else None,
        url=reverse("schools:consent"),
        why=(
            "Parents confirm or change their photo consent each school year: send the consent forms home "
            f"at the start of the year, record the answers on the Consent page within {WITHIN_DAYS} days, "
            "then mark this done."
        ),
        notice_days=NOTICE_DAYS,
        can_mark_done=True,
    )


def review_date(text: str) -> date | None:
    """``review.next_review`` as a date: ``2027-07-15``, or ``2027-07`` for the first of the month."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
    except ValueError:
        return None


@duties
def policy_review(school: School, today: date) -> Iterator[Duty]:
    # The governance app (branch gov-doc) owns the policy's versions and sign-off, and registers
    # the review itself; until it is installed, the review date in the settings is reminded here.
    if apps.is_installed("apps.governance"):
        return
    due = review_date(school.policy.review.next_review)
    done = last_done(school, REVIEW_KEY)
    if due is not None and done is not None and done.due_on == due:
        due = None  # reviewed: the next date is set in the settings
    yield Duty(
        key=REVIEW_KEY,
        name="Review the social media policy with the governors",
        roles=("headteacher",),
        due_on=due,
        last_done=done.done_on if done else None,
        url=reverse("schools:settings"),
        why=(
            "Your policy says when it is next reviewed (review.next_review in the settings). After the "
            "review, mark this done and set the next review date."
            if due is not None
            else "Set the date of the next review in the settings (review.next_review) to be reminded of it."
        ),
        notice_days=30,
        can_mark_done=due is not None,
    )

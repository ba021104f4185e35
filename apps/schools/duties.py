"""Photo consent renewed at the start of each school year, as a duty (RAC-05, SUT-08, COU-08)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from apps.reminders import terms
from apps.reminders.actions import last_done
from apps.reminders.registry import Duty, duties
from apps.schools.models import School
from apps.schools.permissions import CONSENT_EDITORS

KEY = "schools.consent-renewal"
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

"""The built-in duties: the sign-in change (CAT-09, NNF-02, SUT-13), photo consent renewed each
school year (RAC-05, SUT-08, COU-08), the policy's review date until the governance app registers
its own (RAC-13, COU-13), and the duties marked done on the duties page.

They live here, not in apps.platforms and apps.schools, because those apps sit below this one in
the import drawing (reminders imports them, never the reverse). Apps above it (followers,
governance) register their duties from their own ``duties.py`` (docs/governance-report.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from apps.platforms import registry as platform_registry
from apps.platforms import rotation as platform_rotation
from apps.platforms.models import Connection, CredentialRotation
from apps.reminders import terms
from apps.reminders.actions import last_done
from apps.reminders.models import DutyDone
from apps.reminders.registry import Completion, Duty, duties, history
from apps.schools.models import School
from apps.schools.permissions import CONSENT_EDITORS

# --- Changing the sign-in of each connected account ---------------------------------------------

_WHY = {
    "termly": "Your school's policy changes the sign-in of each account at the start of every term.",
    "regularly": f"Your school's policy changes the sign-in of each account every {platform_rotation.REGULAR_DAYS} days.",
    "on-permission": "Your school's policy changes the sign-in when permission is given, not on a schedule.",
    "none": "Your school's policy sets no schedule for changing the sign-in.",
}


def _name(connection: Connection) -> str:
    platform = platform_registry.get(connection.kind)
    label = platform.label if platform is not None else connection.kind
    return f"Change the sign-in of {connection.account.name} on {label}"


@duties
def sign_in_changes(school: School, today: date) -> Iterator[Duty]:
    credentials = school.policy.credentials
    live = Connection.objects.filter(
        school=school, status__in=[Connection.Status.ACTIVE, Connection.Status.RECONNECT]
    ).select_related("account")
    for connection in live:
        since = timezone.localdate(connection.rotated_or_connected_at)
        yield Duty(
            key=f"platforms.rotation.{connection.pk}",
            name=_name(connection),
            roles=tuple(credentials.rotated_by),
            due_on=platform_rotation.next_rotation_due(credentials.rotation, since, credentials.term_starts),
            last_done=since,
            url=reverse("platforms:connections"),
            why=_WHY.get(credentials.rotation, ""),
        )


@history
def sign_in_changes_done(school: School, start: date, end: date) -> Iterator[Completion]:
    rotations = CredentialRotation.objects.filter(
        school=school, rotated_at__date__gte=start, rotated_at__date__lte=end
    ).select_related("connection__account", "reminder", "rotated_by")
    for rotation in rotations:
        yield Completion(
            name=_name(rotation.connection).replace("Change the", "Changed the", 1),
            done_on=timezone.localdate(rotation.rotated_at),
            due_on=rotation.reminder.due_on if rotation.reminder else None,
            by=rotation.rotated_by.get_full_name() or rotation.rotated_by.get_username(),
        )


# --- Photo consent, and the policy's review ------------------------------------------------------

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


# --- Marked done on the duties page --------------------------------------------------------------


@history
def marked_done(school: School, start: date, end: date) -> Iterator[Completion]:
    done = DutyDone.objects.filter(school=school, done_on__gte=start, done_on__lte=end).select_related(
        "done_by"
    )
    for item in done:
        yield Completion(
            name=item.name,
            done_on=item.done_on,
            due_on=item.due_on,
            by=item.done_by.get_full_name() or item.done_by.get_username(),
        )

"""The governance duties on the one schedule of reminders (apps.reminders): the policy's review
(RAC-13, COU-13) and the term's e-safety post (CAT-14, COU-10).

The review is due on ``review.next_review``; it is done when the headteacher and the chair of
governors sign a version whose review date is later. The e-safety post is due four weeks into
each term; it is done when someone starts a post from the e-safety library that term.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from apps.governance import actions, esafety
from apps.governance.models import EsafetySuggestion, PolicyVersion
from apps.reminders.registry import Completion, Duty, duties, history
from apps.schools.models import Role, School

REVIEW_KEY = "governance.policy-review"
ESAFETY_KEY = "governance.esafety-post"
#: The term's e-safety post is due this many days after the term starts.
ESAFETY_DAYS = 28


def _signed(school: School) -> list[PolicyVersion]:
    return list(PolicyVersion.objects.filter(school=school, signed_at__isnull=False).order_by("number"))


def _review_of(version: PolicyVersion) -> date | None:
    try:
        return actions.review_due(actions.policy_of(version))
    except Exception:  # a version this Safepost cannot read has no review date to compare
        return None


@duties
def policy_review(school: School, today: date) -> Iterator[Duty]:
    signed = _signed(school)
    due = actions.review_due(school.policy)
    yield Duty(
        key=REVIEW_KEY,
        name="Review the social media policy with the governors",
        roles=(Role.HEADTEACHER,),
        due_on=due,
        last_done=timezone.localdate(signed[-1].signed_at) if signed and signed[-1].signed_at else None,
        url=reverse("governance:index"),
        why=(
            "Your policy says when it is next reviewed (review.next_review). Review the settings with the "
            "governors, set the next review date, and sign the new version with the chair of governors."
            if due is not None
            else "Set the date of the next review in the settings (review.next_review) to be reminded of it."
        ),
        notice_days=actions.REVIEW_NOTICE_DAYS,
    )


@history
def policy_reviews_done(school: School, start: date, end: date) -> Iterator[Completion]:
    # A signed version that moves the review date on is a review done, due on the date it replaced.
    previous: date | None = None
    for version in _signed(school):
        review = _review_of(version)
        assert version.signed_at is not None
        done_on = timezone.localdate(version.signed_at)
        if previous is not None and review is not None and review > previous:
            names = ", ".join(s.typed_name for s in version.signoffs.all())
            yield Completion(
                name=f"Policy reviewed: version {version.number} signed",
                done_on=done_on,
                due_on=previous,
                by=names,
            )
        previous = review or previous


def _term_deadline(school: School, today: date) -> tuple[date, date] | None:
    start = esafety.current_term(school.policy, today)
    return (start, start + timedelta(days=ESAFETY_DAYS)) if start else None


@duties
def esafety_post(school: School, today: date) -> Iterator[Duty]:
    term = _term_deadline(school, today)
    if term is None:
        return
    start, deadline = term
    used = (
        EsafetySuggestion.objects.filter(school=school, used_at__isnull=False)
        .order_by("-used_at")
        .values_list("used_at", flat=True)
        .first()
    )
    last = timezone.localdate(used) if used else None
    if last is not None and last >= start:  # done this term: next term's is the next one due
        following = esafety.next_term(school.policy, start)
        deadline = (following or start + timedelta(days=365)) + timedelta(days=ESAFETY_DAYS)
    yield Duty(
        key=ESAFETY_KEY,
        name="Post this term's e-safety message",
        roles=tuple(school.policy.accounts.publishers),
        due_on=deadline,
        last_done=last,
        url=reverse("governance:esafety"),
        why="Your policy says the account promotes e-safety: start a post from the e-safety library each term.",
        notice_days=ESAFETY_DAYS,
    )


@history
def esafety_posts_done(school: School, start: date, end: date) -> Iterator[Completion]:
    used = EsafetySuggestion.objects.filter(school=school, used_at__isnull=False).select_related("used_by")
    for suggestion in used:
        assert suggestion.used_at is not None
        done_on = timezone.localdate(suggestion.used_at)
        term = _term_deadline(school, done_on)
        message = esafety.BY_KEY.get(suggestion.message)
        by = suggestion.used_by.get_full_name() if suggestion.used_by else ""
        yield Completion(
            name=f"E-safety post started: {message.title if message else suggestion.message}",
            done_on=done_on,
            due_on=term[1] if term else None,
            by=by,
        )

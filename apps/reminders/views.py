"""The school's duties: what the policy makes periodic, who does it, and where each stands."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.reminders import actions
from apps.reminders.models import SentReminder
from apps.reminders.registry import completions_for, duties_for, status_words, who_in_words
from apps.schools.models import Membership
from apps.schools.scoping import school_member_required


def _membership(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined]


@require_GET
@school_member_required(actions.can_view)
def duties(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    school = membership.school
    today = timezone.localdate()
    rows = [
        {
            "duty": duty,
            "status": duty.status(today),
            "status_words": status_words(duty, today),
            "who": who_in_words(duty.roles),
        }
        for duty in duties_for(school, today)
    ]
    return render(
        request,
        "reminders/duties.html",
        {
            "rows": rows,
            "today": today,
            "can_mark_done": actions.can_mark_done(membership),
            "done": list(reversed(completions_for(school, today - timedelta(days=365), today)))[:30],
            "sent": SentReminder.objects.filter(school=school)[:20],
        },
    )


@require_POST
@school_member_required(actions.can_view)
def mark_done(request: HttpRequest) -> HttpResponse:
    try:
        done = actions.mark_done(
            _membership(request), request.POST.get("key", ""), request.POST.get("note", "")
        )
    except actions.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Recorded as done: {done.name}. The reminders for it stop.")
    return redirect("reminders:duties")

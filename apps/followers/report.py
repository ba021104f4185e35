"""The governors' report's "Followers reviewed and blocked" (CAT-11, NNF-03, SUT-09, RAC-09, COU-04).

From the decisions and reviews recorded in the period: followers kept, removed, blocked and
reported; follow requests approved and turned down; staff personal accounts removed; reviews done,
on time or late; per platform. Followers and staff are counted, never named. Found at start-up by
``autodiscover_modules("report")``; apps.reports never imports this app.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count
from django.utils import timezone

from apps.followers.models import Decision, Follower, Review
from apps.platforms.registry import label_of
from apps.reports.figures import Section, Table, bounds, contribute
from apps.schools.models import School

#: The decisions the report counts, in its order, as a governor reads them.
KINDS = {
    "keep": "Kept",
    "remove": "Removed from followers",
    "block": "Blocked",
    "report": "Blocked and reported",
    "approve": "Follow requests approved",
    "reject": "Follow requests turned down",
}
REMOVING = ("remove", "block", "report")


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@contribute("followers")
def followers(school: School, start: date, end: date) -> Section:
    section = Section("followers", "Followers reviewed and blocked")
    since, until = bounds(start, end)
    decisions = Decision.objects.filter(school=school, at__gte=since, at__lt=until)
    made = decisions.exclude(outcome=Decision.Outcome.FAILED)
    by_kind: Counter[str] = Counter()
    by_platform: dict[str, Counter[str]] = {}
    for row in made.values("action", "follower__platform").annotate(n=Count("pk")):
        by_kind[row["action"]] += row["n"]
        by_platform.setdefault(row["follower__platform"], Counter())[row["action"]] += row["n"]
    failed = decisions.filter(outcome=Decision.Outcome.FAILED).count()
    staff = made.filter(action__in=REMOVING, follower__staff_certain=True).count()

    reviewed = sum(by_kind[k] for k in ("keep", "remove", "block", "report"))
    requests = by_kind["approve"] + by_kind["reject"]
    if reviewed or requests:
        section.lines.append(
            f"{_n(reviewed, 'follower was', 'followers were')} reviewed: {by_kind['keep']} kept, "
            f"{by_kind['remove']} removed, {by_kind['block']} blocked and {by_kind['report']} blocked and reported."
        )
        section.lines.append(
            f"{_n(requests, 'follow request was', 'follow requests were')} answered: "
            f"{by_kind['approve']} approved and {by_kind['reject']} turned down."
        )
    else:
        section.lines.append("No follower or follow request was decided about in this period.")
    section.lines.append(
        f"{_n(staff, 'personal account of a member of staff was', 'personal accounts of staff were')} "
        "removed or blocked, as the policy asks (staff are told why)."
        if staff
        else "No personal account of a member of staff had to be removed."
    )
    if failed:
        section.lines.append(
            f"{_n(failed, 'decision', 'decisions')} could not be carried out on the platform at the time "
            "(the follower stayed in the review to decide again)."
        )

    reviews = list(Review.objects.filter(school=school, done_at__gte=since, done_at__lt=until))
    late = [
        r
        for r in reviews
        if r.due_at is not None and timezone.localdate(r.done_at) > timezone.localdate(r.due_at)
    ]
    section.lines.append(
        f"{_n(len(reviews), 'follower review was', 'follower reviews were')} recorded as done: "
        f"{len(reviews) - len(late)} on time, {len(late)} late."
        if reviews
        else "No follower review was recorded as done in this period."
    )
    if end >= timezone.localdate():
        waiting = Follower.objects.filter(school=school, state=Follower.State.PENDING).count()
        section.lines.append(
            f"{_n(waiting, 'follower or follow request waits', 'followers or follow requests wait')} for a decision now."
        )

    if by_platform:
        rows = [
            [label_of(platform), *(str(counts[k]) for k in KINDS)]
            for platform, counts in sorted(by_platform.items(), key=lambda item: label_of(item[0]))
        ]
        section.tables.append(
            Table(
                [
                    "Platform",
                    "Kept",
                    "Removed",
                    "Blocked",
                    "Blocked and reported",
                    "Requests approved",
                    "Requests turned down",
                ],
                rows,
                caption="Decisions about followers, per platform",
            )
        )
    if reviews:
        section.tables.append(
            Table(
                ["Done", "Decisions", "Due", "On time?"],
                [
                    [
                        f"{timezone.localdate(r.done_at):%-d %b %Y}",
                        str(r.decided),
                        f"{timezone.localdate(r.due_at):%-d %b %Y}" if r.due_at else "—",
                        "Late" if r in late else "On time",
                    ]
                    for r in sorted(reviews, key=lambda r: r.done_at)
                ],
                caption="Follower reviews",
            )
        )
    return section

"""Talking to the platforms for the following tools: reading whom each account follows, following an
approved account, unfollowing, and the periodic review (CAT-05, NNF-10, SUT-11, RAC-07).

Tasks call these with ids (:mod:`apps.following.tasks`). A platform that is busy leaves things as
they were for the sweep to try again; one that refuses says why on the page and to the approvers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.followers.judging import context_for
from apps.following.models import FollowedAccount, FollowingReview, FollowingSync, FollowProposal
from apps.notifications.actions import notify
from apps.notifications.models import Notification
from apps.platforms import actions as platform_actions
from apps.platforms import registry
from apps.platforms.base import AuthError, Followed, PermanentError, RetryableError
from apps.platforms.clients import client_for
from apps.platforms.models import Connection
from apps.schools.models import Membership, School
from safepost.accounts.following import review_flags
from safepost.accounts.profiles import RemoteProfile
from safepost.accounts.signals import assess

#: Pages read at most per connection (a following list of 50,000 on X, 5,000 on Bluesky).
MAX_PAGES = 50
#: How often each connection's following list is read again.
READ_EVERY = timedelta(hours=24)
#: How often the periodic review looks again at every followed account.
REVIEW_EVERY = timedelta(days=7)
#: How long an approved follow or a decided unfollow may wait before the sweep tries it again.
RETRY_AFTER = timedelta(minutes=10)


def build_client(connection: Connection) -> Any:
    """The platform client for a connection (tests replace this)."""
    return client_for(connection)


def profile_url(kind: str, handle: str) -> str:
    """The address of an account's profile from its handle, for a person to look at before deciding."""
    handle = handle.lstrip("@")
    if kind == "bluesky":
        return f"https://bsky.app/profile/{handle}"
    if kind == "x":
        return f"https://x.com/{handle}"
    if kind == "mastodon" and "@" in handle:
        user, _, host = handle.partition("@")
        return f"https://{host}/@{user}"
    return ""


def tell_approvers(school: School, title: str, body: str, url: str) -> None:
    """Notify the roles that approve follows (``following.follow_approver``)."""
    notify(school, school.policy.following.follow_approver, kind="following", title=title, body=body, url=url)


# --- Reading whom an account follows ---------------------------------------------------------


@dataclass
class ReadOutcome:
    """What one read of a connection's following list found."""

    found: int = 0
    new: list[int] = field(default_factory=list)
    gone: int = 0
    problems: list[str] = field(default_factory=list)
    error: str = ""

    def summary(self) -> str:
        if self.error:
            return f"not read: {self.error}"
        return f"{self.found} followed, {len(self.new)} new, {self.gone} no longer followed"


def read_following(connection_id: int, now: datetime | None = None) -> ReadOutcome:
    """Read every page of whom the connection's account follows and bring the list up to date.

    The first read of a connection lists every account for a first review; later reads list any
    account followed outside Safepost (in the platform's own app) the same way. An account the
    list no longer has is marked no longer followed, only when every page was read.
    """
    now = now or timezone.now()
    outcome = ReadOutcome()
    connection = Connection.objects.select_related("school", "account").filter(pk=connection_id).first()
    if connection is None or connection.status != Connection.Status.ACTIVE:
        outcome.error = "the connection is not active"
        return outcome
    state, _ = FollowingSync.objects.get_or_create(
        connection=connection, defaults={"school": connection.school}
    )
    seen: dict[str, Followed] = {}
    complete = False
    try:
        client = build_client(connection)
        cursor = ""
        for _ in range(MAX_PAGES):
            page = client.list_following(cursor)
            for item in page.items:
                seen[item.profile.external_id] = item
            outcome.problems += page.problems
            cursor = page.cursor
            if not cursor:
                complete = True
                break
    except AuthError as exc:
        platform_actions.mark_reconnect_needed(connection.pk, exc.explain())
        outcome.error = exc.explain()
    except (PermanentError, RetryableError) as exc:
        outcome.error = exc.explain() if isinstance(exc, PermanentError) else exc.message
    if outcome.error:
        FollowingSync.objects.filter(pk=state.pk).update(last_error=outcome.error[:2000], last_read_at=now)
        return outcome
    first = state.first_read_at is None
    with transaction.atomic():
        _store(connection, seen, complete, first, now, outcome)
        FollowingSync.objects.filter(pk=state.pk).update(
            first_read_at=state.first_read_at or now, last_read_at=now, last_error="", count=len(seen)
        )
    if outcome.new:
        flag(FollowedAccount.objects.filter(pk__in=outcome.new), now)
        _announce(connection, len(outcome.new), first)
    return outcome


def _facts(profile: RemoteProfile) -> dict[str, Any]:
    return {
        "handle": profile.handle[:300],
        "display_name": profile.display_name[:300],
        "bio": profile.bio,
        "url": profile.url[:500],
        "links": list(profile.links)[:20],
        "has_avatar": profile.avatar,
        "joined_at": profile.created_at,
        "posts_count": profile.posts_count,
        "followers_count": profile.followers_count,
        "following_count": profile.following_count,
        "missing": profile.deleted,
    }


_FACTS = list(_facts(RemoteProfile(external_id="", handle="")))


def _store(
    connection: Connection,
    seen: dict[str, Followed],
    complete: bool,
    first: bool,
    now: datetime,
    outcome: ReadOutcome,
) -> None:
    account, kind, school = connection.account, connection.kind, connection.school
    existing = {
        row.external_id: row
        for row in FollowedAccount.objects.select_for_update().filter(account=account, platform=kind)
    }
    # Follows requested through Safepost that the account has since accepted.
    requested = {
        p.target.lower(): p
        for p in FollowProposal.objects.filter(
            account=account, platform=kind, state=FollowProposal.State.REQUESTED
        ).select_related("decided_by")
    }
    changed: list[FollowedAccount] = []
    for external_id, item in seen.items():
        facts = _facts(item.profile)
        row = existing.get(external_id)
        if row is None:
            proposal = requested.pop(item.profile.handle.lower(), None) or requested.pop(
                external_id.lower(), None
            )
            row = FollowedAccount(
                school=school,
                account=account,
                connection=connection,
                platform=kind,
                external_id=external_id[:300],
                follow_id=item.follow_id[:300],
                first_seen_at=now,
                last_seen_at=now,
                **facts,
            )
            if proposal is not None:
                row.status, row.source = FollowedAccount.Status.KEPT, FollowedAccount.Source.PROPOSAL
                row.category, row.justification = proposal.category, proposal.reason
                row.reviewed_by, row.reviewed_at = proposal.decided_by, proposal.decided_at
            else:
                row.source = (
                    FollowedAccount.Source.AT_CONNECTION if first else FollowedAccount.Source.ELSEWHERE
                )
            row.save()
            if proposal is not None:
                FollowProposal.objects.filter(pk=proposal.pk).update(
                    state=FollowProposal.State.FOLLOWED, followed=row
                )
                record(school, None, "following.request_accepted", f"@{row.handle} accepted the follow", row)
            else:
                outcome.new.append(row.pk)
            continue
        for name, value in facts.items():
            setattr(row, name, value)
        row.connection, row.last_seen_at = connection, now
        row.follow_id = item.follow_id[:300] or row.follow_id
        if row.status in (FollowedAccount.Status.UNFOLLOWED, FollowedAccount.Status.GONE):
            # Followed again, outside Safepost: reviewed again.
            row.status, row.source = FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Source.ELSEWHERE
            outcome.new.append(row.pk)
        changed.append(row)
    FollowedAccount.objects.bulk_update(
        changed, [*_FACTS, "connection", "last_seen_at", "follow_id", "status", "source"], batch_size=500
    )
    outcome.found = len(seen)
    if complete:
        gone = [
            row
            for external_id, row in existing.items()
            if external_id not in seen
            and row.status in (FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Status.KEPT)
        ]
        for row in gone:
            row.status = FollowedAccount.Status.GONE
        FollowedAccount.objects.bulk_update(gone, ["status"], batch_size=500)
        outcome.gone = len(gone)
        if gone:
            names = ", ".join(f"@{row.handle}" for row in gone[:10]) + (" and more" if len(gone) > 10 else "")
            record(
                school,
                None,
                "following.no_longer_followed",
                f"{account.name} no longer follows {len(gone)} account(s) on {registry.label_of(kind)}: {names} "
                "(unfollowed in the platform's app, or the accounts were deleted)",
                data={"ids": [row.pk for row in gone][:500]},
            )
    if outcome.new:
        action = "following.first_review_listed" if first else "following.found_elsewhere"
        summary = (
            f"Safepost read whom {account.name} follows on {registry.label_of(kind)}: {len(outcome.new)} account(s), "
            "listed for a first review"
            if first
            else f"{account.name} follows {len(outcome.new)} new account(s) on {registry.label_of(kind)} that were "
            "not proposed in Safepost; listed for review"
        )
        record(school, None, action, summary, connection, {"ids": outcome.new[:500]})


def _announce(connection: Connection, count: int, first: bool) -> None:
    where = f"{connection.account.name} on {registry.label_of(connection.kind)}"
    if first:
        title = f"Review whom {where} follows ({count})"
        body = (
            f"Safepost has read the {count} account(s) {where} already follows. The policy says the "
            "school follows only accounts with a clear benefit to its pupils: look at each, keep it "
            "with its reason, or unfollow it."
        )
    else:
        title = f"{count} new follow(s) on {where} made outside Safepost"
        body = (
            f"{where} now follows {count} account(s) that nobody proposed in Safepost (they were "
            "followed in the platform's own app). Review them: keep each with its reason, or unfollow it."
        )
    tell_approvers(connection.school, title, body, reverse("following:list") + "?show=review")


# --- Following and unfollowing ---------------------------------------------------------------


def follow_approved(proposal_id: int) -> str:
    """Follow the account of an approved proposal on the platform, and record what happened."""
    proposal = (
        FollowProposal.objects.select_related("school", "account", "decided_by")
        .filter(pk=proposal_id, state=FollowProposal.State.APPROVED)
        .first()
    )
    if proposal is None:
        return "nothing to do"
    connection = Connection.objects.filter(
        account=proposal.account, kind=proposal.platform, status=Connection.Status.ACTIVE
    ).first()
    try:
        if connection is None:
            raise PermanentError(
                f"{proposal.account.name} is no longer connected to {registry.label_of(proposal.platform)}",
                advice="Reconnect the account, then propose the follow again",
            )
        result = build_client(connection).follow(proposal.target)
    except RetryableError as exc:
        FollowProposal.objects.filter(pk=proposal.pk).update(error=exc.message[:2000])
        return f"will try again: {exc.message}"
    except PermanentError as exc:
        if isinstance(exc, AuthError) and connection is not None:
            platform_actions.mark_reconnect_needed(connection.pk, exc.explain())
        _failed(proposal, exc.explain())
        return f"refused: {exc.explain()}"
    now = timezone.now()
    with transaction.atomic():
        if not FollowProposal.objects.filter(pk=proposal.pk, state=FollowProposal.State.APPROVED).exists():
            return "already done"
        if result.pending:
            FollowProposal.objects.filter(pk=proposal.pk).update(
                state=FollowProposal.State.REQUESTED, error=""
            )
            record(
                proposal.school,
                None,
                "following.requested",
                f"{proposal.account.name} asked to follow @{proposal.target} on {registry.label_of(proposal.platform)}; "
                "the account approves its followers, so the follow waits for it",
                proposal,
            )
            return "requested"
        row, _ = FollowedAccount.objects.update_or_create(
            account=proposal.account,
            platform=proposal.platform,
            external_id=result.external_id[:300],
            defaults={
                "school": proposal.school,
                "connection": connection,
                "follow_id": result.follow_id[:300],
                "category": proposal.category,
                "justification": proposal.reason,
                "status": FollowedAccount.Status.KEPT,
                "source": FollowedAccount.Source.PROPOSAL,
                "reviewed_by": proposal.decided_by,
                "reviewed_at": proposal.decided_at,
                "flags": [],
                "last_seen_at": now,
            },
        )
        if not row.handle:
            FollowedAccount.objects.filter(pk=row.pk).update(handle=proposal.target[:300])
        FollowProposal.objects.filter(pk=proposal.pk).update(
            state=FollowProposal.State.FOLLOWED, followed=row, error=""
        )
        record(
            proposal.school,
            None,
            "following.followed",
            f"{proposal.account.name} now follows @{proposal.target} on {registry.label_of(proposal.platform)}",
            row,
            {"proposal": proposal.pk, "follow_id": result.follow_id},
        )
    return "followed"


def _failed(proposal: FollowProposal, why: str) -> None:
    with transaction.atomic():
        FollowProposal.objects.filter(pk=proposal.pk).update(
            state=FollowProposal.State.FAILED, error=why[:2000]
        )
        record(
            proposal.school,
            None,
            "following.follow_failed",
            f"{registry.label_of(proposal.platform)} refused to follow @{proposal.target} for {proposal.account.name}: {why}",
            proposal,
        )
    url = reverse("following:proposal", args=[proposal.pk])
    title = f"Not followed: @{proposal.target}"
    tell_approvers(proposal.school, title, why, url)
    if not Membership.objects.filter(
        school=proposal.school,
        user_id=proposal.proposed_by_id,
        role__in=proposal.school.policy.following.follow_approver,
    ).exists():
        Notification.objects.create(
            school=proposal.school,
            user_id=proposal.proposed_by_id,
            kind="following",
            title=title,
            body=why,
            url=url,
        )


def unfollow(followed_id: int) -> str:
    """Unfollow an account an approver decided to stop following."""
    row = (
        FollowedAccount.objects.select_related("school", "account")
        .filter(pk=followed_id, status=FollowedAccount.Status.UNFOLLOWING)
        .first()
    )
    if row is None:
        return "nothing to do"
    connection = Connection.objects.filter(
        account=row.account, kind=row.platform, status=Connection.Status.ACTIVE
    ).first()
    try:
        if connection is None:
            raise PermanentError(
                f"{row.account.name} is no longer connected to {registry.label_of(row.platform)}",
                advice=f"Unfollow @{row.handle} in {registry.label_of(row.platform)}'s own app",
            )
        build_client(connection).unfollow(row.follow_id or row.external_id)
    except RetryableError as exc:
        FollowedAccount.objects.filter(pk=row.pk).update(last_error=exc.message[:2000])
        return f"will try again: {exc.message}"
    except PermanentError as exc:
        if isinstance(exc, AuthError) and connection is not None:
            platform_actions.mark_reconnect_needed(connection.pk, exc.explain())
        with transaction.atomic():
            FollowedAccount.objects.filter(pk=row.pk).update(
                status=FollowedAccount.Status.FIRST_REVIEW, last_error=exc.explain()[:2000]
            )
            record(
                row.school,
                None,
                "following.unfollow_failed",
                f"{registry.label_of(row.platform)} refused to unfollow @{row.handle}: {exc.explain()}",
                row,
            )
        tell_approvers(
            row.school,
            f"Not unfollowed: @{row.handle}",
            exc.explain(),
            reverse("following:followed", args=[row.pk]),
        )
        return f"refused: {exc.explain()}"
    with transaction.atomic():
        FollowedAccount.objects.filter(pk=row.pk).update(
            status=FollowedAccount.Status.UNFOLLOWED, last_error=""
        )
        FollowProposal.objects.filter(followed=row, state=FollowProposal.State.FOLLOWED).update(
            state=FollowProposal.State.WITHDRAWN
        )
        record(
            row.school,
            None,
            "following.unfollowed",
            f"{row.account.name} no longer follows @{row.handle} on {registry.label_of(row.platform)}",
            row,
        )
    return "unfollowed"


# --- The periodic review ----------------------------------------------------------------------


def profile_of(row: FollowedAccount) -> RemoteProfile:
    return RemoteProfile(
        external_id=row.external_id,
        handle=row.handle,
        display_name=row.display_name,
        bio=row.bio,
        avatar=row.has_avatar,
        created_at=row.joined_at,
        posts_count=row.posts_count,
        followers_count=row.followers_count,
        following_count=row.following_count,
        links=tuple(row.links or ()),
        url=row.url,
        deleted=row.missing,
    )


def flag(rows: Any, now: datetime | None = None) -> int:
    """Look again at ``rows`` (followed accounts of one school) and store their flags; returns how
    many have a flag they did not have before."""
    rows = list(rows.select_related("school"))
    if not rows:
        return 0
    now = now or timezone.now()
    school = rows[0].school
    # The follower review's context: the staff with the personal accounts they declared (RAC-09).
    context = context_for(school, now)
    follows = school.policy.following.follows
    newly = 0
    for row in rows:
        assessment = assess(profile_of(row), context)
        flags = [
            asdict(f)
            for f in review_flags(
                profile_of(row), [(s.code, s.evidence) for s in assessment.signals], row.category, follows
            )
        ]
        before = {f.get("code") for f in row.flags}
        if {f["code"] for f in flags} - before:
            newly += 1
            row.flagged_at = now
        row.flags = flags
    FollowedAccount.objects.bulk_update(rows, ["flags", "flagged_at"], batch_size=500)
    return newly


def review_school(school_id: int, user: Any = None) -> FollowingReview:
    """The periodic review: flag followed accounts that look personal or unrelated, and tell the
    approvers when something new was flagged."""
    school = School.objects.get(pk=school_id)
    rows = FollowedAccount.objects.filter(
        school=school, status__in=[FollowedAccount.Status.FIRST_REVIEW, FollowedAccount.Status.KEPT]
    )
    looked_at = rows.count()
    newly = flag(rows)
    flagged = rows.exclude(flags=[]).count()
    with transaction.atomic():
        review = FollowingReview.objects.create(
            school=school,
            run_by=user if getattr(user, "pk", None) else None,
            looked_at=looked_at,
            flagged=flagged,
        )
        record(
            school,
            user,
            "following.reviewed",
            f"The review of whom the school follows looked at {looked_at} account(s): {flagged} flagged, "
            f"{newly} newly",
            review,
        )
    if newly:
        tell_approvers(
            school,
            f"{newly} followed account(s) to look at again",
            "The periodic review found accounts the school follows that look personal or unrelated to "
            "education. Look at each: keep it with its reason, or unfollow it.",
            reverse("following:list") + "?show=review",
        )
    return review


# --- The sweep --------------------------------------------------------------------------------


def due(now: datetime | None = None) -> dict[str, list[int]]:
    """What the sweep should hand to the worker: reads, follows, unfollows and reviews that are due."""
    now = now or timezone.now()
    reads = list(
        Connection.objects.filter(status=Connection.Status.ACTIVE)
        .filter(Q(following_sync__isnull=True) | Q(following_sync__last_read_at__lt=now - READ_EVERY))
        .values_list("pk", flat=True)
    )
    follows = list(
        FollowProposal.objects.filter(
            state=FollowProposal.State.APPROVED, decided_at__lt=now - RETRY_AFTER
        ).values_list("pk", flat=True)
    )
    unfollows = list(
        FollowedAccount.objects.filter(
            status=FollowedAccount.Status.UNFOLLOWING, reviewed_at__lt=now - RETRY_AFTER
        ).values_list("pk", flat=True)
    )
    with_follows = set(
        FollowedAccount.objects.filter(status__in=FollowedAccount.FOLLOWING).values_list(
            "school_id", flat=True
        )
    )
    last = dict(
        FollowingReview.objects.values("school_id")
        .annotate(last=Max("run_at"))
        .values_list("school_id", "last")
    )
    reviews = sorted(s for s in with_follows if last.get(s) is None or last[s] < now - REVIEW_EVERY)
    return {"reads": reads, "follows": follows, "unfollows": unfollows, "reviews": reviews}

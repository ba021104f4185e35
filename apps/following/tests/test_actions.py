"""Proposing, approving and refusing follows; reading whom the school follows; unfollowing; the review."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.followers.models import PersonalAccount
from apps.following import actions, sync
from apps.following import duties as following_duties
from apps.following.models import FollowedAccount, FollowingReview, FollowProposal
from apps.following.tests.conftest import (
    AUTHOR,
    CASINO,
    LIBRARY,
    PERSONAL,
    FakeFollowing,
    connect,
    profile,
    refused,
)
from apps.notifications.models import Notification
from apps.platforms.base import RetryableError
from apps.reminders.actions import send_reminders
from apps.reminders.registry import Status, duties_for
from apps.schools.models import Membership
from apps.schools.testing import Personas


def member(p: Personas, user: object) -> Membership:
    return Membership.objects.get(school=p.school, user=user)


def audit_actions(p: Personas) -> list[str]:
    return list(AuditEntry.objects.filter(school=p.school).order_by("seq").values_list("action", flat=True))


# --- RAC-07: case by case, decided by the headteacher ------------------------------------------


def test_a_teacher_s_proposal_waits_for_the_headteacher_who_approves_and_safepost_follows(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connect(p)
    platform.known["leedslibraries"] = LIBRARY

    proposal = actions.propose(
        member(p, p.teacher), p.main, "bluesky", "@LeedsLibraries", "children", "Runs the reading challenge"
    )

    assert proposal.state == FollowProposal.State.WAITING and proposal.target == "leedslibraries"
    assert ("follow", "leedslibraries") not in platform.calls
    told = Notification.objects.filter(school=p.school, kind="following.proposed")
    assert {n.user for n in told} == {p.head}  # rackham: the headteacher alone approves
    with pytest.raises(actions.Refused, match="approved by the headteacher"):
        actions.approve(proposal, member(p, p.senior))

    actions.approve(proposal, member(p, p.head), "Yes, a good link")

    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FOLLOWED
    assert ("follow", "leedslibraries") in platform.calls
    row = proposal.followed
    assert row is not None
    assert (row.status, row.category, row.justification, row.follow_id) == (
        FollowedAccount.Status.KEPT,
        "children",
        "Runs the reading challenge",
        "follow-id-leedslibraries",
    )
    assert row.reviewed_by == p.head
    assert audit_actions(p)[-3:] == ["following.proposed", "following.approved", "following.followed"]
    assert Notification.objects.filter(user=p.teacher, kind="following.decided").exists()


def test_the_headteacher_refuses_with_a_reason_and_nothing_is_followed(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connect(p)
    proposal = actions.propose(
        member(p, p.teacher), p.main, "bluesky", "jo_smith", "other", "A friend of the school"
    )
    with pytest.raises(actions.Refused, match="Say why"):
        actions.refuse(proposal, member(p, p.head), "")

    actions.refuse(proposal, member(p, p.head), "A personal account: we do not follow those.")

    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.REFUSED
    assert not [c for c in platform.calls if c[0] == "follow"]
    assert "following.refused" in audit_actions(p)
    note = Notification.objects.get(user=p.teacher, kind="following.decided")
    assert "personal account" in note.body
    with pytest.raises(actions.Refused, match="already been decided"):
        actions.approve(proposal, member(p, p.head))


def test_the_headteacher_s_own_proposal_is_followed_at_once(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connect(p)
    proposal = actions.propose(
        member(p, p.head), p.main, "bluesky", "annauthor", "author", "Visited us for World Book Day"
    )
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FOLLOWED and proposal.decided_by == p.head


def test_governors_do_not_propose_and_an_unconnected_account_cannot_follow(rackham: Personas) -> None:
    p = rackham
    with pytest.raises(actions.Refused, match="Governors"):
        actions.propose(
            member(p, p.governor), p.main, "bluesky", "x", "school", "A nearby school we work with"
        )
    with pytest.raises(actions.Refused, match="not connected"):
        actions.propose(
            member(p, p.teacher), p.main, "bluesky", "x", "school", "A nearby school we work with"
        )


# --- CAT-05, NNF-10, SUT-11: educationally linked accounts only ----------------------------------


def test_an_educational_only_policy_refuses_other_accounts_and_still_needs_approval(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connect(p)
    with pytest.raises(actions.Refused, match="only educationally linked accounts"):
        actions.propose(
            member(p, p.teacher), p.main, "bluesky", "pizza_place", "other", "They sponsor our fair"
        )
    with pytest.raises(actions.Refused, match="Say in a sentence"):
        actions.propose(member(p, p.teacher), p.main, "bluesky", "leedslibraries", "children", "ok")

    proposal = actions.propose(
        member(p, p.teacher), p.main, "bluesky", "leedslibraries", "children", "Runs the reading challenge"
    )
    assert proposal.state == FollowProposal.State.WAITING
    told = {n.user for n in Notification.objects.filter(kind="following.proposed")}
    assert told == {p.head, p.senior}
    with pytest.raises(actions.Refused, match="already proposed"):
        actions.propose(
            member(p, p.office), p.main, "bluesky", "LeedsLibraries", "children", "The reading challenge"
        )


# --- Reading whom the school follows ---------------------------------------------------------------


def test_accounts_already_followed_at_connection_are_listed_for_a_first_review(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.following = [LIBRARY, AUTHOR, PERSONAL, CASINO, profile("gone", deleted=True)]

    outcome = sync.read_following(connection.pk)

    assert outcome.found == 5 and len(outcome.new) == 5
    assert [c for c in platform.calls if c[0] == "list"] == [("list", ""), ("list", "2"), ("list", "4")]
    rows = {r.handle: r for r in FollowedAccount.objects.filter(school=p.school)}
    assert {r.status for r in rows.values()} == {FollowedAccount.Status.FIRST_REVIEW}
    assert {r.source for r in rows.values()} == {FollowedAccount.Source.AT_CONNECTION}
    codes = {handle: {f["code"] for f in row.flags} for handle, row in rows.items()}
    assert codes["leedslibraries"] == set()
    assert "personal" in codes["jo_smith"]
    assert "unsuitable" in codes["spinwin"]
    assert codes["gone"] == {"gone"}
    assert "following.first_review_listed" in audit_actions(p)
    assert Notification.objects.filter(user=p.head, title__startswith="Review whom").exists()

    # A second read: nothing new; one unfollowed in the app; one followed in the app.
    platform.following = [LIBRARY, AUTHOR, PERSONAL, CASINO, profile("newschool", "Oakfield Primary School")]
    again = sync.read_following(connection.pk)
    assert again.new == [FollowedAccount.objects.get(handle="newschool").pk]
    assert FollowedAccount.objects.get(handle="newschool").source == FollowedAccount.Source.ELSEWHERE
    assert FollowedAccount.objects.get(handle="gone").status == FollowedAccount.Status.GONE
    assert "following.found_elsewhere" in audit_actions(p)


def test_a_platform_that_cannot_be_read_changes_nothing_and_says_why(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.refuse["list"] = RetryableError("Bluesky did not answer in time.")
    outcome = sync.read_following(connection.pk)
    assert "did not answer" in outcome.error
    assert connection.following_sync.last_error == "Bluesky did not answer in time."
    assert not FollowedAccount.objects.exists()


def test_keeping_needs_a_kind_and_a_reason_and_the_policy_s_kinds(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.following = [PERSONAL]
    sync.read_following(connection.pk)
    row = FollowedAccount.objects.get()
    with pytest.raises(actions.Refused, match="only educationally linked"):
        actions.keep(row, member(p, p.head), "other", "A friend of the school")
    with pytest.raises(actions.Refused, match="Only those who approve"):
        actions.keep(row, member(p, p.teacher), "author", "She writes our reading scheme books")
    actions.keep(row, member(p, p.head), "author", "She writes our reading scheme books")
    row.refresh_from_db()
    assert (row.status, row.flags, row.reviewed_by) == (FollowedAccount.Status.KEPT, [], p.head)
    assert "following.kept" in audit_actions(p)


def test_unfollowing_calls_the_platform_with_the_follow_id(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.following = [CASINO, LIBRARY]
    sync.read_following(connection.pk)
    row = FollowedAccount.objects.get(handle="spinwin")
    with pytest.raises(actions.Refused, match="Say why"):
        actions.unfollow(row, member(p, p.head), "")

    actions.unfollow(row, member(p, p.head), "A gambling account")

    row.refresh_from_db()
    assert row.status == FollowedAccount.Status.UNFOLLOWED
    assert ("unfollow", "follow-id-spinwin") in platform.calls
    assert [e for e in audit_actions(p) if e.startswith("following.unfollow")] == [
        "following.unfollow_decided",
        "following.unfollowed",
    ]
    # The next read does not list it as gone or new.
    sync.read_following(connection.pk)
    row.refresh_from_db()
    assert row.status == FollowedAccount.Status.UNFOLLOWED


def test_a_refused_follow_is_recorded_and_the_approvers_and_proposer_are_told(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connect(p)
    platform.refuse["follow"] = refused("Bluesky has no account with the handle @nobody.test.")
    proposal = actions.propose(
        member(p, p.teacher), p.main, "bluesky", "nobody.test", "school", "Our partner school"
    )
    actions.approve(proposal, member(p, p.head))
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FAILED and "no account" in proposal.error
    assert "following.follow_failed" in audit_actions(p)
    assert Notification.objects.filter(user=p.teacher, title="Not followed: @nobody.test").exists()


def test_a_busy_platform_leaves_the_follow_approved_for_the_sweep(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connect(p)
    platform.refuse["follow"] = RetryableError("Bluesky did not answer in time.")
    proposal = actions.propose(
        member(p, p.head), p.main, "bluesky", "annauthor", "author", "Visited for book week"
    )
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.APPROVED and "did not answer" in proposal.error
    del platform.refuse["follow"]
    assert sync.follow_approved(proposal.pk) == "followed"


def test_a_locked_account_s_follow_waits_until_it_accepts(rackham: Personas, platform: FakeFollowing) -> None:
    p = rackham
    connection = connect(p, kind="mastodon")
    platform.pending.add("courtney@school.example")
    platform.known["courtney@school.example"] = profile("courtney@school.example", "Courtney Primary School")
    proposal = actions.propose(
        member(p, p.head), p.main, "mastodon", "@courtney@school.example", "school", "Our partner school"
    )
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.REQUESTED
    assert not FollowedAccount.objects.exists()

    platform.following = [platform.known["courtney@school.example"]]  # it accepted
    sync.read_following(connection.pk)
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FOLLOWED
    assert proposal.followed is not None and proposal.followed.status == FollowedAccount.Status.KEPT


def test_the_weekly_review_flags_new_concerns_once_and_tells_the_approvers(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.following = [LIBRARY]
    sync.read_following(connection.pk)
    row = FollowedAccount.objects.get()
    actions.keep(row, member(p, p.head), "children", "Runs the reading challenge")
    # The library's account changes hands and becomes a betting tipster.
    FollowedAccount.objects.filter(pk=row.pk).update(bio="Daily betting tips and casino bonuses")

    review = sync.review_school(p.school.pk)

    assert (review.looked_at, review.flagged) == (1, 1)
    row.refresh_from_db()
    assert "unsuitable" in [f["code"] for f in row.flags] and row.needs_attention
    assert Notification.objects.filter(user=p.head, title__contains="to look at again").count() == 1
    sync.review_school(p.school.pk)
    assert Notification.objects.filter(user=p.head, title__contains="to look at again").count() == 1
    assert FollowingReview.objects.filter(school=p.school).count() == 2
    assert audit_actions(p).count("following.reviewed") == 2


def test_the_sweep_finds_unread_connections_stuck_follows_and_due_reviews(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    assert sync.due()["reads"] == [connection.pk]
    platform.following = [LIBRARY]
    sync.read_following(connection.pk)
    due = sync.due()
    assert due["reads"] == [] and due["reviews"] == [p.school.pk]
    sync.review_school(p.school.pk)
    assert sync.due()["reviews"] == []


def test_a_followed_staff_personal_account_is_flagged_by_its_declared_handle(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    PersonalAccount.objects.create(
        school=p.school, user=p.teacher, handle="@tara_runs", normalised="tara_runs"
    )
    platform.following = [profile("tara_runs", "Runner. Teacher. Coffee.", "T R"), LIBRARY]
    sync.read_following(connection.pk)
    row = FollowedAccount.objects.get(handle="tara_runs")
    flags = {f["code"]: f["reason"] for f in row.flags}
    assert "staff-personal" in flags and "Unfollow it" in flags["staff-personal"]
    assert FollowedAccount.objects.get(handle="leedslibraries").flags == []


# --- one schedule: what waits for a decision is a duty (issue 14) ---------------------------------


def test_accounts_and_proposals_waiting_for_a_decision_are_a_duty_reminded_once_and_escalated(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    today = timezone.localdate()
    duty = next(d for d in duties_for(p.school, today) if d.key == following_duties.KEY)
    assert duty.due_on is None and "Nothing waits" in duty.why

    connect(p)
    platform.known["leedslibraries"] = LIBRARY
    actions.propose(
        member(p, p.teacher), p.main, "bluesky", "@LeedsLibraries", "children", "Reading challenge"
    )
    duty = next(d for d in duties_for(p.school, today) if d.key == following_duties.KEY)
    assert duty.due_on == today + timedelta(days=7) and duty.roles == ("headteacher",)
    assert "1 follow proposal waiting" in duty.why and duty.status(today) == Status.UP_TO_DATE

    def reminders() -> list[tuple[str, str]]:
        notes = Notification.objects.filter(school=p.school, title__contains=following_duties.NAME)
        return sorted((n.user.username, n.kind) for n in notes)

    send_reminders(today + timedelta(days=5))
    assert reminders() == [(p.head.username, "reminder.due")]
    send_reminders(today + timedelta(days=8))
    send_reminders(today + timedelta(days=9))
    assert reminders() == [(p.head.username, "reminder.due"), (p.head.username, "reminder.overdue")]

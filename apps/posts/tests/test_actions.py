"""The post workflow: drafting, checking, submitting, approving, scheduling and deleting."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from apps.audit.actions import verify_chain
from apps.audit.models import AuditEntry
from apps.posts import actions
from apps.posts.actions import NotAllowed, PostError, SchedulingError, SubmitError, TransitionError
from apps.posts.models import Override, Post, Review
from apps.posts.tests.conftest import LONDON, MONDAY_10AM, london, member, require_approval_for
from apps.publishing.models import Publication
from apps.schools.actions import do_replace_roster
from apps.schools.models import Account
from apps.schools.testing import Personas, make_personas
from safepost.policy.roster import Pupil as RosterPupil
from safepost.policy.roster import Roster

Status = Post.Status
SAFE = "Oak Class had a brilliant science week: thank you for all the junk modelling boxes!"
MENTION = "Thank you to @LocalLibrary for a wonderful story time with Oak Class today."
FAMILY = "Thank you to the Pemberton family for running the cake stall at the summer fair."


def actions_of(post: Post) -> list[str]:
    return list(
        AuditEntry.objects.filter(school=post.school, object_type="post", object_id=str(post.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


def entry(post: Post, action: str) -> AuditEntry:
    return AuditEntry.objects.filter(
        school=post.school, object_type="post", object_id=str(post.pk), action=action
    ).latest("seq")


def draft(p: Personas, user: Any = None, text: str = SAFE, account: Account | None = None, **kw: Any) -> Post:
    user = user or p.teacher
    return actions.create_draft(member(p, user), account or p.oak, text, now=kw.pop("now", MONDAY_10AM), **kw)


# --- Drafting and editing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_is_recorded_as_created(p: Personas) -> None:
    post = draft(p)
    assert post.status == Status.DRAFT
    assert post.author == p.teacher
    assert actions_of(post) == ["post.created"]
    assert entry(post, "post.created").actor == p.teacher


@pytest.mark.django_db
def test_a_governor_cannot_write_a_draft(p: Personas) -> None:
    with pytest.raises(NotAllowed, match="Governors"):
        actions.create_draft(member(p, p.governor), p.main, SAFE, now=MONDAY_10AM)
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_teacher_cannot_post_from_a_class_account_they_do_not_hold(p: Personas) -> None:
    ash = Account.objects.create(school=p.school, name="Ash Class", kind=Account.Kind.CLASS, holder=p.senior)
    with pytest.raises(NotAllowed, match="Ash Class"):
        actions.create_draft(member(p, p.teacher), ash, SAFE, now=MONDAY_10AM)


@pytest.mark.django_db
def test_an_empty_post_is_refused(p: Personas) -> None:
    with pytest.raises(PostError, match="empty"):
        draft(p, text="   ")


@pytest.mark.django_db
def test_an_edit_records_the_old_and_new_text(p: Personas) -> None:
    post = draft(p)
    actions.edit(post, member(p, p.teacher), text="Oak Class loved science week!", now=MONDAY_10AM)
    data = entry(post, "post.edited").data
    assert data["old"]["text"] == SAFE
    assert data["new"]["text"] == "Oak Class loved science week!"
    assert data["changed"] == ["text"]


@pytest.mark.django_db
def test_only_the_writer_can_edit_a_post(p: Personas) -> None:
    post = draft(p)
    with pytest.raises(NotAllowed, match="Only the person who wrote"):
        actions.edit(post, member(p, p.head), text="Changed by the head", now=MONDAY_10AM)
    post.refresh_from_db()
    assert post.text == SAFE


@pytest.mark.django_db
def test_editing_a_scheduled_post_makes_it_a_draft_and_stops_publishing(p: Personas) -> None:
    post = draft(p)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert post.status == Status.SCHEDULED
    assert Publication.objects.filter(post=post).exists()
    actions.edit(post, member(p, p.teacher), text=SAFE + " More soon.", now=MONDAY_10AM)
    post.refresh_from_db()
    assert post.status == Status.DRAFT
    assert post.scheduled_for is None
    assert not Publication.objects.filter(post=post).exists()
    assert entry(post, "post.edited").data["status"] == {"old": "scheduled", "new": "draft"}


# --- Checking ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_check_is_stored_on_the_post_and_recorded(p: Personas) -> None:
    post = draft(p, text=MENTION)
    report = actions.run_check(post, p.teacher, now=MONDAY_10AM)
    post.refresh_from_db()
    assert post.last_check["verdict"] == "warn" == report.verdict
    assert post.last_check["findings"][0]["category"] == "mention"
    assert post.last_check["policy_version"] == p.school.policy_version
    assert post.last_check["roster_version"] == p.school.roster_version
    assert post.checked_at == MONDAY_10AM
    checked = entry(post, "post.checked")
    assert checked.data["verdict"] == "warn"
    assert checked.data["categories"] == ["mention"]


# --- Submitting -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_clean_post_from_a_teacher_who_needs_no_approval_is_scheduled(p: Personas) -> None:
    post = draft(p)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert post.status == Status.SCHEDULED
    assert post.scheduled_for == MONDAY_10AM
    assert actions_of(post) == ["post.created", "post.checked", "post.scheduled"]
    assert Publication.objects.filter(post=post, target="website").exists()


@pytest.mark.django_db
def test_blocking_findings_stop_a_submission_with_a_clear_message(p: Personas) -> None:
    post = draft(p, text="Well done to Maisie Pemberton for her reading award!")
    do_replace_roster(p.school, Roster([RosterPupil(("Maisie",), ("Pemberton",), class_name="Oak")]), p.head)
    with pytest.raises(SubmitError, match="can't go out yet: 2 things must change") as raised:
        actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert any("Maisie Pemberton" in problem for problem in raised.value.problems)
    post.refresh_from_db()
    assert post.status == Status.DRAFT
    assert post.last_check["verdict"] == "block"
    assert entry(post, "post.checked").data["categories"] == ["individual-pupil", "pupil-surname"]


@pytest.mark.django_db
def test_every_warning_needs_a_reason_before_it_can_go(p: Personas) -> None:
    post = draft(p, text=MENTION)
    with pytest.raises(SubmitError, match="1 warning still needs a reason") as raised:
        actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    [key] = raised.value.missing_reasons
    with pytest.raises(SubmitError):
        actions.submit(post, member(p, p.teacher), overrides={key: "   "}, now=MONDAY_10AM)
    assert not Override.objects.exists()

    actions.submit(
        post, member(p, p.teacher), overrides={key: "The library asked us to tag them."}, now=MONDAY_10AM
    )
    override = Override.objects.get(post=post)
    assert (override.category, override.reason, override.user) == (
        "mention",
        "The library asked us to tag them.",
        p.teacher,
    )
    assert entry(post, "post.override").data["reason"] == "The library asked us to tag them."
    assert post.status == Status.SCHEDULED


@pytest.mark.django_db
def test_a_teacher_may_not_use_an_exception_the_policy_keeps_for_senior_leaders(p: Personas) -> None:
    post = draft(p, exception="urgent-news", exception_reason="Boiler broken", now=london(2026, 3, 9, 19))
    with pytest.raises(SubmitError, match="headteacher, senior leader"):
        actions.submit(post, member(p, p.teacher), now=london(2026, 3, 9, 19))
    assert post.status == Status.DRAFT


@pytest.mark.django_db
def test_an_exception_needs_a_reason(p: Personas) -> None:
    post = draft(p, p.head, account=p.main, exception="urgent-news")
    with pytest.raises(SubmitError, match="Say why"):
        actions.submit(post, member(p, p.head), now=london(2026, 3, 9, 19))


@pytest.mark.django_db
def test_an_exception_goes_out_at_once_and_records_who_and_why(p: Personas) -> None:
    evening = london(2026, 3, 9, 19, 30)
    post = draft(
        p,
        p.head,
        account=p.main,
        text="School is closed tomorrow because the heating has failed.",
        exception="urgent-news",
        exception_reason="The boiler failed this evening.",
        now=evening,
    )
    actions.submit(post, member(p, p.head), now=evening)
    assert post.status == Status.SCHEDULED
    assert post.scheduled_for == evening
    recorded = entry(post, "post.exception")
    assert recorded.actor == p.head
    assert recorded.data["reason"] == "The boiler failed this evening."
    assert recorded.data["exception"] == "urgent-news"
    assert recorded.data["role"] == "headteacher"
    # The audit log says it in words, not with the policy's key names.
    assert recorded.summary.startswith("Sent outside posting hours as urgent news by ")
    assert entry(post, "post.scheduled").summary == "To go out now, as urgent news"


@pytest.mark.django_db
def test_a_post_needing_approval_goes_to_the_queue(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = draft(p)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert post.status == Status.PENDING
    assert post.submitted_at == MONDAY_10AM
    assert actions_of(post)[-1] == "post.submitted"
    assert not Publication.objects.filter(post=post).exists()


@pytest.mark.django_db
def test_an_unsigned_agreement_stops_a_submission(db: None) -> None:
    sutton = make_personas(preset="sutton-manor", slug="sutton")
    post = actions.create_draft(member(sutton, sutton.head), sutton.main, SAFE, now=MONDAY_10AM)
    with pytest.raises(NotAllowed, match="sign the school's social media agreement"):
        actions.submit(post, member(sutton, sutton.head), now=MONDAY_10AM)


# --- Approving --------------------------------------------------------------------------------


def pending(p: Personas, text: str = SAFE, user: Any = None, account: Account | None = None) -> Post:
    user = user or p.teacher
    post = draft(p, user, text=text, account=account)
    actions.submit(post, member(p, user), now=MONDAY_10AM)
    assert post.status == Status.PENDING
    return post


@pytest.mark.django_db
def test_a_senior_leader_approves_and_the_post_is_scheduled(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p)
    actions.approve(post, member(p, p.senior), comment="Lovely.", now=MONDAY_10AM)
    assert post.status == Status.SCHEDULED
    assert post.approved_by == p.senior
    assert Review.objects.get(post=post).decision == Review.Decision.APPROVED
    approved = entry(post, "post.approved")
    assert approved.actor == p.senior
    assert approved.data["comment"] == "Lovely."
    assert actions_of(post)[-3:] == ["post.checked", "post.approved", "post.scheduled"]


@pytest.mark.django_db
def test_nobody_approves_their_own_post(p: Personas) -> None:
    require_approval_for(p.school, "headteacher")
    post = pending(p, user=p.head, account=p.main)
    with pytest.raises(NotAllowed, match="your own post"):
        actions.approve(post, member(p, p.head), now=MONDAY_10AM)
    assert post.status == Status.PENDING
    actions.approve(post, member(p, p.senior), now=MONDAY_10AM)
    assert post.status == Status.SCHEDULED


@pytest.mark.django_db
def test_where_the_policy_says_account_holder_only_the_holder_approves(db: None) -> None:
    rackham = make_personas(preset="rackham", slug="rackham")
    require_approval_for(rackham.school, "senior-leader")
    post = pending(rackham, user=rackham.senior, account=rackham.oak)
    with pytest.raises(NotAllowed, match="approved by the account holder"):
        actions.approve(post, member(rackham, rackham.head), now=MONDAY_10AM)
    actions.approve(post, member(rackham, rackham.teacher), now=MONDAY_10AM)
    assert post.approved_by == rackham.teacher


@pytest.mark.django_db
def test_when_the_account_holder_wrote_the_post_a_senior_leader_approves_it(db: None) -> None:
    # Rackham: the account holder approves (RAC-10). The holder cannot approve their own post,
    # so a senior leader does: the post is never stuck with nobody allowed to approve it.
    rackham = make_personas(preset="rackham", slug="rackham-own")
    require_approval_for(rackham.school, "class-teacher")
    post = pending(rackham, user=rackham.teacher, account=rackham.oak)
    with pytest.raises(NotAllowed):
        actions.approve(post, member(rackham, rackham.teacher), now=MONDAY_10AM)
    actions.approve(post, member(rackham, rackham.head), now=MONDAY_10AM)
    assert post.approved_by == rackham.head


@pytest.mark.django_db
def test_class_accounts_cannot_be_posted_from_when_the_policy_has_none(p: Personas) -> None:
    from apps.posts.access import accounts_for
    from apps.schools.actions import update_policy

    assert p.oak in accounts_for(member(p, p.teacher)) or p.oak in accounts_for(member(p, p.head))
    from apps.schools.policy_edit import set_values

    update_policy(p.school, set_values(p.school.policy_toml, {("accounts", "class_accounts"): False}), p.head)
    p.school.refresh_from_db()
    assert p.oak not in accounts_for(member(p, p.head))
    assert p.main in accounts_for(member(p, p.head))


@pytest.mark.django_db
def test_a_teacher_who_holds_no_account_cannot_approve_it(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p, account=p.main)
    with pytest.raises(NotAllowed):
        actions.approve(post, member(p, p.office), now=MONDAY_10AM)


@pytest.mark.django_db
def test_approval_checks_again_and_holds_a_post_whose_pupil_was_added_to_the_roster(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p, text=FAMILY)
    assert post.last_check["verdict"] == "pass"
    pupil = RosterPupil(("Maisie",), ("Pemberton",), class_name="Oak")
    do_replace_roster(p.school, Roster([pupil]), p.head)
    p.school.refresh_from_db()

    actions.approve(post, member(p, p.head), now=MONDAY_10AM)
    assert post.status == Status.HELD
    assert "Pemberton" in post.held_reason
    assert post.approved_by is None
    assert not Review.objects.filter(post=post).exists()
    assert not Publication.objects.filter(post=post).exists()
    assert entry(post, "post.held").data["categories"] == ["pupil-surname"]
    assert post.last_check["roster_version"] == p.school.roster_version


@pytest.mark.django_db
def test_sending_back_needs_a_comment_and_records_it(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p)
    with pytest.raises(PostError, match="Write a comment"):
        actions.request_changes(post, member(p, p.head), comment="  ", now=MONDAY_10AM)
    actions.request_changes(post, member(p, p.head), comment="Please add the date.", now=MONDAY_10AM)
    assert post.status == Status.CHANGES_REQUESTED
    assert Review.objects.get(post=post).comment == "Please add the date."
    assert entry(post, "post.changes_requested").data["comment"] == "Please add the date."

    actions.edit(post, member(p, p.teacher), text=SAFE + " (Friday 13 March)", now=MONDAY_10AM)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert post.status == Status.PENDING


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (Status.PUBLISHED, "approve", "has already been published, so it can't be approved"),
        (Status.SCHEDULED, "submit", "is already scheduled, so it can't be sent"),
        (Status.DELETED, "delete", "has been deleted, so it can't be deleted"),
        (Status.PUBLISHING, "edit", "is being published right now, so it can't be changed"),
        (Status.DRAFT, "request_changes", "is still a draft, so it can't be sent back"),
    ],
)
@pytest.mark.django_db
def test_invalid_transitions_are_refused_with_a_clear_message(
    p: Personas, status: str, action: str, message: str
) -> None:
    post = draft(p)
    Post.objects.filter(pk=post.pk).update(status=status)
    post.refresh_from_db()
    calls = {
        "approve": lambda: actions.approve(post, member(p, p.head), now=MONDAY_10AM),
        "submit": lambda: actions.submit(post, member(p, p.teacher), now=MONDAY_10AM),
        "delete": lambda: actions.delete(post, member(p, p.teacher), now=MONDAY_10AM),
        "edit": lambda: actions.edit(post, member(p, p.teacher), text="new", now=MONDAY_10AM),
        "request_changes": lambda: actions.request_changes(
            post, member(p, p.head), comment="x", now=MONDAY_10AM
        ),
    }
    with pytest.raises(TransitionError, match=message):
        calls[action]()
    post.refresh_from_db()
    assert post.status == status


@pytest.mark.django_db
def test_a_draft_that_was_never_sent_cannot_be_scheduled(p: Personas) -> None:
    post = draft(p)
    with pytest.raises(TransitionError, match="has not been sent"):
        actions.schedule(post, p.teacher, now=MONDAY_10AM)


@pytest.mark.django_db
def test_a_post_needing_approval_cannot_be_scheduled_before_it_is_approved(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p)
    with pytest.raises(TransitionError, match="needs approval"):
        actions.schedule(post, p.teacher, now=MONDAY_10AM)


# --- Scheduling -------------------------------------------------------------------------------


def scheduled_local(post: Post) -> datetime:
    assert post.scheduled_for is not None
    return post.scheduled_for.astimezone(LONDON)


@pytest.mark.django_db
def test_a_post_written_on_sunday_evening_goes_out_on_monday_at_eight(p: Personas) -> None:
    sunday = london(2026, 3, 8, 20, 15)
    post = draft(p, now=sunday)
    actions.submit(post, member(p, p.teacher), now=sunday)
    assert scheduled_local(post) == london(2026, 3, 9, 8)
    assert entry(post, "post.scheduled").data["in_words"] == "08:00 tomorrow (Monday 9 March)"


@pytest.mark.django_db
def test_a_post_approved_on_friday_evening_goes_out_on_monday_morning(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending(p)
    friday = london(2026, 3, 13, 18, 30)
    actions.approve(post, member(p, p.head), now=friday)
    assert scheduled_local(post) == london(2026, 3, 16, 8)
    assert entry(post, "post.scheduled").data["in_words"] == "08:00 on Monday 16 March"


@pytest.mark.parametrize(
    ("written", "expected_utc"),
    [
        # The clocks go forward on Sunday 29 March 2026: Monday 08:00 BST is 07:00 UTC.
        (london(2026, 3, 28, 20), datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
        # They go back on Sunday 25 October 2026: Monday 08:00 GMT is 08:00 UTC.
        (london(2026, 10, 23, 19), datetime(2026, 10, 26, 8, 0, tzinfo=UTC)),
    ],
)
@pytest.mark.django_db
def test_the_clock_change_weekends_still_give_eight_oclock_local(
    p: Personas, written: datetime, expected_utc: datetime
) -> None:
    post = draft(p, now=written)
    actions.submit(post, member(p, p.teacher), now=written)
    assert post.scheduled_for == expected_utc
    assert scheduled_local(post).hour == 8


@pytest.mark.django_db
def test_a_picked_time_inside_the_window_is_kept(p: Personas) -> None:
    picked = london(2026, 3, 10, 15, 30)
    post = draft(p, requested_time=picked)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    assert post.scheduled_for == picked


@pytest.mark.django_db
def test_a_picked_time_outside_the_window_is_refused_naming_the_window(p: Personas) -> None:
    with pytest.raises(SchedulingError, match="Mon–Fri 08:00–18:00"):
        draft(p, requested_time=london(2026, 3, 14, 10))


@pytest.mark.django_db
def test_a_picked_time_that_passed_while_waiting_for_approval_goes_at_the_next_allowed_time(
    p: Personas,
) -> None:
    require_approval_for(p.school, "class-teacher")
    post = draft(p, requested_time=london(2026, 3, 9, 11))
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    actions.approve(post, member(p, p.head), now=london(2026, 3, 9, 19))
    assert scheduled_local(post) == london(2026, 3, 10, 8)


# --- Deleting ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_deleting_a_scheduled_post_keeps_it_marked_deleted_and_cancels_publishing(p: Personas) -> None:
    post = draft(p)
    actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    actions.delete(post, member(p, p.teacher), now=MONDAY_10AM)
    post.refresh_from_db()
    assert post.status == Status.DELETED
    assert not Publication.objects.filter(post=post).exists()
    assert entry(post, "post.deleted").data["previous_status"] == "scheduled"


@pytest.mark.django_db
def test_another_teacher_cannot_delete_a_post(p: Personas) -> None:
    post = draft(p, p.head, account=p.main)
    with pytest.raises(NotAllowed):
        actions.delete(post, member(p, p.teacher), now=MONDAY_10AM)


# --- The record -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_step_is_recorded_and_the_chain_verifies(p: Personas) -> None:
    require_approval_for(p.school, "class-teacher")
    post = draft(p, text=MENTION)
    with pytest.raises(SubmitError) as raised:
        actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    reasons = dict.fromkeys(raised.value.missing_reasons, "The library asked to be tagged.")
    actions.submit(post, member(p, p.teacher), overrides=reasons, now=MONDAY_10AM)
    actions.request_changes(post, member(p, p.head), comment="Add the class name.", now=MONDAY_10AM)
    actions.edit(post, member(p, p.teacher), text=MENTION + " #OakClass", now=MONDAY_10AM)
    with pytest.raises(SubmitError) as raised:
        actions.submit(post, member(p, p.teacher), now=MONDAY_10AM)
    reasons = dict.fromkeys(raised.value.missing_reasons, "Still asked to be tagged.")
    actions.submit(post, member(p, p.teacher), overrides=reasons, now=MONDAY_10AM)
    actions.approve(post, member(p, p.head), now=MONDAY_10AM)
    actions.delete(post, member(p, p.head), now=MONDAY_10AM)
    assert actions_of(post) == [
        "post.created",
        "post.checked",
        "post.checked",
        "post.override",
        "post.submitted",
        "post.changes_requested",
        "post.edited",
        "post.checked",
        "post.checked",
        "post.override",
        "post.submitted",
        "post.checked",
        "post.approved",
        "post.scheduled",
        "post.deleted",
    ]
    assert verify_chain(AuditEntry.objects.filter(school=p.school).order_by("seq")) == []


@pytest.mark.django_db
def test_urgent_news_is_published_at_once_and_taken_down_when_deleted(p: Personas, settings: Any) -> None:
    from django.utils import timezone

    from apps.publishing.models import FeedEntry

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    now = timezone.now()
    post = actions.create_draft(
        member(p, p.head),
        p.main,
        "School is closed today because the heating has failed.",
        exception="urgent-news",
        exception_reason="The boiler failed overnight.",
        now=now,
    )
    actions.submit(post, member(p, p.head), now=now)
    assert post.status == Status.PUBLISHED
    entry_on_feed = FeedEntry.objects.get(post=post)
    assert entry_on_feed.removed_at is None

    actions.delete(post, member(p, p.head), now=now)
    entry_on_feed.refresh_from_db()
    assert entry_on_feed.removed_at is not None
    assert entry(post, "post.deleted").data["previous_status"] == "published"


@pytest.mark.django_db
def test_a_failed_post_can_be_tried_again_and_is_checked_again_first(p: Personas) -> None:
    post = Post.objects.create(
        school=p.school,
        account=p.oak,
        author=p.teacher,
        status=Status.FAILED,
        text="Oak Class loved their science week.",
        submitted_at=MONDAY_10AM,
    )
    failed = Publication.objects.create(
        post=post,
        target="website",
        status=Publication.Status.FAILED,
        attempts=6,
        last_error="the school website feed could not be saved",
    )
    with pytest.raises(NotAllowed):
        actions.retry(post, member(p, p.office), now=MONDAY_10AM)
    actions.retry(post, member(p, p.teacher), now=MONDAY_10AM)
    post.refresh_from_db()
    failed.refresh_from_db()
    # Back on the schedule (the publish task checks it again then), and the failed target reset.
    assert post.status in (Status.SCHEDULED, Status.PUBLISHING, Status.PUBLISHED)
    assert post.scheduled_for == MONDAY_10AM
    assert failed.status != Publication.Status.FAILED
    assert entry(post, "post.scheduled").summary.startswith("Trying again")


@pytest.mark.django_db
def test_only_a_failed_post_can_be_tried_again(p: Personas) -> None:
    post = draft(p, p.teacher)
    with pytest.raises(TransitionError):
        actions.retry(post, member(p, p.teacher), now=MONDAY_10AM)

"""Writes for posts: drafting, checking, submitting, approving, scheduling and deleting.

Every change is recorded in the audit log inside the same transaction. Status
changes follow :data:`TRANSITIONS`; anything else raises :class:`TransitionError`
with a sentence the member of staff can act on. Every function takes an optional
``now`` so tests (and the demo loader) control time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.audit.actions import record
from apps.posts.access import accounts_for, may_delete, may_edit, submit_refusal
from apps.posts.checking import (
    check_audit_data,
    check_saved_post,
    check_summary,
    keyed_warnings,
    moment_words,
    photo_findings,
    planned_time,
    stored_check,
    window_problem,
)
from apps.posts.models import Override, Post, Review
from apps.posts.publisher import publisher
from apps.posts.renditions import refresh_renditions
from apps.posts.tasks import clean_up_photos
from apps.schools.consent import posts_showing
from apps.schools.models import Account, Membership, Pupil, School
from apps.schools.permissions import allowed_exceptions, can_approve, can_write, needs_approval
from safepost.policy.findings import Finding, Report
from safepost.policy.rules.outside_posting_window import describe_window

MAX_TEXT = 5000
Status = Post.Status

#: The statuses each action may start from. Nothing else changes a post's status here
#: (publishing moves SCHEDULED posts on to PUBLISHING, PUBLISHED, HELD or FAILED).
TRANSITIONS: dict[str, frozenset[str]] = {
    "edit": frozenset(
        {Status.DRAFT, Status.PENDING, Status.CHANGES_REQUESTED, Status.HELD, Status.SCHEDULED}
    ),
    "submit": frozenset({Status.DRAFT, Status.CHANGES_REQUESTED, Status.HELD}),
    "approve": frozenset({Status.PENDING}),
    "request_changes": frozenset({Status.PENDING, Status.HELD}),
    "retry": frozenset({Status.FAILED}),
    "schedule": frozenset({Status.DRAFT, Status.CHANGES_REQUESTED, Status.HELD, Status.PENDING}),
    "delete": frozenset(
        {
            Status.DRAFT,
            Status.PENDING,
            Status.CHANGES_REQUESTED,
            Status.SCHEDULED,
            Status.HELD,
            Status.FAILED,
            Status.PUBLISHED,
        }
    ),
}
_IS = {
    Status.DRAFT: "is still a draft",
    Status.PENDING: "is waiting for approval",
    Status.CHANGES_REQUESTED: "was sent back for changes",
    Status.SCHEDULED: "is already scheduled",
    Status.PUBLISHING: "is being published right now",
    Status.PUBLISHED: "has already been published",
    Status.HELD: "is held because it needs attention",
    Status.FAILED: "failed to publish",
    Status.DELETED: "has been deleted",
}
_DONE = {
    "edit": "changed",
    "submit": "sent",
    "approve": "approved",
    "request_changes": "sent back",
    "schedule": "scheduled",
    "delete": "deleted",
    "retry": "tried again",
}


def exception_words(kind: str) -> str:
    """ "urgent news", "a school event": an exception as the audit log's sentences name it."""
    return {"school-event": "a school event", "urgent-news": "urgent news"}.get(kind, kind.replace("-", " "))


class PostError(Exception):
    """A write that cannot happen; ``message`` says why and what to do, for busy staff."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class TransitionError(PostError):
    """The post's status does not allow this action."""


class NotAllowed(PostError):
    """The member's role or relation to the post does not allow this action."""


class SubmitError(PostError):
    """The post cannot be sent yet: blocking findings, missing reasons, or a bad exception or time.

    ``missing_reasons`` names the warnings (by their :func:`keyed_warnings` key) still needing a reason.
    """

    def __init__(
        self, message: str, problems: list[str] | None = None, missing_reasons: list[str] | None = None
    ):
        super().__init__(message, problems)
        self.missing_reasons = missing_reasons or []


class SchedulingError(PostError):
    """The time picked is not one the policy allows."""


def _now(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def _require(post: Post, action: str) -> None:
    if post.status not in TRANSITIONS[action]:
        raise TransitionError(f"This post {_IS[Status(post.status)]}, so it can't be {_DONE[action]}.")


def _lock(post: Post) -> None:
    """Re-read the post under a row lock, so two people acting at once cannot both succeed."""
    Post.objects.select_for_update().filter(pk=post.pk).first()
    post.refresh_from_db()


def _author_membership(post: Post) -> Membership | None:
    return (
        Membership.objects.filter(user_id=post.author_id, school_id=post.school_id)
        .select_related("school")
        .first()
    )


def _validate_fields(
    membership: Membership,
    account: Account,
    text: str,
    exception: str,
    requested_time: datetime | None,
    now: datetime,
) -> None:
    if not text.strip():
        raise PostError("Write the post first: it is empty.")
    if len(text) > MAX_TEXT:
        raise PostError(f"A post can be at most {MAX_TEXT} characters; this one has {len(text)}.")
    if (
        account.school_id != membership.school_id
        or not accounts_for(membership).filter(pk=account.pk).exists()
    ):
        raise NotAllowed(f"You can't post from {account.name}. Choose one of the accounts offered to you.")
    if exception and exception not in Post.Exception.values:
        raise PostError("Choose an exception from the list (a school event or urgent news), or none.")
    if requested_time is not None and not exception:
        problem = window_problem(membership.school.policy, requested_time, now)
        if problem:
            raise SchedulingError(problem)


def create_draft(
    membership: Membership,
    account: Account,
    text: str,
    *,
    exception: str = "",
    exception_reason: str = "",
    requested_time: datetime | None = None,
    now: datetime | None = None,
) -> Post:
    """A new draft post by the member on ``account`` (post.created)."""
    now = _now(now)
    if not can_write(membership):
        raise NotAllowed(submit_refusal(membership) or "Your role at this school does not write posts.")
    _validate_fields(membership, account, text, exception, requested_time, now)
    with transaction.atomic():
        post = Post.objects.create(
            school=membership.school,
            account=account,
            author=membership.user,
            text=text,
            exception=exception,
            exception_reason=exception_reason.strip(),
            requested_time=None if exception else requested_time,
            created_at=now,
        )
        record(
            membership.school,
            membership.user,
            "post.created",
            f"Draft written for {account.name}",
            post,
            {"account": account.name, "text": text},
        )
    return post


def edit(
    post: Post,
    membership: Membership,
    *,
    text: str,
    account: Account | None = None,
    exception: str | None = None,
    exception_reason: str | None = None,
    requested_time: datetime | None = None,
    now: datetime | None = None,
) -> Post:
    """Change a post that has not gone out (post.edited, with the old and new text).

    A post waiting for approval or scheduled goes back to being a draft: its
    approval and place in the queue no longer apply to the new words.
    """
    now = _now(now)
    _require(post, "edit")
    if not may_edit(membership, post):
        raise NotAllowed(
            "Only the person who wrote this post can change it. You can send it back with a comment."
        )
    account = account if account is not None else post.account
    exception = post.exception if exception is None else exception
    exception_reason = post.exception_reason if exception_reason is None else exception_reason.strip()
    requested_time = None if exception else requested_time
    _validate_fields(membership, account, text, exception, requested_time, now)
    with transaction.atomic():
        _lock(post)
        _require(post, "edit")
        before = {
            "text": post.text,
            "account": post.account.name,
            "exception": post.exception,
            "exception_reason": post.exception_reason,
            "requested_time": post.requested_time.isoformat() if post.requested_time else None,
        }
        after = {
            "text": text,
            "account": account.name,
            "exception": exception,
            "exception_reason": exception_reason,
            "requested_time": requested_time.isoformat() if requested_time else None,
        }
        changed = sorted(k for k in before if before[k] != after[k])
        if not changed:
            return post
        was = post.status
        stale_check = post.text != text  # the old check was of other words
        post.text, post.account, post.exception = text, account, exception
        post.exception_reason, post.requested_time = exception_reason, requested_time
        reopen(post, stale_check=stale_check)
        data: dict[str, Any] = {"changed": changed, "old": before, "new": after}
        if was != post.status:
            data["status"] = {"old": was, "new": post.status}
        record(
            post.school, membership.user, "post.edited", f"Post changed ({', '.join(changed)})", post, data
        )
    return post


def reopen(post: Post, *, stale_check: bool = True) -> None:
    """A post that has not gone out was changed (its words, account or photos): what sending it did
    no longer applies, and the post is saved.

    Waiting for approval or scheduled, it goes back to being a draft; a scheduled or held post
    leaves the publishing queue; its approval and time are cleared. ``stale_check``: the stored
    check was of something else and is cleared too. The caller holds the post's row lock and
    records the change.
    """
    if post.status in (Status.SCHEDULED, Status.HELD):
        publisher().cancel(post)
    if post.status in (Status.PENDING, Status.SCHEDULED):
        post.status = Status.DRAFT
    post.submitted_at = post.approved_at = post.scheduled_for = None
    post.approved_by = None
    if stale_check:
        post.last_check, post.checked_at = {}, None
    post.save()


def run_check(post: Post, actor: Any = None, *, now: datetime | None = None) -> Report:
    """Check the post as it would go out now, store the result on it and record post.checked.

    Uses the school's current policy and roster, the writer's role, the
    exception claimed and the time the post would go out.
    """
    now = _now(now)
    school = School.objects.get(pk=post.school_id)  # the policy now, not when the post was loaded
    at = planned_time(school.policy, now, post.exception, post.requested_time)
    report = check_saved_post(post, at)
    school = post.school
    with transaction.atomic():
        post.last_check = stored_check(report, school, at)
        post.checked_at = now
        post.save(update_fields=["last_check", "checked_at", "updated_at"])
        record(school, actor, "post.checked", check_summary(report), post, check_audit_data(report, school))
    return report


def _blocking_message(report: Report) -> tuple[str, list[str]]:
    blocking = report.blocking
    things = "thing" if len(blocking) == 1 else "things"
    problems = [f.message for f in blocking]
    return (
        f"This post can't go out yet: {len(blocking)} {things} must change. Change the marked words "
        "(or the photos) and try again.",
        problems,
    )


@dataclass(frozen=True)
class Submission:
    """A post that may be sent: its check, and the writer's reason for each warning."""

    report: Report
    reasons: tuple[tuple[Finding, str], ...]


def submit(
    post: Post,
    membership: Membership,
    *,
    overrides: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Post:
    """Send a post on: to the approval queue (post.submitted) or straight to scheduling.

    ``overrides`` maps each warning's key (:func:`keyed_warnings`) to the writer's reason
    for posting despite it. Blocking findings, a warning without a reason, or an
    exception without a reason or beyond the writer's role stop it
    (:class:`SubmitError`, nothing changed but the recorded check).
    """
    now = _now(now)
    return do_submit(post, membership, check_submit(post, membership, overrides=overrides, now=now), now=now)


def check_submit(
    post: Post, membership: Membership, *, overrides: Mapping[str, str] | None = None, now: datetime
) -> Submission:
    """Whether the member may send the post now, through the access helpers and a fresh check
    (recorded, post.checked); raises :class:`PostError` saying what to do. Changes nothing else."""
    overrides = overrides or {}
    _require(post, "submit")
    if post.author_id != membership.user_id:
        raise NotAllowed("Only the person who wrote this post can send it.")
    refusal = submit_refusal(membership)
    if refusal:
        raise NotAllowed(refusal)
    if not accounts_for(membership).filter(pk=post.account_id).exists():
        raise NotAllowed(f"You can't post from {post.account.name} any more. Choose another account.")
    policy = membership.school.policy
    if post.exception:
        allowed = allowed_exceptions(membership)
        label = Post.Exception(post.exception).label.split(" (")[0].lower()
        if post.exception not in allowed:
            roles = policy.posting_window.exceptions.get(post.exception)  # type: ignore[call-overload]
            who = ", ".join(r.replace("-", " ") for r in roles.roles) if roles else "nobody"
            raise SubmitError(
                f"The school's policy lets only these roles post outside {describe_window(policy)} "
                f"as {label}: {who}. Choose an ordinary post, or ask one of them."
            )
        if not post.exception_reason.strip():
            raise SubmitError(
                f"Say why this is {label} and can't wait for posting hours: the reason is recorded."
            )
    elif post.requested_time is not None:
        problem = window_problem(policy, post.requested_time, now)
        if problem:
            raise SchedulingError(problem)

    report = run_check(post, membership.user, now=now)
    if report.blocking:
        message, problems = _blocking_message(report)
        raise SubmitError(message, problems)
    warnings = keyed_warnings(report, post.text)
    missing = [key for key, _ in warnings if not str(overrides.get(key, "")).strip()]
    if missing:
        n = len(missing)
        raise SubmitError(
            f"{n} warning{'s' if n != 1 else ''} still need{'s' if n == 1 else ''} a reason. "
            "Say why this post should go out anyway, or change the words.",
            [f.message for key, f in warnings if key in missing],
            missing_reasons=missing,
        )
    return Submission(report, tuple((finding, str(overrides[key]).strip()) for key, finding in warnings))


def do_submit(post: Post, membership: Membership, submission: Submission, *, now: datetime) -> Post:
    """Send a post :func:`check_submit` allowed: its overrides and exception recorded, then to the
    approval queue or straight to scheduling.

    Locks the post's row and checks its status again, so two sends at once cannot both go through.
    """
    report = submission.report
    with transaction.atomic():
        _lock(post)
        _require(post, "submit")
        for finding, reason in submission.reasons:
            Override.objects.create(
                post=post,
                rule=finding.rule,
                category=finding.category,
                message=finding.message,
                reason=reason,
                user=membership.user,
                created_at=now,
            )
            record(
                post.school,
                membership.user,
                "post.override",
                f"Warning overridden ({finding.category}): {reason}",
                post,
                {
                    "rule": finding.rule,
                    "category": finding.category,
                    "message": finding.message,
                    "reason": reason,
                },
            )
        if post.exception:
            record(
                post.school,
                membership.user,
                "post.exception",
                f"Sent outside posting hours as {exception_words(post.exception)} by "
                f"{membership.user.get_full_name() or membership.user.get_username()}: {post.exception_reason}",
                post,
                {
                    "exception": post.exception,
                    "reason": post.exception_reason,
                    "by": membership.user.get_username(),
                    "role": membership.role,
                },
            )
        post.submitted_at = now
        post.held_reason = ""
        post.approved_by, post.approved_at = None, None
        if needs_approval(membership, post.account):
            post.status = Status.PENDING
            post.save()
            record(
                post.school,
                membership.user,
                "post.submitted",
                f"Sent for approval ({post.account.name})",
                post,
                {"account": post.account.name, "verdict": str(report.verdict)},
            )
        else:
            post.save()
            schedule(post, membership.user, now=now)
    return post


def approve(post: Post, membership: Membership, *, comment: str = "", now: datetime | None = None) -> Post:
    """Approve a post waiting in the queue, after checking it again; then schedule it.

    The roster or policy may have changed since it was written: a post that now
    has blocking findings is HELD with the reason (post.held), not approved.
    """
    now = _now(now)
    _require(post, "approve")
    _require_approver(post, membership)
    report = run_check(post, membership.user, now=now)
    with transaction.atomic():
        _lock(post)
        _require(post, "approve")
        if report.blocking:
            _, problems = _blocking_message(report)
            post.status = Status.HELD
            post.held_reason = (
                "When it was checked again for approval, it no longer met the school's policy "
                "(the pupil roster or the policy may have changed since it was written): "
                + " ".join(problems)
                + " The writer needs to change it and send it again."
            )
            post.save()
            record(
                post.school,
                membership.user,
                "post.held",
                "Held at approval: it now has blocking findings",
                post,
                {"categories": sorted({f.category for f in report.blocking}), "problems": problems},
            )
            return post
        Review.objects.create(
            post=post,
            reviewer=membership.user,
            decision=Review.Decision.APPROVED,
            comment=comment.strip(),
            created_at=now,
        )
        post.approved_by, post.approved_at = membership.user, now
        post.save()
        record(
            post.school,
            membership.user,
            "post.approved",
            "Approved" + (f": {comment.strip()}" if comment.strip() else ""),
            post,
            {
                "comment": comment.strip(),
                "warnings": [f.category for _, f in keyed_warnings(report, post.text)],
                "verdict": str(report.verdict),
            },
        )
        schedule(post, membership.user, now=now)
    return post


def request_changes(post: Post, membership: Membership, *, comment: str, now: datetime | None = None) -> Post:
    """Send a post back to its writer with a comment saying what to change (post.changes_requested)."""
    now = _now(now)
    _require(post, "request_changes")
    _require_approver(post, membership)
    comment = comment.strip()
    if not comment:
        raise PostError("Write a comment saying what to change, so the writer knows what to do.")
    with transaction.atomic():
        _lock(post)
        _require(post, "request_changes")
        Review.objects.create(
            post=post,
            reviewer=membership.user,
            decision=Review.Decision.CHANGES,
            comment=comment,
            created_at=now,
        )
        post.status = Status.CHANGES_REQUESTED
        post.save()
        record(
            post.school,
            membership.user,
            "post.changes_requested",
            f"Sent back for changes: {comment}",
            post,
            {"comment": comment},
        )
    return post


def _require_approver(post: Post, membership: Membership) -> None:
    if post.author_id == membership.user_id:
        raise NotAllowed("You can't approve your own post: another approver has to look at it.")
    if not can_approve(membership, post.account, post.author_id):
        approvers = membership.school.policy.accounts.approvers
        who = " or ".join(a.replace("-", " ") for a in approvers)
        raise NotAllowed(
            f"Posts on {post.account.name} are approved by the {who}, as the school's policy says."
        )


def schedule(post: Post, actor: Any, *, now: datetime | None = None) -> Post:
    """Give a submitted (and, where needed, approved) post its time, and queue it for publishing.

    Exceptions go out now; a picked time must be inside the posting window; an
    ordinary post goes out at the next moment the window is open (post.scheduled).
    """
    now = _now(now)
    _require(post, "schedule")
    if post.submitted_at is None:
        raise TransitionError("This post has not been sent yet, so it can't be scheduled. Send it first.")
    if post.last_check.get("verdict") == "block":
        raise TransitionError("This post has things that must change before it can be scheduled.")
    author = _author_membership(post)
    if (author is None or needs_approval(author, post.account)) and post.approved_at is None:
        raise TransitionError("This post needs approval before it can be scheduled.")
    policy = post.school.policy
    if post.exception:
        when = now
    else:
        if post.requested_time is not None and post.requested_time > now:
            problem = window_problem(policy, post.requested_time, now)
            if problem:
                raise SchedulingError(problem)
        when = planned_time(policy, now, "", post.requested_time)
    words = "now" if post.exception else moment_words(when, now, policy)
    summary = scheduled_summary(post.exception, words)
    return _put_on_schedule(
        post, "schedule", actor, when, summary, {"in_words": words, "exception": post.exception}
    )


def retry(post: Post, membership: Membership, *, now: datetime | None = None) -> Post:
    """Try a failed post again: back on the schedule, now if the window is open, else at its next start.

    The publish task checks the post against the current policy and roster again before anything
    goes out, and targets it already reached are not posted to twice.
    """
    now = _now(now)
    _require(post, "retry")
    if not may_delete(membership, post):
        raise NotAllowed("Only the writer, the account holder or a senior leader can try this post again.")
    policy = post.school.policy
    when = now if post.exception else planned_time(policy, now, "", None)
    words = "now" if when == now else moment_words(when, now, policy)
    return _put_on_schedule(
        post,
        "retry",
        membership.user,
        when,
        f"Trying again: scheduled for {words}",
        {"in_words": words, "retry": True},
    )


def scheduled_summary(exception: str, words: str) -> str:
    """The audit log's sentence for a post given its time (post.scheduled)."""
    return f"To go out now, as {exception_words(exception)}" if exception else f"Scheduled for {words}"


def _put_on_schedule(
    post: Post, action: str, actor: Any, when: datetime, summary: str, data: dict[str, Any]
) -> Post:
    """Make the post SCHEDULED for ``when`` (post.scheduled) and queue it for publishing.

    Locks the post's row and checks ``action`` is still allowed from its status, so two people
    scheduling or retrying at once cannot both queue it.
    """
    with transaction.atomic():
        _lock(post)
        _require(post, action)
        post.status = Status.SCHEDULED
        post.scheduled_for = when
        post.save()
        record(
            post.school, actor, "post.scheduled", summary, post, {"scheduled_for": when.isoformat(), **data}
        )
        publisher().queue(post)
    post.refresh_from_db()
    return post


def delete(post: Post, membership: Membership, *, now: datetime | None = None) -> list[str]:
    """Delete a post (kept, marked DELETED): publishing stops, a published post is taken down, and
    its photos' files are deleted.

    Returns the places it could not be taken down from (the member of staff must remove it there).
    """
    _require(post, "delete")
    if not may_delete(membership, post):
        raise NotAllowed("Only the writer, the account holder or a senior leader can delete this post.")
    with transaction.atomic():
        _lock(post)
        _require(post, "delete")
        was = post.status
        post.status = Status.DELETED
        post.save()
        publisher().cancel(post)  # nothing more goes out
        record(
            post.school,
            membership.user,
            "post.deleted",
            "Deleted" + (" and taken down" if was == Status.PUBLISHED else ""),
            post,
            {"previous_status": was},
        )
        if post.photos.exists():
            clean_up_photos.enqueue(post.pk)
    # A failed or half-published post may already be live on some targets: take it down everywhere.
    # The platforms are asked outside the transaction, so a slow one holds no database lock.
    not_removed = publisher().withdraw(post)
    if not_removed:
        with transaction.atomic():
            record(
                post.school,
                membership.user,
                "post.takedown_failed",
                f"Could not be taken down from {', '.join(not_removed)}: remove it there by hand",
                post,
                {"not_removed_from": not_removed},
            )
    return not_removed


#: Posts on their way out that a consent withdrawal checks again at once.
AWAITING = (Status.PENDING, Status.SCHEDULED)


def hold_on_withdrawn_consent(
    sender: Any, *, pupil: Pupil, withdrawn: str, actor: Any, **kwargs: Any
) -> list[Post]:
    """The receiver of :data:`apps.schools.signals.consent_withdrawn` (connected in ``PostsConfig.ready``)."""
    return hold_for_withdrawn_consent(pupil, withdrawn, actor)


def hold_for_withdrawn_consent(pupil: Pupil, withdrawn: str, actor: Any) -> list[Post]:
    """Check again, now, every post waiting for approval or scheduled that shows ``pupil``.

    Called when the pupil's consent is withdrawn (``withdrawn`` says which, for the reason). The
    policy's own blurring is applied again first; a post whose photos still break the policy is
    HELD with the reason, taken out of the publishing queue and recorded, so nothing goes out
    until its writer changes it and sends it again. Its writer and approvers see it under
    "Needs your attention". Returns the posts held.
    """
    held: list[Post] = []
    for post in posts_showing(pupil, AWAITING).select_related("school", "author"):
        refresh_renditions(post)
        findings, _ = photo_findings(post)
        blocking = [f for f in findings if f.severity == "block"]
        if not blocking:
            continue  # the policy's blurring already hides the pupil, or the face is not shown
        reason = (
            f"{pupil.first_name} {pupil.surname}'s {withdrawn} was withdrawn after this post was "
            f"written, and they are in its photos. Blur their face or remove the photo, then send it again."
        )
        with transaction.atomic():
            locked = Post.objects.select_for_update().filter(pk=post.pk, status__in=AWAITING).first()
            if locked is None:
                continue  # it moved on meanwhile (publishing checks the photos again itself)
            was = locked.status
            if was == Status.SCHEDULED:
                publisher().cancel(locked)
            locked.status, locked.held_reason = Status.HELD, reason
            locked.save(update_fields=["status", "held_reason", "updated_at"])
            record(
                locked.school,
                actor,
                "post.held",
                f"Held after consent was withdrawn: {reason}"[:500],
                locked,
                {
                    "pupil": pupil.pk,
                    "status": {"old": was, "new": Status.HELD},
                    "findings": [f.to_dict() for f in blocking],
                },
            )
        held.append(locked)
    return held

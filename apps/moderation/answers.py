"""Answering questions from the inbox where the policy takes them (COU-02).

A reply is written beside the question, checked like any post (names, whereabouts, tone: the
school's own checker and rules), approved as the policy says (``accounts.approval_required_for``
and ``approvers``), then published as a reply on the platform. Where the policy takes no replies
(``interaction.replies`` is not ``open``) there is no reply at all.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from apps.audit.actions import record
from apps.moderation import ingest
from apps.moderation.actions import ActionRefused, connection_for
from apps.moderation.models import InboxItem, Label, Reply
from apps.platforms.base import PermanentError, RetryableError
from apps.posts.checking import check_text
from apps.schools.models import Membership
from apps.schools.permissions import can_approve, can_publish, needs_approval

ANSWERABLE = (Label.NEUTRAL, Label.POSITIVE)


def can_answer(item: InboxItem) -> bool:
    """Whether the policy takes questions and the item is one the school may answer."""
    return item.school.policy.interaction.replies == "open" and item.label in ANSWERABLE and not item.is_own


def write(item: InboxItem, membership: Membership, text: str) -> Reply:
    """Check the answer and keep it; publish it at once unless the policy wants it approved first."""
    if not can_answer(item):
        raise ActionRefused("The school's policy does not answer replies, so there is no reply here.")
    if membership.school_id != item.school_id or not can_publish(membership):
        raise ActionRefused("Your role cannot post for the school, so it cannot answer either.")
    text = text.strip()
    if not text:
        raise ActionRefused("Write the answer first.")
    report = check_text(item.school, text, at=None, role=membership.role)
    if report.blocking:
        problems = " ".join(f"{finding.message}" for finding in report.blocking)
        raise ActionRefused(f"The answer cannot go out as it is: {problems}")
    waiting = needs_approval(membership, item.account)
    with transaction.atomic():
        answer = Reply.objects.create(
            school=item.school,
            item=item,
            author=membership.user,
            text=text,
            status=Reply.Status.WAITING,
            key=uuid.uuid4(),
        )
        record(
            item.school,
            membership.user,
            "inbox.answer_written",
            f"Answer written to {item.author_handle}",
            item,
            {"text": text},
        )
    if not waiting:
        publish(answer, membership, approved=False)
    return answer


def approve(answer: Reply, membership: Membership) -> None:
    """Approve an answer waiting for approval, then publish it."""
    if answer.status != Reply.Status.WAITING:
        raise ActionRefused("This answer is not waiting for approval.")
    if membership.school_id != answer.school_id or not can_approve(
        membership, answer.item.account, answer.author_id
    ):
        raise ActionRefused(
            "The school's policy says someone else approves this answer (nobody approves their own)."
        )
    publish(answer, membership, approved=True)


def publish(answer: Reply, membership: Membership, *, approved: bool) -> None:
    """Send the answer as a reply on the platform; a failure is kept on the answer with the platform's words."""
    item = answer.item
    if approved:
        answer.approved_by, answer.approved_at = membership.user, timezone.now()
    try:
        client = ingest.build_client(connection_for(item))
        result = client.reply(
            answer.text, item.external_id, item.root or item.in_reply_to or item.external_id, answer.key
        )
    except (PermanentError, RetryableError) as exc:
        answer.status = Reply.Status.FAILED
        answer.error = exc.explain() if isinstance(exc, PermanentError) else exc.message
        answer.save()
        record(
            item.school,
            membership.user,
            "inbox.answer_failed",
            f"Answer to {item.author_handle} not published",
            item,
            {"error": answer.error[:500]},
        )
        raise ActionRefused(f"The answer could not be published: {answer.error}") from exc
    answer.status = Reply.Status.PUBLISHED
    answer.external_id, answer.url = result.external_id[:300], result.url[:500]
    answer.save()
    InboxItem.objects.filter(pk=item.pk).update(state=InboxItem.State.DEALT_WITH, pinned=False)
    record(
        item.school,
        membership.user,
        "inbox.answer_published",
        f"Answer to {item.author_handle} published on {item.platform}",
        item,
        {"external_id": answer.external_id, "approved_by": answer.approved_by_id},
    )

"""What reviewers do about followers and follow requests; every decision is recorded and audited.

Each decision names who made it and why (CAT-11, NNF-03, SUT-09). What a platform allows decides
the options: Mastodon removes a follower without blocking; Bluesky cannot remove one, so a block
is the way (it stays, as unblocking makes them a follower again); X's API can do none of it, so
the page says how to do it on X and the reviewer records that it was done. Staff personal
accounts are removed as the policy says and the member of staff is told why (RAC-09). A locked
account's follow requests are answered here by the reviewers (COU-04).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import record
from apps.common.crypto import CredentialsUnreadable
from apps.followers import clients, judging
from apps.followers import review as review_status
from apps.followers.models import Decision, Follower, PersonalAccount, Review
from apps.followers.permissions import can_review, reviewer_roles
from apps.notifications.actions import notify_user
from apps.platforms import actions as platform_actions
from apps.platforms.base import AuthError, PermanentError, RetryableError, UnsupportedError
from apps.platforms.models import Connection
from apps.platforms.registry import label_of
from apps.platforms.wording import name_of
from apps.schools.models import Membership
from safepost.accounts.profiles import normalise_handle

#: X has no reporting API: its own form, opened in a new tab, and the report recorded.
X_REPORT_FORM = "https://help.x.com/forms/safety-and-sensitive-content"
#: The most followers one bulk decision that calls the platform may cover (each is a call).
BULK_PLATFORM_LIMIT = 200

LABELS = {
    "keep": "Keep",
    "remove": "Remove from followers",
    "block": "Block",
    "report": "Block and report",
}
STATE_AFTER = {
    "keep": Follower.State.KEPT,
    "remove": Follower.State.REMOVED,
    "block": Follower.State.BLOCKED,
    "report": Follower.State.REPORTED,
}
BY_HAND_ON_X = {
    "remove": (
        "X does not let Safepost remove a follower. On x.com or in the X app open the school's profile, "
        "then Followers; press ⋯ beside the account and choose “Remove this follower”. Then record it here."
    ),
    "block": (
        "X does not let Safepost block on the school's plan. Open the account on x.com, press ⋯ and choose "
        "Block. Then record it here."
    ),
    "report": (
        "X has no way for Safepost to report. Open the account on x.com, press ⋯, choose Report, and block "
        "it from the same menu; or use X's form (it opens in a new tab). Then record it here."
    ),
}
BLUESKY_NO_REMOVE = (
    "Bluesky cannot remove a follower: the follow belongs to their account. Block it instead (the block "
    "stays: blocking then unblocking leaves them following on Bluesky). They can see they are blocked."
)
STAFF_RULE = "The school's policy says staff personal accounts may not follow the school's accounts (RAC-09)."


class ActionRefused(Exception):
    """The decision cannot be made: ``str()`` says why, for the person at the screen."""


@dataclass(frozen=True)
class Option:
    """One decision as the page offers it: done by Safepost, done by hand and recorded, or not at all."""

    key: str
    label: str
    available: bool
    by_hand: bool = False
    why: str = ""
    link: str = ""


def options(follower: Follower) -> list[Option]:
    """The decisions a reviewer can make about this follower on its platform."""
    found = [Option("keep", LABELS["keep"], True)]
    if follower.relation == Follower.Relation.REQUEST:
        return []
    if not follower.still_following:
        return [Option("keep", "Clear it from the queue", True, why="It no longer follows the school.")]
    for key in ("remove", "block", "report"):
        if follower.platform == "x":
            found.append(
                Option(
                    key, LABELS[key], True, True, BY_HAND_ON_X[key], X_REPORT_FORM if key == "report" else ""
                )
            )
        elif follower.platform == "bluesky" and key == "remove":
            found.append(Option(key, LABELS[key], False, why=BLUESKY_NO_REMOVE))
        else:
            found.append(Option(key, LABELS[key], True))
    return found


def _check(follower: Follower, membership: Membership) -> None:
    if membership.school_id != follower.school_id or not can_review(membership):
        raise ActionRefused(
            f"The school's policy says the {reviewer_roles(membership)} review followers. Ask one of them."
        )


def check_decide(follower: Follower, membership: Membership, action: str, by_hand: bool = False) -> Option:
    """The option for ``action`` if this member may take it on this follower; :class:`ActionRefused` if not."""
    _check(follower, membership)
    option = next((o for o in options(follower) if o.key == action), None)
    if option is None:
        raise ActionRefused("That is not a decision that can be made about this follower.")
    if not option.available:
        raise ActionRefused(option.why)
    if option.by_hand and not by_hand:
        raise ActionRefused(option.why)
    return option


def connection_for(follower: Follower) -> Connection:
    """The live connection to act through, or :class:`ActionRefused` saying what to do instead."""
    connection, why = platform_actions.acting_connection(
        follower.connection, follower.account, follower.platform
    )
    if connection is None:
        raise ActionRefused(why)
    return connection


def _perform(client: Any, follower: Follower, action: str, reason: str) -> str:
    """Ask the platform; returns what to record."""
    if action == "remove":
        removal = client.remove_follower(follower.external_id)
        if removal.method == "block":
            return f"{follower.handle} is blocked (Bluesky cannot remove a follower). {removal.note}"
        return f"{follower.handle} no longer follows the school (they are not told)."
    if action == "block":
        client.block(follower.external_id)
        return (
            f"{follower.handle} is blocked: it no longer follows the school and cannot see its posts there."
        )
    if action == "report":
        comment = reason or f"Reported by {follower.school.name}: an unsuitable account following a school."
        if follower.platform == "mastodon":
            client.report(
                follower.external_id, [], comment, "spam" if follower.recommended == "block" else ""
            )
        else:
            client.report(follower.external_id, comment, "spam")
        client.block(follower.external_id)
        return f"{follower.handle} is reported to {label_of(follower.platform)}'s moderators and blocked."
    raise ActionRefused("Safepost does not know that decision.")


def decide(
    follower: Follower, membership: Membership, action: str, reason: str = "", *, by_hand: bool = False
) -> Decision:
    """Make one decision: keep, or remove, block or report on the platform (or record it done by hand).

    A platform refusal is recorded as a failed decision with the platform's words and raised as
    :class:`ActionRefused`; the follower stays in the queue.
    """
    option = check_decide(follower, membership, action, by_hand)
    user = membership.user
    reason = reason.strip()[:1000] or default_reason(follower, action)
    if action == "keep":
        detail = "Kept as a follower."
        if not follower.still_following:
            detail = "Cleared from the queue: it no longer follows the school."
        outcome = Decision.Outcome.DONE
    elif option.by_hand:
        detail = f"Done by hand on {label_of(follower.platform)} by {name_of(user)}."
        outcome = Decision.Outcome.RECORDED
    else:
        detail = _onlabel_of(follower, user, action, reason)
        outcome = Decision.Outcome.DONE
    decision = _record(follower, user, action, outcome, detail, reason)
    if action != "keep" and follower.staff_id and follower.staff_certain:
        _tell_staff(follower, action, by_hand=option.by_hand)
    return decision


def default_reason(follower: Follower, action: str) -> str:
    """The why recorded when the reviewer gave none: Safepost's recommendation, when they followed it."""
    if action == "keep" and not follower.flagged:
        return "Nothing in the profile gave cause for concern."
    if action == follower.recommended:
        return f"As Safepost recommended: {follower.recommended_reason}"[:1000]
    seen = ", ".join(str(s.get("label", "")).lower() for s in follower.signals) or "nothing"
    recommended = {**LABELS, "review": "look closer"}.get(follower.recommended, follower.recommended)
    return f"The reviewer's judgement (Safepost saw: {seen}; it recommended: {recommended.lower()})."[:1000]


def _onlabel_of(follower: Follower, user: Any, action: str, reason: str) -> str:
    connection = connection_for(follower)
    try:
        client = clients.build(connection)
        return _perform(client, follower, action, reason)
    except (UnsupportedError, PermanentError, RetryableError, CredentialsUnreadable) as exc:
        message = exc.explain() if isinstance(exc, PermanentError) else getattr(exc, "message", str(exc))
        if isinstance(exc, AuthError):
            platform_actions.mark_reconnect_needed(connection.pk, message)
        _record(follower, user, action, Decision.Outcome.FAILED, message, reason)
        raise ActionRefused(f"{label_of(follower.platform)} did not do it: {message}") from exc


def _record(follower: Follower, user: Any, action: str, outcome: str, detail: str, reason: str) -> Decision:
    failed = outcome == Decision.Outcome.FAILED
    with transaction.atomic():
        decision = Decision.objects.create(
            school=follower.school,
            follower=follower,
            action=action,
            by=user,
            outcome=outcome,
            detail=detail[:2000],
            reason=reason,
        )
        if not failed:
            follower.state = STATE_AFTER[action]
            follower.decided_by = user
            follower.decided_at = decision.at
            follower.decision_reason = reason
            follower.save(update_fields=["state", "decided_by", "decided_at", "decision_reason"])
        who = name_of(user) if user else "Safepost (the school's policy)"
        record(
            follower.school,
            user,
            f"followers.{action}" + ("_failed" if failed else ""),
            f"{LABELS[action]}: {follower.handle} on {label_of(follower.platform)}, by {who}"
            + (f". Why: {reason}" if reason else "")
            + (f". It failed: {detail}" if failed else ""),
            follower,
            {
                "action": action,
                "outcome": outcome,
                "reason": reason,
                "platform": follower.platform,
                "external_id": follower.external_id,
                "signals": [s.get("code") for s in follower.signals],
                "recommended": follower.recommended,
            },
        )
    return decision


def keep_many(followers: Sequence[Follower], membership: Membership, reason: str = "") -> int:
    """Keep many followers at once: one update, one decision each, one audit entry listing them."""
    if not followers:
        return 0
    for follower in followers:
        _check(follower, membership)
    user = membership.user
    reason = reason.strip()[:1000]
    now = timezone.now()
    ids = [f.pk for f in followers]
    school = followers[0].school
    with transaction.atomic():
        Follower.objects.filter(pk__in=ids, school=school).update(
            state=Follower.State.KEPT, decided_by=user, decided_at=now, decision_reason=reason
        )
        Decision.objects.bulk_create(
            [
                Decision(
                    school=school,
                    follower_id=pk,
                    action="keep",
                    by=user,
                    at=now,
                    reason=reason,
                    outcome=Decision.Outcome.DONE,
                    detail="Kept as a follower (decided with others).",
                )
                for pk in ids
            ],
            batch_size=500,
        )
        record(
            school,
            user,
            "followers.keep",
            f"Kept {len(ids)} followers at once, by {name_of(user)}" + (f". Why: {reason}" if reason else ""),
            None,
            {
                "action": "keep",
                "followers": ids,
                "handles": [f.handle for f in followers][:1000],
                "reason": reason,
            },
        )
    return len(ids)


@dataclass
class BulkOutcome:
    done: int = 0
    failed: list[str] | None = None


def decide_many(
    followers: Sequence[Follower],
    membership: Membership,
    action: str,
    reason: str = "",
    *,
    by_hand: bool = False,
) -> BulkOutcome:
    """The same decision for many followers; keeping is one write, the rest one platform call each."""
    outcome = BulkOutcome(failed=[])
    if action == "keep":
        outcome.done = keep_many(followers, membership, reason)
        return outcome
    if len(followers) > BULK_PLATFORM_LIMIT:
        raise ActionRefused(
            f"Choose at most {BULK_PLATFORM_LIMIT} followers at a time for this: each one is a call to the platform."
        )
    for follower in followers:
        try:
            decide(follower, membership, action, reason, by_hand=by_hand)
        except ActionRefused as refusal:
            assert outcome.failed is not None
            outcome.failed.append(f"{follower.handle}: {refusal}")
        else:
            outcome.done += 1
    return outcome


# --- staff personal accounts (RAC-09) -----------------------------------------------------------


def remove_staff_follower(follower: Follower) -> Decision | None:
    """Remove a follower that is a member of staff's declared personal account, as the policy says.

    Mastodon removes it; Bluesky can only block it (the block stays); X cannot do either, so the
    follower stays in the queue and the member of staff is asked to unfollow. The member of staff
    is told in every case. Nothing happens when the policy allows staff personal followers.
    """
    school = follower.school
    if school.policy.following.staff_personal_followers != "remove" or not follower.staff_certain:
        return None
    if follower.state != Follower.State.PENDING or not follower.still_following:
        return None
    if follower.platform == "x":
        _tell_staff(follower, "remove", by_hand=True)
        return None
    action = "remove" if follower.platform == "mastodon" else "block"
    try:
        detail = _onlabel_of(follower, None, action, STAFF_RULE)
    except ActionRefused:
        return None  # recorded as failed; stays in the queue for a reviewer
    decision = _record(follower, None, action, Decision.Outcome.DONE, detail, STAFF_RULE)
    _tell_staff(follower, action, by_hand=False)
    return decision


def _tell_staff(follower: Follower, action: str, *, by_hand: bool) -> None:
    if follower.staff is None:
        return
    platform = label_of(follower.platform)
    account = follower.account.name
    if by_hand and follower.platform == "x" and follower.state == Follower.State.PENDING:
        title = f"Please unfollow {account} on X from your personal account"
        body = (
            f"Your personal account {follower.handle} follows {account} on X. {STAFF_RULE} X does not let "
            f"Safepost remove followers, so please unfollow it yourself: open {account}'s profile on X and "
            "press Following, then Unfollow. Follow the school with a class account if you have one."
        )
    else:
        what = {
            "remove": "removed from the followers of",
            "block": "blocked by",
            "report": "blocked by",
        }.get(action, "removed from the followers of")
        title = f"Your personal account was {what} {account} on {platform}"
        body = (
            f"{follower.handle} was {what} {account} on {platform}. {STAFF_RULE} This is not a complaint "
            "about you: the policy keeps staff's personal lives apart from the school's accounts. "
            "Follow the school with a class account if you have one, and ask the headteacher if you "
            "think this is a mistake."
        )
        if follower.platform == "bluesky":
            body += " (Bluesky cannot remove a follower, so the school's account blocked yours.)"
    notify_user(school=follower.school, user=follower.staff, kind="followers.staff", title=title, body=body)


# --- follow requests on a protected account (COU-04) ---------------------------------------------


def answer_request(follower: Follower, membership: Membership, approve: bool, reason: str = "") -> Decision:
    """Approve or turn down a request to follow a locked account, on the platform, recorded."""
    _check(follower, membership)
    if follower.relation != Follower.Relation.REQUEST or follower.state != Follower.State.PENDING:
        raise ActionRefused("This request has already been answered or withdrawn.")
    action = "approve" if approve else "reject"
    user = membership.user
    reason = reason.strip()[:1000]
    connection = connection_for(follower)
    try:
        client = clients.build(connection)
        if approve:
            client.authorize_follow_request(follower.external_id)
        else:
            client.reject_follow_request(follower.external_id)
    except (UnsupportedError, PermanentError, RetryableError, CredentialsUnreadable) as exc:
        message = exc.explain() if isinstance(exc, PermanentError) else getattr(exc, "message", str(exc))
        if isinstance(exc, AuthError):
            platform_actions.mark_reconnect_needed(connection.pk, message)
        raise ActionRefused(f"{label_of(follower.platform)} did not do it: {message}") from exc
    with transaction.atomic():
        decision = Decision.objects.create(
            school=follower.school,
            follower=follower,
            action=action,
            by=user,
            outcome=Decision.Outcome.DONE,
            reason=reason,
            detail=f"{follower.handle} may now follow the school." if approve else "Request turned down.",
        )
        follower.relation = Follower.Relation.FOLLOWER if approve else Follower.Relation.REQUEST
        follower.state = Follower.State.KEPT if approve else Follower.State.REJECTED
        follower.still_following = approve
        follower.decided_by, follower.decided_at, follower.decision_reason = user, decision.at, reason
        follower.save(
            update_fields=[
                "relation",
                "state",
                "still_following",
                "decided_by",
                "decided_at",
                "decision_reason",
            ]
        )
        record(
            follower.school,
            user,
            f"followers.request_{action}",
            f"Follow request from {follower.handle} on {label_of(follower.platform)} "
            f"{'approved' if approve else 'turned down'} by {name_of(user)}"
            + (f". Why: {reason}" if reason else ""),
            follower,
            {"reason": reason, "signals": [s.get("code") for s in follower.signals]},
        )
    return decision


# --- the review itself (SUT-09) ------------------------------------------------------------------


def finish_review(membership: Membership, note: str = "") -> Review:
    """Record that the follower review is done; refused while followers still wait for a decision."""
    if not can_review(membership):
        raise ActionRefused(
            f"The school's policy says the {reviewer_roles(membership)} review followers. Ask one of them."
        )
    school = membership.school
    waiting = Follower.objects.filter(school=school, state=Follower.State.PENDING).count()
    if waiting:
        raise ActionRefused(
            f"{waiting} follower{'s' if waiting != 1 else ''} still wait for a decision. Decide about them "
            "first (keeping everyone with nothing flagged takes one click)."
        )
    last = Review.objects.filter(school=school).order_by("-done_at").first()
    decided = Decision.objects.filter(school=school).exclude(outcome=Decision.Outcome.FAILED)
    if last is not None:
        decided = decided.filter(at__gt=last.done_at)
    # When the cadence wanted this review: the longest-waiting follower it covered, plus the
    # cadence (kept, as the policy may change; the governors' report says on time or late).
    period = review_status.CADENCE.get(school.policy.following.follower_review)
    oldest = Follower.objects.filter(decisions__in=decided).aggregate(oldest=Min("first_seen_at"))["oldest"]
    due_at = oldest + period if oldest is not None and period is not None else None
    with transaction.atomic():
        review = Review.objects.create(
            school=school,
            done_by=membership.user,
            decided=decided.count(),
            due_at=due_at,
            note=note.strip()[:2000],
        )
        record(
            school,
            membership.user,
            "followers.review_done",
            f"Follower review done by {name_of(membership.user)}: "
            f"{review.decided} decisions since the last one",
            review,
            {"decided": review.decided, "note": review.note},
        )
    return review


# --- staff declaring their personal accounts -----------------------------------------------------


def declare(membership: Membership, handle: str) -> PersonalAccount:
    """A member of staff declares a personal account, so the review recognises it for certain.

    Followers already stored with that handle are judged again, and removed at once where the
    policy says staff personal accounts may not follow.
    """
    written = handle.strip()[:300]
    normalised = normalise_handle(written)
    if not normalised or any(ch.isspace() for ch in normalised) or len(normalised) < 2:
        raise ActionRefused(
            "Write the handle as it shows on the platform, such as @jo@mastodon.social, jo.bsky.social or @jo "
            "(or paste the profile's address)."
        )
    school = membership.school
    if PersonalAccount.objects.filter(school=school, user=membership.user, normalised=normalised).exists():
        raise ActionRefused("You have already added that account.")
    with transaction.atomic():
        account = PersonalAccount.objects.create(
            school=school, user=membership.user, handle=written, normalised=normalised
        )
        record(
            school,
            membership.user,
            "followers.personal_account_added",
            f"{name_of(membership.user)} declared a personal account: {written}",
            account,
            {"handle": written},
        )
    _rejudge(school, normalised)
    return account


def forget(account: PersonalAccount, membership: Membership) -> None:
    """A member of staff takes back a declared personal account (their own only)."""
    if account.user_id != membership.user.pk or account.school_id != membership.school_id:
        raise ActionRefused("You can only take back accounts you added yourself.")
    with transaction.atomic():
        record(
            membership.school,
            membership.user,
            "followers.personal_account_removed",
            f"{name_of(membership.user)} took back a personal account: {account.handle}",
            account,
            {"handle": account.handle},
        )
        account.delete()


def _rejudge(school: Any, normalised: str) -> None:
    bare = normalised.split("@")[0] if "@" in normalised else normalised
    candidates = Follower.objects.filter(school=school, handle__iexact=normalised) | Follower.objects.filter(
        school=school, handle__iexact=bare
    )
    matching = [
        f
        for f in candidates.select_related("school", "account", "connection")
        if normalise_handle(f.handle) == normalised
    ]
    if not matching:
        return
    context = judging.context_for(school, timezone.now())
    for follower in matching:
        judging.judge(follower, context)
        follower.save(
            update_fields=[
                "signals",
                "flagged",
                "recommended",
                "recommended_reason",
                "staff",
                "staff_certain",
            ]
        )
        remove_staff_follower(follower)


def follower_url(follower: Follower) -> str:
    return reverse("followers:detail", args=[follower.pk])

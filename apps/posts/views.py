"""Writing, checking, approving and following posts.

Every view works inside the member's school (other schools' posts answer 404)
and shows times in the school's time zone. Writes go through apps.posts.actions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.audit.models import AuditEntry
from apps.checker.views import SEVERITY_LABELS, VERDICTS, Card, Piece, build_cards, build_pieces
from apps.platforms import registry
from apps.platforms.wording import shortfalls
from apps.posts import actions
from apps.posts import calendar as post_calendar
from apps.posts.access import accounts_for, agreement_url, may_delete, may_edit, posts_for, submit_refusal
from apps.posts.checking import (
    check_post_content,
    finding_from_dict,
    keyed_warnings,
    moment_words,
    planned_time,
    short_moment,
)
from apps.posts.forms import ComposeForm
from apps.posts.models import Post
from apps.posts.photo_views import PHOTOS_MESSAGE, PhotoView, attach_uploads, photo_context, photo_views
from apps.posts.photos import MAX_PHOTOS
from apps.posts.publisher import Place, publisher
from apps.schools.actions import SchoolError, answer_name_question
from apps.schools.models import Account, Membership
from apps.schools.permissions import (
    can_approve,
    can_publish,
    can_write,
    has_signed_agreement,
    needs_approval,
    why_cannot_publish,
)
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from safepost.photos.policy import UnsuitableImage
from safepost.policy.config import Policy
from safepost.policy.findings import Report, Severity, Verdict
from safepost.policy.rules.outside_posting_window import describe_window, local_time
from safepost.policy.rules.over_length import post_length

PAGE_SIZE = 30
Status = Post.Status
#: What the list shows unless asked for something else: the calendar of posts going or gone out.
CALENDAR_STATUSES = (Status.SCHEDULED, Status.PUBLISHING, Status.PUBLISHED, Status.FAILED, Status.HELD)


def current_time() -> datetime:
    """Now (tests replace this to see the pages at a chosen moment)."""
    return timezone.now()


# --- Pieces shared by the pages ------------------------------------------------------------


def _shortfalls(kind: str, policy: Policy) -> tuple[str, ...]:
    """What this platform cannot do of what the policy asks for a post (replies, quotes, audience)."""
    if kind == "website":
        return ()
    platform = registry.get(kind)
    if platform is None:
        return ()
    # Blocking is about people, not this post: the Connected accounts page says it.
    return tuple(n for n in shortfalls(platform.capabilities, platform.label, policy) if "blocking" not in n)


@dataclass(frozen=True)
class CharacterCount:
    """A target's length limit and how the post measures against it."""

    target: str
    limit: int
    length: int
    notes: tuple[str, ...] = ()

    @property
    def over(self) -> int:
        return self.length - self.limit


def character_counts(policy: Policy, targets: Sequence[Place], text: str) -> tuple[CharacterCount, ...]:
    """The post's length against the limit of every place it goes out to (``targets``).

    Each target counts the way it does (a platform adapter's ``limits()``); the
    policy's ``writing.max_length`` applies everywhere, and is the website
    feed's only limit.
    """
    counts = []
    for target in targets:
        limits = target.limits()
        if limits.max_chars is None:
            limit, length = policy.writing.max_length, post_length(text)
        else:
            limit, length = min(limits.max_chars, policy.writing.max_length), limits.length(text)
        counts.append(
            CharacterCount(
                target.label[:1].upper() + target.label[1:], limit, length, _shortfalls(target.kind, policy)
            )
        )
    return tuple(counts) or (
        CharacterCount("The school's website feed", policy.writing.max_length, post_length(text)),
    )


@dataclass(frozen=True)
class CardView:
    """A finding card, with the override reason box when it is a warning."""

    card: Card
    key: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Preview:
    """The check result as the compose page shows it."""

    text: str
    verdict: Verdict | None
    heading: str
    summary: str
    cards: tuple[CardView, ...]
    pieces: tuple[Piece, ...]
    counts: tuple[CharacterCount, ...]
    when_text: str
    button_label: str
    time_problem: str


def _summary(report: Report) -> str:
    blocking = len(report.blocking)
    warnings = sum(f.severity is Severity.WARN for f in report.findings)
    if blocking:
        things = "thing" if blocking == 1 else "things"
        extra = f", and {warnings} more to look at" if warnings else ""
        return f"{blocking} {things} must change before this can be sent{extra}."
    if warnings:
        things = "warning" if warnings == 1 else "warnings"
        return f"It can go out, but give a reason for the {things} below, or change the words."
    return "Nothing in it goes against the school's policy. Read it through once more before sending."


def _exception_words(kind: str) -> str:
    return Post.Exception(kind).label.split(" (")[0].lower()


#: Why a post using an exception may go out outside posting hours, for the send bar.
_EXCEPTION_REASONS: dict[str, str] = {
    Post.Exception.SCHOOL_EVENT: "news of a school event may go out outside posting hours",
    Post.Exception.URGENT_NEWS: "urgent news may go out outside posting hours",
}


def next_step(
    membership: Membership,
    account: Account | None,
    exception: str,
    requested: datetime | None,
    now: datetime,
) -> tuple[str, str]:
    """(what will happen, in a sentence; the submit button's label)."""
    policy = membership.school.policy
    goes = planned_time(policy, now, exception, requested)
    if account is None or needs_approval(membership, account):
        if exception:
            when = "Once approved, it will go out straight away."
        elif requested is not None:
            when = f"Once approved, it will go out at {moment_words(goes, now, policy)}."
        else:
            when = (
                f"Once approved, it will go out at the next allowed time "
                f"({moment_words(goes, now, policy)} if it is approved now)."
            )
        return when, "Send for approval"
    if exception:
        kind = _exception_words(exception)
        reason = _EXCEPTION_REASONS.get(exception, f"{kind} may go out outside posting hours")
        return f"This will go out as soon as you press the button: {reason}.", f"Publish now ({kind})"
    if goes <= local_time(now, policy):
        return "This will go out straight away: it is within posting hours.", "Publish now"
    when = f"This will go out at {moment_words(goes, now, policy)}."
    if requested is None:
        when += f" Posts go out {describe_window(policy)}."
    return when, f"Schedule for {short_moment(goes, now, policy)}"


def build_preview(
    form: ComposeForm, membership: Membership, now: datetime, post: Post | None = None
) -> Preview:
    """Check what is in the form (nothing is saved) and say what would happen on sending it."""
    school = membership.school
    policy = school.policy
    text = str(form.value_of("text") or (form.data.get("text", "") if form.is_bound else "") or "")
    text = text.replace("\r\n", "\n")
    account = form.value_of("account")
    exception = str(form.value_of("exception") or "")
    requested = form.requested_time()
    time_problem = " ".join(str(e) for e in form.errors.get("at", [])) if form.is_bound else ""
    when_text, label = next_step(membership, account, exception, requested, now)
    # Built once per keystroke: the counters, the photos' consent channels and the length checks use them.
    targets = publisher().places_for(account) if account is not None else []
    counts = character_counts(policy, targets, text)
    if not text.strip():
        return Preview(text, None, "", "", (), (), counts, when_text, label, time_problem)
    at = planned_time(policy, now, exception, requested)
    report = check_post_content(
        school, text, at=at, exception=exception, role=membership.role, post=post, targets=targets
    )
    cards = build_cards(text, report.findings)
    keys = {id(f): key for key, f in keyed_warnings(report, text)}
    reasons = form.overrides()
    views = tuple(
        CardView(c, keys.get(id(c.finding), ""), reasons.get(keys.get(id(c.finding), ""), "")) for c in cards
    )
    return Preview(
        text=text,
        verdict=report.verdict,
        heading=VERDICTS[report.verdict],
        summary=_summary(report),
        cards=views,
        pieces=build_pieces(text, cards),
        counts=counts,
        when_text=when_text,
        button_label=label,
        time_problem=time_problem,
    )


def saved_check(post: Post) -> tuple[tuple[Card, ...], tuple[Piece, ...]]:
    """The post's latest stored check as cards and marked pieces of its text."""
    findings = tuple(finding_from_dict(d) for d in post.last_check.get("findings", []))
    cards = build_cards(post.text, findings)
    return cards, build_pieces(post.text, cards)


def status_sentence(post: Post, now: datetime, policy: Policy) -> str:
    """Where the post is, in a sentence for its writer."""
    match post.status:
        case Status.DRAFT:
            return "A draft: it has not been sent yet."
        case Status.PENDING:
            return "Waiting for approval. It goes out once an approver says yes."
        case Status.CHANGES_REQUESTED:
            return "Sent back for changes: see the comment below, change the post and send it again."
        case Status.SCHEDULED if post.scheduled_for:
            return f"Scheduled: it will go out at {moment_words(post.scheduled_for, now, policy)}."
        case Status.PUBLISHING:
            retry = publisher().next_retry(post)
            if retry is not None:
                return (
                    "Not out everywhere yet: a platform did not take it, and Safepost will try again at "
                    f"{moment_words(retry, now, policy)}. Nothing to do yet."
                )
            return "Going out now."
        case Status.PUBLISHED:
            moment = post.published_at or post.scheduled_for
            return f"Published at {moment_words(moment, now, policy)}." if moment else "Published."
        case Status.HELD:
            return "Held: it needs attention before it can go out. " + post.held_reason
        case Status.FAILED:
            return "Publishing failed: see below what went wrong and what to do."
        case Status.DELETED:
            return "Deleted: it will not go out."
    return str(post.get_status_display())


def _cannot_context(membership: Membership) -> dict[str, Any]:
    """The plain explanation for members without posting rights, with the agreement link if it helps."""
    reason = why_cannot_publish(membership)
    refusal = submit_refusal(membership)
    link = agreement_url() if not has_signed_agreement(membership) else None
    return {"cannot_publish": reason, "submit_refusal": refusal, "agreement_link": link}


# --- Compose and edit ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@school_member_required(check=can_write)
def compose(request: SchoolRequest) -> HttpResponse:
    """Write a new post; an htmx request gets only the check result."""
    with timezone.override(request.school.policy.tz):
        return _compose(request, None)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@school_member_required(check=can_write)
def edit(request: SchoolRequest, pk: int) -> HttpResponse:
    """Change a post that has not gone out (only its writer may)."""
    post = get_for_school(posts_for(request.membership).select_related("account", "author"), request, pk=pk)
    if not may_edit(request.membership, post):
        raise PermissionDenied("Only the person who wrote this post can change it.")
    if post.status not in actions.TRANSITIONS["edit"]:
        messages.error(
            request, f"This post is {post.get_status_display().lower()}, so it can't be changed now."
        )
        return redirect("posts:detail", pk=post.pk)
    with timezone.override(request.school.policy.tz):
        return _compose(request, post)


def _compose(request: SchoolRequest, post: Post | None) -> HttpResponse:
    membership = request.membership
    now = current_time()
    accounts = accounts_for(membership)
    form = ComposeForm(
        request.POST if request.method == "POST" else None,
        initial=ComposeForm.initial_for(post)
        if post
        else {"account": _default_account(membership, accounts)},
        membership=membership,
        accounts=accounts,
        now=now,
    )
    problem: actions.PostError | None = None
    once = request.POST.get("once", "") if request.method == "POST" else ""
    # "Is Summer a pupil here?": the writer's answer is remembered before the post is checked again.
    answer = request.POST.get("name_answer", "") if request.method == "POST" else ""
    name_answered = _answer_name_question(membership, answer) if answer else ""
    if form.is_bound:
        valid = form.is_valid()
        if valid and not request.htmx and not answer:
            earlier = _already_saved(request, once) if post is None else None
            if earlier is not None:
                return earlier
            sending = request.POST.get("action") == "submit"
            files = request.FILES.getlist("photos")
            if files:
                return _save_with_photos(request, form, post, files, sending, once, now)
            try:
                with transaction.atomic():  # a refused submission leaves nothing half-written
                    saved = _save(form, membership, post, now)
                    # A post already waiting or scheduled (nothing changed) is on its way: no resend.
                    if sending and saved.status not in (Status.PENDING, Status.SCHEDULED):
                        saved = actions.submit(saved, membership, overrides=form.overrides(), now=now)
            except actions.PostError as exc:
                problem = exc
                cache.delete(_once_key(once))
                if post is not None:
                    post.refresh_from_db()  # the change was rolled back: show the post as it is
            else:
                if post is None:
                    _remember_saved(request, once, saved)
                messages.success(request, _done_message(saved, sending, now))
                return redirect("posts:detail", pk=saved.pk)
    preview = build_preview(form, membership, now, post)
    context = {
        "form": form,
        "post": post,
        "preview": preview,
        "name_answered": name_answered,
        "problem": problem,
        "accounts": accounts,
        "action_url": reverse("posts:edit", args=[post.pk]) if post else reverse("posts:compose"),
        "window": describe_window(request.school.policy),
        "once": once or uuid.uuid4().hex,
        **_cannot_context(membership),
        **(photo_context(post) if post is not None else {"photo_views": [], "max_photos": MAX_PHOTOS}),
    }
    template = "posts/compose.html#result" if request.htmx else "posts/compose.html"
    return render(request, template, context)


def _answer_name_question(membership: Membership, answer: str) -> str:
    """Record an answer sent as ``yes:Summer`` or ``no:Summer``; say what was remembered."""
    choice, _, word = answer.partition(":")
    if choice not in ("yes", "no") or not word.strip():
        return "That answer could not be read. Please press one of the two buttons again."
    try:
        answer_name_question(membership.school, word, choice == "yes", membership)
    except SchoolError as exc:
        return str(exc)
    word = word.strip()
    if choice == "yes":
        return f"Remembered: {word} is a pupil here, so Safepost will treat {word} as a pupil's name."
    return f"Remembered: {word} is not a pupil's name here, so Safepost will not ask again."


def _save_with_photos(
    request: SchoolRequest,
    form: ComposeForm,
    post: Post | None,
    files: list[Any],
    sending: bool,
    once: str,
    now: datetime,
) -> HttpResponse:
    """Save the words, then add each photo (each one on its own: a bad file loses nothing else), then
    send if asked and every photo could be used. Always lands on the post's edit page, where the
    photos' faces, tags and descriptions are."""
    membership = request.membership
    try:
        saved = _save(form, membership, post, now)
    except actions.PostError as exc:
        cache.delete(_once_key(once))
        messages.error(request, exc.message)
        return redirect(reverse("posts:edit", args=[post.pk]) if post else reverse("posts:compose"))
    if post is None:
        _remember_saved(request, once, saved)
    problems = attach_uploads(saved, request, files)
    for problem in problems:
        messages.error(request, problem, extra_tags=PHOTOS_MESSAGE)
    saved.refresh_from_db()
    if sending and not problems:
        try:
            saved = actions.submit(saved, membership, overrides=form.overrides(), now=now)
        except actions.PostError as exc:
            messages.error(request, exc.message)
            for detail in getattr(exc, "problems", []) or []:
                messages.error(request, detail)
        else:
            messages.success(request, _done_message(saved, True, now))
            return redirect("posts:detail", pk=saved.pk)
    elif not problems:
        messages.success(
            request,
            "Saved with your photos. Check who is in each one and describe it below, then send the post.",
            extra_tags=PHOTOS_MESSAGE,
        )
    return redirect(reverse("posts:edit", args=[saved.pk]) + "#photos")


_SAVED = "posts_saved_forms"


def _once_key(once: str) -> str:
    return f"posts:compose:{once}"


def _already_saved(request: SchoolRequest, once: str) -> HttpResponse | None:
    """Send a repeated new-post form (double click, back and resubmit) to the post it already made."""
    if not once:
        return None
    earlier = request.session.get(_SAVED, {}).get(once)
    if earlier is not None:
        messages.info(request, "That post was already saved: here it is.")
        return redirect("posts:detail", pk=earlier)
    if not cache.add(_once_key(once), True, 120):  # the same form is being saved right now
        messages.info(request, "That post is already being saved: find it in the list.")
        return redirect("posts:list")
    return None


def _remember_saved(request: SchoolRequest, once: str, post: Post) -> None:
    if not once:
        return
    saved = dict(list(request.session.get(_SAVED, {}).items())[-19:])
    saved[once] = post.pk
    request.session[_SAVED] = saved


def _default_account(membership: Membership, accounts: QuerySet[Account]) -> int | None:
    """The account a member most likely posts from: one they hold, else the main account."""
    choices = list(accounts)
    for account in choices:
        if account.holder_id == membership.user_id:
            return account.pk
    main = next((a for a in choices if a.kind == Account.Kind.MAIN), None)
    return (main or choices[0]).pk if choices else None


def _save(form: ComposeForm, membership: Membership, post: Post | None, now: datetime) -> Post:
    data = form.cleaned_data
    exception: str = data.get("exception") or ""
    reason: str = data.get("exception_reason") or ""
    requested = form.requested_time()
    if post is None:
        return actions.create_draft(
            membership,
            data["account"],
            data["text"],
            exception=exception,
            exception_reason=reason,
            requested_time=requested,
            now=now,
        )
    return actions.edit(
        post,
        membership,
        text=data["text"],
        account=data["account"],
        exception=exception,
        exception_reason=reason,
        requested_time=requested,
        now=now,
    )


def _done_message(post: Post, sent: bool, now: datetime) -> str:
    if not sent:
        return "Draft saved. It has not been sent: open it and press the send button when it is ready."
    if post.status == Status.PENDING:
        return "Sent for approval. It will go out once it is approved; you can follow it here."
    if post.scheduled_for and post.scheduled_for > now:
        return f"Scheduled: it will go out at {moment_words(post.scheduled_for, now, post.school.policy)}."
    return "Sent: it is going out now."


# --- Detail and delete ---------------------------------------------------------------------


@require_http_methods(["GET"])
@school_member_required()
def detail(request: SchoolRequest, pk: int) -> HttpResponse:
    """One post: its words, where it is, its latest check, its history and where it went out."""
    post = get_for_school(
        posts_for(request.membership).select_related("account", "author", "approved_by"), request, pk=pk
    )
    membership = request.membership
    policy = request.school.policy
    now = current_time()
    with timezone.override(policy.tz):
        cards, pieces = saved_check(post)
        history = AuditEntry.objects.filter(
            school=request.school, object_type="post", object_id=str(post.pk)
        ).order_by("seq")
        publications = [(p, publisher().advice(p, now, policy)) for p in post.publications.all()]
        context = {
            "post": post,
            "status_sentence": status_sentence(post, now, policy),
            "cards": cards,
            "pieces": pieces,
            "checked": bool(post.last_check),
            "verdict_heading": VERDICTS.get(Verdict(post.last_check["verdict"]), "")
            if post.last_check.get("verdict")
            else "",
            "history": history,
            "publications": publications,
            "overrides": post.overrides.select_related("user").order_by("created_at"),
            "reviews": post.reviews.select_related("reviewer").order_by("created_at"),
            "may_edit": may_edit(membership, post) and post.status in actions.TRANSITIONS["edit"],
            "may_delete": may_delete(membership, post) and post.status in actions.TRANSITIONS["delete"],
            "may_review": post.status == Status.PENDING
            and can_approve(membership, post.account, post.author_id),
            "item": _approval_item(post, now, policy),
            "severity_labels": SEVERITY_LABELS,
            **photo_context(post),
        }
        return render(request, "posts/detail.html", context)


@require_POST
@school_member_required(check=can_write)
def retry(request: SchoolRequest, pk: int) -> HttpResponse:
    """Try a failed post again."""
    post = get_for_school(posts_for(request.membership).select_related("account", "school"), request, pk=pk)
    try:
        actions.retry(post, request.membership, now=current_time())
    except actions.NotAllowed as exc:
        raise PermissionDenied(exc.message) from None
    except actions.PostError as exc:
        messages.error(request, exc.message)
        return redirect("posts:detail", pk=post.pk)
    messages.success(request, "Trying again: the post is checked once more and goes out as soon as it may.")
    return redirect("posts:detail", pk=post.pk)


@require_POST
@school_member_required(check=can_write)
def delete(request: SchoolRequest, pk: int) -> HttpResponse:
    """Delete a post (it stays on record, marked deleted)."""
    post = get_for_school(posts_for(request.membership).select_related("account"), request, pk=pk)
    try:
        not_removed = actions.delete(post, request.membership, now=current_time())
    except actions.NotAllowed as exc:
        raise PermissionDenied(exc.message) from None
    except actions.PostError as exc:
        messages.error(request, exc.message)
        return redirect("posts:detail", pk=post.pk)
    if not_removed:
        messages.warning(
            request,
            "Post deleted: it will not go out again. It could not be taken down from "
            + ", ".join(not_removed)
            + ": delete it there yourself now (sign in to the platform, open the post, delete it).",
        )
    else:
        messages.success(
            request, "Post deleted. It will not go out, and anything already published was taken down."
        )
    return redirect("posts:list")


# --- The list (calendar) -------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    post: Post
    when: str
    status: str


@dataclass(frozen=True)
class Day:
    heading: str
    rows: list[Row]


def _day_heading(day: date | None, today: date) -> str:
    if day is None:
        return "Not scheduled yet"
    words = f"{day:%A} {day.day} {day:%B} {day.year}"
    if day == today:
        return f"Today, {words}"
    if day == today + timedelta(days=1):
        return f"Tomorrow, {words}"
    if day == today - timedelta(days=1):
        return f"Yesterday, {words}"
    return words


def group_by_day(posts: Iterable[Post], now: datetime, policy: Policy) -> list[Day]:
    """Posts grouped under the day they go (or went) out, in the school's time zone."""
    today = local_time(now, policy).date()
    days: list[Day] = []
    for post in posts:
        moment = post.published_at or post.scheduled_for
        local = local_time(moment, policy) if moment else None
        heading = _day_heading(local.date() if local else None, today)
        if local is None:
            when = f"Written {moment_words(post.created_at, now, policy)}"
        elif post.status == Status.PUBLISHED:
            when = f"Published {local:%H:%M}"
        else:
            when = f"Goes out {local:%H:%M}" if moment and moment > now else f"Due at {local:%H:%M}"
        row = Row(post, when, str(post.get_status_display()))
        if days and days[-1].heading == heading:
            days[-1].rows.append(row)
        else:
            days.append(Day(heading, [row]))
    return days


STATUS_FILTERS = [
    ("", "Scheduled and published"),
    ("all", "Everything (not deleted)"),
    *[(value, label) for value, label in Status.choices],
]


@require_http_methods(["GET"])
@school_member_required()
def post_list(request: SchoolRequest) -> HttpResponse:
    """The calendar of posts per account: what goes out when, and what went out."""
    school = request.school
    policy = school.policy
    now = current_time()
    posts: QuerySet[Post] = (
        Post.objects.filter(school=school)
        .exclude(Q(status=Post.Status.DRAFT) & ~Q(author=request.membership.user))  # drafts are private
        .select_related("account", "author")
    )
    account: Account | None = None
    account_id = request.GET.get("account", "")
    if account_id:
        if not (account_id.isascii() and account_id.isdecimal()):
            raise Http404("No such account.")
        account = get_for_school(Account, request, pk=int(account_id))
        posts = posts.filter(account=account)
    status = request.GET.get("status", "")
    if status == "all":
        posts = posts.exclude(status=Status.DELETED)
    elif status in Status.values:
        posts = posts.filter(status=status)
    else:
        status = ""
        posts = posts.filter(status__in=CALENDAR_STATUSES)
    posts = posts.order_by(F("scheduled_for").desc(nulls_first=True), "-created_at", "-pk")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {k: v for k, v in (("account", account_id), ("status", status)) if v}
    with timezone.override(policy.tz):
        context = {
            "page": page,
            "days": group_by_day(page.object_list, now, policy),
            "accounts": Account.objects.filter(school=school).order_by("kind", "name"),
            "account": account,
            "status": status,
            "status_filters": STATUS_FILTERS,
            "query": urlencode(query),
            "window": describe_window(policy),
        }
        return render(request, "posts/list.html", context)


def _account_filter(request: SchoolRequest) -> tuple[Account | None, str]:
    account_id = request.GET.get("account", "")
    if not account_id:
        return None, ""
    if not (account_id.isascii() and account_id.isdecimal()):
        raise Http404("No such account.")
    return get_for_school(Account, request, pk=int(account_id)), account_id


@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
@school_member_required()
def calendar(request: SchoolRequest) -> HttpResponse:
    """A week or a month of posts: what goes out when, with the posting window shaded."""
    school = request.school
    policy = school.policy
    now = current_time()
    view: post_calendar.View = "month" if request.GET.get("view") == "month" else "week"
    today = local_time(now, policy).date()
    unreadable = False
    try:
        anchor = date.fromisoformat(request.GET["date"]) if request.GET.get("date") else today
    except ValueError:
        anchor, unreadable = today, True
    if not 1970 <= anchor.year <= 2999:  # weeks around year 1 or 9999 run off the calendar
        anchor, unreadable = today, True
    account, account_id = _account_filter(request)
    posts = Post.objects.filter(school=school)
    if account is not None:
        posts = posts.filter(account=account)
    with timezone.override(policy.tz):
        shown = post_calendar.build(posts, policy, view, anchor, now)
        context = {
            "cal": shown,
            "view": view,
            "account": account,
            "account_query": f"&account={account_id}" if account_id else "",
            "accounts": Account.objects.filter(school=school).order_by("kind", "name"),
            "window": describe_window(policy),
            "unreadable": unreadable,
        }
        template = "posts/calendar.html#calendar" if request.htmx else "posts/calendar.html"
        return render(request, template, context)


# --- Approvals ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalItem:
    """A post waiting for approval, as its approver sees it."""

    post: Post
    cards: tuple[Card, ...]
    pieces: tuple[Piece, ...]
    goes_out: str
    photos: list[PhotoView]


def _approval_item(post: Post, now: datetime, policy: Policy) -> ApprovalItem:
    cards, pieces = saved_check(post)
    goes = planned_time(policy, now, post.exception, post.requested_time)
    words = "straight away" if post.exception else f"at {moment_words(goes, now, policy)}"
    return ApprovalItem(post, cards, pieces, words, photo_views(post))


def approvable_posts(membership: Membership) -> QuerySet[Post]:
    """Posts waiting for approval that this member may approve (never their own)."""
    if not can_publish(membership):
        return Post.objects.none()
    accounts = [a.pk for a in Account.objects.filter(school=membership.school) if can_approve(membership, a)]
    return (
        Post.objects.filter(school=membership.school, status=Status.PENDING, account_id__in=accounts)
        .exclude(author=membership.user)
        .select_related("account", "author")
        .prefetch_related("overrides")
        .order_by("submitted_at", "pk")
    )


@require_http_methods(["GET"])
@school_member_required(check=can_write)
def approvals(request: SchoolRequest) -> HttpResponse:
    """The approval queue: posts this member may approve, oldest first."""
    policy = request.school.policy
    now = current_time()
    with timezone.override(policy.tz):
        items = [_approval_item(p, now, policy) for p in approvable_posts(request.membership)]
        mine = (
            Post.objects.filter(school=request.school, author=request.membership.user, status=Status.PENDING)
            .select_related("account")
            .order_by("submitted_at")
        )
        return render(
            request,
            "posts/approvals.html",
            {"items": items, "mine": mine, "unsuitable_threshold": UnsuitableImage.threshold},
        )


@require_POST
@vary_on_headers("HX-Request")
@school_member_required(check=can_write)
def review(request: SchoolRequest, pk: int) -> HttpResponse:
    """Approve a post or send it back with a comment; an htmx request gets the updated card."""
    post = get_for_school(posts_for(request.membership).select_related("account", "author"), request, pk=pk)
    policy = request.school.policy
    now = current_time()
    decision = request.POST.get("decision", "")
    comment = request.POST.get("comment", "")
    error = outcome = ""
    try:
        if decision == "approve":
            post = actions.approve(post, request.membership, comment=comment, now=now)
            if post.status == Status.HELD:
                error = "Not approved: it was checked again and now breaks the policy, so it is held. " + (
                    "The writer has been asked to change it."
                )
            else:
                outcome = _approved_words(post, now, policy)
        elif decision == "changes":
            actions.request_changes(post, request.membership, comment=comment, now=now)
            outcome = "Sent back to the writer with your comment."
        else:
            error = "Choose to approve the post or send it back."
    except actions.PostError as exc:
        error = exc.message
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, outcome)
        return redirect("posts:approvals")
    with timezone.override(policy.tz):
        post.refresh_from_db()
        context = {
            "item": _approval_item(post, now, policy),
            "error": error,
            "outcome": outcome,
            "comment": comment,
            "decision": decision,
            "done": post.status != Status.PENDING,
            "unsuitable_threshold": UnsuitableImage.threshold,
        }
        return render(request, "posts/approvals.html#card", context)


def _approved_words(post: Post, now: datetime, policy: Policy) -> str:
    if post.scheduled_for and post.scheduled_for > now:
        return f"Approved. It will go out at {moment_words(post.scheduled_for, now, policy)}."
    return "Approved. It is going out now."

"""What a member of staff sees first: what needs them, what goes out next, what went out lately."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch

from apps.audit.display import url_or_none, when_in_words
from apps.followers import review as follower_review
from apps.followers.models import Follower
from apps.followers.permissions import can_review as can_review_followers
from apps.governance.actions import waiting_for
from apps.platforms.notices import needs_attention
from apps.posts.models import Post, Review
from apps.publishing.health import Crashing, Health, publishing_health
from apps.publishing.models import Publication
from apps.schools import permissions
from apps.schools.models import Account, Agreement, Membership, Role, Signature

EXCERPT = 110
LIMIT = 5


@dataclass(frozen=True)
class PostRow:
    """One post in a list."""

    excerpt: str
    account: str
    author: str
    when: str
    url: str | None
    note: str = ""


@dataclass
class Attention:
    """A group of things for the member to act on."""

    key: str
    title: str
    rows: list[PostRow] = field(default_factory=list)
    text: str = ""
    link: str | None = None
    link_text: str = ""
    more: int = 0


@dataclass
class Dashboard:
    membership: Membership
    attention: list[Attention]
    upcoming: list[PostRow]
    recent: list[PostRow]
    can_write: bool
    can_view_audit: bool
    links: dict[str, str | None]


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _person(user: object) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return full or getattr(user, "username", "")


def _post_link(post: Post, *names: str) -> str | None:
    for name in names:
        url = url_or_none(name, post.pk)
        if url:
            return url
    return None


def _row(
    post: Post, moment: datetime | None, words: str, now: datetime, *pages: str, note: str = ""
) -> PostRow:
    tz = post.school.policy.tz
    when = f"{words} {when_in_words(moment, tz, now)}" if moment else words
    return PostRow(
        excerpt=_excerpt(post.text),
        account=post.account.name,
        author=_person(post.author),
        when=when.strip(),
        url=_post_link(post, *pages, "posts:detail"),
        note=note,
    )


def _posts(membership: Membership) -> QuerySet[Post]:
    return Post.objects.filter(school=membership.school).select_related("account", "author", "school")


def _to_approve(membership: Membership, now: datetime) -> Attention | None:
    pending = list(
        _posts(membership)
        .filter(status=Post.Status.PENDING)
        .exclude(author=membership.user)
        .order_by("submitted_at", "pk")[:50]
    )
    allowed: dict[int, bool] = {}
    rows = []
    for post in pending:
        if post.account_id not in allowed:
            allowed[post.account_id] = permissions.can_approve(membership, post.account)
        if allowed[post.account_id]:
            rows.append(_row(post, post.submitted_at, "sent", now, "posts:review"))
    if not rows:
        return None
    return Attention(
        "approvals",
        "Waiting for your approval",
        rows[:LIMIT],
        more=max(0, len(rows) - LIMIT),
        link=url_or_none("posts:approvals"),
        link_text="Open the approval queue",
    )


def _sent_back(membership: Membership, now: datetime) -> Attention | None:
    latest = Review.objects.filter(post=OuterRef("pk"), decision=Review.Decision.CHANGES).order_by(
        "-created_at"
    )
    posts = list(
        _posts(membership)
        .filter(author=membership.user, status=Post.Status.CHANGES_REQUESTED)
        .annotate(
            comment=Subquery(latest.values("comment")[:1]),
            reviewed_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("-updated_at")[: LIMIT + 1]
    )
    if not posts:
        return None
    rows = [
        _row(
            p,
            p.reviewed_at or p.updated_at,
            "sent back",
            now,
            "posts:edit",
            note=f"“{p.comment}”" if p.comment else "",
        )
        for p in posts[:LIMIT]
    ]
    return Attention("sent-back", "Sent back to you for changes", rows, more=max(0, len(posts) - LIMIT))


def _troubled(membership: Membership, now: datetime) -> Attention | None:
    posts = _posts(membership).filter(status__in=[Post.Status.HELD, Post.Status.FAILED])
    if not permissions.can_manage_school(membership):
        held_accounts = Account.objects.filter(school=membership.school, holder=membership.user)
        posts = posts.filter(Q(author=membership.user) | Q(account__in=held_accounts))
    last_error = (
        Publication.objects.filter(post=OuterRef("pk"), status=Publication.Status.FAILED)
        .order_by("-pk")
        .values("last_error")[:1]
    )
    found = list(posts.annotate(error=Subquery(last_error)).order_by("-updated_at")[: LIMIT + 1])
    if not found:
        return None
    rows = []
    for post in found[:LIMIT]:
        due = post.scheduled_for or post.updated_at
        if post.status == Post.Status.HELD:
            rows.append(_row(post, post.checked_at or due, "held", now, note=post.held_reason))
        else:
            rows.append(_row(post, due, "was due to go out", now, note=post.error or "Publishing failed."))
    return Attention(
        "troubled",
        "Held or failed: these did not go out",
        rows,
        more=max(0, len(found) - LIMIT),
        text="Open each post to see what to change, then send it again.",
    )


def _publishing(membership: Membership, now: datetime) -> Attention | None:
    """For the headteacher and senior leaders: posts not going out on time, and why."""
    if not permissions.can_manage_school(membership):
        return None
    health = publishing_health(membership.school, now)
    if health.ok:
        return None
    tz = membership.school.policy.tz
    sentences = []
    if health.behind:
        posts = f"{health.late_posts} post{'s' if health.late_posts != 1 else ''}"
        due = f"; the oldest was due {when_in_words(health.oldest_due, tz, now)}" if health.oldest_due else ""
        sentences.append(f"{posts} should have gone out by now and have not{due}.")
        sentences.append(_why_behind(health, tz, now))
    for trouble in health.troubles:
        posts = f"{trouble.posts} post{'s' if trouble.posts != 1 else ''}"
        retry = (
            f" Safepost tries again {when_in_words(trouble.next_attempt_at, tz, now)}."
            if trouble.next_attempt_at
            else ""
        )
        reason = trouble.error.rstrip(".")
        sentences.append(f"Publishing {posts} to {trouble.target} failed: {reason}.{retry}")
    if health.crashing is not None and not health.behind:
        sentences.append(_crashing(health.crashing, tz, now))
    elif health.troubles and not health.behind:
        sentences.append(
            "Nothing needs doing unless this goes on; posts that fail for good are listed below."
        )
    if health.behind:
        title = "Publishing is behind"
    elif health.crashing is not None:
        title = "Publishing is failing"
    else:
        title = "Publishing is failing for now"
    return Attention("publishing", title, text=" ".join(s for s in sentences if s))


def _why_behind(health: Health, tz: tzinfo, now: datetime) -> str:
    if health.worker_running is False:
        seen = f" (last seen {when_in_words(health.worker_seen, tz, now)})" if health.worker_seen else ""
        return (
            f"The background service that sends posts is not running{seen}. Ask whoever looks after "
            "Safepost to start it; waiting posts go out as soon as it runs."
        )
    if health.crashing is not None:
        return _crashing(health.crashing, tz, now)
    if health.queue_depth:
        oldest = f", the oldest for {_waited(health.queue_oldest, now)}" if health.queue_oldest else ""
        return (
            f"The background service is working through {health.queue_depth} waiting "
            f"task{'s' if health.queue_depth != 1 else ''}{oldest}. If this does not shrink, ask whoever "
            "looks after Safepost to check it."
        )
    return (
        "They will be sent again within a minute or two; if they are not, ask whoever looks after Safepost."
    )


def _crashing(crashing: Crashing, tz: tzinfo, now: datetime) -> str:
    last = ""
    if crashing.last_at is not None:
        why = f": it {crashing.why.rstrip('.')}" if crashing.why else ""
        last = f" The last stop was {when_in_words(crashing.last_at, tz, now)}{why}."
    return (
        f"The background service that sends posts keeps stopping: it had to start again "
        f"{crashing.restarts} times in the last ten minutes.{last} Posts go out slowly or not at all "
        "while this goes on. Ask whoever looks after Safepost to check the worker's log and the "
        "server's memory."
    )


def _waited(since: datetime | None, now: datetime) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60)) if since else 0
    if minutes < 1:
        return "under a minute"
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes // 60} hours"


def _agreement(membership: Membership) -> list[Attention]:
    school = membership.school
    if not school.policy.accounts.agreement_required:
        return []
    link = url_or_none("schools:agreement")
    latest = Agreement.objects.filter(school=school).order_by("-version").first()
    items = []
    if membership.role != Role.GOVERNOR and not permissions.has_signed_agreement(membership):
        items.append(
            Attention(
                "sign",
                "Sign the social media agreement",
                text="The school's policy says staff sign the social media agreement before they can post.",
                link=link,
                link_text="Read and sign the agreement",
            )
        )
    if not permissions.can_manage_school(membership):
        return items
    if latest is None:
        items.append(
            Attention(
                "no-agreement",
                "No social media agreement yet",
                text="Nobody can get posting rights until the school publishes its agreement for staff to sign.",
                link=link,
                link_text="Publish the agreement",
            )
        )
        return items
    signed = Signature.objects.filter(agreement=latest).values("user")
    unsigned = list(
        Membership.objects.filter(school=school, is_active=True)
        .exclude(role=Role.GOVERNOR)
        .exclude(user__in=signed)
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    if unsigned:
        names = ", ".join(f"{_person(m.user)} ({m.get_role_display().lower()})" for m in unsigned[:10])
        extra = f" and {len(unsigned) - 10} more" if len(unsigned) > 10 else ""
        items.append(
            Attention(
                "unsigned",
                f"Staff who have not signed agreement version {latest.version}",
                text=f"{names}{extra}. They cannot post until they sign it.",
                link=url_or_none("schools:staff"),
                link_text="See the staff list",
            )
        )
    return items


def _policy_signature(membership: Membership) -> Attention | None:
    """The policy's newest version, waiting for the headteacher's or the chair's signature."""
    version = waiting_for(membership)
    if version is None:
        return None
    return Attention(
        "policy-signature",
        f"Policy version {version.number} is waiting for your signature",
        text="The school's settings changed: the new version is the school's policy once the headteacher "
        "and the chair of governors have both signed it.",
        link=url_or_none("governance:version", version.pk),
        link_text=f"Read and sign version {version.number}",
    )


def _drafts(membership: Membership) -> Attention | None:
    count = Post.objects.filter(
        school=membership.school, author=membership.user, status=Post.Status.DRAFT
    ).count()
    if not count:
        return None
    return Attention(
        "drafts",
        f"You have {count} unsent draft{'s' if count != 1 else ''}",
        text="Drafts stay private until you send them.",
        link=url_or_none("posts:list"),
        link_text="See your posts",
    )


def _connections(membership: Membership) -> Attention | None:
    """Platform connections waiting for approval, needing reconnecting or a sign-in change."""
    try:
        notices = needs_attention(membership.school, membership.user)
    except NoReverseMatch:  # the connections pages are not installed in this site
        return None
    if not notices:
        return None
    return Attention(
        "connections",
        "Connected accounts need you",
        text=" ".join(n.text for n in notices),
        link=notices[0].url,
        link_text="Open Connected accounts",
    )


def _followers(membership: Membership, now: datetime) -> Attention | None:
    """For the follower reviewers: what waits, whether the review is overdue, when it was last done."""
    school = membership.school
    if not can_review_followers(membership) or not Follower.objects.filter(school=school).exists():
        return None
    state = follower_review.status(school, now)
    waiting = state.waiting + state.requests
    sentences = [state.last_in_words(school, now)]
    if waiting:
        flagged = f", {state.flagged} flagged" if state.flagged else ""
        sentences.append(
            f"{waiting} new follower{'s' if waiting != 1 else ''} or requests wait for a decision{flagged}."
        )
    if state.overdue:
        title = "The follower review is overdue"
        sentences.append(
            f"The policy says followers are checked {follower_review.CADENCE_WORDS[state.cadence]}."
        )
    elif waiting:
        title = "Followers waiting for review"
    else:
        title = "Follower review"
    return Attention(
        "followers",
        title,
        text=" ".join(sentences),
        link=url_or_none("followers:queue"),
        link_text="Open the follower review",
    )


def build(membership: Membership, now: datetime) -> Dashboard:
    """The dashboard for ``membership`` (a handful of small queries)."""
    attention = [
        item
        for item in (
            _publishing(membership, now),
            _to_approve(membership, now),
            _sent_back(membership, now),
            _troubled(membership, now),
            _connections(membership),
            _followers(membership, now),
            *_agreement(membership),
            _policy_signature(membership),
            _drafts(membership),
        )
        if item is not None
    ]
    scheduled = (
        _posts(membership).filter(status=Post.Status.SCHEDULED).order_by("scheduled_for", "pk")[:LIMIT]
    )
    published = (
        _posts(membership).filter(status=Post.Status.PUBLISHED).order_by("-published_at", "-pk")[:LIMIT]
    )
    return Dashboard(
        membership=membership,
        attention=attention,
        upcoming=[_row(p, p.scheduled_for, "goes out", now) for p in scheduled],
        recent=[_row(p, p.published_at, "published", now) for p in published],
        can_write=permissions.can_write(membership),
        can_view_audit=permissions.can_view_audit(membership),
        links={
            "compose": url_or_none("posts:compose"),
            "posts": url_or_none("posts:list"),
            "check": url_or_none("checker:check"),
            "audit": url_or_none("audit:log"),
            "feed": url_or_none("public:feed", membership.school.slug),
        },
    )

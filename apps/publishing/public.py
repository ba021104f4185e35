"""What the public may see of a school: only entries that went out on its feed, nothing else."""

from __future__ import annotations

from django.db.models import Case, QuerySet, Value, When
from django.http import Http404, HttpRequest
from django.urls import reverse

from apps.posts.models import Post
from apps.publishing.models import FeedEntry
from apps.schools.models import Account, School

#: Post states whose feed entries are public. A FeedEntry exists only once the website target
#: accepted the post; these also hide one whose post was later held or deleted.
VISIBLE_POST_STATES = (Post.Status.PUBLISHING, Post.Status.PUBLISHED, Post.Status.FAILED)


def school_for(slug: str) -> School:
    """The school with this public address, or 404."""
    school = School.objects.filter(slug=slug).first()
    if school is None:
        raise Http404("No school has this address.")
    return school


def is_protected(school: School) -> bool:
    """A school whose policy keeps its posts to followers (COU-04) shows nothing publicly."""
    return school.policy.interaction.visibility == "followers-only"


def visible_entries(school: School) -> QuerySet[FeedEntry]:
    """Every entry of the school's feed the public may see (reshares included)."""
    if is_protected(school):
        return FeedEntry.objects.none()
    return (
        FeedEntry.objects.filter(school=school, removed_at__isnull=True, post__status__in=VISIBLE_POST_STATES)
        .select_related("school", "account", "reshared_from")
        .prefetch_related("post__photos")
    )


def public_entries(school: School, account: Account | None = None) -> QuerySet[FeedEntry]:
    """The school's published feed entries, newest first.

    Without ``account``: each post once (the main account's reshares of class posts are left
    out, the class post itself is shown). With ``account``: that account's feed, reshares included.
    """
    entries = visible_entries(school)
    if account is None:
        entries = entries.filter(reshared_from__isnull=True)
    else:
        entries = entries.filter(account=account)
    return entries.order_by("-published_at", "-pk")


def official_accounts(school: School) -> QuerySet[Account]:
    """The school's active accounts, the main one first."""
    main_first = Case(When(kind=Account.Kind.MAIN, then=Value(0)), default=Value(1))
    return Account.objects.filter(school=school, is_active=True).order_by(main_first, "name")


def purpose_of(account: Account) -> str:
    """What an account is for, in a sentence for parents."""
    if account.kind == Account.Kind.MAIN:
        return "The school's main account: news, events and celebrations from across the school."
    name = account.name or account.class_name
    label = name if "class" in name.lower() else f"{name} class"
    return f"News and learning from {label}, run by the class teacher for the school."


def embed_snippet(school: School, request: HttpRequest, count: int = 5) -> str:
    """The one snippet a school pastes into its website's home page to show its latest posts.

    A container with a plain link (what visitors see without JavaScript) and a script that
    replaces it with a framed, self-sizing list of the latest ``count`` posts.
    """
    feed_url = request.build_absolute_uri(reverse("public:feed", kwargs={"slug": school.slug}))
    script_url = request.build_absolute_uri(reverse("public:widget_js", kwargs={"slug": school.slug}))
    container = f"safepost-{school.slug}"
    return (
        f'<div id="{container}"><a href="{feed_url}">Latest news from {_attr(school.name)}</a></div>\n'
        f'<script src="{script_url}" data-target="{container}" data-count="{int(count)}" async></script>'
    )


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

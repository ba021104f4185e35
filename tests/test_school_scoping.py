"""No view ever shows or changes another school's data.

Walks every URL of the staff apps (posts, schools, audit, platforms, home), fills each object id
with an object of the first school (a post, an account, a member of staff, an invitation), and
requests it - GET and POST, plain and as htmx - as the headteacher of another school. Then it
collects every form the first school's own staff see on those pages and submits each of them, with
each of its buttons, as the outsider: nothing of the first school may change, not even its audit
log. Last, the public pages under /s/ and their photo URLs are walked with real photo files: a
published photo is served, a draft's or a scheduled post's never, under any school's address.
Each app also has its own outsider tests; this one catches a view added later without them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver
from django.utils import timezone
from PIL import Image

from apps.audit.models import AuditEntry
from apps.followers.models import Follower, PersonalAccount
from apps.following.models import FollowedAccount, FollowProposal
from apps.governance.models import Chair, ParentLetter, PolicyVersion, SignOff
from apps.moderation.models import InboxItem, Incident
from apps.platforms.models import Connection
from apps.posts import actions as post_actions
from apps.posts import photos
from apps.posts.models import Post, PostPhoto
from apps.publishing import actions as publishing
from apps.publishing.models import FeedEntry
from apps.schools import invites
from apps.schools.models import Account, Invitation, Membership, Pupil, School, SchoolDevice
from apps.schools.testing import Personas, make_personas

STAFF_NAMESPACES = {
    "posts",
    "schools",
    "audit",
    "platforms",
    "moderation",
    "notifications",
    "followers",
    "following",
    "reminders",
    "reports",
    "governance",
}
HTMX = {"HX-Request": "true"}
SECRET = "Zebra crossing practice for Oak Class with PC Marigold"


def staff_urls() -> Iterator[tuple[str, str]]:
    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[tuple[str, str]]:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
            elif isinstance(p, URLPattern) and (
                namespace in STAFF_NAMESPACES or p.name in ("home", "invitation")
            ):
                yield f"{namespace}:{p.name}", prefix + str(p.pattern)

    yield from walk(get_resolver().url_patterns, "/", None)


URLS = sorted(set(staff_urls()))


@pytest.fixture
def p(db: Any) -> Personas:
    personas = make_personas()
    post = Post.objects.create(
        school=personas.school, account=personas.oak, author=personas.teacher, text=SECRET
    )
    PostPhoto.objects.create(post=post, uploaded_by=personas.teacher, alt_text=SECRET)
    Connection.objects.create(
        school=personas.school, account=personas.main, kind="mastodon", handle="@secret@example.org"
    )
    Pupil.objects.get_or_create(school=personas.school, first_name="Marigold", surname="Secret")
    SchoolDevice.objects.create(school=personas.school, name=SECRET, token_hash="s" * 64)
    head = Membership.objects.get(user=personas.head, school=personas.school)
    invites.invite(
        personas.school,
        first_name="Ivy",
        last_name="Invited",
        email="ivy@example.org",
        role="office",
        by=head,
    )
    item = InboxItem.objects.create(
        school=personas.school,
        account=personas.main,
        platform="x",
        external_id="1",
        kind="reply",
        text=SECRET,
        posted_at=timezone.now(),
        label="threat",
        escalate=True,
        pinned=True,
    )
    incident = Incident.objects.create(
        school=personas.school, number=1, title=SECRET, opened_by=personas.head
    )
    incident.items.add(item)
    Follower.objects.create(
        school=personas.school,
        account=personas.main,
        platform="mastodon",
        external_id="f1",
        handle="secret@example.org",
        bio=SECRET,
        recommended="block",
        flagged=True,
    )
    PersonalAccount.objects.create(
        school=personas.school,
        user=personas.teacher,
        handle="secret@example.org",
        normalised="secret@example.org",
    )
    FollowedAccount.objects.create(
        school=personas.school,
        account=personas.main,
        platform="mastodon",
        external_id="77",
        handle="secret@example.org",
        bio=SECRET,
        justification=SECRET,
        category="children",
    )
    FollowProposal.objects.create(
        school=personas.school,
        account=personas.main,
        platform="mastodon",
        target="secret@example.org",
        category="children",
        reason=SECRET,
        proposed_by=personas.teacher,
    )
    return personas


def fill(pattern: str, p: Personas) -> str:
    """The URL with every object id set to one of the first school's objects."""
    post = Post.objects.get(school=p.school, text=SECRET)
    member = Membership.objects.get(user=p.teacher, school=p.school)
    path = pattern
    if "<str:token>" in path:
        path = path.replace("<str:token>", "not-a-real-token")
    if "<int:account_pk>" in path:
        path = path.replace("<int:account_pk>", str(p.main.pk))
    path = path.replace("<slug:kind>", "mastodon").replace("<slug:action>", "hide")
    if "<int:pk>" in path:
        if (
            "/connections/" in path
            or path.startswith("/inbox/reading/")
            or path.startswith("/following/read/")
        ):
            value = Connection.objects.get(school=p.school).pk
        elif path.startswith("/following/proposals/"):
            value = FollowProposal.objects.get(school=p.school).pk
        elif path.startswith("/following/"):
            value = FollowedAccount.objects.get(school=p.school).pk
        elif "/consent/pupils/" in path:
            value = Pupil.objects.filter(school=p.school).first().pk  # type: ignore[union-attr]
        elif path.startswith(("/posts/", "/approvals/")):
            value = post.pk
        elif "/devices/" in path:
            value = SchoolDevice.objects.get(school=p.school).pk
        elif "/invitations/" in path:
            value = Invitation.objects.get(school=p.school).pk
        elif "/staff/" in path:
            value = member.pk
        elif "/accounts/" in path:
            value = p.oak.pk
        elif path.startswith("/followers/my-accounts/"):
            value = PersonalAccount.objects.get(school=p.school).pk
        elif path.startswith("/followers/"):
            value = Follower.objects.get(school=p.school).pk
        elif path.startswith("/inbox/record/"):
            value = Incident.objects.get(school=p.school).pk
        elif path.startswith("/inbox/"):
            value = InboxItem.objects.get(school=p.school).pk
        elif path.startswith("/governance/versions/"):
            value = PolicyVersion.objects.get(school=p.school).pk
        else:
            value = post.pk
        path = path.replace("<int:pk>", str(value))
    if "<int:photo_id>" in path:
        path = path.replace("<int:photo_id>", str(PostPhoto.objects.get(post=post).pk))
    if "<int:pupil_id>" in path:
        pupil = Pupil.objects.filter(school=p.school).first()
        assert pupil is not None
        path = path.replace("<int:pupil_id>", str(pupil.pk))
    assert "<" not in path, f"a URL parameter this test does not know how to fill: {pattern}"
    return path


def test_every_staff_url_is_covered() -> None:
    names = {name for name, _ in URLS}
    assert {
        "posts:detail",
        "posts:edit",
        "posts:review",
        "schools:staff_role",
        "schools:account_edit",
        "audit:log",
        "audit:export",
        "moderation:item",
        "moderation:act",
        "moderation:incident",
        "notifications:list",
        "followers:queue",
        "followers:decide",
        "followers:mine_forget",
        "audit:export_exact",
        "schools:invitation_cancel",
        "following:decide",
        "following:unfollow",
        "None:invitation",
        "reminders:duties",
        "reminders:done",
        "reports:governors",
        "reports:governors_pdf",
        "reports:receive",
        "governance:version",
        "governance:version_pdf",
        "governance:sign",
        "governance:letter_pdf",
    } <= names


@pytest.mark.parametrize(("name", "pattern"), URLS, ids=[name for name, _ in URLS])
def test_an_outsider_never_sees_or_changes_another_schools_data(p: Personas, name: str, pattern: str) -> None:
    outsider = p.client_for(p.outsider)
    url = fill(pattern, p)
    before = (
        Post.objects.get(text=SECRET).status,
        Membership.objects.get(user=p.teacher).role,
        p.oak.name,
        InboxItem.objects.get(text=SECRET).state,
        Incident.objects.get(title=SECRET).status,
        Follower.objects.get(bio=SECRET).state,
        PersonalAccount.objects.filter(school=p.school).count(),
        FollowProposal.objects.get(reason=SECRET).state,
        FollowedAccount.objects.get(bio=SECRET).status,
    )

    for headers in ({}, HTMX):
        got = outsider.get(url, headers=headers)
        assert got.status_code in (200, 204, 302, 403, 404, 405), f"GET {url} {headers}: {got.status_code}"
        if got.status_code != 200:
            continue
        body = b"".join(got.streaming_content) if got.streaming else got.content  # type: ignore[attr-defined]
        assert SECRET.encode() not in body, f"GET {url} {headers} showed the other school's data"
        if not got.get("Content-Type", "").startswith(
            "text/csv"
        ):  # an outsider's own export names their school
            assert p.school.name.encode() not in body, f"GET {url} {headers} named the other school"

    sent = outsider.post(
        url,
        headers=HTMX,
        data={
            "role": "office",
            "name": "Hacked",
            "decision": "approve",
            "text": "Hacked",
            "action": "submit",
        },
    )
    assert sent.status_code in (200, 204, 302, 400, 403, 404, 405), f"POST (htmx) {url}: {sent.status_code}"
    sent = outsider.post(
        url,
        {
            "role": "office",
            "name": "Hacked",
            "decision": "approve",
            "text": "Hacked",
            "action": "submit",
            "comment": "x",
        },
    )
    assert sent.status_code in (200, 302, 400, 403, 404, 405), f"POST {url}: {sent.status_code}"
    p.oak.refresh_from_db()
    after = (
        Post.objects.get(text=SECRET).status,
        Membership.objects.get(user=p.teacher).role,
        p.oak.name,
        InboxItem.objects.get(text=SECRET).state,
        Incident.objects.get(title=SECRET).status,
        Follower.objects.get(bio=SECRET).state,
        PersonalAccount.objects.filter(school=p.school).count(),
        FollowProposal.objects.get(reason=SECRET).state,
        FollowedAccount.objects.get(bio=SECRET).status,
    )
    assert after == before, f"POST {url} changed the other school's data"


# --- every form the school's own staff see, submitted by the outsider ----------------------------


class Forms(HTMLParser):
    """The POST forms of a page: their action and fields, and the name=value of each button."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.forms: list[tuple[str, dict[str, str], list[tuple[str, str]]]] = []
        self._open: tuple[str, dict[str, str], list[tuple[str, str]]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._open = (a.get("action") or self.page_url, {}, [])
            self.forms.append(self._open)
        elif self._open is not None and tag in ("input", "select", "textarea") and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("type") == "submit":
                self._open[2].append((a["name"], a.get("value", "")))
            else:
                self._open[1].setdefault(a["name"], a.get("value", ""))
        elif self._open is not None and tag == "button" and a.get("name"):
            self._open[2].append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def snapshot(school: School) -> dict[str, Any]:
    """Everything of the school an outsider's request could change."""
    fresh = School.objects.get(pk=school.pk)
    return {
        "school": (fresh.name, fresh.policy_toml, fresh.audit_seq),
        "audit": AuditEntry.objects.filter(school=school).count(),
        "posts": sorted(Post.objects.filter(school=school).values_list("pk", "status", "text", "author_id")),
        "photos": sorted(
            PostPhoto.objects.filter(post__school=school).values_list(
                "pk", "alt_text", "faces", "reviewed_at"
            )
        ),
        "members": sorted(
            Membership.objects.filter(school=school).values_list("pk", "user_id", "role", "is_active")
        ),
        "accounts": sorted(
            Account.objects.filter(school=school).values_list("pk", "name", "holder_id", "is_active")
        ),
        "connections": sorted(Connection.objects.filter(school=school).values_list("pk", "status", "handle")),
        "followers": sorted(Follower.objects.filter(school=school).values_list("pk", "state", "relation")),
        "personal_accounts": sorted(
            PersonalAccount.objects.filter(school=school).values_list("pk", "handle")
        ),
        "invitations": sorted(
            Invitation.objects.filter(school=school).values_list(
                "pk", "token_hash", "accepted_at", "cancelled_at"
            )
        ),
        "pupils": sorted(
            Pupil.objects.filter(school=school).values_list("pk", "first_name", "surname", "photo_consent")
        ),
        "governance": (
            sorted(PolicyVersion.objects.filter(school=school).values_list("pk", "number", "signed_at")),
            SignOff.objects.filter(version__school=school).count(),
            list(Chair.objects.filter(school=school).values_list("user_id", flat=True)),
            sorted(ParentLetter.objects.filter(school=school).values_list("kind", "text", "sent_at")),
        ),
        "following": (
            sorted(FollowedAccount.objects.filter(school=school).values_list("pk", "status", "category")),
            sorted(FollowProposal.objects.filter(school=school).values_list("pk", "state")),
        ),
    }


def test_an_outsider_can_use_none_of_the_forms_the_schools_staff_see(p: Personas) -> None:
    forms: set[tuple[str, tuple[tuple[str, str], ...], tuple[str, str] | None]] = set()
    for user in (p.head, p.teacher):
        insider = p.client_for(user)
        for _, pattern in URLS:
            url = fill(pattern, p)
            page = insider.get(url)
            if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
                continue
            parser = Forms(url)
            parser.feed(page.content.decode())
            for action, fields, buttons in parser.forms:
                for button in buttons or [None]:
                    forms.add((action, tuple(sorted(fields.items())), button))
    actions = {action for action, _, _ in forms}
    assert len(actions) >= 15, sorted(actions)  # the walk did reach the school's forms
    print(f"{len(forms)} form submissions to {len(actions)} actions")

    outsider = p.client_for(p.outsider)
    before = snapshot(p.school)
    for action, fields, button in sorted(forms, key=str):
        data = dict(fields)
        if button is not None:
            data[button[0]] = button[1]
        for headers in ({}, HTMX):
            sent = outsider.post(action, data, headers=headers)
            assert sent.status_code in (200, 204, 302, 400, 403, 404, 405), (
                f"POST {action} {button}: {sent.status_code}"
            )
            if sent.status_code == 200:
                assert SECRET not in sent.content.decode(errors="replace"), f"POST {action} showed the secret"
        assert snapshot(p.school) == before, f"POST {action} {button} changed the other school's data"


# --- the public pages and photos ------------------------------------------------------------------


def photo_bytes(colour: str) -> bytes:
    image = Image.effect_noise((320, 240), 60).convert("RGB")
    image.paste(Image.new("RGB", (160, 120), colour), (80, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def public(p: Personas, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from apps.posts.tests.conftest import MONDAY_10AM

    writer = Membership.objects.select_related("school").get(user=p.teacher, school=p.school)
    monkeypatch.setattr(publishing, "now", lambda: MONDAY_10AM)

    def with_photo(text: str, colour: str) -> tuple[Post, PostPhoto]:
        post = post_actions.create_draft(writer, p.oak, text, now=MONDAY_10AM)
        photo = photos.add_photo(post, writer, photo_bytes(colour), f"{colour}.jpg")
        photos.update_photo(photo, writer, alt_text=f"A {colour} square", who={}, blur=set(), hidden=[])
        return Post.objects.get(pk=post.pk), photo

    out, out_photo = with_photo("Oak Class painted a mural today.", "green")
    post_actions.submit(out, writer, now=MONDAY_10AM)
    publishing.publish(out.pk)
    assert Post.objects.get(pk=out.pk).status == Post.Status.PUBLISHED
    draft, draft_photo = with_photo(SECRET + " (draft)", "red")
    scheduled, scheduled_photo = with_photo(SECRET + " (scheduled)", "blue")
    post_actions.submit(scheduled, writer, now=MONDAY_10AM)
    Post.objects.filter(pk=scheduled.pk).update(scheduled_for=MONDAY_10AM.replace(year=2027))
    return {
        "entry": FeedEntry.objects.get(post=out),
        "published_photo": out_photo,
        "hidden_posts": [draft, scheduled],
        "hidden_photos": [draft_photo, scheduled_photo],
    }


def public_urls() -> list[str]:
    """The patterns of the public pages (namespace ``public``, under /s/)."""
    return [
        str(pattern.pattern)
        for resolver in get_resolver().url_patterns
        if isinstance(resolver, URLResolver) and resolver.namespace == "public"
        for pattern in resolver.url_patterns
    ]


def test_the_public_pages_show_what_was_published_and_nothing_else(
    p: Personas, public: dict[str, Any]
) -> None:
    published = public["published_photo"]
    ids = {
        "entry_id": [public["entry"].pk, *(post.pk for post in public["hidden_posts"])],
        "photo_id": [published.pk, *(photo.pk for photo in public["hidden_photos"])],
    }
    assert len(public_urls()) >= 8
    seen_published_photo = False
    for visitor in (Client(), p.client_for(p.outsider)):
        for pattern in public_urls():
            for slug in (p.school.slug, p.other_school.slug):
                numbers = [0]
                if "<int:entry_id>" in pattern:
                    numbers = ids["entry_id"]
                elif "<int:photo_id>" in pattern:
                    numbers = ids["photo_id"]
                for number in numbers:
                    url = "/s/" + pattern.replace("<slug:slug>", slug)
                    url = url.replace("<int:entry_id>", str(number)).replace("<int:photo_id>", str(number))
                    for headers in ({}, HTMX):
                        got = visitor.get(url, headers=headers)
                        assert got.status_code in (200, 302, 404), f"GET {url}: {got.status_code}"
                        body = got.content
                        assert SECRET.encode() not in body, f"{url} showed an unpublished post"
                        if "<int:photo_id>" not in pattern:
                            continue
                        if number == published.pk and slug == p.school.slug:
                            assert got.status_code == 200 and got["Content-Type"] == "image/jpeg", url
                            assert Image.open(io.BytesIO(body)).size == (published.width, published.height)
                            seen_published_photo = True
                        else:
                            assert got.status_code == 404, f"{url} served a photo it must not"
    assert seen_published_photo
    for photo in public["hidden_photos"]:
        assert photo.rendition and photo.original  # real files were there to be found

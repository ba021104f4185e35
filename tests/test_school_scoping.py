"""No view ever shows or changes another school's data.

Walks every URL of the staff apps (posts, schools, audit, home), fills each object id with an
object of the first school (a post, an account, a member of staff), and requests it - GET and
POST - as the headteacher of another school. Each app also has its own outsider tests; this one
catches a view added later without them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver
from django.utils import timezone

from apps.moderation.models import InboxItem, Incident
from apps.platforms.models import Connection
from apps.posts.models import Post, PostPhoto
from apps.schools.models import Membership, Pupil
from apps.schools.testing import Personas, make_personas

STAFF_NAMESPACES = {"posts", "schools", "audit", "platforms", "moderation", "notifications"}
SECRET = "Zebra crossing practice for Oak Class with PC Marigold"


def staff_urls() -> Iterator[tuple[str, str]]:
    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[tuple[str, str]]:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
            elif isinstance(p, URLPattern) and (namespace in STAFF_NAMESPACES or p.name == "home"):
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
    return personas


def fill(pattern: str, p: Personas) -> str:
    """The URL with every object id set to one of the first school's objects."""
    post = Post.objects.get(school=p.school, text=SECRET)
    member = Membership.objects.get(user=p.teacher, school=p.school)
    path = pattern
    if "<int:account_pk>" in path:
        path = path.replace("<int:account_pk>", str(p.main.pk))
    path = path.replace("<slug:kind>", "mastodon").replace("<slug:action>", "hide")
    if "<int:pk>" in path:
        if "/connections/" in path or path.startswith("/inbox/reading/"):
            value = Connection.objects.get(school=p.school).pk
        elif "/consent/pupils/" in path:
            value = Pupil.objects.filter(school=p.school).first().pk  # type: ignore[union-attr]
        elif path.startswith(("/posts/", "/approvals/")):
            value = post.pk
        elif "/staff/" in path:
            value = member.pk
        elif "/accounts/" in path:
            value = p.oak.pk
        elif path.startswith("/inbox/record/"):
            value = Incident.objects.get(school=p.school).pk
        elif path.startswith("/inbox/"):
            value = InboxItem.objects.get(school=p.school).pk
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
    )

    got = outsider.get(url)
    assert got.status_code in (200, 302, 403, 404, 405), f"GET {url}: {got.status_code}"
    if got.status_code == 200 and got.get("Content-Type", "").startswith("application/"):
        assert SECRET.encode() not in got.content and p.school.name.encode() not in got.content
    elif got.status_code == 200 and not got.get("Content-Type", "").startswith("text/csv"):
        body = got.content.decode()
        assert SECRET not in body and p.school.name not in body, f"GET {url} showed the other school's data"
    if got.status_code == 200 and got.get("Content-Type", "").startswith("text/csv"):
        assert SECRET not in b"".join(got.streaming_content).decode()  # type: ignore[attr-defined]

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
    )
    assert after == before, f"POST {url} changed the other school's data"

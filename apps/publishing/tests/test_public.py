"""The public side: feed page, single posts, Atom/RSS, the embeddable widget, official accounts."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.posts.models import Post
from apps.publishing import actions
from apps.publishing.models import FeedEntry
from apps.publishing.public import embed_snippet
from apps.publishing.tests.conftest import Clock
from apps.schools.models import Account
from apps.schools.testing import Personas

pytestmark = pytest.mark.django_db

MakePost = Callable[..., Post]
ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = "Year 6 raised £240 for the food bank at the cake sale. Thank you, everyone!"
SCHEDULED = "Sports day is on Friday: bring a water bottle and a sun hat."
HELD = "This one was held at publish time."
REMOVED = "This one was deleted after it went out."
ELSEWHERE = "Elsewhere Primary won the county chess cup."


@pytest.fixture
def site(p: Personas, make_post: MakePost, clock: Clock, inline_tasks: None) -> Personas:
    """St Catherine's with one published post, one scheduled for later, a held and a removed one;
    Elsewhere Primary with a published post of its own."""
    actions.queue(make_post(p, text=PUBLISHED))
    actions.queue(make_post(p, text=SCHEDULED, scheduled_for=timezone.now() + timedelta(days=2)))
    held = make_post(p, text=HELD, status=Post.Status.HELD)
    FeedEntry.objects.create(
        school=p.school, account=p.oak, post=held, idempotency_key=uuid.uuid4(), text=HELD
    )
    removed = make_post(p, text=REMOVED)
    actions.queue(removed)
    actions.withdraw(removed)
    other_main = Account.objects.get(school=p.other_school, kind=Account.Kind.MAIN)
    other = Post.objects.create(
        school=p.other_school,
        account=other_main,
        author=p.outsider,
        text=ELSEWHERE,
        status=Post.Status.SCHEDULED,
        scheduled_for=clock.current,
    )
    actions.queue(other)
    assert FeedEntry.objects.filter(text=ELSEWHERE).exists()
    return p


def only_published(body: str) -> None:
    assert PUBLISHED in body or "Year 6 raised £240" in body
    for text in (SCHEDULED, HELD, REMOVED, ELSEWHERE):
        assert text not in body


def test_the_feed_page_shows_published_posts_and_nothing_else(site: Personas) -> None:
    response = Client().get(reverse("public:feed", args=[site.school.slug]))

    assert response.status_code == 200
    body = response.content.decode()
    only_published(body)
    assert "News from St Catherine" in body
    assert reverse("public:atom", args=[site.school.slug]) in body
    assert reverse("public:rss", args=[site.school.slug]) in body
    assert reverse("public:accounts", args=[site.school.slug]) in body
    assert 'name="viewport"' in body


def test_the_feed_page_shows_the_embed_snippet_to_copy(site: Personas) -> None:
    body = Client().get(reverse("public:feed", args=[site.school.slug])).content.decode()

    assert "Embed on your website" in body
    assert "/s/st-caths/widget.js" in body


def test_the_feed_page_is_paginated_newest_first(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    for n in range(12):
        actions.queue(make_post(p, text=f"Post number {n:02d} from Oak Class."))
    entries = FeedEntry.objects.order_by("pk")
    for n, entry in enumerate(entries):
        entry.published_at = timezone.now() - timedelta(hours=12 - n)
        entry.save()

    first = Client().get(reverse("public:feed", args=[p.school.slug])).content.decode()
    second = Client().get(reverse("public:feed", args=[p.school.slug]) + "?page=2").content.decode()

    assert first.index("Post number 11") < first.index("Post number 02")
    assert "Post number 01" not in first and "Post number 01" in second
    assert "Older posts" in first and "Newer posts" in second
    assert Client().get(reverse("public:feed", args=[p.school.slug]) + "?page=zzz").status_code == 200


def test_an_account_s_feed_includes_its_reshares_and_the_main_page_shows_each_post_once(
    rackham: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    actions.queue(make_post(rackham, text="Oak Class planted a hedge today."))
    url = reverse("public:feed", args=[rackham.school.slug])

    everything = Client().get(url).content.decode()
    main = Client().get(f"{url}?account={rackham.main.pk}").content.decode()

    assert everything.count("Oak Class planted a hedge today.") == 1
    assert "Oak Class planted a hedge today." in main
    assert "shared a post from Oak Class" in main


def test_asking_for_another_school_s_account_on_the_feed_page_gives_404(site: Personas) -> None:
    other_main = Account.objects.get(school=site.other_school, kind=Account.Kind.MAIN)
    url = reverse("public:feed", args=[site.school.slug])

    assert Client().get(f"{url}?account={other_main.pk}").status_code == 404
    assert Client().get(f"{url}?account=nonsense").status_code == 404


def test_a_single_post_has_its_own_page_but_not_under_another_school_s_address(site: Personas) -> None:
    mine = FeedEntry.objects.get(text=PUBLISHED)
    theirs = FeedEntry.objects.get(text=ELSEWHERE)
    held = FeedEntry.objects.get(text=HELD)

    assert (
        PUBLISHED in Client().get(reverse("public:entry", args=[site.school.slug, mine.pk])).content.decode()
    )
    assert Client().get(reverse("public:entry", args=[site.school.slug, theirs.pk])).status_code == 404
    assert Client().get(reverse("public:entry", args=[site.school.slug, held.pk])).status_code == 404


def test_the_atom_feed_is_valid_xml_with_the_published_posts_only(site: Personas) -> None:
    response = Client().get(reverse("public:atom", args=[site.school.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}summary") for e in entries] == [PUBLISHED]
    only_published(response.content.decode())
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and link.get("href", "").startswith("http://testserver/s/st-caths/posts/")


def test_the_rss_feed_is_valid_xml_with_the_published_posts_only(site: Personas) -> None:
    response = Client().get(reverse("public:rss", args=[site.school.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    items = root.findall("channel/item")
    assert [i.findtext("description") for i in items] == [PUBLISHED]
    only_published(response.content.decode())


def test_the_widget_can_be_framed_by_any_website_and_shows_published_posts(site: Personas) -> None:
    response = Client().get(reverse("public:widget", args=[site.school.slug]))

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = response.get("Content-Security-Policy", "")
    assert "frame-ancestors *" in csp and "'none'" not in csp.split("frame-ancestors")[1].split(";")[0]
    only_published(response.content.decode())


def test_other_public_pages_still_refuse_to_be_framed(site: Personas) -> None:
    response = Client().get(reverse("public:feed", args=[site.school.slug]))

    assert response["X-Frame-Options"] == "DENY"


def test_the_widget_shows_as_many_posts_as_asked_within_limits(
    p: Personas, make_post: MakePost, inline_tasks: None
) -> None:
    for n in range(7):
        actions.queue(make_post(p, text=f"Widget post {n}."))
    url = reverse("public:widget", args=[p.school.slug])

    assert Client().get(url).content.decode().count("sp-post__text") == 5
    assert Client().get(f"{url}?count=2").content.decode().count("sp-post__text") == 2
    assert Client().get(f"{url}?count=-4").content.decode().count("sp-post__text") == 1
    assert Client().get(f"{url}?count=lots").content.decode().count("sp-post__text") == 5


def test_the_widget_script_is_javascript_that_frames_this_school_s_widget(site: Personas) -> None:
    response = Client().get(reverse("public:widget_js", args=[site.school.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    script = response.content.decode()
    assert '"widget": "http://testserver/s/st-caths/widget/"' in script
    assert "iframe" in script
    assert PUBLISHED not in script


def test_the_embed_snippet_is_one_paste_with_a_fallback_link(site: Personas) -> None:
    request = Client().get("/").wsgi_request

    snippet = embed_snippet(site.school, request)

    assert snippet.count("<script") == 1
    assert re.search(r'<a href="http://testserver/s/st-caths/">', snippet)
    assert 'src="http://testserver/s/st-caths/widget.js"' in snippet
    assert 'data-target="safepost-st-caths"' in snippet


def test_the_official_accounts_page_lists_the_active_accounts_with_their_handles(site: Personas) -> None:
    Account.objects.create(
        school=site.school,
        name="Old Willow Class",
        kind=Account.Kind.CLASS,
        handle="@OldWillow",
        is_active=False,
    )
    site.oak.handle = "@StCathsOak"
    site.oak.save()
    site.main.handle = "@StCathsofSiena"
    site.main.save()

    body = Client().get(reverse("public:accounts", args=[site.school.slug])).content.decode()

    assert "@StCathsofSiena" in body and "@StCathsOak" in body
    assert "only</strong> official social media accounts" in body
    assert "Oak Class" in body
    assert "Old Willow" not in body
    assert "Elsewhere" not in body
    assert "does not answer replies" in body  # st-catherine: replies are received, not answered


@pytest.mark.parametrize("name", ["feed", "atom", "rss", "widget", "widget_js", "accounts"])
def test_an_unknown_school_address_gives_404(db: None, name: str) -> None:
    assert Client().get(reverse(f"public:{name}", args=["no-such-school"])).status_code == 404


def test_an_unknown_post_gives_404(site: Personas) -> None:
    assert Client().get(reverse("public:entry", args=[site.school.slug, 999999])).status_code == 404


def test_public_pages_need_no_sign_in_and_show_a_signed_in_outsider_nothing_extra(site: Personas) -> None:
    client = site.client_for(site.outsider)

    body = client.get(reverse("public:feed", args=[site.school.slug])).content.decode()

    only_published(body)


def test_public_pages_only_answer_reads(site: Personas) -> None:
    assert Client().post(reverse("public:feed", args=[site.school.slug])).status_code == 405


@pytest.mark.django_db
def test_a_followers_only_school_shows_nothing_publicly(client: Client) -> None:
    """COU-04: Courtney's posts are not publicly available, on the page, the feeds or the widget."""
    from apps.posts.models import Post
    from apps.publishing.models import FeedEntry, Publication
    from apps.schools.testing import make_personas

    p = make_personas(preset="courtney", slug="courtney-test")
    post = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="Harvest festival photos",
        status=Post.Status.PUBLISHED,
    )
    pub = Publication.objects.create(post=post, target="website", status=Publication.Status.PUBLISHED)
    FeedEntry.objects.create(
        school=p.school, account=p.main, post=post, idempotency_key=pub.idempotency_key, text=post.text
    )
    for url in (
        "/s/courtney-test/",
        "/s/courtney-test/feed.atom",
        "/s/courtney-test/feed.rss",
        "/s/courtney-test/widget/",
    ):
        assert "Harvest festival photos" not in client.get(url).content.decode(), url
    assert "followers only" in client.get("/s/courtney-test/").content.decode()

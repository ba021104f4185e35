"""Approved connections publish with the policy's settings; revoked tokens say "reconnect needed"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from apps.platforms import actions, tasks, testing
from apps.platforms.models import Connection
from apps.platforms.notices import needs_attention
from apps.platforms.tests.conftest import BASE, connect
from apps.platforms.tests.fakes import SCHOOL, FakeWorld
from apps.posts.models import Post
from apps.publishing import actions as publishing
from apps.publishing.models import Publication
from apps.schools.testing import Personas, client_for, make_personas

#: Wednesday 11 March 2026, 10:00 in London: inside every preset's posting window.
IN_WINDOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _inline(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(publishing, "now", lambda: IN_WINDOW)


def publish(p: Personas, text: str = "Year 6 enjoyed their science week!") -> Post:
    post = Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text=text,
        status=Post.Status.SCHEDULED,
        scheduled_for=IN_WINDOW,
    )
    publishing.queue(post)
    post.refresh_from_db()
    return post


def test_an_approved_connection_gets_the_post_with_the_policys_reply_and_visibility_settings(
    db: None, world: FakeWorld
) -> None:
    courtney = make_personas(preset="courtney", slug="courtney")
    sutton = make_personas(preset="sutton-manor", slug="sutton")
    connect(courtney, world)
    connect(sutton, world)

    publish(courtney, "Our harvest festival is on Friday.")
    publish(sutton, "Sports day is on Friday.")

    sent = {outgoing.text: outgoing for outgoing, _ in world.posts.values()}
    assert sent["Our harvest festival is on Friday."].visibility == "followers-only"
    assert sent["Our harvest festival is on Friday."].replies == "open"
    assert sent["Sports day is on Friday."].replies == "none"
    assert sent["Sports day is on Friday."].visibility == "public"


def test_the_post_is_recorded_with_the_platforms_id_and_link(p: Personas, world: FakeWorld) -> None:
    connect(p, world)

    post = publish(p)

    assert post.status == Post.Status.PUBLISHED
    publication = post.publications.get(target="fakeoauth")
    assert publication.external_id == "post-1" and publication.url == "https://fake.example/post-1"


def test_a_connection_waiting_for_approval_is_not_used(p: Personas, world: FakeWorld) -> None:
    connect(p, world, status="waiting-approval")

    post = publish(p)

    assert post.status == Post.Status.PUBLISHED
    assert [pub.target for pub in post.publications.all()] == ["website"]
    assert world.posts == {}


def test_a_revoked_token_at_publishing_marks_reconnect_needed_and_fails_with_advice(
    p: Personas, world: FakeWorld
) -> None:
    connection = connect(p, world)
    world.revoke_all()

    post = publish(p)

    connection.refresh_from_db()
    assert connection.status == Connection.Status.RECONNECT
    failed = post.publications.get(target="fakeoauth")
    assert failed.status == Publication.Status.FAILED
    assert "Fakeverse (@stcaths) no longer accepts Safepost's sign-in" in failed.last_error
    assert "Invalid or expired token" in failed.last_error
    assert "Ask Helen Head (or a senior leader) to reconnect" in failed.last_error
    assert post.publications.get(target="website").status == Publication.Status.PUBLISHED


def test_a_post_for_a_connection_needing_reconnection_fails_visibly_instead_of_skipping_it(
    p: Personas, world: FakeWorld
) -> None:
    connect(p, world, status="reconnect-needed", approved_at=IN_WINDOW)

    post = publish(p)

    failed = post.publications.get(target="fakeoauth")
    assert failed.status == Publication.Status.FAILED
    assert "needs reconnecting" in failed.last_error
    assert world.posts == {}


def test_refreshed_tokens_are_saved_encrypted_before_they_are_used(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)
    before = connection.credentials()
    world.refresh_next_use = True

    publish(p)

    connection.refresh_from_db()
    after = connection.credentials()
    assert after["access_token"] != before["access_token"]
    assert after["access_token"] in world.tokens
    assert after["access_token"] not in connection.credentials_encrypted


def test_the_periodic_check_finds_a_revoked_token_and_the_account_holder_is_told(
    p: Personas, world: FakeWorld
) -> None:
    oak = connect(p, world, account=p.oak)
    main = connect(p, world)
    world.revoked.add(oak.credentials()["access_token"])

    result = tasks.check_connections.enqueue()

    assert result.return_value == {"ok": 1, "reconnect": 1}
    oak.refresh_from_db()
    main.refresh_from_db()
    assert (oak.status, main.status) == (Connection.Status.RECONNECT, Connection.Status.ACTIVE)
    page = client_for(p.teacher).get(BASE).content.decode()
    assert "Reconnect needed" in page
    assert [n.what for n in needs_attention(p.school, p.teacher)] == ["reconnect"]
    assert needs_attention(p.school, p.office) == []


def test_the_account_holder_reconnects_the_same_account_without_a_new_approval(
    p: Personas, world: FakeWorld
) -> None:
    connection = connect(p, world, account=p.oak)
    actions.mark_reconnect_needed(connection.pk, "revoked")
    client = client_for(p.teacher)

    url = str(client.post(f"{BASE}{connection.pk}/reconnect/")["Location"])
    page = client.get(f"{BASE}callback/fakeoauth/", world.consent(url), follow=True).content.decode()

    connection.refresh_from_db()
    assert connection.status == Connection.Status.ACTIVE
    assert "Oak Class is reconnected to Fakeverse" in page
    assert connection.credentials()["access_token"] in world.tokens


def test_the_headteacher_is_asked_to_approve_on_the_dashboard(p: Personas, world: FakeWorld) -> None:
    connect(p, world, status="waiting-approval")

    assert [n.what for n in needs_attention(p.school, p.head)] == ["approve"]
    assert needs_attention(p.school, p.senior) == []


def test_the_compose_counter_still_works_when_a_connection_needs_reconnecting(
    p: Personas, world: FakeWorld
) -> None:
    from apps.posts.views import character_counts
    from apps.publishing.targets import targets_for

    connect(p, world)
    connection = connect(p, world, account=p.oak, status="reconnect-needed", approved_at=IN_WINDOW)
    character_counts(p.school.policy, targets_for(p.main), "Hello")  # learns Fakeverse's limits
    Connection.objects.filter(pk=connection.pk).update(credentials_encrypted="unreadable")

    counts = character_counts(p.school.policy, targets_for(p.oak), "x" * 290)

    assert [(c.target, c.limit) for c in counts] == [
        ("The school's website feed", 280),
        ("Fakeverse (@stcaths)", 250),
    ]


def test_the_main_account_reposts_a_class_accounts_post_where_the_policy_says_so(
    db: None, world: FakeWorld
) -> None:
    rackham = make_personas(preset="rackham", slug="rackham-reshare")  # RAC-02: reshare class posts
    class_connection = connect(rackham, world, account=rackham.oak)
    main_connection = connect(rackham, world)
    post = Post.objects.create(
        school=rackham.school,
        account=rackham.oak,
        author=rackham.teacher,
        text="Oak Class planted bulbs today.",
        status=Post.Status.SCHEDULED,
        scheduled_for=IN_WINDOW,
    )
    publishing.queue(post)

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    class_post = post.publications.get(target="fakeoauth").external_id
    main_token = main_connection.credentials()["access_token"]
    assert world.reposts == [(main_token, class_post)]
    assert class_connection.credentials()["access_token"] != main_token


def test_a_main_account_post_is_not_reposted(p: Personas, world: FakeWorld) -> None:
    connect(p, world)
    publish(p)
    assert world.reposts == []


def test_a_post_longer_than_a_connected_platform_takes_is_stopped_before_it_is_sent(
    p: Personas, world: FakeWorld
) -> None:
    from apps.posts import actions as posts

    connect(p, world)  # the fake platform takes 250 characters; the policy allows 280
    post = Post.objects.create(school=p.school, account=p.main, author=p.head, text="Science week! " * 19)
    report = posts.run_check(post, now=IN_WINDOW)
    found = [f for f in report.blocking if f.category == "too-long"]
    assert found and "at most 250" in found[0].message and "266" in found[0].message


def test_tokens_renewed_by_another_worker_meanwhile_are_used_instead_of_asking_to_reconnect(
    p: Personas, world: FakeWorld
) -> None:
    import uuid

    from apps.publishing.targets import target_by_kind

    connection = connect(p, world)
    target = target_by_kind("fakeoauth", p.main)
    assert target is not None
    target.find_existing(uuid.uuid4())  # this worker signs in with the tokens it read
    # Another worker refreshes at the same moment: new tokens saved, the old ones refused.
    old = connection.credentials()["access_token"]
    connection.set_credentials(world.issue(SCHOOL))
    connection.save()
    world.revoked.add(old)

    assert target.find_existing(uuid.uuid4()) is None
    connection.refresh_from_db()
    assert connection.status == Connection.Status.ACTIVE


def test_the_compose_page_says_when_a_connected_platform_cannot_limit_replies(
    db: None, world: FakeWorld
) -> None:
    from apps.platforms.base import Capabilities
    from apps.platforms.tests.fakes import oauth_platform

    sutton = make_personas(preset="sutton-manor", slug="sutton-notes")  # SUT-12: no replies
    mastodonish = oauth_platform(world, capabilities=Capabilities(False, True, True, True))
    with testing.only([mastodonish]):
        connect(sutton, world)
        page = client_for(sutton.head).get("/posts/new/").content.decode()
    assert "Fakeverse cannot limit who replies to a post" in page

"""X's followers from recorded answers: read where the school's API access allows, said plainly
where it does not; removing, blocking and follow requests explained as steps to do by hand."""

from __future__ import annotations

from typing import Any

import pytest

from apps.followers import actions, clients, ingest
from apps.followers.models import Follower, IngestState
from apps.platforms.base import UnsupportedError
from apps.platforms.models import Connection
from apps.platforms.x.tests.conftest import USER_ID, Account
from apps.platforms.x.tests.fake_x import answer
from apps.schools.models import Membership
from apps.schools.testing import client_for, make_personas

FOLLOWERS = rf"/2/users/{USER_ID}/followers"


def test_followers_are_read_page_by_page_with_their_profiles(account: Account) -> None:
    account.x.on(
        "GET", FOLLOWERS, answer(200, "followers_first_page.json"), answer(200, "followers_last_page.json")
    )
    client = account.client()

    first = client.list_followers()
    last = client.list_followers(first.cursor)

    assert [p.handle for p in first.profiles] == ["priya_parent", "fx_signals_8823741"]
    assert first.cursor == "7140dibdnow9c7btw481s8m561gat797rboud5r80xvzm" and last.cursor == ""
    priya, spam = first.profiles
    assert priya.avatar and priya.posts_count == 1904 and priya.created_at is not None
    assert not spam.avatar and spam.following_count == 4870 and "https://bit.ly/3xYzAbC" in spam.links
    sent = account.x.to("GET", FOLLOWERS)
    assert sent[0].query["max_results"] == "1000" and "public_metrics" in sent[0].query["user.fields"]
    assert sent[1].query["pagination_token"] == first.cursor
    assert sent[0].bearer == "access-1"


def test_an_api_plan_without_followers_is_said_plainly(account: Account) -> None:
    account.x.on("GET", FOLLOWERS, answer(403, "error_client_not_enrolled.json"))

    with pytest.raises(UnsupportedError) as caught:
        account.client().list_followers()

    assert "does not include reading its followers" in caught.value.message
    assert "x.com" in caught.value.advice


def test_removing_blocking_and_requests_on_x_say_what_to_do_by_hand(account: Account) -> None:
    client = account.client()
    with pytest.raises(UnsupportedError) as caught:
        client.remove_follower("1790000000000000002")
    assert "Remove this follower" in caught.value.advice
    with pytest.raises(UnsupportedError):
        client.list_follow_requests()
    with pytest.raises(UnsupportedError):
        client.follow_notifications()
    assert account.x.sent == []


@pytest.fixture(autouse=True)
def _inline(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")


def _connection(slug: str) -> tuple[Any, Connection]:
    p = make_personas(preset="sutton-manor", slug=slug)
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="x",
        handle="StCathsPrimary",
        external_id=USER_ID,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
    )
    connection.set_credentials({"access_token": "access-1", "client_id": "c"})
    connection.save()
    return p, connection


def test_the_review_reads_x_followers_and_records_a_removal_done_by_hand(
    db: None, account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    account.x.on(
        "GET", FOLLOWERS, answer(200, "followers_first_page.json"), answer(200, "followers_last_page.json")
    )
    p, connection = _connection("x-fol")
    monkeypatch.setattr(clients, "build", lambda c: account.client())

    outcome = ingest.ingest(connection.pk)

    assert not outcome.error and len(outcome.new) == 3
    spam = Follower.objects.get(handle="fx_signals_8823741")
    assert spam.recommended == "block" and {"scam", "spam-pattern"} <= {s["code"] for s in spam.signals}
    assert Follower.objects.get(handle="LeedsLibraries").recommended == "keep"
    assert IngestState.objects.get().unsupported == ""

    head = Membership.objects.get(user=p.head, school=p.school)
    decision = actions.decide(spam, head, "block", "Spam account", by_hand=True)
    assert decision.outcome == "recorded" and "by hand on X" in decision.detail
    assert [s.method for s in account.x.sent] == ["GET", "GET"]


def test_a_school_without_follower_access_on_x_is_told_on_the_review_page(
    db: None, account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    account.x.on("GET", FOLLOWERS, answer(403, "error_client_not_enrolled.json"))
    p, connection = _connection("x-no")
    monkeypatch.setattr(clients, "build", lambda c: account.client())

    outcome = ingest.ingest(connection.pk)

    assert outcome.error == ""
    page = client_for(p.head).get("/followers/").content.decode()
    assert "does not include reading its followers" in page
    assert "Look through the followers on x.com" in page

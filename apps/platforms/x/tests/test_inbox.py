"""The moderation inbox on X: the mentions timeline (replies, quotes, mentions) at the one HTTP boundary.

Answers are recorded in the shape X documents for ``GET /2/users/:id/mentions`` (``data``,
``includes.users/tweets/media``, ``meta``); the requests are asserted as X would receive them.
"""

from __future__ import annotations

from typing import Any

import pytest

from apps.moderation import actions, ingest
from apps.moderation.models import InboxItem, IngestState, ModerationAction
from apps.platforms.base import RetryableError
from apps.platforms.models import Connection
from apps.platforms.x.tests.conftest import USER_ID, Account
from apps.platforms.x.tests.fake_x import answer
from apps.schools.models import Membership
from apps.schools.testing import make_personas

MENTIONS = f"/2/users/{USER_ID}/mentions"


def test_mentions_are_read_as_replies_quotes_and_mentions_with_authors_and_bios(account: Account) -> None:
    account.x.on("GET", MENTIONS, answer(200, "mentions_first_page.json"))
    page = account.client().incoming("")
    sent = account.x.to("GET", MENTIONS)[0]
    assert "since_id" not in sent.query
    assert sent.query["expansions"] == "author_id,referenced_tweets.id,attachments.media_keys"
    assert sent.query["user.fields"] == "description,url,username,name"
    kinds = {item.external_id: item for item in page.items}
    reply = kinds["1861500000000000001"]
    assert reply.kind == "reply" and reply.in_reply_to == "1861420000000000000"
    assert reply.in_reply_to_text == "Well done to our netball team!"
    assert reply.author.handle == "@notnice" and reply.author.bio == "I say what I like"
    assert reply.images == ({"url": "https://pbs.twimg.com/media/Gabc.jpg", "alt": "a photo"},)
    assert kinds["1861500000000000002"].kind == "quote"
    mention = kinds["1861500000000000003"]
    assert (
        mention.kind == "mention" and mention.text == "@StCathsPrimary brilliant nativity & lovely singing 👏"
    )
    assert page.cursor == "1861500000000000003" and page.reads == 3


def test_the_next_read_sends_since_id_and_a_malformed_entry_is_reported_not_fatal(account: Account) -> None:
    account.x.on("GET", MENTIONS, answer(200, "mentions_malformed.json"))
    page = account.client().incoming("1861500000000000003")
    assert account.x.to("GET", MENTIONS)[0].query["since_id"] == "1861500000000000003"
    assert [item.external_id for item in page.items] == ["1861500000000000004"]
    assert len(page.problems) == 1 and "1861500000000000005" in page.problems[0]
    assert page.cursor == "1861500000000000005"


def test_a_429_says_how_long_to_wait(account: Account) -> None:
    account.x.on(
        "GET",
        MENTIONS,
        answer(429, "error_too_many_requests.json", x_rate_limit_reset=str(int(account.clock) + 600)),
    )
    with pytest.raises(RetryableError) as caught:
        account.client().incoming("")
    assert caught.value.retry_after is not None and 590 <= caught.value.retry_after <= 610


@pytest.fixture
def connected(
    db: None, account: Account, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Any
) -> Any:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")
    p = make_personas(preset="sutton-manor", slug="x-inbox")
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
    connection.set_credentials({"access_token": "access-1"})
    connection.save()
    monkeypatch.setattr(ingest, "build_client", lambda c: account.client())
    return p, connection


def test_x_items_are_stored_once_the_reply_is_hidden_and_the_author_muted_not_blocked(
    connected: Any, account: Account
) -> None:
    p, connection = connected
    account.x.on("GET", MENTIONS, answer(200, "mentions_first_page.json"), answer(200, "mentions_empty.json"))
    account.x.on("PUT", r"/2/tweets/\d+/hidden", answer(200, "hide_reply.json"))
    account.x.on("POST", rf"/2/users/{USER_ID}/muting", answer(200, "mute.json"))
    ingest.ingest(connection.pk)
    ingest.ingest(connection.pk)
    assert InboxItem.objects.filter(school=p.school).count() == 3
    assert IngestState.objects.get(connection=connection).cursor == "1861500000000000003"
    reply = InboxItem.objects.get(external_id="1861500000000000001")
    head = Membership.objects.get(user=p.head, school=p.school)

    actions.act(reply, head, "hide")
    hidden = account.x.to("PUT", r"/2/tweets/\d+/hidden")
    assert hidden[0].path == "/2/tweets/1861500000000000001/hidden" and hidden[0].json == {"hidden": True}

    with pytest.raises(actions.ActionRefused, match="enterprise"):
        actions.act(reply, head, "block")
    actions.act(reply, head, "mute")
    assert account.x.to("POST", rf"/2/users/{USER_ID}/muting")[0].json == {"target_user_id": "783214"}
    assert ModerationAction.objects.filter(item=reply, outcome="done").count() == 2


def test_the_reads_are_counted_for_the_cost_estimate(connected: Any, account: Account) -> None:
    _, connection = connected
    account.x.on("GET", MENTIONS, answer(200, "mentions_first_page.json"))
    ingest.ingest(connection.pk)
    assert IngestState.objects.get(connection=connection).reads_this_month == 3

"""The moderation inbox against mastodon-mock: a parent's reply and a mention are read with their
context, once; the author is blocked and reported (forwarded to their server); hiding is refused."""

from __future__ import annotations

from typing import Any

import pytest
from mastodon_mock.testing import MockServer

from apps.moderation import actions, ingest
from apps.moderation.models import InboxItem, IngestState
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.tests.conftest import as_user, credentials_for
from apps.platforms.models import Connection
from apps.schools.models import Membership
from apps.schools.testing import make_personas


@pytest.fixture(autouse=True)
def _inline(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")


def test_a_reply_and_a_mention_are_read_once_with_context_then_the_author_is_blocked_and_reported(
    db: None, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = make_personas(preset="sutton-manor", slug="masto-inbox")
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="mastodon",
        handle="@stcaths@mock",
        server_url=server.base_url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
    )
    connection.set_credentials(credentials_for(server))
    connection.save()
    client = MastodonClient(credentials_for(server), lambda creds: None)
    monkeypatch.setattr(ingest, "build_client", lambda c: client)

    ours = as_user(server, "stcaths").status_post("Our choir sang at the care home today.")
    troll = as_user(server, "troll")
    reply = troll.status_post("@stcaths what a useless bunch", in_reply_to_id=ours["id"])
    mention = troll.status_post("@stcaths when is the fair?")
    quote = troll.status_post("@stcaths look at this lot", quoted_status_id=ours["id"])

    outcome = ingest.ingest(connection.pk)
    assert not outcome.error, outcome.error
    items = {item.external_id: item for item in InboxItem.objects.filter(school=p.school)}
    assert set(items) == {str(reply["id"]), str(mention["id"]), str(quote["id"])}
    answered = items[str(reply["id"])]
    assert answered.kind == "reply" and answered.text == "@stcaths what a useless bunch"
    assert answered.in_reply_to_text == "Our choir sang at the care home today."
    assert answered.thread[0]["text"] == "Our choir sang at the care home today."
    assert answered.author_handle.startswith("@troll")
    assert items[str(mention["id"])].kind == "mention"
    quoting = items[str(quote["id"])]
    assert quoting.kind == "quote" and quoting.in_reply_to == str(ours["id"])
    assert quoting.in_reply_to_text == "Our choir sang at the care home today."
    assert IngestState.objects.get(connection=connection).cursor

    assert ingest.ingest(connection.pk).stored == []
    assert InboxItem.objects.filter(school=p.school).count() == 3

    options = {o.key: o for o in actions.options(answered)}
    assert not options["hide"].available and "Mastodon does not let" in options["hide"].why

    head = Membership.objects.get(user=p.head, school=p.school)
    actions.act(answered, head, "block")
    blocked = [str(account["id"]) for account in as_user(server, "stcaths").blocks()]
    assert blocked == [answered.author_id]

    actions.act(answered, head, "report")
    assert client.session.last_response is not None
    report = client.session.last_response.json()
    assert report["forwarded"] is True
    assert [str(s) for s in report["status_ids"]] == [str(reply["id"])]

    actions.act(quoting, head, "detach")
    revoked = as_user(server, "troll").status(quote["id"])
    assert revoked["quote"]["state"] == "revoked"

"""The moderation inbox against the real PDS: a parent replies to, mentions and quotes the school's post.

The PDS is real (records, threadgates, postgates, blocks, reports forwarded to the recorded
moderation service). Notifications and threads are the Bluesky app view's job, which the test PDS
does not run; :class:`TestAppView` answers ``listNotifications`` and ``getPostThread`` from the
PDS's own records, in the app view's documented shape, and passes everything else to the PDS.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from atproto_core.uri import AtUri

from apps.moderation import actions, ingest
from apps.moderation.models import Evidence, InboxItem, IngestState
from apps.platforms.base import RetryableError
from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.tests.conftest import Account, Pds
from apps.platforms.bluesky.tests.test_publishing import posts_of, raw_record
from apps.platforms.models import Connection
from apps.schools.models import Membership
from apps.schools.testing import make_personas

POST = "app.bsky.feed.post"


class TestAppView(httpx.BaseTransport):
    """A tiny app view over the PDS: the school's notifications and threads, built from real records."""

    __test__ = False

    def __init__(self, pds: Pds, school: Account, others: list[Account]) -> None:
        self.real = httpx.HTTPTransport()
        self.pds = pds
        self.school = school
        self.others = others
        self.calls: list[str] = []

    def _profile(self, account: Account) -> dict[str, Any]:
        return {"did": account.did, "handle": account.handle, "description": "Dad of three, Leeds"}

    def _view(self, account: Account, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "uri": record["uri"],
            "cid": record["cid"],
            "author": self._profile(account),
            "record": record["value"],
            "indexedAt": record["value"]["createdAt"],
        }

    def _notifications(self) -> dict[str, Any]:
        found = []
        for account in self.others:
            for record in posts_of(self.pds, account.did):
                value = record["value"]
                parent = ((value.get("reply") or {}).get("parent") or {}).get("uri", "")
                quoted = ((value.get("embed") or {}).get("record") or {}).get("uri", "")
                if parent.startswith(f"at://{self.school.did}/"):
                    reason = "reply"
                elif quoted.startswith(f"at://{self.school.did}/"):
                    reason = "quote"
                elif f"@{self.school.handle}" in value.get("text", ""):
                    reason = "mention"
                else:
                    continue
                found.append({**self._view(account, record), "reason": reason, "isRead": False})
        found.sort(key=lambda n: n["indexedAt"], reverse=True)
        return {"notifications": found}

    def _thread(self, uri: str) -> dict[str, Any]:
        at = AtUri.from_str(uri)
        owner = next(a for a in [self.school, *self.others] if a.did == at.host)
        record = self.pds.xrpc(
            "GET",
            "com.atproto.repo.getRecord",
            params={"repo": at.host, "collection": at.collection, "rkey": at.rkey},
        )
        node: dict[str, Any] = {"post": self._view(owner, record)}
        parent = ((record["value"].get("reply") or {}).get("parent") or {}).get("uri")
        if parent:
            node["parent"] = self._thread(parent)
        return node

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        nsid = request.url.path.removeprefix("/xrpc/")
        self.calls.append(nsid)
        if nsid == "app.bsky.notification.listNotifications":
            return httpx.Response(200, json=self._notifications())
        if nsid == "app.bsky.feed.getPostThread":
            return httpx.Response(200, json={"thread": self._thread(request.url.params["uri"])})
        return self.real.handle_request(request)


def _create(pds: Pds, account: Account, record: dict[str, Any]) -> dict[str, Any]:
    return pds.xrpc(
        "POST",
        "com.atproto.repo.createRecord",
        token=account.access_jwt,
        json={"repo": account.did, "collection": POST, "record": record},
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@pytest.fixture(autouse=True)
def _inline(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")


def test_replies_mentions_and_quotes_are_read_once_then_hidden_blocked_detached_and_reported(
    db: None, pds: Pds, make_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    school: Account = make_account("ibs")
    parent: Account = make_account("ibp")
    p = make_personas(preset="sutton-manor", slug="pds-inbox")
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="bluesky",
        handle=school.handle,
        external_id=school.did,
        server_url=pds.url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
    )
    connection.set_credentials(dict(school.credentials))
    connection.save()

    ours = _create(
        pds, school, {"$type": POST, "text": "Our choir sang at the care home today.", "createdAt": _now()}
    )
    strong = {"uri": ours["uri"], "cid": ours["cid"]}
    reply = _create(
        pds,
        parent,
        {
            "$type": POST,
            "text": "What a useless bunch",
            "createdAt": _now(),
            "reply": {"root": strong, "parent": strong},
        },
    )
    mention = _create(
        pds, parent, {"$type": POST, "text": f"Hey @{school.handle} when is the fair?", "createdAt": _now()}
    )
    quote = _create(
        pds,
        parent,
        {
            "$type": POST,
            "text": "Look at this lot",
            "createdAt": _now(),
            "embed": {"$type": "app.bsky.embed.record", "record": strong},
        },
    )

    appview = TestAppView(pds, school, [parent])
    monkeypatch.setattr(
        ingest,
        "build_client",
        lambda c: BlueskyClient(c.credentials(), lambda creds: None, transport=appview),
    )
    first = ingest.ingest(connection.pk)
    assert not first.error, first.error
    items = {item.kind: item for item in InboxItem.objects.filter(school=p.school)}
    assert set(items) == {"reply", "mention", "quote"}
    assert items["reply"].external_id == reply["uri"]
    assert items["reply"].in_reply_to_text == "Our choir sang at the care home today."
    assert items["reply"].author_bio == "Dad of three, Leeds"
    assert [post["text"] for post in items["reply"].thread] == [
        "Our choir sang at the care home today.",
        "What a useless bunch",
    ]
    assert items["quote"].in_reply_to == ours["uri"]
    assert items["mention"].external_id == mention["uri"]
    assert IngestState.objects.get(connection=connection).cursor

    second = ingest.ingest(connection.pk)
    assert second.stored == [] and InboxItem.objects.filter(school=p.school).count() == 3

    head = Membership.objects.get(user=p.head, school=p.school)
    actions.act(items["reply"], head, "hide")
    gate = raw_record(pds, school.did, "app.bsky.feed.threadgate", AtUri.from_str(ours["uri"]).rkey)
    assert gate["hiddenReplies"] == [reply["uri"]]
    assert Evidence.objects.filter(item=items["reply"]).exists()

    actions.act(items["reply"], head, "block")
    blocks = posts_of(pds, school.did, "app.bsky.graph.block")
    assert [b["value"]["subject"] for b in blocks] == [parent.did]

    actions.act(items["quote"], head, "detach")
    postgate = raw_record(pds, school.did, "app.bsky.feed.postgate", AtUri.from_str(ours["uri"]).rkey)
    assert postgate["detachedEmbeddingUris"] == [quote["uri"]]

    actions.act(items["mention"], head, "report")
    reports = [r for r in pds.recorded() if r["nsid"] == "com.atproto.moderation.createReport"]
    assert reports and reports[-1]["input"]["subject"]["uri"] == mention["uri"]
    assert json.dumps(reports[-1]["input"]).count("reasonType") == 1


class Spoiled(httpx.BaseTransport):
    """Answers the app view's calls with what a test gives; everything else goes to the PDS."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.real = httpx.HTTPTransport()
        self.answers = list(answers)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/xrpc/app.bsky.") and self.answers:
            return self.answers.pop(0)
        return self.real.handle_request(request)


def test_a_rate_limited_notifications_read_says_how_long_to_wait(school: Account) -> None:
    reset = str(int(datetime.now(UTC).timestamp()) + 300)
    client = BlueskyClient(
        dict(school.credentials),
        lambda c: None,
        transport=Spoiled(
            httpx.Response(429, headers={"ratelimit-reset": reset}, json={"error": "RateLimitExceeded"})
        ),
    )
    with pytest.raises(RetryableError) as caught:
        client.incoming("")
    assert caught.value.retry_after is not None and 290 <= caught.value.retry_after <= 301


def test_malformed_notifications_are_reported_and_the_good_ones_kept(
    school: Account, parent: Account
) -> None:
    good = {
        "uri": f"at://{parent.did}/app.bsky.feed.post/3lgood",
        "cid": "bafyreib",
        "reason": "mention",
        "indexedAt": "2026-03-11T10:00:00.000Z",
        "author": {"did": parent.did, "handle": parent.handle, "description": "Gran"},
        "record": {"$type": POST, "text": "Lovely assembly", "createdAt": "2026-03-11T10:00:00.000Z"},
    }
    broken = {
        "uri": f"at://{parent.did}/app.bsky.feed.post/3lbad",
        "reason": "reply",
        "indexedAt": "2026-03-11T09:00:00.000Z",
    }
    threads = httpx.Response(501, json={"error": "MethodNotImplemented"})
    client = BlueskyClient(
        dict(school.credentials),
        lambda c: None,
        transport=Spoiled(httpx.Response(200, json={"notifications": [good, broken, "junk"]}), threads),
    )
    page = client.incoming("")
    assert [item.text for item in page.items] == ["Lovely assembly"]
    assert len(page.problems) == 1 and "3lbad" in page.problems[0]
    assert page.cursor == "2026-03-11T10:00:00.000Z"


def test_a_notifications_answer_that_is_not_a_list_is_a_retry_not_a_crash(school: Account) -> None:
    client = BlueskyClient(
        dict(school.credentials),
        lambda c: None,
        transport=Spoiled(httpx.Response(200, json={"notifications": "nope"})),
    )
    with pytest.raises(RetryableError):
        client.incoming("")

"""The follower review against the real PDS: accounts follow the school (real follow records), the
review reads them and blocks one; the block is read back from the school's repository.

The PDS does not run the Bluesky app view, so :class:`FollowersAppView` answers ``getFollowers``,
``getProfiles`` and follow notifications from the PDS's own records, in the app view's documented
shape. It also shows why Safepost keeps the block rather than blocking then unblocking: the
follow record stays in the follower's own repository whatever the school does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from apps.followers import actions, clients, ingest
from apps.followers.models import Follower
from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.tests.conftest import Account, Pds
from apps.platforms.bluesky.tests.test_publishing import posts_of
from apps.platforms.models import Connection
from apps.schools.models import Membership
from apps.schools.testing import make_personas

FOLLOW = "app.bsky.graph.follow"
PROFILE = "app.bsky.actor.profile"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class FollowersAppView(httpx.BaseTransport):
    """A tiny app view over the PDS: followers, profiles and follow notifications from real records."""

    __test__ = False

    def __init__(self, pds: Pds, school: Account, others: list[Account]) -> None:
        self.real = httpx.HTTPTransport()
        self.pds = pds
        self.school = school
        self.others = {a.did: a for a in others}

    def _follows_of_school(self) -> list[tuple[Account, dict[str, Any]]]:
        found = []
        for account in self.others.values():
            for record in posts_of(self.pds, account.did, FOLLOW):
                if record["value"]["subject"] == self.school.did:
                    found.append((account, record))
        found.sort(key=lambda pair: pair[1]["value"]["createdAt"], reverse=True)
        return found

    def _view(self, account: Account) -> dict[str, Any]:
        records = posts_of(self.pds, account.did, PROFILE)
        value = records[0]["value"] if records else {}
        view = {"did": account.did, "handle": account.handle, "createdAt": "2024-01-01T00:00:00.000Z"}
        if value.get("description"):
            view["description"] = value["description"]
        if value.get("displayName"):
            view["displayName"] = value["displayName"]
        return view

    def _detailed(self, did: str) -> dict[str, Any]:
        account = self.others[did]
        return {
            **self._view(account),
            "postsCount": len(posts_of(self.pds, did)),
            "followsCount": len(posts_of(self.pds, did, FOLLOW)),
            "followersCount": 0,
        }

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        nsid = request.url.path.removeprefix("/xrpc/")
        if nsid == "app.bsky.graph.getFollowers":
            followers = [self._view(account) for account, _ in self._follows_of_school()]
            return httpx.Response(200, json={"subject": {"did": self.school.did}, "followers": followers})
        if nsid == "app.bsky.actor.getProfiles":
            dids = request.url.params.get_list("actors")
            return httpx.Response(
                200, json={"profiles": [self._detailed(d) for d in dids if d in self.others]}
            )
        if nsid == "app.bsky.notification.listNotifications":
            notes = [
                {
                    "uri": record["uri"],
                    "cid": record["cid"],
                    "author": self._view(account),
                    "reason": "follow",
                    "record": record["value"],
                    "isRead": False,
                    "indexedAt": record["value"]["createdAt"],
                }
                for account, record in self._follows_of_school()
            ]
            return httpx.Response(200, json={"notifications": notes})
        return self.real.handle_request(request)


@pytest.fixture(autouse=True)
def _inline(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")


def _create(
    pds: Pds, account: Account, collection: str, record: dict[str, Any], rkey: str | None = None
) -> Any:
    body: dict[str, Any] = {"repo": account.did, "collection": collection, "record": record}
    if rkey:
        body["rkey"] = rkey
    return pds.xrpc("POST", "com.atproto.repo.createRecord", token=account.access_jwt, json=body)


def test_accounts_follow_the_school_and_the_review_blocks_one_read_back_on_the_pds(
    db: None, pds: Pds, make_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    school: Account = make_account("fols")
    parent: Account = make_account("folp")
    spam: Account = make_account("folx")
    _create(
        pds,
        parent,
        PROFILE,
        {"$type": PROFILE, "displayName": "Sam", "description": "Dad of two, Oakfield PTA"},
        "self",
    )
    _create(
        pds,
        spam,
        PROFILE,
        {"$type": PROFILE, "displayName": "Hot singles", "description": "OnlyFans link below 🔞"},
        "self",
    )
    for account in (parent, spam):
        _create(pds, account, FOLLOW, {"$type": FOLLOW, "subject": school.did, "createdAt": _now()})

    p = make_personas(preset="st-catherine", slug="pds-fol")
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
    appview = FollowersAppView(pds, school, [parent, spam])
    monkeypatch.setattr(
        clients, "build", lambda c: BlueskyClient(c.credentials(), lambda creds: None, transport=appview)
    )

    outcome = ingest.ingest(connection.pk)

    assert not outcome.error, outcome.error
    followers = {f.external_id: f for f in Follower.objects.filter(school=p.school)}
    assert set(followers) == {parent.did, spam.did}
    assert followers[parent.did].recommended == "keep"
    bad = followers[spam.did]
    assert bad.recommended == "block" and bad.handle == spam.handle and bad.followed_at is not None
    assert ingest.ingest(connection.pk).new == []

    head = Membership.objects.get(user=p.head, school=p.school)
    assert not next(o for o in actions.options(bad) if o.key == "remove").available
    decision = actions.decide(bad, head, "block", "Adult account")

    blocks = posts_of(pds, school.did, "app.bsky.graph.block")
    assert [b["value"]["subject"] for b in blocks] == [spam.did]
    assert Follower.objects.get(pk=bad.pk).state == Follower.State.BLOCKED
    assert "blocked" in decision.detail
    # The follow is the follower's own record: nothing the school does removes it, which is why
    # a block (kept) is the only way to stop it following on Bluesky.
    assert [r["value"]["subject"] for r in posts_of(pds, spam.did, FOLLOW)] == [school.did]


def test_removing_a_follower_on_bluesky_blocks_it_and_unblocking_takes_the_block_back(
    pds: Pds, make_account: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    school: Account = make_account("folr")
    other: Account = make_account("folo")
    client = BlueskyClient(dict(school.credentials), lambda creds: None)

    removal = client.remove_follower(other.did)

    assert removal.method == "block" and "Bluesky has no way to remove a follower" in removal.note
    assert [b["value"]["subject"] for b in posts_of(pds, school.did, "app.bsky.graph.block")] == [other.did]
    client.unblock(other.did)
    assert posts_of(pds, school.did, "app.bsky.graph.block") == []
    client.close()

"""Following on a real PDS: the school follows an approved account, reads whom it follows, unfollows.

The follow records are read back from the school's repository on the PDS. Profiles are the
Bluesky app view's job (``getProfiles``), which the test PDS does not run: :class:`ProfileView`
answers it from the PDS's own records in the app view's documented shape (leaving out deleted
accounts, as the app view does) and passes everything else to the PDS. Without it the PDS
refuses ``getProfiles`` and the client reads each account's own profile record instead: the
path a school takes when the app view is down, tested too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.tests.conftest import Account, Pds
from apps.platforms.bluesky.tests.test_publishing import posts_of

FOLLOW = "app.bsky.graph.follow"


class ProfileView(httpx.BaseTransport):
    """``app.bsky.actor.getProfiles`` answered from the PDS's records; the rest goes to the PDS."""

    def __init__(self, pds: Pds) -> None:
        self.real = httpx.HTTPTransport()
        self.pds = pds
        self.handles: dict[str, str] = {}
        self.asked: list[list[str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/xrpc/app.bsky.actor.getProfiles":
            return self.real.handle_request(request)
        actors = request.url.params.get_list("actors")
        self.asked.append(actors)
        views = []
        for did in actors:
            listed = httpx.get(
                f"{self.pds.url}/xrpc/com.atproto.repo.listRecords",
                params={"repo": did, "collection": "app.bsky.actor.profile"},
            )
            if listed.status_code != 200 or did not in self.handles:
                continue  # deleted or unknown: the app view leaves it out
            value = next(iter(r["value"] for r in listed.json()["records"]), {})
            views.append(
                {
                    "did": did,
                    "handle": self.handles[did],
                    "displayName": value.get("displayName", ""),
                    "description": value.get("description", ""),
                    "followersCount": 12,
                    "followsCount": 40,
                    "postsCount": 230,
                    "createdAt": "2023-05-01T10:00:00.000Z",
                }
            )
        return httpx.Response(200, json={"profiles": views})


@pytest.fixture
def view(pds: Pds) -> ProfileView:
    return ProfileView(pds)


@pytest.fixture
def viewed(school: Account, view: ProfileView) -> Any:
    """A client for the school's account whose profile reads reach :class:`ProfileView`."""
    bluesky = BlueskyClient(dict(school.credentials), lambda _: None, transport=view)
    yield bluesky
    bluesky.close()


def _set_bio(pds: Pds, account: Account, bio: str, name: str = "") -> None:
    record: dict[str, Any] = {"$type": "app.bsky.actor.profile", "description": bio}
    if name:
        record["displayName"] = name
    pds.xrpc(
        "POST",
        "com.atproto.repo.putRecord",
        token=account.access_jwt,
        json={"repo": account.did, "collection": "app.bsky.actor.profile", "rkey": "self", "record": record},
    )


def _all_following(client: BlueskyClient) -> list[Any]:
    items, cursor = [], ""
    while True:
        page = client.list_following(cursor)
        items += page.items
        cursor = page.cursor
        if not cursor:
            return items


def test_the_school_follows_an_account_and_the_follow_record_is_read_back(
    viewed: BlueskyClient, view: ProfileView, pds: Pds, make_account: Callable[[str], Account]
) -> None:
    client = viewed
    library = make_account("library")
    view.handles[library.did] = library.handle
    _set_bio(pds, library, "Leeds Central Library: storytime for children every Saturday.", "Leeds Library")

    result = client.follow(library.handle)

    records = [r for r in posts_of(pds, client.did, FOLLOW) if r["value"]["subject"] == library.did]
    assert [r["uri"] for r in records] == [result.follow_id]
    assert result.external_id == library.did and not result.pending
    followed = {item.profile.external_id: item for item in _all_following(client)}
    profile = followed[library.did].profile
    assert profile.handle == library.handle
    assert profile.display_name == "Leeds Library"
    assert "storytime" in profile.bio
    assert (profile.followers_count, profile.following_count, profile.posts_count) == (12, 40, 230)
    assert profile.created_at is not None and profile.created_at.year == 2023
    assert followed[library.did].follow_id == result.follow_id
    assert [library.did] in view.asked


def test_following_twice_keeps_one_record_and_unfollowing_deletes_it(
    client: BlueskyClient, pds: Pds, make_account: Callable[[str], Account]
) -> None:
    author = make_account("author")
    first = client.follow(author.handle)
    again = client.follow(author.did)
    assert again.follow_id == first.follow_id
    assert len([r for r in posts_of(pds, client.did, FOLLOW) if r["value"]["subject"] == author.did]) == 1

    client.unfollow(first.follow_id)
    assert not [r for r in posts_of(pds, client.did, FOLLOW) if r["value"]["subject"] == author.did]
    client.unfollow(author.handle)  # no longer followed: not an error


def _delete(pds: Pds, account: Account) -> None:
    response = httpx.post(
        f"{pds.url}/xrpc/com.atproto.admin.deleteAccount",
        auth=("admin", pds.admin_password),
        json={"did": account.did},
        timeout=30,
    )
    assert response.status_code == 200, response.text


def test_odd_profiles_are_listed_without_error(
    viewed: BlueskyClient, view: ProfileView, pds: Pds, make_account: Callable[[str], Account]
) -> None:
    no_bio = make_account("nobio")
    other_script = make_account("script")
    _set_bio(pds, other_script, "東京の小学校です。よろしくお願いします。")
    gone = make_account("gone")
    for account in (no_bio, other_script, gone):
        view.handles[account.did] = account.handle
        viewed.follow(account.did)
    _delete(pds, gone)

    profiles = {item.profile.external_id: item.profile for item in _all_following(viewed)}
    assert profiles[no_bio.did].bio == "" and not profiles[no_bio.did].deleted
    assert profiles[no_bio.did].handle == no_bio.handle
    assert profiles[other_script.did].bio.startswith("東京")
    assert profiles[gone.did].deleted


def test_without_the_app_view_profiles_come_from_each_account_s_own_record(
    client: BlueskyClient, pds: Pds, make_account: Callable[[str], Account]
) -> None:
    teacher = make_account("novelist")
    _set_bio(pds, teacher, "Children's author. Books for readers aged 7 to 11.", "Ann Author")
    gone = make_account("vanished")
    client.follow(teacher.did)
    client.follow(gone.did)
    _delete(pds, gone)

    profiles = {item.profile.external_id: item.profile for item in _all_following(client)}
    assert profiles[teacher.did].display_name == "Ann Author"
    assert "Children's author" in profiles[teacher.did].bio
    assert profiles[teacher.did].followers_count is None  # only the app view counts
    assert profiles[gone.did].deleted
    assert not profiles[teacher.did].deleted


def test_many_follows_are_read_in_pages(client: BlueskyClient, pds: Pds) -> None:
    # 120 follow records (to made-up DIDs the app view has never heard of): two pages of 100.
    writes = [
        {
            "$type": "com.atproto.repo.applyWrites#create",
            "collection": FOLLOW,
            "value": {
                "$type": FOLLOW,
                "subject": f"did:plc:paging{n:019d}",
                "createdAt": "2026-12-01T09:00:00.000Z",
            },
        }
        for n in range(120)
    ]
    for start in (0, 60):
        pds.xrpc(
            "POST",
            "com.atproto.repo.applyWrites",
            token=_school_token(pds, client),
            json={"repo": client.did, "writes": writes[start : start + 60]},
        )
    first = client.list_following()
    assert len(first.items) == 100 and first.cursor
    listed = {item.profile.external_id for item in _all_following(client)}
    assert {f"did:plc:paging{n:019d}" for n in range(120)} <= listed


def _school_token(pds: Pds, client: BlueskyClient) -> str:
    session = client._client._session
    assert session is not None
    return session.access_jwt

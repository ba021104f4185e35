"""Following on a real mastodon-mock server: follow (a locked account must accept), list, unfollow."""

from __future__ import annotations

import pytest
from mastodon_mock.testing import MockServer

from apps.platforms.base import Followed
from apps.platforms.mastodon import client as mastodon_client
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.tests.conftest import as_user


def _following_of(server: MockServer, username: str = "stcaths") -> set[str]:
    """Whom ``username`` follows, read back independently of Safepost's client."""
    reader = as_user(server, username)
    me = reader.account_verify_credentials()
    return {str(account["acct"]) for account in reader.account_following(me["id"], limit=80)}


def _everything(school: MastodonClient) -> list[Followed]:
    items, cursor = [], ""
    while True:
        page = school.list_following(cursor)
        items += page.items
        cursor = page.cursor
        if not cursor:
            return items


def test_the_school_follows_an_account_lists_it_and_unfollows_it(
    school: MastodonClient, server: MockServer
) -> None:
    as_user(server, "parent").account_update_credentials(
        note="<p>Chair of the PTA at St Catherine's. https://pta.example.org</p>", display_name="PTA chair"
    )
    result = school.follow("@parent")
    assert not result.pending
    assert "parent" in _following_of(server)

    listed = {item.profile.handle: item for item in _everything(school)}
    profile = listed[next(h for h in listed if h.startswith("parent@"))].profile
    assert profile.display_name == "PTA chair"
    assert "Chair of the PTA" in profile.bio and "https://pta.example.org" in profile.links
    assert profile.followers_count is not None and profile.created_at is not None
    assert listed[profile.handle].follow_id == result.follow_id == profile.external_id

    school.unfollow(result.follow_id)
    assert "parent" not in _following_of(server)
    school.unfollow("@parent")  # not followed any more: not an error


def test_following_a_locked_account_waits_for_it_to_accept(
    school: MastodonClient, server: MockServer
) -> None:
    result = school.follow("@courtney")
    assert result.pending
    assert "courtney" not in _following_of(server)


def test_a_long_following_list_is_read_in_pages(
    school: MastodonClient, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("parent", "troll", "stcaths_y6"):
        school.follow(f"@{name}")
    monkeypatch.setattr(mastodon_client, "_FOLLOWING_PAGE", 2)
    first = school.list_following()
    assert len(first.items) == 2 and first.cursor
    assert {item.profile.handle.split("@")[0] for item in _everything(school)} == {
        "parent",
        "troll",
        "stcaths_y6",
    }


def test_a_bio_in_another_script_and_an_empty_bio_are_read(
    school: MastodonClient, server: MockServer
) -> None:
    as_user(server, "troll").account_update_credentials(note="<p>東京の小学校です。</p>")
    as_user(server, "parent").account_update_credentials(note="")
    school.follow("@troll")
    school.follow("@parent")
    profiles = {item.profile.handle.split("@")[0]: item.profile for item in _everything(school)}
    assert profiles["troll"].bio == "東京の小学校です。"
    assert profiles["parent"].bio == ""

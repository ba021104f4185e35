"""Following on X, against recorded answers: the list in pages, follow (a protected account's
pending request), unfollow, and a plain explanation when the school's X access lacks following."""

from __future__ import annotations

import pytest

from apps.platforms.base import PermanentError, UnsupportedError
from apps.platforms.x.tests.conftest import USER_ID, Account
from apps.platforms.x.tests.fake_x import answer

FOLLOWING = f"/2/users/{USER_ID}/following"


def test_it_reads_whom_the_school_follows_page_by_page_with_profile_facts(account: Account) -> None:
    account.x.on(
        "GET",
        FOLLOWING,
        answer(200, "following_first_page.json"),
        answer(200, "following_last_page.json"),
    )
    client = account.client()

    first = client.list_following()
    last = client.list_following(first.cursor)

    assert first.cursor == "7140dibdnow9c7btw4b3tdwrr6t4d9xidrxgfdm8by5mc" and last.cursor == ""
    library, empty = (item.profile for item in first.items)
    assert (library.handle, library.display_name, library.followers_count) == (
        "LeedsLibraries",
        "Leeds Libraries",
        18342,
    )
    assert library.avatar and library.links == ("https://www.leeds.gov.uk/libraries",)
    assert library.created_at is not None and library.created_at.year == 2010
    assert first.items[0].follow_id == "783214"
    # Odd data: no name, no bio, the default picture; a bio in another script.
    assert (empty.display_name, empty.bio, empty.avatar, empty.following_count) == ("", "", False, 4999)
    assert last.items[0].profile.bio.startswith("東京都")
    asked = account.x.to("GET", FOLLOWING)
    assert asked[0].query["max_results"] == "1000" and "public_metrics" in asked[0].query["user.fields"]
    assert "pagination_token" not in asked[0].query
    assert asked[1].query["pagination_token"] == first.cursor


def test_it_follows_an_account_by_its_username_and_unfollows_it(account: Account) -> None:
    account.x.on("GET", "/2/users/by/username/LeedsLibraries", answer(200, "user_by_username.json"))
    account.x.on("POST", FOLLOWING, answer(200, "follow_user.json"))
    account.x.on("DELETE", f"{FOLLOWING}/783214", answer(200, "unfollow_user.json"))
    client = account.client()

    result = client.follow("@LeedsLibraries")
    client.unfollow(result.follow_id)

    assert (result.follow_id, result.external_id, result.pending) == ("783214", "783214", False)
    assert account.x.to("POST", FOLLOWING)[0].json == {"target_user_id": "783214"}
    assert len(account.x.to("DELETE", f"{FOLLOWING}/783214")) == 1


def test_a_protected_account_leaves_the_follow_pending(account: Account) -> None:
    account.x.on("POST", FOLLOWING, answer(200, "follow_user_pending.json"))
    assert account.client().follow("1590000000000000002").pending


def test_an_unknown_username_is_refused_with_advice(account: Account) -> None:
    account.x.on("GET", "/2/users/by/username/NoSuchSchool", answer(200, "user_by_username_missing.json"))
    with pytest.raises(PermanentError, match="X has no account @NoSuchSchool") as raised:
        account.client().follow("NoSuchSchool")
    assert "Check the username" in raised.value.advice
    assert account.x.to("POST", FOLLOWING) == []


def test_without_following_access_it_says_so_plainly(account: Account) -> None:
    account.x.on("GET", FOLLOWING, answer(403, "error_client_not_enrolled.json"))
    with pytest.raises(UnsupportedError, match="does not include following") as raised:
        account.client().list_following()
    assert "follow and unfollow in the X app" in raised.value.advice

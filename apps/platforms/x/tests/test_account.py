"""Looking after the school's X account: who it is, deleting, reposting, hiding replies, muting."""

from __future__ import annotations

import pytest

from apps.platforms.base import AuthError, PermanentError, UnsupportedError
from apps.platforms.x.platform import PLATFORM
from apps.platforms.x.tests.conftest import USER_ID, Account
from apps.platforms.x.tests.fake_x import answer

POST_ID = "1861412237543092224"


def test_it_says_whose_account_the_credentials_open(account: Account) -> None:
    account.x.on("GET", "/2/users/me", answer(200, "users_me.json"))

    me = account.client().whoami()

    assert (me.external_id, me.handle, me.display_name) == (
        USER_ID,
        "StCathsPrimary",
        "St Catherine's Primary",
    )
    assert me.url == "https://x.com/StCathsPrimary"
    assert me.locked is False


def test_it_reads_the_profile_text_and_the_addresses_behind_xs_short_links(account: Account) -> None:
    account.x.on("GET", "/2/users/me", answer(200, "users_me_profile.json"))

    me = account.client().whoami()

    assert me.description.startswith("The official account of St Catherine's Primary.")
    assert me.links[:2] == (
        "https://www.stcaths.sch.uk",
        "https://safepost.stcaths.sch.uk/s/st-caths/accounts/",
    )
    asked = account.x.to("GET", "/2/users/me")[0]
    assert "description" in asked.url and "entities" in asked.url


def test_x_does_not_let_safepost_change_the_profile_and_says_what_to_do(account: Account) -> None:
    with pytest.raises(UnsupportedError, match="Edit profile"):
        account.client().set_profile_text("The official account of St Catherine's")
    assert account.x.sent == []


def test_whoami_reports_revoked_access_as_needing_a_reconnect(account: Account) -> None:
    account.x.on("GET", "/2/users/me", answer(401, "error_unauthorized.json"))

    with pytest.raises(AuthError) as raised:
        account.client(refresh_token=None).whoami()

    assert "expired or was revoked" in raised.value.message
    assert account.x.to("POST", "/2/oauth2/token") == []


def test_it_deletes_a_post(account: Account) -> None:
    account.x.on("DELETE", f"/2/tweets/{POST_ID}", answer(200, "delete_post.json"))

    account.client().delete(POST_ID)

    assert len(account.x.to("DELETE", f"/2/tweets/{POST_ID}")) == 1


def test_deleting_a_post_that_is_already_gone_is_not_an_error(account: Account) -> None:
    account.x.on("DELETE", f"/2/tweets/{POST_ID}", answer(404, "error_not_found.json"))

    account.client().delete(POST_ID)


def test_it_reposts_one_of_the_schools_posts(account: Account) -> None:
    account.x.on("POST", f"/2/users/{USER_ID}/retweets", answer(200, "repost.json"))

    result = account.client().repost(POST_ID)

    [sent] = account.x.sent
    assert sent.json == {"tweet_id": POST_ID}
    assert result.url == f"https://x.com/StCathsPrimary/status/{POST_ID}"


def test_reposting_twice_is_not_an_error(account: Account) -> None:
    account.x.on("POST", f"/2/users/{USER_ID}/retweets", answer(403, "error_already_reposted.json"))

    assert account.client().repost(POST_ID).external_id == POST_ID


def test_reposting_a_post_x_refuses_to_share_says_why(account: Account) -> None:
    account.x.on("POST", f"/2/users/{USER_ID}/retweets", answer(404, "error_not_found.json"))

    with pytest.raises(PermanentError) as raised:
        account.client().repost(POST_ID)

    assert "Could not find tweet" in raised.value.platform_text


def test_it_hides_a_reply_to_a_school_post(account: Account) -> None:
    account.x.on("PUT", "/2/tweets/1861500000000000001/hidden", answer(200, "hide_reply.json"))

    account.client().hide_reply("1861500000000000001")

    assert account.x.sent[0].json == {"hidden": True}


def test_it_mutes_an_account(account: Account) -> None:
    account.x.on("POST", f"/2/users/{USER_ID}/muting", answer(200, "mute.json"))

    account.client().mute("9876543210")

    assert account.x.sent[0].json == {"target_user_id": "9876543210"}


def test_blocking_is_refused_with_mute_and_hide_offered_instead(account: Account) -> None:
    with pytest.raises(UnsupportedError) as raised:
        account.client().block("9876543210")

    assert "Mute the account and hide its replies" in raised.value.explain()
    assert account.x.sent == []


def test_the_platform_tells_the_ui_what_x_cannot_do() -> None:
    capabilities = PLATFORM.capabilities

    assert capabilities.limit_replies and not capabilities.block
    assert not capabilities.disable_quotes and not capabilities.followers_only
    assert any("mute them and hide" in note for note in capabilities.notes)
    assert PLATFORM.auth == "oauth" and PLATFORM.start_authorisation and PLATFORM.finish_authorisation


def test_the_limits_are_xs(account: Account) -> None:
    limits = account.client().limits()

    assert (limits.max_chars, limits.link_chars, limits.max_media) == (280, 23, 4)
    assert limits.remaining("a" * 250 + " https://www.stcaths.sch.uk/a-long-page-address-for-parents") == 6
    assert "image/heic" not in limits.media_formats


def test_the_compose_counter_counts_as_x_does() -> None:
    from apps.platforms.x.client import XClient

    limits = XClient({"access_token": "t", "client_id": "c"}, lambda c: None).limits()
    assert limits.length("Hello") == 5
    assert limits.length("運動会") == 6  # X counts each of these as 2
    assert limits.length("See https://example.org/a/very/long/address/indeed") == 4 + 23

"""The Mastodon client against a real mastodon-mock server, read back through Mastodon.py."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from mastodon_mock.testing import MockServer

from apps.platforms.base import AuthError, Media, Outgoing, PermanentError
from apps.platforms.mastodon.client import DEFAULT_LIMITS, MastodonClient
from apps.platforms.mastodon.platform import PLATFORM
from apps.platforms.mastodon.tests.conftest import arm_fault, as_user, credentials_for, own_statuses, photo


def test_it_publishes_a_public_post_with_a_described_photo(
    school: MastodonClient, server: MockServer
) -> None:
    post = Outgoing(text="What a sports day! Well done Year 6 #SportsDay", media=(photo(),))

    result = school.publish(post, uuid.uuid4())

    status = dict(as_user(server, "parent").status(result.external_id))
    assert status["visibility"] == "public"
    assert "What a sports day! Well done Year 6" in status["content"]
    assert [m["description"] for m in status["media_attachments"]] == [
        "Children racing in the sack race on the field"
    ]
    assert status["language"] == "en"
    assert result.url == status["url"]
    assert result.url.endswith(result.external_id)


def test_it_posts_to_followers_only_when_the_policy_protects_the_account(server: MockServer) -> None:
    courtney = MastodonClient(credentials_for(server, "courtney"), lambda _: None)

    result = courtney.publish(
        Outgoing(text="Harvest festival photos", visibility="followers-only"), uuid.uuid4()
    )

    assert dict(as_user(server, "courtney").status(result.external_id))["visibility"] == "private"


def test_it_asks_mastodon_to_let_nobody_quote_when_the_policy_disables_quotes(
    school: MastodonClient, server: MockServer
) -> None:
    result = school.publish(Outgoing(text="Choir concert tonight", quote_posts="disable"), uuid.uuid4())
    quoted_freely = school.publish(Outgoing(text="Choir concert tomorrow"), uuid.uuid4())

    reader = as_user(server, "parent")
    assert dict(reader.status(result.external_id))["quote_approval_policy"] == "nobody"
    assert dict(reader.status(quoted_freely.external_id))["quote_approval_policy"] == "public"


def test_it_publishes_even_when_the_policy_takes_no_replies_and_says_mastodon_cannot_limit_them(
    school: MastodonClient, server: MockServer
) -> None:
    result = school.publish(Outgoing(text="Term dates are on the website", replies="none"), uuid.uuid4())

    assert str(own_statuses(server)[0]["id"]) == result.external_id
    assert PLATFORM.capabilities.limit_replies is False
    assert any("cannot stop people replying" in note for note in PLATFORM.capabilities.notes)


def test_it_publishes_once_when_the_same_key_is_sent_twice(
    school: MastodonClient, server: MockServer
) -> None:
    key = uuid.uuid4()
    post = Outgoing(text="Non-uniform day on Friday")

    first = school.publish(post, key)
    second = school.publish(post, key)

    assert first == second
    assert len(own_statuses(server)) == 1


def test_it_refuses_a_post_too_long_for_the_server_before_sending_anything(
    school: MastodonClient, server: MockServer
) -> None:
    with pytest.raises(PermanentError) as caught:
        school.publish(Outgoing(text="a" * 501), uuid.uuid4())

    assert "1 characters too long" in caught.value.message
    assert "Shorten the post" in caught.value.explain()
    assert own_statuses(server) == []


def test_it_counts_every_link_as_23_characters_like_mastodon(school: MastodonClient) -> None:
    link = "https://www.stcatherines.example.sch.uk/news/2026/summer-term/sports-day-results"
    fits = "x" * (500 - 23 - 1) + " " + link

    assert school.limits().remaining(fits) == 0
    with pytest.raises(PermanentError, match="1 characters too long"):
        school.publish(Outgoing(text="x" + fits), uuid.uuid4())


@pytest.mark.parametrize(
    ("media", "says"),
    [
        ((photo(),) * 5, "takes at most 4"),
        ((Media(b"GIF89a", "image/tiff", "A scan", 10, 10),), "does not accept"),
        ((photo(alt_text="a" * 1501),), "description is 1501 characters"),
    ],
)
def test_it_refuses_images_mastodon_would_refuse(
    school: MastodonClient, server: MockServer, media: tuple[Media, ...], says: str
) -> None:
    with pytest.raises(PermanentError) as caught:
        school.publish(Outgoing(text="Photos from the trip", media=media), uuid.uuid4())

    assert says in caught.value.message
    assert own_statuses(server) == []


def test_it_uses_the_servers_own_limits_read_at_connection(server: MockServer) -> None:
    limits = {"max_chars": 1000, "link_chars": 23, "max_media": 4, "max_media_bytes": 10_000_000,
              "media_formats": ["image/jpeg", "image/png", "video/mp4"]}  # fmt: skip
    client = MastodonClient(credentials_for(server, limits=limits), lambda _: None)

    assert client.limits().max_chars == 1000
    assert client.limits().media_formats == ("image/jpeg", "image/png")
    assert MastodonClient(credentials_for(server), lambda _: None).limits() == DEFAULT_LIMITS


def test_it_shows_the_servers_own_words_when_it_rejects_a_post(server: MockServer) -> None:
    # The server's limit is lower than the one saved at connection (its admin changed it).
    client = MastodonClient(credentials_for(server, limits={"max_chars": 1000}), lambda _: None)

    with pytest.raises(PermanentError) as caught:
        client.publish(Outgoing(text="b" * 600), uuid.uuid4())

    assert not isinstance(caught.value, AuthError)
    assert "Text is too long" in caught.value.platform_text
    assert "HTTP 422" in caught.value.message
    assert caught.value.advice


def test_it_deletes_a_post_and_deleting_it_again_is_not_an_error(
    school: MastodonClient, server: MockServer
) -> None:
    result = school.publish(Outgoing(text="Posted by mistake"), uuid.uuid4())

    school.delete(result.external_id)
    school.delete(result.external_id)

    assert own_statuses(server) == []


def test_the_main_account_boosts_a_class_accounts_post(school: MastodonClient, server: MockServer) -> None:
    year6 = MastodonClient(credentials_for(server, "stcaths_y6"), lambda _: None)
    original = year6.publish(Outgoing(text="Year 6 planted the school garden"), uuid.uuid4())

    boost = school.repost(original.external_id)

    status = own_statuses(server)[0]
    assert str(status["id"]) == boost.external_id
    assert str(status["reblog"]["id"]) == original.external_id


def test_it_passes_on_mastodons_refusal_to_boost_a_post(school: MastodonClient, server: MockServer) -> None:
    # What Mastodon answers when asked to boost another account's followers-only post.
    arm_fault(server, {"match": {"methods": ["POST"], "path": "/api/v1/statuses/*/reblog"},
                       "effect": {"type": "status", "status": 403,
                                  "body": {"error": "This action is not allowed"}}})  # fmt: skip

    with pytest.raises(PermanentError) as caught:
        school.repost("1234")

    assert not isinstance(caught.value, AuthError)
    assert caught.value.platform_text == "This action is not allowed"
    assert caught.value.advice.startswith("Only public posts can be shared")


def _relationship(server: MockServer, username: str, other: str) -> dict[str, Any]:
    reader = as_user(server, username)
    target = reader.account_lookup(other)
    return dict(reader.account_relationships([target["id"]])[0])


def test_it_blocks_and_mutes_by_handle_or_id(school: MastodonClient, server: MockServer) -> None:
    troll_id = school.resolve_account("@troll")

    school.block("@troll")
    school.mute(troll_id)

    relationship = _relationship(server, "stcaths", "troll")
    assert relationship["blocking"] is True
    assert relationship["muting"] is True


def test_it_says_which_handle_it_could_not_find(school: MastodonClient) -> None:
    with pytest.raises(PermanentError) as caught:
        school.block("@nobody-here")

    assert "looking up @nobody-here" in caught.value.message
    assert "Check the handle" in caught.value.advice


def test_it_removes_a_follower(school: MastodonClient, server: MockServer) -> None:
    school.remove_from_followers("@parent")

    assert _relationship(server, "stcaths", "parent")["followed_by"] is False


def test_a_locked_account_lists_approves_and_turns_down_follow_requests(server: MockServer) -> None:
    courtney = MastodonClient(credentials_for(server, "courtney"), lambda _: None)
    courtney_id = courtney.whoami().external_id
    as_user(server, "parent").account_follow(courtney_id)
    as_user(server, "troll").account_follow(courtney_id)

    waiting = {info.handle: info for info in courtney.follow_requests()}
    courtney.approve_follow_request(waiting["@parent@mock.local"].external_id)
    courtney.reject_follow_request(waiting["@troll@mock.local"].external_id)

    assert courtney.follow_requests() == []
    assert _relationship(server, "courtney", "parent")["followed_by"] is True
    assert _relationship(server, "courtney", "troll")["followed_by"] is False


def test_whoami_says_whose_account_it_is_and_that_it_is_locked(server: MockServer) -> None:
    info = MastodonClient(credentials_for(server, "courtney"), lambda _: None).whoami()

    assert info.handle == "@courtney@mock.local"
    assert info.display_name == "Courtney Primary"
    assert info.locked is True
    assert info.external_id.isdigit()


def test_incomplete_credentials_ask_for_a_reconnection_instead_of_a_traceback() -> None:
    with pytest.raises(AuthError) as caught:
        MastodonClient({"server": "https://mastodon.example"}, lambda _: None)

    assert "access token is missing" in caught.value.message
    assert "reconnect" in caught.value.advice


def test_the_platform_description_builds_this_client(server: MockServer) -> None:
    client = PLATFORM.client(credentials_for(server), lambda _: None)

    assert PLATFORM.kind == client.kind == "mastodon"
    assert PLATFORM.auth == "oauth"
    assert client.whoami().handle == "@stcaths@mock.local"

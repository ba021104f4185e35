"""Posting to X: the payload X receives for text, images, alt text and reply settings."""

from __future__ import annotations

import uuid

import pytest

from apps.platforms.base import Media, Outgoing, PermanentError, UnsupportedError
from apps.platforms.x.client import x_length
from apps.platforms.x.tests.conftest import Account
from apps.platforms.x.tests.fake_x import answer

MUSEUM = "Year 4 loved their trip to the science museum today!"


def photo(size: int = 2048, alt: str = "Four children in lab coats watching a volcano model erupt") -> Media:
    return Media(
        data=bytes(range(256)) * (size // 256) + b"x" * (size % 256),
        mime="image/jpeg",
        alt_text=alt,
        width=1200,
        height=800,
    )


def expect_uploads(account: Account, *initialised: str) -> None:
    account.x.on("POST", "/2/media/upload/initialize", *(answer(200, name) for name in initialised))
    account.x.on("POST", r"/2/media/upload/\d+/append", answer(200, "media_append.json"))
    account.x.on("POST", r"/2/media/upload/\d+/finalize", answer(200, "media_finalize.json"))
    account.x.on("POST", "/2/media/metadata", answer(200, "media_metadata.json"))


def test_it_limits_replies_to_mentioned_users_when_the_school_takes_no_replies(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    result = account.client().publish(Outgoing(MUSEUM, replies="none"), uuid.uuid4())

    [sent] = account.x.to("POST", "/2/tweets")
    assert sent.json == {"text": MUSEUM, "reply_settings": "mentionedUsers"}
    assert sent.bearer == "access-1"
    assert result.external_id == "1861412237543092224"
    assert result.url == "https://x.com/StCathsPrimary/status/1861412237543092224"


@pytest.mark.parametrize("replies", ["receive-only", "open"])
def test_it_leaves_replies_to_x_when_the_school_takes_them(account: Account, replies: str) -> None:
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, replies=replies), uuid.uuid4())  # type: ignore[arg-type]

    [sent] = account.x.to("POST", "/2/tweets")
    assert sent.json == {"text": MUSEUM}


def test_it_uploads_each_image_in_chunks_and_posts_them_in_order_with_their_alt_text(
    account: Account,
) -> None:
    big = photo(4 * 1024 * 1024 + 10)  # two segments of X's chunked upload
    small = photo(3000, alt="The class standing outside the museum, seen from behind")
    expect_uploads(account, "media_initialize.json", "media_initialize_second.json")
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, media=(big, small), replies="none"), uuid.uuid4())

    first, second = account.x.to("POST", "/2/media/upload/initialize")
    assert first.json == {
        "media_type": "image/jpeg",
        "total_bytes": len(big.data),
        "media_category": "tweet_image",
    }
    assert second.json["total_bytes"] == len(small.data)
    segments = account.x.to("POST", "/2/media/upload/1880028106020515840/append")
    assert [segment.form["segment_index"] for segment in segments] == [b"0", b"1"]
    assert b"".join(segment.form["media"] for segment in segments) == big.data
    [only] = account.x.to("POST", "/2/media/upload/1880028106020515841/append")
    assert only.form["media"] == small.data
    assert len(account.x.to("POST", r"/2/media/upload/\d+/finalize")) == 2
    assert [sent.json for sent in account.x.to("POST", "/2/media/metadata")] == [
        {"id": "1880028106020515840", "metadata": {"alt_text": {"text": big.alt_text}}},
        {"id": "1880028106020515841", "metadata": {"alt_text": {"text": small.alt_text}}},
    ]
    [post] = account.x.to("POST", "/2/tweets")
    assert post.json == {
        "text": MUSEUM,
        "media": {"media_ids": ["1880028106020515840", "1880028106020515841"]},
        "reply_settings": "mentionedUsers",
    }
    # the post is created only after every image (and its description) is in place
    assert account.x.sent[-1] is post


def test_it_waits_until_x_has_processed_an_image_before_posting(account: Account) -> None:
    expect_uploads(account, "media_initialize.json")
    account.x.on("POST", r"/2/media/upload/\d+/finalize", answer(200, "media_finalize_processing.json"))
    account.x.on("GET", "/2/media/upload", answer(200, "media_status_succeeded.json"))
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, media=(photo(),)), uuid.uuid4())

    [status] = account.x.to("GET", "/2/media/upload")
    assert status.query == {"command": "STATUS", "media_id": "1880028106020515840"}
    assert account.slept == [1.0]
    assert len(account.x.to("POST", "/2/tweets")) == 1


def test_an_image_x_cannot_process_stops_the_post_with_xs_reason(account: Account) -> None:
    expect_uploads(account, "media_initialize.json")
    account.x.on("POST", r"/2/media/upload/\d+/finalize", answer(200, "media_finalize_processing.json"))
    account.x.on("GET", "/2/media/upload", answer(200, "media_status_failed.json"))

    with pytest.raises(PermanentError) as raised:
        account.client().publish(Outgoing(MUSEUM, media=(photo(),)), uuid.uuid4())

    assert raised.value.platform_text == "Unsupported image format"
    assert "different image" in raised.value.advice
    assert account.x.to("POST", "/2/tweets") == []


def test_an_image_without_a_description_is_posted_without_alt_text(account: Account) -> None:
    expect_uploads(account, "media_initialize.json")
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, media=(photo(alt=" "),)), uuid.uuid4())

    assert account.x.to("POST", "/2/media/metadata") == []


def test_a_post_longer_than_x_allows_is_refused_before_anything_is_sent(account: Account) -> None:
    with pytest.raises(PermanentError) as raised:
        account.client().publish(Outgoing("Sports day! " * 24), uuid.uuid4())

    assert "288 characters" in raised.value.message
    assert "Shorten it by 8" in raised.value.advice
    assert account.x.sent == []


def test_links_count_as_23_characters_so_a_long_link_fits(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))
    text = (
        "a" * 250 + " https://www.stcaths.sch.uk/news/2026/11/a-very-long-address-for-the-museum-trip-report"
    )

    account.client().publish(Outgoing(text), uuid.uuid4())

    assert account.x.to("POST", "/2/tweets")[0].json["text"] == text


def test_x_counts_cjk_characters_and_emoji_as_two() -> None:
    assert x_length("Well done 🎉") == 12
    assert x_length("👩‍🏫👍🏽🇬🇧") == 6
    assert x_length("学校") == 4
    assert x_length("Café — “quotes”") == 15
    assert x_length("See https://example.org/a/b/c.") == 28


@pytest.mark.parametrize(
    ("media", "complaint"),
    [
        ((photo(),) * 5, "5 images; X takes at most 4"),
        ((Media(b"x", "image/heic", "", 1, 1),), "image/heic, which X does not take"),
        ((photo(5 * 1024 * 1024 + 1),), "Image 1 is 5.0 MB"),
        ((photo(alt="a" * 1001),), "description of image 1 is 1001 characters"),
    ],
)
def test_images_x_would_refuse_are_refused_before_anything_is_sent(
    account: Account, media: tuple[Media, ...], complaint: str
) -> None:
    with pytest.raises(PermanentError) as raised:
        account.client().publish(Outgoing(MUSEUM, media=media), uuid.uuid4())

    assert complaint in raised.value.message
    assert account.x.sent == []


def test_followers_only_posts_go_out_when_the_x_account_is_protected(account: Account) -> None:
    account.x.on("GET", "/2/users/me", answer(200, "users_me_protected.json"))
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, visibility="followers-only"), uuid.uuid4())

    assert account.x.to("GET", "/2/users/me")[0].query == {
        "user.fields": "protected,description,url,entities"
    }
    assert len(account.x.to("POST", "/2/tweets")) == 1


def test_followers_only_posts_are_refused_when_the_x_account_is_public(account: Account) -> None:
    account.x.on("GET", "/2/users/me", answer(200, "users_me.json"))

    with pytest.raises(UnsupportedError) as raised:
        account.client().publish(Outgoing(MUSEUM, visibility="followers-only"), uuid.uuid4())

    assert "Protect your posts" in raised.value.advice
    assert account.x.to("POST", "/2/tweets") == []


def test_x_refusing_the_request_shows_xs_own_words(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(400, "error_invalid_request.json"))

    with pytest.raises(PermanentError) as raised:
        account.client().publish(Outgoing(MUSEUM), uuid.uuid4())

    assert raised.value.platform_text == (
        "One or more parameters to your request was invalid. Your media IDs are invalid."
    )
    assert "The platform said" in raised.value.explain()


def test_every_request_is_sent_with_timeouts(account: Account) -> None:
    expect_uploads(account, "media_initialize.json")
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client().publish(Outgoing(MUSEUM, media=(photo(),)), uuid.uuid4())

    assert {sent.timeout for sent in account.x.sent} == {(5, 30)}
    assert {sent.bearer for sent in account.x.sent} == {"access-1"}

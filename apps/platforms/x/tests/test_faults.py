"""When X is slow, busy, down or no longer trusts the token: never a duplicate, always a clear reason.

``attempt`` does what the publish task does for one attempt (``find_existing``, then ``publish``),
each time with a fresh client, as a new worker would.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
import requests

from apps.platforms.base import AuthError, Media, Outgoing, PermanentError, PublishResult, RetryableError
from apps.platforms.x.tests.conftest import NOW, USER_ID, Account
from apps.platforms.x.tests.fake_x import answer, fail, fixture

TRIP = Outgoing(
    "Year 4 loved the science museum & the planetarium today! Photos: https://www.stcaths.sch.uk/news/museum-trip",
    media=(Media(b"\xff\xd8jpeg", "image/jpeg", "Children watching a volcano model erupt", 1200, 800),),
    replies="none",
)


def attempt(account: Account, key: uuid.UUID, first_try: bool, **changes: Any) -> PublishResult:
    client = account.client(**changes)
    found = client.find_existing(key, sent=TRIP, since=None if first_try else NOW)
    return found if found is not None else client.publish(TRIP, key)


def expect_upload(account: Account) -> None:
    account.x.on("POST", "/2/media/upload/initialize", answer(200, "media_initialize.json"))
    account.x.on("POST", r"/2/media/upload/\d+/append", answer(200, "media_append.json"))
    account.x.on("POST", r"/2/media/upload/\d+/finalize", answer(200, "media_finalize.json"))
    account.x.on("POST", "/2/media/metadata", answer(200, "media_metadata.json"))


def accept_then_time_out(sent: Any) -> Exception:
    return requests.ReadTimeout("X accepted the post, but its answer never arrived")


def test_a_post_x_accepted_before_the_answer_timed_out_is_found_not_posted_again(account: Account) -> None:
    key = uuid.uuid4()
    expect_upload(account)
    account.x.on("POST", "/2/tweets", accept_then_time_out)
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(200, "user_posts_with_it.json"))

    with pytest.raises(RetryableError) as first:
        attempt(account, key, first_try=True)
    account.clock += 120
    second = attempt(account, key, first_try=False)

    assert "checking first whether the post went out" in first.value.message
    assert second.external_id == "1861412237543092224"
    assert second.url == "https://x.com/StCathsPrimary/status/1861412237543092224"
    assert len(account.x.to("POST", "/2/tweets")) == 1
    [looked] = account.x.to("GET", f"/2/users/{USER_ID}/tweets")
    assert looked.query == {
        "start_time": "2026-11-21T07:58:00Z",
        "max_results": "100",
        "exclude": "retweets,replies",
        "tweet.fields": "created_at,entities,attachments",
    }


def test_the_retry_posts_when_the_timeline_shows_only_other_posts(account: Account) -> None:
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(200, "user_posts_without_it.json"))
    expect_upload(account)
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    result = attempt(account, uuid.uuid4(), first_try=False)

    assert result.external_id == "1861412237543092224"
    assert len(account.x.to("POST", "/2/tweets")) == 1


def test_a_post_with_the_same_words_but_no_image_is_not_taken_for_it(account: Account) -> None:
    timeline = fixture("user_posts_with_it.json")
    del timeline["data"][0]["attachments"]
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(200, payload=timeline))

    assert account.client().find_existing(uuid.uuid4(), sent=TRIP, since=NOW) is None


def test_looking_for_the_earlier_post_reads_every_page_of_the_window(account: Account) -> None:
    account.x.on(
        "GET",
        f"/2/users/{USER_ID}/tweets",
        answer(200, "user_posts_first_page.json"),
        answer(200, "user_posts_with_it.json"),
    )

    found = account.client().find_existing(uuid.uuid4(), sent=TRIP, since=NOW)

    assert found is not None and found.external_id == "1861412237543092224"
    second_page = account.x.to("GET", f"/2/users/{USER_ID}/tweets")[1]
    assert second_page.query["pagination_token"] == "7140dibdnow9c7btw423x5i5ip3hdb0hcx1l3bmfcmzbx"


def test_too_many_posts_since_the_earlier_attempt_to_read_means_it_cannot_tell(account: Account) -> None:
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(200, "user_posts_first_page.json"))

    with pytest.raises(RetryableError) as raised:
        account.client().find_existing(uuid.uuid4(), sent=TRIP, since=NOW)

    assert "posted too much" in raised.value.message
    assert len(account.x.sent) == 5


def test_a_first_attempt_asks_x_nothing_before_posting(account: Account) -> None:
    found = account.client().find_existing(uuid.uuid4(), sent=TRIP, since=None)

    assert found is None
    assert account.x.sent == []


def test_without_being_told_what_was_sent_it_cannot_tell_and_says_so(account: Account) -> None:
    with pytest.raises(RetryableError) as raised:
        account.client().find_existing(uuid.uuid4())

    assert "cannot tell" in raised.value.message
    assert account.x.sent == []


def test_when_x_cannot_be_asked_whether_the_post_went_out_it_does_not_post(account: Account) -> None:
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(503, "error_service_unavailable.json"))

    with pytest.raises(RetryableError):
        attempt(account, uuid.uuid4(), first_try=False)

    assert account.x.to("POST", "/2/tweets") == []


def test_x_refusing_a_duplicate_after_a_lost_answer_returns_the_earlier_post(account: Account) -> None:
    # The timeline lagged when the retry looked; X's duplicate rule caught the second post.
    key = uuid.uuid4()
    expect_upload(account)
    account.x.on(
        "GET",
        f"/2/users/{USER_ID}/tweets",
        answer(200, "user_posts_empty.json"),
        answer(200, "user_posts_with_it.json"),
    )
    account.x.on("POST", "/2/tweets", answer(403, "error_duplicate.json"))

    result = attempt(account, key, first_try=False)

    assert result.external_id == "1861412237543092224"


def test_x_refusing_a_duplicate_on_a_first_attempt_asks_for_new_wording(account: Account) -> None:
    expect_upload(account)
    account.x.on("POST", "/2/tweets", answer(403, "error_duplicate.json"))

    with pytest.raises(PermanentError) as raised:
        attempt(account, uuid.uuid4(), first_try=True)

    assert raised.value.platform_text == "You are not allowed to create a Tweet with duplicate content."
    assert "Change the wording" in raised.value.advice


def test_a_429_says_when_to_try_again_from_xs_reset_header(account: Account) -> None:
    reset = int(NOW.timestamp()) + 14 * 60
    account.x.on(
        "POST",
        "/2/tweets",
        answer(
            429, "error_too_many_requests.json", x_rate_limit_remaining="0", x_rate_limit_reset=str(reset)
        ),
    )

    with pytest.raises(RetryableError) as raised:
        account.client().publish(Outgoing("Well done, netball team!"), uuid.uuid4())

    assert raised.value.retry_after == 14 * 60
    assert "in about 14 minutes" in raised.value.message


def test_a_429_for_the_daily_cap_waits_for_the_daily_reset(account: Account) -> None:
    window = int(NOW.timestamp()) + 5 * 60
    daily = int((NOW + timedelta(hours=9)).timestamp())
    account.x.on(
        "POST",
        "/2/tweets",
        answer(
            429,
            "error_too_many_requests.json",
            x_rate_limit_remaining="40",
            x_rate_limit_reset=str(window),
            x_user_limit_24hour_remaining="0",
            x_user_limit_24hour_reset=str(daily),
        ),
    )

    with pytest.raises(RetryableError) as raised:
        account.client().publish(Outgoing("Well done, netball team!"), uuid.uuid4())

    assert raised.value.retry_after == 9 * 3600
    assert "in about 9 hours" in raised.value.message


def test_a_burst_of_server_errors_is_retried_and_the_post_goes_out_once(account: Account) -> None:
    key = uuid.uuid4()
    expect_upload(account)
    account.x.on(
        "POST",
        "/2/tweets",
        answer(503, "error_service_unavailable.json"),
        answer(502, payload={"title": "Bad Gateway", "status": 502}),
        answer(500, payload=None),
        answer(201, "create_post.json"),
    )
    account.x.on("GET", f"/2/users/{USER_ID}/tweets", answer(200, "user_posts_without_it.json"))

    errors = []
    for number in range(3):
        with pytest.raises(RetryableError) as raised:
            attempt(account, key, first_try=number == 0)
        errors.append(raised.value.message)
    result = attempt(account, key, first_try=False)

    assert "HTTP 503: Service Unavailable" in errors[0]
    assert all("Safepost will try again" in message for message in errors)
    assert result.external_id == "1861412237543092224"
    assert len(account.x.to("POST", "/2/tweets")) == 4


def test_a_dropped_connection_is_retryable(account: Account) -> None:
    account.x.on("POST", "/2/tweets", fail(requests.ConnectionError("connection reset by peer")))

    with pytest.raises(RetryableError) as raised:
        account.client().publish(Outgoing("Well done, netball team!"), uuid.uuid4())

    assert "could not reach X" in raised.value.message


def test_an_expired_token_is_refreshed_and_saved_before_it_is_used(account: Account) -> None:
    account.x.on("POST", "/2/oauth2/token", answer(200, "token.json"))
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client(expires_at=NOW.timestamp() - 60).publish(Outgoing("Well done!"), uuid.uuid4())

    [refresh, post] = account.x.sent
    assert refresh.form == {
        "grant_type": b"refresh_token",
        "refresh_token": b"refresh-1",
        "client_id": b"safepost-client-id",
    }
    [saved] = account.saved
    assert saved["refresh_token"].startswith("RHl0NlpN")
    assert saved["expires_at"] == NOW.timestamp() + 7200
    assert saved["user_id"] == USER_ID and saved["username"] == "StCathsPrimary"
    assert post.bearer == saved["access_token"]


def test_an_expiry_written_as_an_iso_time_is_understood(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(201, "create_post.json"))

    account.client(expires_at=(NOW + timedelta(hours=1)).isoformat()).publish(
        Outgoing("Well done!"), uuid.uuid4()
    )

    assert account.x.to("POST", "/2/oauth2/token") == []
    assert len(account.x.to("POST", "/2/tweets")) == 1


def test_a_token_x_rejects_is_refreshed_once_and_the_request_sent_again(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(401, "error_unauthorized.json"), answer(201, "create_post.json"))
    account.x.on("POST", "/2/oauth2/token", answer(200, "token.json"))

    result = account.client().publish(Outgoing("Well done!"), uuid.uuid4())

    first, second = account.x.to("POST", "/2/tweets")
    assert (first.bearer, second.bearer) == ("access-1", account.saved[0]["access_token"])
    assert result.external_id == "1861412237543092224"


def test_a_revoked_connection_asks_the_holder_to_reconnect(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(401, "error_unauthorized.json"))
    account.x.on("POST", "/2/oauth2/token", answer(400, "token_refused.json"))

    with pytest.raises(AuthError) as raised:
        account.client().publish(Outgoing("Well done!"), uuid.uuid4())

    assert raised.value.platform_text == "Value passed for the token was invalid."
    assert raised.value.advice.startswith("Ask the account holder to reconnect this X account")
    assert account.saved == []


def test_a_token_still_rejected_after_refreshing_needs_reconnecting(account: Account) -> None:
    account.x.on("POST", "/2/tweets", answer(401, "error_unauthorized.json"))
    account.x.on("POST", "/2/oauth2/token", answer(200, "token.json"))

    with pytest.raises(AuthError):
        account.client().publish(Outgoing("Well done!"), uuid.uuid4())

    assert len(account.x.to("POST", "/2/oauth2/token")) == 1
    assert len(account.x.to("POST", "/2/tweets")) == 2


@pytest.mark.parametrize(
    ("saved", "complaint"),
    [({"access_token": ""}, "no access_token"), ({"client_id": None}, "no client_id")],
)
def test_an_incomplete_saved_connection_is_explained_not_a_traceback(
    account: Account, saved: dict[str, Any], complaint: str
) -> None:
    with pytest.raises(AuthError) as raised:
        account.client(**saved)

    assert complaint in raised.value.message
    assert "reconnect" in raised.value.advice

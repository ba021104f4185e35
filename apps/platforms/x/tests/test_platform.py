"""What the X package declares for the rest of Safepost: photo size, settings, how a sent post is found."""

from __future__ import annotations

from apps.platforms.x.platform import IMAGE, PLATFORM


def test_photos_go_to_x_at_most_4096_pixels_a_side_and_5_megabytes() -> None:
    # X's media upload takes images up to 5 MB (https://docs.x.com/x-api/media) and serves 4096 px.
    assert (IMAGE.max_side, IMAGE.max_bytes) == (4096, 5_000_000)
    assert PLATFORM.image is IMAGE


def test_x_reads_the_installations_x_app_from_its_settings_and_has_no_server_box() -> None:
    assert PLATFORM.settings == {
        "client_id": "SAFEPOST_X_CLIENT_ID",
        "client_secret": "SAFEPOST_X_CLIENT_SECRET",
    }
    assert PLATFORM.server is None


def test_a_retry_on_x_searches_the_accounts_own_posts_for_what_was_sent() -> None:
    assert PLATFORM.searches_sent_posts

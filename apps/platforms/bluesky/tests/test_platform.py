"""What the Bluesky package declares for the rest of Safepost: photo size, server box, settings."""

from __future__ import annotations

from PIL import Image

from apps.platforms.bluesky.platform import IMAGE, PLATFORM
from safepost.photos.images import render_for


def test_a_big_noisy_photo_goes_to_bluesky_within_one_megabyte_and_2000_pixels() -> None:
    noisy = Image.merge("RGB", [Image.effect_noise((2400, 1800), 60)] * 3)

    rendition = render_for(noisy, PLATFORM.image or IMAGE)

    assert len(rendition.data) <= 1_000_000
    assert max(rendition.width, rendition.height) <= 2000


def test_the_server_box_starts_at_bsky_social_unless_the_installation_names_its_own() -> None:
    assert PLATFORM.server is not None and PLATFORM.server.default == "https://bsky.social"
    assert PLATFORM.settings == {"default_server": "SAFEPOST_BLUESKY_SERVICE"}


def test_a_retry_on_bluesky_looks_the_post_up_by_its_key_instead_of_searching() -> None:
    assert not PLATFORM.searches_sent_posts

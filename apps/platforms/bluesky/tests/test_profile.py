"""The official-account wording on a Bluesky profile (SUT-17), written and read back on a real PDS."""

from __future__ import annotations

from apps.platforms.bluesky.client import BlueskyClient
from apps.platforms.bluesky.tests.conftest import Pds

LIST = "https://safepost.example-school.sch.uk/s/st-caths/accounts/"


def test_the_profile_text_is_written_read_back_and_its_link_found(client: BlueskyClient, pds: Pds) -> None:
    text = f"The official account of St Catherine's. Our official accounts: {LIST}"
    client.set_profile_text(text)

    info = client.whoami()
    assert info.description == text
    assert LIST in info.links
    record = pds.xrpc(
        "GET",
        "com.atproto.repo.getRecord",
        params={"repo": client.did, "collection": "app.bsky.actor.profile", "rkey": "self"},
    )
    assert record["value"]["description"] == text


def test_changing_the_text_keeps_the_display_name(client: BlueskyClient) -> None:
    client.set_profile_text("First wording")
    before = client.whoami().display_name
    client.set_profile_text("The official account of St Catherine's")
    after = client.whoami()
    assert after.description == "The official account of St Catherine's"
    assert after.display_name == before

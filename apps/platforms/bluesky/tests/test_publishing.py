"""Publishing to a real PDS and reading the result back through the atproto client."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from atproto_client import Client, models
from atproto_core.uri import AtUri
from PIL import Image

from apps.platforms.base import AuthError, Media, Outgoing, PermanentError, UnsupportedError
from apps.platforms.bluesky.client import BlueskyClient, sign_in
from apps.platforms.bluesky.tests.conftest import Account, Pds


def reader(pds: Pds) -> Client:
    """An unauthenticated atproto client, as anyone reading the school's posts would use."""
    return Client(base_url=pds.url)


def record(pds: Pds, uri: str) -> Any:
    """The record at ``uri`` as the atproto client reads it back (``None`` when absent)."""
    at = AtUri.from_str(uri)
    try:
        return (
            reader(pds)
            .com.atproto.repo.get_record(
                models.ComAtprotoRepoGetRecord.Params(repo=at.host, collection=at.collection, rkey=at.rkey)
            )
            .value
        )
    except Exception:
        return None


def raw_record(pds: Pds, repo: str, collection: str, rkey: str) -> dict[str, Any]:
    """The record's JSON exactly as the PDS stores it."""
    return dict(
        pds.xrpc(
            "GET", "com.atproto.repo.getRecord", params={"repo": repo, "collection": collection, "rkey": rkey}
        )["value"]
    )


def posts_of(pds: Pds, did: str, collection: str = "app.bsky.feed.post") -> list[dict[str, Any]]:
    """Every record of ``collection`` in the account's repository."""
    return list(
        pds.xrpc(
            "GET",
            "com.atproto.repo.listRecords",
            params={"repo": did, "collection": collection, "limit": 100},
        )["records"]
    )


def png(width: int, height: int) -> bytes:
    """A small real PNG of the given size."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def test_it_posts_text_with_links_hashtags_and_mentions_at_utf8_byte_offsets(
    client: BlueskyClient, pds: Pds, parent: Account
) -> None:
    text = f"🎉 Sports day was great, thank you @{parent.handle}! Photos: https://stcaths.sch.uk/sports #SportsDay"
    result = client.publish(Outgoing(text=text), uuid.uuid4())

    post = record(pds, result.external_id)
    assert post.text == text
    encoded = text.encode("utf-8")
    marked = {
        encoded[facet.index.byte_start : facet.index.byte_end].decode("utf-8"): facet.features[0]
        for facet in post.facets
    }
    assert set(marked) == {f"@{parent.handle}", "https://stcaths.sch.uk/sports", "#SportsDay"}
    assert marked[f"@{parent.handle}"].did == parent.did
    assert marked["https://stcaths.sch.uk/sports"].uri == "https://stcaths.sch.uk/sports"
    assert marked["#SportsDay"].tag == "SportsDay"
    assert post.langs == ["en"]
    assert result.url.startswith(f"https://bsky.app/profile/{client.handle}/post/")
    assert result.url.endswith(AtUri.from_str(result.external_id).rkey)


def test_it_leaves_a_mention_of_an_unknown_handle_as_plain_text(client: BlueskyClient, pds: Pds) -> None:
    text = "Thank you @nobody-here.test for the visit"
    post = record(pds, client.publish(Outgoing(text=text), uuid.uuid4()).external_id)
    assert post.text == text
    assert not post.facets


def test_it_uploads_images_with_their_alt_text_and_aspect_ratio(client: BlueskyClient, pds: Pds) -> None:
    wide, tall = png(64, 36), png(30, 40)
    media = (
        Media(
            data=wide,
            mime="image/png",
            alt_text="The Year 4 relay team crossing the line",
            width=64,
            height=36,
        ),
        Media(data=tall, mime="image/png", alt_text="The cup on a table", width=30, height=40),
    )
    result = client.publish(Outgoing(text="Sports day", media=media), uuid.uuid4())

    images = record(pds, result.external_id).embed.images
    assert [image.alt for image in images] == [
        "The Year 4 relay team crossing the line",
        "The cup on a table",
    ]
    assert [(image.aspect_ratio.width, image.aspect_ratio.height) for image in images] == [(64, 36), (30, 40)]
    blob = images[0].image
    assert blob.mime_type == "image/png"
    stored = reader(pds).com.atproto.sync.get_blob(
        models.ComAtprotoSyncGetBlob.Params(did=client.did, cid=blob.cid.encode())
    )
    assert stored == wide


def test_it_closes_replies_with_an_empty_threadgate_and_stops_quotes_with_a_postgate(
    client: BlueskyClient, pds: Pds
) -> None:
    result = client.publish(
        Outgoing(text="No replies to this one", replies="none", quote_posts="disable"), uuid.uuid4()
    )
    rkey = AtUri.from_str(result.external_id).rkey

    threadgate = raw_record(pds, client.did, "app.bsky.feed.threadgate", rkey)
    assert threadgate["post"] == result.external_id
    assert threadgate["allow"] == []  # present and empty: nobody may reply (absent would mean anyone)
    postgate = raw_record(pds, client.did, "app.bsky.feed.postgate", rkey)
    assert postgate["post"] == result.external_id
    assert postgate["embeddingRules"] == [{"$type": "app.bsky.feed.postgate#disableRule"}]
    gate = record(pds, str(AtUri.make(client.did, "app.bsky.feed.threadgate", rkey)))
    assert gate.allow == []


def test_it_adds_no_gates_when_the_policy_allows_replies_and_quotes(client: BlueskyClient, pds: Pds) -> None:
    result = client.publish(Outgoing(text="Replies welcome", replies="open"), uuid.uuid4())
    rkey = AtUri.from_str(result.external_id).rkey
    assert record(pds, str(AtUri.make(client.did, "app.bsky.feed.threadgate", rkey))) is None
    assert record(pds, str(AtUri.make(client.did, "app.bsky.feed.postgate", rkey))) is None


def test_it_counts_emoji_as_one_character_each_like_bluesky(client: BlueskyClient, pds: Pds) -> None:
    flags = "🇬🇧" * 300  # 300 graphemes, 600 code points, 2,400 bytes
    assert client.limits().remaining(flags) == 0
    result = client.publish(Outgoing(text=flags), uuid.uuid4())
    assert record(pds, result.external_id).text == flags

    with pytest.raises(PermanentError, match="301 characters") as refused:
        client.publish(Outgoing(text=flags + "!"), uuid.uuid4())
    assert "Shorten it by 1" in refused.value.explain()


def test_it_never_posts_the_same_publication_twice(client: BlueskyClient, pds: Pds) -> None:
    key = uuid.uuid4()
    assert client.find_existing(key) is None
    first = client.publish(Outgoing(text=f"Once only {key}"), key)
    assert client.find_existing(key) == first
    again = client.publish(Outgoing(text=f"Once only {key}"), key)
    assert again == first
    assert [p["uri"] for p in posts_of(pds, client.did) if p["value"]["text"] == f"Once only {key}"] == [
        first.external_id
    ]


def test_it_deletes_the_post_with_its_gates_and_a_second_delete_is_harmless(
    client: BlueskyClient, pds: Pds
) -> None:
    result = client.publish(Outgoing(text="Wrong date!", replies="none", quote_posts="disable"), uuid.uuid4())
    rkey = AtUri.from_str(result.external_id).rkey

    client.delete(result.external_id)

    for collection in ("app.bsky.feed.post", "app.bsky.feed.threadgate", "app.bsky.feed.postgate"):
        assert record(pds, str(AtUri.make(client.did, collection, rkey))) is None, collection
    client.delete(result.external_id)


def test_it_will_not_delete_another_accounts_post(
    client: BlueskyClient, pds: Pds, parent: Account, saved: list[dict[str, Any]]
) -> None:
    theirs = BlueskyClient(dict(parent.credentials), saved.append).publish(
        Outgoing(text="Mine"), uuid.uuid4()
    )
    with pytest.raises(PermanentError, match="does not belong"):
        client.delete(theirs.external_id)
    assert record(pds, theirs.external_id).text == "Mine"


def test_it_reposts_a_class_account_post_once(
    client: BlueskyClient, pds: Pds, make_account: Callable[[str], Account], saved: list[dict[str, Any]]
) -> None:
    year4 = make_account("year4")
    class_post = BlueskyClient(dict(year4.credentials), saved.append).publish(
        Outgoing(text="Year 4 planted the garden"), uuid.uuid4()
    )

    first = client.repost(class_post.external_id)
    second = client.repost(class_post.external_id)

    assert first == second
    reposts = [r for r in posts_of(pds, client.did, "app.bsky.feed.repost") if r["uri"] == first.external_id]
    assert len(reposts) == 1
    subject = reposts[0]["value"]["subject"]
    assert subject["uri"] == class_post.external_id
    assert subject["cid"]
    assert (
        first.url
        == f"https://bsky.app/profile/{year4.did}/post/{AtUri.from_str(class_post.external_id).rkey}"
    )


def test_it_blocks_a_user_by_handle_once(client: BlueskyClient, pds: Pds, parent: Account) -> None:
    client.block(f"@{parent.handle}")
    client.block(parent.did)
    blocks = [b["value"]["subject"] for b in posts_of(pds, client.did, "app.bsky.graph.block")]
    assert blocks.count(parent.did) == 1


def test_it_says_plainly_when_a_handle_to_block_does_not_exist(client: BlueskyClient) -> None:
    with pytest.raises(PermanentError, match=r"no account with the handle @ghost\.test"):
        client.block("ghost.test")


def test_it_mutes_and_reports_through_the_pds_to_blueskys_services(
    client: BlueskyClient, pds: Pds, parent: Account, saved: list[dict[str, Any]]
) -> None:
    nasty = BlueskyClient(dict(parent.credentials), saved.append).publish(
        Outgoing(text="nasty"), uuid.uuid4()
    )

    client.mute(parent.handle)
    client.report(nasty.external_id, "Abusive reply about a pupil")
    client.report(parent.did, "Keeps posting pupils' photos")

    recorded = pds.recorded()
    mutes = [r for r in recorded if r["nsid"] == "app.bsky.graph.muteActor"]
    assert mutes and mutes[-1]["input"] == {"actor": parent.did} and mutes[-1]["authorised"]
    reports = [r["input"] for r in recorded if r["nsid"] == "com.atproto.moderation.createReport"]
    assert reports[-2]["subject"]["uri"] == nasty.external_id
    assert reports[-2]["reason"] == "Abusive reply about a pupil"
    assert reports[-1]["subject"] == {"$type": "com.atproto.admin.defs#repoRef", "did": parent.did}


def test_it_says_who_the_credentials_belong_to(client: BlueskyClient, school: Account) -> None:
    me = client.whoami()
    assert (me.external_id, me.handle) == (school.did, school.handle)
    assert me.url == f"https://bsky.app/profile/{school.handle}"


def test_signing_in_with_a_wrong_app_password_says_what_to_do(pds: Pds, school: Account) -> None:
    with pytest.raises(AuthError) as refused:
        sign_in({}, pds.url, school.handle, "wrong-wrong-wrong-wrong")
    assert "did not accept that handle and app password" in refused.value.explain()
    assert "App passwords" in refused.value.advice


def test_signing_in_with_the_main_password_is_refused(pds: Pds, school: Account) -> None:
    with pytest.raises(AuthError, match="main password"):
        sign_in({}, pds.url, school.handle, "main-password-1")


def test_sign_in_keeps_the_session_but_never_the_password(school: Account) -> None:
    credentials = school.credentials
    assert set(credentials) == {"service", "pds", "did", "handle", "access_jwt", "refresh_jwt"}
    assert "main-password-1" not in str(credentials)
    assert credentials["did"] == school.did


@pytest.mark.parametrize(
    ("media", "says"),
    [
        ((Media(png(4, 4), "image/png", "a", 4, 4),) * 5, "5 photos; Bluesky takes at most 4"),
        ((Media(b"x" * 1_200_000, "image/jpeg", "big", 10, 10),), "Photo 1 is 1.2 MB"),
        ((Media(b"GIF89a", "image/heic", "phone photo", 10, 10),), "image/heic file"),
    ],
)
def test_it_refuses_photos_bluesky_would_refuse_before_sending_anything(
    client: BlueskyClient, pds: Pds, media: tuple[Media, ...], says: str
) -> None:
    text = f"Photos {uuid.uuid4()}"
    with pytest.raises(PermanentError, match=says):
        client.publish(Outgoing(text=text, media=media), uuid.uuid4())
    assert text not in [p["value"]["text"] for p in posts_of(pds, client.did)]


def test_it_refuses_a_followers_only_post_rather_than_post_it_publicly(
    client: BlueskyClient, pds: Pds
) -> None:
    text = f"For parents only {uuid.uuid4()}"
    with pytest.raises(UnsupportedError, match="every Bluesky post is public") as refused:
        client.publish(Outgoing(text=text, visibility="followers-only"), uuid.uuid4())
    assert "without Bluesky" in refused.value.explain()
    assert text not in [p["value"]["text"] for p in posts_of(pds, client.did)]

"""The following pages: a teacher proposes, the headteacher approves, the review; outsiders get 404."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from apps.following import sync
from apps.following.models import FollowedAccount, FollowProposal
from apps.following.tests.conftest import CASINO, LIBRARY, PERSONAL, FakeFollowing, connect, profile
from apps.schools.testing import Personas


def test_a_teacher_proposes_a_follow_and_the_headteacher_approves_it(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connection = connect(p)
    platform.known["leedslibraries.bsky.social"] = profile(
        "leedslibraries.bsky.social", "Libraries across Leeds", "Leeds Libraries"
    )
    teacher = p.client_for(p.teacher)

    form = teacher.get(reverse("following:propose"))
    assert form.status_code == 200
    assert b"decided case by case by the headteacher" in form.content
    sent = teacher.post(
        reverse("following:propose"),
        {
            "connection": connection.pk,
            "target": "https://bsky.app/profile/leedslibraries.bsky.social",
            "category": "children",
            "reason": "They run the summer reading challenge our pupils take part in.",
        },
    )
    proposal = FollowProposal.objects.get()
    assert sent.status_code == 302 and sent["Location"] == reverse("following:proposal", args=[proposal.pk])
    assert proposal.target == "leedslibraries.bsky.social"
    page = teacher.get(sent["Location"])
    assert b"Waiting for the headteacher to decide" in page.content
    assert b"Approve and follow" not in page.content  # the teacher cannot decide

    head = p.client_for(p.head)
    listing = head.get(reverse("following:list"))
    assert b"Proposals waiting" in listing.content and b"@leedslibraries.bsky.social" in listing.content
    decided = head.post(
        reverse("following:decide", args=[proposal.pk]),
        {"decision": "approve", "note": "Good link"},
        headers={"HX-Request": "true"},
    )
    assert decided.status_code == 200
    assert b"<html" not in decided.content  # the decision panel alone, for htmx
    assert b"Followed" in decided.content
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.FOLLOWED
    assert ("follow", "leedslibraries.bsky.social") in platform.calls
    kept = head.get(reverse("following:followed", args=[proposal.followed.pk]))  # type: ignore[union-attr]
    assert b"They run the summer reading challenge" in kept.content


def test_a_refusal_without_a_reason_is_explained_and_nothing_changes(
    rackham: Personas, platform: FakeFollowing
) -> None:
    p = rackham
    connection = connect(p)
    p.client_for(p.teacher).post(
        reverse("following:propose"),
        {
            "connection": connection.pk,
            "target": "@jo",
            "category": "other",
            "reason": "A friend of the school",
        },
    )
    proposal = FollowProposal.objects.get()
    got = p.client_for(p.head).post(
        reverse("following:decide", args=[proposal.pk]),
        {"decision": "refuse"},
        headers={"HX-Request": "true"},
    )
    assert got.status_code == 400
    proposal.refresh_from_db()
    assert proposal.state == FollowProposal.State.WAITING


def test_a_proposal_the_policy_does_not_allow_is_explained_on_the_form(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    got = p.client_for(p.teacher).post(
        reverse("following:propose"),
        {
            "connection": connection.pk,
            "target": "@pizza",
            "category": "other",
            "reason": "They sponsor the fair",
        },
    )
    assert got.status_code == 400
    assert b"follows only educationally linked accounts" in got.content
    assert b"They sponsor the fair" in got.content  # what they wrote is kept
    assert not FollowProposal.objects.exists()


def test_the_first_review_lists_odd_accounts_and_the_head_keeps_and_unfollows(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.page_size = 500
    odd = [
        profile("nobio", "", avatar=False),
        profile("tokyo", "東京の小学校です。", "東京の小学校"),
        profile("gone", deleted=True),
        LIBRARY,
        PERSONAL,
        CASINO,
    ]
    platform.following = odd + [profile(f"school{n}", f"Primary school number {n}") for n in range(300)]
    sync.read_following(connection.pk)
    head = p.client_for(p.head)

    listing = head.get(reverse("following:list"))
    assert listing.status_code == 200
    assert b"306 accounts to review" in listing.content
    assert b"Account gone" in listing.content
    for row in FollowedAccount.objects.filter(handle__in=["nobio", "tokyo", "gone", "jo_smith", "spinwin"]):
        page = head.get(reverse("following:followed", args=[row.pk]))
        assert page.status_code == 200, row.handle
    tokyo = FollowedAccount.objects.get(handle="tokyo")
    assert "東京の小学校です。".encode() in head.get(reverse("following:followed", args=[tokyo.pk])).content
    personal = FollowedAccount.objects.get(handle="jo_smith")
    assert (
        b"Looks like a personal account"
        in head.get(reverse("following:followed", args=[personal.pk])).content
    )

    library = FollowedAccount.objects.get(handle="leedslibraries")
    kept = head.post(
        reverse("following:keep", args=[library.pk]),
        {"category": "children", "justification": "Runs the reading challenge"},
        headers={"HX-Request": "true"},
    )
    assert kept.status_code == 200 and b"Reviewed and kept" in kept.content
    gone = head.post(
        reverse("following:unfollow", args=[personal.pk]), {"reason": "A parent's personal account"}
    )
    assert gone.status_code == 302
    personal.refresh_from_db()
    assert personal.status == FollowedAccount.Status.UNFOLLOWED
    assert ("unfollow", "follow-id-jo_smith") in platform.calls

    teacher = p.client_for(p.teacher)
    assert teacher.get(reverse("following:followed", args=[library.pk])).status_code == 200
    assert teacher.post(reverse("following:unfollow", args=[library.pk]), {"reason": "no"}).status_code == 400
    assert teacher.post(reverse("following:review")).status_code == 403


def test_governors_read_but_do_not_propose(catherine: Personas) -> None:
    governor = catherine.client_for(catherine.governor)
    assert governor.get(reverse("following:list")).status_code == 200
    assert governor.get(reverse("following:propose")).status_code == 403


def test_outsiders_get_404_for_every_object_of_the_school(
    catherine: Personas, platform: FakeFollowing
) -> None:
    p = catherine
    connection = connect(p)
    platform.following = [LIBRARY]
    sync.read_following(connection.pk)
    p.client_for(p.teacher).post(
        reverse("following:propose"),
        {
            "connection": connection.pk,
            "target": "@annauthor",
            "category": "author",
            "reason": "World Book Day visit",
        },
    )
    row, proposal = FollowedAccount.objects.get(), FollowProposal.objects.get()
    outsider = p.client_for(p.outsider)
    urls: list[tuple[str, str, dict[str, Any]]] = [
        ("get", reverse("following:proposal", args=[proposal.pk]), {}),
        ("post", reverse("following:decide", args=[proposal.pk]), {"decision": "approve"}),
        ("get", reverse("following:followed", args=[row.pk]), {}),
        ("post", reverse("following:keep", args=[row.pk]), {"category": "other", "justification": "x" * 20}),
        ("post", reverse("following:unfollow", args=[row.pk]), {"reason": "hacked"}),
        ("post", reverse("following:read", args=[connection.pk]), {}),
    ]
    for method, url, data in urls:
        assert getattr(outsider, method)(url, data).status_code == 404, url
    listing = outsider.get(reverse("following:list"))
    assert b"leedslibraries" not in listing.content and b"annauthor" not in listing.content
    proposal.refresh_from_db()
    row.refresh_from_db()
    assert (
        proposal.state == FollowProposal.State.WAITING and row.status == FollowedAccount.Status.FIRST_REVIEW
    )

"""Reading followers: stored once, judged on arrival, staff personal accounts removed as the policy says."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.followers import actions, ingest
from apps.followers.models import Decision, Follower, IngestState
from apps.followers.tests.conftest import OLD, T0, FakeClient, School, make_school, profile
from apps.notifications.models import Notification
from apps.platforms.base import ProfilePage, RetryableError, UnsupportedError
from apps.schools.testing import client_for


def test_new_followers_are_stored_once_judged_and_queued(world: School, fake: FakeClient) -> None:
    page = ProfilePage(
        (profile("1"), profile("2", bio="OnlyFans link below 🔞", display_name="Jess")), cursor=""
    )
    fake.followers = [page, page]

    first = ingest.ingest(world.connection.pk, now=T0)
    second = ingest.ingest(world.connection.pk, now=T0 + timedelta(hours=2))

    assert len(first.new) == 2 and second.new == []
    assert Follower.objects.count() == 2
    parent, adult = Follower.objects.get(external_id="1"), Follower.objects.get(external_id="2")
    assert parent.state == adult.state == Follower.State.PENDING
    assert parent.recommended == "keep" and not parent.flagged
    assert adult.recommended == "block" and adult.flagged
    assert [s["code"] for s in adult.signals] == ["adult"]
    assert "OnlyFans" in adult.signals[0]["reason"]
    assert AuditEntry.objects.filter(action="followers.read").count() == 1


def test_follow_notifications_say_when_someone_followed(world: School, fake: FakeClient) -> None:
    when = T0 - timedelta(minutes=30)
    fake.notifications = [ProfilePage((profile("7"),), cursor="n-55", followed_at={"7": when})]

    ingest.ingest(world.connection.pk, now=T0)

    assert Follower.objects.get(external_id="7").followed_at == when
    assert IngestState.objects.get().notifications_cursor == "n-55"


def test_a_long_list_is_read_over_several_reads_and_leavers_are_noticed(
    world: School, fake: FakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "PAGES_PER_READ", 2)
    pages = [
        ProfilePage(tuple(profile(f"{p}-{i}") for i in range(3)), cursor=f"c{p}" if p < 3 else "")
        for p in range(4)
    ]
    fake.followers = list(pages)
    ingest.ingest(world.connection.pk, now=T0)
    assert Follower.objects.count() == 6
    assert IngestState.objects.get().list_cursor == "c1"
    ingest.ingest(world.connection.pk, now=T0 + timedelta(hours=1))
    assert Follower.objects.count() == 12
    assert fake.list_cursors == ["", "c0", "c1", "c2"]
    state = IngestState.objects.get()
    assert state.list_cursor == "" and state.last_full_pass_at is not None

    # The next pass no longer sees "0-0": it has stopped following.
    fake.followers = [
        ProfilePage(tuple(profile(f"{p}-{i}") for p in range(4) for i in range(3) if (p, i) != (0, 0)))
    ]
    outcome = ingest.ingest(world.connection.pk, now=T0 + timedelta(hours=3))
    leaver = Follower.objects.get(external_id="0-0")
    assert outcome.gone == 1
    assert leaver.still_following is False and leaver.state == Follower.State.GONE


def test_odd_profiles_are_stored_and_judged_without_error(world: School, fake: FakeClient) -> None:
    odd = (
        profile("a", bio="", avatar=False, display_name=""),
        profile("b", bio="Мама двух детей, люблю нашу школу", display_name="Оля"),
        profile("c", bio="مرحبا بكم في حسابي", display_name="\u202eevil\u202c"),
        profile("d", deleted=True, bio=""),
        profile("e", bio="x" * 50_000 + "\x00", handle="h" * 900, following_count=2**40, created_at=None),
        profile("f", bio="🙂" * 300, posts_count=None, followers_count=None, following_count=None),
    )
    fake.followers = [ProfilePage(odd)]

    ingest.ingest(world.connection.pk, now=T0)

    stored = {f.external_id: f for f in Follower.objects.all()}
    assert set(stored) == set("abcdef")
    assert "empty-profile" in [s["code"] for s in stored["a"].signals]
    assert "other-script" in [s["code"] for s in stored["b"].signals]
    assert "Arabic" in stored["c"].signals[0]["reason"]
    assert stored["d"].signals[0]["code"] == "deleted" and stored["d"].still_following is False
    assert len(stored["e"].handle) == 300 and "\x00" not in stored["e"].bio
    assert stored["e"].following_count == 2**31 - 1


def test_a_platform_that_cannot_list_followers_says_so_on_the_page(world: School, fake: FakeClient) -> None:
    fake.kind = "x"
    fake.refuse["list_followers"] = UnsupportedError(
        "The school's X API access does not include reading its followers", advice="Look on x.com"
    )

    outcome = ingest.ingest(world.connection.pk, now=T0)

    assert outcome.error == ""
    state = IngestState.objects.get()
    assert "does not include reading its followers" in state.unsupported
    assert "Look on x.com" in state.unsupported


def test_a_failure_is_kept_and_the_next_read_backs_off(world: School, fake: FakeClient) -> None:
    fake.refuse["list_followers"] = RetryableError("Mastodon is busy", retry_after=600)

    outcome = ingest.ingest(world.connection.pk, now=T0)

    state = IngestState.objects.get()
    assert outcome.error == "Mastodon is busy"
    assert state.failures == 1 and state.next_due_at == T0 + timedelta(seconds=600)
    assert ingest.due_connection_ids(T0 + timedelta(minutes=5)) == []
    assert ingest.due_connection_ids(T0 + timedelta(minutes=11)) == [world.connection.pk]


def test_a_declared_staff_personal_account_is_removed_at_once_and_its_owner_told(
    db: None, fake: FakeClient
) -> None:
    world = make_school(preset="rackham", slug="rac")
    teacher = world.membership(world.p.teacher)
    actions.declare(teacher, "https://mastodon.social/@tara_t")
    fake.followers = [
        ProfilePage((profile("t", handle="tara_t@mastodon.social", display_name="Tara T", bio="Runner"),))
    ]

    ingest.ingest(world.connection.pk, now=T0)

    follower = Follower.objects.get(external_id="t")
    assert fake.done == [("remove_follower", "t")]
    assert follower.state == Follower.State.REMOVED and follower.staff == world.p.teacher
    decision = Decision.objects.get(follower=follower)
    assert decision.by is None and "RAC-09" in decision.reason
    told = Notification.objects.get(user=world.p.teacher, kind="followers.staff")
    assert "tara_t@mastodon.social" in told.body and "policy" in told.body
    entry = AuditEntry.objects.get(action="followers.remove")
    assert "Safepost (the school's policy)" in entry.summary


def test_a_staff_account_declared_later_is_recognised_and_removed(db: None, fake: FakeClient) -> None:
    world = make_school(preset="rackham", slug="rac2")
    fake.followers = [
        ProfilePage((profile("t", handle="tara.bsky.social", display_name="TT", bio="Runner"),))
    ]
    ingest.ingest(world.connection.pk, now=T0)
    assert Follower.objects.get().recommended != "remove"

    actions.declare(world.membership(world.p.teacher), "@tara.bsky.social")

    follower = Follower.objects.get()
    assert follower.staff_certain and follower.state == Follower.State.REMOVED
    assert fake.done == [("remove_follower", "t")]


def test_a_staff_account_is_only_shown_when_the_policy_allows_it(world: School, fake: FakeClient) -> None:
    actions.declare(world.membership(world.p.teacher), "tara@mastodon.social")
    fake.followers = [ProfilePage((profile("t", handle="tara@mastodon.social"),))]

    ingest.ingest(world.connection.pk, now=T0)

    follower = Follower.objects.get()
    assert follower.state == Follower.State.PENDING and follower.staff_certain
    assert follower.recommended == "keep" and fake.done == []


def test_a_name_matching_the_staff_list_is_only_possibly_staff_and_nothing_is_done(
    db: None, fake: FakeClient
) -> None:
    world = make_school(preset="rackham", slug="rac3")
    fake.followers = [ProfilePage((profile("t", display_name="Mrs Teacher", bio="Walks and books"),))]

    ingest.ingest(world.connection.pk, now=T0)

    follower = Follower.objects.get()
    assert [s["code"] for s in follower.signals] == ["possibly-staff"]
    assert follower.state == Follower.State.PENDING and fake.done == []
    assert not Notification.objects.filter(kind="followers.staff").exists()


def test_follow_requests_of_a_locked_account_are_read_and_withdrawn_ones_leave(
    db: None, fake: FakeClient
) -> None:
    world = make_school(preset="courtney", slug="cou")
    fake.requests = [profile("r1"), profile("r2", bio="Casino bonuses every day")]

    ingest.ingest(world.connection.pk, now=T0)
    requests = Follower.objects.filter(relation=Follower.Relation.REQUEST)
    assert requests.count() == 2
    assert Follower.objects.get(external_id="r2").recommended == "block"

    fake.requests = [profile("r2", bio="Casino bonuses every day")]
    ingest.ingest(world.connection.pk, now=T0 + timedelta(hours=1))
    assert Follower.objects.get(external_id="r1").state == Follower.State.GONE


def test_ten_thousand_followers_are_stored_in_one_pass(world: School, fake: FakeClient) -> None:
    fake.followers = [
        ProfilePage(
            tuple(profile(f"{p}-{i}", created_at=OLD) for i in range(100)), cursor=f"c{p}" if p < 99 else ""
        )
        for p in range(100)
    ]
    ingest.PAGES_PER_READ, before = 100, ingest.PAGES_PER_READ
    try:
        outcome = ingest.ingest(world.connection.pk, now=T0)
    finally:
        ingest.PAGES_PER_READ = before
    assert len(outcome.new) == 10_000
    assert Follower.objects.filter(state=Follower.State.PENDING).count() == 10_000

    head = client_for(world.p.head)
    page = head.get(reverse("followers:queue"), {"page": "300"})
    assert page.status_code == 200 and "7476–7500 of 10000" in page.content.decode()
    head.post(reverse("followers:bulk"), {"scope": "unflagged", "action": "keep"})
    assert Follower.objects.filter(state=Follower.State.KEPT).count() == 10_000
    assert AuditEntry.objects.filter(action="followers.keep").count() == 1

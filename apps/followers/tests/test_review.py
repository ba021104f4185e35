"""The follower review: decisions one by one and in bulk, who and why recorded, cadence and reminders,
follow requests, the pages and who may use them."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.followers import actions, ingest, review
from apps.followers import duties as follower_duties
from apps.followers.models import Decision, Follower, PersonalAccount, Review
from apps.followers.tests.conftest import FakeClient, School, make_school, profile
from apps.notifications.models import Notification
from apps.platforms.base import PermanentError, ProfilePage
from apps.reminders.actions import send_reminders
from apps.reminders.models import SentReminder
from apps.reminders.registry import Status, completions_for, duties_for
from apps.schools.actions import update_policy
from apps.schools.testing import client_for


@pytest.fixture
def queued(world: School, fake: FakeClient) -> dict[str, Follower]:
    fake.followers = [
        ProfilePage(
            (
                profile("p1"),
                profile("p2", bio="Grandad, Wetherby, proud of our school"),
                profile("bad", bio="Best casino bonuses every day"),
                profile(
                    "spam",
                    handle="user83749271@x.example",
                    bio="",
                    avatar=False,
                    posts_count=0,
                    following_count=7000,
                    followers_count=2,
                    created_at=timezone.now() - timedelta(days=2),
                ),
            )
        )
    ]
    ingest.ingest(world.connection.pk)
    return {f.external_id: f for f in Follower.objects.select_related("school", "account", "connection")}


def test_a_reviewer_keeps_blocks_and_removes_and_each_decision_says_who_and_why(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    head = world.membership(world.p.head)

    actions.decide(queued["p1"], head, "keep")
    actions.decide(queued["bad"], head, "block", "Gambling advert")
    actions.decide(queued["spam"], head, "remove")

    assert fake.done == [("block", "bad"), ("remove_follower", "spam")]
    states = dict(Follower.objects.values_list("external_id", "state"))
    assert states == {"p1": "kept", "p2": "pending", "bad": "blocked", "spam": "removed"}
    block = Decision.objects.get(action="block")
    assert block.by == world.p.head and block.reason == "Gambling advert"
    assert Decision.objects.get(action="keep").reason == "Nothing in the profile gave cause for concern."
    assert Decision.objects.get(action="remove").reason.startswith("The reviewer's judgement")
    entry = AuditEntry.objects.get(action="followers.block")
    assert "Helen Head" in entry.summary and "Gambling advert" in entry.summary
    assert entry.data["signals"] == ["gambling"]


def test_a_platform_refusal_is_recorded_and_the_follower_stays_in_the_queue(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    fake.refuse["block"] = PermanentError("Mastodon could not find that account")

    with pytest.raises(actions.ActionRefused, match="could not find"):
        actions.decide(queued["bad"], world.membership(world.p.head), "block")

    assert Follower.objects.get(external_id="bad").state == Follower.State.PENDING
    assert Decision.objects.get().outcome == Decision.Outcome.FAILED
    assert AuditEntry.objects.filter(action="followers.block_failed").exists()


def test_only_the_roles_the_policy_names_decide(world: School, queued: dict[str, Follower]) -> None:
    for user in (world.p.teacher, world.p.governor, world.p.office):
        with pytest.raises(actions.ActionRefused, match="headteacher or senior leader"):
            actions.decide(queued["p1"], world.membership(user), "keep")
    actions.decide(queued["p1"], world.membership(world.p.senior), "keep")


def test_bulk_keeping_everyone_unflagged_is_one_click_and_one_audit_entry(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    head = client_for(world.p.head)

    response = head.post(reverse("followers:bulk"), {"scope": "unflagged", "action": "keep"})

    assert response.status_code == 302
    assert set(Follower.objects.filter(state="kept").values_list("external_id", flat=True)) == {"p1", "p2"}
    assert Decision.objects.filter(action="keep").count() == 2
    entry = AuditEntry.objects.get(action="followers.keep")
    assert "Kept 2 followers" in entry.summary and "Helen Head" in entry.summary


def test_bulk_blocking_ticked_followers_calls_the_platform_for_each(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    head = client_for(world.p.head)
    ids = [queued["bad"].pk, queued["spam"].pk]

    head.post(reverse("followers:bulk"), {"ids": ids, "action": "block", "reason": "Spam and gambling"})

    assert sorted(fake.done) == [("block", "bad"), ("block", "spam")]
    assert set(Decision.objects.values_list("reason", flat=True)) == {"Spam and gambling"}


def test_bluesky_cannot_remove_a_follower_so_the_page_offers_a_block_and_says_why(
    db: None, fake: FakeClient
) -> None:
    world = make_school(kind="bluesky", slug="bsky")
    fake.kind = "bluesky"
    fake.followers = [ProfilePage((profile("did:plc:a", handle="a.bsky.social", bio="Casino bonuses"),))]
    ingest.ingest(world.connection.pk)
    follower = Follower.objects.get()

    remove = next(o for o in actions.options(follower) if o.key == "remove")
    assert not remove.available and "blocking then unblocking leaves them following" in remove.why
    with pytest.raises(actions.ActionRefused):
        actions.decide(follower, world.membership(world.p.head), "remove")
    page = client_for(world.p.head).get(reverse("followers:detail", args=[follower.pk]))
    assert "Bluesky cannot remove a follower" in page.content.decode()


def test_on_x_the_reviewer_is_told_how_to_do_it_by_hand_and_records_it(db: None, fake: FakeClient) -> None:
    world = make_school(kind="x", slug="xx")
    fake.kind = "x"
    fake.followers = [ProfilePage((profile("42", handle="spammy", bio="Forex signals, DM for promo"),))]
    ingest.ingest(world.connection.pk)
    follower = Follower.objects.get()
    head = world.membership(world.p.head)

    with pytest.raises(actions.ActionRefused, match="Remove this follower"):
        actions.decide(follower, head, "remove")
    page = client_for(world.p.head).get(reverse("followers:detail", args=[follower.pk])).content.decode()
    assert "Remove this follower" in page and "Done on X: remove from followers" in page

    decision = actions.decide(follower, head, "remove", "Removed on x.com", by_hand=True)

    assert decision.outcome == Decision.Outcome.RECORDED and fake.done == []
    assert Follower.objects.get().state == Follower.State.REMOVED


def test_the_review_is_recorded_only_when_nobody_waits_and_the_dashboard_shows_it(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    head = world.membership(world.p.head)
    with pytest.raises(actions.ActionRefused, match="4 followers still wait"):
        actions.finish_review(head)
    for follower in queued.values():
        actions.decide(follower, head, "keep" if not follower.flagged else "block")

    done = actions.finish_review(head, "Weekly check")

    assert done.decided == 4 and done.done_by == world.p.head
    home = client_for(world.p.head).get("/").content.decode()
    assert "The last follower review was finished just now by Helen Head" in home
    assert AuditEntry.objects.filter(action="followers.review_done").exists()


def _follower_reminders() -> list[tuple[str, str]]:
    """Who was told about the follower review, by any path: (username, kind), in order."""
    notes = Notification.objects.filter(url=reverse("followers:queue")).order_by("pk")
    return [(n.user.username, n.kind) for n in notes]


def test_an_overdue_weekly_review_is_reminded_once_by_the_one_schedule_and_escalates_to_the_headteacher(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    school = world.p.school
    only_seniors = re.sub(
        r"(?m)^follower_reviewers = .*$", 'follower_reviewers = ["senior-leader"]', school.policy_toml
    )
    assert only_seniors != school.policy_toml
    update_policy(school, only_seniors, world.p.head)
    found = review.status(school)
    assert found.due_at is not None
    due = timezone.localdate(found.due_at)
    assert due == timezone.localdate() + timedelta(days=7)  # weekly: a week after the first arrived
    head, senior = world.p.head.username, world.p.senior.username

    send_reminders(due - timedelta(days=3))
    assert _follower_reminders() == []
    send_reminders(due - timedelta(days=2))  # "due soon": the reviewers the policy names, only
    assert _follower_reminders() == [(senior, "reminder.due")]
    send_reminders(due)
    assert len(_follower_reminders()) == 1

    send_reminders(due + timedelta(days=1))  # overdue: the reviewers again, and the headteacher
    assert sorted(_follower_reminders()[1:]) == [(head, "reminder.overdue"), (senior, "reminder.overdue")]
    send_reminders(due + timedelta(days=2))
    send_reminders(due + timedelta(days=9))
    call_command("followers_due", stdout=io.StringIO())  # reads followers; reminds nobody
    assert len(_follower_reminders()) == 3  # never sent twice, and by one path only
    assert SentReminder.objects.filter(school=school, key=follower_duties.KEY).count() == 2

    note = Notification.objects.get(
        kind="reminder.overdue", user=world.p.head, title__contains=follower_duties.NAME
    )
    assert "every week" in note.body and "4 followers or follow requests wait" in note.body
    assert note.url == reverse("followers:queue")
    assert review.status(school).waiting == 4  # the dashboard's figures are untouched


def test_the_follower_review_duty_is_up_to_date_once_recorded_and_its_history_says_on_time(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    today = timezone.localdate()
    duty = next(d for d in duties_for(world.p.school, today) if d.key == follower_duties.KEY)
    assert duty.roles == ("headteacher", "senior-leader") and duty.last_done is None
    assert duty.due_on == today + timedelta(days=7) and duty.status(today) == Status.UP_TO_DATE

    head = world.membership(world.p.head)
    actions.keep_many([f for f in queued.values() if not f.flagged], head)
    for follower in queued.values():
        if follower.flagged:
            actions.decide(follower, head, "block")
    actions.finish_review(head)

    duty = next(d for d in duties_for(world.p.school, today) if d.key == follower_duties.KEY)
    assert duty.last_done == today and "Nobody is waiting" in duty.why
    done = [c for c in completions_for(world.p.school, today, today) if c.name.startswith("Follower review")]
    assert [(c.name, c.due_on, c.on_time) for c in done] == [
        ("Follower review (4 decisions)", today + timedelta(days=7), True)
    ]


def test_a_continuous_review_is_overdue_after_a_day(db: None, fake: FakeClient) -> None:
    world = make_school(preset="st-catherine", slug="cat")
    fake.followers = [ProfilePage((profile("1"),))]
    ingest.ingest(world.connection.pk)
    now = timezone.now()
    assert not review.status(world.p.school, now + timedelta(hours=20)).overdue
    assert review.status(world.p.school, now + timedelta(hours=25)).overdue


def test_follow_requests_are_answered_by_the_roles_the_policy_names_with_signals_shown(
    db: None, fake: FakeClient
) -> None:
    world = make_school(preset="courtney", slug="cour")
    fake.requests = [profile("r1"), profile("r2", bio="Sugar daddy, DM me")]
    ingest.ingest(world.connection.pk)
    r1, r2 = Follower.objects.get(external_id="r1"), Follower.objects.get(external_id="r2")

    page = client_for(world.p.computing).get(reverse("followers:requests")).content.decode()
    assert "Adult or dating" in page and "Approve" in page
    with pytest.raises(actions.ActionRefused):
        actions.answer_request(r1, world.membership(world.p.senior), approve=True)  # not named by Courtney

    computing = client_for(world.p.computing)
    computing.post(
        reverse("followers:answer", args=[r1.pk]), {"decision": "approve", "reason": "A parent in Y2"}
    )
    computing.post(reverse("followers:answer", args=[r2.pk]), {"decision": "reject"})

    assert fake.done == [("authorize", "r1"), ("reject", "r2")]
    r1.refresh_from_db()
    r2.refresh_from_db()
    assert (r1.relation, r1.state) == ("follower", "kept") and r1.decided_by == world.p.computing
    assert r2.state == "rejected"
    assert AuditEntry.objects.get(action="followers.request_approve").data["reason"] == "A parent in Y2"


def test_staff_declare_and_take_back_their_personal_accounts(db: None) -> None:
    world = make_school(preset="rackham", slug="mine")
    teacher = client_for(world.p.teacher)

    page = teacher.get(reverse("followers:mine")).content.decode()
    assert "may not follow the school's accounts" in page
    teacher.post(reverse("followers:mine"), {"handle": "https://bsky.app/profile/Tara.bsky.social"})
    refused = teacher.post(reverse("followers:mine"), {"handle": "not a handle"}, follow=True)

    account = PersonalAccount.objects.get()
    assert account.normalised == "tara.bsky.social" and account.user == world.p.teacher
    assert "Write the handle as it shows" in refused.content.decode()
    assert (
        client_for(world.p.senior).post(reverse("followers:mine_forget", args=[account.pk])).status_code
        == 404
    )
    teacher.post(reverse("followers:mine_forget", args=[account.pk]))
    assert not PersonalAccount.objects.exists()


def test_the_queue_page_shows_signals_reasons_and_the_recommendation(
    world: School, queued: dict[str, Follower]
) -> None:
    page = client_for(world.p.head).get(reverse("followers:queue")).content.decode()

    assert "Gambling" in page and "casino" in page
    assert "Looks like spam" in page and "7,000" in page
    assert "Safepost recommends" in page and "Keep all 2 with nothing flagged" in page
    assert "No follower review has been finished yet" in page
    flagged = client_for(world.p.head).get(
        reverse("followers:queue"), {"show": "flagged"}, headers={"HX-Request": "true"}
    )
    assert "Parent p1" not in flagged.content.decode() and "Parent bad" in flagged.content.decode()


def test_a_quick_decision_by_htmx_replaces_the_row(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    response = client_for(world.p.head).post(
        reverse("followers:decide", args=[queued["bad"].pk]),
        {"action": "block"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and f'id="follower-{queued["bad"].pk}"' in body
    assert "Blocked" in body and "Helen Head" in body


def test_governors_read_the_review_but_teachers_do_not_see_it(
    world: School, queued: dict[str, Follower]
) -> None:
    governor = client_for(world.p.governor).get(reverse("followers:queue")).content.decode()
    assert "Parent p1" in governor and "You can read the review" in governor and "Keep all" not in governor
    assert client_for(world.p.teacher).get(reverse("followers:queue")).status_code == 403
    refused = client_for(world.p.governor).post(
        reverse("followers:decide", args=[queued["p1"].pk]), {"action": "keep"}, follow=True
    )
    assert "review followers" in refused.content.decode()
    assert Follower.objects.get(external_id="p1").state == "pending"


def test_an_outsider_gets_404_or_nothing_from_every_follower_page(
    world: School, fake: FakeClient, queued: dict[str, Follower]
) -> None:
    outsider = client_for(world.p.outsider)
    pk = queued["bad"].pk
    for method, url, data in [
        ("get", reverse("followers:detail", args=[pk]), {}),
        ("post", reverse("followers:decide", args=[pk]), {"action": "block"}),
        ("post", reverse("followers:answer", args=[pk]), {"decision": "reject"}),
        ("post", reverse("followers:read_now", args=[world.connection.pk]), {}),
    ]:
        assert getattr(outsider, method)(url, data).status_code == 404, url
    outsider.post(reverse("followers:bulk"), {"ids": [pk], "action": "block"})
    page = outsider.get(reverse("followers:queue")).content.decode()
    assert "casino" not in page and world.p.school.name not in page
    assert fake.done == [] and Follower.objects.get(pk=pk).state == "pending"


def test_every_page_renders_for_the_headteacher(world: School, queued: dict[str, Follower]) -> None:
    head = client_for(world.p.head)
    for url in (
        reverse("followers:queue"),
        reverse("followers:queue") + "?show=decided",
        reverse("followers:queue") + "?show=staff&platform=x&account=999",
        reverse("followers:detail", args=[queued["spam"].pk]),
        reverse("followers:requests"),
        reverse("followers:mine"),
        "/",
    ):
        response: Any = head.get(url)
        assert response.status_code == 200, url
    assert Review.objects.count() == 0

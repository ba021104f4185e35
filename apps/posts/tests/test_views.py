"""The posts pages: compose (checked as you type), the list, one post, and approvals."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from apps.audit.models import AuditEntry
from apps.posts import actions
from apps.posts.models import Override, Post
from apps.posts.tests.conftest import MONDAY_10AM, london, member, require_approval_for
from apps.publishing.models import Publication
from apps.publishing.targets import Limits, registered
from apps.publishing.tests.fakes import FakeTarget
from apps.schools.actions import do_replace_roster
from apps.schools.models import Account
from apps.schools.testing import Personas, make_personas
from safepost.policy.roster import Pupil as RosterPupil
from safepost.policy.roster import Roster

Status = Post.Status
HTMX = {"HTTP_HX_REQUEST": "true"}
SAFE = "Oak Class had a brilliant science week: thank you for all the junk modelling boxes!"
MENTION = "Thank you to @LocalLibrary for a wonderful story time with Oak Class today."


def text_of(html: str) -> str:
    """The page's visible words, roughly, with spaces squeezed."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def add_pupil(p: Personas, first: str = "Maisie", surname: str = "Pemberton") -> None:
    do_replace_roster(p.school, Roster([RosterPupil((first,), (surname,), class_name="Oak")]), p.head)


def compose_data(p: Personas, text: str, account: Account | None = None, **extra: str) -> dict[str, str]:
    return {"account": str((account or p.oak).pk), "text": text, "when": "asap", **extra}


def scheduled_post(p: Personas, text: str = SAFE, when: Any = MONDAY_10AM) -> Post:
    post = actions.create_draft(member(p, p.teacher), p.oak, text, now=when)
    return actions.submit(post, member(p, p.teacher), now=when)


# --- Compose ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_compose_page_checks_as_you_type(p: Personas, clock: Any) -> None:
    response = p.client_for(p.teacher).get(reverse("posts:compose"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="text"' in html
    assert "input changed delay:300ms from:#id_text" in html
    assert f'hx-post="{reverse("posts:compose")}"' in html
    assert "The school&#x27;s website feed: 0 of 280 characters" in html


@pytest.mark.django_db
def test_a_teacher_may_post_from_their_class_and_the_main_account(p: Personas, clock: Any) -> None:
    Account.objects.create(school=p.school, name="Ash Class", kind=Account.Kind.CLASS, holder=p.senior)
    html = p.client_for(p.teacher).get(reverse("posts:compose")).content.decode()
    options = re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', html)
    assert sorted(unescape(o) for o in options) == [
        "Oak Class",
        "St Catherine's Test School",
    ]


@pytest.mark.django_db
def test_a_senior_leader_may_post_from_any_account(p: Personas, clock: Any) -> None:
    Account.objects.create(school=p.school, name="Ash Class", kind=Account.Kind.CLASS, holder=p.teacher)
    html = p.client_for(p.senior).get(reverse("posts:compose")).content.decode()
    assert len(re.findall(r'<option value="\d+"', html)) == 3


@pytest.mark.django_db
def test_the_exception_choice_is_offered_only_to_roles_allowed_to_use_it(p: Personas, clock: Any) -> None:
    teacher = p.client_for(p.teacher).get(reverse("posts:compose")).content.decode()
    head = p.client_for(p.head).get(reverse("posts:compose")).content.decode()
    assert 'name="exception"' not in teacher
    assert 'name="exception_reason"' not in teacher
    assert 'name="exception"' in head
    assert "Yes: urgent school news" in head
    assert 'name="exception_reason"' in head


@pytest.mark.django_db
def test_a_teacher_cannot_sneak_an_exception_in(p: Personas, clock: Any) -> None:
    clock(london(2026, 3, 9, 19))
    data = compose_data(p, SAFE, action="submit", exception="urgent-news", exception_reason="Because")
    p.client_for(p.teacher).post(reverse("posts:compose"), data)
    post = Post.objects.get()
    assert post.exception == ""
    assert post.scheduled_for == london(2026, 3, 10, 8)


@pytest.mark.django_db
def test_the_htmx_check_returns_only_the_result(p: Personas, clock: Any) -> None:
    add_pupil(p)
    data = compose_data(p, "Well done to Maisie Pemberton for her reading award!")
    response = p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="result"')
    assert "<html" not in html
    assert 'name="text"' not in html
    assert re.search(r'<mark class="mark--block" title="[^"]*full name of a pupil', html)
    assert "Write instead" in html
    assert "Can&#x27;t be posted yet" in html
    assert not Post.objects.exists()  # checking as you type never saves


@pytest.mark.django_db
def test_each_warning_gets_a_reason_box(p: Personas, clock: Any) -> None:
    html = (
        p.client_for(p.teacher)
        .post(reverse("posts:compose"), compose_data(p, MENTION), **HTMX)
        .content.decode()
    )
    boxes = re.findall(r'<textarea id="override-([\w-]+)" name="override-\1"', html)
    assert len(boxes) == 1
    assert "Why should it go out anyway?" in html


@pytest.mark.django_db
def test_the_reason_typed_stays_while_the_writer_keeps_typing(p: Personas, clock: Any) -> None:
    client = p.client_for(p.teacher)
    html = client.post(reverse("posts:compose"), compose_data(p, MENTION), **HTMX).content.decode()
    [key] = re.findall(r'name="override-([\w-]+)"', html)
    data = compose_data(p, "Oh! " + MENTION, **{f"override-{key}": "They asked to be tagged."})
    html = client.post(reverse("posts:compose"), data, **HTMX).content.decode()
    assert "They asked to be tagged.</textarea>" in html


@pytest.mark.django_db
def test_the_counter_shows_each_target_limit(p: Personas, clock: Any) -> None:
    data = compose_data(p, "a" * 300)
    html = p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX).content.decode()
    assert "300 of 280 characters, 20 over the limit" in html
    assert 'id="counters" class="counters" hx-swap-oob="true"' in html


@dataclass
class FakePlatform(FakeTarget):
    """A platform with a 100-character limit that counts links as 23, as an adapter would declare."""

    def limits(self) -> Limits:
        return Limits(max_chars=100, link_chars=23)


@pytest.mark.django_db
def test_a_platform_target_adds_its_own_counter(p: Personas, clock: Any) -> None:
    data = compose_data(p, "b" * 120)
    with registered("fake", lambda account: FakePlatform(account, label="Fakebook (@oak)")):
        html = p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX).content.decode()
    assert "The school&#x27;s website feed: 120 of 280 characters" in html
    assert "Fakebook (@oak): 120 of 100 characters, 20 over the limit" in html


@pytest.mark.django_db
def test_a_new_post_too_long_for_a_platform_is_marked_while_it_is_written(p: Personas, clock: Any) -> None:
    data = compose_data(p, ("Oak Class had a lovely afternoon. " * 4).strip())
    with registered("fake", lambda account: FakePlatform(account, label="Fakebook (@oak)")):
        html = unescape(p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX).content.decode())
    assert "Fakebook (@oak) takes at most 100 characters as it counts them; this post has 135." in html


@pytest.mark.parametrize(
    ("now", "extra", "sentence", "button"),
    [
        (london(2026, 3, 9, 10), {}, "This will go out straight away", "Publish now"),
        (
            london(2026, 3, 7, 20, 15),
            {},
            "This will go out at 08:00 on Monday 9 March",
            "Schedule for 08:00 Monday",
        ),
        (
            london(2026, 3, 9, 10),
            {"when": "pick", "at": "2026-03-11T15:30"},
            "This will go out at 15:30 on Wednesday 11 March",
            "Schedule for 15:30 Wednesday",
        ),
        (
            london(2026, 3, 9, 19),
            {"exception": "urgent-news", "exception_reason": "Closure"},
            "This will go out as soon as you press the button: urgent news may go out outside posting hours.",
            "Publish now (urgent news)",
        ),
    ],
)
@pytest.mark.django_db
def test_the_button_says_what_will_happen(
    p: Personas, clock: Any, now: Any, extra: dict[str, str], sentence: str, button: str
) -> None:
    clock(now)
    data = compose_data(p, "School news: the library reopens next week.", account=p.main, **extra)
    html = p.client_for(p.head).post(reverse("posts:compose"), data, **HTMX).content.decode()
    assert sentence in text_of(html)
    assert f'value="submit" class="button">{button}</button>' in html


@pytest.mark.django_db
def test_the_button_says_send_for_approval_when_approval_is_needed(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    html = p.client_for(p.teacher).get(reverse("posts:compose")).content.decode()
    assert 'value="submit" class="button">Send for approval</button>' in html


@pytest.mark.django_db
def test_a_picked_time_outside_the_window_is_explained(p: Personas, clock: Any) -> None:
    data = compose_data(p, SAFE, when="pick", at="2026-03-14T10:00")
    html = p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX).content.decode()
    assert "Posts can go out Mon–Fri 08:00–18:00" in unescape(html)
    response = p.client_for(p.teacher).post(reverse("posts:compose"), {**data, "action": "submit"})
    assert response.status_code == 200
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_saving_a_draft_goes_to_the_post(p: Personas, clock: Any) -> None:
    response = p.client_for(p.teacher).post(reverse("posts:compose"), compose_data(p, SAFE, action="save"))
    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("posts:detail", args=[post.pk])
    assert post.status == Status.DRAFT


@pytest.mark.django_db
def test_sending_the_same_form_twice_makes_one_post(p: Personas, clock: Any) -> None:
    client = p.client_for(p.teacher)
    html = client.get(reverse("posts:compose")).content.decode()
    [once] = re.findall(r'name="once" value="(\w+)"', html)
    data = compose_data(p, SAFE, action="submit", once=once)
    first = client.post(reverse("posts:compose"), data)
    second = client.post(reverse("posts:compose"), data)
    post = Post.objects.get()
    assert first["Location"] == second["Location"] == reverse("posts:detail", args=[post.pk])
    assert post.status == Status.SCHEDULED


@pytest.mark.django_db
def test_sending_an_unchanged_waiting_post_again_leaves_it_waiting(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending_post(p)
    data = compose_data(p, SAFE, action="submit")
    response = p.client_for(p.teacher).post(reverse("posts:edit", args=[post.pk]), data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Status.PENDING


@pytest.mark.django_db
def test_blocking_findings_stop_the_submission_and_save_nothing(p: Personas, clock: Any) -> None:
    add_pupil(p)
    data = compose_data(p, "Well done to Maisie Pemberton!", action="submit")
    response = p.client_for(p.teacher).post(reverse("posts:compose"), data)
    page = text_of(response.content.decode())
    assert response.status_code == 200
    assert "Not sent yet" in page
    assert "must change" in page
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_warning_without_a_reason_stops_the_submission(p: Personas, clock: Any) -> None:
    client = p.client_for(p.teacher)
    response = client.post(reverse("posts:compose"), compose_data(p, MENTION, action="submit"))
    assert "1 warning still needs a reason" in text_of(response.content.decode())
    assert not Post.objects.exists()
    [key] = re.findall(r'name="override-([\w-]+)"', response.content.decode())
    data = compose_data(p, MENTION, action="submit", **{f"override-{key}": "The library asked us to."})
    response = client.post(reverse("posts:compose"), data)
    assert response.status_code == 302
    assert Override.objects.get().reason == "The library asked us to."


@pytest.mark.django_db
def test_the_whole_journey_write_approve_schedule(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    clock(london(2026, 3, 13, 17, 50))  # Friday, just before the window closes
    teacher = p.client_for(p.teacher)
    response = teacher.post(reverse("posts:compose"), compose_data(p, SAFE, action="submit"), follow=True)
    post = Post.objects.get()
    assert post.status == Status.PENDING
    assert "Sent for approval" in text_of(response.content.decode())

    head = p.client_for(p.head)
    queue = text_of(head.get(reverse("posts:approvals")).content.decode())
    assert "junk modelling boxes" in queue
    assert "If you approve it now, it goes out at 17:50 today." in queue

    clock(london(2026, 3, 13, 18, 30))
    response = head.post(reverse("posts:review", args=[post.pk]), {"decision": "approve"}, **HTMX)
    card = text_of(response.content.decode())
    assert "Approved. It will go out at 08:00 on Monday 16 March." in card
    post.refresh_from_db()
    assert post.status == Status.SCHEDULED
    assert Publication.objects.filter(post=post).exists()

    detail = text_of(teacher.get(reverse("posts:detail", args=[post.pk])).content.decode())
    assert "Scheduled: it will go out at 08:00 on Monday 16 March." in detail
    for words in ("Draft written for Oak Class", "Sent for approval", "Approved", "Scheduled for"):
        assert words in detail


# --- Approvals --------------------------------------------------------------------------------


def pending_post(p: Personas, user: Any = None, account: Account | None = None, text: str = SAFE) -> Post:
    user = user or p.teacher
    post = actions.create_draft(member(p, user), account or p.oak, text, now=MONDAY_10AM)
    return actions.submit(post, member(p, user), now=MONDAY_10AM)


@pytest.mark.django_db
def test_the_queue_shows_only_posts_the_member_may_approve(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher", "headteacher")
    mine = pending_post(p, p.head, p.main, "The head's own news for parents this week.")
    theirs = pending_post(p)
    html = p.client_for(p.head).get(reverse("posts:approvals")).content.decode()
    assert f'id="approval-{theirs.pk}"' in html
    assert f'id="approval-{mine.pk}"' not in html
    assert "Your posts waiting for someone else" in html
    assert f'hx-post="{reverse("posts:review", args=[theirs.pk])}"' in html


@pytest.mark.django_db
def test_the_queue_is_empty_for_someone_who_cannot_approve(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    pending_post(p, account=p.main)
    html = text_of(p.client_for(p.office).get(reverse("posts:approvals")).content.decode())
    assert "Nothing to approve" in html


@pytest.mark.django_db
def test_sending_back_needs_a_comment(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending_post(p)
    url = reverse("posts:review", args=[post.pk])
    html = p.client_for(p.head).post(url, {"decision": "changes", "comment": ""}, **HTMX).content.decode()
    assert "Write a comment saying what to change" in unescape(html)
    post.refresh_from_db()
    assert post.status == Status.PENDING
    html = p.client_for(p.head).post(url, {"decision": "changes", "comment": "Add the date."}, **HTMX)
    assert "Sent back to the writer" in html.content.decode()
    post.refresh_from_db()
    assert post.status == Status.CHANGES_REQUESTED


@pytest.mark.django_db
def test_a_writer_cannot_approve_their_own_post_from_the_page(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "headteacher")
    post = pending_post(p, p.head, p.main)
    url = reverse("posts:review", args=[post.pk])
    html = p.client_for(p.head).post(url, {"decision": "approve"}, **HTMX).content.decode()
    assert "You can&#x27;t approve your own post" in html
    post.refresh_from_db()
    assert post.status == Status.PENDING


@pytest.mark.django_db
def test_approving_a_post_that_now_names_a_pupil_holds_it(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending_post(p, text="Thank you to the Pemberton family for the cake stall.")
    add_pupil(p)
    url = reverse("posts:review", args=[post.pk])
    html = text_of(p.client_for(p.head).post(url, {"decision": "approve"}, **HTMX).content.decode())
    assert "Not approved" in html
    post.refresh_from_db()
    assert post.status == Status.HELD
    detail = text_of(p.client_for(p.teacher).get(reverse("posts:detail", args=[post.pk])).content.decode())
    assert "Held: it needs attention" in detail
    assert "Pemberton" in detail


# --- List -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_groups_posts_by_day_in_the_schools_time(p: Personas, clock: Any) -> None:
    scheduled_post(p, "Monday news from Oak Class: we planted beans.", london(2026, 3, 9, 10))
    scheduled_post(p, "Sunday evening post about the spring fair.", london(2026, 3, 8, 20, 15))
    clock(london(2026, 3, 9, 9))
    html = text_of(p.client_for(p.teacher).get(reverse("posts:list")).content.decode())
    assert "Today, Monday 9 March 2026" in html
    assert "Goes out 10:00" in html
    assert "Due at 08:00" in html


@pytest.mark.django_db
def test_the_list_filters_by_account_and_status(p: Personas, clock: Any) -> None:
    scheduled_post(p, "A post for Oak Class parents about reading.")
    main_post = actions.create_draft(
        member(p, p.head), p.main, "A draft on the main account.", now=MONDAY_10AM
    )
    client = p.client_for(p.head)
    html = client.get(reverse("posts:list"), {"account": p.main.pk}).content.decode()
    assert "reading" not in html
    assert "No posts here yet" in html
    html = client.get(reverse("posts:list"), {"account": p.main.pk, "status": "draft"}).content.decode()
    assert main_post.text in html


def make_published(p: Personas, n: int) -> None:
    for i in range(n):
        moment = london(2026, 3, 2 + i % 5, 9)
        Post.objects.create(
            school=p.school,
            account=p.oak if i % 2 else p.main,
            author=p.teacher if i % 3 else p.head,
            text=f"Post number {i}",
            status=Status.PUBLISHED,
            scheduled_for=moment,
            published_at=moment,
        )


def list_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("posts:list")).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_list_is_paginated_and_its_queries_do_not_grow_with_posts(p: Personas, clock: Any) -> None:
    client = p.client_for(p.teacher)
    make_published(p, 3)
    client.get(reverse("posts:list"))  # warm the session and caches
    few = list_queries(client)
    make_published(p, 32)
    # 13: the menu's unread-notifications count is one query on every page.
    assert list_queries(client) == few <= 13
    html = client.get(reverse("posts:list")).content.decode()
    assert "1–30 of 35 posts" in unescape(html)
    assert "page=2" in html
    html = client.get(reverse("posts:list"), {"page": 2}).content.decode()
    assert "31–35 of 35" in unescape(html)


# --- Detail -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_post_page_shows_status_check_history_and_publications(p: Personas, clock: Any) -> None:
    post = scheduled_post(p)
    Publication.objects.filter(post=post).update(
        status=Publication.Status.FAILED, attempts=5, last_error="The feed could not be written."
    )
    html = text_of(p.client_for(p.teacher).get(reverse("posts:detail", args=[post.pk])).content.decode())
    assert "Status: Scheduled" in html
    assert "Ready to post" in html
    assert "Draft written for Oak Class" in html
    assert "Scheduled for" in html
    assert "after 5 tries" in html
    assert "The feed could not be written." in html
    assert "Tell your computing lead" in html


@pytest.mark.django_db
def test_there_is_no_reply_action_anywhere(p: Personas, clock: Any) -> None:
    post = scheduled_post(p)
    client = p.client_for(p.head)
    for url in (
        reverse("posts:list"),
        reverse("posts:compose"),
        reverse("posts:detail", args=[post.pk]),
        reverse("posts:approvals"),
    ):
        assert "reply" not in text_of(client.get(url).content.decode()).lower()


@pytest.mark.django_db
def test_only_the_writer_may_open_the_edit_page(p: Personas, clock: Any) -> None:
    post = actions.create_draft(member(p, p.teacher), p.oak, SAFE, now=MONDAY_10AM)
    assert p.client_for(p.teacher).get(reverse("posts:edit", args=[post.pk])).status_code == 200
    # A draft is the writer's alone: to anyone else it is not there (apps.posts.access.posts_for).
    assert p.client_for(p.head).get(reverse("posts:edit", args=[post.pk])).status_code == 404


@pytest.mark.django_db
def test_editing_through_the_page_records_the_change(p: Personas, clock: Any) -> None:
    post = actions.create_draft(member(p, p.teacher), p.oak, SAFE, now=MONDAY_10AM)
    data = compose_data(p, "Oak Class loved science week.", action="save")
    response = p.client_for(p.teacher).post(reverse("posts:edit", args=[post.pk]), data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.text == "Oak Class loved science week."
    assert AuditEntry.objects.filter(action="post.edited", object_id=str(post.pk)).exists()


@pytest.mark.django_db
def test_deleting_from_the_page(p: Personas, clock: Any) -> None:
    post = scheduled_post(p)
    response = p.client_for(p.teacher).post(reverse("posts:delete", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Status.DELETED


# --- Who may see what -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["posts:detail", "posts:edit"])
def test_an_outsider_gets_404_for_a_post(p: Personas, clock: Any, name: str) -> None:
    post = actions.create_draft(member(p, p.teacher), p.oak, SAFE, now=MONDAY_10AM)
    assert p.client_for(p.outsider).get(reverse(name, args=[post.pk])).status_code == 404


@pytest.mark.django_db
def test_an_outsider_cannot_approve_or_delete_a_post(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    post = pending_post(p)
    outsider = p.client_for(p.outsider)
    assert outsider.post(reverse("posts:review", args=[post.pk]), {"decision": "approve"}).status_code == 404
    assert outsider.post(reverse("posts:delete", args=[post.pk])).status_code == 404
    post.refresh_from_db()
    assert post.status == Status.PENDING


@pytest.mark.django_db
def test_an_outsider_sees_none_of_our_posts_and_404_for_our_account(p: Personas, clock: Any) -> None:
    require_approval_for(p.school, "class-teacher")
    pending_post(p)
    outsider = p.client_for(p.outsider)
    assert "junk modelling" not in outsider.get(reverse("posts:list"), {"status": "all"}).content.decode()
    assert "junk modelling" not in outsider.get(reverse("posts:approvals")).content.decode()
    assert outsider.get(reverse("posts:list"), {"account": p.oak.pk}).status_code == 404


@pytest.mark.django_db
def test_an_outsider_cannot_post_from_our_account(p: Personas, clock: Any) -> None:
    response = p.client_for(p.outsider).post(reverse("posts:compose"), compose_data(p, SAFE, action="save"))
    assert response.status_code == 200
    assert "Choose one of the accounts in the list." in response.content.decode()
    assert not Post.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["posts:list", "posts:compose", "posts:approvals"])
def test_someone_with_no_school_gets_404(p: Personas, clock: Any, name: str) -> None:
    stranger = get_user_model().objects.create_user("stranger", "stranger@example.org", "a-long-password-1")
    client = Client()
    client.force_login(stranger)
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["posts:list", "posts:compose", "posts:approvals"])
def test_signed_out_visitors_are_sent_to_sign_in(name: str, db: None) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_a_governor_can_read_posts_but_cannot_write(p: Personas, clock: Any) -> None:
    post = scheduled_post(p)
    governor = p.client_for(p.governor)
    assert governor.get(reverse("posts:list")).status_code == 200
    assert governor.get(reverse("posts:detail", args=[post.pk])).status_code == 200
    assert governor.get(reverse("posts:compose")).status_code == 403
    assert (
        governor.post(reverse("posts:compose"), compose_data(p, SAFE, p.main, action="save")).status_code
        == 403
    )
    assert governor.get(reverse("posts:approvals")).status_code == 403
    assert governor.post(reverse("posts:delete", args=[post.pk])).status_code == 403
    assert Post.objects.count() == 1
    post.refresh_from_db()
    assert post.status == Status.SCHEDULED


@pytest.mark.django_db
def test_a_member_without_posting_rights_is_told_why(p: Personas, clock: Any) -> None:
    html = text_of(p.client_for(p.office).get(reverse("posts:compose")).content.decode())
    assert (
        "Your posts go to an approver before they go out: at this school, posting rights are held by "
        "the headteacher, senior leaders and class teachers." in html
    )
    assert "You can still write a post here and send it for approval." in html
    # They may still propose a post for the main account, which a publisher approves.
    assert "There is no account you can post from" not in html


@pytest.mark.django_db
def test_a_member_who_has_not_signed_the_agreement_is_told_to_sign_it(db: None, clock: Any) -> None:
    sutton = make_personas(preset="sutton-manor", slug="sutton")
    html = sutton.client_for(sutton.head).get(reverse("posts:compose")).content.decode()
    assert "sign the school&#x27;s social media agreement" in html
    with contextlib.suppress(NoReverseMatch):  # without the agreement page, the sentence alone explains
        assert f'href="{reverse("schools:agreement")}"' in html
    assert 'value="submit"' not in html
    assert 'value="save"' in html


@pytest.mark.django_db
def test_a_draft_is_private_to_its_writer(p: Personas) -> None:
    from apps.posts.models import Post

    Post.objects.create(
        school=p.school, account=p.oak, author=p.teacher, text="A half-written idea about Sports Day"
    )
    drafts = reverse("posts:list") + "?status=draft"
    assert "half-written idea" in p.client_for(p.teacher).get(drafts).content.decode()
    for other in (p.office, p.governor, p.head):
        assert "half-written idea" not in p.client_for(other).get(drafts).content.decode()


@pytest.mark.django_db
def test_a_class_teacher_at_a_school_run_by_its_slt_can_still_propose_a_post(db: None) -> None:
    from apps.posts.access import accounts_for
    from apps.schools.models import Membership
    from apps.schools.permissions import needs_approval

    nnf = make_personas(preset="no-names-no-faces", slug="nnf-teacher")
    teacher = Membership.objects.get(user=nnf.teacher, school=nnf.school)
    assert nnf.main in accounts_for(teacher)
    assert needs_approval(teacher, nnf.main)

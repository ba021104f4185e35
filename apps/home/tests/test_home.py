"""The home page: a welcome for visitors, and a dashboard of what needs each member of staff."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.audit.display import url_or_none
from apps.followers.models import Follower
from apps.followers.models import Review as FollowerReview
from apps.posts.models import Post, Review
from apps.publishing.models import Publication
from apps.schools.actions import update_policy
from apps.schools.models import Account, Agreement, Signature
from apps.schools.testing import Personas, make_personas

HOME = reverse("home")


@pytest.fixture
def p(db: Any) -> Personas:
    return make_personas()


def post(
    p: Personas, author: Any, text: str, status: str, account: Account | None = None, **fields: Any
) -> Post:
    return Post.objects.create(
        school=p.school, account=account or p.main, author=author, text=text, status=status, **fields
    )


def home(client: Client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_visitors_see_what_safepost_is_with_sign_in_and_check_a_post(db: Any) -> None:
    html = home(Client())
    assert "Safe posts for school social media" in html
    assert f'href="{reverse("account_login")}"' in html
    assert f'href="{reverse("checker:check")}"' in html
    assert "Needs your attention" not in html


def test_someone_signed_in_without_a_school_is_told_how_to_join_one(p: Personas) -> None:
    loner = get_user_model().objects.create_user("loner", "loner@example.org", "a-long-password-1")
    html = home(p.client_for(loner))
    assert "not part of a school yet" in html
    assert "Needs your attention" not in html


def test_the_headteacher_sees_posts_waiting_for_approval(p: Personas) -> None:
    post(
        p,
        p.teacher,
        "Oak Class planted bulbs today.",
        Post.Status.PENDING,
        p.oak,
        submitted_at=timezone.now(),
    )
    html = home(p.client_for(p.head))
    assert "Waiting for your approval" in html
    assert "Oak Class planted bulbs today." in html
    assert "Tara Teacher" in html


def test_nobody_is_asked_to_approve_their_own_post(p: Personas) -> None:
    post(p, p.senior, "Our own news.", Post.Status.PENDING, submitted_at=timezone.now())
    assert "Waiting for your approval" not in home(p.client_for(p.senior))
    assert "Waiting for your approval" in home(p.client_for(p.head))


@pytest.mark.parametrize("who", ["teacher", "office", "computing", "governor"])
def test_staff_who_cannot_approve_are_not_shown_the_queue(p: Personas, who: str) -> None:
    post(p, p.senior, "Senior's news.", Post.Status.PENDING, submitted_at=timezone.now())
    assert "Senior&#x27;s news." not in home(p.client_for(getattr(p, who)))


def test_the_oak_class_holder_approves_oak_posts_by_others(p: Personas) -> None:
    post(
        p, p.office, "Oak Class cake sale on Friday.", Post.Status.PENDING, p.oak, submitted_at=timezone.now()
    )
    assert "Oak Class cake sale on Friday." in home(p.client_for(p.teacher))


def test_a_writer_sees_their_posts_sent_back_with_the_comment(p: Personas) -> None:
    sent = post(p, p.office, "Photographs next week.", Post.Status.CHANGES_REQUESTED)
    Review.objects.create(
        post=sent, reviewer=p.head, decision=Review.Decision.CHANGES, comment="Add the day."
    )
    html = home(p.client_for(p.office))
    assert "Sent back to you for changes" in html
    assert "Photographs next week." in html and "“Add the day.”" in html
    assert "Photographs next week." not in home(p.client_for(p.teacher))


def test_leaders_see_held_and_failed_posts_with_the_reason(p: Personas) -> None:
    post(p, p.teacher, "Well done Kofi!", Post.Status.HELD, p.oak, held_reason="It names one child.")
    failed = post(p, p.head, "Closing early on Friday.", Post.Status.FAILED, scheduled_for=timezone.now())
    Publication.objects.create(
        post=failed, target="website", status="failed", last_error="The feed was busy."
    )
    html = home(p.client_for(p.senior))
    assert "Held or failed" in html
    assert "It names one child." in html
    assert "The feed was busy." in html


def test_others_see_only_their_own_held_posts_or_those_on_accounts_they_hold(p: Personas) -> None:
    post(p, p.office, "Held office post.", Post.Status.HELD, held_reason="Reason.")
    post(p, p.senior, "Held Oak post.", Post.Status.HELD, p.oak, held_reason="Reason.")
    office, teacher = home(p.client_for(p.office)), home(p.client_for(p.teacher))
    assert "Held office post." in office and "Held Oak post." not in office
    assert "Held Oak post." in teacher and "Held office post." not in teacher


def _require_agreement(p: Personas) -> Agreement:
    text = p.school.policy_toml.replace("[accounts]", "[accounts]\nagreement_required = true", 1)
    update_policy(p.school, text, p.head)
    agreement = Agreement.objects.create(school=p.school, version=1, text="I will follow the policy.")
    for user in (p.head, p.senior, p.office):
        Signature.objects.create(agreement=agreement, user=user, typed_name=user.get_full_name())
    return agreement


def test_leaders_see_who_has_not_signed_the_agreement_but_not_governors(p: Personas) -> None:
    _require_agreement(p)
    html = home(p.client_for(p.head))
    assert "Staff who have not signed agreement version 1" in html
    assert "Tara Teacher (class teacher)" in html and "Chris Computing" in html
    assert "Gill Governor" not in html and "Olly Office" not in html


def test_a_teacher_who_has_not_signed_is_asked_to_sign(p: Personas) -> None:
    _require_agreement(p)
    html = home(p.client_for(p.teacher))
    assert "Sign the social media agreement" in html
    assert "Staff who have not signed" not in html
    assert "Sign the social media agreement" not in home(p.client_for(p.office))


def test_leaders_are_told_when_no_agreement_is_published_yet(p: Personas) -> None:
    text = p.school.policy_toml.replace("[accounts]", "[accounts]\nagreement_required = true", 1)
    update_policy(p.school, text, p.head)
    assert "No social media agreement yet" in home(p.client_for(p.senior))


def test_drafts_are_counted_for_their_writer(p: Personas) -> None:
    post(p, p.teacher, "Draft one.", Post.Status.DRAFT, p.oak)
    post(p, p.teacher, "Draft two.", Post.Status.DRAFT, p.oak)
    assert "You have 2 unsent drafts" in home(p.client_for(p.teacher))
    assert "unsent draft" not in home(p.client_for(p.head))


@pytest.mark.parametrize("who", ["head", "teacher", "governor"])
def test_everyone_sees_what_goes_out_next_and_what_went_out(p: Personas, who: str) -> None:
    now = timezone.now()
    post(p, p.head, "Later post.", Post.Status.SCHEDULED, scheduled_for=now + timedelta(days=1))
    post(p, p.head, "Sooner post.", Post.Status.SCHEDULED, scheduled_for=now + timedelta(hours=1))
    post(p, p.head, "Went out.", Post.Status.PUBLISHED, published_at=now - timedelta(hours=3))
    html = home(p.client_for(getattr(p, who)))
    assert html.index("Sooner post.") < html.index("Later post.") < html.index("Went out.")
    assert "published today at" in html or "published yesterday at" in html


def test_a_governor_is_told_they_read_and_do_not_write(p: Personas) -> None:
    html = home(p.client_for(p.governor))
    assert "you don't write posts" in html
    assert "Nothing needs you right now." in html
    compose = url_or_none("posts:compose")
    if compose:
        assert f'href="{compose}"' not in html


def test_an_outsider_never_sees_another_schools_posts(p: Personas) -> None:
    post(p, p.teacher, "St Catherine's pending.", Post.Status.PENDING, p.oak, submitted_at=timezone.now())
    post(p, p.head, "St Catherine's news.", Post.Status.PUBLISHED, published_at=timezone.now())
    html = home(p.client_for(p.outsider))
    assert "Elsewhere Primary" in html
    assert "St Catherine&#x27;s" not in html


def test_links_to_pages_that_do_not_exist_are_left_out_not_errors(p: Personas) -> None:
    assert url_or_none("posts:no-such-page", 1) is None
    assert url_or_none("posts:detail", "not-a-number") is None


@pytest.mark.urls("apps.home.tests.urls_without_posts")
def test_the_dashboard_still_works_without_the_posts_pages(p: Personas) -> None:
    post(p, p.teacher, "Pending without pages.", Post.Status.PENDING, p.oak, submitted_at=timezone.now())
    html = home(p.client_for(p.head))
    assert "Pending without pages." in html
    assert "/posts/" not in html


def test_the_dashboard_costs_a_few_queries_however_many_posts(
    p: Personas, django_assert_max_num_queries: Any
) -> None:
    now = timezone.now()
    for i in range(60):
        status = [Post.Status.PENDING, Post.Status.SCHEDULED, Post.Status.PUBLISHED, Post.Status.HELD][i % 4]
        post(p, p.teacher, f"Post {i}", status, p.oak, submitted_at=now, scheduled_for=now, published_at=now)
    client = p.client_for(p.head)
    with django_assert_max_num_queries(30):
        home(client)


def test_reviewers_see_an_overdue_follower_review_and_when_the_last_was_done(db: Any) -> None:
    p = make_personas(preset="sutton-manor", slug="home-fol")
    week_ago = timezone.now() - timedelta(days=8)
    Follower.objects.create(
        school=p.school,
        account=p.main,
        platform="mastodon",
        external_id="1",
        handle="a@b.example",
        first_seen_at=week_ago,
    )
    FollowerReview.objects.create(school=p.school, done_by=p.senior, done_at=week_ago - timedelta(days=2))

    page = home(p.client_for(p.head))

    assert "The follower review is overdue" in page
    assert "The last follower review was finished" in page and "Sam Senior" in page
    assert "every week" in page and "Open the follower review" in page
    assert "follower review" not in home(p.client_for(p.teacher)).lower()

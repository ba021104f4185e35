"""What the post page says while a post is going out: never "now" for a quarter of an hour (issue 13)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from apps.posts.models import Post
from apps.posts.tests.conftest import MONDAY_10AM, london
from apps.posts.views import status_sentence
from apps.publishing.actions import LEASE
from apps.publishing.models import Publication
from apps.publishing.words import publication_advice
from apps.schools.testing import Personas


def publishing_post(p: Personas) -> Post:
    return Post.objects.create(
        school=p.school,
        account=p.main,
        author=p.head,
        text="Sports day is on Friday!",
        status=Post.Status.PUBLISHING,
    )


@pytest.mark.django_db
def test_an_attempt_that_just_started_is_going_out_now(p: Personas) -> None:
    post = publishing_post(p)
    sending = Publication(post=post, target="website", status=Publication.Status.PUBLISHING)
    sending.next_attempt_at = MONDAY_10AM + LEASE - timedelta(seconds=20)
    assert publication_advice(sending, MONDAY_10AM, p.school.policy) == "Going out to School website now."


@pytest.mark.django_db
def test_an_attempt_says_going_out_now_only_while_its_worker_is_alive(p: Personas) -> None:
    post = publishing_post(p)
    sending = Publication(post=post, target="website", status=Publication.Status.PUBLISHING)
    # A live worker renews its lease by its heartbeat: the attempt really is going out.
    sending.next_attempt_at = MONDAY_10AM + LEASE - timedelta(seconds=5)
    assert publication_advice(sending, MONDAY_10AM, p.school.policy) == "Going out to School website now."
    # The heartbeat stopped and the lease ran out: the sweep takes over, and the page says so.
    sending.next_attempt_at = MONDAY_10AM - timedelta(seconds=1)
    advice = publication_advice(sending, MONDAY_10AM, p.school.policy)
    assert "now" not in advice.split(".")[0]
    assert "is about to check whether the post arrived and try again (within a minute)" in advice


@pytest.mark.django_db
def test_a_post_waiting_for_a_retry_says_when_it_will_try_again_not_going_out_now(p: Personas) -> None:
    post = publishing_post(p)
    Publication.objects.create(
        post=post,
        target="website",
        status=Publication.Status.RETRYING,
        next_attempt_at=london(2026, 3, 9, 10, 16),
    )
    sentence = status_sentence(post, MONDAY_10AM, p.school.policy)
    assert sentence == (
        "Not out everywhere yet: a platform did not take it, and Safepost will try again at 10:16 today. "
        "Nothing to do yet."
    )

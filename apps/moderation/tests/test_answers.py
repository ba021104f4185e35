"""Answering questions where the policy takes them (COU-02), and nowhere else."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.moderation import answers, ingest
from apps.moderation.actions import ActionRefused
from apps.moderation.models import InboxItem, Reply
from apps.moderation.tests.conftest import FakeReader, School, incoming, make_school, page
from apps.platforms.base import PermanentError
from apps.schools.actions import update_policy
from apps.schools.models import Membership
from apps.schools.testing import client_for

QUESTION = "When is the Christmas fair this year?"


@pytest.fixture
def courtney(db: None, reader: FakeReader, verdicts: Any) -> tuple[School, InboxItem]:
    world = make_school(preset="courtney", slug="ans")
    verdicts[QUESTION] = ("neutral", False)
    reader.pages = [page(incoming("q/1", QUESTION))]
    ingest.ingest(world.connection.pk)
    return world, InboxItem.objects.get()


def _member(world: School, user: Any) -> Membership:
    return Membership.objects.get(user=user, school=world.p.school)


def test_the_office_answers_a_question_and_it_goes_out_as_a_reply(courtney: Any, reader: FakeReader) -> None:
    world, item = courtney
    answer = answers.write(
        item, _member(world, world.p.office), "Saturday 6 December, 10am to 2pm in the hall."
    )
    assert answer.status == Reply.Status.PUBLISHED and answer.external_id == "answer-1"
    name, args = reader.done[0]
    assert name == "reply" and args[:2] == ("Saturday 6 December, 10am to 2pm in the hall.", "q/1")
    assert args[3] == answer.key
    assert AuditEntry.objects.filter(action="inbox.answer_published").exists()
    assert InboxItem.objects.get().state == InboxItem.State.DEALT_WITH


def test_an_answer_is_checked_like_any_post(courtney: Any, reader: FakeReader) -> None:
    world, item = courtney
    with pytest.raises(ActionRefused, match="cannot go out as it is"):
        answers.write(item, _member(world, world.p.office), "It's on bloody Saturday, obviously")
    assert reader.done == [] and not Reply.objects.exists()


def test_an_answer_waits_for_approval_where_the_policy_asks_and_nobody_approves_their_own(
    courtney: Any, reader: FakeReader
) -> None:
    world, item = courtney
    text = world.p.school.policy_toml.replace(
        "[accounts]\n", '[accounts]\napproval_required_for = ["office"]\n', 1
    )
    update_policy(world.p.school, text, world.p.head)
    item.school.refresh_from_db()
    office = _member(world, world.p.office)
    answer = answers.write(InboxItem.objects.get(), office, "Saturday at 10am in the hall.")
    assert answer.status == Reply.Status.WAITING and reader.done == []
    with pytest.raises(ActionRefused):
        answers.approve(answer, office)
    client_for(world.p.senior).post(reverse("moderation:answer_approve", args=[answer.pk]))
    answer.refresh_from_db()
    assert answer.status == Reply.Status.PUBLISHED and answer.approved_by == world.p.senior
    assert reader.done[0][0] == "reply"


def test_a_platform_refusal_is_kept_on_the_answer(courtney: Any, reader: FakeReader) -> None:
    world, item = courtney
    reader.refuse["reply"] = PermanentError("Bluesky refused the request.", platform_text="Thread locked")
    with pytest.raises(ActionRefused, match="Thread locked"):
        answers.write(item, _member(world, world.p.office), "Saturday at 10am.")
    failed = Reply.objects.get()
    assert failed.status == Reply.Status.FAILED and "Thread locked" in failed.error


def test_the_item_page_offers_an_answer_only_where_the_policy_takes_questions(
    courtney: Any, reader: FakeReader, verdicts: Any
) -> None:
    world, item = courtney
    html = client_for(world.p.office).get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "Send the answer" in html
    sutton = make_school(preset="sutton-manor", slug="noans")
    reader.pages = [page(incoming("q/2", QUESTION))]
    ingest.ingest(sutton.connection.pk)
    theirs = InboxItem.objects.get(school=sutton.p.school)
    head = client_for(sutton.p.head)
    assert "Send the answer" not in head.get(reverse("moderation:item", args=[theirs.pk])).content.decode()
    head.post(reverse("moderation:answer", args=[theirs.pk]), {"text": "Saturday"})
    assert not Reply.objects.filter(item=theirs).exists() and not [d for d in reader.done if d[0] == "reply"]


def test_an_outsider_cannot_answer_or_approve(courtney: Any) -> None:
    world, item = courtney
    answer = answers.write(item, _member(world, world.p.office), "Saturday at 10am.")
    outsider = client_for(world.p.outsider)
    assert outsider.post(reverse("moderation:answer", args=[item.pk]), {"text": "x"}).status_code == 404
    assert outsider.post(reverse("moderation:answer_approve", args=[answer.pk])).status_code == 404

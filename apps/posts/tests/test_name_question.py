"""'Is Summer a pupil here?': the compose check asks once, remembers the answer, and audits it (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.posts.models import Post
from apps.posts.tests.test_views import HTMX, add_pupil, compose_data, text_of
from apps.schools.models import NameAnswer
from apps.schools.testing import Personas

PAINTING = "Year 2 have been painting Summer in bright colours for the hall display."


@pytest.mark.django_db
def test_the_compose_check_asks_whether_a_word_is_a_pupil(p: Personas, clock: Any) -> None:
    add_pupil(p, "Summer", "Brook")
    html = (
        p.client_for(p.teacher)
        .post(reverse("posts:compose"), compose_data(p, PAINTING), **HTMX)
        .content.decode()
    )
    assert "Is Summer a pupil here?" in text_of(html)
    assert 'name="name_answer" value="yes:Summer"' in html
    assert 'name="name_answer" value="no:Summer"' in html


@pytest.mark.django_db
def test_answering_yes_remembers_the_name_audits_it_and_checks_again(p: Personas, clock: Any) -> None:
    add_pupil(p, "Summer", "Brook")
    client = p.client_for(p.teacher)
    data = compose_data(p, PAINTING, name_answer="yes:Summer")
    html = text_of(client.post(reverse("posts:compose"), data, **HTMX).content.decode())
    assert "Remembered: Summer is a pupil here" in html
    assert "Is Summer a pupil here?" not in html
    assert "about one child" in html  # now read as a pupil's name
    answer = NameAnswer.objects.get(school=p.school)
    assert (answer.word, answer.is_pupil, answer.answered_by) == ("summer", True, p.teacher)
    entry = AuditEntry.objects.filter(school=p.school, action="school.name_answer").get()
    assert entry.data == {"word": "summer", "is_pupil": True}
    assert not Post.objects.exists()  # answering never saves the post


@pytest.mark.django_db
def test_answering_no_stops_the_question_for_everyone_at_the_school(p: Personas, clock: Any) -> None:
    add_pupil(p, "Summer", "Brook")
    p.client_for(p.teacher).post(
        reverse("posts:compose"), compose_data(p, PAINTING, name_answer="no:Summer"), **HTMX
    )
    html = (
        p.client_for(p.senior)
        .post(reverse("posts:compose"), compose_data(p, PAINTING), **HTMX)
        .content.decode()
    )
    assert "Is Summer a pupil here?" not in text_of(html)
    assert "Ready to post" in text_of(html)


@pytest.mark.django_db
def test_an_answer_without_a_word_is_refused_plainly(p: Personas, clock: Any) -> None:
    data = compose_data(p, PAINTING, name_answer="maybe:")
    html = text_of(p.client_for(p.teacher).post(reverse("posts:compose"), data, **HTMX).content.decode())
    assert "That answer could not be read" in html
    assert not NameAnswer.objects.exists()


@pytest.mark.django_db
def test_answering_on_a_full_page_post_does_not_save_the_post(p: Personas, clock: Any) -> None:
    add_pupil(p, "Summer", "Brook")
    data = compose_data(p, PAINTING, name_answer="no:Summer", action="submit")
    response = p.client_for(p.teacher).post(reverse("posts:compose"), data)
    assert response.status_code == 200
    assert not Post.objects.exists()
    assert NameAnswer.objects.filter(word="summer", is_pupil=False).exists()

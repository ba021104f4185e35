"""E-safety posts (CAT-14, COU-10): the library passes every preset's checks, the term's posts and
Safer Internet Day's are offered in time, and a chosen one is an ordinary draft, checked and approved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from apps.governance import actions, esafety
from apps.governance.models import EsafetySuggestion
from apps.notifications.models import Notification
from apps.posts import actions as posts
from apps.posts.models import Post
from apps.schools.models import Membership
from apps.schools.testing import Personas
from safepost.policy.checker import check
from safepost.policy.config import load_policy, preset_names
from safepost.policy.roster import load_roster

ROSTER = load_roster(Path(settings.BASE_DIR) / "tests" / "fixtures" / "roster.csv")


@pytest.mark.parametrize("preset", preset_names())
def test_every_message_passes_the_presets_checks(preset: str) -> None:
    policy = load_policy(preset)
    for message in esafety.LIBRARY:
        report = check(message.text, policy, ROSTER)
        assert not report.findings, (message.key, [(f.rule, f.message) for f in report.findings])


def test_the_library_covers_every_age_group_and_the_seed_examples() -> None:
    assert {m.ages for m in esafety.LIBRARY} == set(esafety.AGES)
    assert all(len(m.text) <= 240 for m in esafety.LIBRARY)
    sources = {m.source for m in esafety.LIBRARY}
    assert (
        "St Catherine of Siena policy (CAT-14)" in sources and "No names, no faces policy (NNF-12)" in sources
    )
    texts = " ".join(m.text for m in esafety.LIBRARY)
    for seed in (
        "never post anything that could be upsetting",
        "know how to report",
        "may not be all they appear",
        "aged 13 and over",
    ):
        assert seed in texts
    assert [m.key for m in esafety.LIBRARY if m.safer_internet_day]


def test_safer_internet_day_is_the_second_tuesday_of_february() -> None:
    assert [esafety.safer_internet_day(y) for y in (2025, 2026, 2027, 2028)] == [
        date(2025, 2, 11),
        date(2026, 2, 10),
        date(2027, 2, 9),
        date(2028, 2, 8),
    ]


def test_each_term_offers_one_new_message_for_each_age_group_once(p: Personas) -> None:
    made = actions.offer_esafety(p.school, date(2026, 9, 3))  # St Catherine's autumn term began 1 September
    assert {esafety.BY_KEY[s.message].ages for s in made} == set(esafety.AGES)
    assert {s.term for s in made} == {"2026-09-01"}
    assert actions.offer_esafety(p.school, date(2026, 10, 1)) == []  # the same term: nothing new
    told = Notification.objects.filter(kind="esafety.suggested").values_list("user", flat=True)
    assert set(told) == {p.head.pk, p.senior.pk, p.teacher.pk}  # the roles with posting rights
    spring = actions.offer_esafety(p.school, date(2027, 1, 6))
    assert len(spring) == 3 and not {s.message for s in spring} & {s.message for s in made}


def test_safer_internet_days_posts_are_offered_four_weeks_ahead(p: Personas) -> None:
    actions.offer_esafety(p.school, date(2027, 1, 5))  # the spring term's own messages
    assert not EsafetySuggestion.objects.filter(term__startswith="sid-").exists()
    made = actions.offer_esafety(p.school, date(2027, 1, 12))  # 28 days before 9 February 2027
    assert {s.message for s in made} == {m.key for m in esafety.LIBRARY if m.safer_internet_day}
    assert {s.term for s in made} == {"sid-2027"}
    assert actions.offer_esafety(p.school, date(2027, 2, 1)) == []
    assert "Safer Internet Day" in Notification.objects.filter(kind="esafety.suggested").first().title  # type: ignore[union-attr]


def test_a_chosen_message_is_a_draft_that_is_checked_and_approved_like_any_post(p: Personas) -> None:
    actions.offer_esafety(p.school, date(2026, 9, 3))
    office = p.client_for(p.office)
    page = office.get(reverse("governance:esafety")).content.decode()
    suggestion = EsafetySuggestion.objects.filter(school=p.school).first()
    assert suggestion is not None and esafety.BY_KEY[suggestion.message].text in page
    got = office.post(reverse("governance:esafety"), {"message": suggestion.message})
    post = Post.objects.get(school=p.school, author=p.office)
    assert got.status_code == 302 and got["Location"] == reverse("posts:edit", args=[post.pk])
    assert post.status == Post.Status.DRAFT and post.text == esafety.BY_KEY[suggestion.message].text
    suggestion.refresh_from_db()
    assert suggestion.post == post and suggestion.used_by == p.office
    # Office staff have no posting rights at St Catherine's: the post goes to an approver.
    membership = Membership.objects.select_related("school").get(user=p.office, school=p.school)
    posts.submit(post, membership)
    post.refresh_from_db()
    assert post.status == Post.Status.PENDING and post.last_check["verdict"] == "pass"


def test_governors_read_the_library_but_do_not_write_posts(p: Personas) -> None:
    governor = p.client_for(p.governor)
    page = governor.get(reverse("governance:esafety"))
    assert page.status_code == 200 and "Start a draft" not in page.content.decode()
    assert governor.post(reverse("governance:esafety"), {"message": "report-it"}).status_code == 403
    assert not Post.objects.exists()


def test_an_unknown_message_is_explained(p: Personas) -> None:
    got = p.client_for(p.teacher).post(reverse("governance:esafety"), {"message": "nope"}, follow=True)
    assert "no longer in the library" in got.content.decode() and not Post.objects.exists()

"""The target interface and registry that platform adapters plug into."""

from __future__ import annotations

import pytest

from apps.publishing.targets import (
    Limits,
    PermanentError,
    Target,
    registered,
    target_by_kind,
    targets_for,
)
from apps.publishing.targets.website import WebsiteTarget
from apps.publishing.tests.fakes import FakePlatform
from apps.schools.models import Account
from apps.schools.testing import Personas

pytestmark = pytest.mark.django_db


def test_every_active_account_publishes_to_the_website_feed(p: Personas) -> None:
    assert [t.kind for t in targets_for(p.main)] == ["website"]
    assert [t.kind for t in targets_for(p.oak)] == ["website"]
    assert isinstance(target_by_kind("website", p.oak), WebsiteTarget)


def test_a_switched_off_account_publishes_nowhere(p: Personas) -> None:
    p.oak.is_active = False
    p.oak.save()

    assert targets_for(p.oak) == []


def test_a_registered_platform_is_added_for_the_accounts_it_returns_a_target_for(p: Personas) -> None:
    platform = FakePlatform()

    def only_main(account: Account) -> Target | None:
        return platform.factory(account) if account == p.main else None

    with registered("fake", only_main):
        assert [t.kind for t in targets_for(p.main)] == ["website", "fake"]
        assert [t.kind for t in targets_for(p.oak)] == ["website"]
        assert target_by_kind("fake", p.oak) is None
    assert [t.kind for t in targets_for(p.main)] == ["website"]


def test_a_kind_longer_than_the_publication_column_is_refused() -> None:
    from apps.publishing.targets import register

    with pytest.raises(ValueError, match="1 to 20 characters"):
        register("a-very-long-platform-name", lambda account: None)


@pytest.mark.parametrize(
    ("text", "link_chars", "length"),
    [
        ("Hello", 23, 5),
        ("See https://example.org/a/very/long/path/to/a/page/about/sports-day now", 23, 4 + 23 + 4),
        ("Two: http://a.example and www.b.example.", 23, 5 + 23 + 5 + 23 + 1),
        ("See https://example.org/x", None, 25),
    ],
)
def test_limits_count_links_the_way_the_platform_does(text: str, link_chars: int | None, length: int) -> None:
    limits = Limits(max_chars=280, link_chars=link_chars)

    assert limits.length(text) == length
    assert limits.remaining(text) == 280 - length


def test_the_website_feed_has_no_length_limit_of_its_own(p: Personas) -> None:
    assert WebsiteTarget(p.oak).limits().remaining("x" * 5000) is None
    assert WebsiteTarget(p.oak).label == "the school's website feed"


def test_a_permanent_error_explains_itself_in_the_platform_s_words_and_says_what_to_do() -> None:
    error = PermanentError(
        "X refused the post",
        platform_text="Status is a duplicate.",
        advice="Change the wording a little and publish it again",
    )

    assert error.explain() == (
        "X refused the post. The platform said: “Status is a duplicate.” "
        "Change the wording a little and publish it again."
    )

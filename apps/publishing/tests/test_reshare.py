"""RAC-02 in one place: which account reshares a post, for the website feed and every platform alike."""

from __future__ import annotations

from apps.posts.models import Post
from apps.publishing.targets.reshare import resharing_account
from apps.schools.testing import make_personas


def post_on(account: object, school: object, author: object) -> Post:
    return Post(school=school, account=account, author=author, text="Oak class planted bulbs today.")


def test_a_class_accounts_post_is_reshared_by_the_main_account_when_the_policy_says_so(db: None) -> None:
    rackham = make_personas(preset="rackham", slug="rackham")  # RAC-02: reshare_class_posts = true

    assert resharing_account(post_on(rackham.oak, rackham.school, rackham.teacher)) == rackham.main


def test_the_main_accounts_own_post_is_not_reshared(db: None) -> None:
    rackham = make_personas(preset="rackham", slug="rackham")

    assert resharing_account(post_on(rackham.main, rackham.school, rackham.head)) is None


def test_nothing_is_reshared_when_the_policy_does_not_ask_for_it(db: None) -> None:
    caths = make_personas(preset="st-catherine", slug="caths")

    assert resharing_account(post_on(caths.oak, caths.school, caths.teacher)) is None


def test_nothing_is_reshared_when_the_main_account_is_switched_off(db: None) -> None:
    rackham = make_personas(preset="rackham", slug="rackham")
    rackham.main.is_active = False
    rackham.main.save()

    assert resharing_account(post_on(rackham.oak, rackham.school, rackham.teacher)) is None

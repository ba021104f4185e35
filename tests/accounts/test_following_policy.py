"""What the policy allows the school to follow, and the following review's flags (plain Python)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from safepost.accounts.following import decide, looks_personal, review_flags
from safepost.accounts.profiles import RemoteProfile
from safepost.accounts.signals import Context, StaffMember, assess
from safepost.policy.config import Following

REASON = "They run the summer reading challenge our pupils take part in."


@pytest.mark.parametrize(
    ("follows", "category", "role", "allowed", "needs_approval"),
    [
        # CAT-05, NNF-10, SUT-11: educationally linked accounts only, each approved.
        ("educational-only", "school", "class-teacher", True, True),
        ("educational-only", "children", "office", True, True),
        ("educational-only", "local-media", "class-teacher", True, True),
        ("educational-only", "author", "class-teacher", True, True),
        ("educational-only", "other", "class-teacher", False, False),
        ("educational-only", "other", "headteacher", False, False),
        ("educational-only", "author", "headteacher", True, False),
        # RAC-07: case by case, by the headteacher.
        ("case-by-case", "other", "class-teacher", True, True),
        ("case-by-case", "other", "senior-leader", True, True),
        ("case-by-case", "other", "headteacher", True, False),
        ("any", "other", "class-teacher", True, False),
        ("any", "not-a-kind", "class-teacher", False, False),
    ],
)
def test_the_policy_decides_what_may_be_followed_and_who_approves(
    follows: str, category: str, role: str, allowed: bool, needs_approval: bool
) -> None:
    decision = decide(follows, ["headteacher"], category, REASON, role)
    assert (decision.allowed, decision.needs_approval) == (allowed, needs_approval), decision.why
    assert decision.why


def test_a_follow_needs_a_reason_and_an_approver_to_exist() -> None:
    assert not decide("case-by-case", ["headteacher"], "school", "ok", "class-teacher").allowed
    nobody = decide("case-by-case", [], "school", REASON, "class-teacher")
    assert not nobody.allowed and "names nobody" in nobody.why


def profile(handle: str, bio: str = "", name: str = "", **facts: object) -> RemoteProfile:
    return RemoteProfile(
        external_id=handle,
        handle=handle,
        display_name=name,
        bio=bio,
        avatar=bool(facts.pop("avatar", True)),
        created_at=datetime(2018, 1, 1, tzinfo=UTC),
        posts_count=900,
        followers_count=2000,
        following_count=300,
        **facts,  # type: ignore[arg-type]
    )


CONTEXT = Context(
    staff=(StaffMember("7", "Emma Collins", ("emmac.bsky.social",)),),
    following=Following(),
    school_name="Oakfield Primary School",
    now=datetime(2026, 12, 1, tzinfo=UTC),
)


def flags_for(p: RemoteProfile, category: str = "", follows: str = "educational-only") -> set[str]:
    signals = [(s.code, s.evidence) for s in assess(p, CONTEXT).signals]
    return {f.code for f in review_flags(p, signals, category, follows)}


@pytest.mark.parametrize(
    ("p", "category", "expected"),
    [
        (
            profile(
                "leedslibraries", "Libraries across Leeds: storytimes and homework clubs.", "Leeds Libraries"
            ),
            "",
            set(),
        ),
        (
            profile("gazette", "News for Oakfield and the villages around it.", "Oakfield Gazette"),
            "local-media",
            set(),
        ),
        (
            profile("annauthor", "Children's author. Picture books for ages 3-7.", "Ann Author"),
            "author",
            set(),
        ),
        (profile("jo", "Mum of two, wife, gin lover. Views my own.", "Jo Smith"), "", {"personal"}),
        (profile("joe", "", "Joe Bloggs"), "", {"personal"}),
        (profile("emmac.bsky.social", "Teacher. Runner.", "Emma C"), "", {"staff-personal"}),
        (profile("spinwin", "Best casino bonuses, bet now!", "SpinWin"), "", {"unsuitable"}),
        (profile("blank", "", "", avatar=False), "", {"empty"}),
        (
            profile("tokyo", "東京都の公立小学校です。学校の様子をお知らせします。", "東京の小学校"),
            "school",
            {"other-script"},
        ),
        (profile("gone", deleted=True), "school", {"gone"}),
        (profile("parish", "The parish council's news", "Oakfield Parish"), "other", {"outside-policy"}),
    ],
    ids=lambda v: v.handle if isinstance(v, RemoteProfile) else str(v),
)
def test_the_review_flags_personal_unrelated_and_unsuitable_accounts(
    p: RemoteProfile, category: str, expected: set[str]
) -> None:
    got = flags_for(p, category)
    assert expected <= got, got
    if not expected:
        assert got == set()


def test_an_author_is_a_person_the_school_may_follow_for_their_work() -> None:
    assert looks_personal(profile("a", "", "Ann Baker"), "author") == ""
    assert looks_personal(profile("a", "", "Ann Baker"), "") != ""
    assert looks_personal(profile("a", "Mum of two. Views my own.", "Ann Baker"), "author") != ""

"""The signals about another account, from tables of made-up profiles (none from a real person)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from safepost.accounts.profiles import RemoteProfile, normalise_handle
from safepost.accounts.signals import ACTION_LABELS, ACTIONS, Context, StaffMember, assess
from safepost.policy.config import Following

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=900)
STAFF = (
    StaffMember(
        "7", "Jane Smith", ("@jsmith_teach@mastodon.social", "https://bsky.app/profile/janes.bsky.social")
    ),
    StaffMember("8", "Tom Okafor"),
)
CONTEXT = Context(
    staff=STAFF,
    following=Following(staff_personal_followers="remove"),
    school_name="Oakfield Primary School",
    community_words=("Wetherby",),
    now=NOW,
)


def parent(**changes: object) -> RemoteProfile:
    base = RemoteProfile(
        external_id="1",
        handle="sam.bsky.social",
        display_name="Sam Patel",
        bio="Mum of two, Oakfield PTA. Coffee and cake.",
        avatar=True,
        created_at=OLD,
        posts_count=340,
        followers_count=120,
        following_count=200,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("profile", "code", "action"),
    [
        (parent(handle="jsmith_teach@mastodon.social"), "staff-personal", "remove"),
        (parent(handle="JANES.bsky.social"), "staff-personal", "remove"),
        (parent(display_name="Mrs Smith", bio="Love a good book"), "possibly-staff", "review"),
        (parent(display_name="Jane Smith 🌸", bio="Walks and tea"), "possibly-staff", "review"),
        (parent(handle="tomokafor.bsky.social", display_name="T", bio="Runner"), "possibly-staff", "review"),
        (parent(bio="OnlyFans link below 🔞"), "adult", "block"),
        (parent(bio="Photographer", links=("https://onlyfans.com/jess",)), "adult", "block"),
        (parent(bio="Sugar daddy looking for fun"), "adult", "block"),
        (parent(bio="Best casino bonuses daily"), "gambling", "block"),
        (parent(bio="Footy fan", links=("https://www.bet365.com/ref=22",)), "gambling", "block"),
        (parent(bio="Forex trader | DM for promo | financial freedom"), "scam", "block"),
        (parent(bio="Buy followers cheap, instant delivery"), "scam", "block"),
        (parent(bio="Life coach helping you scale your business"), "commercial", "remove"),
        (parent(bio="Photos of sunsets and motorbikes"), "not-school-focused", "review"),
        (parent(bio="Мама двух детей, люблю читать"), "other-script", "review"),
        (parent(bio="", avatar=False), "empty-profile", "review"),
        (parent(deleted=True, bio=""), "deleted", "keep"),
    ],
)
def test_each_kind_of_follower_gets_its_signal_and_action(
    profile: RemoteProfile, code: str, action: str
) -> None:
    result = assess(profile, CONTEXT)
    assert code in result.codes, result
    signal = next(s for s in result.signals if s.code == code)
    assert signal.action == action
    assert signal.reason.endswith(".")
    assert signal.label


@pytest.mark.parametrize(
    "profile",
    [
        parent(),
        parent(display_name="Gran of Ruby in Year 2", bio="Proud grandma, Wetherby"),
        parent(display_name="Wetherby Library", bio="Events for all ages", handle="wetherbylib.bsky.social"),
        parent(bio="Teaching assistant and netball coach"),
        parent(bio="Alphabet soup for the soul. Parent.", links=("https://alphabetschool.org",)),
        parent(display_name="Sarah Smith", bio="Mum, nurse"),  # shares a surname with staff only
    ],
)
def test_ordinary_families_and_local_groups_are_kept(profile: RemoteProfile) -> None:
    result = assess(profile, CONTEXT)
    assert result.action == "keep", result
    assert "possibly-staff" not in result.codes


def test_a_staff_personal_account_is_kept_when_the_policy_allows_it() -> None:
    allow = replace(CONTEXT, following=Following(staff_personal_followers="allow"))
    result = assess(parent(handle="jsmith_teach@mastodon.social"), allow)
    assert result.codes == ("staff-personal",)
    assert result.action == "keep"
    assert result.staff_key == "7"
    assert "allows" in result.signals[0].reason


def test_a_staff_personal_account_under_a_remove_policy_says_the_member_of_staff_is_told() -> None:
    result = assess(parent(handle="@JSmith_Teach@Mastodon.Social"), CONTEXT)
    assert result.action == "remove"
    assert result.staff_key == "7"
    assert "Jane Smith" in result.reason and "tells" in result.reason


def test_two_signs_of_spam_make_a_spam_pattern_and_one_is_only_a_hint() -> None:
    spam = parent(
        handle="user83749271.bsky.social",
        display_name="user83749271",
        bio="",
        avatar=False,
        created_at=NOW - timedelta(days=2),
        posts_count=0,
        followers_count=3,
        following_count=7400,
    )
    result = assess(spam, CONTEXT)
    assert result.action == "block"
    pattern = next(s for s in result.signals if s.code == "spam-pattern")
    for words in ("2 days ago", "7,400", "never posted", "looks generated", "no bio"):
        assert words in pattern.reason
    new_only = assess(parent(created_at=NOW - timedelta(days=5)), CONTEXT)
    assert new_only.codes == ("spam-hint",)
    assert new_only.action == "keep"


def test_the_recommendation_is_the_strongest_action_and_says_why() -> None:
    result = assess(
        parent(bio="Mum of 3. Phishing? No: crypto giveaway 🚀 DM me", links=("bit.ly/x1",)), CONTEXT
    )
    assert ACTIONS.index(result.action) >= ACTIONS.index("block")
    assert result.reason.startswith(ACTION_LABELS[result.action])


def test_odd_data_never_raises() -> None:
    odd = [
        RemoteProfile(external_id="", handle=""),
        RemoteProfile(external_id="x", handle="x", bio="😀😀😀", created_at=NOW + timedelta(days=3)),
        RemoteProfile(
            external_id="y", handle="y", bio="中文简介 学校", following_count=None, followers_count=None
        ),
        RemoteProfile(external_id="z", handle="z", display_name="\u200b\u202e", bio="\x00\n\n"),
        RemoteProfile(external_id="w", handle="w", links=("not a link", "https://", "")),
    ]
    for profile in odd:
        result = assess(profile, CONTEXT)
        assert result.action in ACTIONS
        assert result.reason
    assert "other-script" in assess(odd[2], CONTEXT).codes
    assert "Chinese" in next(s.reason for s in assess(odd[2], CONTEXT).signals if s.code == "other-script")


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("@Jo@Mastodon.social", "jo@mastodon.social"),
        ("https://mastodon.social/@jo", "jo@mastodon.social"),
        ("https://bsky.app/profile/Jo.bsky.social", "jo.bsky.social"),
        ("bsky.app/profile/jo.bsky.social", "jo.bsky.social"),
        ("@JoBloggs", "jobloggs"),
        ("https://x.com/JoBloggs", "jobloggs"),
        ("https://twitter.com/jobloggs/", "jobloggs"),
        ("  ", ""),
    ],
)
def test_handles_and_profile_addresses_compare_in_one_form(written: str, normal: str) -> None:
    assert normalise_handle(written) == normal


def test_the_signals_engine_loads_no_django() -> None:
    code = (
        "import sys\n"
        "from safepost.accounts.signals import Context, assess\n"
        "from safepost.accounts.profiles import RemoteProfile\n"
        "assess(RemoteProfile('1', 'a.bsky.social', bio='casino'), Context())\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr

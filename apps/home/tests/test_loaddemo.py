"""`manage.py loaddemo`: a demo school with a login per role and posts in every state; twice is once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.audit.actions import verify_school
from apps.audit.models import AuditEntry
from apps.followers.models import Follower
from apps.following.models import FollowedAccount, FollowProposal
from apps.home.demo import PASSWORD, PEOPLE, TOTP_SECRETS, demo_policy_text, totp_code
from apps.moderation.models import InboxItem, Incident, ModerationAction
from apps.notifications.models import Notification
from apps.posts.models import Override, Post, Review
from apps.publishing.models import FeedEntry, Publication
from apps.reminders import terms
from apps.reminders.models import DutyDone
from apps.reports.figures import bounds
from apps.schools.models import Account, Agreement, Membership, Pupil, Role, School, Signature
from apps.schools.permissions import can_publish, needs_approval
from safepost.policy.rules.outside_posting_window import in_window

MODELS: list[type[models.Model]] = [
    School,
    Membership,
    Account,
    Pupil,
    Agreement,
    Signature,
    Post,
    Review,
    Override,
    Publication,
    FeedEntry,
    AuditEntry,
    ModerationAction,
    DutyDone,
    EmailAddress,
    Authenticator,
    get_user_model(),
]


def loaddemo() -> str:
    out = StringIO()
    call_command("loaddemo", "--public-demo", stdout=out)  # tests run with DEBUG off
    return out.getvalue()


@pytest.fixture
def demo(db: Any) -> School:
    loaddemo()
    return School.objects.get(slug="oakfield")


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_creates_oakfield_on_st_catherines_policy_with_approval_for_teachers_and_office(
    demo: School,
) -> None:
    assert demo.name == "Oakfield Primary School"
    assert demo.preset == "st-catherine"
    accounts = demo.policy.accounts
    assert set(accounts.approval_required_for) == {"class-teacher", "office"}
    assert accounts.agreement_required and accounts.class_accounts
    assert demo.policy.school.name == "Oakfield Primary School"


def test_there_is_one_login_per_role_with_the_demo_password(demo: School) -> None:
    roles = {m.user.username: m.role for m in Membership.objects.filter(school=demo).select_related("user")}
    assert roles == {p.username: p.role for p in PEOPLE}
    for person in PEOPLE:
        user = get_user_model().objects.get(username=person.username)
        assert user.check_password(PASSWORD)
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()


def test_only_the_roles_that_must_use_mfa_have_the_fixed_demo_authenticator(demo: School) -> None:
    with_totp = set(
        Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list("user__username", flat=True)
    )
    assert with_totp == {"head", "senior", "safeguarding"}


def test_the_demo_inbox_has_a_pinned_threat_a_welcome_mention_and_an_incident(demo: School) -> None:
    items = {item.external_id: item for item in InboxItem.objects.filter(school=demo)}
    assert items["demo-1"].label == "threat" and items["demo-1"].pinned
    assert items["demo-2"].label == "positive"
    incident = Incident.objects.get(school=demo)
    assert list(incident.items.all()) == [items["demo-4"]] and incident.notes.count() == 1
    told = Notification.objects.filter(school=demo, urgent=True).values_list("user__username", flat=True)
    assert {"head", "safeguarding"} <= set(told)


def test_the_demo_follower_review_has_a_queue_with_each_kind_of_signal(demo: School) -> None:
    followers = {f.handle: f for f in Follower.objects.filter(school=demo)}
    codes = {code for f in followers.values() for code in (s["code"] for s in f.signals)}
    assert {"adult", "gambling", "scam", "spam-pattern", "staff-personal", "possibly-staff"} <= codes
    assert {"other-script", "deleted", "not-school-focused"} <= codes
    assert followers["wetherbylibrary@mastodon.social"].state == "kept"
    assert Follower.objects.filter(school=demo, state="pending").count() == len(followers) - 1


def test_the_main_account_and_the_oak_and_willow_class_accounts_have_holders(demo: School) -> None:
    holders = {a.name: (a.kind, a.holder.username) for a in Account.objects.filter(school=demo)}
    assert holders == {
        "Oakfield Primary School": ("main", "head"),
        "Oak Class": ("class", "teacher"),
        "Willow Class": ("class", "senior"),
    }


def test_the_roster_comes_from_the_demo_csv(demo: School) -> None:
    assert Pupil.objects.filter(school=demo).count() == 32
    assert Pupil.objects.filter(school=demo, first_name="Kofi", surname="Asante", class_name="Oak").exists()
    assert demo.roster_version == 1


def test_everyone_signed_the_agreement_so_posting_rights_follow_the_policy(demo: School) -> None:
    agreement = Agreement.objects.get(school=demo)
    assert Signature.objects.filter(agreement=agreement).count() == len(PEOPLE)
    teacher = Membership.objects.get(school=demo, user__username="teacher")
    oak = Account.objects.get(school=demo, name="Oak Class")
    assert can_publish(teacher) and needs_approval(teacher, oak)
    head = Membership.objects.get(school=demo, user__username="head")
    assert not needs_approval(head, Account.objects.get(school=demo, kind="main"))


def test_there_are_posts_in_every_state(demo: School) -> None:
    states = set(Post.objects.filter(school=demo).values_list("status", flat=True))
    assert states == set(Post.Status.values)


def test_published_posts_are_on_the_public_feed_with_their_publications(demo: School) -> None:
    published = Post.objects.filter(school=demo, status=Post.Status.PUBLISHED)
    assert published.count() >= 3
    for post in published:
        assert post.last_check["verdict"] != "block"
        assert post.publications.get().status == Publication.Status.PUBLISHED
        assert FeedEntry.objects.filter(post=post, removed_at__isnull=True).exists()
        assert post.published_at is not None and in_window(post.published_at, demo.policy)
    # The class post is reshared to the main account's feed (RAC-02).
    reshares = FeedEntry.objects.filter(school=demo, reshared_from__isnull=False)
    assert {(e.account.kind, e.reshared_from.name) for e in reshares} == {
        ("main", "Oak Class"),
        ("main", "Willow Class"),
    }
    deleted = Post.objects.get(school=demo, status=Post.Status.DELETED)
    assert FeedEntry.objects.get(post=deleted).removed_at is not None


def test_the_public_feed_page_shows_the_demo_posts(demo: School) -> None:
    response = Client().get(reverse("public:feed", args=["oakfield"]))
    assert response.status_code == 200
    assert "Harvest Festival assembly" in response.content.decode()
    assert "Sports day is postponed" not in response.content.decode()


def test_the_troubled_and_waiting_posts_explain_themselves(demo: School) -> None:
    posts = Post.objects.filter(school=demo)
    held = posts.get(status=Post.Status.HELD)
    assert "Asante" in held.held_reason and held.last_check["verdict"] == "block"
    failed = posts.get(status=Post.Status.FAILED)
    assert failed.publications.get().last_error.startswith("Gave up after 5 attempts")
    pending = posts.get(status=Post.Status.PENDING)
    assert pending.author.username == "teacher" and pending.submitted_at is not None
    sent_back = posts.get(status=Post.Status.CHANGES_REQUESTED)
    assert sent_back.reviews.get().comment.startswith("Thanks, Janet")
    scheduled = posts.get(status=Post.Status.SCHEDULED)
    assert scheduled.scheduled_for > timezone.now()
    assert in_window(scheduled.scheduled_for, demo.policy)
    assert Override.objects.filter(post__school=demo, category="mention").exists()
    publishing = posts.get(status=Post.Status.PUBLISHING)
    assert publishing.exception == "urgent-news" and publishing.last_check["verdict"] == "pass"


def test_everything_is_in_the_audit_log_and_the_chain_verifies(demo: School) -> None:
    actions = set(AuditEntry.objects.filter(school=demo).values_list("action", flat=True))
    assert {
        "school.created",
        "member.added",
        "policy.changed",
        "account.created",
        "roster.imported",
        "agreement.published",
        "agreement.signed",
        "post.created",
        "post.checked",
        "post.override",
        "post.submitted",
        "post.approved",
        "post.changes_requested",
        "post.scheduled",
        "post.published",
        "post.held",
        "post.publish_failed",
        "post.deleted",
    } <= actions
    for post in Post.objects.filter(school=demo):
        assert AuditEntry.objects.filter(school=demo, object_type="post", object_id=str(post.pk)).exists()
    assert verify_school(demo).ok


def test_the_governors_report_of_this_term_has_figures_and_charts(demo: School) -> None:
    governor = Client()
    governor.force_login(get_user_model().objects.get(username="governor"))
    page = governor.get(reverse("reports:governors")).content.decode()
    term = terms.term_containing(demo.policy, timezone.localdate())
    since, until = bounds(term.start, term.end)
    published = Post.objects.filter(school=demo, published_at__gte=since, published_at__lt=until).count()
    assert f"{published} post{'s' if published != 1 else ''} went out from" in page
    assert "1 incident was opened" in page and page.count("<svg") == 3
    assert "Report to the platform" in page  # the action taken on the undermining reply
    assert governor.get(reverse("reports:governors_pdf")).content.startswith(b"%PDF")
    assert governor.get(reverse("reminders:duties")).status_code == 200


def test_running_it_twice_changes_nothing(demo: School) -> None:
    before = counts()
    school = School.objects.get(slug="oakfield")
    out = loaddemo()
    assert "nothing changed" in out
    assert counts() == before
    after = School.objects.get(slug="oakfield")
    assert (after.policy_version, after.roster_version) == (school.policy_version, school.roster_version)


def test_it_prints_the_address_and_a_table_of_logins(db: Any) -> None:
    out = loaddemo()
    assert "Loaded the demo school." in out
    assert "http://127.0.0.1:8000/accounts/login/" in out
    assert "/s/oakfield/" in out
    header = next(line for line in out.splitlines() if "Username" in line)
    assert header.split() == ["Role", "Username", "Password", "Two-step", "sign-in", "Notes"]
    head = next(line for line in out.splitlines() if line.strip().startswith("Headteacher"))
    assert head.split()[:3] == ["Headteacher", "head", PASSWORD] and "demo_totp head" in head
    governor = next(line for line in out.splitlines() if line.strip().startswith("Governor"))
    assert governor.split()[:4] == ["Governor", "governor", PASSWORD, "no"]
    assert TOTP_SECRETS["head"] in out


def test_it_refuses_to_create_public_logins_on_a_production_site(db: Any, settings: Any) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--public-demo"):
        call_command("loaddemo", stdout=StringIO())
    assert not School.objects.filter(slug="oakfield").exists()
    settings.DEBUG = True
    call_command("loaddemo", stdout=StringIO())
    assert School.objects.filter(slug="oakfield").exists()


def test_demo_totp_prints_the_current_code_for_a_demo_leader(demo: Any) -> None:
    out = StringIO()
    call_command("demo_totp", "head", stdout=out)
    codes = {
        totp_code(TOTP_SECRETS["head"])[0],
        totp_code(TOTP_SECRETS["head"], at=timezone.now().timestamp() - 5)[0],
    }
    assert out.getvalue().split()[0] in codes


def test_demo_totp_will_not_print_codes_for_anyone_else(demo: Any) -> None:
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo_totp", "teacher", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("demo_totp", "nobody", stdout=StringIO())


def test_a_class_teacher_signs_in_with_the_printed_password(demo: School) -> None:
    client = Client()
    response = client.post(reverse("account_login"), {"login": "teacher", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Hello, Emma" in client.get("/").content.decode()


def test_the_headteacher_signs_in_with_the_password_and_a_demo_code(demo: School) -> None:
    client = Client()
    response = client.post(reverse("account_login"), {"login": "head", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    code, _ = totp_code(TOTP_SECRETS["head"])
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert "Waiting for your approval" in client.get("/").content.decode()


def test_the_demo_policy_is_valid_and_keeps_the_rest_of_the_preset() -> None:
    import tomllib

    from safepost.policy.config import parse_policy

    policy = parse_policy(tomllib.loads(demo_policy_text()), "demo")
    assert policy.pupils.names == "first-names-only"
    assert policy.school.handle == "@OakfieldPrimary"
    assert Role.OFFICE.value in policy.accounts.publishers


def test_the_published_oak_class_post_carries_a_described_photo_kept_as_it_went_out(demo: School) -> None:
    from apps.posts.models import PostPhoto

    photo = PostPhoto.objects.get(
        post__school=demo, post__text__startswith="Oak Class have been busy planting"
    )
    assert photo.alt_text and photo.rendition and not photo.original and not photo.working
    assert photo.originals_deleted_at is not None


def test_the_demo_following_list_has_a_first_review_a_flagged_personal_account_and_a_proposal(
    demo: School,
) -> None:
    rows = {row.handle: row for row in FollowedAccount.objects.filter(school=demo)}
    assert rows["leedslibraries.bsky.social"].status == FollowedAccount.Status.KEPT
    assert rows["OakfieldGazette"].status == FollowedAccount.Status.FIRST_REVIEW
    assert "personal" in {f["code"] for f in rows["jo_smith_84"].flags}
    assert (
        FollowProposal.objects.get(school=demo, state=FollowProposal.State.WAITING).target
        == "oakfieldfc.bsky.social"
    )

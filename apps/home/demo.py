"""The demo school, Oakfield Primary School: people, accounts, pupils and posts in every state.

:func:`load_demo` is idempotent: each part is created only when it is missing, so a second
run changes nothing. School, staff, accounts, roster and agreement go through the real
actions (:mod:`apps.schools.actions`); the posts are written straight to the database with
times spread over the last school days (the post actions work in "now"), and every step a
real post would go through is recorded in the audit log, oldest first.
"""

from __future__ import annotations

import base64
import random
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from PIL import Image, ImageDraw

import safepost
from apps.audit.actions import record
from apps.followers import actions as follower_actions
from apps.followers import ingest as follower_ingest
from apps.followers import judging as follower_judging
from apps.followers.models import Decision, Follower, PersonalAccount
from apps.followers.models import Review as FollowerReview
from apps.following import demo as following_demo
from apps.governance import actions as governance
from apps.governance.models import PolicyVersion
from apps.moderation import actions as moderation
from apps.moderation import ingest
from apps.moderation.models import InboxItem, ModerationAction
from apps.platforms.base import Author, Incoming, RemoteProfile
from apps.posts.actions import exception_words, scheduled_summary
from apps.posts.checking import check_audit_data, check_summary, stored_check
from apps.posts.models import Override, Post, PostPhoto, Review
from apps.publishing import actions as publishing
from apps.publishing.models import FeedEntry, Publication
from apps.publishing.targets.website import reshare_key
from apps.reminders import terms
from apps.reminders.duties import KEY as CONSENT_KEY
from apps.reminders.models import DutyDone
from apps.schools import actions as schools
from apps.schools.agreement_text import default_agreement_text
from apps.schools.models import Account, Agreement, Membership, Role, School, Signature
from apps.schools.policy_edit import set_values
from safepost.photos import render
from safepost.policy.checker import Checker
from safepost.policy.config import DAYS, PRESETS_DIR, Policy
from safepost.policy.roster import load_roster
from safepost.policy.rules.base import Post as CheckedPost
from safepost.policy.rules.outside_posting_window import describe_moment, in_window, next_window_start

SLUG = "oakfield"
NAME = "Oakfield Primary School"
PRESET = "st-catherine"
PASSWORD = "safepost-demo"
ROSTER = Path(safepost.__file__).parent / "demo" / "roster.csv"
WEBSITE = "website"

# Fixed, public secrets: anyone can sign in as these leaders. A real school's leaders set up
# their own authenticator app at first sign-in.
TOTP_SECRETS = {
    "head": "SAFEPOSTDEMOHEADTEACHERTOTPCODES",
    "senior": "SAFEPOSTDEMOSENIORLEADERTOTPCODE",
    "safeguarding": "SAFEPOSTDEMOSAFEGUARDINGLEADTOTP",
}


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    role: Role
    note: str = ""

    @property
    def email(self) -> str:
        return f"{self.username}@oakfield.example.org"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


PEOPLE = (
    Person("head", "Anita", "Shah", Role.HEADTEACHER, "holds the main account"),
    Person("senior", "David", "Okafor", Role.SENIOR_LEADER, "deputy head; holds Willow Class"),
    Person("teacher", "Emma", "Collins", Role.CLASS_TEACHER, "holds Oak Class; posts need approval"),
    Person("office", "Janet", "Price", Role.OFFICE, "posts need approval"),
    Person("computing", "Tom", "Hughes", Role.COMPUTING_LEAD, "reads the audit log"),
    Person("governor", "Margaret", "Lewis", Role.GOVERNOR, "chair of governors: reads, and signs the policy"),
    Person(
        "safeguarding",
        "Grace",
        "Adeyemi",
        Role.SAFEGUARDING_LEAD,
        "designated safeguarding lead; told of threats at once",
    ),
)


@dataclass
class DemoResult:
    """What :func:`load_demo` did, and the logins to print."""

    school: School
    created: list[str] = field(default_factory=list)
    users: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.created)


def demo_policy_text() -> str:
    """The St Catherine's preset, renamed for Oakfield, with class accounts, approval and an agreement."""
    text = (PRESETS_DIR / f"{PRESET}.toml").read_text(encoding="utf-8")
    edits = [
        (r'(?m)^name = "St Catherine of Siena Primary School"$', f'name = "{NAME}"'),
        (r'(?m)^handle = "@StCathsofSiena"$', 'handle = "@OakfieldPrimary"'),
        (r'(?m)^source = ".*"$', 'source = "Safepost demo school, on the St Catherine of Siena policy"'),
        (
            r"(?m)^publishers = \[.*\](.*)$",
            r'publishers = ["headteacher", "senior-leader", "class-teacher", "office"]\1',
        ),
        (r"(?m)^approval_required_for = \[\]$", 'approval_required_for = ["class-teacher", "office"]'),
    ]
    for pattern, replacement in edits:
        text, count = re.subn(pattern, replacement, text)
        if count != 1:
            raise ValueError(f"the {PRESET} preset has changed: cannot find {pattern!r}")

    return set_values(
        text,
        {
            ("accounts", "class_accounts"): True,
            ("accounts", "reshare_class_posts"): True,
            ("accounts", "agreement_required"): True,
            # Oakfield's terms, so the calendar marks them and sign-in reminders follow them.
            ("credentials", "term_starts"): ["09-02", "01-05", "04-20"],
        },
    )


def totp_code(secret: str, at: float | None = None) -> tuple[str, int]:
    """The current 6-digit code for ``secret`` and the seconds it stays valid."""

    now = time.time() if at is None else at
    period = app_settings.TOTP_PERIOD
    base64.b32decode(secret, casefold=True)  # fails loudly on a bad secret
    return format_hotp_value(hotp_value(secret, int(now // period))), period - int(now % period)


def _url(name: str, **kwargs: Any) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


# People, accounts, roster, agreement -----------------------------------------------------------


def _first_head(school: School, person: Person, result: DemoResult) -> Any:
    """The headteacher, set up as a Safepost administrator would (no one at the school to add her yet)."""

    User = get_user_model()
    user = User.objects.filter(username=person.username).first()
    if user is None:
        user = User.objects.create_user(
            person.username, person.email, PASSWORD, first_name=person.first_name, last_name=person.last_name
        )
        EmailAddress.objects.create(user=user, email=person.email, primary=True, verified=True)
    Membership.objects.create(user=user, school=school, role=person.role)
    record(
        school,
        None,
        "member.added",
        f"{person.full_name} added as Headteacher when the school was set up",
        Membership.objects.get(user=user, school=school),
        {"user": user.pk, "email": person.email, "role": str(person.role), "new_user": True},
    )
    result.created.append(f"user {person.username}")
    return user


def _member(school: School, person: Person, head: Membership, result: DemoResult) -> Any:
    User = get_user_model()
    membership = schools.add_member(
        school,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        role=person.role,
        by=head,
    )
    user = membership.user
    if user.username != person.username and not User.objects.filter(username=person.username).exists():
        user.username = person.username
    if not user.has_usable_password():
        user.set_password(PASSWORD)
    user.save()
    result.created.append(f"user {user.username}")
    return user


def _people(school: School, result: DemoResult) -> dict[str, Any]:
    users: dict[str, Any] = {}
    head_person = PEOPLE[0]
    existing = {
        m.user.email.lower(): m.user for m in Membership.objects.filter(school=school).select_related("user")
    }
    head = existing.get(head_person.email) or _first_head(school, head_person, result)
    users[head_person.username] = head
    head_membership = Membership.objects.get(user=head, school=school)
    for person in PEOPLE[1:]:
        users[person.username] = existing.get(person.email) or _member(
            school, person, head_membership, result
        )
    return users


def _policy(school: School, head: Any, result: DemoResult) -> None:
    # Only the untouched preset is replaced: a policy the demo school has edited since is kept.
    if school.policy_version == 1 and school.preset == PRESET and school.policy_toml != demo_policy_text():
        schools.update_policy(school, demo_policy_text(), head)
        result.created.append("the demo policy")


def _accounts(school: School, users: dict[str, Any], result: DemoResult) -> dict[str, Account]:
    main = Account.objects.get(school=school, kind=Account.Kind.MAIN)
    if main.holder_id is None:
        schools.update_account(
            main,
            name=main.name,
            handle="@OakfieldPrimary",
            class_name="",
            holder=users["head"],
            actor=users["head"],
        )
        result.created.append("the main account's holder")
    accounts = {"main": main}
    for key, name, handle, holder in (
        ("oak", "Oak", "@OakfieldOak", users["teacher"]),
        ("willow", "Willow", "@OakfieldWillow", users["senior"]),
    ):
        account = Account.objects.filter(school=school, name=f"{name} Class").first()
        if account is None:
            account = schools.create_class_account(
                school,
                name=f"{name} Class",
                class_name=name,
                handle=handle,
                holder=holder,
                actor=users["head"],
            )
            result.created.append(f"the {name} Class account")
        accounts[key] = account
    return accounts


def _roster(school: School, head: Any, result: DemoResult) -> None:
    if school.roster_version == 0:
        schools.do_replace_roster(school, load_roster(ROSTER), head, source="roster.csv (demo)")
        result.created.append("the pupil roster")


def _agreement(school: School, users: dict[str, Any], result: DemoResult) -> None:

    agreement = Agreement.objects.filter(school=school).order_by("-version").first()
    if agreement is None:
        agreement = schools.publish_agreement(school, default_agreement_text(school), users["head"])
        result.created.append("the social media agreement")
    for person in PEOPLE:
        user = users[person.username]
        if not Signature.objects.filter(agreement=agreement, user=user).exists():
            membership = Membership.objects.get(user=user, school=school)
            schools.sign_agreement(membership, agreement, user.get_full_name())
            result.created.append(f"{user.username}'s signature")


def _policy_versions(school: School, users: dict[str, Any], result: DemoResult) -> None:
    """A version signed by the headteacher and the chair of governors, and a later draft to sign."""
    from apps.schools.policy_edit import set_values

    if PolicyVersion.objects.filter(school=school, signed_at__isnull=False).exists():
        return
    head = Membership.objects.select_related("school").get(user=users["head"], school=school)
    chair = Membership.objects.select_related("school").get(user=users["governor"], school=school)
    if governance.chair_of(school) is None:
        governance.set_chair(school, chair, head)
    today = timezone.localdate()
    reviewed: dict[tuple[str, ...], Any] = {
        ("review", "ratified"): f"{today:%Y-%m}",
        ("review", "next_review"): f"{today.year + 1}-07",
        ("review", "signed_by"): ["headteacher", "chair of governors"],
    }
    schools.update_policy(school, set_values(school.policy_toml, reviewed), users["head"])
    version = governance.latest_version(school)
    for membership in (head, chair):
        membership.school.refresh_from_db()
        governance.sign_version(version, membership, membership.user.get_full_name())
    # The deputy proposed weekly follower checks since: a draft waiting for both signatures.
    school.refresh_from_db()
    weekly = set_values(school.policy_toml, {("following", "follower_review"): "weekly"})
    schools.update_policy(school, weekly, users["senior"])
    school.refresh_from_db()
    result.created.append("a policy version signed by the headteacher and the chair, and a draft")


def _totp(users: dict[str, Any], result: DemoResult) -> None:

    for username, secret in TOTP_SECRETS.items():
        user = users[username]
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, secret)
            result.created.append(f"{user.username}'s authenticator")


# Posts -----------------------------------------------------------------------------------------


@dataclass
class _Event:
    at: datetime
    actor: Any
    action: str
    summary: str
    obj: models.Model | None
    data: dict[str, Any] | None


class _Timeline:
    """Audit events collected while the posts are made, recorded afterwards in time order."""

    def __init__(self, school: School) -> None:
        self.school = school
        self.events: list[_Event] = []

    def add(
        self, at: datetime, actor: Any, action: str, summary: str, obj: models.Model, **data: Any
    ) -> None:
        self.events.append(_Event(at, actor, action, summary, obj, data or None))

    def record_all(self) -> None:
        for event in sorted(self.events, key=lambda e: e.at):  # stable: same-moment events keep their order
            record(self.school, event.actor, event.action, event.summary, event.obj, event.data)


class _Posts:
    """Makes the demo posts, each with the audit trail a real one would have."""

    def __init__(self, school: School, users: dict[str, Any], accounts: dict[str, Account], now: datetime):
        self.school = school
        self.policy: Policy = school.policy
        self.users = users
        self.accounts = accounts
        self.now = now
        self.checker = Checker(self.policy, school.roster)
        self.timeline = _Timeline(school)
        self.roles = {m.user_id: m.role for m in Membership.objects.filter(school=school)}

    # Times --------------------------------------------------------------------------------------

    def school_day(self, back: int, hh: int, mm: int) -> datetime:
        """``hh:mm`` on the ``back``-th school day before today (1 = the last one), school time."""
        day = timezone.localtime(self.now, self.policy.tz).date()
        while back:
            day -= timedelta(days=1)
            if DAYS[day.weekday()] in self.policy.posting_window.days:
                back -= 1
        return self._at(day, hh, mm)

    def recent(self, minutes: int) -> datetime:
        """``minutes`` before now, or before the window last closed when it is shut now
        (so the latest posts were written in school hours)."""
        base = self.now if in_window(self.now, self.policy) else self.last_close()
        return base - timedelta(minutes=minutes)

    def last_close(self) -> datetime:
        local = timezone.localtime(self.now, self.policy.tz)
        window = self.policy.posting_window
        for back in range(8):
            day = local.date() - timedelta(days=back)
            close = self._at(day, window.end.hour, window.end.minute)
            if DAYS[day.weekday()] in window.days and close <= local:
                return close
        raise ValueError("the posting window has no days")

    def next_opening(self) -> datetime:
        """When the posting window next opens (always in the future)."""
        local = timezone.localtime(self.now, self.policy.tz)
        for ahead in range(8):
            day = local.date() + timedelta(days=ahead)
            start = self._at(
                day, self.policy.posting_window.start.hour, self.policy.posting_window.start.minute
            )
            if DAYS[day.weekday()] in self.policy.posting_window.days and start > local:
                return start
        raise ValueError("the posting window has no days")

    def _at(self, day: date, hh: int, mm: int) -> datetime:
        return datetime.combine(day, clock(hh, mm), tzinfo=self.policy.tz)

    # Steps --------------------------------------------------------------------------------------

    def write(self, who: str, account: str, text: str, at: datetime, check: bool = True) -> Post:
        user = self.users[who]
        acc = self.accounts[account]
        post = Post.objects.create(
            school=self.school, account=acc, author=user, text=text, created_at=at, status=Post.Status.DRAFT
        )
        self.timeline.add(
            at, user, "post.created", f"Draft written for {acc.name}", post, account=acc.name, text=text
        )
        if check:
            self.check(post, at + timedelta(minutes=1), user)
        return post

    def check(
        self, post: Post, at: datetime, actor: Any, when: str = "", audit: bool = True
    ) -> list[dict[str, Any]]:
        """Check as the app does: for the time the post would go out (the window's next opening)."""
        goes_out = at if when == "publish" or post.exception else next_window_start(at, self.policy)
        report = self.checker.check(
            CheckedPost(
                post.text, at=goes_out, exception=post.exception or None, role=self.roles.get(post.author_id)
            )
        )
        before_publishing = when == "publish"
        post.last_check = stored_check(report, self.school, goes_out, before_publishing=before_publishing)
        post.checked_at = at
        findings: list[dict[str, Any]] = post.last_check["findings"]
        if not audit:
            return findings
        self.timeline.add(
            at,
            actor,
            "post.checked",
            check_summary(report, before_publishing=before_publishing),
            post,
            **check_audit_data(report, self.school),
        )
        return findings

    def override(self, post: Post, at: datetime, reason: str) -> None:
        for finding in post.last_check["findings"]:
            if finding["severity"] != "warn":
                continue
            Override.objects.create(
                post=post,
                rule=finding["rule"],
                category=finding["category"],
                message=finding["message"],
                reason=reason,
                user=post.author,
                created_at=at,
            )
            self.timeline.add(
                at,
                post.author,
                "post.override",
                f"Warning overridden ({finding['category']}): {reason}",
                post,
                rule=finding["rule"],
                message=finding["message"],
                reason=reason,
            )

    def submit(self, post: Post, at: datetime) -> None:
        post.submitted_at = at
        post.status = Post.Status.PENDING
        self.timeline.add(
            at,
            post.author,
            "post.submitted",
            f"Sent for approval ({post.account.name})",
            post,
            account=post.account.name,
        )

    def review(self, post: Post, who: str, at: datetime, comment: str = "", approve: bool = True) -> None:
        reviewer = self.users[who]
        decision = Review.Decision.APPROVED if approve else Review.Decision.CHANGES
        Review.objects.create(post=post, reviewer=reviewer, decision=decision, comment=comment, created_at=at)
        if approve:
            post.approved_by, post.approved_at = reviewer, at
            self.check(post, at, reviewer)
            summary = "Approved" + (f": {comment}" if comment else "")
            self.timeline.add(at, reviewer, "post.approved", summary, post, comment=comment)
        else:
            post.status = Post.Status.CHANGES_REQUESTED
            self.timeline.add(
                at,
                reviewer,
                "post.changes_requested",
                f"Sent back for changes: {comment}",
                post,
                comment=comment,
            )

    def schedule(self, post: Post, at: datetime, when: datetime, actor: Any) -> None:
        post.status = Post.Status.SCHEDULED
        post.submitted_at = post.submitted_at or at
        post.scheduled_for = when
        words = "now" if post.exception else self._moment(when, at)
        self.timeline.add(
            at,
            actor,
            "post.scheduled",
            scheduled_summary(post.exception, words),
            post,
            scheduled_for=when.isoformat(),
            in_words=words,
            exception=post.exception,
        )

    def publish(self, post: Post, at: datetime) -> Publication:
        self.check(post, at, None, when="publish")
        publication = Publication.objects.create(
            post=post,
            target=WEBSITE,
            status=Publication.Status.PUBLISHED,
            attempts=1,
            published_at=at,
            created_at=at,
        )
        entry = FeedEntry.objects.create(
            school=self.school,
            account=post.account,
            post=post,
            idempotency_key=publication.idempotency_key,
            text=post.text,
            published_at=at,
        )
        if post.account.kind == Account.Kind.CLASS and self.policy.accounts.reshare_class_posts:
            FeedEntry.objects.create(
                school=self.school,
                account=self.accounts["main"],
                post=post,
                idempotency_key=reshare_key(publication.idempotency_key),
                text=post.text,
                reshared_from=post.account,
                published_at=at,
            )
        url = _url("public:entry", slug=self.school.slug, entry_id=entry.pk)
        Publication.objects.filter(pk=publication.pk).update(external_id=str(entry.pk), url=url)
        post.status, post.published_at = Post.Status.PUBLISHED, at
        self.timeline.add(
            at,
            None,
            "post.published",
            "Published to the school's website feed",
            post,
            target=WEBSITE,
            external_id=str(entry.pk),
            url=url,
            attempts=1,
        )
        return publication

    def _moment(self, moment: datetime, now: datetime) -> str:

        tz = self.policy.tz
        return describe_moment(moment.astimezone(tz), now.astimezone(tz))

    # The posts ----------------------------------------------------------------------------------

    def make_all(self) -> None:
        save: list[Post] = []
        save += self.published()
        save += self.waiting()
        save += self.troubled()
        for post in save:
            post.save()
        self.timeline.record_all()

    def published(self) -> list[Post]:
        harvest = self.write(
            "head",
            "main",
            "What a wonderful Harvest Festival assembly this afternoon! Thank you to every family who "
            "donated food: it all goes to the town's food bank this week. #OakfieldHarvest",
            self.school_day(4, 15, 5),
        )
        self.schedule(harvest, self.school_day(4, 15, 10), self.school_day(4, 15, 10), self.users["head"])
        self.publish(harvest, self.school_day(4, 15, 10))

        bulbs = self.write(
            "teacher",
            "oak",
            "Oak Class have been busy planting bulbs in the school garden this week. We can't wait to see "
            "the daffodils in the spring! #OakClass",
            self.school_day(3, 10, 40),
        )
        self.submit(bulbs, self.school_day(3, 10, 45))
        self.review(bulbs, "senior", self.school_day(3, 11, 5), "Lovely, thank you.")
        self.schedule(bulbs, self.school_day(3, 11, 5), self.school_day(3, 11, 5), self.users["senior"])
        self.publish(bulbs, self.school_day(3, 11, 6))

        science = self.write(
            "senior",
            "willow",
            "Willow Class explored floating and sinking in science today. Which do you think will float: "
            "an apple or a potato? Ask your child at home tonight!",
            self.school_day(2, 14, 40),
        )
        self.schedule(science, self.school_day(2, 14, 45), self.school_day(2, 14, 45), self.users["senior"])
        self.publish(science, self.school_day(2, 14, 45))

        pta = self.write(
            "head",
            "main",
            "A big thank you to @OakfieldPTA for raising enough at the autumn fair to buy new playground "
            "equipment. The children have loved it all week!",
            self.school_day(1, 9, 10),
        )
        self.override(
            pta,
            self.school_day(1, 9, 12),
            "The PTA is the school's own association; governors agreed we thank them by name.",
        )
        self.schedule(pta, self.school_day(1, 9, 15), self.school_day(1, 9, 15), self.users["head"])
        self.publish(pta, self.school_day(1, 9, 15))

        sports = self.write(
            "head",
            "main",
            "Sports day is postponed until next Tuesday because of the weather forecast.",
            self.school_day(3, 8, 20),
        )
        self.schedule(sports, self.school_day(3, 8, 25), self.school_day(3, 8, 25), self.users["head"])
        self.publish(sports, self.school_day(3, 8, 30))
        deleted_at = self.school_day(3, 12, 0)
        FeedEntry.objects.filter(post=sports).update(removed_at=deleted_at)
        sports.status = Post.Status.DELETED
        self.timeline.add(
            deleted_at,
            self.users["head"],
            "post.deleted",
            "Deleted and taken down",
            sports,
            was=Post.Status.PUBLISHED.value,
            reason="The new date had not been confirmed yet.",
        )
        return [harvest, bulbs, science, pta, sports]

    def waiting(self) -> list[Post]:
        draft = self.write(
            "teacher",
            "oak",
            "Oak Class are learning about people who help us. Next week we are looking forward to a visit "
            "from the local fire service!",
            self.recent(120),
        )

        nativity = self.write(
            "teacher",
            "oak",
            "Oak Class have been practising their songs for the Christmas performance. Costumes will come "
            "home in book bags this week: thank you for your help!",
            self.recent(50),
        )
        self.submit(nativity, self.recent(45))

        photos = self.write(
            "office",
            "main",
            "The school photographer is coming in to take class photographs next week. Order forms will "
            "come home with your child afterwards.",
            self.school_day(1, 10, 15),
        )
        self.submit(photos, self.school_day(1, 10, 20))
        self.review(
            photos,
            "head",
            self.school_day(1, 13, 5),
            "Thanks, Janet. Please hold this until the letter has gone home, and add the day the "
            "photographer is coming, then send it again.",
            approve=False,
        )

        evening = self.write(
            "senior",
            "main",
            "Parents' evening bookings open on Monday. Appointments are ten minutes long; please book one "
            "slot for each child through the school office.",
            self.recent(30),
        )
        self.schedule(evening, self.recent(29), self.next_opening(), self.users["senior"])
        return [draft, nativity, photos, evening]

    def troubled(self) -> list[Post]:
        star = self.write(
            "teacher",
            "oak",
            "Star of the week in Oak Class is Kofi Asante for his fantastic counting!",
            self.school_day(2, 15, 0),
            check=False,
        )
        # Written and approved before the pupil joined the roster; held when it was due to go out.
        star.last_check = {"verdict": "pass", "findings": [], "policy_version": 1, "roster_version": 0}
        self.timeline.add(
            self.school_day(2, 15, 1),
            self.users["teacher"],
            "post.checked",
            "Checked: pass",
            star,
            verdict="pass",
            categories=[],
            policy_version=1,
            roster_version=0,
        )
        self.submit(star, self.school_day(2, 15, 5))
        star.approved_by, star.approved_at = self.users["senior"], self.school_day(2, 16, 0)
        Review.objects.create(
            post=star,
            reviewer=self.users["senior"],
            decision=Review.Decision.APPROVED,
            created_at=star.approved_at,
        )
        self.timeline.add(
            star.approved_at, self.users["senior"], "post.approved", "Approved", star, comment=""
        )
        held_at = self.school_day(1, 8, 0)
        self.schedule(star, star.approved_at, held_at, self.users["senior"])
        findings = self.check(star, held_at, None, when="publish", audit=False)
        blocking = [f["message"] for f in findings if f["severity"] == "block"]
        if not blocking:
            raise ValueError("the held demo post no longer breaks the policy: change its text")
        star.status = Post.Status.HELD
        star.held_reason = publishing.held_reason(blocking)
        self.timeline.add(
            held_at,
            None,
            "post.held",
            f"Held before publishing: {star.held_reason}"[:500],
            star,
            findings=findings,
            policy_version=self.school.policy_version,
            roster_version=self.school.roster_version,
        )

        closure = self.write(
            "head",
            "main",
            "Reminder: school closes at 1.30pm on Friday for the end of term. After-school clubs will not "
            "run that day. Have a restful holiday, everyone!",
            self.school_day(1, 7, 40),
        )
        due = self.school_day(1, 8, 0)
        self.schedule(closure, self.school_day(1, 7, 45), due, self.users["head"])
        error = (
            "Gave up after 5 attempts. The last error was: the school website feed could not be saved "
            "(the database was busy for more than 20 seconds)."
        )
        Publication.objects.create(
            post=closure,
            target=WEBSITE,
            status=Publication.Status.FAILED,
            attempts=5,
            last_error=error,
            created_at=due,
        )
        closure.status = Post.Status.FAILED
        self.check(closure, due, None, when="publish")
        self.timeline.add(
            due + timedelta(minutes=31),
            None,
            "post.publish_failed",
            f"Publishing to the school's website feed failed: {error}",
            closure,
            target=WEBSITE,
            attempts=5,
            error=error,
        )

        # An exception may go out at any time, so a worker finishing it later is within the policy.
        heating = Post(
            school=self.school,
            account=self.accounts["main"],
            author=self.users["head"],
            text="Update: the heating in the hall has been repaired, so school will open as normal "
            "tomorrow. Thank you all for your patience today.",
            exception=Post.Exception.URGENT_NEWS,
            exception_reason="Parents need to know this evening whether to arrange childcare for tomorrow.",
            created_at=self.now - timedelta(minutes=6),
        )
        heating.save()
        head = self.users["head"]
        self.timeline.add(
            heating.created_at,
            head,
            "post.created",
            "Draft written for Oakfield Primary School",
            heating,
            account=heating.account.name,
            text=heating.text,
        )
        self.check(heating, self.now - timedelta(minutes=5), head)
        self.timeline.add(
            self.now - timedelta(minutes=4),
            head,
            "post.exception",
            f"Sent outside posting hours as {exception_words(heating.exception)} by {head.get_full_name()}: "
            f"{heating.exception_reason}",
            heating,
            exception=heating.exception,
            reason=heating.exception_reason,
        )
        self.schedule(heating, self.now - timedelta(minutes=4), self.now - timedelta(minutes=4), head)
        self.check(heating, self.now - timedelta(minutes=3), None, when="publish")
        Publication.objects.create(
            post=heating,
            target=WEBSITE,
            status=Publication.Status.PUBLISHING,
            attempts=1,
            # The worker's hold on this attempt; after it, the sweeper finishes the job.
            next_attempt_at=self.now + timedelta(minutes=15),
            created_at=self.now - timedelta(minutes=3),
        )
        heating.status = Post.Status.PUBLISHING
        return [star, closure, heating]


def _posts(school: School, users: dict[str, Any], accounts: dict[str, Account], result: DemoResult) -> None:
    if Post.objects.filter(school=school).exists():
        return
    _Posts(school, users, accounts, timezone.now()).make_all()
    _garden_photo(school, users)
    scheduled = Post.objects.filter(school=school, status=Post.Status.SCHEDULED)
    _queue(list(scheduled))
    result.created.append("the demo posts")


def _garden_drawing() -> Image.Image:
    """A drawn picture of a school garden bed (no people), so the demo shows a post with a photo."""

    rng = random.Random(7)
    image = Image.new("RGB", (1600, 1200), (150, 196, 232))
    draw = ImageDraw.Draw(image)
    for y in range(0, 520, 4):  # sky, lighter towards the horizon
        shade = 196 + y // 12
        draw.rectangle((0, y, 1600, y + 4), fill=(150 + y // 10, shade, 232))
    draw.rectangle((0, 520, 1600, 1200), fill=(101, 67, 33))
    for x in range(60, 1600, 140):
        for row, base in enumerate((700, 900, 1100)):
            sx = x + rng.randint(-25, 25) + (70 if row % 2 else 0)
            height = rng.randint(140, 230)
            draw.line((sx, base, sx + rng.randint(-10, 10), base - height), fill=(46, 139, 87), width=9)
            draw.ellipse((sx - 34, base - height - 30, sx + 34, base - height + 30), fill=(255, 215, 0))
            draw.ellipse((sx - 13, base - height - 12, sx + 13, base - height + 12), fill=(255, 140, 0))
    draw.rectangle((1180, 560, 1540, 700), fill=(245, 245, 235), outline=(60, 60, 60), width=6)
    return image


def _garden_photo(school: School, users: dict[str, Any]) -> None:
    """Oak Class's published bulbs post carries a photo, as it went out: only the cleaned copy is
    kept (the original was deleted after publishing, RAC-04)."""

    post = Post.objects.filter(
        school=school, text__startswith="Oak Class have been busy planting bulbs"
    ).first()
    if post is None or post.photos.exists():
        return
    rendition = render(_garden_drawing(), 2048, quality=88)
    photo = PostPhoto(
        post=post,
        alt_text="Rows of yellow daffodils drawn by Oak Class in the school garden bed, with a blue sky",
        width=rendition.width,
        height=rendition.height,
        mime=rendition.mime,
        uploaded_by=users["teacher"],
        created_at=post.created_at,
        originals_deleted_at=post.published_at or post.created_at,
    )
    photo.rendition.save("garden.jpg", ContentFile(rendition.data), save=False)
    photo.save()


def _queue(posts: list[Post]) -> None:
    """Hand scheduled posts to publishing, so the worker sends them out when the window opens."""

    for post in posts:
        publishing.queue(post)


# The moderation inbox -----------------------------------------------------------------------

#: (id, platform, kind, author, bio, text, minutes ago): what came back to the main account.
_INBOX = (
    (
        "demo-1",
        "bluesky",
        "reply",
        "@angrydad.bsky.social",
        "",
        "I know which car is yours Mr Okafor. Just saying",
        12,
    ),
    (
        "demo-2",
        "x",
        "mention",
        "@GranOfTwo",
        "Proud gran",
        "Brilliant nativity at @OakfieldPrimary today, well done all 👏",
        55,
    ),
    (
        "demo-3",
        "mastodon",
        "reply",
        "@parent@mastodon.example",
        "Mum of two",
        "Will there be photos from sports day?",
        90,
    ),
    (
        "demo-4",
        "x",
        "reply",
        "@concerned_local",
        "",
        "Mr Okafor clearly has his favourites. Funny how it's always the same kids",
        180,
    ),
    (
        "demo-5",
        "bluesky",
        "reply",
        "@cryptoqueen.bsky.social",
        "Forex trader | DM 'PROFIT'",
        "Great post! 👍 She turned my £300 into £11,000",
        240,
    ),
)


def _inbox(school: School, users: dict[str, Any], accounts: dict[str, Account], result: DemoResult) -> None:
    if InboxItem.objects.filter(school=school).exists():
        return
    now = timezone.now()
    answered = "Our Year 2 nativity was wonderful: thank you to every family who came."
    for ident, platform, kind, handle, bio, text, minutes in _INBOX:
        incoming = Incoming(
            external_id=ident,
            kind=kind,  # type: ignore[arg-type]
            text=text,
            author=Author(external_id=f"{platform}:{handle}", handle=handle, bio=bio),
            created_at=now - timedelta(minutes=minutes),
            in_reply_to="demo-post" if kind == "reply" else "",
            in_reply_to_text=answered if kind == "reply" else "",
        )
        item = ingest.store_for(accounts["main"], platform, incoming)
        if item is not None and item.escalate:
            ingest.escalate(item)  # the headteacher and the safeguarding lead see it in Notifications
    result.created.append("the moderation inbox")
    undermining = InboxItem.objects.filter(school=school, external_id="demo-4").first()
    senior = Membership.objects.get(user=users["senior"], school=school)
    if undermining is not None:
        incident = moderation.open_incident(
            senior,
            "Comments undermining Mr Okafor on X",
            "A reply under the nativity post suggests Mr Okafor favours some children.",
            [undermining],
        )
        moderation.add_note(
            incident, senior, "Evidence kept. Discussed with the headteacher; watching for more."
        )
        result.created.append("an incident on the e-safety record")


#: Followers of the main account: (platform, id, handle, name, bio, picture, days old, posts,
#: followers, follows, links, days since seen). Made up; none is a real account.
_FOLLOWERS = (
    (
        "bluesky",
        "did:plc:demo-parent1",
        "sam-patel.bsky.social",
        "Sam Patel",
        "Dad of two at Oakfield. Allotments, bikes and the PTA quiz night.",
        True,
        2100,
        420,
        180,
        260,
        (),
        0,
    ),
    (
        "mastodon",
        "101",
        "wetherbylibrary@mastodon.social",
        "Wetherby Library",
        "Books, rhyme time and homework club for all ages in Wetherby.",
        True,
        1500,
        3100,
        2400,
        310,
        ("https://www.leeds.gov.uk/libraries",),
        0,
    ),
    (
        "x",
        "1580000000000000001",
        "priya_y3mum",
        "Priya (Y3 mum)",
        "Mum of two, school run survivor, PTA treasurer",
        True,
        2400,
        1904,
        212,
        348,
        (),
        0,
    ),
    (
        "bluesky",
        "did:plc:demo-adult",
        "hot-singles-near-you.bsky.social",
        "Jess 💋",
        "Lonely? 18+ only. OnlyFans link below 👇",
        True,
        12,
        3,
        40,
        2900,
        ("https://onlyfans.com/jess-demo",),
        1,
    ),
    (
        "x",
        "1790000000000000002",
        "fx_signals_8823741",
        "Crypto Signals VIP",
        "Forex trader | 6 figures | DM for promo",
        False,
        4,
        0,
        3,
        4870,
        ("https://bit.ly/3xYzAbC",),
        1,
    ),
    (
        "mastodon",
        "102",
        "spinwin@casino.example",
        "SpinWin Bonuses",
        "Best casino bonuses every day. 18+ gamble responsibly",
        True,
        200,
        5000,
        90,
        8000,
        ("https://spinwin-casino.example",),
        2,
    ),
    (
        "bluesky",
        "did:plc:demo-emma",
        "emma-collins.bsky.social",
        "Emma C",
        "Gardening, running, and too many cats",
        True,
        1800,
        900,
        120,
        300,
        (),
        0,
    ),
    (
        "bluesky",
        "did:plc:demo-okafor",
        "d-okafor.bsky.social",
        "David Okafor",
        "Runner. Jazz. Views my own.",
        True,
        1300,
        600,
        90,
        200,
        (),
        2,
    ),
    (
        "mastodon",
        "103",
        "olga@mastodon.social",
        "Ольга",
        "Мама двух детей, люблю читать и гулять в парке",
        True,
        900,
        120,
        30,
        80,
        (),
        2,
    ),
    ("x", "1800000000000000004", "user83749271", "", "", False, 3, 0, 0, 1500, (), 2),
    ("mastodon", "104", "deleted-user@old.example", "", "", False, 3000, 0, 0, 0, (), 3),
    (
        "bluesky",
        "did:plc:demo-motor",
        "motorbike-sunsets.bsky.social",
        "Dan R",
        "Photos of sunsets and motorbikes",
        True,
        700,
        300,
        80,
        140,
        (),
        0,
    ),
)


def _followers(
    school: School, users: dict[str, Any], accounts: dict[str, Account], result: DemoResult
) -> None:
    if Follower.objects.filter(school=school).exists():
        return
    now = timezone.now()
    emma = Membership.objects.get(user=users["teacher"], school=school)
    if not PersonalAccount.objects.filter(school=school, user=users["teacher"]).exists():
        follower_actions.declare(emma, "emma-collins.bsky.social")
    context = follower_judging.context_for(school, now)
    for platform, ident, handle, name, bio, picture, age, posts, followers, follows, links, ago in _FOLLOWERS:
        profile = RemoteProfile(
            external_id=ident,
            handle=handle,
            display_name=name,
            bio=bio,
            avatar=picture,
            created_at=now - timedelta(days=age),
            posts_count=posts,
            followers_count=followers,
            following_count=follows,
            links=links,
            url=f"https://example.org/{handle}",
            deleted=handle.startswith("deleted-"),
        )
        follower_ingest.store_for(
            accounts["main"], platform, [profile], "follower", context, now - timedelta(days=ago)
        )
    head = Membership.objects.get(user=users["head"], school=school)
    earlier = FollowerReview.objects.create(
        school=school, done_by=users["head"], decided=1, note="Weekly check"
    )
    FollowerReview.objects.filter(pk=earlier.pk).update(done_at=now - timedelta(days=9))
    library = (
        Follower.objects.filter(school=school, external_id="101").select_related("school", "account").first()
    )
    if library is not None:
        follower_actions.decide(library, head, "keep", "The local library: runs our homework club")
        Decision.objects.filter(follower=library).update(at=now - timedelta(days=9))
    result.created.append("followers waiting for review")


def _governance(school: School, users: dict[str, Any], result: DemoResult) -> None:
    """What the duties page and the governors' report show beyond the posts and the inbox: the
    consent renewal done at the start of the year, and what was done about the inbox's items."""
    if ModerationAction.objects.filter(school=school).exists():
        return
    today = timezone.localdate()
    year = terms.school_year_start(school.policy, today)
    if year + timedelta(days=12) <= today:
        DutyDone.objects.create(
            school=school,
            key=CONSENT_KEY,
            name="Renew pupils' photo consent for the school year",
            due_on=year + timedelta(days=30),
            done_on=year + timedelta(days=12),
            done_by=users["head"],
            note="Consent forms returned and recorded on the Consent page.",
        )
    senior = Membership.objects.get(user=users["senior"], school=school)
    undermining = InboxItem.objects.filter(school=school, external_id="demo-4").first()
    if undermining is not None:
        # X has no reporting API: the report is made on X's own form and recorded here.
        ModerationAction.objects.create(
            school=school,
            item=undermining,
            action="report",
            by=users["senior"],
            outcome=ModerationAction.Outcome.RECORDED,
            detail="Reported on X's own form by the deputy head (X has no reporting API).",
        )
    spam = InboxItem.objects.filter(school=school, external_id="demo-5").first()
    if spam is not None:
        moderation.set_state(spam, senior, InboxItem.State.NO_ACTION)
    result.created.append("the duties and the governors' report")


def load_demo() -> DemoResult:
    """Create whatever part of the demo school is missing (all of it, the first time)."""
    with transaction.atomic():
        school = School.objects.filter(slug=SLUG).first()
        result = DemoResult(school=school or schools.create_school(NAME, SLUG, PRESET))
        if school is None:
            result.created.append("the school")
        school = result.school
        users = _people(school, result)
        _policy(school, users["head"], result)
        accounts = _accounts(school, users, result)
        _roster(school, users["head"], result)
        school.refresh_from_db()
        _agreement(school, users, result)
        _policy_versions(school, users, result)
        _totp(users, result)
        _posts(school, users, accounts, result)
        _inbox(school, users, accounts, result)
        _followers(school, users, accounts, result)
        if following_demo.load(school, users, accounts):
            result.created.append("the accounts the school follows")
        _governance(school, users, result)
        result.users = users
    return result

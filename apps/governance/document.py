"""The school's policy in plain English, made from its settings, every sentence with the settings
that enforce it.

A school that runs Safepost can retire its Word document: this is the document, and it cannot
drift from what Safepost enforces because it is written from the same settings. Each
:class:`Sentence` carries the keys of the settings it comes from (``posting_window.start``) or,
where Safepost itself enforces it with no setting, a feature key (``safepost:signoff``), so the
page and the PDF can footnote each sentence with the setting behind it.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from safepost.policy import config
from safepost.policy.config import Policy

#: What Safepost does without a setting, for sentences that say so.
FEATURES: dict[str, str] = {
    "safepost:checker": "Safepost checks every post against these settings before it can be sent, and "
    "records every override with its reason in the audit log.",
    "safepost:esafety": "Safepost's e-safety messages (Policy and governance, E-safety messages): "
    "suggested each term and before Safer Internet Day, checked and approved like any post.",
    "safepost:signoff": "Safepost keeps every version of these settings; a version is the school's policy "
    "once the headteacher and the chair of governors have both signed it.",
    "safepost:mfa": "Safepost makes headteachers, senior leaders and the designated safeguarding lead "
    "sign in with a second step (an authenticator app).",
    "safepost:record": "Safepost's moderation inbox and e-safety record (Inbox, E-safety record).",
    "safepost:agreement": "Safepost's social media agreement (School, Agreement): who signed which version.",
}

_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
# Each role as a sentence names the people holding it.
_ROLE_WORDS = {
    "headteacher": "the headteacher",
    "senior-leader": "senior leaders",
    "class-teacher": "class teachers",
    "office": "the office staff",
    "computing-lead": "the computing lead",
    "governor": "governors",
    "safeguarding-lead": "the designated safeguarding lead",
}
_EXCEPTION_WORDS = {"school-event": "school events", "urgent-news": "urgent school news"}
_ACTION_WORDS = {"delete": "deleted", "hide": "hidden"}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence of the document and the settings (or Safepost features) that enforce it."""

    text: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A heading and its sentences."""

    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Setting:
    """A footnote: a setting's key, its value in words as the file has it, and what it means."""

    number: int
    key: str
    value: str
    meaning: str


@dataclass(frozen=True)
class Document:
    """The whole policy document: its sections, and the settings behind them numbered as footnotes."""

    title: str
    school: str
    sections: tuple[Section, ...]
    settings: tuple[Setting, ...] = field(default=())

    def numbers(self, sentence: Sentence) -> list[int]:
        """The footnote numbers of a sentence's settings."""
        by_key = {s.key: s.number for s in self.settings}
        return [by_key[k] for k in sentence.keys]

    def text(self, footnotes: bool = True) -> str:
        """The document as plain text, each sentence followed by its footnote numbers."""
        out = [self.title, ""]
        for section in self.sections:
            out.append(section.title)
            for sentence in section.sentences:
                marks = f" [{', '.join(map(str, self.numbers(sentence)))}]" if footnotes else ""
                out.append(f"- {sentence.text}{marks}")
            out.append("")
        if footnotes:
            out.append("The settings behind each sentence")
            out.extend(f"[{s.number}] {s.key} = {s.value}: {s.meaning}" for s in self.settings)
        return "\n".join(out).rstrip() + "\n"


def join(words: list[str], conjunction: str = "and") -> str:
    """``a, b and c``."""
    words = [w for w in words if w]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def roles(names: Sequence[str]) -> str:
    """Roles as a sentence names their holders: "the headteacher and senior leaders"."""
    return join([_ROLE_WORDS.get(r, r.replace("-", " ")) for r in names]) or "nobody"


def clock(value: time) -> str:
    """08:00 as "8am", 18:30 as "6.30pm", 12:00 as "12 noon", as school letters write times."""
    if value == time(12, 0):
        return "12 noon"
    hour = value.hour % 12 or 12
    minutes = f".{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def days(names: Sequence[str]) -> str:
    """ "Monday to Friday", or the days named."""
    if list(names) == ["mon", "tue", "wed", "thu", "fri"]:
        return "Monday to Friday"
    if list(names) == list(_DAY_NAMES):
        return "every day of the week"
    return join([_DAY_NAMES[d] for d in names])


def policy_date(text: str) -> date | None:
    """A ``review`` date as the settings write it (``2019-07`` or ``2019-07-15``), or ``None``."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*", text or "")
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
    except ValueError:
        return None


def date_words(text: str) -> str:
    """ "July 2019" or "15 July 2019", as the settings give it; the text itself if it is no date."""
    when = policy_date(text)
    if when is None:
        return text.strip()
    month_year = f"{_MONTHS[when.month - 1]} {when.year}"
    return f"{when.day} {month_year}" if text.strip().count("-") == 2 else month_year


def _exceptions(policy: Policy) -> list[Sentence]:
    window = policy.posting_window
    if not window.exceptions:
        return [Sentence("We never post outside these hours.", ("posting_window.exceptions",))]
    out = []
    for kind, rule in window.exceptions.items():
        name = _EXCEPTION_WORDS.get(kind, kind.replace("-", " "))
        examples = f" (for example {rule.examples})" if rule.examples else ""
        who = roles(list(rule.roles)) if rule.roles else "the staff with posting rights"
        out.append(
            Sentence(
                f"Outside these hours we post only for {name}{examples}, and only {who} may do so.",
                (f"posting_window.exceptions.{kind}",),
            )
        )
    return out


def _aims(policy: Policy) -> list[Sentence]:
    handle = f" {policy.school.handle}" if policy.school.handle else ""
    accounts = f"our school account{handle}"
    if policy.accounts.class_accounts:
        accounts += " and our class accounts"
    audience = (
        "parents, carers and the wider community"
        if policy.interaction.visibility == "public"
        else "the parents, carers and staff we accept as followers"
    )
    out = [
        Sentence(
            f"We use {accounts} to share and celebrate pupils' achievements, successes and the news of the "
            f"school with {audience}.",
            ("school.handle", "accounts.class_accounts", "interaction.visibility"),
        ),
        Sentence(
            "We use it to show safe and responsible use of social media: every post is checked against "
            "this policy before it goes out.",
            ("safepost:checker",),
        ),
        Sentence(
            "We use it to promote e-safety, with messages suited to our pupils' ages every term and for "
            "Safer Internet Day in February.",
            ("safepost:esafety",),
        ),
    ]
    if policy.accounts.reshare_class_posts and policy.accounts.class_accounts:
        out.append(
            Sentence(
                "The school account shares the class accounts' posts, so that everything can be followed "
                "in one place.",
                ("accounts.reshare_class_posts",),
            )
        )
    if policy.writing.key_info_links != "allow":
        where = f", {policy.school.website}" if policy.school.website else ""
        out.append(
            Sentence(
                "Key information (dates, deadlines, letters, policies and closures) links to the school "
                f"website{where}, where the full details are.",
                ("writing.key_info_links", "school.website"),
            )
        )
    return out


def _who(policy: Policy) -> list[Sentence]:
    accounts = policy.accounts
    out = [
        Sentence(
            f"Only {roles(accounts.publishers)} may post on the school's accounts.",
            ("accounts.publishers",),
        )
    ]
    approvers = []
    if "account-holder" in accounts.approvers:
        approvers.append(
            "the holder of the account (the headteacher for the school account"
            + (", the class teacher for a class account" if accounts.class_accounts else "")
            + ")"
        )
    if "senior-leader" in accounts.approvers:
        approvers.append("a senior leader")
    if "headteacher" in accounts.approvers:
        approvers.append("the headteacher")
    approved_by = join(approvers, "or") or "a senior leader"
    if accounts.approval_required_for:
        out.append(
            Sentence(
                f"Posts written by {roles(accounts.approval_required_for)} are approved by {approved_by} "
                "before they go out.",
                ("accounts.approval_required_for", "accounts.approvers"),
            )
        )
    how = "is approved in the same way" if accounts.approval_required_for else f"{approved_by} approves"
    out.append(
        Sentence(
            f"Other members of staff may write a draft, which {how} before it goes out; nobody approves "
            "their own post.",
            ("accounts.publishers", "accounts.approvers"),
        )
    )
    if accounts.agreement_required:
        out.append(
            Sentence(
                "Everyone who posts first signs the school's social media agreement, and signs it again "
                "whenever it changes; until then they cannot post.",
                ("accounts.agreement_required",),
            )
        )
    devices = policy.devices
    if devices.school_devices == "sign-in":
        out.append(
            Sentence(
                f"{roles(devices.roles).capitalize()} use Safepost only from the school's network or a "
                "school device.",
                ("devices.school_devices", "devices.roles"),
            )
        )
    elif devices.school_devices == "publishing":
        out.append(
            Sentence(
                f"{roles(devices.roles).capitalize()} may read Safepost anywhere, but write, approve and "
                "send posts only from the school's network or a school device.",
                ("devices.school_devices", "devices.roles"),
            )
        )
    else:
        out.append(
            Sentence(
                "Staff may use Safepost from any device: the settings do not hold them to the school's "
                "network or school devices.",
                ("devices.school_devices",),
            )
        )
    if devices.school_devices != "off" and devices.trip_roles:
        out.append(
            Sentence(
                f"On trips, {roles(devices.trip_roles)} may post from their own phone once it is "
                "remembered as a school device.",
                ("devices.trip_roles",),
            )
        )
    out.append(
        Sentence(
            f"Notifications about the accounts go to {roles(accounts.notifications_to)}.",
            ("accounts.notifications_to",),
        )
    )
    return out


def _when(policy: Policy) -> list[Sentence]:
    window = policy.posting_window
    return [
        Sentence(
            f"We post {days(list(window.days))} between {clock(window.start)} and {clock(window.end)}.",
            ("posting_window.days", "posting_window.start", "posting_window.end"),
        ),
        *_exceptions(policy),
        Sentence(
            "A post written at another time waits and goes out when the hours next begin.",
            ("posting_window.days", "posting_window.start"),
        ),
    ]


def _never(policy: Policy) -> list[Sentence]:
    pupils, photos, writing = policy.pupils, policy.photos, policy.writing
    names = {
        "first-names-only": "We use pupils' first names only, never their surnames.",
        "none": "We never use children's names.",
        "not-with-photos": "We never use a pupil's name alongside a photo of pupils.",
        "allowed": "We may name pupils where their parents have agreed to it.",
    }
    out = [Sentence(names[pupils.names], ("pupils.names",))]
    if pupils.individual_content != "allow":
        verb = "We never post" if pupils.individual_content == "block" else "We think twice before posting"
        out.append(
            Sentence(
                f'{verb} content about one individual child, such as "Well done Josh, a better lesson '
                'today"; a post may speak to a class or a year group ("Year 4 produced some fantastic art '
                'work today").',
                ("pupils.individual_content",),
            )
        )
    if pupils.trip_whereabouts != "allow":
        verb = "We never publish" if pupils.trip_whereabouts == "block" else "We take care not to publish"
        out.append(
            Sentence(
                f"{verb} where children are or will be at a particular time, even during a trip: news of a "
                "trip is shared without anything a stranger could act on.",
                ("pupils.trip_whereabouts",),
            )
        )
    if photos.faces == "blocked":
        out.append(
            Sentence(
                "We never post photos of children's faces. We may post photos of work and learning, such "
                "as a child's hands or the back of their head as they create a piece of artwork.",
                ("photos.faces",),
            )
        )
    if photos.consent_required:
        without = (
            "is blurred out of the photo before it goes out"
            if photos.without_consent == "blur"
            else "is never shown: the photo is not posted"
        )
        out.append(
            Sentence(
                "We post photos of a pupil only with their parent's or carer's consent for social media; "
                f"a pupil without that consent {without}.",
                ("photos.consent_required", "photos.without_consent"),
            )
        )
    if photos.single_child != "allow":
        out.append(
            Sentence(
                "Our photos show pupils working and learning in groups rather than a single child.",
                ("photos.single_child",),
            )
        )
    if writing.personal_data != "allow":
        out.append(
            Sentence(
                "We never post anyone's personal details: phone numbers, personal e-mail or home addresses, "
                "or dates of birth.",
                ("writing.personal_data",),
            )
        )
    if writing.offensive != "allow":
        out.append(
            Sentence("We never post anything offensive, profane or discriminatory.", ("writing.offensive",))
        )
    if photos.unsuitable_images != "allow":
        out.append(Sentence("We never post unsuitable images.", ("photos.unsuitable_images",)))
    if photos.copyright != "allow" or writing.quotations != "allow":
        out.append(
            Sentence(
                "We do not post pictures or words that are not ours to use without saying whose they are, "
                "so that we respect copyright.",
                ("photos.copyright", "writing.quotations"),
            )
        )
    if photos.delete_originals_after_publish:
        out.append(
            Sentence(
                "Photos lose their location and camera details before they are posted, and the originals "
                "are deleted once the post is published.",
                ("photos.delete_originals_after_publish",),
            )
        )
    if photos.keep_renditions_days:
        out.append(
            Sentence(
                f"Published photos are deleted {photos.keep_renditions_days} days after they were posted.",
                ("photos.keep_renditions_days",),
            )
        )
    return out


def _writing(policy: Policy) -> list[Sentence]:
    writing = policy.writing
    out = [Sentence(f"A post is at most {writing.max_length} characters long.", ("writing.max_length",))]
    correct = []
    if writing.spelling != "allow":
        correct.append("spelt correctly")
    if writing.grammar != "allow":
        correct.append("grammatically correct")
    if correct:
        out.append(
            Sentence(
                f"Posts are {join(correct)}, in Standard English.",
                tuple(
                    k
                    for k, v in (("writing.spelling", writing.spelling), ("writing.grammar", writing.grammar))
                    if v != "allow"
                ),
            )
        )
    if writing.text_speak != "allow":
        out.append(
            Sentence('Posts do not use text language such as "lol", "gr8" or "l8r".', ("writing.text_speak",))
        )
    if writing.hashtags == "end-only":
        out.append(
            Sentence("Hashtags, such as #PrimaryRocks, go at the end of a post.", ("writing.hashtags",))
        )
    if writing.mentions == "avoid":
        out.append(
            Sentence(
                'We avoid @mentioning other accounts, as in "excited about @someone speaking to us".',
                ("writing.mentions",),
            )
        )
    if writing.tone != "allow":
        out.append(
            Sentence(
                "Our posts are positive: they never criticise people or air a complaint in public, and never "
                "compromise anyone's personal or professional reputation or the school's.",
                ("writing.tone",),
            )
        )
    return out


def _replies(policy: Policy) -> list[Sentence]:
    interaction = policy.interaction
    replies = {
        "none": "We do not reply to replies, and we limit who can reply where the platform allows it. "
        "Social media is not the place to discuss or debate school matters: please contact the school "
        "office instead.",
        "receive-only": "Our accounts can receive replies, but we do not answer them there. Social media is "
        "not the place to discuss or debate school matters: please contact the school office instead.",
        "open": "Parents may ask questions on the account, and we answer them with information the school "
        "has already shared; we never discuss an individual child there.",
    }
    visibility = {
        "public": "Our accounts are public: anyone can read what we post.",
        "followers-only": "Our posts are not publicly available: only the followers we accept can read them.",
    }
    mentions = {
        "welcome": "We welcome mentions and interactions that show the school in a positive light.",
        "review": "Mentions of the school by others are reviewed by staff before anyone responds.",
    }
    out = [
        Sentence(replies[interaction.replies], ("interaction.replies",)),
        Sentence(visibility[interaction.visibility], ("interaction.visibility",)),
        Sentence(mentions[interaction.mentions_of_school], ("interaction.mentions_of_school",)),
    ]
    if interaction.quote_posts == "disable":
        out.append(
            Sentence(
                "Others cannot quote our posts, where the platform lets us turn that off.",
                ("interaction.quote_posts",),
            )
        )
    return out


def _following(policy: Policy) -> list[Sentence]:
    following = policy.following
    follows = {
        "educational-only": "We follow only educationally linked accounts, such as other schools or a "
        f"children's author, and no personal accounts; {roles(following.follow_approver)} approve each one.",
        "case-by-case": "We follow only accounts of clear benefit to the school (other schools, organisations "
        f"that work with children, local media), decided case by case by {roles(following.follow_approver)}.",
        "any": f"We follow accounts that {roles(following.follow_approver)} approve.",
    }
    out = [Sentence(follows[following.follows], ("following.follows", "following.follow_approver"))]
    reviewers = roles(following.follower_reviewers)
    review = {
        "continuous": f"{reviewers.capitalize()} check new followers as they arrive and block any who are "
        "unsuitable.",
        "weekly": f"{reviewers.capitalize()} check recent followers every week and block any who are "
        "unsuitable or add nothing to the school.",
        "termly": f"{reviewers.capitalize()} check the followers every term and block any who are unsuitable.",
        "none": "We do not review who follows the accounts.",
    }
    out.append(
        Sentence(
            review[following.follower_review], ("following.follower_review", "following.follower_reviewers")
        )
    )
    if following.staff_personal_followers == "remove":
        out.append(
            Sentence(
                "Staff follow the school from their class accounts only; staff's personal accounts are "
                "removed as followers.",
                ("following.staff_personal_followers",),
            )
        )
    return out


def _moderation(policy: Policy) -> list[Sentence]:
    moderation = policy.moderation
    done = [_ACTION_WORDS[a] for a in moderation.actions if a in _ACTION_WORDS]
    people = []
    if "block" in moderation.actions:
        people.append("its author is blocked")
    if "mute" in moderation.actions:
        people.append("its author is muted")
    if "report" in moderation.actions:
        people.append("it is reported to the platform")
    steps = join([f"it is {join(done, 'or')}" if done else "", *people])
    out = [
        Sentence(
            "Inappropriate content (offensive remarks, unsuitable images, or comments that aim to undermine "
            "the school, its staff, parents, governors or anyone connected with it) is dealt with by "
            f"{roles(moderation.handlers)}.",
            ("moderation.handlers",),
        )
    ]
    if steps:
        out.append(Sentence(f"When it appears, {steps}.", ("moderation.actions",)))
    if moderation.keep_evidence:
        out.append(
            Sentence(
                "It is copied and saved as evidence before anything is deleted, and each incident is kept "
                "on the school's e-safety record.",
                ("moderation.keep_evidence", "safepost:record"),
            )
        )
    serious = {
        "report-to-authority": "Incidents of a more serious nature are reported to the appropriate authority.",
        "record-only": "Serious incidents are recorded on the e-safety record and dealt with by the school.",
    }
    out.append(Sentence(serious[moderation.serious_incidents], ("moderation.serious_incidents",)))
    return out


def _term_starts(policy: Policy) -> str:
    named = []
    for text in policy.credentials.term_starts:
        start = config.term_start(text)
        if start is not None:
            named.append(f"{start[1]} {_MONTHS[start[0] - 1]}")
    return join(named)


def _sign_in(policy: Policy, regular_days: int) -> list[Sentence]:
    credentials = policy.credentials
    by = roles(credentials.rotated_by)
    rotation = {
        "termly": f"{by.capitalize()} change the accounts' passwords every term, at the start of each term "
        f"({_term_starts(policy)}), to keep them secure.",
        "regularly": f"{by.capitalize()} change the accounts' passwords regularly, at least every "
        f"{regular_days} days, to keep them secure.",
        "on-permission": f"{by.capitalize()} change the accounts' passwords when needed.",
        "none": "The accounts' passwords have no set schedule of change.",
    }
    keys = ["credentials.rotation", "credentials.rotated_by"]
    if credentials.rotation == "termly":
        keys.append("credentials.term_starts")
    out = [Sentence(rotation[credentials.rotation], tuple(keys))]
    if credentials.needs_permission_of:
        out.append(
            Sentence(
                "Passwords are never changed without the permission of "
                f"{join([_ROLE_WORDS.get(r, r) for r in credentials.needs_permission_of], 'or')}.",
                ("credentials.needs_permission_of",),
            )
        )
    out.append(
        Sentence(
            "Senior leaders sign in to Safepost with a second step, an authenticator app, as well as their "
            "password.",
            ("safepost:mfa",),
        )
    )
    return out


def _review(policy: Policy) -> list[Sentence]:
    review = policy.review
    out = []
    if review.ratified:
        out.append(
            Sentence(f"This policy was ratified in {date_words(review.ratified)}.", ("review.ratified",))
        )
    if review.signed_by:
        out.append(Sentence(f"It is signed by the {join(list(review.signed_by))}.", ("review.signed_by",)))
    out.append(
        Sentence(
            "Each version is signed off by the headteacher and the chair of governors, and the signed "
            "version, with who signed it and when, is kept.",
            ("safepost:signoff",),
        )
    )
    if review.next_review:
        out.append(
            Sentence(
                f"It will next be reviewed by {date_words(review.next_review)}.", ("review.next_review",)
            )
        )
    else:
        out.append(Sentence("No date has been set for its next review.", ("review.next_review",)))
    out.append(
        Sentence(
            "It is read with the school's e-safety policy and the staff social media agreement.",
            ("safepost:agreement",),
        )
    )
    return out


def build(policy: Policy, school_name: str, regular_days: int = 90) -> Document:
    """The policy document for ``policy``: every section, and the settings numbered as footnotes.

    ``regular_days`` is how often "regularly" changes the sign-in (the platforms' reminder cadence).
    """
    sections = (
        Section("Why we use social media", tuple(_aims(policy))),
        Section("Who posts and who approves", tuple(_who(policy))),
        Section("When we post", tuple(_when(policy))),
        Section("What we never post", tuple(_never(policy))),
        Section("How we write", tuple(_writing(policy))),
        Section("Replies and conversations", tuple(_replies(policy))),
        Section("Following and followers", tuple(_following(policy))),
        Section("Inappropriate content and incidents", tuple(_moderation(policy))),
        Section("Keeping the accounts secure", tuple(_sign_in(policy, regular_days))),
        Section("Review and sign-off", tuple(_review(policy))),
    )
    keys: list[str] = []
    for section in sections:
        for sentence in section.sentences:
            keys.extend(k for k in sentence.keys if k not in keys)
    settings = tuple(Setting(n, key, *describe(policy, key)) for n, key in enumerate(keys, 1))
    return Document(f"Social media policy: {school_name}", school_name, sections, settings)


def describe(policy: Policy, key: str) -> tuple[str, str]:
    """A setting's value as the policy file writes it, and its meaning from the format reference."""
    if key in FEATURES:
        return "always on", FEATURES[key]
    value: Any = policy
    owner: Any = None
    name = ""
    parts = key.split(".")
    for i, part in enumerate(parts):
        owner, name = value, part
        if isinstance(value, dict):
            value = value.get(part)
            if i == len(parts) - 1 or value is None:
                break
            continue
        value = getattr(value, part)
    meaning = ""
    if dataclasses.is_dataclass(owner):
        fields = {f.name: f for f in dataclasses.fields(owner)}
        meaning = fields[name].metadata.get("doc", "") if name in fields else ""
    elif isinstance(owner, dict):
        meaning = typing.cast(str, config.WindowException.__doc__ or "")
    return _shown(value), meaning


def _shown(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = ", ".join(f"{f.name} = {_shown(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return "{" + inner + "}"
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}" if value else "{} (none)"
    return str(value)

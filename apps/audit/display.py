"""How the audit log reads to people: action names, groups and times in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

ACTION_LABELS = {
    "post.created": "Post written",
    "post.edited": "Post edited",
    "post.checked": "Post checked",
    "post.override": "Warning overridden",
    "post.exception": "Exception used",
    "post.deleted": "Post deleted",
    "post.takedown_failed": "Could not be taken down",
    "post.submitted": "Sent for approval",
    "post.approved": "Approved",
    "post.changes_requested": "Sent back for changes",
    "post.scheduled": "Scheduled",
    "post.held": "Held back",
    "post.published": "Published",
    "post.publish_failed": "Publishing failed",
    "roster.imported": "Roster imported",
    "policy.changed": "Policy changed",
    "agreement.published": "Agreement published",
    "agreement.signed": "Agreement signed",
    "member.invited": "Member of staff invited",
    "member.invitation_cancelled": "Invitation cancelled",
    "member.added": "Member of staff joined",
    "member.role_changed": "Role changed",
    "member.deactivated": "Member of staff removed",
    "account.created": "Account added",
    "account.changed": "Account changed",
    "school.created": "School created",
    "consent.given": "Consent given",
    "consent.withdrawn": "Consent withdrawn",
    "face.enrolled": "Face reference added",
    "face.references_deleted": "Face references deleted",
    "school.face_matching": "Face matching switched",
    "photo.added": "Photo added",
    "photo.changed": "Photo changed (tags, blurring, description)",
    "photo.removed": "Photo removed",
    "photo.reviewed": "Flagged photo looked at",
    "photo.originals_deleted": "Photo originals deleted",
    "photo.rendition_deleted": "Published photo deleted",
    "platform.connected": "Platform account connected",
    "platform.approved": "Connection approved",
    "platform.disconnected": "Platform account disconnected",
    "platform.reconnected": "Reconnected",
    "platform.reconnect_needed": "Reconnect needed",
    "platform.rotation_due": "Sign-in change due",
    "platform.rotation_permitted": "Permission to change sign-in",
    "platform.rotated": "Sign-in changed",
    "admin.added": "Added in the installation admin",
    "admin.changed": "Changed in the installation admin",
    "admin.deleted": "Deleted in the installation admin",
    "reminder.due": "Reminder sent: duty due",
    "reminder.overdue": "Reminder sent: duty overdue (headteacher told)",
    "reminder.done": "Duty recorded as done",
    "report.received": "Governors' report signed as received",
    "audit.anchored": "Audit log head recorded outside the database",
}

_APPROVALS = ("post.submitted", "post.approved", "post.changes_requested")
_PUBLISHING = ("post.scheduled", "post.held", "post.published", "post.publish_failed")


@dataclass(frozen=True)
class Group:
    """A family of actions, as the filter offers them."""

    key: str
    label: str
    actions: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    excluding: tuple[str, ...] = ()

    def matches(self, action: str) -> bool:
        if action in self.excluding:
            return False
        return action in self.actions or action.startswith(self.prefixes)

    def q(self) -> Q:
        """The database filter for this group."""
        q = Q(action__in=self.actions)
        for prefix in self.prefixes:
            q |= Q(action__startswith=prefix)
        if self.excluding:
            q &= ~Q(action__in=self.excluding)
        return q


# Prefixes catch actions added later (e.g. "post.withdrawn" is a post action).
GROUPS = (
    Group("posts", "Posts", prefixes=("post.",), excluding=_APPROVALS + _PUBLISHING),
    Group("approvals", "Approvals", actions=_APPROVALS, prefixes=("review.",)),
    Group("publishing", "Publishing", actions=_PUBLISHING, prefixes=("publication.", "publishing.", "feed.")),
    Group("people", "People and agreements", prefixes=("member.", "agreement.", "user.", "mfa.")),
    Group(
        "policy",
        "Policy, school and accounts",
        prefixes=("policy.", "school.", "account.", "reminder.", "report."),
    ),
    Group("roster", "Pupil roster and consent", prefixes=("roster.", "pupil.", "consent.", "face.")),
    Group("photos", "Photos", prefixes=("photo.",)),
    Group("platforms", "Connected accounts", prefixes=("platform.",)),
)
GROUPS_BY_KEY = {g.key: g for g in GROUPS}


def group_of(action: str) -> Group | None:
    return next((g for g in GROUPS if g.matches(action)), None)


def action_label(action: str) -> str:
    """``Sent for approval`` for ``post.submitted``; unknown actions read as they are."""
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    return action.replace("_", " ").replace(".", ": ").capitalize()


def when_in_words(moment: datetime, tz: tzinfo, now: datetime | None = None) -> str:
    """``just now``, ``5 minutes ago``, ``today at 14:05``, ``yesterday at 09:12``,
    ``Monday at 08:00``, ``Monday 9 March at 08:00``, ``9 March 2025 at 08:00``
    (in the school's time zone)."""
    now = (now or timezone.now()).astimezone(tz)
    local = moment.astimezone(tz)
    ago = now - local
    if timedelta(0) <= ago < timedelta(minutes=1):
        return "just now"
    if timedelta(0) <= ago < timedelta(hours=1):
        minutes = int(ago.total_seconds() // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    clock = f"{local:%H:%M}"
    days = (local.date() - now.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == -1:
        return f"yesterday at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if -6 <= days < 0:
        return f"{local:%A} at {clock}"
    if local.year == now.year:
        return f"{local:%A} {local.day} {local:%B} at {clock}"
    return f"{local.day} {local:%B %Y} at {clock}"


def exact_time(moment: datetime, tz: tzinfo) -> str:
    """``Monday 9 March 2026, 14:05:03 GMT``: the full time in the school's zone."""
    local = moment.astimezone(tz)
    return f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M:%S} {local.tzname()}"


def url_or_none(name: str, *args: object) -> str | None:
    """The URL for ``name``, or ``None`` when that page does not exist (yet) or the arguments do not fit."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# Where each kind of object is shown, if the page exists; "{id}" is the object's id.
_OBJECT_PAGES: dict[str, tuple[str, bool]] = {
    "post": ("posts:detail", True),
    "account": ("schools:accounts", False),
    "membership": ("schools:staff", False),
    "agreement": ("schools:agreement", False),
    "pupil": ("schools:pupil_consent", True),
    "connection": ("platforms:connections", False),
    "policyversion": ("governance:version", True),
    "chair": ("governance:index", False),
}
_OBJECT_NAMES = {
    "post": "Post",
    "account": "Account",
    "membership": "Staff member",
    "policyversion": "Policy version",
    "chair": "Chair of governors",
}


def object_link(object_type: str, object_id: str) -> tuple[str, str | None]:
    """(label, URL or ``None``) for an entry's object."""
    if not object_type:
        return "", None
    if object_type == "school":
        url = url_or_none("schools:settings")
        return ("The school's settings" if url else "The school"), url
    name = _OBJECT_NAMES.get(object_type, object_type.replace("_", " ").capitalize())
    label = f"{name} #{object_id}" if object_id else name
    page = _OBJECT_PAGES.get(object_type)
    if page is None:
        return label, None
    url_name, with_id = page
    return label, (url_or_none(url_name, object_id) if with_id else url_or_none(url_name))

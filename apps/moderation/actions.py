"""What staff do in the inbox and on the e-safety record; every change is audited.

Item actions follow the school's policy (``moderation.actions``) and what each platform allows;
:func:`options` says which apply to an item and, for those that do not, why in plain words.
Hiding, deleting, blocking and detaching keep the evidence first (:mod:`apps.moderation.evidence`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.audit.actions import record
from apps.common.crypto import CredentialsUnreadable
from apps.moderation import evidence, ingest
from apps.moderation.models import InboxItem, Incident, IncidentNote, Label, ModerationAction
from apps.moderation.permissions import can_act, can_edit_record
from apps.platforms import actions as platform_actions
from apps.platforms.base import AuthError, PermanentError, RetryableError, UnsupportedError
from apps.platforms.models import Connection
from apps.platforms.registry import label_of
from apps.schools.models import Membership

#: X has no reporting API: its own form, opened in a new tab, and the report recorded.
X_REPORT_FORM = "https://help.x.com/forms/safety-and-sensitive-content"

#: Actions that remove or cut off, and so keep the evidence first.
EVIDENCE_FIRST = frozenset({"hide", "delete", "block", "detach"})

LABELS = {
    "hide": "Hide the reply",
    "detach": "Detach the quote from the school's post",
    "block": "Block the author",
    "mute": "Mute the author",
    "report": "Report to the platform",
    "delete": "Delete the school's post",
}

DONE_WORDS = {
    "hide": "hidden",
    "detach": "quote detached",
    "block": "author blocked",
    "mute": "author muted",
    "report": "reported",
    "delete": "deleted",
}


class ActionRefused(Exception):
    """The action cannot be done: ``str()`` says why, for the person at the screen."""


@dataclass(frozen=True)
class Option:
    """One action as the item page offers it: available, or why not (and what to do instead)."""

    key: str
    label: str
    available: bool
    why: str = ""
    link: str = ""
    done_at: str = ""


def _when(stamp: str) -> str:
    """An ISO time as the page shows it ("6 Dec, 05:40"), or ``""``."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    return timezone.localtime(moment).strftime("%-d %b, %H:%M")


def options(item: InboxItem) -> list[Option]:
    """The actions the policy lists, as this platform and this kind of item allow them."""
    allowed = set(item.school.policy.moderation.actions)
    found: list[Option] = []

    def add(key: str, available: bool, why: str = "", link: str = "") -> None:
        found.append(Option(key, LABELS[key], available, why, link, _when(str(item.done.get(key, "")))))

    removes = bool(allowed & {"hide", "delete"})
    if removes and item.kind == InboxItem.Kind.REPLY and not item.is_own:
        if item.platform == "mastodon":
            add(
                "hide",
                False,
                "Mastodon does not let an account hide other people's replies. Block the author or report "
                "the reply instead: both are below.",
            )
        else:
            add("hide", True)
    if removes and item.kind == InboxItem.Kind.QUOTE and not item.is_own:
        if item.platform == "x":
            add(
                "detach",
                False,
                "X does not let an account remove someone's quote of its post. Report it or mute the author.",
            )
        else:
            add("detach", True)
    if removes and item.kind == InboxItem.Kind.MENTION and not item.is_own:
        found.append(
            Option(
                "hide",
                LABELS["hide"],
                False,
                "A mention is the author's own post, not a reply under the school's, so only they or the "
                "platform can remove it. Block, mute or report it instead.",
            )
        )
    if "block" in allowed and not item.is_own:
        if item.platform == "x":
            add(
                "block",
                False,
                "X offers blocking only to its enterprise API customers, not to schools. Mute the author "
                "and hide their replies instead, or block them yourself in the X app.",
            )
        else:
            add("block", True)
    if ("mute" in allowed or ("block" in allowed and item.platform == "x")) and not item.is_own:
        add("mute", True)
    if "report" in allowed and not item.is_own:
        if item.platform == "x":
            add(
                "report",
                True,
                "X has no way for Safepost to report. Open X's form (it opens in a new tab), report it "
                "there, then press the button to record who reported it and when.",
                X_REPORT_FORM,
            )
        else:
            add("report", True)
    if "delete" in allowed and item.is_own:
        add("delete", True)
    return found


def check_act(item: InboxItem, membership: Membership, action: str) -> Option:
    """The option for ``action`` if this member may do it on this item; :class:`ActionRefused` if not."""
    if membership.school_id != item.school_id or not can_act(membership):
        roles = ", ".join(r.replace("-", " ") for r in item.school.policy.moderation.handlers)
        raise ActionRefused(f"The school's policy says {roles} deal with these. Ask one of them.")
    option = next((o for o in options(item) if o.key == action), None)
    if option is None:
        raise ActionRefused("The school's policy does not list that action for this item.")
    if not option.available:
        raise ActionRefused(option.why)
    return option


def connection_for(item: InboxItem) -> Connection:
    connection, why = platform_actions.acting_connection(item.connection, item.account, item.platform)
    if connection is None:
        raise ActionRefused(why)
    return connection


def _perform(client: Any, item: InboxItem, action: str, note: str) -> str:
    """Ask the platform; returns what to record."""
    comment = note or f"Reported by the school ({item.school.name}): {item.get_label_display().lower()}."
    if action == "hide":
        if item.platform == "bluesky":
            client.hide_reply(item.external_id, item.root or item.in_reply_to)
        else:
            client.hide_reply(item.external_id)
        return "Hidden under the school's post."
    if action == "detach":
        client.detach_quote(item.external_id, item.in_reply_to)
        return "The quote no longer shows the school's post."
    if action == "block":
        client.block(item.author_id)
        return f"{item.author_handle} is blocked."
    if action == "mute":
        client.mute(item.author_id)
        return f"{item.author_handle} is muted."
    if action == "report":
        if item.platform == "bluesky":
            client.report(item.external_id, comment, item.label)
        elif item.platform == "mastodon":
            client.report(item.author_id, [item.external_id], comment, item.label)
        return "Reported to the platform's moderators."
    if action == "delete":
        client.delete(item.external_id)
        return "Deleted."
    raise ActionRefused("Safepost does not know that action.")


def act(item: InboxItem, membership: Membership, action: str, note: str = "") -> ModerationAction:
    """Do ``action`` on the platform, evidence first where it removes anything; always recorded.

    A platform refusal is recorded as a failed action with the platform's words and raised as
    :class:`ActionRefused`, so the page can say what happened; nothing is half-done.
    """
    check_act(item, membership, action)
    user = membership.user
    kept = (
        evidence.keep(item, user, f"before: {LABELS[action].lower()}") if action in EVIDENCE_FIRST else None
    )
    if action == "report" and item.platform == "x":
        detail, outcome = (
            f"Reported on X's own form by {user.get_full_name() or user.get_username()} (X has no reporting API).",
            ModerationAction.Outcome.RECORDED,
        )
    else:
        connection = connection_for(item)
        try:
            client = ingest.build_client(connection)
            detail = _perform(client, item, action, note)
            outcome = ModerationAction.Outcome.DONE
        except (UnsupportedError, PermanentError, RetryableError, CredentialsUnreadable) as exc:
            message = exc.explain() if isinstance(exc, PermanentError) else getattr(exc, "message", str(exc))
            if isinstance(exc, AuthError):
                platform_actions.mark_reconnect_needed(connection.pk, message)
            _record(item, user, action, ModerationAction.Outcome.FAILED, message, kept)
            raise ActionRefused(f"{label_of(item.platform)} did not do it: {message}") from exc
    return _record(item, user, action, outcome, detail, kept)


def _record(
    item: InboxItem, user: Any, action: str, outcome: str, detail: str, kept: Any
) -> ModerationAction:
    with transaction.atomic():
        done = ModerationAction.objects.create(
            school=item.school,
            item=item,
            action=action,
            by=user,
            outcome=outcome,
            detail=detail[:2000],
            evidence=kept,
        )
        if outcome != ModerationAction.Outcome.FAILED:
            stamp = timezone.now().isoformat()
            fresh = InboxItem.objects.select_for_update().get(pk=item.pk)
            fresh.done = {**fresh.done, action: stamp}
            fresh.state = InboxItem.State.DEALT_WITH
            fresh.pinned = False
            if fresh.taken_by_id is None:
                fresh.taken_by, fresh.taken_at = user, timezone.now()
            fresh.save(update_fields=["done", "state", "pinned", "taken_by", "taken_at"])
            item.done, item.state, item.pinned = fresh.done, fresh.state, fresh.pinned
        record(
            item.school,
            user,
            f"inbox.{action}" if outcome != ModerationAction.Outcome.FAILED else f"inbox.{action}_failed",
            f"{LABELS[action]} ({item.author_handle} on {label_of(item.platform)}): {detail}"[:500],
            item,
            {
                "action": action,
                "outcome": outcome,
                "evidence_sha256": kept.sha256 if kept is not None else "",
                "platform": item.platform,
                "external_id": item.external_id,
            },
        )
    return done


def take(item: InboxItem, membership: Membership) -> None:
    """Take the item: it is unpinned and shows who is dealing with it."""
    if not can_act(membership):
        raise ActionRefused("Your role does not deal with the inbox.")
    with transaction.atomic():
        updated = InboxItem.objects.filter(pk=item.pk, taken_by__isnull=True).update(
            taken_by=membership.user, taken_at=timezone.now(), pinned=False, state=InboxItem.State.TAKEN
        )
        if not updated:
            raise ActionRefused("Someone has already taken this item.")
        record(
            item.school,
            membership.user,
            "inbox.taken",
            f"Took the {item.get_kind_display().lower()} from {item.author_handle}",
            item,
            {},
        )


def set_state(item: InboxItem, membership: Membership, state: str) -> None:
    """Mark the item answered offline (a neutral question where the policy takes no replies) or as needing nothing."""
    if not can_act(membership):
        raise ActionRefused("Your role does not deal with the inbox.")
    if state == InboxItem.State.ANSWERED_OFFLINE:
        if item.label != Label.NEUTRAL:
            raise ActionRefused("Only a neutral question can be marked as answered offline.")
    elif state != InboxItem.State.NO_ACTION:
        raise ActionRefused("That is not a state an item can be put in.")
    with transaction.atomic():
        InboxItem.objects.filter(pk=item.pk).update(state=state, pinned=False)
        record(
            item.school,
            membership.user,
            f"inbox.{state}",
            f"{InboxItem.State(state).label}: the {item.get_kind_display().lower()} from {item.author_handle}",
            item,
            {},
        )
    item.state = state


# --- the e-safety record --------------------------------------------------------------------

INCIDENT_FIELDS = (
    "title",
    "description",
    "owner",
    "status",
    "actions_taken",
    "outcome",
    "reported_to_authority",
    "authority_reported_on",
    "authority_reference",
    "staff_conduct_breach",
)


def open_incident(
    membership: Membership, title: str, description: str = "", items: list[InboxItem] | None = None
) -> Incident:
    """Open an incident on the e-safety record, from items or by hand."""
    if not can_edit_record(membership):
        raise ActionRefused("Your role reads the e-safety record but does not change it.")
    school = membership.school
    items = items or []
    if any(item.school_id != school.pk for item in items):
        raise ActionRefused("Those items are not the school's.")
    with transaction.atomic():
        number = (Incident.objects.filter(school=school).aggregate(n=Max("number"))["n"] or 0) + 1
        incident = Incident.objects.create(
            school=school,
            number=number,
            title=title.strip()[:200] or "Untitled incident",
            description=description,
            opened_by=membership.user,
            owner=membership.user,
        )
        incident.items.set(items)
        record(
            school,
            membership.user,
            "incident.opened",
            f"Incident {number} opened: {incident.title}",
            incident,
            {"items": [item.pk for item in items]},
        )
    return incident


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def update_incident(incident: Incident, membership: Membership, changes: dict[str, Any]) -> list[str]:
    """Change the incident's fields; each change is in the audit record. Returns the fields changed."""
    if not can_edit_record(membership) or membership.school_id != incident.school_id:
        raise ActionRefused("Your role reads the e-safety record but does not change it.")
    changed = {}
    for name, value in changes.items():
        if name not in INCIDENT_FIELDS:
            continue
        if getattr(incident, name) != value:
            changed[name] = {"from": _plain(getattr(incident, name)), "to": _plain(value)}
            setattr(incident, name, value)
    if not changed:
        return []
    incident.updated_at = timezone.now()
    if "status" in changed:
        incident.closed_at = timezone.now() if incident.status == Incident.Status.CLOSED else None
    with transaction.atomic():
        incident.save()
        record(
            incident.school,
            membership.user,
            "incident.updated",
            f"Incident {incident.number} changed: {', '.join(f.replace('_', ' ') for f in changed)}",
            incident,
            {"changes": changed},
        )
    return list(changed)


def add_note(incident: Incident, membership: Membership, text: str) -> IncidentNote:
    """Add a dated note to the incident."""
    if not can_edit_record(membership) or membership.school_id != incident.school_id:
        raise ActionRefused("Your role reads the e-safety record but does not change it.")
    if not text.strip():
        raise ActionRefused("Write the note first.")
    with transaction.atomic():
        note = IncidentNote.objects.create(incident=incident, author=membership.user, text=text.strip())
        Incident.objects.filter(pk=incident.pk).update(updated_at=timezone.now())
        record(
            incident.school,
            membership.user,
            "incident.note",
            f"Note added to incident {incident.number}",
            incident,
            {"note": text.strip()[:1000]},
        )
    return note


def link_items(incident: Incident, membership: Membership, items: list[InboxItem]) -> None:
    """Add items to an incident."""
    if not can_edit_record(membership) or any(item.school_id != incident.school_id for item in items):
        raise ActionRefused("Your role reads the e-safety record but does not change it.")
    with transaction.atomic():
        incident.items.add(*items)
        record(
            incident.school,
            membership.user,
            "incident.items_added",
            f"{len(items)} item(s) added to incident {incident.number}",
            incident,
            {"items": [item.pk for item in items]},
        )

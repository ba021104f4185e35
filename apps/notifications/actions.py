"""Sending notifications: to the roles a policy names, in Safepost and by e-mail (COU-05).

E-mail goes through Django's e-mail settings (the console by default; SMTP when
``SAFEPOST_EMAIL_BACKEND`` and ``SAFEPOST_EMAIL_HOST`` are set), so a school's office sees the same
message in its mailbox as in Safepost. A failed e-mail never loses the notification: it is kept
in Safepost with the reason the e-mail failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.utils import timezone

from apps.notifications.models import Notification
from apps.schools.models import Membership, School

log = logging.getLogger(__name__)


def recipients(school: School, roles: Iterable[str]) -> list[Any]:
    """The active members of ``school`` holding any of ``roles``, each once."""
    members = (
        Membership.objects.filter(school=school, is_active=True, role__in=list(roles), user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    seen: dict[int, Any] = {}
    for membership in members:
        seen.setdefault(membership.user_id, membership.user)
    return list(seen.values())


def notify(
    school: School,
    roles: Sequence[str],
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    urgent: bool = False,
    email: bool = True,
) -> list[Notification]:
    """Tell everyone at ``school`` in ``roles``: a notification in Safepost, and an e-mail.

    Returns the notifications made (none when nobody holds those roles).
    """
    made = []
    for user in recipients(school, roles):
        notification = Notification.objects.create(
            school=school, user=user, kind=kind, title=title[:200], body=body, url=url, urgent=urgent
        )
        if email and user.email:
            _email(notification, user.email)
        made.append(notification)
    return made


def notify_user(
    school: School, user: Any, *, kind: str, title: str, body: str = "", url: str = "", email: bool = True
) -> Notification:
    """Tell one member of staff (e.g. why their personal account was removed as a follower)."""
    notification = Notification.objects.create(
        school=school, user=user, kind=kind, title=title[:200], body=body, url=url
    )
    if email and user.email:
        _email(notification, user.email)
    return notification


def _email(notification: Notification, address: str) -> None:
    prefix = "URGENT: " if notification.urgent else ""
    link = (
        f"\n\nOpen it in Safepost: {settings.SAFEPOST_SITE_URL.rstrip('/')}{notification.url}"
        if notification.url
        else ""
    )
    try:
        send_mail(
            subject=f"{prefix}{notification.title}"[:200],
            message=f"{notification.body}{link}\n\n— Safepost, for {notification.school.name}",
            from_email=None,
            recipient_list=[address],
        )
    except Exception as exc:  # the notification in Safepost stands; the reason is kept
        log.warning("e-mail for notification %s failed: %s", notification.pk, exc)
        Notification.objects.filter(pk=notification.pk).update(email_error=str(exc)[:300])
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def unread(user: Any, school: School) -> QuerySet[Notification]:
    """The user's unread notifications at ``school``, urgent first, newest first."""
    return Notification.objects.filter(user=user, school=school, read_at__isnull=True).order_by(
        "-urgent", "-created_at"
    )


def mark_read(user: Any, school: School, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications (these ``ids``, or all) as read; how many changed."""
    found = Notification.objects.filter(user=user, school=school, read_at__isnull=True)
    if ids is not None:
        found = found.filter(pk__in=list(ids))
    return found.update(read_at=timezone.now())

"""Changes made in the installation admin go into the audit log of every school they touch.

Django's admin writes a ``LogEntry`` for each addition, change and deletion, inside the same
transaction as the change (and before a deletion). Each one is copied into the chain of the school
the object belongs to: the object's ``school``, its post's school, or for a user (and their
e-mail addresses or authenticators) every school they are a member of. A change that touches no
school (a user with no school) is logged by the ``safepost.admin`` logger and stays in the admin's
own history.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.db import models

from apps.audit.actions import record
from apps.schools.models import Membership, School

log = logging.getLogger("safepost.admin")

_ACTIONS = {
    ADDITION: ("admin.added", "added"),
    CHANGE: ("admin.changed", "changed"),
    DELETION: ("admin.deleted", "deleted"),
}


def schools_of(obj: models.Model | None) -> list[School]:
    """The schools whose data ``obj`` is."""
    if obj is None:
        return []
    if isinstance(obj, School):
        return [obj]
    school_id = getattr(obj, "school_id", None)
    if school_id is not None:
        return list(School.objects.filter(pk=school_id))
    for parent in ("post", "photo", "account", "connection"):
        related = getattr(obj, f"{parent}_id", None) and getattr(obj, parent, None)
        if isinstance(related, models.Model):
            return schools_of(related)
    user_id = obj.pk if isinstance(obj, get_user_model()) else getattr(obj, "user_id", None)
    if user_id is not None:
        ids = Membership.objects.filter(user_id=user_id).values_list("school_id", flat=True)
        return list(School.objects.filter(pk__in=ids).order_by("pk"))
    return []


def on_admin_log(sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    action, verb = _ACTIONS.get(instance.action_flag, ("admin.changed", "changed"))
    model = instance.content_type.model_class() if instance.content_type is not None else None
    obj = None
    if model is not None and instance.object_id is not None:
        obj = model._default_manager.filter(pk=instance.object_id).first()
    label = model._meta.verbose_name if model is not None else "object"
    summary = f"Installation admin: {label} “{instance.object_repr}” {verb} by {instance.user}"
    data = {
        "model": model._meta.label if model is not None else "",
        "object_id": instance.object_id or "",
        "object": instance.object_repr,
        "change": instance.get_change_message(),
    }
    schools = schools_of(obj)
    if not schools:
        log.warning("%s (no school's data: not in any school's audit log)", summary)
    for school in schools:
        record(school, instance.user, action, summary, obj if isinstance(obj, models.Model) else None, data)

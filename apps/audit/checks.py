"""A start-up check: the audit key is usable, so a bad or unreadable key is reported before the
first entry cannot be recorded."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error
from django.core.exceptions import ImproperlyConfigured

from apps.audit import keys
from apps.common import keyfiles


def audit_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        if keyfiles.setting("SAFEPOST_AUDIT_KEY") or keys.key_file().exists():
            keys.audit_key()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="audit.E001")]
    return []

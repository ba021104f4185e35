"""A start-up check: the token keys are usable, so a bad key is reported before anyone connects."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error
from django.core.exceptions import ImproperlyConfigured

from apps.common import crypto, keyfiles


def token_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        if keyfiles.setting("SAFEPOST_TOKEN_KEYS") or crypto.key_file().exists():
            crypto.keys()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="platforms.E001")]
    return []

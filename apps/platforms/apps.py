from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.signals import setting_changed

from apps.platforms import netguard

LOOPBACK_SETTING = "SAFEPOST_PLATFORMS_ALLOW_LOOPBACK"


def _loopback_setting_changed(*, setting: str, value: Any, **kwargs: Any) -> None:
    """Keep the network guard in step with the setting (tests turn it on with override_settings)."""
    if setting == LOOPBACK_SETTING:
        netguard.ALLOW_LOOPBACK = bool(value)


class PlatformsConfig(AppConfig):
    name = "apps.platforms"
    verbose_name = "Platforms (X, Bluesky, Mastodon)"

    def ready(self) -> None:
        from apps.platforms import registry
        from apps.platforms.checks import token_keys

        # The network guard imports no Django (the platform clients use it): it is told the setting.
        netguard.ALLOW_LOOPBACK = bool(getattr(settings, LOOPBACK_SETTING, False))
        setting_changed.connect(_loopback_setting_changed, dispatch_uid="safepost-netguard-loopback")

        # The packages are found when Safepost starts (without importing them: a platform's
        # package is imported when first needed); publishing reads this list for its targets.
        registry.kinds()
        checks.register(token_keys, checks.Tags.security)

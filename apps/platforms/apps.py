from django.apps import AppConfig
from django.core import checks


class PlatformsConfig(AppConfig):
    name = "apps.platforms"
    verbose_name = "Platforms (X, Bluesky, Mastodon)"

    def ready(self) -> None:
        from apps.platforms import registry
        from apps.platforms.checks import token_keys

        # The packages are found when Safepost starts (without importing them: a platform's
        # package is imported when first needed); publishing reads this list for its targets.
        registry.kinds()
        checks.register(token_keys, checks.Tags.security)

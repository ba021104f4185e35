from django.apps import AppConfig
from django.core import checks


class PlatformsConfig(AppConfig):
    name = "apps.platforms"
    verbose_name = "Platforms (X, Bluesky, Mastodon)"

    def ready(self) -> None:
        from apps.platforms import registry, targets
        from apps.platforms.checks import token_keys

        # Registered by kind only: a platform's package is imported when a connection needs it.
        for kind in registry.kinds():
            targets.install(kind)
        checks.register(token_keys, checks.Tags.security)

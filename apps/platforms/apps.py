from django.apps import AppConfig
from django.core import checks


class PlatformsConfig(AppConfig):
    name = "apps.platforms"
    verbose_name = "Platforms (X, Bluesky, Mastodon)"

    def ready(self) -> None:
        from apps.platforms.checks import token_keys

        checks.register(token_keys, checks.Tags.security)

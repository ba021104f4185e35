from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "apps.checker"
    label = "checker"
    verbose_name = "Check a post"

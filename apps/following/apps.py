from django.apps import AppConfig


class FollowingConfig(AppConfig):
    name = "apps.following"
    verbose_name = "Accounts the school follows"

from django.apps import AppConfig


class FollowersConfig(AppConfig):
    name = "apps.followers"
    verbose_name = "Followers: the follower review, staff personal accounts and follow requests"

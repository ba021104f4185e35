from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "apps.home"
    default_auto_field = "django.db.models.BigAutoField"

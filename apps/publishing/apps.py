from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "apps.publishing"
    default_auto_field = "django.db.models.BigAutoField"

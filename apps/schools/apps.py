from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "apps.schools"
    default_auto_field = "django.db.models.BigAutoField"

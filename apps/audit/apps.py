from django.apps import AppConfig
from django.core import checks


class AuditConfig(AppConfig):
    name = "apps.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.audit.checks import audit_key

        checks.register(audit_key, checks.Tags.security)

from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_save


class AuditConfig(AppConfig):
    name = "apps.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from apps.audit.admin_log import on_admin_log
        from apps.audit.checks import audit_key

        post_save.connect(on_admin_log, sender=LogEntry, dispatch_uid="safepost-audit-admin-log")
        checks.register(audit_key, checks.Tags.security)

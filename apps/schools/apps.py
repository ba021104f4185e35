from django.apps import AppConfig
from django.db.models.signals import post_save


class SchoolsConfig(AppConfig):
    name = "apps.schools"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from apps.schools.admin_log import on_admin_log

        # Changes made in the installation admin go into the audit log of each school they touch.
        post_save.connect(on_admin_log, sender=LogEntry, dispatch_uid="safepost-audit-admin-log")

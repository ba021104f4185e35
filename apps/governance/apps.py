from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save


class GovernanceConfig(AppConfig):
    name = "apps.governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from apps.governance.actions import record_version
        from apps.schools.models import School

        def new_version(
            sender: Any, instance: School, created: bool, update_fields: Any = None, **kw: Any
        ) -> None:
            # Every change of the settings (School.policy_version goes up) is a new draft to sign.
            if created or update_fields is None or "policy_version" in update_fields:
                record_version(instance)

        post_save.connect(new_version, sender=School, weak=False, dispatch_uid="governance.new_version")

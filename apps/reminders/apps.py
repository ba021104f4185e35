from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    verbose_name = "Reminders (the policy's periodic duties)"

    def ready(self) -> None:
        # Each installed app may have a ``duties`` module that registers its duties (registry.py),
        # as each app's ``admin`` module registers its models: nothing here names them.
        autodiscover_modules("duties")

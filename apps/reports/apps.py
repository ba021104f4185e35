from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ReportsConfig(AppConfig):
    name = "apps.reports"
    verbose_name = "The governors' report"

    def ready(self) -> None:
        # An app adds a section (the follower review) from its own ``report`` module (figures.contribute).
        autodiscover_modules("report")

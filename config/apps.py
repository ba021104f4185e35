"""App configurations of the project itself (kept free of model imports: loaded before the apps)."""

from django.contrib.admin.apps import AdminConfig


class SafepostAdminConfig(AdminConfig):
    """Django's admin, with the site of config/admin.py (sign-in through allauth with MFA)."""

    default_site = "config.admin.SafepostAdminSite"

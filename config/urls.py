"""The site's URLs."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from apps.home import views as home_views
from apps.schools import invitation_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("", include("apps.checker.urls")),
    path("", include("apps.posts.urls")),
    path("audit/", include("apps.schools.audit_urls")),
    path("inbox/", include("apps.moderation.urls")),
    path("governance/", include("apps.governance.urls")),
    path("followers/", include("apps.followers.urls")),
    path("following/", include("apps.following.urls")),
    path("notifications/", include("apps.notifications.urls")),
    path("duties/", include("apps.reminders.urls")),
    path("reports/", include("apps.reports.urls")),
    path("s/", include("apps.publishing.urls")),
    path("school/connections/", include("apps.platforms.urls")),
    path("school/", include("apps.schools.urls")),
    path("invitations/<str:token>/", invitation_views.invitation, name="invitation"),
    path("accounts/", include("allauth.urls")),
]
if settings.SAFEPOST_ADMIN:  # allauth sign-in with MFA only (config/admin.py)
    urlpatterns.append(path("admin/", admin.site.urls))

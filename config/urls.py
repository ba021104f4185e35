"""The site's URLs."""

from django.contrib import admin
from django.urls import include, path

from apps.home import views as home_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("", include("apps.checker.urls")),
    path("", include("apps.posts.urls")),
    path("audit/", include("apps.audit.urls")),
    path("inbox/", include("apps.moderation.urls")),
    path("notifications/", include("apps.notifications.urls")),
    path("s/", include("apps.publishing.urls")),
    path("school/connections/", include("apps.platforms.urls")),
    path("school/", include("apps.schools.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

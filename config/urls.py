"""The site's URLs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="checker:check"), name="home"),
    path("", include("apps.checker.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

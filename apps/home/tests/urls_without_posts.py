"""The site without the posts and schools pages (as while they are being built)."""

from django.urls import include, path

from apps.home import views

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("apps.checker.urls")),
    path("audit/", include("apps.schools.audit_urls")),
    path("accounts/", include("allauth.urls")),
]

"""The audit log page's URLs, under the "audit" namespace (the page lives with the school: audit_views)."""

from django.urls import path

from apps.schools import audit_views as views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("export.csv", views.export, name="export"),
    path("export-exact.csv", views.export_exact, name="export_exact"),
]

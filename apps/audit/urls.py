from django.urls import path

from apps.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("export.csv", views.export, name="export"),
    path("export-exact.csv", views.export_exact, name="export_exact"),
]

from django.urls import path

from apps.reports import views

app_name = "reports"
urlpatterns = [
    path("governors/", views.governors, name="governors"),
    path("governors/pdf/", views.governors_pdf, name="governors_pdf"),
    path("governors/receive/", views.receive, name="receive"),
]

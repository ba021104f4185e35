from django.urls import path

from apps.checker import views

app_name = "checker"
urlpatterns = [
    path("", views.check, name="check"),
]

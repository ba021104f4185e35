from django.urls import path

from apps.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.duties, name="duties"),
    path("done/", views.mark_done, name="done"),
]

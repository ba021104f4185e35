from django.urls import path

from apps.followers import views

app_name = "followers"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("bulk/", views.bulk, name="bulk"),
    path("review-done/", views.finish, name="finish"),
    path("connections/<int:pk>/read/", views.read_now, name="read_now"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/answer/", views.answer, name="answer"),
    path("my-accounts/", views.mine, name="mine"),
    path("my-accounts/<int:pk>/forget/", views.mine_forget, name="mine_forget"),
]

from django.urls import path

from apps.following import views

app_name = "following"
urlpatterns = [
    path("", views.followed_list, name="list"),
    path("propose/", views.propose, name="propose"),
    path("review/", views.review_now, name="review"),
    path("proposals/<int:pk>/", views.proposal, name="proposal"),
    path("proposals/<int:pk>/decide/", views.decide, name="decide"),
    path("accounts/<int:pk>/", views.followed, name="followed"),
    path("accounts/<int:pk>/keep/", views.keep, name="keep"),
    path("accounts/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("read/<int:pk>/", views.read_now, name="read"),
]

"""Posts: the list (calendar), writing, one post, and approvals. Include at the site root."""

from django.urls import path

from apps.posts import photo_views, picture_views, views

app_name = "posts"
urlpatterns = [
    path("posts/", views.post_list, name="list"),
    path("posts/new/", views.compose, name="compose"),
    path("posts/calendar/", views.calendar, name="calendar"),
    path("posts/<int:pk>/", views.detail, name="detail"),
    path("posts/<int:pk>/edit/", views.edit, name="edit"),
    path("posts/<int:pk>/delete/", views.delete, name="delete"),
    path("posts/<int:pk>/retry/", views.retry, name="retry"),
    path("posts/<int:pk>/photos/", photo_views.upload, name="photo_upload"),
    path("photos/<int:photo_id>/", photo_views.change, name="photo_change"),
    path("photos/<int:photo_id>/image/", photo_views.image, name="photo_image"),
    path("pictures/", picture_views.library, name="pictures"),
    path("pictures/<int:pk>/forget/", picture_views.forget, name="picture_forget"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.review, name="review"),
]

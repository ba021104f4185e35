"""Public pages of each school's feed (no sign-in): namespace ``public``, under ``/s/``."""

from django.urls import path

from apps.publishing import views
from apps.publishing.feeds import AtomFeed, RssFeed

app_name = "public"
urlpatterns = [
    path("<slug:slug>/", views.feed_page, name="feed"),
    path("<slug:slug>/posts/<int:entry_id>/", views.entry_page, name="entry"),
    path("<slug:slug>/feed.atom", AtomFeed(), name="atom"),
    path("<slug:slug>/feed.rss", RssFeed(), name="rss"),
    path("<slug:slug>/widget.js", views.widget_js, name="widget_js"),
    path("<slug:slug>/widget/", views.widget, name="widget"),
    path("<slug:slug>/accounts/", views.accounts_page, name="accounts"),
    path("<slug:slug>/photos/<int:photo_id>.jpg", views.photo, name="photo"),
]

from django.urls import path

from apps.platforms import views

app_name = "platforms"
urlpatterns = [
    path("", views.connections, name="connections"),
    path("connect/<int:account_pk>/<slug:kind>/", views.connect, name="connect"),
    path("callback/<slug:kind>/", views.callback, name="callback"),
    path("<int:pk>/reconnect/", views.reconnect, name="reconnect"),
    path("<int:pk>/rotate/", views.rotate, name="rotate"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/disconnect/", views.disconnect, name="disconnect"),
    path("<int:pk>/permit/", views.permit, name="permit"),
    path("<int:pk>/profile/", views.profile, name="profile"),
]

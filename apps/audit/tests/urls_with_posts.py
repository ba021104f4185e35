"""The site with a stand-in for the posts pages, to test links from the log."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def _post(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse(f"post {pk}")


posts = ([path("posts/<int:pk>/", _post, name="detail")], "posts")

urlpatterns = [
    path("", include(posts)),
    path("audit/", include("apps.schools.audit_urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("apps.checker.urls")),
    path("", lambda request: HttpResponse("home"), name="home"),
]

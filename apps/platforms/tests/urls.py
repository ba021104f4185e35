"""The project's URLs, plus the platforms URLs if the project does not include them yet."""

from django.urls import URLResolver, include, path

from config.urls import urlpatterns as project_urls

urlpatterns = list(project_urls)
if not any(isinstance(p, URLResolver) and p.namespace == "platforms" for p in project_urls):
    urlpatterns.append(path("school/connections/", include("apps.platforms.urls")))

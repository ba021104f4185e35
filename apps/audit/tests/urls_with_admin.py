"""The site's URLs with the installation admin mounted, as SAFEPOST_ADMIN=1 does."""

from django.contrib import admin
from django.urls import path

from config.urls import urlpatterns as site

urlpatterns = [*site, path("admin/", admin.site.urls)]

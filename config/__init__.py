"""The Safepost Django project: settings, URLs, WSGI/ASGI, and the Celery app when it is used."""

import os

# With SAFEPOST_TASKS=celery the Celery app loads with Django (web app, manage.py and
# `celery -A config`), so tasks are sent through it. Otherwise nothing imports Celery: it
# is an optional extra.
if os.environ.get("SAFEPOST_TASKS", "").strip().lower() == "celery":
    from config.celery import app as celery_app

    __all__ = ["celery_app"]

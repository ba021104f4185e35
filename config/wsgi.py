"""WSGI entry point: ``gunicorn config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# The checker's word lists load on first use (about 2 s): load them now, beside the start-up, so
# the first teacher to type a post does not wait (issue 13).
from apps.checker.engine import warm_up_in_background  # noqa: E402 - needs the apps loaded above

warm_up_in_background()

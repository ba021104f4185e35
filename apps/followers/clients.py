"""The one seam between the follower review and the platform clients (tests replace ``build``)."""

from __future__ import annotations

from typing import Any

from apps.platforms.clients import client_for
from apps.platforms.models import Connection


def build(connection: Connection) -> Any:
    """The platform client for a connection."""
    return client_for(connection)

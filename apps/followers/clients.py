"""The one seam between the follower review and the platform clients (tests replace ``build``)."""

from __future__ import annotations

from typing import Any

from apps.platforms import actions as platform_actions
from apps.platforms.models import Connection


def build(connection: Connection) -> Any:
    """The platform client for a connection."""
    return platform_actions.client_for(connection)

"""``{% reading_status connection can_manage %}``: how reading replies and mentions is going, on the connections page."""

from __future__ import annotations

from typing import Any

from django import template

from apps.moderation import ingest, reports
from apps.moderation.models import IngestState
from apps.platforms.models import Connection

register = template.Library()


@register.inclusion_tag("moderation/_reading_status.html")
def reading_status(connection: Connection, can_manage: bool = False) -> dict[str, Any]:
    state = IngestState.objects.filter(connection=connection).first()
    return {
        "connection": connection,
        "state": state,
        "estimate": reports.x_estimate(state) if connection.kind == "x" else None,
        "intervals": ingest.X_INTERVALS,
        "interval": state.interval_minutes if state else ingest.DEFAULT_INTERVAL.get(connection.kind, 5),
        "can_manage": can_manage,
    }

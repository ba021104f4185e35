"""The reply classifier: labels, escalation and reasons (first cut: interface only)."""

from __future__ import annotations

from collections.abc import Iterable

from safepost.moderation.types import ACTIONS, Item, Judgement


def classify(item: Item, *, known_names: Iterable[str] = (), school_handles: Iterable[str] = ()) -> Judgement:
    """Judge one incoming item: its label, whether to escalate, the action and the reasons."""
    label = "neutral"
    return Judgement(label=label, escalate=False, reasons=(), action=ACTIONS[label], names=())

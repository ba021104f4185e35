"""Moderation of what comes back to a school's accounts: replies, mentions and quotes.

Plain Python (no Django, no models downloaded). :func:`classify` gives one of six labels
(threat > spam > offensive > undermining > positive > neutral), whether to escalate, the
recommended action and the reasons with their spans; :mod:`safepost.policy.moderation.lexicons` holds the
word lists and patterns, reusable for other checks (followers, the school's own tone).
"""

from safepost.policy.moderation.classifier import classify
from safepost.policy.moderation.types import ACTION_TEXT, ACTIONS, LABELS, Item, Judgement, Reason

__all__ = ["ACTIONS", "ACTION_TEXT", "LABELS", "Item", "Judgement", "Reason", "classify"]

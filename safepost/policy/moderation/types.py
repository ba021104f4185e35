"""The moderation engine's public data: an incoming item, a reason and a judgement."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: The labels, in precedence order (the first that applies wins).
LABELS: tuple[str, ...] = ("threat", "spam", "offensive", "undermining", "positive", "neutral")

#: What each label recommends, in plain words.
ACTIONS: dict[str, str] = {
    "positive": "surface",
    "neutral": "leave",
    "undermining": "hide-and-record",
    "offensive": "hide-record-block",
    "threat": "escalate-now",
    "spam": "delete-block-report",
}

#: The recommended action explained for a headteacher.
ACTION_TEXT: dict[str, str] = {
    "surface": "Surface it: a welcome mention that shows the school positively.",
    "leave": "Leave it; someone may want to answer it offline.",
    "hide-and-record": "Hide or delete it and record it on the e-safety record.",
    "hide-record-block": "Hide or delete it, record it and block the author.",
    "escalate-now": (
        "Escalate now to the designated safeguarding lead or the headteacher; keep the evidence "
        "and tell the authority where it is serious."
    ),
    "delete-block-report": "Delete it, block the author and report the account to the platform.",
}


@dataclass(frozen=True)
class Item:
    """One reply, quote or mention that came back to a school account.

    ``in_reply_to`` is the school's post the item answers or quotes (``None`` for
    a mention). Names that appear only there never count as named in the item.
    """

    text: str
    platform: str = ""
    kind: str = "reply"
    author_handle: str = ""
    author_bio: str = ""
    in_reply_to: str | None = None


@dataclass(frozen=True)
class Reason:
    """Why the classifier decided what it did: one rule that fired, and where.

    ``field`` is ``"text"`` or ``"author_bio"``; ``start``/``end`` index that
    field's original characters (``None`` when the reason has no one span,
    such as a whole-text tone).
    """

    code: str
    message: str
    field: str
    start: int | None
    end: int | None
    matched: str

    def to_dict(self) -> dict[str, Any]:
        """The reason as a JSON-ready dictionary."""
        return asdict(self)


@dataclass(frozen=True)
class Judgement:
    """The decision about one item: its label, whether to escalate, and why."""

    label: str
    escalate: bool
    reasons: tuple[Reason, ...]
    action: str
    names: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The judgement as a JSON-ready dictionary (the ``moderate --jsonl`` line, less the id)."""
        return {
            "label": self.label,
            "escalate": self.escalate,
            "action": self.action,
            "names": list(self.names),
            "reasons": [r.to_dict() for r in self.reasons],
        }

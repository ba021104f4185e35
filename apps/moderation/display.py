"""How an item's judgement reads on the page: marked spans, the policy's advice, plain labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apps.moderation.models import InboxItem, Label
from safepost.policy.moderation import ACTION_TEXT


@dataclass(frozen=True)
class Segment:
    """A stretch of the item's text; ``reason`` is set when a reason marks it."""

    text: str
    reason: str = ""


def segments(text: str, reasons: list[dict[str, Any]], field: str = "text") -> list[Segment]:
    """The text cut at the reasons' spans (overlapping spans: the first wins)."""
    spans = sorted(
        (
            (int(r["start"]), int(r["end"]), str(r.get("message") or r.get("code") or ""))
            for r in reasons
            if r.get("field") == field and isinstance(r.get("start"), int) and isinstance(r.get("end"), int)
        ),
        key=lambda span: (span[0], -span[1]),
    )
    found: list[Segment] = []
    at = 0
    for start, end, why in spans:
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            found.append(Segment(text[at:start]))
        found.append(Segment(text[start:end], why))
        at = end
    if at < len(text):
        found.append(Segment(text[at:]))
    return found


#: What the label means, first person plural, for a busy headteacher.
MEANING = {
    Label.POSITIVE: "A welcome mention that shows the school in a good light (CAT-04). Nothing to do but enjoy it.",
    Label.NEUTRAL: "A harmless question or comment. Someone may want to answer it.",
    Label.UNDERMINING: "Meant to undermine the school, its staff, governors or parents, without swearing.",
    Label.OFFENSIVE: "Swearing, abuse, discrimination or a sexual remark.",
    Label.THREAT: "A threat, self-harm, grooming-like contact or someone's whereabouts given away. Deal with it now.",
    Label.SPAM: "A scam, unwanted selling or a dodgy link.",
}


def policy_says(item: InboxItem) -> str:
    """What the school's policy says to do with an item of this label, in plain words."""
    policy = item.school.policy
    actions = ", ".join(policy.moderation.actions) or "nothing listed"
    advice = ACTION_TEXT.get(item.recommended, "")
    if item.label in (Label.POSITIVE,):
        return advice or "Surface it: a welcome mention."
    if item.label == Label.NEUTRAL:
        if policy.interaction.replies == "open":
            return "The school's policy takes questions (COU-02): someone may answer it."
        return (
            "The school's policy says the account does not answer replies. If it is a question, answer it "
            "another way (a phone call, the newsletter) and mark it “answered offline”."
        )
    extra = ""
    if item.label == Label.THREAT and policy.moderation.serious_incidents == "report-to-authority":
        extra = (
            " The policy says serious incidents go to the local authority: open an incident and record it."
        )
    keep = (
        " Keep the evidence first (Safepost does this before removing anything)."
        if policy.moderation.keep_evidence
        else ""
    )
    return f"{advice} The school's policy lists these actions: {actions}.{keep}{extra}".strip()

"""Counting a post's length the way platforms do: every link as a fixed number of characters."""

from __future__ import annotations

import re

_LINK = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")


def count_with_links(text: str, link_chars: int) -> int:
    """``len(text)`` with each link counted as ``link_chars`` characters."""
    total = len(text)
    for match in _LINK.finditer(text):
        link = match.group().rstrip(".,;:!?)")
        total += link_chars - len(link)
    return total

"""Comparing a post's text with a status as Mastodon shows it, to recognise our own earlier post.

Mastodon returns a status's text as HTML: paragraphs, ``<br />`` for new lines, links and
hashtags wrapped in ``<a>`` (with long links split into hidden ``<span>``s), mentions shown as
``@user`` without the server. :func:`same_text` reduces both sides to the words as a reader sees
them, so a post Safepost sent can be found again among the account's recent statuses.
"""

from __future__ import annotations

import html
import re

_BREAK = re.compile(r"(?i)<br\s*/?>")
_PARAGRAPH = re.compile(r"(?i)</p>\s*<p[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# @user@server.example is shown (and counted) as @user
_REMOTE_MENTION = re.compile(r"(?<![\w@])(@\w+)@[\w.-]+\w")


def html_to_text(content: str) -> str:
    """The plain text of a status's HTML ``content``, line breaks kept."""
    text = _PARAGRAPH.sub("\n\n", content)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def fingerprint(text: str) -> str:
    """``text`` reduced to what survives Mastodon's formatting: whitespace collapsed, mentions
    without their server, case kept (a changed capital is a different post)."""
    text = _REMOTE_MENTION.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def same_text(sent: str, content_html: str) -> bool:
    """Whether the status with HTML ``content_html`` shows the text ``sent``."""
    return fingerprint(sent) == fingerprint(html_to_text(content_html))

"""Template helpers for the policy document."""

from __future__ import annotations

from django import template

from apps.governance.document import Document, Sentence

register = template.Library()


@register.filter
def numbers_of(document: Document, sentence: Sentence) -> list[int]:
    """The footnote numbers of ``sentence``'s settings."""
    return document.numbers(sentence)

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone

from safepost.policy.config import preset_names

MAX_TEXT = 5000
DEFAULT_PRESET = "st-catherine"

EXCEPTION_CHOICES = [
    ("", "No, an ordinary post"),
    ("school-event", "Yes, for a school event (a match, trip or performance)"),
    ("urgent-news", "Yes, for urgent school news (such as a closure)"),
]


def preset_choices() -> list[tuple[str, str]]:
    """Every bundled policy, labelled with its school's name (loaded lazily)."""
    from apps.checker.engine import load_preset

    return [(name, load_preset(name).school.name) for name in preset_names()]


class PostTextField(forms.CharField):
    """Post text exactly as typed, with browser line endings (CRLF) made plain."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).replace("\r\n", "\n").replace("\r", "\n")


class CheckForm(forms.Form):
    text = PostTextField(
        label="Your post",
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea,  # drawn by hand in check.html, with the counter
        error_messages={
            "max_length": "A post can be at most %(limit_value)s characters; "
            "this one has %(show_value)s. Shorten it and check again."
        },
    )
    preset = forms.ChoiceField(
        label="School policy",
        choices=preset_choices,
        initial=DEFAULT_PRESET,
        error_messages={
            "required": "Choose the school policy to check against.",
            "invalid_choice": "“%(value)s” is not one of the school policies. Choose one from the list.",
        },
    )
    at = forms.DateTimeField(
        label="When it will go out",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty to check for right now.",
        error_messages={
            "invalid": "Enter a date and time such as 05/03/2026 09:10, "
            "or leave it empty to check for right now."
        },
    )
    exception = forms.ChoiceField(
        label="Posting outside school hours?",
        required=False,
        choices=EXCEPTION_CHOICES,
        error_messages={"invalid_choice": "Choose one of the reasons in the list."},
    )
    pupil_photos = forms.BooleanField(
        label="Photos of pupils are attached",
        required=False,
    )

    def publish_time(self) -> datetime:
        """When the post would go out: the chosen time, else now (Europe/London)."""
        at: datetime | None = self.cleaned_data.get("at")
        return timezone.localtime(at) if at is not None else timezone.localtime()

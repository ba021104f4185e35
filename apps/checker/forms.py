from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone

from apps.checker.engine import DEFAULT_PRESET, load_preset
from safepost.policy.config import preset_names

if TYPE_CHECKING:
    from apps.schools.models import School

MAX_TEXT = 5000
#: The choice that means "the signed-in member's own school": never a school id or name, so
#: the form can only ever mean the school the request belongs to.
YOUR_SCHOOL = "your-school"

EXCEPTION_CHOICES = [
    ("", "No, an ordinary post"),
    ("school-event", "Yes, for a school event (a match, trip or performance)"),
    ("urgent-news", "Yes, for urgent school news (such as a closure)"),
]


def preset_choices() -> list[tuple[str, str]]:
    """Every bundled policy, labelled with its school's name (loaded lazily)."""
    return [(name, load_preset(name).school.name) for name in preset_names()]


def member_choices(school: School) -> list[tuple[str, Any]]:
    """A member's choices: their own school first, then the presets, labelled as comparisons."""
    presets = [(name, f"{label} (preset, for comparison)") for name, label in preset_choices()]
    return [
        (YOUR_SCHOOL, f"Your school's policy ({school.name})"),
        ("Presets, for comparison", presets),
    ]


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

    def __init__(self, *args: Any, school: School | None = None, **kwargs: Any) -> None:
        """``school``: the signed-in member's school, offered (and chosen) before the presets.

        Only that school and the presets are ever choices, so no value sent to the
        form can select another school's policy or pupils.
        """
        super().__init__(*args, **kwargs)
        self.school = school
        if school is not None:
            field = self.fields["preset"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = member_choices(school)
            field.initial = YOUR_SCHOOL
            field.label = "Policy to check against"
            field.error_messages["invalid_choice"] = (
                "“%(value)s” is not one of the policies you can check against. "
                "Choose your school's policy or one of the presets."
            )

    @property
    def uses_school(self) -> bool:
        """Whether this (valid) form checks against the member's own school's policy."""
        return self.school is not None and self.cleaned_data.get("preset") == YOUR_SCHOOL

    def publish_time(self) -> datetime:
        """When the post would go out: the chosen time, else now (Europe/London)."""
        at: datetime | None = self.cleaned_data.get("at")
        return timezone.localtime(at) if at is not None else timezone.localtime()

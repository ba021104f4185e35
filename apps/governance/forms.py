"""Forms of the governance pages."""

from __future__ import annotations

from django import forms


class SignForm(forms.Form):
    typed_name = forms.CharField(
        label="Type your full name to sign",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "id": "sign-name"}),
    )


class ChairForm(forms.Form):
    governor = forms.TypedChoiceField(label="Chair of governors", coerce=int, choices=[])

    def __init__(self, *args: object, choices: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["governor"].choices = choices  # type: ignore[attr-defined]


class LetterForm(forms.Form):
    text = forms.CharField(
        label="The text parents will receive",
        help_text="Change anything you like. A line starting with “- ” is printed as a bullet point.",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 28, "id": "letter-text"}),
    )

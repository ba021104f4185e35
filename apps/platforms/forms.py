"""Forms for connecting a platform account: they say what each box is for and what happens next."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from apps.platforms import netguard

#: Platforms that live on many servers: (label, help, default).
SERVERS: dict[str, tuple[str, str, str]] = {
    "mastodon": (
        "Your Mastodon server",
        "The address of the server the school's account is on, e.g. https://mastodon.social. It is the "
        "part after the second @ in the account's full name (@school@mastodon.social).",
        "",
    ),
    "bluesky": (
        "Bluesky server",
        "Leave as it is unless the school runs its own Bluesky server (PDS).",
        "https://bsky.social",
    ),
}


def clean_server(value: str) -> str:
    value = value.strip().rstrip("/")
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError as exc:
        raise ValidationError(
            "That does not look like a server address. Type it like https://mastodon.social."
        ) from exc
    parts = urlsplit(value)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValidationError("Type only the server's address, like https://mastodon.social.")
    # Plain http (a password could be read on the way) and addresses inside a private network
    # (the hosting network's own services) are refused; see apps/platforms/netguard.py.
    problem = netguard.check_server(value)
    if problem:
        raise ValidationError(problem)
    return value


class ServerField(forms.CharField):
    def clean(self, value: Any) -> str:
        return clean_server(str(super().clean(value) or ""))


class OAuthStartForm(forms.Form):
    """Sending the senior leader to the platform to sign in (X, Mastodon)."""

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kind in SERVERS:
            label, help_text, default = SERVERS[kind]
            self.fields["server"] = ServerField(
                label=label, help_text=help_text, initial=default, required=not default, max_length=200
            )
            self.fields["server"].widget.attrs.update(
                {"inputmode": "url", "autocomplete": "url", "placeholder": "https://"}
            )


class AppPasswordForm(forms.Form):
    """Signing in with an app password (Bluesky): the password is used once and never stored."""

    handle = forms.CharField(
        label="The school's Bluesky handle",
        max_length=253,
        help_text="The account's name on Bluesky, e.g. stcatherines.bsky.social (without the @).",
    )
    app_password = forms.CharField(
        label="App password",
        max_length=100,
        strip=True,
        widget=forms.PasswordInput(render_value=False),
        help_text=(
            "Make one in Bluesky: Settings → Privacy and security → App passwords → Add. Never use the "
            "account's main password here. Safepost signs in with it once and keeps only the session, "
            "never the password."
        ),
    )
    server = ServerField(
        label=SERVERS["bluesky"][0],
        help_text=SERVERS["bluesky"][1],
        initial=SERVERS["bluesky"][2],
        max_length=200,
    )

    def __init__(self, *args: Any, kind: str = "bluesky", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handle"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["app_password"].widget.attrs.update({"autocomplete": "off"})

    def clean_handle(self) -> str:
        handle = str(self.cleaned_data["handle"]).strip().lstrip("@")
        if not handle or " " in handle:
            raise ValidationError("Type the handle without spaces, e.g. stcatherines.bsky.social.")
        return handle

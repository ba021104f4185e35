"""Forms for connecting a platform account: they say what each box is for and what happens next."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from apps.platforms import netguard, registry
from apps.platforms.base import Platform


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


def server_field(platform: Platform) -> ServerField | None:
    """The box for the school's server, as the platform declares it (``None``: it has one server)."""
    if platform.server is None:
        return None
    default = str(registry.config_for(platform.kind).get("default_server") or platform.server.default)
    field = ServerField(
        label=platform.server.label,
        help_text=platform.server.help_text,
        initial=default,
        required=not default,
        max_length=200,
    )
    field.widget.attrs.update({"inputmode": "url", "autocomplete": "url", "placeholder": "https://"})
    return field


class OAuthStartForm(forms.Form):
    """Sending the senior leader to the platform to sign in (X, Mastodon)."""

    def __init__(self, *args: Any, platform: Platform, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        server = server_field(platform)
        if server is not None:
            self.fields["server"] = server


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

    def __init__(self, *args: Any, platform: Platform, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        server = server_field(platform)
        if server is not None:
            self.fields["server"] = server
        self.fields["handle"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["app_password"].widget.attrs.update({"autocomplete": "off"})

    def clean_handle(self) -> str:
        handle = str(self.cleaned_data["handle"]).strip().lstrip("@")
        if not handle or " " in handle:
            raise ValidationError("Type the handle without spaces, e.g. stcatherines.bsky.social.")
        return handle

"""The platforms this installation ships (X, Bluesky, Mastodon) appear on the pages without errors."""

from __future__ import annotations

from apps.platforms import registry
from apps.platforms.tests.conftest import BASE
from apps.schools.testing import Personas, client_for


def test_every_installed_platform_can_be_started_from_the_connections_page(p: Personas) -> None:
    client = client_for(p.senior)
    page = client.get(BASE).content.decode()

    for platform in registry.platforms():
        assert platform.label in page
        form = client.get(f"{BASE}connect/{p.main.pk}/{platform.kind}/")
        assert form.status_code == 200
        assert f"Connect {p.main.name} to {platform.label}".replace("'", "&#x27;") in form.content.decode()


def test_starting_without_the_platforms_settings_explains_itself_instead_of_crashing(p: Personas) -> None:
    client = client_for(p.senior)

    for platform in registry.platforms():
        if platform.auth != "oauth":
            continue
        response = client.post(
            f"{BASE}connect/{p.main.pk}/{platform.kind}/", {"server": "http://127.0.0.1:9"}
        )
        # No X app configured, no Mastodon server listening: the form comes back with the reason.
        assert response.status_code == 200, platform.kind
        assert 'class="message message--error"' in response.content.decode(), platform.kind

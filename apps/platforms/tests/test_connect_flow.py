"""Connecting an account: a senior leader signs in on the platform, the headteacher approves (SUT-02)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection as db
from django.test import Client

from apps.audit.models import AuditEntry
from apps.platforms import testing
from apps.platforms.base import Authorisation
from apps.platforms.models import Connection
from apps.platforms.tests.conftest import BASE, connect
from apps.platforms.tests.fakes import SCHOOL, SOMEONE_ELSE, FakeWorld, oauth_platform
from apps.schools.testing import Personas, client_for


def start_oauth(client: Client, p: Personas, kind: str = "fakeoauth") -> str:
    response = client.post(f"{BASE}connect/{p.main.pk}/{kind}/")
    assert response.status_code == 302, response.content.decode()[:500]
    return str(response["Location"])


def audit_actions(p: Personas) -> list[str]:
    return list(
        AuditEntry.objects.filter(school=p.school, action__startswith="platform.").values_list(
            "action", flat=True
        )
    )


def test_a_senior_leader_connects_through_the_platform_and_the_connection_waits_for_approval(
    p: Personas, world: FakeWorld
) -> None:
    client = client_for(p.senior)
    page = client.get(f"{BASE}connect/{p.main.pk}/fakeoauth/")
    assert "Nothing is posted until the headteacher approves" in page.content.decode()

    url = start_oauth(client, p)
    query = parse_qs(urlparse(url).query)
    assert url.startswith("https://fake.example/authorize")
    assert query["redirect_uri"] == ["http://testserver/school/connections/callback/fakeoauth/"]

    done = client.get(f"{BASE}callback/fakeoauth/", world.consent(url), follow=True)

    connection = Connection.objects.get(account=p.main, kind="fakeoauth")
    assert connection.status == Connection.Status.WAITING
    assert connection.handle == "@stcaths" and connection.started_by == p.senior
    assert "Nothing is posted there until the headteacher approves it" in done.content.decode()
    assert audit_actions(p) == ["platform.connected"]


def test_the_headteacher_sees_the_waiting_connection_and_approves_it(p: Personas, world: FakeWorld) -> None:
    waiting = connect(p, world, status="waiting-approval")
    head = client_for(p.head)
    assert "Waiting for the headteacher" in head.get(BASE).content.decode()

    head.post(f"{BASE}{waiting.pk}/approve/")

    waiting.refresh_from_db()
    assert waiting.status == Connection.Status.ACTIVE and waiting.approved_by == p.head
    assert audit_actions(p) == ["platform.approved"]


def test_a_senior_leader_cannot_approve_a_connection(p: Personas, world: FakeWorld) -> None:
    waiting = connect(p, world, status="waiting-approval")

    response = client_for(p.senior).post(f"{BASE}{waiting.pk}/approve/")

    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Connection.Status.WAITING


def test_the_callback_refuses_a_state_it_did_not_issue(p: Personas, world: FakeWorld) -> None:
    client = client_for(p.senior)
    url = start_oauth(client, p)
    params = world.consent(url)

    response = client.get(f"{BASE}callback/fakeoauth/", {**params, "state": "forged"}, follow=True)

    assert "could not be matched to one you started here" in response.content.decode()
    assert not Connection.objects.exists()


def test_the_callback_cannot_be_used_twice(p: Personas, world: FakeWorld) -> None:
    client = client_for(p.senior)
    params = world.consent(start_oauth(client, p))
    client.get(f"{BASE}callback/fakeoauth/", params)
    Connection.objects.all().delete()

    again = client.get(f"{BASE}callback/fakeoauth/", params, follow=True)

    assert "could not be matched" in again.content.decode()
    assert not Connection.objects.exists()


def test_the_callback_in_another_persons_session_connects_nothing(p: Personas, world: FakeWorld) -> None:
    params = world.consent(start_oauth(client_for(p.senior), p))

    response = client_for(p.head).get(f"{BASE}callback/fakeoauth/", params, follow=True)

    assert "could not be matched" in response.content.decode()
    assert not Connection.objects.exists()


def test_the_pkce_verifier_kept_in_the_session_is_what_the_platform_checks(
    p: Personas, world: FakeWorld
) -> None:
    client = client_for(p.senior)
    url = start_oauth(client, p)
    params = world.consent(url)
    world.challenges[params["state"]] = "a-different-verifier"

    response = client.get(f"{BASE}callback/fakeoauth/", params, follow=True)

    assert "did not accept the sign-in" in response.content.decode()
    assert not Connection.objects.exists()


def test_a_refusal_on_the_platform_is_explained_and_nothing_is_connected(
    p: Personas, world: FakeWorld
) -> None:
    client = client_for(p.senior)
    state = world.consent(start_oauth(client, p))["state"]

    response = client.get(
        f"{BASE}callback/fakeoauth/", {"state": state, "error": "access_denied"}, follow=True
    )

    assert (
        "Fakeverse did not give access (access_denied). Nothing was connected." in response.content.decode()
    )
    assert not Connection.objects.exists()


def test_an_app_password_signs_in_once_and_is_never_stored(p: Personas, world: FakeWorld) -> None:
    world.passwords[("stcaths.bsky.social", "abcd-efgh-ijkl-mnop")] = SCHOOL
    client = client_for(p.senior)

    client.post(
        f"{BASE}connect/{p.main.pk}/fakepass/",
        {"handle": "@stcaths.bsky.social", "app_password": "abcd-efgh-ijkl-mnop", "server": "bsky.social"},
    )

    connection = Connection.objects.get(kind="fakepass")
    assert connection.status == Connection.Status.WAITING
    assert connection.credentials()["access_token"] in world.tokens
    assert world.signed_in_with == ["https://bsky.social"]
    with db.cursor() as cursor:
        for table in ("platforms_connection", "audit_auditentry"):
            cursor.execute(f"SELECT * FROM {table}")
            assert "abcd-efgh-ijkl-mnop" not in repr(cursor.fetchall())
    sessions = [s.get_decoded() for s in Session.objects.all()]
    assert sessions and "abcd-efgh-ijkl-mnop" not in repr(sessions)


def test_a_wrong_app_password_is_explained_on_the_form(p: Personas, world: FakeWorld) -> None:
    response = client_for(p.senior).post(
        f"{BASE}connect/{p.main.pk}/fakepass/",
        {"handle": "stcaths.bsky.social", "app_password": "wrong", "server": "https://bsky.social"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Fakesky did not accept the sign-in" in text and "Invalid identifier or password" in text
    assert not Connection.objects.exists()


def test_a_class_teacher_cannot_start_a_connection(p: Personas, world: FakeWorld) -> None:
    client = client_for(p.teacher)

    assert client.get(f"{BASE}connect/{p.oak.pk}/fakeoauth/").status_code == 403
    assert client.post(f"{BASE}connect/{p.oak.pk}/fakeoauth/").status_code == 403


def test_staff_never_see_the_tokens(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world, account=p.oak)
    token = connection.credentials()["access_token"]

    for user in (p.teacher, p.head, p.senior, p.governor):
        page = client_for(user).get(BASE).content.decode()
        assert "Connected" in page and token not in page
        assert connection.credentials_encrypted not in page


def test_a_class_teacher_sees_only_the_accounts_they_hold(p: Personas, world: FakeWorld) -> None:
    page = client_for(p.teacher).get(BASE).content.decode()

    assert "Oak Class" in page and p.main.name not in page


def test_a_second_account_on_the_same_platform_needs_the_first_disconnected(
    p: Personas, world: FakeWorld
) -> None:
    connect(p, world)
    client = client_for(p.senior)
    response = client.get(f"{BASE}connect/{p.main.pk}/fakeoauth/", follow=True)

    assert "already connected to Fakeverse" in response.content.decode()
    assert Connection.objects.count() == 1


def test_disconnecting_deletes_the_saved_sign_in_and_stops_publishing(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)

    client_for(p.senior).post(f"{BASE}{connection.pk}/disconnect/")

    connection.refresh_from_db()
    assert connection.status == Connection.Status.DISCONNECTED
    assert connection.credentials_encrypted == ""
    assert audit_actions(p) == ["platform.disconnected"]
    from apps.publishing.targets import targets_for

    assert [t.kind for t in targets_for(p.main)] == ["website"]


def test_the_page_says_what_a_platform_cannot_do_when_the_policy_asks_for_it(
    db: None, world: FakeWorld
) -> None:
    from apps.platforms.base import Capabilities
    from apps.platforms.tests.fakes import oauth_platform
    from apps.schools.testing import make_personas

    no_replies = make_personas(preset="sutton-manor", slug="sutton")
    takes_replies = make_personas(preset="st-catherine", slug="caths")
    odon = oauth_platform(world, "fakeodon", "Fakedon", Capabilities(False, True, False, True))

    with testing.registered(odon):
        strict = client_for(no_replies.head).get(BASE).content.decode()
        relaxed = client_for(takes_replies.head).get(BASE).content.decode()

    assert "Fakedon cannot limit who replies to a post" in strict
    assert "Fakedon cannot limit who replies" not in relaxed


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "connect/{account}/fakeoauth/"),
        ("post", "connect/{account}/fakeoauth/"),
        ("get", "{connection}/reconnect/"),
        ("get", "{connection}/rotate/"),
        ("post", "{connection}/approve/"),
        ("post", "{connection}/disconnect/"),
        ("post", "{connection}/permit/"),
    ],
)
def test_an_outsider_gets_404(p: Personas, world: FakeWorld, method: str, path: str) -> None:
    connection = connect(p, world, status="waiting-approval" if "approve" in path else "active")
    url = BASE + path.format(account=p.main.pk, connection=connection.pk)

    response = getattr(client_for(p.outsider), method)(url)

    assert response.status_code == 404
    connection.refresh_from_db()
    assert connection.status in Connection.LIVE


def test_an_outsider_sees_none_of_the_schools_connections(p: Personas, world: FakeWorld) -> None:
    connect(p, world)

    page = client_for(p.outsider).get(BASE).content.decode()

    assert "@stcaths" not in page and p.school.name not in page


def test_an_outsiders_callback_does_not_reach_the_schools_sign_in(p: Personas, world: FakeWorld) -> None:
    params = world.consent(start_oauth(client_for(p.senior), p))

    client_for(p.outsider).get(f"{BASE}callback/fakeoauth/", params)

    assert not Connection.objects.exists()


def test_reconnecting_as_a_different_account_is_refused(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world, status="reconnect-needed", approved_at=None)
    client = client_for(p.senior)
    url = str(client.post(f"{BASE}{connection.pk}/reconnect/")["Location"])

    response = client.get(f"{BASE}callback/fakeoauth/", world.consent(url, SOMEONE_ELSE), follow=True)

    assert "You signed in as @someone_else, but this connection is for @stcaths" in response.content.decode()
    connection.refresh_from_db()
    assert connection.status == Connection.Status.RECONNECT


def test_a_server_address_over_plain_http_is_refused_so_no_password_travels_unencrypted() -> None:
    from django.core.exceptions import ValidationError

    from apps.platforms.forms import clean_server

    assert clean_server("bsky.social") == "https://bsky.social"
    assert clean_server("http://127.0.0.1:2583") == "http://127.0.0.1:2583"  # a test server on this machine
    with pytest.raises(ValidationError, match="https://"):
        clean_server("http://pds.example.org")


def test_a_working_connection_is_not_reconnected_but_rotated(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)
    before = connection.credentials()

    response = client_for(p.teacher).post(f"{BASE}{connection.pk}/reconnect/", follow=True)

    assert "use Change sign-in to renew it" in response.content.decode()
    connection.refresh_from_db()
    assert connection.credentials() == before and connection.status == Connection.Status.ACTIVE


def test_the_pkce_verifier_and_client_secret_are_never_readable_in_the_session(
    p: Personas, world: FakeWorld
) -> None:
    fake = oauth_platform(world)
    real_start = fake.start_authorisation
    assert real_start is not None

    def start_with_a_secret(config: dict[str, Any], callback_url: str, server: str) -> Authorisation:
        started = real_start(config, callback_url, server)
        return replace(started, extra={"client_secret": "mastodon-client-secret-8812"})

    with testing.only([replace(fake, start_authorisation=start_with_a_secret)]):
        client = client_for(p.senior)
        url = start_oauth(client, p)
        verifier = world.challenges[parse_qs(urlparse(url).query)["state"][0]]

        stored = json.dumps(SessionStore(session_key=client.session.session_key).load())
        assert verifier not in stored and "mastodon-client-secret-8812" not in stored
        # ...and the flow still finishes with them.
        client.get(f"{BASE}callback/fakeoauth/", world.consent(url), follow=True)
    assert Connection.objects.filter(account=p.main, kind="fakeoauth").exists()

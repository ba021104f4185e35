"""The follower review against mastodon-mock: followers and follow notifications read with their
profiles, a follower removed (read back), a locked account's requests authorised and rejected."""

from __future__ import annotations

from typing import Any

import pytest
from mastodon_mock.testing import MockServer

from apps.followers import actions, clients, ingest
from apps.followers.models import Follower, IngestState
from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.tests.conftest import as_user, credentials_for
from apps.platforms.models import Connection
from apps.schools.models import Membership
from apps.schools.testing import make_personas


@pytest.fixture(autouse=True)
def _inline(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SAFEPOST_TOKEN_KEY_FILE = str(tmp_path / "token.key")


def _connect(
    server: MockServer, username: str, preset: str, slug: str, monkeypatch: pytest.MonkeyPatch
) -> Any:
    p = make_personas(preset=preset, slug=slug)
    connection = Connection(
        school=p.school,
        account=p.main,
        kind="mastodon",
        handle=f"@{username}@mock",
        server_url=server.base_url,
        status=Connection.Status.ACTIVE,
        started_by=p.senior,
        approved_by=p.head,
    )
    connection.set_credentials(credentials_for(server, username))
    connection.save()
    client = MastodonClient(credentials_for(server, username), lambda creds: None)
    monkeypatch.setattr(clients, "build", lambda c: client)
    return p, connection, client


def _relationship(server: MockServer, me: str, other: str) -> dict[str, Any]:
    reader = as_user(server, me)
    other_id = reader.account_lookup(other)["id"]
    return dict(reader.account_relationships([other_id])[0])


def test_followers_are_read_with_their_profiles_and_one_is_removed(
    db: None, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    p, connection, _client = _connect(server, "stcaths", "sutton-manor", "masto-fol", monkeypatch)
    troll = as_user(server, "troll")
    troll.account_update_credentials(note="Best casino bonuses every day, 18+")
    troll.account_follow(as_user(server, "stcaths").account_verify_credentials()["id"])

    outcome = ingest.ingest(connection.pk)

    assert not outcome.error, outcome.error
    followers = {f.handle: f for f in Follower.objects.filter(school=p.school)}
    assert set(followers) == {"parent@mock.local", "troll@mock.local"}
    bad = followers["troll@mock.local"]
    assert bad.bio.startswith("Best casino bonuses") and bad.joined_at is not None
    assert bad.recommended == "block" and "gambling" in [s["code"] for s in bad.signals]
    assert followers["troll@mock.local"].followed_at is not None  # from the follow notification
    state = IngestState.objects.get(connection=connection)
    assert state.notifications_cursor and state.last_full_pass_at is not None
    assert ingest.ingest(connection.pk).new == []

    head = Membership.objects.get(user=p.head, school=p.school)
    actions.decide(bad, head, "remove", "Gambling advert, not school-focused")

    assert _relationship(server, "stcaths", "troll")["followed_by"] is False
    assert _relationship(server, "stcaths", "troll")["blocking"] is False
    assert _relationship(server, "stcaths", "parent")["followed_by"] is True
    assert Follower.objects.get(pk=bad.pk).state == Follower.State.REMOVED


def test_a_locked_accounts_follow_requests_are_authorised_and_rejected_in_safepost(
    db: None, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    p, connection, _client = _connect(server, "courtney", "courtney", "masto-cou", monkeypatch)
    courtney_id = as_user(server, "courtney").account_verify_credentials()["id"]
    as_user(server, "parent").account_follow(courtney_id)
    troll = as_user(server, "troll")
    troll.account_update_credentials(note="Sugar daddy, DM me")
    troll.account_follow(courtney_id)

    ingest.ingest(connection.pk)

    waiting = {f.handle: f for f in Follower.objects.filter(relation=Follower.Relation.REQUEST)}
    assert set(waiting) == {"parent@mock.local", "troll@mock.local"}
    assert "adult" in [s["code"] for s in waiting["troll@mock.local"].signals]
    computing = Membership.objects.get(user=p.computing, school=p.school)  # Courtney names the computing lead

    actions.answer_request(waiting["parent@mock.local"], computing, approve=True, reason="A Year 2 parent")
    actions.answer_request(waiting["troll@mock.local"], computing, approve=False)

    assert _relationship(server, "courtney", "parent")["followed_by"] is True
    assert _relationship(server, "courtney", "troll")["followed_by"] is False
    assert list(as_user(server, "courtney").follow_requests()) == []
    ingest.ingest(connection.pk)
    parent = Follower.objects.get(handle="parent@mock.local")
    assert parent.relation == Follower.Relation.FOLLOWER and parent.state == Follower.State.KEPT
    assert Follower.objects.get(handle="troll@mock.local").state == Follower.State.REJECTED

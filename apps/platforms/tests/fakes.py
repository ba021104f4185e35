"""A fake platform for the Django side's tests: an authorisation server, accounts and a post store.

It keeps to the contract of :mod:`apps.platforms.base` exactly as the real packages do: the
OAuth steps check ``state`` and the PKCE verifier, the client raises ``AuthError`` for revoked
tokens and refreshes expiring ones through ``save``.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from apps.platforms.base import (
    AccountInfo,
    AuthError,
    Authorisation,
    Capabilities,
    CredentialsSaver,
    Limits,
    Outgoing,
    Platform,
    PublishResult,
    Server,
    links_in,
)

SCHOOL = AccountInfo(external_id="1001", handle="@stcaths", display_name="St Catherine's")
SOMEONE_ELSE = AccountInfo(external_id="2002", handle="@someone_else")


@dataclass
class FakeWorld:
    """The platform's side: who each token signs in as, what was posted, what was handed out."""

    tokens: dict[str, AccountInfo] = field(default_factory=dict)
    refresh_tokens: dict[str, AccountInfo] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    challenges: dict[str, str] = field(default_factory=dict)  # state -> PKCE verifier
    codes: dict[str, tuple[str, AccountInfo]] = field(default_factory=dict)  # code -> (state, who)
    passwords: dict[tuple[str, str], AccountInfo] = field(default_factory=dict)
    posts: dict[uuid.UUID, tuple[Outgoing, str]] = field(default_factory=dict)
    refresh_next_use: bool = False
    signed_in_with: list[str] = field(default_factory=list)
    reposts: list[tuple[str, str]] = field(default_factory=list)  # (reposting token, post id)
    profiles: dict[str, str] = field(default_factory=dict)  # external id -> profile text

    def issue(self, who: AccountInfo) -> dict[str, Any]:
        access, refresh = f"access-{secrets.token_hex(8)}", f"refresh-{secrets.token_hex(8)}"
        self.tokens[access] = who
        self.refresh_tokens[refresh] = who
        return {"access_token": access, "refresh_token": refresh, "expires_at": 1_900_000_000}

    def consent(self, authorise_url: str, who: AccountInfo = SCHOOL) -> dict[str, str]:
        """The senior leader signs in on the platform and allows Safepost: the callback's parameters."""
        state = authorise_url.split("state=")[1].split("&")[0]
        code = f"code-{secrets.token_hex(6)}"
        self.codes[code] = (state, who)
        return {"state": state, "code": code}

    def revoke_all(self) -> None:
        self.revoked.update(self.tokens)


class FakeClient:
    def __init__(
        self, world: FakeWorld, kind: str, credentials: dict[str, Any], save: CredentialsSaver
    ) -> None:
        self.world, self.kind, self.credentials, self.save = world, kind, dict(credentials), save

    def _who(self) -> AccountInfo:
        token = self.credentials.get("access_token", "")
        if token in self.world.revoked or token not in self.world.tokens:
            raise AuthError(
                "The platform no longer accepts this sign-in",
                platform_text="Invalid or expired token",
                advice="Ask the account holder to reconnect",
            )
        if self.world.refresh_next_use:
            self.world.refresh_next_use = False
            who = self.world.tokens[token]
            self.credentials = self.world.issue(who)
            self.save(self.credentials)
        return self.world.tokens[self.credentials["access_token"]]

    def limits(self) -> Limits:
        return Limits(max_chars=250, max_media=4)

    def whoami(self) -> AccountInfo:
        who = self._who()
        text = self.world.profiles.get(who.external_id, "")
        return replace(who, description=text, links=links_in(text))

    def set_profile_text(self, text: str, link_name: str = "", link: str = "") -> None:
        who = self._who()
        self.world.profiles[who.external_id] = f"{text} {link}".strip() if link and link not in text else text

    def publish(self, post: Outgoing, idempotency_key: uuid.UUID) -> PublishResult:
        self._who()
        external_id = f"post-{len(self.world.posts) + 1}"
        self.world.posts[idempotency_key] = (post, external_id)
        return PublishResult(external_id, f"https://fake.example/{external_id}")

    def find_existing(self, idempotency_key: uuid.UUID) -> PublishResult | None:
        self._who()
        found = self.world.posts.get(idempotency_key)
        return PublishResult(found[1], f"https://fake.example/{found[1]}") if found else None

    def delete(self, external_id: str) -> None:
        self._who()

    def repost(self, external_id: str) -> PublishResult:
        self._who()
        self.world.reposts.append((self.credentials["access_token"], external_id))
        return PublishResult(f"repost-of-{external_id}")

    def block(self, user_id: str) -> None:
        return None

    def mute(self, user_id: str) -> None:
        return None


def oauth_platform(
    world: FakeWorld,
    kind: str = "fakeoauth",
    label: str = "Fakeverse",
    capabilities: Capabilities | None = None,
) -> Platform:
    def start(config: dict[str, Any], callback_url: str, server: str) -> Authorisation:
        state, verifier = secrets.token_urlsafe(16), secrets.token_urlsafe(32)
        world.challenges[state] = verifier
        query = urlencode({"state": state, "redirect_uri": callback_url})
        return Authorisation(url=f"https://fake.example/authorize?{query}", state=state, verifier=verifier)

    def finish(
        config: dict[str, Any], authorisation: Authorisation, params: dict[str, str]
    ) -> dict[str, Any]:
        state, who = world.codes.pop(params.get("code", ""), ("", SCHOOL))
        if state != authorisation.state or world.challenges.get(state) != authorisation.verifier:
            raise AuthError("The platform refused the sign-in", platform_text="invalid_grant")
        return world.issue(who)

    return Platform(
        kind=kind,
        label=label,
        auth="oauth",
        capabilities=capabilities or Capabilities(True, True, True, True, set_profile=True),
        client=lambda credentials, save: FakeClient(world, kind, credentials, save),
        start_authorisation=start,
        finish_authorisation=finish,
    )


def password_platform(world: FakeWorld, kind: str = "fakepass", label: str = "Fakesky") -> Platform:
    def sign_in(config: dict[str, Any], server: str, handle: str, app_password: str) -> dict[str, Any]:
        who = world.passwords.get((handle, app_password))
        world.signed_in_with.append(server)
        if who is None:
            raise AuthError(
                "Incorrect handle or app password", platform_text="Invalid identifier or password"
            )
        return {**world.issue(who), "service": server}

    return Platform(
        kind=kind,
        label=label,
        auth="app-password",
        capabilities=Capabilities(limit_replies=True, block=True, disable_quotes=True, followers_only=False),
        client=lambda credentials, save: FakeClient(world, kind, credentials, save),
        sign_in=sign_in,
        server=Server(
            "Fakesky server", "Leave as it is unless the school runs its own.", "https://fakesky.example"
        ),
    )

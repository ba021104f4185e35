"""Official accounts identify themselves (SUT-17, council policy 6.3 and 6.5).

Each connected account's profile, as last read (at connection and at every check of the
connection), should say that it is the school's official account and link to the list of the
school's official accounts: Safepost's public page of them, or the school website.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from apps.platforms.models import Connection
from apps.schools.models import School

_OFFICIAL = re.compile(r"\bofficial\b", re.IGNORECASE)
#: The Mastodon profile field Safepost sets to the list's address.
LIST_FIELD = "Official accounts"


@dataclass(frozen=True)
class ProfileCheck:
    """What a connected account's profile says, and the wording Safepost suggests."""

    read: bool
    states_official: bool
    links_to_list: bool
    suggestion: str

    @property
    def ok(self) -> bool:
        return self.states_official and self.links_to_list


def _host(address: str) -> str:
    parts = urlsplit(address if "//" in address else f"https://{address}")
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def links_to_list(links: list[str], school: School, list_url: str) -> bool:
    """Whether one of ``links`` is the school's list of official accounts or its website."""
    list_path = f"/s/{school.slug}/accounts"
    website = _host(school.website) if school.website else ""
    for link in links:
        if list_path in link or (list_url and link.rstrip("/") == list_url.rstrip("/")):
            return True
        if website and (_host(link) == website or _host(link).endswith("." + website)):
            return True
    return False


def suggested_text(school: School, list_url: str, limit: int = 256) -> str:
    """A profile text saying the account is the school's official one, with the list's address."""
    text = f"The official account of {school.name}. Our official accounts: {list_url}"
    if len(text) > limit:
        text = f"Official account of {school.name[: max(0, limit - len(list_url) - 25)].rstrip()}. {list_url}"
    return text


def check_profile(connection: Connection, list_url: str) -> ProfileCheck:
    """The profile of ``connection`` against SUT-17, with the suggested wording."""
    school = connection.school
    read = connection.last_checked_at is not None or bool(connection.profile_text or connection.profile_links)
    return ProfileCheck(
        read=read,
        states_official=bool(_OFFICIAL.search(connection.profile_text)),
        links_to_list=links_to_list(list(connection.profile_links or []), school, list_url),
        suggestion=suggested_text(school, list_url),
    )

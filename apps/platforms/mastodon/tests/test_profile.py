"""The official-account wording on a Mastodon profile (SUT-17), against mastodon-mock."""

from __future__ import annotations

from mastodon_mock.testing import MockServer

from apps.platforms.mastodon.client import MastodonClient
from apps.platforms.mastodon.tests.conftest import as_user

LIST = "https://safepost.example-school.sch.uk/s/st-caths/accounts/"


def test_the_bio_and_the_official_accounts_field_are_set_and_read_back(
    school: MastodonClient, server: MockServer
) -> None:
    school.set_profile_text("The official account of St Catherine's.", "Official accounts", LIST)

    info = school.whoami()
    assert info.description == "The official account of St Catherine's."
    assert LIST in info.links
    seen = dict(as_user(server, "parent").account_lookup(info.handle.lstrip("@").split("@")[0]))
    assert any(f["name"] == "Official accounts" for f in seen["fields"])


def test_setting_it_again_keeps_other_fields_and_one_official_accounts_field(school: MastodonClient) -> None:
    school.api.account_update_credentials(fields=[("Website", "https://example-school.sch.uk")])
    school.set_profile_text("Official account.", "Official accounts", LIST)
    school.set_profile_text("Official account of St Catherine's.", "Official accounts", LIST)
    own = dict(school.api.account_verify_credentials())
    names = [f["name"] for f in own["fields"]]
    assert names.count("Official accounts") == 1
    assert "Website" in names

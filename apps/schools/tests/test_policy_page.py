"""The policy settings page: the common settings form and the whole policy as text, both validated strictly."""

from __future__ import annotations

from html import unescape
from typing import Any

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools.models import School
from apps.schools.testing import Personas, client_for

URL = reverse("schools:policy")


def settings_data(school: School, **changes: Any) -> dict[str, Any]:
    """The settings form as the page fills it in, with ``changes``."""
    policy = school.policy
    window = policy.posting_window
    data: dict[str, Any] = {
        "form": "settings",
        "version": school.policy_version,
        "days": list(window.days),
        "start": f"{window.start:%H:%M}",
        "end": f"{window.end:%H:%M}",
        "names": policy.pupils.names,
        "max_length": policy.writing.max_length,
        "mentions": policy.writing.mentions,
        "hashtags": policy.writing.hashtags,
        "publishers": list(policy.accounts.publishers),
        "approval_required_for": list(policy.accounts.approval_required_for),
        "approvers": list(policy.accounts.approvers),
    }
    if policy.accounts.agreement_required:
        data["agreement_required"] = "on"
    if policy.accounts.class_accounts:
        data["class_accounts"] = "on"
    for kind, rule in window.exceptions.items():
        slug = kind.replace("-", "_")
        data[f"exc_{slug}_on"] = "on"
        data[f"exc_{slug}_roles"] = list(rule.roles)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def text_data(school: School, text: str) -> dict[str, Any]:
    return {"form": "text", "version": school.policy_version, "text": text}


def page(response: Any) -> str:
    return unescape(response.content.decode())


def test_the_page_shows_the_preset_the_policy_came_from_and_the_format_reference(p: Personas) -> None:
    html = page(client_for(p.head).get(URL))
    assert (
        "It started from Safepost's example policy of <strong>St Catherine of Siena Primary School</strong>"
        in html
    )
    assert "No settings changed from the example policy." in html
    assert "Every setting you can use" in html
    assert "<code>max_length</code>" in html  # the generated reference, as a table
    assert "[posting_window]" in html  # the TOML in the editor


def test_changing_the_posting_hours_in_the_form_writes_them_into_the_policy_file(p: Personas) -> None:
    client = client_for(p.head)
    response = client.post(URL, settings_data(p.school, end="17:30", max_length="240"))
    assert response.status_code == 302
    p.school.refresh_from_db()
    assert p.school.policy_version == 2
    assert f"{p.school.policy.posting_window.end:%H:%M}" == "17:30"
    assert p.school.policy.writing.max_length == 240
    assert 'end = "17:30"' in p.school.policy_toml
    assert "# CAT-12" in p.school.policy_toml  # the school's notes are kept
    # The change is named as the form names it, not by its key in the file.
    changes = page(client.get(URL)).split("changed since then", 1)[1]
    assert "<li>Latest time: " in changes and "posting_window.end" not in changes
    entry = AuditEntry.objects.filter(school=p.school, action="policy.changed").get()
    assert 'posting_window.end: "18:00" → "17:30"' in entry.summary
    assert "writing.max_length: 280 → 240" in entry.summary
    assert entry.actor == p.head
    assert {"key": "writing.max_length", "from": "280", "to": "240"} in entry.data["changes"]


def test_the_form_can_turn_an_exception_off_and_change_who_uses_the_other(p: Personas) -> None:
    client = client_for(p.head)
    data = settings_data(
        p.school, exc_urgent_news_on=None, exc_school_event_roles=["headteacher", "class-teacher"]
    )
    assert client.post(URL, data).status_code == 302
    p.school.refresh_from_db()
    exceptions = p.school.policy.posting_window.exceptions
    assert list(exceptions) == ["school-event"]
    assert exceptions["school-event"].roles == ["headteacher", "class-teacher"]  # type: ignore[index]


def test_the_form_changes_posting_rights_and_approval(p: Personas) -> None:
    client = client_for(p.head)
    data = settings_data(
        p.school,
        publishers=["headteacher", "office"],
        approval_required_for=["office"],
        agreement_required="on",
        class_accounts="on",
    )
    assert client.post(URL, data).status_code == 302
    accounts = School.objects.get(pk=p.school.pk).policy.accounts
    assert accounts.publishers == ["headteacher", "office"]
    assert accounts.approval_required_for == ["office"]
    assert accounts.agreement_required and accounts.class_accounts


def test_a_start_after_the_end_is_shown_by_the_field_and_nothing_is_saved(p: Personas) -> None:
    client = client_for(p.head)
    response = client.post(URL, settings_data(p.school, start="19:00", end="08:00"))
    assert response.status_code == 200
    html = page(response)
    assert "The earliest time (19:00) must be before the latest time (08:00)" in html
    assert "(posting_window)" not in html
    assert 'id="id_end-error"' in html  # beside the "Latest time" field
    p.school.refresh_from_db()
    assert p.school.policy_version == 1
    assert not AuditEntry.objects.filter(action="policy.changed").exists()


def test_a_time_that_is_not_hh_mm_is_refused_by_the_form(p: Personas) -> None:
    response = client_for(p.head).post(URL, settings_data(p.school, start="8am"))
    assert "Write the time as HH:MM, for example 08:00." in page(response)
    p.school.refresh_from_db()
    assert p.school.policy_version == 1


def test_an_exception_needs_someone_who_may_use_it(p: Personas) -> None:
    response = client_for(p.head).post(URL, settings_data(p.school, exc_urgent_news_roles=None))
    assert "Tick who may use this exception" in page(response)


def test_saving_the_form_unchanged_saves_nothing(p: Personas) -> None:
    response = client_for(p.head).post(URL, settings_data(p.school), follow=True)
    assert "Nothing changed, so nothing was saved." in page(response)
    p.school.refresh_from_db()
    assert p.school.policy_version == 1


def test_an_unknown_key_in_the_text_is_shown_with_its_line_and_a_did_you_mean(p: Personas) -> None:
    text = p.school.policy_toml.replace('start = "08:00"', 'strat = "08:00"')
    response = client_for(p.head).post(URL, text_data(p.school, text))
    html = page(response)
    line = text.split("\n").index('strat = "08:00"') + 1
    assert (
        f'Line {line}</span> <code>posting_window.strat</code>: unknown key (did you mean "start"?)' in html
    )
    assert "Not saved: 1 problem in the policy." in html
    assert 'strat = "08:00"' in html  # what they typed is kept, to fix
    p.school.refresh_from_db()
    assert p.school.policy_version == 1 and "strat" not in p.school.policy_toml


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            'start = "08:00"',
            'start = "8am"',
            "<code>posting_window.start</code>: '8am' is not a time; write it as \"HH:MM\"",
        ),
        (
            'names = "first-names-only"',
            'names = "first-name-only"',
            '"first-name-only" is not allowed (did you mean "first-names-only"?)',
        ),
        ("[writing]", "[writting]", '<code>writting</code>: unknown key (did you mean "writing"?)'),
        ("max_length = 280", 'max_length = "long"', "expected a whole number, got 'long'"),
        (
            'days = ["mon", "tue", "wed", "thu", "fri"]',
            'days = "mon"',
            "<code>posting_window.days</code>: expected a list",
        ),
        ('start = "08:00"', "start = ", "not valid TOML"),
    ],
)
def test_the_text_is_validated_as_strictly_as_a_policy_file(
    p: Personas, find: str, replace: str, expected: str
) -> None:
    text = p.school.policy_toml.replace(find, replace, 1)
    assert text != p.school.policy_toml
    html = page(client_for(p.head).post(URL, text_data(p.school, text)))
    assert expected in html
    p.school.refresh_from_db()
    assert p.school.policy_version == 1
    assert not AuditEntry.objects.filter(action="policy.changed").exists()


def test_an_unknown_rule_code_gets_a_did_you_mean(p: Personas) -> None:
    text = p.school.policy_toml + '\n[rules.pupil-surnam]\nseverity = "warn"\n'
    html = page(client_for(p.head).post(URL, text_data(p.school, text)))
    assert 'unknown rule "pupil-surnam" (did you mean "pupil-surname"?)' in html


def test_a_valid_text_is_saved_with_a_diff_in_the_audit_log(p: Personas) -> None:
    text = p.school.policy_toml.replace('mentions = "avoid"', 'mentions = "allow"')
    response = client_for(p.senior).post(URL, text_data(p.school, text))
    assert response.status_code == 302
    p.school.refresh_from_db()
    assert p.school.policy.writing.mentions == "allow"
    entry = AuditEntry.objects.get(action="policy.changed")
    assert 'writing.mentions: "avoid" → "allow"' in entry.summary
    assert '-mentions = "avoid"' in entry.data["diff"]


def test_an_edit_made_from_an_old_copy_of_the_policy_is_refused(p: Personas) -> None:
    client = client_for(p.head)
    stale = text_data(p.school, p.school.policy_toml.replace("max_length = 280", "max_length = 200"))
    assert client.post(URL, settings_data(p.school, end="17:00")).status_code == 302
    html = page(client.post(URL, stale))
    assert "Someone else saved the policy (now version 2)" in html
    p.school.refresh_from_db()
    assert p.school.policy.writing.max_length == 280


def test_a_class_teacher_cannot_change_the_policy(p: Personas) -> None:
    text = p.school.policy_toml.replace("max_length = 280", "max_length = 200")
    response = client_for(p.teacher).post(URL, text_data(p.school, text))
    assert response.status_code == 403
    p.school.refresh_from_db()
    assert p.school.policy.writing.max_length == 280


def test_a_governor_reads_the_policy_but_the_form_is_disabled(p: Personas) -> None:
    html = page(client_for(p.governor).get(URL))
    assert 'class="school-plain" disabled' in html
    assert " readonly>" in html


def test_the_overview_names_the_example_policy_and_the_posting_days_in_plain_words(p: Personas) -> None:
    html = page(client_for(p.governor).get(reverse("schools:settings")))
    assert "started from Safepost's example policy of St Catherine of Siena Primary School" in html
    assert "Posts go out Mon–Fri 08:00–18:00" in html
    assert "st-catherine" not in html

"""The launch letter to parents (NNF-06) and the summary for parents (NNF-12): written from each
preset's settings, edited before sending, downloaded as PDF and text."""

from __future__ import annotations

import tomllib

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.governance import actions, letters
from apps.governance.models import ParentLetter
from apps.governance.tests.conftest import pdf_text
from apps.schools import actions as schools
from apps.schools.policy_edit import set_values
from apps.schools.testing import Personas
from safepost.policy.config import PRESETS_DIR, Policy, load_policy, parse_policy, preset_names

#: What parents must read in each school's letter and summary.
SAYS = {
    "st-catherine": [
        "We use children's first names only, never their surnames.",
        "You may reply to our posts, but we will not answer there",
        "We post Monday to Friday between 8am and 6pm",
        "The account is public",
    ],
    "no-names-no-faces": [
        "We never use children's names.",
        "We never show children's faces",
        "We will not reply to replies on social media",
        "We never say where children are or will be at a particular time",
    ],
    "rackham": [
        "We post Monday to Friday between 7am and 7pm",
        "@RackhamPrimary",
        "We use children's first names only",
    ],
    "sutton-manor": [
        "We never put a child's name beside a photo of children.",
        "We will not reply to replies on social media",
        "check new followers every week",
    ],
    "courtney": [
        "You may ask general questions on the account and we will answer them there",
        "only followers the school accepts can read it",
        "@CourtneyPrimary",
    ],
}


def test_every_preset_has_its_expectations() -> None:
    assert sorted(SAYS) == preset_names()


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_the_letter_and_summary_say_what_the_preset_says(preset: str) -> None:
    policy = load_policy(preset)
    letter = letters.launch_letter(policy, policy.school.name, "Anita Shah")
    summary = letters.parent_summary(policy, policy.school.name)
    for words in SAYS[preset]:
        assert words in letter, f"letter of {preset}: {words!r}"
        assert words in summary, f"summary of {preset}: {words!r}"
    assert "Dear parents and carers," in letter and letter.rstrip().endswith("Anita Shah\nHeadteacher")
    assert "13 and over" in letter and "13 and over" in summary  # NNF-12
    assert "discuss" in letter  # NNF-06: parents told the account is no place to discuss school matters


def _changed(preset: str, section: str, key: str, value: object) -> Policy:
    data = tomllib.loads((PRESETS_DIR / f"{preset}.toml").read_text())
    data.setdefault(section, {})[key] = value
    return parse_policy(data, preset)


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_a_changed_setting_changes_the_letters(preset: str) -> None:
    policy = load_policy(preset)
    other = "open" if policy.interaction.replies != "open" else "none"
    changed = _changed(preset, "interaction", "replies", other)
    for write in (
        lambda p: letters.launch_letter(p, "A school", "A Head"),
        lambda p: letters.parent_summary(p, "A school"),
    ):
        before, after = write(policy), write(changed)
        answered = "we will answer them there"
        assert (answered in after) == (other == "open") and (answered in before) == (other != "open")
    names = _changed(
        preset, "pupils", "names", "none" if policy.pupils.names != "none" else "first-names-only"
    )
    assert letters.launch_letter(names, "A school", "") != letters.launch_letter(policy, "A school", "")


def test_the_school_edits_the_letter_and_downloads_it_as_pdf_and_text(p: Personas) -> None:
    head = p.client_for(p.head)
    page = head.get(reverse("governance:letter")).content.decode()
    assert "Dear parents and carers," in page and "Helen Head" in page
    text = actions.letter(p.school, "letter").text.replace(
        "Dear parents and carers,", "Dear parents and carers,\n\nWe are delighted to share some news."
    )
    head.post(reverse("governance:letter"), {"action": "save", "text": text})
    saved = ParentLetter.objects.get(school=p.school, kind="letter")
    assert "We are delighted to share some news." in saved.text and saved.edited_by == p.head

    plain = head.get(reverse("governance:letter_text"))
    assert plain["Content-Type"].startswith("text/plain") and "We are delighted" in plain.content.decode()
    pdf = head.get(reverse("governance:letter_pdf"))
    read = pdf_text(pdf.content)
    assert "We are delighted to share some news." in read
    assert "We use children's first names only, never their surnames." in read

    head.post(reverse("governance:letter"), {"action": "sent"})
    saved.refresh_from_db()
    assert saved.sent_at is not None and saved.sent_by == p.head
    assert AuditEntry.objects.filter(school=p.school, action="letter.sent").exists()


def test_the_summary_pdf_reads_back(p: Personas) -> None:
    pdf = p.client_for(p.governor).get(reverse("governance:summary_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    read = pdf_text(pdf.content)
    assert "our social media policy in brief" in read and "13 and over" in read


def test_a_letter_edited_before_the_settings_changed_is_pointed_out(p: Personas) -> None:
    head = p.client_for(p.head)
    head.post(
        reverse("governance:summary"), {"action": "save", "text": actions.letter(p.school, "summary").text}
    )
    assert "Your settings have changed" not in head.get(reverse("governance:summary")).content.decode()
    p.school.refresh_from_db()
    schools.update_policy(
        p.school, set_values(p.school.policy_toml, {("posting_window", "start"): "09:00"}), p.head
    )
    page = head.get(reverse("governance:summary")).content.decode()
    assert "Your settings have changed since this text was edited" in page
    fresh = head.get(reverse("governance:summary") + "?fresh=1").content.decode()
    assert "between 9am and 6pm" in fresh


def test_an_empty_letter_is_refused_and_governors_only_read(p: Personas) -> None:
    head = p.client_for(p.head)
    got = head.post(reverse("governance:letter"), {"action": "save", "text": "   "})
    assert got.status_code == 200 and not ParentLetter.objects.exists()
    governor = p.client_for(p.governor)
    assert governor.get(reverse("governance:letter")).status_code == 200
    assert (
        governor.post(reverse("governance:letter"), {"action": "save", "text": "Changed"}).status_code == 403
    )
    assert p.client_for(p.teacher).get(reverse("governance:letter")).status_code == 403
    assert not ParentLetter.objects.exists()

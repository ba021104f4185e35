"""The policy document written from each preset: it says what the preset says, every sentence is
traced to a real setting, a changed setting changes the text, and the PDF reads back the same."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from apps.governance.document import FEATURES, build, clock, date_words
from apps.governance.pdf import policy_pdf
from apps.governance.tests.conftest import pdf_text
from safepost.policy.config import (
    PRESETS_DIR,
    Policy,
    format_reference,
    load_policy,
    parse_policy,
    preset_names,
)

#: For each preset, sentences (or parts) a school would look for: what its own document says.
SAYS = {
    "st-catherine": [
        "@StCathsofSiena and our class accounts",
        "We post Monday to Friday between 8am and 6pm.",
        "school events (for example fixtures, trips, performances), and only the headteacher and senior leaders",
        "We use pupils' first names only, never their surnames.",
        '"Well done Josh, a better lesson today"',
        "working and learning in groups",
        "We avoid @mentioning other accounts",
        "Our accounts can receive replies, but we do not answer them there.",
        "We follow only educationally linked accounts",
        "check new followers as they arrive and block any who are unsuitable",
        "change the accounts' passwords every term",
        "When it appears, it is deleted and its author is blocked.",
        "No date has been set for its next review.",
    ],
    "no-names-no-faces": [
        "We never use children's names.",
        "We never post photos of children's faces.",
        "a child's hands or the back of their head",
        "We do not reply to replies",
        "school events (for example sports fixtures, residential trips)",
        "urgent school news (for example school will be closed tomorrow)",
        "We never publish where children are or will be at a particular time, even during a trip",
        "Only the headteacher and senior leaders may post",
        "change the accounts' passwords regularly, at least every 90 days",
        "Our posts are positive",
    ],
    "rackham": [
        "We post Monday to Friday between 7am and 7pm.",
        "football matches, residential trips, performances",
        "urgent school news (for example closures due to adverse weather)",
        "The school account shares the class accounts' posts",
        "the holder of the account (the headteacher for the school account, the class teacher for a class account)",
        "decided case by case by the headteacher",
        "staff's personal accounts are removed as followers",
        "it is deleted, its author is blocked and it is reported to the platform",
        "Incidents of a more serious nature are reported to the appropriate authority.",
        "It is signed by the headteacher and chair of governors.",
        "respect copyright",
    ],
    "sutton-manor": [
        "A post is at most 240 characters long.",
        "Posts are spelt correctly and grammatically correct, in Standard English.",
        'Posts do not use text language such as "lol", "gr8" or "l8r".',
        "Hashtags, such as #PrimaryRocks, go at the end of a post.",
        "We never use a pupil's name alongside a photo of pupils.",
        "check recent followers every week",
        "Everyone who posts first signs the school's social media agreement",
        "We do not reply to replies",
        "It is signed by the headteacher and governing body.",
        "Only the headteacher and senior leaders may post",
    ],
    "courtney": [
        "Our posts are not publicly available",
        "Parents may ask questions on the account",
        "Notifications about the accounts go to the office staff.",
        "never changed without the permission of the headteacher or the computing lead",
        "It is copied and saved as evidence before anything is deleted",
        "This policy was ratified in July 2018.",
        "It will next be reviewed by July 2019.",
        "links to the school website",
        "it is deleted and it is reported to the platform",
        "Only the headteacher, senior leaders, class teachers and the office staff may post",
    ],
}


def test_every_preset_has_its_expectations() -> None:
    assert sorted(SAYS) == preset_names()


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_the_document_says_what_the_preset_says(preset: str) -> None:
    policy = load_policy(preset)
    text = build(policy, policy.school.name).text(footnotes=False)
    for words in SAYS[preset]:
        assert words in text, f"{preset}: {words!r} missing"
    assert "Safer Internet Day" in text  # the e-safety aim (CAT-14, COU-10)
    assert "signed off by the headteacher and the chair of governors" in text


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_every_sentence_is_traced_to_a_setting_that_exists(preset: str) -> None:
    policy = load_policy(preset)
    document = build(policy, policy.school.name)
    reference = format_reference()
    keys = {s.key for s in document.settings}
    for section in document.sections:
        assert section.sentences, section.title
        for sentence in section.sentences:
            assert sentence.keys, sentence.text
            assert document.numbers(sentence)
    for setting in document.settings:
        if setting.key in FEATURES:
            continue
        assert f"`{setting.key.split('.')[-1]}`" in reference or setting.key.startswith(
            "posting_window.exceptions."
        )
        assert setting.meaning, setting.key
    assert "posting_window.start" in keys and "interaction.replies" in keys and "pupils.names" in keys


def _changed(preset: str, section: str, key: str, value: object) -> Policy:
    data = tomllib.loads((PRESETS_DIR / f"{preset}.toml").read_text())
    data.setdefault(section, {})[key] = value
    return parse_policy(data, preset)


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_a_changed_setting_changes_the_text(preset: str) -> None:
    policy = load_policy(preset)
    before = build(policy, "A school").text()
    later = build(_changed(preset, "posting_window", "start", "09:30"), "A school").text()
    assert "between 9.30am and" in later and "between 9.30am and" not in before
    assert "[" in later and 'posting_window.start = "09:30"' in later

    faces = "We never post photos of children's faces."
    flipped = "allowed" if policy.photos.faces == "blocked" else "blocked"
    changed = build(_changed(preset, "photos", "faces", flipped), "A school").text()
    assert (faces in changed) != (faces in before)

    reviewed = build(_changed(preset, "review", "next_review", "2031-03-14"), "A school").text()
    assert "It will next be reviewed by 14 March 2031." in reviewed


@pytest.mark.parametrize("preset", sorted(SAYS))
def test_the_pdf_reads_back_with_every_sentence_and_setting(preset: str) -> None:
    policy = load_policy(preset)
    document = build(policy, policy.school.name)
    text = pdf_text(policy_pdf(document, "Version 1 of the settings: a draft."))
    assert document.title in text
    for words in SAYS[preset]:
        flat = " ".join(words.split())
        assert flat in text, f"{preset}: {words!r} missing from the PDF"
    for setting in document.settings:
        assert f"[{setting.number}] {setting.key}" in text


def test_times_and_dates_read_as_a_school_writes_them() -> None:
    from datetime import time

    assert [clock(time(8, 0)), clock(time(18, 0)), clock(time(7, 30)), clock(time(12, 0))] == [
        "8am",
        "6pm",
        "7.30am",
        "12 noon",
    ]
    assert date_words("2019-07") == "July 2019" and date_words("2027-03-01") == "1 March 2027"
    assert date_words("next summer") == "next summer"


def test_days_other_than_the_school_week_are_named() -> None:
    policy = load_policy("st-catherine")
    window = dataclasses.replace(policy.posting_window, days=["mon", "wed", "sat"])
    text = build(dataclasses.replace(policy, posting_window=window), "A school").text()
    assert "We post Monday, Wednesday and Saturday between 8am and 6pm." in text


def test_the_school_devices_setting_is_stated_either_way() -> None:
    policy = load_policy("st-catherine")
    anywhere = build(policy, "A school").text()
    assert "Staff may use Safepost from any device" in anywhere
    devices = dataclasses.replace(policy.devices, school_devices="sign-in", networks=["203.0.113.0/24"])
    held = build(dataclasses.replace(policy, devices=devices), "A school").text()
    assert "use Safepost only from the school's network or a school device" in held
    assert "On trips, the headteacher and senior leaders may post from their own phone" in held
    assert "Staff may use Safepost from any device" not in held

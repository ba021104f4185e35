"""Changing single settings in a policy file without losing the school's notes."""

from __future__ import annotations

import tomllib
from datetime import time

import pytest

from apps.schools.policy_edit import (
    REMOVE,
    EditError,
    changes_between,
    diff_summary,
    locate,
    reference_html,
    set_values,
)
from safepost.policy.config import PRESETS_DIR

SUTTON = (PRESETS_DIR / "sutton-manor.toml").read_text(encoding="utf-8")


def test_a_changed_value_keeps_its_comment() -> None:
    text = set_values(SUTTON, {("writing", "max_length"): 200})
    assert "max_length = 200                       # SUT-01" in text
    assert tomllib.loads(text)["writing"]["max_length"] == 200
    assert len(text.splitlines()) == len(SUTTON.splitlines())


def test_only_the_changed_line_differs() -> None:
    text = set_values(SUTTON, {("posting_window", "end"): time(17, 15)})
    changed = [(a, b) for a, b in zip(SUTTON.splitlines(), text.splitlines(), strict=True) if a != b]
    assert changed == [('end = "18:00"', 'end = "17:15"')]


def test_a_missing_key_is_added_to_its_table() -> None:
    text = set_values(SUTTON, {("accounts", "class_accounts"): True})
    accounts = text[text.index("[accounts]") : text.index("[photos]")]
    assert "class_accounts = true" in accounts


def test_a_missing_table_is_added_beside_its_relatives() -> None:
    without = set_values(SUTTON, {("posting_window", "exceptions", "urgent-news"): REMOVE})
    assert "urgent-news" not in without
    text = set_values(without, {("posting_window", "exceptions", "urgent-news", "roles"): ["headteacher"]})
    assert text.index("[posting_window.exceptions.urgent-news]") < text.index("[pupils]")
    assert tomllib.loads(text)["posting_window"]["exceptions"]["urgent-news"] == {"roles": ["headteacher"]}


def test_a_multi_line_list_is_replaced_whole() -> None:
    text = (
        '[accounts]\npublishers = [\n  "headteacher",\n  "office",\n]  # COU-06\nagreement_required = true\n'
    )
    out = set_values(text, {("accounts", "publishers"): ["headteacher"]})
    assert out == '[accounts]\npublishers = ["headteacher"]  # COU-06\nagreement_required = true\n'


def test_a_hash_inside_a_string_is_not_taken_for_a_comment() -> None:
    text = '[school]\nhandle = "#not-a-comment"  # real comment\n'
    out = set_values(text, {("school", "handle"): "@School"})
    assert out == '[school]\nhandle = "@School"  # real comment\n'


def test_text_is_quoted_safely() -> None:
    out = set_values("[school]\n", {("school", "source"): 'The "policy"\nof 2024'})
    assert tomllib.loads(out)["school"]["source"] == 'The "policy"\nof 2024'


def test_a_layout_the_form_cannot_change_is_refused_rather_than_broken() -> None:
    with pytest.raises(EditError, match=r"edit it in the text below|could not change"):
        set_values('posting_window = { start = "08:00" }\n', {("posting_window", "start"): time(9, 0)})


@pytest.mark.parametrize(
    ("key", "line_text"),
    [
        ("accounts.publishers", "publishers = "),
        ("posting_window.exceptions.school-event.roles[1]", "roles = "),
        ("posting_window", "[posting_window]"),
        ("pupils.nmes", "[pupils]"),
    ],
)
def test_a_key_is_located_on_its_line(key: str, line_text: str) -> None:
    line = locate(SUTTON, key)
    assert line is not None
    assert SUTTON.splitlines()[line - 1].startswith(line_text)


def test_the_diff_lists_each_changed_setting() -> None:
    new = SUTTON.replace("max_length = 240", "max_length = 200").replace(
        'spelling = "warn"', 'spelling = "block"'
    )
    assert [str(c) for c in changes_between(SUTTON, new)] == [
        "writing.max_length: 240 → 200",
        'writing.spelling: "warn" → "block"',
    ]
    assert diff_summary(SUTTON, SUTTON + "\n# a note\n") == "comments or layout only"


def test_the_format_reference_is_html_tables() -> None:
    html = str(reference_html())
    assert "<h3><code>[posting_window]</code></h3>" in html
    assert "<td><code>start</code></td>" in html
    assert "<script" not in html

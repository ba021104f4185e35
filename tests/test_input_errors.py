"""Hostile policy files and `--jsonl` lines get a clear message saying what and where, never a
traceback: `safepost validate` and `safepost check` exit with status 2 (bad input)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from safepost.cli import EXIT_USAGE, main
from safepost.policy.checker import Checker
from safepost.policy.config import PRESETS_DIR, PolicyError, load_policy, parse_toml
from safepost.policy.rules.base import Post

BASE = (PRESETS_DIR / "st-catherine.toml").read_text(encoding="utf-8")


def validate(path: Path | str, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``safepost validate PATH``; it must refuse with status 2 and no traceback."""
    assert main(["validate", str(path)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("safepost: ")
    return err


POLICY_FILES = {
    "nested": ("x = " + "[" * 1000 + "]" * 1000, "nested too deeply"),
    "long number": ("n = " + "9" * 4301, "a number is too long"),
    "huge hour": (
        BASE.replace('start = "', 'start = "99999999999999999999:00" #', 1),
        "posting_window.start",
    ),
    "long zone": (BASE.replace('"Europe/London"', '"' + "a" * 300 + '"', 1), "school.timezone"),
    "folder zone": (BASE.replace('"Europe/London"', '"Europe"', 1), '"Europe" is not a known time zone'),
    "dotted key": ("a" + ".a" * 20000 + " = 1", "line 1: more than 200 dots"),
    "keep renditions": (
        BASE.replace("[photos]", "[photos]\nkeep_renditions_days = 1000000", 1),
        "photos.keep_renditions_days: must be at most 3,650 days",
    ),
    "huge whole number": (
        BASE.replace("[photos]", "[photos]\nkeep_renditions_days = " + "9" * 40, 1),
        "at most",
    ),
}


@pytest.mark.parametrize("case", POLICY_FILES, ids=POLICY_FILES.keys())
def test_a_hostile_policy_file_is_refused_with_the_key_and_the_reason(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = POLICY_FILES[case]
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    err = validate(path, capsys)
    assert expected in err
    assert len(err) < 1000  # the offending value is not repeated back in full


def test_a_file_name_too_long_for_the_file_system_is_just_not_found(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = validate("/tmp/" + "x" * 300 + ".toml", capsys)
    assert "no such policy file or preset" in err
    err = validate("y" * 300, capsys)
    assert "no such policy file or preset" in err


def test_a_policy_file_larger_than_any_policy_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.toml"
    path.write_text(BASE + "\n# " + "x" * 300_000 + "\n", encoding="utf-8")
    assert "larger than 256 KB" in validate(path, capsys)


def test_the_web_apps_policy_text_goes_through_the_same_guarded_parser() -> None:
    with pytest.raises(PolicyError, match="nested too deeply"):
        parse_toml("x = " + "[" * 1000 + "]" * 1000, "the policy")
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse_toml("x = ", "the policy")


def test_a_sensible_retention_period_is_still_accepted(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(BASE.replace("[photos]", "[photos]\nkeep_renditions_days = 3650", 1), encoding="utf-8")
    assert load_policy(path).photos.keep_renditions_days == 3650


JSONL_LINES = {
    "policy a number": ('{"text": "hi", "policy": 5}', '"policy" must be text in quotes, not 5'),
    "policy a list": ('{"text": "hi", "policy": ["rackham"]}', '"policy" must be text in quotes'),
    "policy 300 characters": (json.dumps({"text": "hi", "policy": "x" * 300}), "longer than 200 characters"),
    "year 9999": ('{"text": "hi", "policy": "rackham", "at": "9999-12-31T23:59"}', "use a year from 1900"),
    "year 1": ('{"text": "hi", "policy": "rackham", "at": "0001-01-01T00:00-12:00"}', "use a year from 1900"),
    "at a number": ('{"text": "hi", "policy": "rackham", "at": 5}', "at: 5 is not an ISO 8601 time"),
    "id of 5,000 digits": ('{"id": ' + "9" * 5000 + ', "text": "hi"}', "a number in the line is too long"),
    "100,000 brackets": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "lone surrogate id": ('{"id": "\\ud800", "text": "hi"}', '"id" holds a lone surrogate'),
    "lone surrogate text": ('{"text": "hi \\udfff"}', '"text" holds a lone surrogate'),
    "id an object": ('{"id": {"a": 1}, "text": "hi"}', '"id" must be text or a whole number'),
    "role a number": ('{"text": "hi", "role": 5}', '"role" must be text in quotes'),
    "media of numbers": ('{"text": "hi", "media": [5]}', '"media" must be a list of image paths'),
    "pupil_photos text": ('{"text": "hi", "pupil_photos": "no"}', '"pupil_photos" must be true or false'),
}


@pytest.mark.parametrize("case", JSONL_LINES, ids=JSONL_LINES.keys())
def test_a_hostile_jsonl_line_gets_an_error_record_and_the_next_line_is_still_checked(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, expected = JSONL_LINES[case]
    path = tmp_path / "posts.jsonl"
    path.write_text(line + '\n{"id": "next", "text": "Lovely day at school."}\n', encoding="utf-8")
    status = main(["check", "--jsonl", str(path), "--policy", "st-catherine"])
    out, err = capsys.readouterr()
    assert status == EXIT_USAGE
    assert "Traceback" not in err
    first, second = (json.loads(x) for x in out.splitlines())
    assert first["verdict"] == "error"
    assert f"{path}:1: " in first["error"] and expected in first["error"]
    assert second["id"] == "next" and second["verdict"] != "error"


def test_a_post_text_that_is_not_valid_unicode_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "Lovely day \udcff", "--policy", "st-catherine"])
    err = capsys.readouterr().err
    assert status == EXIT_USAGE
    assert "lone surrogate" in err


@pytest.mark.parametrize("at", [datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1), datetime(1, 1, 1, 0, 30)])
def test_the_engine_says_a_time_at_the_ends_of_the_calendar_is_no_posting_time(at: datetime) -> None:
    report = Checker(load_policy("rackham")).check(Post("Lovely day.", at=at))
    window = [f for f in report.findings if f.category == "out-of-hours"]
    assert len(window) == 1
    assert "is not a date a post can go out on" in window[0].message

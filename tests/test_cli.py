"""`safepost check` and `safepost validate`, end to end through ``safepost.cli.main``.

Exit status: 0 for a post that passes (or has warnings only), 1 for blocking
findings, 2 for bad input or usage. ``--jsonl`` is the evaluation contract of
``shared/eval/README.md``: one output line per input line, in order.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from safepost.cli import main

ROSTER = str(Path(__file__).parent / "fixtures" / "roster.csv")
CLEAN = "Year 4 had a brilliant time at the science museum. Thank you to all the parents who helped!"
SURNAME = "Well done Theo Carver for a super science investigation!"
MENTION = "A huge thank you to @LivMuseums for a fantastic Egyptian workshop in Year 3 this morning."
SCHOOL_DAY = "2026-03-10T10:00"  # a Tuesday morning
SUNDAY_EVENING = "2026-03-08T20:15"

FINDING_FIELDS = {"rule": str, "category": str, "severity": str, "message": str, "start": int, "end": int}
CATEGORIES = {
    "pupil-surname",
    "pupil-name",
    "individual-pupil",
    "trip-whereabouts",
    "out-of-hours",
    "mention",
    "text-speak",
    "spelling",
    "offensive",
    "personal-data",
    "too-long",
    "hashtag-placement",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``safepost ARGV``: exit status, standard output, standard error."""
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        status = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def check(
    text: str,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
    policy: str = "st-catherine",
    at: str | None = SCHOOL_DAY,
) -> tuple[int, str, str]:
    argv = ["check", text, "--policy", policy, "--roster", ROSTER, *extra]
    if at:
        argv += ["--at", at]
    return run(argv, capsys)


def check_json(
    text: str, capsys: pytest.CaptureFixture[str], *extra: str, **kw: Any
) -> tuple[int, dict[str, Any]]:
    status, out, _ = check(text, capsys, "--format", "json", *extra, **kw)
    return status, json.loads(out)


def write_jsonl(path: Path, items: list[Any]) -> Path:
    path.write_text(
        "".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items),
        encoding="utf-8",
    )
    return path


def item(
    item_id: str,
    text: str,
    policy: str = "st-catherine",
    at: str | None = "2026-03-10T10:00:00",
    **extra: Any,
) -> dict[str, Any]:
    return {"id": item_id, "policy": policy, "text": text, "at": at, "exception": None, "expect": [], **extra}


# --- exit status ----------------------------------------------------------------------------------


def test_a_clean_post_passes_with_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = check(CLEAN, capsys)
    assert status == 0
    assert out.strip().splitlines()[-1].startswith("verdict: pass")
    assert err == ""


def test_a_post_naming_a_pupil_in_full_is_blocked_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(SURNAME, capsys)
    assert status == 1
    assert "[pupil-surname, block]" in out
    assert "verdict: block" in out


def test_a_post_with_warnings_only_exits_0_and_says_warn(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(MENTION, capsys)
    assert status == 0
    assert "[mention, warn]" in out
    assert "verdict: warn (0 blocking, 1 warning(s))" in out


def test_a_post_out_of_hours_is_blocked_unless_it_is_an_allowed_exception(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "Reminder: Class 4 can come to school dressed as a scientist on Wednesday."
    status, out, _ = check(text, capsys, at=SUNDAY_EVENING)
    assert status == 1
    assert "[out-of-hours, block]" in out
    status, _, _ = check(
        text, capsys, "--exception", "urgent-news", "--role", "headteacher", at=SUNDAY_EVENING
    )
    assert status == 0
    status, out, _ = check(
        text, capsys, "--exception", "urgent-news", "--role", "class-teacher", at=SUNDAY_EVENING
    )
    assert status == 1
    assert "class-teacher" in out


def test_without_a_time_the_posting_window_is_not_checked(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(CLEAN, capsys, at=None)
    assert status == 0
    assert "out-of-hours" not in out


def test_names_beside_photos_are_blocked_only_when_the_post_has_photos(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "Well done Ruby for a beautiful painting in art today."
    _, without = check_json(text, capsys, policy="sutton-manor")
    _, with_photos = check_json(text, capsys, "--photos", policy="sutton-manor")
    assert "pupil-name" not in {f["category"] for f in without["findings"]}
    assert "pupil-name" in {f["category"] for f in with_photos["findings"]}


def test_the_post_can_be_read_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SURNAME))
    status, out, _ = run(["check", "-", "--policy", "st-catherine", "--roster", ROSTER], capsys)
    assert status == 1
    assert "pupil-surname" in out


# --- usage errors: exit 2 with one clear message --------------------------------------------------


def test_no_policy_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["check", CLEAN], capsys)
    assert status == 2
    assert out == ""
    assert "--policy" in err


def test_no_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["check", "--policy", "st-catherine"], capsys)
    assert status == 2
    assert "post text" in err


def test_an_unknown_preset_is_a_usage_error_with_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = check(CLEAN, capsys, policy="st-catherin")
    assert status == 2
    assert out == ""
    assert 'did you mean "st-catherine"' in err


@pytest.mark.parametrize("at", ["yesterday", "2026-13-01T10:00", "10am", "2026-03-10 25:00"])
def test_a_bad_time_is_a_usage_error(at: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = check(CLEAN, capsys, at=at)
    assert status == 2
    assert out == ""
    assert "--at" in err
    assert "ISO 8601" in err


def test_a_missing_roster_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "pupils.csv"
    status, out, err = run(["check", CLEAN, "--policy", "st-catherine", "--roster", str(missing)], capsys)
    assert status == 2
    assert out == ""
    assert str(missing) in err


def test_a_bad_roster_is_a_usage_error_naming_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "pupils.csv"
    bad.write_text("first_name,last_name,photo_consent\nAmy,Hart,yes\nBen,Cole,perhaps\n", encoding="utf-8")
    status, out, err = run(["check", CLEAN, "--policy", "st-catherine", "--roster", str(bad)], capsys)
    assert status == 2
    assert out == ""
    assert "line 3" in err
    assert "not imported" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", CLEAN, "--policy", "st-catherine", "--format", "xml"],
        ["check", CLEAN, "--policy", "st-catherine", "--exception", "birthday"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(argv, capsys)
    assert status == 2
    assert err


def test_a_bad_policy_file_is_a_usage_error_naming_the_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = tmp_path / "ours.toml"
    policy.write_text('[school]\nname = "Ours"\n[writing]\nmax_lenght = 200\n', encoding="utf-8")
    status, out, err = check(CLEAN, capsys, policy=str(policy))
    assert status == 2
    assert out == ""
    assert str(policy) in err
    assert 'writing.max_lenght: unknown key (did you mean "max_length"?)' in err


# --- text output ----------------------------------------------------------------------------------


def caret_marks(out: str) -> list[tuple[str, str]]:
    """(excerpt line, caret line) pairs of the text output."""
    lines = out.splitlines()
    return [
        (lines[i - 1], line) for i, line in enumerate(lines) if line.strip() and set(line.strip()) == {"^"}
    ]


def test_the_text_output_marks_the_offending_words_with_carets(capsys: pytest.CaptureFixture[str]) -> None:
    _, report = check_json(SURNAME, capsys)
    finding = next(f for f in report["findings"] if f["category"] == "pupil-surname")
    flagged = SURNAME[finding["start"] : finding["end"]]
    assert "Carver" in flagged
    _, out, _ = check(SURNAME, capsys)
    marks = caret_marks(out)
    assert marks, out
    excerpt, carets = marks[0]
    first = carets.index("^")
    assert excerpt[first : first + carets.count("^")] == flagged


def test_the_text_output_marks_words_in_a_long_post_with_an_ellipsis(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = (
        "What a fantastic morning we have had in Year 3 at our special science celebration, "
        "with experiments, rockets and slime everywhere. Special mention to @ScienceSam for visiting us!"
    )
    _, out, _ = check(text, capsys)
    marked = {excerpt[c.index("^") : c.index("^") + c.count("^")]: excerpt for excerpt, c in caret_marks(out)}
    assert "@ScienceSam" in marked, out
    assert marked["@ScienceSam"].lstrip().startswith("…")


def test_the_text_output_shows_the_finding_why_and_what_to_write_instead(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = check(MENTION, capsys)
    header = next(line for line in out.splitlines() if "[mention, warn]" in line)
    assert header.startswith("21-31 SP")  # 1-based start, end
    assert "@LivMuseums" in header
    assert "    instead: " in out
    assert "Liv Museums" in out


def test_a_finding_about_the_whole_post_has_no_carets(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(CLEAN, capsys, at=SUNDAY_EVENING)
    header = next(line for line in out.splitlines() if "[out-of-hours" in line)
    assert header.startswith("- ")
    assert not caret_marks(out)


# --- --format json --------------------------------------------------------------------------------


def test_json_output_has_the_verdict_and_every_finding_with_its_span(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, report = check_json(SURNAME + " Thanks @LivMuseums!", capsys)
    assert status == 1
    assert set(report) == {"verdict", "findings"}
    assert report["verdict"] == "block"
    assert {f["category"] for f in report["findings"]} >= {"pupil-surname", "mention"}
    for finding in report["findings"]:
        for key, kind in FINDING_FIELDS.items():
            assert isinstance(finding[key], kind), (key, finding)
        assert finding["severity"] in {"block", "warn", "info"}
        assert finding["category"] in CATEGORIES
        assert isinstance(finding["trace"], list)
        assert "suggestion" in finding
    starts = [f["start"] for f in report["findings"]]
    assert starts == sorted(starts)


def test_json_output_of_a_clean_post_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    status, report = check_json(CLEAN, capsys)
    assert status == 0
    assert report == {"verdict": "pass", "findings": []}


def test_json_output_keeps_non_ascii_text_readable(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(CLEAN, capsys, "--format", "json", at=SUNDAY_EVENING)
    assert "out-of-hours" in out
    assert "\\u" not in out
    # the window "08:00–18:00" in the message is written with an en dash, not escaped


# --- --jsonl: the evaluation contract -------------------------------------------------------------


def jsonl_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_gives_one_line_per_input_line_in_order_with_the_contract_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long_post = "Our Year 6 residential was amazing. " * 8
    items = [
        item("a", CLEAN),
        item("b", SURNAME),
        item("c", MENTION),
        item("d", long_post, policy="sutton-manor"),
        item("e", "Happy #WorldBookDay everyone!", policy="rackham"),
    ]
    status, out, _ = run(
        ["check", "--roster", ROSTER, "--jsonl", str(write_jsonl(tmp_path / "p.jsonl", items))], capsys
    )
    assert status == 1
    results = jsonl_lines(out)
    assert [r["id"] for r in results] == ["a", "b", "c", "d", "e"]
    assert [r["verdict"] for r in results] == ["pass", "block", "warn", "block", "pass"]
    assert "too-long" in {f["category"] for f in results[3]["findings"]}
    for result in results:
        assert {"id", "verdict", "findings"} <= set(result)
        for finding in result["findings"]:
            for key, kind in FINDING_FIELDS.items():
                assert isinstance(finding[key], kind), (key, finding)
            assert finding["category"] in CATEGORIES


def test_jsonl_findings_match_a_single_check_of_the_same_post(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = SURNAME + " See you at 3pm, @LivMuseums."
    _, single = check_json(text, capsys)
    path = write_jsonl(tmp_path / "p.jsonl", [item("x", text)])
    _, out, _ = run(["check", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    (result,) = jsonl_lines(out)
    assert result["verdict"] == single["verdict"]
    assert result["findings"] == single["findings"]


def test_jsonl_uses_each_line_s_time_exception_and_media(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "Well done Ruby for a beautiful painting in art today."
    items = [
        item("late", CLEAN, at="2026-03-08T20:15:00"),
        item("late-event", CLEAN, at="2026-03-08T20:15:00") | {"exception": "school-event"},
        item("no-photo", text, policy="sutton-manor"),
        item("photo", text, policy="sutton-manor", media=["IMG_0042.jpg"]),
        {"id": "no-media-key", "policy": "sutton-manor", "text": text, "at": None, "exception": None},
    ]
    _, out, _ = run(
        ["check", "--roster", ROSTER, "--jsonl", str(write_jsonl(tmp_path / "p.jsonl", items))], capsys
    )
    categories = {r["id"]: {f["category"] for f in r["findings"]} for r in jsonl_lines(out)}
    assert "out-of-hours" in categories["late"]
    assert "out-of-hours" not in categories["late-event"]
    assert "pupil-name" not in categories["no-photo"]
    assert "pupil-name" in categories["photo"]
    assert "pupil-name" not in categories["no-media-key"]


def test_a_bad_json_line_gives_an_error_line_and_the_rest_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    items: list[Any] = [
        item("1", CLEAN),
        '{"id": "2", "policy": "st-catherine", "text": ',
        item("3", SURNAME),
        '["not", "an", "object"]',
        item("5", CLEAN),
    ]
    path = write_jsonl(tmp_path / "posts.jsonl", items)
    status, out, err = run(["check", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    assert status == 2
    results = jsonl_lines(out)
    assert len(results) == 5
    assert [r["verdict"] for r in results] == ["pass", "error", "block", "error", "pass"]
    assert [r["id"] for r in results][::2] == ["1", "3", "5"]
    assert results[1]["findings"] == []
    assert f"{path}:2" in results[1]["error"]
    assert f"{path}:2" in err
    assert f"{path}:4" in err


def test_a_line_that_is_not_utf8_is_reported_and_the_rest_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(
        (json.dumps(item("1", CLEAN)) + "\n").encode()
        + b'{"id": "2", "policy": "st-catherine", "text": "caf\xe9"}\n'
        + (json.dumps(item("3", CLEAN)) + "\n").encode()
    )
    status, out, err = run(["check", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    assert status == 2
    assert [r["verdict"] for r in jsonl_lines(out)] == ["pass", "error", "pass"]
    assert f"{path}:2: not UTF-8 text" in err


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"id": "x", "policy": "st-catherin", "text": CLEAN}, 'did you mean "st-catherine"'),
        ({"id": "x", "text": CLEAN}, 'no "policy"'),
        ({"id": "x", "policy": "st-catherine", "text": 42}, '"text" must be a string'),
        ({"id": "x", "policy": "st-catherine", "text": CLEAN, "at": "teatime"}, "ISO 8601"),
        ({"id": "x", "policy": "st-catherine", "text": CLEAN, "exception": "birthday"}, "school-event"),
        (
            {"id": "x", "policy": "st-catherine", "text": CLEAN, "media": "photo.jpg"},
            '"media" must be a list',
        ),
    ],
)
def test_a_bad_line_is_reported_with_its_id_and_line_number(
    bad: dict[str, Any], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", [item("ok", CLEAN), bad])
    status, out, err = run(["check", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    assert status == 2
    ok, error = jsonl_lines(out)
    assert ok["verdict"] == "pass"
    assert error == {"id": "x", "verdict": "error", "error": error["error"], "findings": []}
    assert message in error["error"]
    assert f"{path}:2" in err


def test_jsonl_takes_the_policy_from_the_command_line_when_a_line_has_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", [{"id": 1, "text": SURNAME}])
    status, out, _ = run(["check", "--policy", "rackham", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    assert status == 1
    (result,) = jsonl_lines(out)
    assert result["id"] == 1
    assert "pupil-surname" in {f["category"] for f in result["findings"]}


def test_jsonl_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(item("s", MENTION)) + "\n"))
    status, out, _ = run(["check", "--roster", ROSTER, "--jsonl", "-"], capsys)
    assert status == 0
    assert jsonl_lines(out)[0]["verdict"] == "warn"


def test_a_missing_jsonl_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(["check", "--jsonl", str(tmp_path / "none.jsonl")], capsys)
    assert status == 2
    assert out == ""
    assert "none.jsonl" in err


def test_the_dev_set_runs_through_jsonl_with_a_result_for_every_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    dev = Path(__file__).resolve().parents[2] / "shared" / "eval"
    if not (dev / "dev.jsonl").exists():
        pytest.skip("../shared/eval is not checked out")
    status, out, _ = run(
        ["check", "--roster", str(dev / "roster.csv"), "--jsonl", str(dev / "dev.jsonl")], capsys
    )
    ids = [
        json.loads(line)["id"]
        for line in (dev / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    results = jsonl_lines(out)
    assert [r["id"] for r in results] == ids
    assert all(r["verdict"] in {"pass", "warn", "block"} for r in results)
    assert status in (0, 1)


# --- safepost validate ----------------------------------------------------------------------------


def test_validate_accepts_every_preset(capsys: pytest.CaptureFixture[str]) -> None:
    presets = ["st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney"]
    status, out, _ = run(["validate", *presets], capsys)
    assert status == 0
    assert [line.split(":")[0] for line in out.splitlines()] == presets
    assert all(": valid (" in line for line in out.splitlines())


def test_validate_accepts_a_school_s_own_policy_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "oak-tree.toml"
    path.write_text('[school]\nname = "Oak Tree Primary"\n[writing]\nmax_length = 200\n', encoding="utf-8")
    status, out, _ = run(["validate", str(path)], capsys)
    assert status == 0
    assert "valid (Oak Tree Primary)" in out


def test_validate_reports_every_problem_of_a_bad_file_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ours.toml"
    path.write_text(
        '[school]\nname = "Ours"\n[posting_window]\nstart = "8am"\n[writing]\nhashtags = "end_only"\n',
        encoding="utf-8",
    )
    status, out, err = run(["validate", str(path)], capsys)
    assert status == 2
    assert out == ""
    assert str(path) in err
    assert "posting_window.start" in err
    assert 'did you mean "end-only"' in err


def test_validate_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(["validate", str(tmp_path / "nope.toml")], capsys)
    assert status == 2
    assert "no such policy file" in err


def test_jsonl_findings_carry_only_the_contracts_categories_and_advice_is_listed_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "Drop-off was a shambles again this morning. Please park safely."
    path = write_jsonl(tmp_path / "p.jsonl", [item("tone", text, policy="courtney")])
    _, out, _ = run(["check", "--roster", ROSTER, "--jsonl", str(path)], capsys)
    (result,) = jsonl_lines(out)
    assert {f["category"] for f in result["findings"]} <= set(CATEGORIES)
    assert [a["category"] for a in result["advice"]] == ["tone"]
    assert result["verdict"] == "warn"

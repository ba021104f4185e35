"""`safepost moderate`: the evaluation contract (``--jsonl``) and the single-text report."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from safepost.cli import main

LINES = [
    {
        "id": "a",
        "platform": "x",
        "kind": "reply",
        "author_handle": "@dad",
        "author_bio": "",
        "text": "Bloody brilliant!",
        "in_reply_to": "Our Nativity",
        "expect": "positive",
        "escalate": False,
    },
    {
        "id": "b",
        "platform": "bluesky",
        "kind": "mention",
        "author_handle": "@m.bsky.social",
        "author_bio": "Mum",
        "text": "Is the fair on Saturday?",
        "in_reply_to": None,
    },
    {"id": "c", "text": "Mr Baxter is a tosser"},
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_jsonl_gives_one_line_per_item_in_order_with_label_escalation_action_and_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in LINES) + "\n", encoding="utf-8")
    status, out, _err = _run(["moderate", "--jsonl", str(path)], capsys)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert [(r["label"], r["escalate"]) for r in rows] == [
        ("offensive", False),
        ("neutral", False),
        ("offensive", True),
    ]
    assert rows[0]["action"] == "hide-record-block"
    assert rows[0]["reasons"][0]["matched"] == "Bloody"
    assert rows[2]["names"] == ["Mr Baxter"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json}\n", "not valid JSON"),
        (b"[1, 2]\n", "must be a JSON object"),
        (b'{"id": "x", "text": 5}\n', '"text" must be a string'),
        (b'{"id": "x", "text": "hi", "author_bio": ["a"]}\n', '"author_bio" must be a string'),
        (b'{"id": "x", "text": "hi", "in_reply_to": 3}\n', '"in_reply_to" must be a string or null'),
        (b'{"id": "x", "text": "caf\xe9"}\n', "not UTF-8"),
        # The same hostile lines `safepost check --jsonl` refuses (issue 16): one reader serves both.
        (b'{"id": "x", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested too deeply"),
        (b'{"id": ' + b"9" * 5_000 + b', "text": "hi"}\n', "too long"),
        (b'{"id": "\\ud800", "text": "hi"}\n', "lone surrogate"),
        (b'{"id": "x", "text": "hi \\udc00"}\n', "lone surrogate"),
        (b'{"id": true, "text": "hi"}\n', '"id" must be text or a whole number'),
    ],
)
def test_a_bad_line_is_reported_with_its_line_number_and_the_others_are_still_judged(
    raw: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "ok", "text": "Thank you, lovely day!"}).encode()
    path.write_bytes(good + b"\n" + raw + good + b"\n")
    status, out, err = _run(["moderate", "--jsonl", str(path)], capsys)
    assert status == 2
    assert f"{path}:2: " in err and message in err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert rows[0]["label"] == rows[2]["label"] == "positive"
    assert "error" in rows[1] and message in rows[1]["error"]
    assert "Traceback" not in err


def test_a_missing_file_is_a_clear_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(["moderate", "--jsonl", str(tmp_path / "nope.jsonl")], capsys)
    assert status == 2 and "cannot read the file" in err


def test_a_single_text_gets_a_readable_report_with_the_words_marked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _err = _run(["moderate", "Mrs Gill is a useless cow"], capsys)
    assert status == 0
    assert "label: offensive" in out
    assert "escalate: yes (names Mrs Gill)" in out
    assert "Hide or delete it, record it and block the author." in out
    assert "insult (the text 23-25)" in out
    assert "^^^" in out


def test_the_bio_is_shown_as_the_reason_when_it_decides(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = _run(
        ["moderate", "Great post! 👍", "--bio", "Forex trader | Financial freedom"], capsys
    )
    assert status == 0
    assert "label: spam" in out and "(the author's bio" in out


def test_json_format_and_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("What time does the fair start?"))
    status, out, _err = _run(["moderate", "-", "--format", "json"], capsys)
    data: dict[str, Any] = json.loads(out)
    assert status == 0 and data["label"] == "neutral" and data["escalate"] is False


def test_known_names_can_be_given_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Funny how Grace always gets the lead. Some of us have noticed."
    _status, out, _err = _run(["moderate", text, "--known-name", "Grace,Hope", "--format", "json"], capsys)
    assert json.loads(out)["escalate"] is True


def test_no_text_and_no_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(["moderate"], capsys)
    assert status == 2 and "give the reply text" in err

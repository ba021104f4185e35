"""Any `safepost check --jsonl` file gets one whole JSON record for each non-blank line, in order:
never a traceback, never a half-written or missing record."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from fuzzing import count_case, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from safepost.cli import main

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=30),
        st.sampled_from(["rackham", "st-catherine", "2026-03-10T10:00", "9999-12-31T23:59", "school-event"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
items = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "text": st.one_of(st.text(max_size=200), json_values),
        "policy": st.one_of(st.sampled_from(["rackham", "courtney", "nope"]), json_values),
        "at": st.one_of(
            st.sampled_from(["2026-03-10T10:00", "2026-03-08T20:15+01:00", "0001-01-01T00:00"]), json_values
        ),
        "exception": st.one_of(st.sampled_from(["school-event", "urgent-news"]), json_values),
        "role": json_values,
        "media": json_values,
        "pupil_photos": json_values,
    },
)
lines = st.one_of(
    items.map(lambda item: json.dumps(item).encode()),
    json_values.map(lambda value: json.dumps(value).encode()),
    st.binary(max_size=60).filter(lambda raw: b"\n" not in raw and b"\r" not in raw),
)


@fuzz_settings
@given(body=st.lists(lines, min_size=1, max_size=6))
def test_every_line_gets_one_whole_record_in_order(
    body: list[bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    count_case()
    path: Path = tmp_path_factory.mktemp("jsonl") / "posts.jsonl"
    path.write_bytes(b"\n".join(body) + b"\n")
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        status = main(["check", "--jsonl", str(path), "--policy", "st-catherine"])
    out, err = stdout.getvalue(), stderr.getvalue()
    assert status in (0, 1, 2)
    assert "Traceback" not in err
    records = [json.loads(line) for line in out.splitlines()]
    expected = [raw for raw in body if raw.strip()]
    assert len(records) == len(expected)
    for record in records:
        assert record["verdict"] in ("pass", "warn", "block", "error")
        assert isinstance(record["findings"], list)

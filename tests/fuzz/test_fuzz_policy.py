"""Any policy file, mutated or made up, is accepted or refused with a PolicyError: never a traceback."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from fuzzing import count_case, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from safepost.policy.config import PRESETS_DIR, Policy, PolicyError, load_policy, parse_policy, parse_toml

PRESET_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(PRESETS_DIR.glob("*.toml"))]
KEYS = [
    "school",
    "name",
    "timezone",
    "posting_window",
    "start",
    "end",
    "days",
    "exceptions",
    "pupils",
    "writing",
    "max_length",
    "photos",
    "keep_renditions_days",
    "rules",
    "SP101",
    "severity",
    "enabled",
    "words",
    "credentials",
    "term_starts",
    "rotation",
    "accounts",
    "moderation",
    "review",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "08:00",
            "25:00",
            "99999999999999999999:00",
            "Europe",
            "Europe/London",
            "a" * 300,
            "block",
            "warn",
            "info",
            "mon",
            "09-01",
            "02-30",
            "termly",
        ]
    ),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    ),
    max_leaves=25,
)


def check_outcome(outcome: Any) -> None:
    assert isinstance(outcome, Policy)
    assert outcome.tz is not None  # a policy that loads has a usable time zone


@fuzz_settings
@given(data=st.dictionaries(st.sampled_from(KEYS), documents, max_size=8))
def test_any_parsed_document_is_a_policy_or_a_policy_error(data: dict[str, Any]) -> None:
    count_case()
    try:
        check_outcome(parse_policy(data, "fuzz.toml"))
    except PolicyError as exc:
        assert str(exc).startswith("fuzz.toml: ")


@fuzz_settings
@given(
    preset=st.sampled_from(PRESET_TEXTS),
    edits=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 6), st.text(max_size=12)), max_size=6
    ),
)
def test_a_mutated_policy_file_is_a_policy_or_a_policy_error(
    preset: str, edits: list[tuple[float, int, str]], tmp_path_factory: Any
) -> None:
    count_case()
    text = preset
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    path = tmp_path_factory.mktemp("policy") / "policy.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        check_outcome(load_policy(path))
    except PolicyError as exc:
        assert "Traceback" not in str(exc)
    with contextlib.suppress(PolicyError):
        parse_policy(parse_toml(text, "the policy"), "the policy")


@fuzz_settings
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_policy_file_are_a_policy_or_a_policy_error(raw: bytes, tmp_path_factory: Any) -> None:
    count_case()
    path: Path = tmp_path_factory.mktemp("policy") / "policy.toml"
    path.write_bytes(raw)
    with contextlib.suppress(PolicyError):
        check_outcome(load_policy(path))

"""The policy file format: presets carry their seed policies, and bad files get clear errors.

Structural checks call ``parse_policy`` with a small, fixed set of rule keys so
they do not depend on which rule modules exist; the presets and the file-level
errors go through ``load_policy`` as ``safepost check`` does.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safepost.policy.config import (
    Policy,
    PolicyError,
    RuleSetting,
    WindowException,
    format_reference,
    load_policy,
    parse_policy,
    preset_names,
)

PRESETS = ("st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney")
SOURCE = "governors-policy.toml"
RULE_KEYS = {"SP101": "SP101", "pupil-surname": "SP101", "SP401": "SP401", "at-mention": "SP401"}
MINIMAL = '[school]\nname = "Test Primary School"\n'


def parse(body: str, rule_keys: dict[str, str] | None = None) -> Policy:
    """Parse a policy whose [school] section is filled in, plus ``body``."""
    return parse_policy(tomllib.loads(MINIMAL + body), SOURCE, rule_keys=rule_keys or RULE_KEYS)


def problems_of(body: str) -> list[str]:
    """The problems reported for a policy file, asserting it was rejected."""
    with pytest.raises(PolicyError) as info:
        parse(body)
    assert info.value.source == SOURCE
    assert SOURCE in str(info.value), "the message must name the file"
    return info.value.problems


def dig(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = obj[part] if isinstance(obj, dict) else getattr(obj, part)
    return obj


# --- the presets carry what their seed policies say ---------------------------------------------


def test_every_preset_is_bundled() -> None:
    assert set(preset_names()) == set(PRESETS)


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_by_name_and_is_named_after_itself(name: str) -> None:
    policy = load_policy(name)
    assert policy.name == name
    assert policy.school.name
    assert policy.path.endswith(f"{name}.toml")


@pytest.mark.parametrize(
    ("preset", "key", "expected"),
    [
        # St Catherine of Siena (seed 000)
        ("st-catherine", "posting_window.start", time(8, 0)),  # CAT-03
        ("st-catherine", "posting_window.end", time(18, 0)),
        ("st-catherine", "posting_window.days", ["mon", "tue", "wed", "thu", "fri"]),
        ("st-catherine", "pupils.names", "first-names-only"),  # CAT-07
        ("st-catherine", "pupils.individual_content", "block"),  # CAT-13
        ("st-catherine", "writing.mentions", "avoid"),  # CAT-12
        ("st-catherine", "interaction.replies", "receive-only"),  # CAT-06
        ("st-catherine", "interaction.visibility", "public"),  # CAT-02
        ("st-catherine", "interaction.mentions_of_school", "welcome"),  # CAT-04
        ("st-catherine", "photos.single_child", "warn"),  # CAT-08
        ("st-catherine", "credentials.rotation", "termly"),  # CAT-09
        ("st-catherine", "following.follows", "educational-only"),  # CAT-05
        # No names, no faces (seed 001)
        ("no-names-no-faces", "pupils.names", "none"),  # NNF-07
        ("no-names-no-faces", "photos.faces", "blocked"),  # NNF-08
        ("no-names-no-faces", "pupils.individual_content", "block"),  # NNF-09
        ("no-names-no-faces", "pupils.trip_whereabouts", "block"),  # NNF-11
        ("no-names-no-faces", "interaction.replies", "none"),  # NNF-06
        ("no-names-no-faces", "posting_window.start", time(8, 0)),  # NNF-04
        ("no-names-no-faces", "posting_window.end", time(18, 0)),
        ("no-names-no-faces", "accounts.publishers", ["headteacher", "senior-leader"]),  # NNF-01
        # Rackham (seed 002)
        ("rackham", "posting_window.start", time(7, 0)),  # RAC-03
        ("rackham", "posting_window.end", time(19, 0)),
        ("rackham", "accounts.class_accounts", True),  # RAC-01
        ("rackham", "accounts.reshare_class_posts", True),  # RAC-02
        ("rackham", "photos.delete_originals_after_publish", True),  # RAC-04
        ("rackham", "photos.consent_required", True),  # RAC-05
        ("rackham", "following.follows", "case-by-case"),  # RAC-07
        ("rackham", "following.staff_personal_followers", "remove"),  # RAC-09
        ("rackham", "pupils.names", "first-names-only"),  # RAC-11
        # Sutton Manor (seed 003)
        ("sutton-manor", "writing.max_length", 240),  # SUT-01
        ("sutton-manor", "writing.text_speak", "block"),  # SUT-05
        ("sutton-manor", "writing.hashtags", "end-only"),  # SUT-06
        ("sutton-manor", "pupils.names", "not-with-photos"),  # SUT-07
        ("sutton-manor", "photos.consent_required", True),  # SUT-08
        ("sutton-manor", "following.follower_review", "weekly"),  # SUT-09
        ("sutton-manor", "interaction.replies", "none"),  # SUT-12
        ("sutton-manor", "accounts.agreement_required", True),  # SUT-15
        ("sutton-manor", "writing.offensive", "block"),  # SUT-16
        ("sutton-manor", "writing.personal_data", "block"),
        # Courtney (seed 004)
        ("courtney", "interaction.visibility", "followers-only"),  # COU-04
        ("courtney", "interaction.replies", "open"),  # COU-02
        ("courtney", "credentials.rotation", "on-permission"),  # COU-07
        ("courtney", "accounts.notifications_to", ["office"]),  # COU-05
        ("courtney", "photos.consent_required", True),  # COU-08
        ("courtney", "moderation.keep_evidence", True),  # COU-11
    ],
)
def test_each_preset_carries_the_settings_its_seed_policy_states(
    preset: str, key: str, expected: Any
) -> None:
    assert dig(load_policy(preset), key) == expected


def test_courtney_credential_rotation_needs_the_permission_of_the_head_or_computing_lead() -> None:
    assert set(load_policy("courtney").credentials.needs_permission_of) == {"headteacher", "computing-lead"}


def test_courtney_lets_office_staff_publish_as_the_credentials_are_shared_with_them() -> None:
    assert "office" in load_policy("courtney").accounts.publishers  # COU-06


@pytest.mark.parametrize("name", ["st-catherine", "no-names-no-faces", "rackham"])
def test_presets_with_a_posting_window_allow_events_and_urgent_news_outside_it(name: str) -> None:
    assert set(load_policy(name).posting_window.exceptions) == {"school-event", "urgent-news"}


@pytest.mark.parametrize("name", ["st-catherine", "no-names-no-faces", "rackham", "courtney"])
def test_presets_without_a_length_clause_use_the_platform_limit(name: str) -> None:
    assert load_policy(name).writing.max_length == 280


@pytest.mark.parametrize("name", ["no-names-no-faces", "rackham", "sutton-manor", "courtney"])
def test_only_st_catherine_asks_staff_to_avoid_mentions(name: str) -> None:
    assert load_policy(name).writing.mentions == "allow"


def test_every_preset_is_in_the_uk_school_day_time_zone() -> None:
    for name in PRESETS:
        assert load_policy(name).tz.key == "Europe/London"


def test_a_preset_can_be_loaded_by_its_file_path() -> None:
    path = Path(load_policy("rackham").path)
    assert load_policy(path).posting_window.start == time(7, 0)


def test_a_copied_preset_takes_the_name_of_its_file_when_it_has_none(tmp_path: Path) -> None:
    path = tmp_path / "oak-tree-primary.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    policy = load_policy(path)
    assert policy.name == "oak-tree-primary"
    assert policy.writing.max_length == 280  # the defaults fill in what the file leaves out


# --- strict validation: every problem names the file, the key and what is allowed ---------------


def test_an_unknown_key_is_reported_with_did_you_mean_and_the_allowed_keys() -> None:
    (problem,) = problems_of("[writing]\nmax_lenght = 200\n")
    assert problem.startswith("writing.max_lenght:")
    assert 'did you mean "max_length"' in problem
    assert '"hashtags"' in problem  # what is allowed here


def test_an_unknown_section_is_reported_with_did_you_mean() -> None:
    (problem,) = problems_of("[writting]\nmax_length = 200\n")
    assert problem.startswith("writting:")
    assert 'did you mean "writing"' in problem
    assert '"posting_window"' in problem


def test_a_mistyped_key_in_a_subsection_is_reported_with_its_full_path() -> None:
    (problem,) = problems_of('[posting_window]\nstrat = "08:00"\n')
    assert "posting_window.strat" in problem
    assert 'did you mean "start"' in problem


@pytest.mark.parametrize("value", ["8am", "25:00", "08:60", "eight", "0800", "8.00", ""])
def test_a_time_that_is_not_hh_mm_is_rejected(value: str) -> None:
    (problem,) = problems_of(f'[posting_window]\nstart = "{value}"\n')
    assert problem.startswith("posting_window.start:")
    assert "HH:MM" in problem


def test_a_toml_local_time_is_accepted_as_well_as_a_string() -> None:
    policy = parse("[posting_window]\nstart = 07:30:00\nend = 17:45:00\n")
    assert (policy.posting_window.start, policy.posting_window.end) == (time(7, 30), time(17, 45))


def test_a_window_that_starts_after_it_ends_is_rejected() -> None:
    (problem,) = problems_of('[posting_window]\nstart = "19:00"\nend = "08:00"\n')
    assert problem.startswith("posting_window")
    assert "19:00" in problem
    assert "08:00" in problem


def test_a_window_with_no_days_is_rejected() -> None:
    (problem,) = problems_of("[posting_window]\ndays = []\n")
    assert problem.startswith("posting_window.days")


def test_a_string_where_a_number_is_wanted_is_rejected() -> None:
    (problem,) = problems_of('[writing]\nmax_length = "240"\n')
    assert problem.startswith("writing.max_length:")
    assert "whole number" in problem


def test_a_number_where_a_list_is_wanted_is_rejected() -> None:
    (problem,) = problems_of("[accounts]\npublishers = 3\n")
    assert problem.startswith("accounts.publishers:")
    assert "list" in problem


def test_a_string_where_true_or_false_is_wanted_is_rejected() -> None:
    (problem,) = problems_of('[accounts]\nclass_accounts = "yes"\n')
    assert problem.startswith("accounts.class_accounts:")
    assert "true or false" in problem


def test_a_value_where_a_section_is_wanted_is_rejected() -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy({"school": {"name": "X"}, "writing": 240}, SOURCE, rule_keys={})
    (problem,) = info.value.problems
    assert problem.startswith("writing:")
    assert "table" in problem


@pytest.mark.parametrize("length", [0, -5, 100_000])
def test_a_length_limit_outside_sensible_bounds_is_rejected(length: int) -> None:
    (problem,) = problems_of(f"[writing]\nmax_length = {length}\n")
    assert problem.startswith("writing.max_length:")


@pytest.mark.parametrize(
    ("body", "path", "suggestion"),
    [
        ('[writing]\nhashtags = "end_only"\n', "writing.hashtags", "end-only"),
        ('[writing]\ntext_speak = "blok"\n', "writing.text_speak", "block"),
        ('[pupils]\nnames = "first-name-only"\n', "pupils.names", "first-names-only"),
        ('[interaction]\nreplies = "recieve-only"\n', "interaction.replies", "receive-only"),
        ('[posting_window]\ndays = ["mon", "fry"]\n', "posting_window.days[1]", "fri"),
        (
            '[accounts]\npublishers = ["headteacher", "head-teacher"]\n',
            "accounts.publishers[1]",
            "headteacher",
        ),
        (
            '[posting_window.exceptions.school-evnt]\nroles = ["headteacher"]\n',
            "posting_window.exceptions.school-evnt",
            "school-event",
        ),
    ],
)
def test_an_unknown_choice_is_reported_with_did_you_mean_and_the_choices(
    body: str, path: str, suggestion: str
) -> None:
    (problem,) = problems_of(body)
    assert problem.startswith(f"{path}:")
    assert f'did you mean "{suggestion}"' in problem
    assert "use one of" in problem
    assert f'"{suggestion}"' in problem.split("use one of", 1)[1]


def test_a_choice_far_from_any_allowed_value_lists_the_choices_without_a_guess() -> None:
    (problem,) = problems_of('[writing]\nmentions = "whatever"\n')
    assert "did you mean" not in problem
    assert '"avoid", "allow"' in problem


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("SP10", "SP101"), ("pupil-surnmae", "pupil-surname"), ("at-mentoin", "at-mention")],
)
def test_an_unknown_rule_is_reported_with_did_you_mean(key: str, suggestion: str) -> None:
    (problem,) = problems_of(f"[rules.{key}]\nenabled = false\n")
    assert problem.startswith(f"rules.{key}:")
    assert f'did you mean "{suggestion}"' in problem
    assert "safepost rules" in problem


def test_a_rule_can_be_set_by_code_or_by_name_and_is_stored_by_code() -> None:
    policy = parse('[rules.pupil-surname]\nseverity = "warn"\n[rules.SP401]\nenabled = false\n')
    assert policy.rules == {"SP101": RuleSetting(severity="warn"), "SP401": RuleSetting(enabled=False)}


def test_a_bad_severity_in_a_rule_setting_is_reported_with_did_you_mean() -> None:
    (problem,) = problems_of('[rules.SP101]\nseverity = "wrn"\n')
    assert problem.startswith("rules.SP101.severity:")
    assert 'did you mean "warn"' in problem


def test_the_real_rule_registry_validates_rule_keys_in_a_policy_file(tmp_path: Path) -> None:
    from safepost.policy.registry import all_rules

    rule = all_rules()[0]
    typo = rule.name[:-1] + rule.name[-1] * 2
    path = tmp_path / "policy.toml"
    path.write_text(
        MINIMAL + f"[rules.{rule.code}]\nenabled = false\n[rules.{typo}]\nenabled = false\n", encoding="utf-8"
    )
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    (problem,) = info.value.problems
    assert problem.startswith(f"rules.{typo}:")
    assert f'did you mean "{rule.name}"' in problem


@pytest.mark.parametrize("zone", ["Europe/Londn", "GMT+25", "../../etc/passwd", ""])
def test_an_unknown_time_zone_is_rejected(zone: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy(tomllib.loads(f'[school]\nname = "X"\ntimezone = "{zone}"\n'), SOURCE, rule_keys={})
    (problem,) = info.value.problems
    assert problem.startswith("school.timezone:")
    assert "Europe/London" in problem  # an example of what is allowed


def test_a_missing_school_name_is_reported_as_required() -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy({}, SOURCE, rule_keys={})
    assert info.value.problems == ["school: is required"]


def test_several_problems_are_all_reported_at_once() -> None:
    body = (
        '[writing]\nmax_lenght = 200\nhashtags = "end_only"\n'
        '[posting_window]\nstart = "8am"\n'
        "[accounts]\npublishers = 3\n"
        "[rules.SP10]\nenabled = false\n"
    )
    with pytest.raises(PolicyError) as info:
        parse(body)
    assert [p.split(":", 1)[0] for p in info.value.problems] == [
        "writing.max_lenght",
        "writing.hashtags",
        "posting_window.start",
        "accounts.publishers",
        "rules.SP10",
    ]
    assert "5 problem(s)" in str(info.value)


def test_a_bad_time_zone_is_reported_together_with_a_mistyped_key() -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy(
            tomllib.loads('[school]\nname = "X"\ntimezone = "Europe/Londn"\n[writing]\nmax_lenght = 1\n'),
            SOURCE,
            rule_keys={},
        )
    assert sorted(p.split(":", 1)[0] for p in info.value.problems) == [
        "school.timezone",
        "writing.max_lenght",
    ]


# --- file-level errors --------------------------------------------------------------------------


def test_invalid_toml_is_reported_with_the_file_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[school\nname = "X"\n', encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert str(path) in str(info.value)
    (problem,) = info.value.problems
    assert "not valid TOML" in problem
    assert "line 1" in problem


def test_a_file_that_is_not_utf8_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[school]\nname = "Ysgol Gymraeg Dewi Sant \u2013 Zo\u00eb"\n'.encode("cp1252"))
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert str(path) in str(info.value)


def test_a_missing_file_is_reported_with_the_presets_that_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(PolicyError) as info:
        load_policy(missing)
    assert str(missing) in str(info.value)
    (problem,) = info.value.problems
    assert "no such policy file" in problem
    assert all(f'"{name}"' in problem for name in PRESETS)


def test_a_mistyped_preset_name_suggests_the_nearest_preset() -> None:
    with pytest.raises(PolicyError) as info:
        load_policy("sutton-manr")
    (problem,) = info.value.problems
    assert 'did you mean "sutton-manor"' in problem


def test_a_directory_is_not_mistaken_for_a_policy_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path)
    assert str(tmp_path) in str(info.value)


# --- robustness: any value in any key is a PolicyError, never a traceback -----------------------

_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "08:00",
            "25:00",
            "block",
            "warn",
            "allow",
            "end-only",
            "none",
            "mon",
            "headteacher",
            "Europe/London",
            "school-event",
        ]
    ),
    st.times(),
    st.datetimes(),
    st.dates(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _schema_paths(cls: Any, prefix: str = "") -> list[str]:
    paths = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        path = f"{prefix}{f.name}"
        paths.append(path)
        if dataclasses.is_dataclass(hints[f.name]):
            paths.extend(_schema_paths(hints[f.name], path + "."))
    return paths


_PATHS = [
    *_schema_paths(Policy),
    "rules.SP101",
    "rules.SP101.severity",
    "rules.SP101.words",
    "posting_window.exceptions.school-event",
    "posting_window.exceptions.school-event.roles",
]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(_PATHS), _VALUES, max_size=4))
def test_any_value_in_any_key_is_accepted_or_rejected_as_a_policy_error(assignments: dict[str, Any]) -> None:
    data: dict[str, Any] = {"school": {"name": "X"}}
    for dotted, value in sorted(assignments.items()):
        *parents, last = dotted.split(".")
        node = data
        for part in parents:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[last] = value
    try:
        parse_policy(data, SOURCE, rule_keys=RULE_KEYS)
    except PolicyError as exc:
        assert exc.problems
        assert all(":" in p for p in exc.problems)


# --- the format reference -----------------------------------------------------------------------


def test_the_format_reference_documents_every_section_and_key() -> None:
    reference = format_reference()

    def walk(cls: Any, title: str) -> None:
        assert f"## `[{title}]`" in reference, f"section [{title}] is not documented"
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.metadata.get("internal"):
                continue
            if dataclasses.is_dataclass(hints[f.name]):
                walk(hints[f.name], f.name)
            else:
                assert f"| `{f.name}` |" in reference, f"[{title}] {f.name} is not documented"
                assert f.metadata.get("doc"), f"[{title}] {f.name} has no documentation"

    walk(Policy, "top level")
    walk(WindowException, "posting_window.exceptions.KIND")
    walk(RuleSetting, "rules.CODE")


def test_the_format_reference_lists_the_allowed_choices_and_defaults() -> None:
    reference = format_reference()
    assert '`"end-only"` \\| `"anywhere"`' in reference
    assert '`"08:00"`' in reference  # the default window start
    assert "`280`" in reference


def test_the_format_reference_mentions_clause_ids_so_schools_can_trace_settings() -> None:
    reference = format_reference()
    for clause in ("SUT-01", "CAT-12", "NNF-07", "RAC-11", "COU-04"):
        assert clause in reference


def test_term_starts_must_be_real_days() -> None:
    problems = problems_of('[credentials]\nrotation = "termly"\nterm_starts = ["09-01", "13-40", "Sept"]\n')
    assert any(
        'credentials.term_starts: "13-40" is not a day of the year written "MM-DD"' in p for p in problems
    )
    assert any('"Sept" is not a day of the year' in p for p in problems)
    assert parse('[credentials]\nterm_starts = ["02-29", "09-03"]\n').credentials.term_starts == [
        "02-29",
        "09-03",
    ]


def test_photos_cannot_be_kept_a_negative_number_of_days() -> None:
    assert problems_of("[photos]\nkeep_renditions_days = -3\n") == [
        "photos.keep_renditions_days: must not be negative, got -3"
    ]

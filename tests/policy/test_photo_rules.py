"""The photo rules (SP6xx) are rules like any other: a policy file can set them under `[rules.CODE]`."""

from __future__ import annotations

import tomllib

import pytest

from safepost.photos.policy import assess
from safepost.policy.config import PRESETS_DIR, Policy, PolicyError, parse_policy
from safepost.policy.findings import Severity
from safepost.policy.photo_facts import FaceInPhoto, PhotoFacts

FACES = PhotoFacts(1, faces=(FaceInPhoto(0), FaceInPhoto(1)), alt_text="Year 3 building a bridge.")


def preset_with(extra: str, preset: str = "no-names-no-faces") -> Policy:
    text = (PRESETS_DIR / f"{preset}.toml").read_text(encoding="utf-8") + "\n" + extra
    return parse_policy(tomllib.loads(text), f"{preset}.toml + test")


def codes(policy: Policy) -> list[str]:
    return sorted({f.rule for f in assess([FACES], policy, {"social"})})


def test_the_preset_flags_visible_faces_without_any_override() -> None:
    assert "SP601" in codes(preset_with(""))


@pytest.mark.parametrize("key", ["SP601", "visible-face"])
def test_a_photo_rule_can_be_turned_off_by_code_or_name(key: str) -> None:
    policy = preset_with(f'[rules."{key}"]\nenabled = false\n')
    assert "SP601" not in codes(policy)
    assert "SP603" in codes(policy), "only the rule named is turned off"


def test_a_photo_rules_severity_can_be_overridden() -> None:
    policy = preset_with('[rules.SP601]\nseverity = "warn"\n')
    found = [f for f in assess([FACES], policy, {"social"}) if f.rule == "SP601"]
    assert found and all(f.severity is Severity.WARN for f in found)


def test_an_unknown_photo_rule_code_is_refused_with_a_hint() -> None:
    with pytest.raises(PolicyError, match="SP601"):
        preset_with("[rules.SP61]\nenabled = false\n")

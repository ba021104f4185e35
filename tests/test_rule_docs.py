"""Every rule is documented, and its documentation examples are executed.

Each rule's docstring has the sections *What it flags / Why it matters /
Example / Use instead*. The first paragraph of *Example* must be flagged by the
rule and the first paragraph of *Use instead* must not be, checked against the
test roster (``tests/fixtures/roster.csv``) under a preset that turns the rule on.

An example can set the circumstances of the post with one line in parentheses
anywhere in its first paragraph, items separated by commas::

    (at 2026-03-08T20:15)
    (at 2026-03-08T20:15, exception school-event, role class-teacher)
    (policy sutton-manor, with photos of pupils)

``at`` is the local time the post would go out (ISO 8601), ``policy`` a preset
to use instead of the first one that turns the rule on, ``exception`` and
``role`` as in ``safepost check``, ``website`` the school website's address, and ``with photos of pupils`` marks a post
carrying photos of pupils. *Use instead* is checked in the circumstances of
*Example* unless it has a line of its own.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest

from safepost.policy.config import EXCEPTION_KINDS, ROLES, Policy, load_policy
from safepost.policy.findings import ADVICE_CATEGORIES, CATEGORIES, PHOTO_CATEGORIES, Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import DOC_SECTIONS, Context, PhotoRule, Post, Rule

try:
    from safepost.policy.registry import all_rules, get_rule, photo_rules, rule_keys, text_rules

    RULES: tuple[Rule, ...] = all_rules()
    IMPORT_ERROR = ""
except ImportError as exc:  # a rule module is missing: every test below fails with this reason
    RULES = ()
    IMPORT_ERROR = f"the rule registry does not import: {exc}"

PRESETS = ("st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney")
CLAUSES_MD = Path(__file__).resolve().parents[2] / "shared" / "clauses.md"
# The register's IDs, for checkouts without ../shared (kept in step with shared/clauses.md).
KNOWN_CLAUSES = (
    {f"CAT-{i:02}" for i in range(1, 15)}
    | {f"NNF-{i:02}" for i in range(1, 13)}
    | {f"RAC-{i:02}" for i in range(1, 14)}
    | {f"SUT-{i:02}" for i in range(1, 18)}
    | {f"COU-{i:02}" for i in range(1, 14)}
)
CLAUSE_ID = re.compile(r"\b[A-Z]{3}-\d{2}\b")


def clause_ids() -> set[str]:
    """The clause IDs of shared/clauses.md, or the copy above when it is not checked out."""
    if CLAUSES_MD.exists():
        ids = set(re.findall(r"^\|\s*([A-Z]{3}-\d{2})\s*\|", CLAUSES_MD.read_text(encoding="utf-8"), re.M))
        assert ids, f"no clause IDs found in {CLAUSES_MD}"
        return ids
    return KNOWN_CLAUSES


def rule_id(rule: Rule) -> str:
    return f"{rule.code}-{rule.name}"


def rules_or_fail() -> tuple[Rule, ...]:
    if IMPORT_ERROR:
        pytest.fail(IMPORT_ERROR)
    return RULES


# The test IDs need the rules at collection time; when the registry is broken
# one placeholder parameter carries the import error into a failing test.
RULE_PARAMS = [pytest.param(r, id=rule_id(r)) for r in RULES] or [pytest.param(None, id="registry")]


# --- the registry ---------------------------------------------------------------------------------


def test_the_registry_imports_with_every_rule_module() -> None:
    assert not IMPORT_ERROR, IMPORT_ERROR
    assert RULES


def test_rule_codes_are_unique_and_look_like_sp_and_three_digits() -> None:
    codes = [r.code for r in rules_or_fail()]
    assert len(codes) == len(set(codes)), f"duplicate codes: {sorted(c for c in codes if codes.count(c) > 1)}"
    bad = [c for c in codes if not re.fullmatch(r"SP\d{3}", c)]
    assert not bad, f"codes not of the form SPnnn: {bad}"


def test_rules_are_listed_in_code_order() -> None:
    codes = [r.code for r in rules_or_fail()]
    assert codes == sorted(codes)


def test_rule_names_are_unique_and_kebab_case() -> None:
    names = [r.name for r in rules_or_fail()]
    assert len(names) == len(set(names)), f"duplicate names: {sorted(n for n in names if names.count(n) > 1)}"
    bad = [n for n in names if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", n)]
    assert not bad, f"names not in kebab-case: {bad}"


def test_each_rule_has_a_category_from_the_public_contract_or_the_advice_and_a_severity() -> None:
    for rule in rules_or_fail():
        if isinstance(rule, PhotoRule):
            assert rule.category in PHOTO_CATEGORIES, (
                f"{rule.code}: {rule.category!r} is not a photo category"
            )
            continue
        assert rule.category in CATEGORIES or rule.category in ADVICE_CATEGORIES, (
            f"{rule.code}: category {rule.category!r} is not in findings.CATEGORIES or ADVICE_CATEGORIES"
        )
        assert isinstance(rule.default_severity, Severity)


def test_advice_rules_are_off_in_every_preset_that_does_not_ask_for_them() -> None:
    # Advice is not safeguarding: a preset turns it on only where its seed policy asks.
    asked = {
        "SP407": {"courtney"},
        "SP408": {"rackham", "sutton-manor"},
        "SP502": {"no-names-no-faces", "courtney"},
    }
    for rule in rules_or_fail():
        if rule.category not in ADVICE_CATEGORIES:
            continue
        on = {name for name in PRESETS if rule.severity(load_policy(name)) is not None}
        assert on == asked.get(rule.code, set()), f"{rule.code} is on in {sorted(on)}"


def test_every_finding_category_has_a_rule() -> None:
    covered = {r.category for r in rules_or_fail()}
    assert set(CATEGORIES) - covered == set()
    assert set(ADVICE_CATEGORIES) - covered == set()
    assert set(PHOTO_CATEGORIES) - covered == set()


def test_photo_rules_are_in_the_one_registry_and_the_text_checker_does_not_run_them() -> None:
    rules = rules_or_fail()
    photos = [r for r in rules if isinstance(r, PhotoRule)]
    assert [r.code for r in photos] == [f"SP60{i}" for i in range(1, len(photos) + 1)]
    assert photo_rules() == tuple(photos)
    assert set(text_rules()) | set(photo_rules()) == set(rules)
    assert not set(text_rules()) & set(photo_rules())


def test_rules_are_found_by_code_and_by_name_in_any_case() -> None:
    for rule in rules_or_fail():
        assert get_rule(rule.code) is rule
        assert get_rule(rule.code.lower()) is rule
        assert get_rule(f" {rule.name.upper()} ") is rule
    assert get_rule("SP000") is None


def test_policy_files_may_name_a_rule_by_code_or_name() -> None:
    keys = rule_keys()
    for rule in rules_or_fail():
        assert keys[rule.code] == rule.code
        assert keys[rule.name] == rule.code


# --- the docstrings -------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_each_rule_docstring_has_a_summary_and_the_four_sections_in_order(rule: Rule | None) -> None:
    rule = rule or rules_or_fail()[0]
    doc = rule.__doc__ or ""
    sections = rule.doc_sections()
    assert rule.summary(), f"{rule.code} has no summary line"
    missing = [s for s in DOC_SECTIONS if not sections.get(s)]
    assert not missing, f"{rule.code} docstring lacks (or leaves empty) the sections {missing}"
    positions = [doc.index(f"{s}:") for s in DOC_SECTIONS]
    assert positions == sorted(positions), f"{rule.code}: sections must come in the order {DOC_SECTIONS}"


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_why_it_matters_cites_clauses_that_exist_in_the_register(rule: Rule | None) -> None:
    rule = rule or rules_or_fail()[0]
    why = rule.doc_sections().get("Why it matters", "")
    cited = set(CLAUSE_ID.findall(why))
    assert cited, f"{rule.code}: 'Why it matters' cites no clause ID from shared/clauses.md"
    unknown = cited - clause_ids()
    assert not unknown, f"{rule.code}: cites clause IDs that are not in the register: {sorted(unknown)}"


# --- the documentation examples, executed ---------------------------------------------------------


@dataclass
class Circumstances:
    """What an example's "(at ..., policy ..., ...)" line says about the post."""

    at: datetime | None = None
    policy: str | None = None
    exception: str | None = None
    role: str | None = None
    photos: bool = False
    website: str = ""
    given: bool = field(default=False, compare=False)

    def post(self, text: str) -> Post:
        media = ("photo-of-pupils.jpg",) if self.photos else ()
        return Post(
            text, at=self.at, exception=self.exception, role=self.role, media=media, pupil_photos=self.photos
        )


_ITEM_KEYS = ("at", "policy", "exception", "role", "website", "with photos of pupils")


def _is_circumstances(line: str) -> bool:
    line = line.strip()
    if not (line.startswith("(") and line.endswith(")")):
        return False
    first = line[1:-1].split(",")[0].strip()
    return any(first == k or first.startswith(f"{k} ") for k in _ITEM_KEYS)


def _parse_circumstances(line: str, where: str) -> Circumstances:
    found = Circumstances(given=True)
    for raw in line.strip()[1:-1].split(","):
        item = raw.strip()
        key, _, value = item.partition(" ")
        if item == "with photos of pupils":
            found.photos = True
        elif key == "at":
            try:
                found.at = datetime.fromisoformat(value)
            except ValueError:
                pytest.fail(f"{where}: ({item}) is not an ISO 8601 time such as 2026-03-08T20:15")
        elif key == "policy":
            if value not in PRESETS:
                pytest.fail(f"{where}: ({item}) names no preset; presets: {', '.join(PRESETS)}")
            found.policy = value
        elif key == "exception":
            if value not in EXCEPTION_KINDS:
                pytest.fail(f"{where}: ({item}) is not one of {', '.join(EXCEPTION_KINDS)}")
            found.exception = value
        elif key == "website":
            found.website = value
        elif key == "role":
            if value not in ROLES:
                pytest.fail(f"{where}: ({item}) is not one of {', '.join(ROLES)}")
            found.role = value
        else:
            pytest.fail(
                f"{where}: ({item}) is not understood; use at, policy, exception, role, website or "
                "'with photos of pupils'"
            )
    return found


def example_of(rule: Rule, section: str) -> tuple[str, Circumstances]:
    """The first paragraph of a docstring section as post text, and its circumstances line."""
    body = rule.doc_sections().get(section, "").strip()
    paragraph = re.split(r"\n\s*\n", body, maxsplit=1)[0]
    lines = [ln.strip() for ln in paragraph.splitlines() if ln.strip()]
    marks = [ln for ln in lines if _is_circumstances(ln)]
    if len(marks) > 1:
        pytest.fail(f"{rule.code} {section}: one circumstances line at most, found {marks}")
    circumstances = _parse_circumstances(marks[0], f"{rule.code} {section}") if marks else Circumstances()
    text = " ".join(ln for ln in lines if not _is_circumstances(ln))
    assert text, f"{rule.code}: the '{section}' section has no text to check"
    return text, circumstances


def _variants(policy: Policy) -> Iterator[Policy]:
    """The policy with one setting changed at a time, for rules no preset turns on."""
    for section in dataclasses.fields(policy):
        value = getattr(policy, section.name)
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            continue
        hints = typing.get_type_hints(type(value))
        for f in dataclasses.fields(value):
            tp = hints[f.name]
            if get_origin(tp) is Literal:
                choices: tuple[Any, ...] = get_args(tp)
            elif tp is bool:
                choices = (not getattr(value, f.name),)
            else:
                continue
            for choice in choices:
                changed: Any = dataclasses.replace(value, **{f.name: choice})
                yield dataclasses.replace(policy, **{section.name: changed})


def policies_turning_on(rule: Rule, preset: str | None) -> list[Policy]:
    """The named preset, else every preset that turns the rule on, else one variant that does."""
    if preset:
        policy = load_policy(preset)
        assert rule.severity(policy) is not None, (
            f"{rule.code} is off in the preset its example names: {preset}"
        )
        return [policy]
    presets = [load_policy(name) for name in PRESETS]
    on = [policy for policy in presets if rule.severity(policy) is not None]
    if on:
        return on
    for policy in presets:
        for variant in _variants(policy):
            if rule.severity(variant) is not None:
                return [variant]
    pytest.fail(f"{rule.code}: no preset turns the rule on, and no single setting does")


def findings_of(
    rule: Rule,
    text: str,
    circumstances: Circumstances,
    policy: Policy,
    roster: Roster,
    section: str = "Example",
) -> list[Any]:
    if isinstance(rule, PhotoRule):
        # A photo rule's Example and Use instead describe photos; the rule carries them as facts.
        photo = rule.example if section == "Example" else rule.instead
        return list(rule.check_photo(photo, policy, rule.example_channels))
    if circumstances.website:
        school = dataclasses.replace(policy.school, website=circumstances.website)
        policy = dataclasses.replace(policy, school=school)
    return list(rule.check(Context(circumstances.post(text), policy, roster)))


def example_findings(rule: Rule, roster: Roster) -> tuple[str, list[Any]]:
    """The Example's text and its findings under the first policy (turning the rule on) that flags it."""
    text, circumstances = example_of(rule, "Example")
    policies = policies_turning_on(rule, circumstances.policy)
    for policy in policies:
        found = findings_of(rule, text, circumstances, policy, roster)
        if found:
            return text, found
    tried = ", ".join(p.name for p in policies)
    pytest.fail(
        f"{rule.code} {rule.name} does not flag its own Example under {tried}: {text!r}. "
        "If the example needs a time, photos or a particular preset, say so on a line such as "
        "(at 2026-03-08T20:15) or (policy sutton-manor, with photos of pupils)."
    )


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_the_documented_example_is_flagged_by_its_rule(rule: Rule | None, roster: Roster) -> None:
    rule = rule or rules_or_fail()[0]
    text, found = example_findings(rule, roster)
    for finding in found:
        assert finding.rule == rule.code
        assert finding.category == rule.category
        assert 0 <= finding.start <= finding.end <= len(text)


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_the_documented_alternative_is_not_flagged_by_its_rule(rule: Rule | None, roster: Roster) -> None:
    rule = rule or rules_or_fail()[0]
    _, example_circumstances = example_of(rule, "Example")
    text, circumstances = example_of(rule, "Use instead")
    if not circumstances.given:
        circumstances = example_circumstances
    for policy in policies_turning_on(rule, circumstances.policy or example_circumstances.policy):
        found = findings_of(rule, text, circumstances, policy, roster, "Use instead")
        assert not found, (
            f"{rule.code} {rule.name} flags its own 'Use instead' text under {policy.name}: "
            f"{text!r}: {[f.message for f in found]}"
        )


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_the_example_finding_says_why_and_what_to_write_instead(rule: Rule | None, roster: Roster) -> None:
    rule = rule or rules_or_fail()[0]
    _, found = example_findings(rule, roster)
    for finding in found:
        assert len(finding.message) > 20, f"{rule.code}: message too short to say why: {finding.message!r}"
        assert finding.suggestion, f"{rule.code}: the finding does not suggest what to write instead"
        assert finding.trace, f"{rule.code}: the finding has no trace of which setting or list fired"


# --- the examples' own syntax ---------------------------------------------------------------------


def test_a_circumstances_line_is_read_and_removed_from_the_text() -> None:
    class Demo(Rule):
        """Demo.

        What it flags:
            x

        Why it matters:
            CAT-03

        Example:
            Reminder: Class 4 can come to school dressed as a scientist on Wednesday.
            (at 2026-03-08T20:15, exception school-event, role class-teacher, with photos of pupils)

        Use instead:
            Reminder: Class 4 can come to school dressed as a scientist on Wednesday.
            (at 2026-03-09T08:00)

            A second paragraph that is not part of the example.
        """

        code = "SP999"
        name = "demo"
        category = "out-of-hours"

    text, found = example_of(Demo(), "Example")
    assert text == "Reminder: Class 4 can come to school dressed as a scientist on Wednesday."
    assert found == Circumstances(
        at=datetime(2026, 3, 8, 20, 15), exception="school-event", role="class-teacher", photos=True
    )
    text, found = example_of(Demo(), "Use instead")
    assert text.endswith("on Wednesday.")
    assert found.at == datetime(2026, 3, 9, 8, 0)


@pytest.mark.parametrize("line", ["(written on a Sunday at 20:15)", "(Year 4 only)", "(photos to follow)"])
def test_an_ordinary_parenthesis_stays_part_of_the_post_text(line: str) -> None:
    assert not _is_circumstances(line)


def test_a_circumstances_line_with_a_bad_time_fails_clearly() -> None:
    with pytest.raises(pytest.fail.Exception, match="ISO 8601"):
        _parse_circumstances("(at Sunday evening)", "SP999 Example")


# --- `safepost rules` -----------------------------------------------------------------------------


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from safepost.cli import main

    try:
        status = main(argv)
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_safepost_rules_lists_every_rule_with_its_code_name_and_category(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rules = rules_or_fail()
    status, out, _ = run_cli(["rules"], capsys)
    assert status == 0
    text_part, _, photo_part = out.partition("Photo rules")
    lines = [ln for ln in text_part.splitlines() if ln.strip()]
    photo_lines = [ln for ln in photo_part.splitlines()[1:] if ln.strip()]
    assert len(lines) + len(photo_lines) == len(rules)
    assert [ln.split()[0] for ln in photo_lines] == [r.code for r in photo_rules()]
    for rule, line in zip((*text_rules(), *photo_rules()), lines + photo_lines, strict=True):
        assert line.startswith(rule.code)
        assert rule.name in line
        assert rule.category in line
        assert rule.summary() in line


@pytest.mark.parametrize("rule", RULE_PARAMS)
def test_safepost_rules_code_prints_the_four_sections(
    rule: Rule | None, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = rule or rules_or_fail()[0]
    status, out, _ = run_cli(["rules", rule.code], capsys)
    assert status == 0
    assert out.startswith(f"{rule.code} {rule.name}")
    for heading in DOC_SECTIONS:
        assert f"\n{heading}:\n" in out
    example_text, _ = example_of(rule, "Example")
    assert example_text.split()[0] in out


def test_safepost_rules_accepts_a_rule_name(capsys: pytest.CaptureFixture[str]) -> None:
    rule = rules_or_fail()[0]
    status, out, _ = run_cli(["rules", rule.name], capsys)
    assert status == 0
    assert out.startswith(rule.code)


def test_an_unknown_rule_code_exits_2_with_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    rule = rules_or_fail()[0]
    typo = rule.name[:-1]  # the name with its last letter missing
    status, out, err = run_cli(["rules", typo], capsys)
    assert status == 2
    assert out == ""
    assert f'did you mean "{rule.name}"' in err
    assert "Traceback" not in err


def test_a_code_far_from_any_rule_exits_2_without_a_guess(capsys: pytest.CaptureFixture[str]) -> None:
    rules_or_fail()
    status, _, err = run_cli(["rules", "XYZ-nothing-like-it"], capsys)
    assert status == 2
    assert "no rule" in err
    assert "did you mean" not in err

"""Every suggestion the checker offers passes the check (issue 13, item 6).

Three kinds of suggestion: the whole post written again (a surname taken out, hashtags moved
to the end), a word to write instead (spelling, text-speak), and advice quoting an example
("Well done, Year 4!"). Each is put back into the post, or checked on its own, under the same
policy and roster, over every post of the project's held-out sets and the rules' examples.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from safepost.policy.checker import Checker, is_rewrite
from safepost.policy.config import load_policy
from safepost.policy.findings import Finding, Report, Severity
from safepost.policy.roster import Roster, load_roster, parse_roster
from safepost.policy.rules.base import Post

BENCH = Path(__file__).resolve().parents[2] / "bench"
PRESETS = ("st-catherine", "no-names-no-faces", "rackham", "sutton-manor", "courtney")
_QUOTED = re.compile(r'"([^"]{6,})"')


def _posts() -> list[tuple[str, str, str]]:
    posts = []
    for name in ("holdout", "holdout2"):
        for line in (BENCH / name / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            posts.append((name, item["policy"], item["text"]))
    return posts


def _problems(report: Report, text: str, others: set[tuple[str, str]]) -> list[Finding]:
    return [
        f
        for f in report.findings
        if f.severity is not Severity.INFO and (f.rule, text[f.start : f.end]) not in others
    ]


def _unsound(checker: Checker, post: Post, report: Report) -> list[str]:
    bad = []
    text = post.text
    for f in report.findings:
        if not f.suggestion:
            continue
        others = {
            (g.rule, text[g.start : g.end])
            for g in report.findings
            if not (g.start < f.end and f.start < g.end)
        }
        if is_rewrite(text, f.suggestion):
            rewritten = f.suggestion
        elif "\n" not in f.suggestion and len(f.suggestion.split()) <= 3 and not _QUOTED.search(f.suggestion):
            rewritten = text[: f.start] + f.suggestion + text[f.end :]  # a word to write instead
        else:
            for example in _QUOTED.findall(f.suggestion):
                if len(example.split()) < 2 or not example[0].isupper():
                    continue
                again = checker.check(Post(example, at=post.at, exception=post.exception))
                blocking = [g for g in again.findings if g.severity is Severity.BLOCK]
                if blocking:
                    bad.append(f"{f.rule} advises {example!r}, which is blocked by {blocking[0].rule}")
            continue
        again = checker.check(Post(rewritten, at=post.at, exception=post.exception))
        if still := _problems(again, rewritten, others):
            bad.append(f"{f.rule} suggests {rewritten!r}, which is still flagged by {still[0].rule}")
    return bad


@pytest.fixture(scope="module")
def rosters() -> dict[str, Roster]:
    return {name: load_roster(BENCH / name / "roster.csv") for name in ("holdout", "holdout2")}


def test_every_suggestion_on_the_held_out_posts_passes_the_check(rosters: dict[str, Roster]) -> None:
    checkers = {(s, p): Checker(load_policy(p), rosters[s]) for s in rosters for p in PRESETS}
    bad = []
    for source, preset, text in _posts():
        checker = checkers[(source, preset)]
        post = Post(text)
        bad += [f"{text!r}: {b}" for b in _unsound(checker, post, checker.check(post))]
    assert bad == []


def test_the_surname_finding_does_not_suggest_a_post_still_about_one_child() -> None:
    roster = parse_roster(
        "first_name,last_name,year_group,class_name,photo_consent\nKacper,Nowak,Year 4,Oak,yes\n"
    )
    checker = Checker(load_policy("st-catherine"), roster)
    report = checker.check(Post("Well done Kacper Nowak for a brilliant swim today!"))
    surname = next(f for f in report.findings if f.category == "pupil-surname")
    assert surname.suggestion is not None
    assert "Kacper" not in surname.suggestion
    assert _unsound(checker, Post("Well done Kacper Nowak for a brilliant swim today!"), report) == []


def test_the_surname_finding_still_offers_the_rewrite_when_first_names_are_fine_on_their_own() -> None:
    roster = parse_roster(
        "first_name,last_name,year_group,class_name,photo_consent\nKacper,Nowak,Year 4,Oak,yes\n"
    )
    policy = load_policy("st-catherine")
    allowing = replace(policy, pupils=replace(policy.pupils, individual_content="allow"))
    report = Checker(allowing, roster).check(Post("Kacper Nowak and Year 4 sang at the care home."))
    surname = next(f for f in report.findings if f.category == "pupil-surname")
    assert surname.suggestion == "Kacper and Year 4 sang at the care home."

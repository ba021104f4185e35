"""No post, however written, ties up a worker: the checker's work grows linearly with the text.

Nothing here is timed. The checker's Python-level work is counted (every function call, with
``sys.setprofile``) on adversarial texts of growing size, and must grow in proportion to the
text. The regular expressions, whose backtracking happens inside C where no call is counted, run
on inputs so long that a quadratic pattern would take hours and an exponential one forever, in a
subprocess with a hard timeout that a linear pattern meets a hundred times over.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import load_policy
from safepost.policy.roster import load_roster
from safepost.policy.rules import base
from safepost.policy.rules.base import MAX_CHECKED_CHARS, Context, Post

ROOT = Path(__file__).resolve().parents[2]
DEMO_ROSTER = ROOT / "safepost" / "demo" / "roster.csv"  # has a class called Oak
PRESETS = ("st-catherine", "rackham", "courtney", "sutton-manor", "no-names-no-faces")

# Texts that made the checker slow: repeated units, each with the fault it once hit.
ADVERSARIAL = {
    "class list": "Oak, Aand",  # exponential backtracking in the class-list pattern
    "hashtags": "#Ab ",  # every hashtag compared with every other
    "names": "Ab ",  # every name's cue looked for in the whole sentence before it
    "pupil names": "Grace ",
    "class names": "Oak, ",
    "one long word": "a",
    "letters and digits": "a1",
    "digits": "1",
    "apostrophes": "a'",
    "ligatures": "\ufb01",  # NFKC turns one character into two
    "e-mail-like": "a@b.",
    "dotted": "a.",
    # issue 12's reading: descriptions, initials, surnames alone, pronouns, trip clauses, rewrites
    "one child described": "our little girl in Year 2 ",
    "initials": "A.B. in Oak Class ",
    "surnames alone": "Khalil's save ",
    "pronouns": "she proud of her ",
    "trip clauses": "Year 4 are at the Zoo at 2, then ",
    "full names to rewrite": "Well done Amir Khalil ",
}


@contextmanager
def counting_calls() -> Iterator[list[int]]:
    """Counts every Python and C function call made inside the block."""
    count = [0]

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            count[0] += 1

    sys.setprofile(profile)
    try:
        yield count
    finally:
        sys.setprofile(None)


def calls_to_check(checker: Checker, text: str) -> int:
    with counting_calls() as count:
        checker.check(Post(text))
    return count[0]


@pytest.fixture(scope="module")
def checkers() -> list[Checker]:
    roster = load_roster(DEMO_ROSTER)
    checkers = [Checker(load_policy(name), roster) for name in PRESETS]
    for checker in checkers:
        checker.check(Post("Warm up: well done Grace and Oak class!"))  # load dictionaries and caches
    return checkers


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_the_checkers_work_grows_in_proportion_to_an_adversarial_text(
    checkers: list[Checker], unit: str
) -> None:
    small, large = unit * (600 // len(unit)), unit * (2400 // len(unit))
    for checker in checkers:
        ratio = calls_to_check(checker, large) / calls_to_check(checker, small)
        # Four times the text: about four times the work (quadratic work would be sixteen times).
        assert ratio < 6, f"{checker.policy.name}: {ratio:.1f} times the work for 4 times the text"


def test_the_analyses_read_no_more_than_the_longest_post_the_web_app_takes() -> None:
    policy = load_policy("st-catherine")
    ctx = Context(Post("Well done Grace! " * 1000), policy, load_roster(DEMO_ROSTER))
    assert MAX_CHECKED_CHARS == 5000
    assert len(ctx.text.text) == MAX_CHECKED_CHARS


def test_a_post_past_the_checked_length_is_still_blocked_as_too_long() -> None:
    report = Checker(load_policy("st-catherine")).check(Post("Lovely day. " * 1000))
    assert "SP404" in {f.rule for f in report.findings}


def test_the_checked_length_bound_is_what_keeps_a_huge_post_cheap(checkers: list[Checker]) -> None:
    checker = checkers[0]
    at_cap = calls_to_check(checker, "Ab " * (MAX_CHECKED_CHARS // 3))
    far_past = calls_to_check(checker, "Ab " * (20 * MAX_CHECKED_CHARS // 3))
    assert far_past < 1.2 * at_cap
    assert base.MAX_CHECKED_CHARS == MAX_CHECKED_CHARS


# Each pattern with an input on which it used to backtrack; sizes where bad behaviour is hopeless.
REGEX_PROGRAM = textwrap.dedent(
    """
    import re
    from safepost.policy import text
    from safepost.policy.names import analyse_people
    from safepost.policy.roster import load_roster
    from safepost.policy.text import PostText
    from safepost.policy.rules import base

    base.MAX_CHECKED_CHARS = 10**7  # analyse the whole text: the patterns themselves are tested
    roster = load_roster({roster!r})
    # The class-list pattern of the names analysis, on "Oak, AandAand..." (was 2**n).
    people = analyse_people(PostText("Oak, " + "Aand" * 5000), roster)
    assert people.mentions, "the class name is still found"
    # A list of 20,000 names: every cue is looked for within a bounded window.
    analyse_people(PostText("Ab " * 20000), roster)
    # Long words with no @ (the e-mail pattern) and long runs of digits (numbers with units).
    for word in ("a" * 200000, "a1" * 100000, "a." * 100000, "1" * 200000):
        list(text._EMAIL.finditer(word))
        text._NUMBER_WITH_UNIT.fullmatch(word)
        PostText(word).protected_spans
    print("ok")
    """
)


def test_every_pattern_that_once_backtracked_runs_in_linear_time_on_a_huge_input() -> None:
    program = REGEX_PROGRAM.format(roster=str(DEMO_ROSTER))
    # A linear run takes well under ten seconds on a loaded machine; the old patterns, years.
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

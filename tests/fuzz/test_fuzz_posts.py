"""Any post text, in any script, gets a report from every preset: never a traceback, and every
finding points inside the text."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fuzzing import count_case, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from safepost.policy.checker import Checker
from safepost.policy.config import load_policy, preset_names
from safepost.policy.findings import Verdict
from safepost.policy.roster import load_roster
from safepost.policy.rules.base import Post

ROSTER = load_roster(Path(__file__).resolve().parents[2] / "safepost" / "demo" / "roster.csv")
CHECKERS = [Checker(load_policy(name), ROSTER) for name in preset_names()]

# Pieces of school posts and of the inputs that once broke the checker, to splice with any text.
PIECES = [
    "Well done ",
    "Grace",
    "Okonjo",
    "Oak",
    " and ",
    ", ",
    "Aand",
    "classes",
    "#",
    "#WellDone",
    "@",
    "@LivMuseums",
    "https://example.org/a?b=c",
    "jo.smith@gmail.com",
    " at ",
    " dot ",
    "07700 900461",
    "Mr ",
    "Year 4",
    "'s ",
    "!",
    ". ",
    "\n",
    "1st",
    "10am",
    "J0sh",
    "s h i t",
    "ﬁ",
    "İ",
    "\u200b",
    "\u0301",
    "🎉",
    "Zoë",
    "مرحبا",
    "你好",
    "Ꮜ",
    "\t",
    "(",
    ")",
    "-",
    "'",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map("".join),
)
moments = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9000, 12, 31)),
    st.just(datetime(9999, 12, 31, 23, 59)),
    st.just(datetime(1, 1, 1)),
)


@fuzz_settings
@given(text=texts, at=moments, exception=st.sampled_from([None, "school-event", "urgent-news", "other"]))
def test_any_post_gets_a_report_with_findings_inside_the_text(
    text: str, at: datetime | None, exception: str | None
) -> None:
    count_case()
    for checker in CHECKERS:
        report = checker.check(Post(text, at=at, exception=exception, role="teacher"))
        assert report.verdict in tuple(Verdict)
        for finding in report.findings:
            assert 0 <= finding.start <= finding.end <= len(text), finding
            assert finding.message


@fuzz_settings
@given(base=texts, shift=st.integers(min_value=-(10**6), max_value=10**6))
def test_a_post_at_any_minute_of_the_supported_years_is_checked(base: str, shift: int) -> None:
    count_case()
    at = datetime(2026, 3, 10, 9, 0) + timedelta(minutes=shift * 997)
    for checker in CHECKERS:
        checker.check(Post(base, at=at))

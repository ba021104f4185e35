"""SP406 grammar-slip, from tables of school posts with and without grammar slips.

The slips are the ones school posts make; the good posts are correct school English that a
careless grammar checker flags (lists without an Oxford comma, "every one of you", "Dick
Whittington", auxiliaries before the subject, scores and ranges).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepost.policy.checker import check
from safepost.policy.config import Policy
from safepost.policy.findings import Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post
from safepost.policy.rules.grammar_slip import GrammarSlip

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"

# (post, the words marked, the correction the finding offers)
SLIPS = [
    ("We was so proud of our choir at the carol concert.", "was", "were"),
    ("Year 3 has went to the library to choose new books.", "went", "gone"),
    ("The children was wonderful in assembly this morning.", "was", "were"),
    ("Our pupils has worked so hard on their projects.", "has", "have"),
    ("We seen lots of ducks on our walk by the canal.", "seen", "saw"),
    ("The choir sung beautifully at the care home today.", "sung", "sang"),
    ("Our netball team done really well in the tournament.", "done", "did"),
    ("Could of been a wetter sports day, but we had a great time!", "Could of", "Could have"),
    ("Year 5 are doing a experiment with magnets and iron filings.", "a", "an"),
    ("The the children enjoyed a visit from the fire brigade.", "The the", "The"),
    ("Please remember to bring there PE kits on Monday.", "there", "their"),
    ("Thank you for you're support with the harvest collection.", "you're", "your"),
    ("We are so proud of are football team this season.", "are", "our"),
    ("The class have drew wonderful pictures of the seaside.", "drew", "drawn"),
    ("Less children were off sick this week than last.", "Less", "Fewer"),
    ("Everyone were very excited about the pantomime.", "were", "was"),
    ("Well done to the team who's hard work paid off at the gala.", "who's", "whose"),
    ("Nursery children goed on a bear hunt around the field.", "goed", "went"),
]

CORRECT = [
    "Every member of staff was touched by your cards.",
    "Wellies, waterproofs and big smiles all packed for forest school.",
    "We are proud of every one of you! #ProudOfYou",
    "Years 1 and 2 loved Dick Whittington at the theatre this afternoon.",
    "Have we seen a happier group of readers? The library was full all week.",
    "Has the choir sung better than this? We don't think so!",
    "Our U10 team won 4-1 at home this afternoon and the U11s drew 2-2.",
    "It's Safer Internet Day: stop, think and tell a trusted adult.",
    "Whose coat is this? It is waiting in the office.",
    "There are lots of cakes left for tomorrow's sale.",
    "The children and I planted bulbs in the garden this morning.",
    "Year 6 have gone to the museum and will be back by three.",
    "Fewer cars at the gate this week: thank you for walking to school!",
    "The class have drawn wonderful pictures of the seaside.",
    "We saw lots of ducks on our walk by the canal.",
]


def sutton(presets: dict[str, Policy]) -> Policy:
    return presets["sutton-manor"]


@pytest.mark.parametrize(("post", "marked", "correction"), SLIPS)
def test_it_flags_a_grammar_slip_with_its_correction(
    presets: dict[str, Policy], post: str, marked: str, correction: str
) -> None:
    findings = list(GrammarSlip().check(Context(Post(post), sutton(presets), Roster())))
    assert [post[f.start : f.end] for f in findings] == [marked]
    assert f'Write "{correction}"' in findings[0].message
    assert findings[0].severity is Severity.WARN


@pytest.mark.parametrize("post", CORRECT)
def test_it_leaves_correct_school_english_alone(presets: dict[str, Policy], post: str) -> None:
    assert list(GrammarSlip().check(Context(Post(post), sutton(presets), Roster()))) == []


def test_the_rewrite_corrects_every_slip_and_passes_the_grammar_check(presets: dict[str, Policy]) -> None:
    post = "The children was thrilled and we seen the best show of the year."
    findings = list(GrammarSlip().check(Context(Post(post), sutton(presets), Roster())))
    assert len(findings) == 2
    rewrite = findings[0].suggestion
    assert rewrite == "The children were thrilled and we saw the best show of the year."
    assert list(GrammarSlip().check(Context(Post(rewrite), sutton(presets), Roster()))) == []


def test_grammar_is_checked_only_where_the_policy_asks(presets: dict[str, Policy]) -> None:
    post = "We was so proud of our choir."
    assert any(f.rule == "SP406" for f in check(post, presets["sutton-manor"], Roster()).findings)
    for name in ("st-catherine", "no-names-no-faces", "rackham", "courtney"):
        assert not any(f.rule == "SP406" for f in check(post, presets[name], Roster()).findings)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/eval is not checked out beside the project")
def test_it_raises_no_false_alarm_on_the_correct_posts_of_the_shared_sets(presets: dict[str, Policy]) -> None:
    roster = Roster()
    alarms = []
    for name in ("dev.jsonl", "hard.jsonl"):
        for line in (SHARED / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if {"spelling", "text-speak"} & set(item["expect"]):
                continue
            for f in GrammarSlip().check(Context(Post(item["text"]), sutton(presets), roster)):
                alarms.append((item["id"], item["text"][f.start : f.end]))
    assert alarms == []

"""The quick looks that spare the description search (reading.py): each may say "maybe" where its regex
says no, never "no" where its regex finds a noun. Checked on every labelled post the project holds and on
generated text (hypothesis), since a wrong "no" would silently drop a child described without a name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safepost.policy import reading

ROOT = Path(__file__).resolve().parents[2]
POSTS = sorted(ROOT.glob("bench/holdout*/*.jsonl")) + sorted(
    ROOT.glob("tests/fixtures/reading_kinds/*.jsonl")
)
LOOKS = [
    ("child", reading._CHILD_NOUN_ANY, reading._has_child_noun),
    ("doer", reading._DOER_NOUN_ANY, reading._has_doer_noun),
]


def _texts() -> list[str]:
    texts = []
    for path in POSTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"].replace("#", " "))
    return texts


@pytest.mark.parametrize(("name", "regex", "look"), LOOKS, ids=[n for n, _, _ in LOOKS])
def test_the_quick_look_never_says_no_where_the_regex_finds_a_noun_in_a_labelled_post(
    name: str, regex: object, look: object
) -> None:
    texts = _texts()
    assert len(texts) > 15_000
    missed = [t for t in texts if regex.search(t) and not look(t)]  # type: ignore[attr-defined, operator]
    assert missed == []


VOCABULARY = (
    "our the a Year 6 little young big sister man lady one 7-year-old girl boy pupil's chess player bell ringer "
    "all-rounder geologist Mountaineer vice-captain altar server young carer star STAR Champ , . ! in who "
    "ſtar Kelvin runner1 helper_ son's"
)
WORDS = st.sampled_from(VOCABULARY.split())


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12).map(" ".join))
@pytest.mark.parametrize(("name", "regex", "look"), LOOKS, ids=[n for n, _, _ in LOOKS])
def test_the_quick_look_never_says_no_where_the_regex_finds_a_noun_in_generated_text(
    name: str, regex: object, look: object, text: str
) -> None:
    if regex.search(text):  # type: ignore[attr-defined]
        assert look(text)  # type: ignore[operator]

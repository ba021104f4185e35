"""Posts of our own for each kind of reading the pupil rules do (issue 12).

Fifty-one sets with their own rosters (tests/fixtures/reading_kinds/README.md): named children and
word-names, a class named without "class", surnames alone, one child without a name, future and
live whereabouts, and the traps beside each kind. Every post must get exactly its pupil categories.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.roster import Roster, load_roster
from safepost.policy.rules.base import Post

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "reading_kinds"
PUPIL = {"pupil-surname", "pupil-name", "individual-pupil", "trip-whereabouts"}
# Posts the reading still gets wrong, kept visible: each must fail until it is fixed (strict xfail).
# Round 10 took twelve off the list: the trained readers (SP105-SP107, SP203) now flag them, but these
# posts are among those the readers were trained on, so that is no evidence the kinds are read in general.
STILL_WRONG = {
    # found only by SP105, whose score for it (about 0.91) moves either side of the threshold as the
    # readers are retrained; the rules do not read the possessive "Mercedes'" as one
    "k25-087": "a child's work by a possessive the tokenizer does not mark ('Mercedes' Roman mosaic')",
    "k19-043": "a child addressed as 'you' by a role ('..., Thistle Class narrator!')",
    "k20-030": "a thank-you hashtag with a word-name (#ThankYouFaith)",
    "k23-062": "a caption with a nickname first ('Pictured: Kobby and Robin ...')",
    "k28-047": "a short form typed in lower case with the surname misspelt ('josie yung')",
    "k29-053": "a family of pupils said goodbye to by surname, their children addressed ('Will and Bella')",
    "k40-087": "a caption of two pupils with a photo, and the time of the next activity in the next sentence",
    "k41-054": "a full name in lower case with the surname misspelt ('daisy feild')",
    "k50-017": "a famous writer's birthday in a school with a pupil of his surname ('Happy birthday, Shakespeare!')",
    "k50-042": "a word-name in lower case after 'and to' in a list of thanks ('and to faith for finding the rabbit')",
}
CASES = [
    pytest.param(
        n,
        item,
        id=item["id"],
        marks=[pytest.mark.xfail(strict=True, reason=STILL_WRONG[item["id"]])]
        if item["id"] in STILL_WRONG
        else [],
    )
    for n in range(1, 52)
    for item in map(json.loads, (HERE / f"posts{n}.jsonl").read_text().splitlines())
]


@cache
def _roster(n: int) -> Roster:
    return load_roster(HERE / f"roster{n}.csv")


@pytest.mark.parametrize(("roster_n", "item"), CASES)
def test_each_post_gets_its_pupil_categories(
    presets: dict[str, Policy], roster_n: int, item: dict[str, object]
) -> None:
    media = tuple(item.get("media") or ())  # type: ignore[call-overload]
    post = Post(str(item["text"]), media=media, pupil_photos=bool(media))
    report = Checker(presets[str(item["policy"])], _roster(roster_n)).check(post)
    assert report.categories() & PUPIL == set(item["expect"])  # type: ignore[arg-type]

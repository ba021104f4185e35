"""The policy engine as the check page uses it: loaded once per process, on first use.

Visitors check against a preset and the demo school's invented pupils. A signed-in
member checks against their own school's policy and pupil roster (or a preset, for
comparison, still with their own pupils), so the page never claims a post is safe
because it was checked against pupils who do not exist.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from safepost.policy.checker import Checker
from safepost.policy.config import Policy, load_policy
from safepost.policy.roster import Roster, load_roster
from safepost.policy.rules.base import Post

if TYPE_CHECKING:
    from apps.schools.models import School

#: The preset a visitor checks against until they choose another.
DEFAULT_PRESET = "st-catherine"
DEMO_ROSTER = Path(str(files("safepost").joinpath("demo", "roster.csv")))


@cache
def demo_roster() -> Roster:
    """The invented pupils of the demo school, so the page can catch pupil names."""
    return load_roster(DEMO_ROSTER)


@cache
def load_preset(name: str) -> Policy:
    """A bundled policy preset by name."""
    return load_policy(name)


@cache
def checker_for(preset: str) -> Checker:
    """One reusable checker per preset, against the demo roster."""
    return Checker(load_preset(preset), demo_roster())


# (school id, preset name or None for the school's own policy) -> its checker. A cached
# checker is reused only while it holds the very policy and roster objects the school now
# has: School.policy/.roster are themselves cached by policy text and roster version, so an
# edited policy or a new roster import gives new objects and so a new checker.
_SCHOOL_CHECKERS: dict[tuple[int, str | None], Checker] = {}


def school_checker(school: School, preset: str | None = None) -> Checker:
    """A reusable checker for ``school``'s pupils under its own policy, or under ``preset``."""
    policy = school.policy if preset is None else load_preset(preset)
    roster = school.roster
    key = (school.pk, preset)
    cached = _SCHOOL_CHECKERS.get(key)
    if cached is not None and cached.policy is policy and cached.roster is roster:
        return cached
    checker = Checker(policy, roster)
    _SCHOOL_CHECKERS[key] = checker
    return checker


#: Touches the name lexicon, the dictionary and the roster matching, as a first real post would.
WARM_UP_TEXT = "Well done Theo Carver in Birch Class for a brilliant swim at the pool today!"


def warm_up() -> None:
    """Load the word lists the checker reads on first use (about 2 s), so no writer waits for them."""
    checker_for(DEFAULT_PRESET).check(Post(WARM_UP_TEXT))


def warm_up_in_background() -> threading.Thread:
    """Start :func:`warm_up` beside the server starting up (the web entry points call it)."""
    thread = threading.Thread(target=warm_up, name="safepost-checker-warm-up", daemon=True)
    thread.start()
    return thread

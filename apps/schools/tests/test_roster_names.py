"""Every name a pupil is known by is kept on import, and the checker watches for each."""

from __future__ import annotations

from typing import Any

import pytest

from apps.schools.actions import do_replace_roster
from apps.schools.models import School
from apps.schools.testing import make_personas
from safepost.policy.checker import Checker
from safepost.policy.roster import parse_roster
from safepost.policy.rules.base import Post

SIMS_EXPORT = """Forename,Preferred Forename,Surname,Legal Surname,Year,Reg Group
Chidimma,Chidi,Okafor,Okafor-Eze,Year 4,4B
"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "Well done Chidi Okafor for a fantastic week!",
        "Well done Chidimma Okafor for a fantastic week!",
        "Well done Chidi Okafor-Eze for a fantastic week!",
    ],
)
def test_a_pupil_is_caught_by_their_preferred_and_their_legal_names(text: str, db: Any) -> None:
    p = make_personas()
    do_replace_roster(p.school, parse_roster(SIMS_EXPORT), p.head)
    school = School.objects.get(pk=p.school.pk)
    report = Checker(school.policy, school.roster).check(Post(text))
    assert "pupil-surname" in {f.category for f in report.findings}

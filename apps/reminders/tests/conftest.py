"""These tests count the duties of the reminders app itself: other apps' duties are left out."""

from __future__ import annotations

import pytest

from apps.reminders import registry


@pytest.fixture(autouse=True)
def _only_the_reminders_apps_duties(monkeypatch: pytest.MonkeyPatch) -> None:
    # The governance app's duties (the policy review, the term's e-safety post) are tested in
    # apps/governance/tests/test_duties.py; here they would only change the counts.
    monkeypatch.setattr(
        registry, "_duties", [f for f in registry._duties if not f.__module__.startswith("apps.governance")]
    )
    monkeypatch.setattr(
        registry, "_history", [f for f in registry._history if not f.__module__.startswith("apps.governance")]
    )

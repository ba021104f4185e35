"""Prints how many fuzz cases ran (see fuzzing.py for the profiles)."""

from __future__ import annotations

import pytest
from fuzzing import FUZZ_PROFILE, cases_run


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if cases_run():
        terminalreporter.write_line(f"fuzz cases run: {cases_run():,} (profile {FUZZ_PROFILE})")

"""Fuzzing every input a person or a platform controls: the profiles and the count of cases.

Each fuzz test is decorated ``@fuzz_settings`` and calls ``count_case()`` once a case.

``make test`` runs the short ``fuzz-ci`` profile (a few dozen cases a test). The nightly run sets
``SAFEPOST_FUZZ=nightly`` for the ``fuzz-nightly`` profile, over 100,000 cases across the suite:

    SAFEPOST_FUZZ=nightly .venv/bin/pytest -p no:xdist tests/fuzz

The number of cases run is printed at the end of the run ("fuzz cases run: N").
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = 40
NIGHTLY_EXAMPLES = 10_000

_common = {
    "deadline": None,  # the machine is shared: a slow case is not a failure (linearity is tested elsewhere)
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "derandomize": False,
}
settings.register_profile("fuzz-ci", max_examples=CI_EXAMPLES, **_common)
settings.register_profile("fuzz-nightly", max_examples=NIGHTLY_EXAMPLES, **_common)
# SAFEPOST_FUZZ_EXAMPLES=N: N cases a test, for a run between the two.
settings.register_profile(
    "fuzz-custom", max_examples=int(os.environ.get("SAFEPOST_FUZZ_EXAMPLES", CI_EXAMPLES)), **_common
)

FUZZ_PROFILE = (
    "fuzz-nightly"
    if os.environ.get("SAFEPOST_FUZZ") == "nightly"
    else "fuzz-custom"
    if os.environ.get("SAFEPOST_FUZZ_EXAMPLES")
    else "fuzz-ci"
)
fuzz_settings = settings.get_profile(FUZZ_PROFILE)

_cases = [0]


def count_case() -> None:
    """Called once by every fuzz case, so the run can say how many it made."""
    _cases[0] += 1


def cases_run() -> int:
    """How many fuzz cases this process has run."""
    return _cases[0]

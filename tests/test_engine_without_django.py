"""The engine (``safepost``) and the platform clients are plain Python: using them loads no Django.

The import-linter contract in ``pyproject.toml`` (run by ``make test``) forbids the imports; this
proves the same of what is loaded at run time, imports inside functions included.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
USES = {
    "the checker": (
        "from safepost.policy import load_policy\n"
        "from safepost.policy.checker import Checker\n"
        "from safepost.policy.roster import Roster\n"
        "from safepost.policy.rules.base import Post\n"
        "Checker(load_policy('st-catherine'), Roster([])).check(Post('Well done to Year 4 today!'))\n"
    ),
    "the photo rules": (
        "from safepost.photos.policy import FaceInPhoto, PhotoFacts, assess\n"
        "from safepost.policy import load_policy\n"
        "assess([PhotoFacts(1, faces=(FaceInPhoto(0),))], load_policy('no-names-no-faces'), {'social'})\n"
    ),
    "the reply classifier": (
        "from safepost.policy.moderation import Item, classify\n"
        "classify(Item('That Jayden is a little sh*t'))\n"
    ),
    "the command line": (
        "from safepost.cli import main\nmain(['rules', 'SP601'])\nmain(['validate', 'courtney'])\n"
    ),
}


@pytest.mark.parametrize("what", sorted(USES))
def test_using_the_engine_loads_no_django(what: str) -> None:
    code = (
        USES[what] + "import sys\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith(('django.', 'apps.', 'config')))\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("kind", ["bluesky", "mastodon", "x"])
def test_importing_a_platform_client_loads_no_django(kind: str) -> None:
    code = (
        f"import apps.platforms.{kind}.client\n"
        "import sys\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr


def test_safepost_manage_hands_over_to_django() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "safepost.cli", "manage", "version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()[0].isdigit(), run.stdout

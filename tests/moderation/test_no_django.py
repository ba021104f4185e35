"""The moderation engine is plain Python: importing and using it loads no Django."""

from __future__ import annotations

import subprocess
import sys


def test_importing_and_using_the_moderation_engine_loads_no_django() -> None:
    code = (
        "import sys\n"
        "from safepost.policy.moderation import Item, classify\n"
        "from safepost.policy.moderation import lexicons\n"
        "classify(Item('That Jayden is a little sh*t'))\n"
        "lexicons.negative_tone('Funny how')\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr

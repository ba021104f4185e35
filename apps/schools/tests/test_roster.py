"""The pupil roster: upload, preview, confirm; nothing is imported until confirmed, and never half."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.schools import actions
from apps.schools.models import Membership, Pupil
from apps.schools.testing import Personas, client_for
from safepost.policy.roster import Roster, parse_roster

URL = reverse("schools:roster")
CONFIRM = reverse("schools:roster_confirm")
GOOD = (
    "Forename,Surname,Year,Reg Group,Photo Consent\n"
    "Amara,Okafor,Year 3,Oak,yes\n"
    "Ben,Castellano,Year 3,Oak,no\n"
    "Chloé,Dubois,Year 4,Ash,\n"
)


def upload(client: Client, content: str | bytes, name: str = "pupils.csv") -> str:
    raw = content.encode("utf-8") if isinstance(content, str) else content
    response = client.post(URL, {"file": SimpleUploadedFile(name, raw, content_type="text/csv")})
    assert response.status_code == 200
    return unescape(response.content.decode())


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no {name} in the page"
    return found.group(1)


def confirm(client: Client, html: str, **extra: str) -> Any:
    return client.post(
        CONFIRM, {"token": hidden(html, "token"), "sha256": hidden(html, "sha256"), **extra}, follow=True
    )


def test_an_upload_shows_a_preview_and_imports_nothing_yet(p: Personas) -> None:
    html = upload(client_for(p.head), GOOD)
    assert "Check before importing: pupils.csv" in html
    assert (
        "3 pupils</strong> in the file; 0 on the roster now: 3 new, 0 already known, 0 not in the file."
        in html
    )
    assert "<td>Ash</td><td>1</td>" in html and "<td>Oak</td><td>2</td>" in html
    assert re.search(r"<th scope=\"row\">Given</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">Refused</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">Not recorded</th><td>1</td>", html)
    assert "Chloé" in html
    assert not Pupil.objects.exists()
    assert not AuditEntry.objects.filter(action="roster.imported").exists()


def test_confirming_imports_the_previewed_file_and_records_it(p: Personas) -> None:
    client = client_for(p.head)
    response = confirm(client, upload(client, GOOD))
    assert "Roster imported: 3 pupils." in unescape(response.content.decode())
    assert "Undo this import" not in unescape(response.content.decode())  # it only added pupils
    assert sorted(Pupil.objects.filter(school=p.school).values_list("surname", flat=True)) == [
        "Castellano",
        "Dubois",
        "Okafor",
    ]
    p.school.refresh_from_db()
    assert p.school.roster_version == 1
    assert {pupil.surname for pupil in p.school.roster.pupils} == {"Castellano", "Dubois", "Okafor"}
    entry = AuditEntry.objects.get(action="roster.imported")
    assert entry.actor == p.head
    assert entry.data["pupils"] == 3 and entry.data["classes"] == {"Ash": 1, "Oak": 2}
    assert entry.data["source"].startswith("pupils.csv (sha256 ")


def test_a_new_import_adds_new_pupils_and_marks_missing_ones_as_left(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, GOOD))
    okafor = Pupil.objects.get(surname="Okafor")
    html = upload(client, "first_name,last_name,class_name\nAmara,Okafor,Oak\nDev,Patel,Oak\n")
    assert (
        "2 pupils</strong> in the file; 3 on the roster now: 1 new, 1 already known, "
        "2 not in the file and so marked as left" in html
    )
    assert "2 pupils not in the file, to be marked as left" in html
    assert "Is this your whole roster?" not in html  # two of three is few pupils: no second question
    confirm(client, html)
    on_roll = Pupil.objects.filter(is_active=True)
    assert sorted(on_roll.values_list("surname", flat=True)) == ["Okafor", "Patel"]
    assert on_roll.get(surname="Okafor").pk == okafor.pk  # the same pupil, with their history
    left = Pupil.objects.filter(is_active=False)
    assert sorted(left.values_list("surname", flat=True)) == ["Castellano", "Dubois"]
    assert all(pupil.left_at is not None for pupil in left)
    roster_page = unescape(client.get(URL).content.decode())
    assert "Castellano" not in roster_page and "2 pupils have left" in roster_page


def test_the_same_upload_cannot_be_imported_twice(p: Personas) -> None:
    client = client_for(p.head)
    html = upload(client, GOOD)
    confirm(client, html)
    again = confirm(client, html)
    assert "That upload has run out or was already imported" in unescape(again.content.decode())
    assert AuditEntry.objects.filter(action="roster.imported").count() == 1


def test_a_confirm_with_a_changed_checksum_imports_nothing(p: Personas) -> None:
    client = client_for(p.head)
    html = upload(client, GOOD)
    client.post(CONFIRM, {"token": hidden(html, "token"), "sha256": "0" * 64})
    assert not Pupil.objects.exists()


def test_cancelling_imports_nothing(p: Personas) -> None:
    client = client_for(p.head)
    html = upload(client, GOOD)
    response = confirm(client, html, cancel="1")
    assert "Import cancelled. The roster has not changed." in unescape(response.content.decode())
    assert not Pupil.objects.exists()
    assert "already imported" in unescape(confirm(client, html).content.decode())


def test_every_row_error_is_shown_with_its_line_and_nothing_is_imported(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, GOOD))
    bad = "first_name,last_name,class_name,photo_consent\nAmara,Okafor,Oak,yes\n,Smith,Oak,yes\nDev,,Oak,maybe\n"
    html = upload(client, bad)
    assert "pupils.csv was not imported" in html
    assert "line 3: the first name is empty" in html
    assert 'line 4: the surname is empty; photo consent "maybe" is not yes or no' in html
    assert 'name="token"' not in html  # nothing to confirm
    assert Pupil.objects.count() == 3  # the roster in use is untouched


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04rest-of-a-zip", "pupils.xlsx", "is a spreadsheet (Excel) file, not CSV"),
        (b"%PDF-1.7 ...", "pupils.pdf", "is a PDF"),
        (b"first_name,last_name\n" + b"Ann,Lee\n" * 300_000, "big.csv", "the most Safepost takes is 2 MB"),
        (
            "first_name,surname\nZo\x81e,Lee\n".encode("latin-1"),
            "odd.csv",
            "not in a text encoding Safepost can read",
        ),
        (b"   \n", "empty.csv", "The file is empty."),
        (b"\x00\x01\x02\x03binary", "data.csv", "does not look like a CSV file"),
    ],
)
def test_bad_files_get_a_clear_message(p: Personas, content: bytes, name: str, message: str) -> None:
    html = upload(client_for(p.head), content, name)
    assert message in html
    assert not Pupil.objects.exists()


def test_a_file_without_name_columns_says_which_columns_it_needs(p: Personas) -> None:
    html = upload(client_for(p.head), "Pupil,Class\nAmara Okafor,Oak\n")
    assert (
        "line 1: no first name (first_name, Forename, Preferred Forename) column; the header has: Pupil, Class"
        in html
    )
    assert "line 1: no surname (last_name, Surname, Legal Surname) column" in html


def test_a_windows_encoded_file_is_read_with_a_note_to_check_the_accents(p: Personas) -> None:
    html = upload(client_for(p.head), "first_name,last_name\nChloé,Dubois\n".encode("cp1252"))
    assert "read as Windows (Western European) text" in html
    assert "Chloé" in html


def test_a_failure_part_way_through_an_import_leaves_the_old_roster(
    p: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions.do_replace_roster(p.school, parse_roster(GOOD), p.head)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("apps.schools.actions.record", broken)
    with pytest.raises(RuntimeError):
        actions.do_replace_roster(p.school, parse_roster("first_name,last_name\nDev,Patel\n"), p.head)
    assert sorted(Pupil.objects.values_list("surname", flat=True)) == ["Castellano", "Dubois", "Okafor"]


def test_the_roster_can_be_searched_and_filtered_by_class(p: Personas) -> None:
    actions.do_replace_roster(p.school, parse_roster(GOOD), p.head)
    client = client_for(p.head)
    html = unescape(client.get(URL, {"q": "okaf"}).content.decode())
    assert "Okafor" in html and "Castellano" not in html
    html = unescape(client.get(URL, {"class_name": "Ash"}).content.decode())
    assert "Dubois" in html and "Okafor" not in html
    fragment = client.get(URL, {"q": "ben"}, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="roster-list"')
    assert "Castellano" in fragment and "<html" not in fragment


def test_another_schools_pupils_never_appear(p: Personas) -> None:
    actions.do_replace_roster(
        p.other_school, parse_roster("first_name,last_name\nZed,Outsiderchild\n"), p.outsider
    )
    html = client_for(p.head).get(URL).content.decode()
    assert "Outsiderchild" not in html


def test_only_a_senior_leader_can_replace_the_roster_and_never_with_an_empty_one(p: Personas) -> None:
    actions.do_replace_roster(p.school, parse_roster(GOOD), p.head)
    before = sorted(Pupil.objects.filter(is_active=True).values_list("surname", flat=True))

    with pytest.raises(actions.SchoolError, match="Only the headteacher and senior leaders"):
        actions.check_replace_roster(
            member_of(p, p.teacher), parse_roster("first_name,last_name\nDev,Patel\n")
        )
    with pytest.raises(actions.SchoolError, match="no pupils in it"):
        actions.check_replace_roster(member_of(p, p.head), Roster(()))

    assert sorted(Pupil.objects.filter(is_active=True).values_list("surname", flat=True)) == before
    assert (
        actions.check_replace_roster(member_of(p, p.head), parse_roster("first_name,last_name\nDev,Patel\n"))
        == 1
    )


def member_of(p: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=p.school)


def test_a_class_teacher_cannot_upload_a_roster(p: Personas) -> None:
    response = client_for(p.teacher).post(URL, {"file": SimpleUploadedFile("p.csv", GOOD.encode())})
    assert response.status_code == 403


def test_an_import_that_withdraws_consent_lists_the_pupils_in_published_posts(p: Personas) -> None:
    from apps.posts.models import PhotoTag, Post, PostPhoto

    client = client_for(p.head)
    confirm(client, upload(client, GOOD))
    amara = Pupil.objects.get(school=p.school, first_name="Amara")
    post = Post.objects.create(
        school=p.school, account=p.oak, author=p.teacher, text="Oak Class", status=Post.Status.PUBLISHED
    )
    photo = PostPhoto.objects.create(post=post, uploaded_by=p.teacher)
    PhotoTag.objects.create(photo=photo, pupil=amara, face=0, tagged_by=p.teacher)

    withdrawn = GOOD.replace("Amara,Okafor,Year 3,Oak,yes", "Amara,Okafor,Year 3,Oak,no")
    page = unescape(confirm(client, upload(client, withdrawn, "pupils-2.csv")).content.decode())

    assert (
        "withdrew social media or website consent for pupils who appear in published posts: Amara Okafor (1 post)"
        in page
    )


WHOLE_SCHOOL = "first_name,last_name,class_name,photo_consent\n" + "".join(
    f"Pupil{i},Surname{i},{'Oak' if i < 6 else 'Ash'},yes\n" for i in range(10)
)
TWO_ROWS = "first_name,last_name,class_name\nPupil0,Surname0,Oak\nNewchild,Newname,Oak\n"


def test_an_upload_that_would_take_most_pupils_off_the_roster_asks_if_it_is_the_whole_roster(
    p: Personas,
) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    html = upload(client, TWO_ROWS)
    assert "Is this your whole roster? Importing it marks 9 of your 10 pupils as left" in html
    assert "5 of the 6 pupils of Oak" in html and "All 4 pupils of Ash" in html
    assert "Import and mark 9 pupils as left" in html
    assert 'name="whole_roster"' in html


def test_without_the_second_confirmation_nothing_is_marked_as_left(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    html = upload(client, TWO_ROWS)
    response = client.post(CONFIRM, {"token": hidden(html, "token"), "sha256": hidden(html, "sha256")})
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert "Tick the box to confirm that this is your whole roster, or cancel. Nothing has changed." in page
    assert Pupil.objects.filter(school=p.school, is_active=True).count() == 10
    # The same upload can still be confirmed, deliberately, from the page shown again.
    confirm(client, page, whole_roster="on")
    assert Pupil.objects.filter(school=p.school, is_active=True).count() == 2


def test_undoing_an_import_restores_the_previous_roster_in_one_step_and_records_it(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    before = list(
        Pupil.objects.filter(school=p.school, is_active=True).order_by("pk").values_list("pk", flat=True)
    )
    # The file also moves Pupil0 to another class, and withdraws nothing.
    page = unescape(
        confirm(
            client,
            upload(client, TWO_ROWS.replace("Pupil0,Surname0,Oak", "Pupil0,Surname0,Elm")),
            whole_roster="on",
        ).content.decode()
    )
    assert "Roster imported: 2 pupils, 9 marked as left." in page and "Undo this import" in page

    page = unescape(
        client.post(
            reverse("schools:roster_undo", args=[actions.last_roster_import(p.school).pk]), follow=True
        ).content.decode()
    )  # type: ignore[union-attr]
    assert (
        "Import undone: the roster is back as it was before pupils.csv. 9 pupils are back on the roster"
        in page
    )
    assert "the 1 it added is marked as left" in page
    after = list(
        Pupil.objects.filter(school=p.school, is_active=True).order_by("pk").values_list("pk", flat=True)
    )
    assert after == before
    assert Pupil.objects.get(school=p.school, first_name="Pupil0").class_name == "Oak"
    assert not Pupil.objects.get(school=p.school, first_name="Newchild").is_active
    p.school.refresh_from_db()
    assert {pupil.surname for pupil in p.school.roster.pupils} >= {f"Surname{i}" for i in range(10)}
    entry = AuditEntry.objects.get(action="roster.import_undone")
    assert entry.actor == p.head and len(entry.data["back_on_roll"]) == 9
    assert "Undo this import" not in page  # undone once; it cannot be undone twice


def test_only_the_latest_import_can_be_undone(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    first = actions.last_roster_import(p.school)
    confirm(client, upload(client, GOOD), whole_roster="on")
    assert first is not None
    page = unescape(
        client.post(reverse("schools:roster_undo", args=[first.pk]), follow=True).content.decode()
    )
    assert "Only the latest roster import can be undone" in page and "Nothing changed." in page
    assert not AuditEntry.objects.filter(action="roster.import_undone").exists()


def test_undoing_an_import_never_gives_back_consent_withdrawn_since(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    confirm(client, upload(client, TWO_ROWS), whole_roster="on")
    pupil = Pupil.objects.get(school=p.school, first_name="Pupil3")
    Pupil.objects.filter(pk=pupil.pk).update(photo_consent=False)
    client.post(reverse("schools:roster_undo", args=[actions.last_roster_import(p.school).pk]))  # type: ignore[union-attr]
    pupil.refresh_from_db()
    assert pupil.is_active and pupil.photo_consent is False


def test_another_school_cannot_undo_an_import(p: Personas) -> None:
    client = client_for(p.head)
    confirm(client, upload(client, WHOLE_SCHOOL))
    latest = actions.last_roster_import(p.school)
    assert latest is not None
    assert client_for(p.outsider).post(reverse("schools:roster_undo", args=[latest.pk])).status_code == 404
    assert client_for(p.teacher).post(reverse("schools:roster_undo", args=[latest.pk])).status_code == 403

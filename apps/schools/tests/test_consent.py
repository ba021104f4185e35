"""The consent register: history for every change, imports that never undo a withdrawal, take-down lists."""

from __future__ import annotations

import datetime as dt
import io
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from apps.audit.models import AuditEntry
from apps.posts.models import PhotoTag, Post, PostPhoto
from apps.schools import actions
from apps.schools.consent import posts_showing, references_for
from apps.schools.models import ConsentChange, FaceReference, Pupil
from apps.schools.roster_merge import plan_import
from apps.schools.testing import Personas, client_for
from safepost.policy.roster import parse_roster

REGISTER = reverse("schools:consent")
ROSTER = (
    "Forename,Surname,Year,Reg Group,Photo Consent,Website Consent\n"
    "Amara,Okafor,Year 3,Oak,yes,yes\n"
    "Ben,Castellano,Year 3,Oak,no,yes\n"
    "Chloé,Dubois,Year 4,Ash,,\n"
)


def text(response: Any) -> str:
    return unescape(response.content.decode())


def import_roster(p: Personas, csv: str, name: str = "sims.csv") -> None:
    actions.do_replace_roster(p.school, parse_roster(csv, name), p.head, source=name)


def pupil(surname: str) -> Pupil:
    return Pupil.objects.get(surname=surname)


def page(surname: str) -> str:
    return reverse("schools:pupil_consent", args=[pupil(surname).pk])


def record(client: Client, surname: str, channel: str, value: str, **extra: str) -> Any:
    data = {
        "form": "consent",
        "channel": channel,
        "value": value,
        "given_by": "Mrs Okafor (mother)",
        "on": "2026-11-02",
        "note": "",
        **extra,
    }
    return client.post(page(surname), data, follow=True)


def post_showing(p: Personas, who: Pupil, status: str, words: str) -> Post:
    post = Post.objects.create(
        school=p.school,
        account=p.oak,
        author=p.teacher,
        text=words,
        status=status,
        published_at=timezone.now() if status == Post.Status.PUBLISHED else None,
    )
    photo = PostPhoto.objects.create(post=post, uploaded_by=p.teacher)
    PhotoTag.objects.create(photo=photo, pupil=who, tagged_by=p.teacher)
    return post


@pytest.fixture
def roster(p: Personas) -> Personas:
    import_roster(p, ROSTER)
    return p


# History ---------------------------------------------------------------------------------------


def test_it_records_a_withdrawal_in_the_app_with_who_when_and_an_audit_entry(roster: Personas) -> None:
    p = roster
    before = p.school.roster_version
    response = record(client_for(p.office), "Okafor", "social", "withdrawn", note="Phone call")
    assert "Social media consent for Amara Okafor is recorded as withdrawn." in text(response)
    amara = pupil("Okafor")
    assert amara.photo_consent is False and amara.website_consent is True
    change = amara.consent_changes.first()
    assert change is not None
    assert (change.channel, change.value, change.source) == ("social", "withdrawn", "app")
    assert (change.given_by, change.on, change.note) == (
        "Mrs Okafor (mother)",
        dt.date(2026, 11, 2),
        "Phone call",
    )
    assert change.recorded_by == p.office
    entry = AuditEntry.objects.filter(action="consent.withdrawn").latest("seq")
    assert entry.actor == p.office and entry.data["channel"] == "social"
    assert "Amara Okafor" in entry.summary and "Mrs Okafor (mother)" in entry.summary
    p.school.refresh_from_db()
    assert p.school.roster_version == before + 1  # the checker reads the new consent
    assert not p.school.roster.by_first["amara"][0].photo_consent
    history = text(response)
    assert "In Safepost by Olly Office" in history and "Phone call" in history


def test_giving_consent_is_as_easy_as_withdrawing_it(roster: Personas) -> None:
    response = record(
        client_for(roster.office), "Castellano", "social", "given", given_by="Mr Castellano (father)"
    )
    assert "Social media consent for Ben Castellano is recorded as given." in text(response)
    assert pupil("Castellano").photo_consent is True
    assert AuditEntry.objects.filter(action="consent.given", summary__contains="Mr Castellano").exists()


def test_recording_what_is_already_recorded_changes_nothing_and_says_so(roster: Personas) -> None:
    response = record(client_for(roster.office), "Okafor", "social", "given")
    assert "Social media consent for Amara Okafor is already given, so nothing changed." in text(response)
    assert not pupil("Okafor").consent_changes.filter(source="app").exists()


def test_a_consent_form_without_who_or_with_a_future_date_is_refused(roster: Personas) -> None:
    client = client_for(roster.office)
    html = text(record(client, "Okafor", "social", "withdrawn", given_by=" "))
    assert "Write who gave or withdrew the consent" in html
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    html = text(record(client, "Okafor", "social", "withdrawn", on=tomorrow))
    assert "The date cannot be in the future" in html
    assert pupil("Okafor").photo_consent is True


def test_an_import_records_the_consent_it_brings_in_the_history(roster: Personas) -> None:
    changes = ConsentChange.objects.filter(pupil__school=roster.school)
    # Amara: social and website; Ben: social and website; Chloé: nothing in the file.
    assert changes.count() == 4
    assert set(changes.values_list("source", flat=True)) == {"roster import sims.csv"}
    assert changes.filter(recorded_by__isnull=True).count() == 4
    assert AuditEntry.objects.filter(action__startswith="consent.").count() == 4
    html = text(client_for(roster.teacher).get(page("Castellano")))
    assert "Roster import sims.csv" in html


# Imports ---------------------------------------------------------------------------------------


def test_an_import_withdraws_consent_and_fills_in_what_was_not_recorded(roster: Personas) -> None:
    import_roster(
        roster,
        "Forename,Surname,Year,Reg Group,Photo Consent,Website Consent\n"
        "Amara,Okafor,Year 3,Oak,no,yes\n"
        "Ben,Castellano,Year 3,Oak,no,yes\n"
        "Chloé,Dubois,Year 4,Ash,yes,no\n",
        "autumn.csv",
    )
    assert pupil("Okafor").photo_consent is False
    chloe = pupil("Dubois")
    assert (chloe.photo_consent, chloe.website_consent) == (True, False)
    withdrawn = AuditEntry.objects.get(action="consent.withdrawn", summary__contains="Amara")
    assert "roster import autumn.csv" in withdrawn.summary


def test_an_empty_cell_in_the_export_never_erases_recorded_consent(roster: Personas) -> None:
    import_roster(roster, "Forename,Surname,Reg Group,Photo Consent\nAmara,Okafor,Oak,\n")
    amara = pupil("Okafor")
    assert (amara.photo_consent, amara.website_consent) == (True, True)


def test_a_stale_import_does_not_give_back_a_consent_withdrawn_in_safepost(roster: Personas) -> None:
    p = roster
    client = client_for(p.head)
    record(client_for(p.office), "Okafor", "website", "withdrawn")
    stale = ROSTER.replace("Amara,Okafor,Year 3,Oak,yes,yes", "Amara,Okafor,Year 4,Ash,yes,yes")
    from apps.schools.tests.test_roster import confirm, upload

    html = upload(client, stale, "stale.csv")
    assert "Not changed, and why: 1" in html
    assert "Withdrawn in Safepost on 2 November 2026 by Mrs Okafor (mother)" in html
    assert "An import never gives consent back" in html
    confirm(client, html)
    amara = pupil("Okafor")
    assert amara.website_consent is False
    assert amara.class_name == "Ash"  # the rest of the row is imported
    # Still not given back by the next export that says yes.
    import_roster(p, stale, "later.csv")
    assert pupil("Okafor").website_consent is False
    assert not amara.consent_changes.filter(source__contains="later.csv").exists()
    kept = AuditEntry.objects.filter(action="roster.imported").latest("seq").data["consent_kept"]
    assert kept == [{"pupil": amara.pk, "channel": "website", "reason": kept[0]["reason"]}]


def test_a_refusal_that_came_from_the_mis_is_changed_by_a_newer_export(roster: Personas) -> None:
    assert pupil("Castellano").photo_consent is False
    import_roster(roster, "Forename,Surname,Reg Group,Photo Consent\nBen,Castellano,Oak,yes\n")
    assert pupil("Castellano").photo_consent is True


def test_the_preview_lists_the_consent_changes_an_import_would_make(roster: Personas) -> None:
    from apps.schools.tests.test_roster import upload

    html = upload(
        client_for(roster.head),
        ROSTER.replace("Amara,Okafor,Year 3,Oak,yes,yes", "Amara,Okafor,Year 3,Oak,no,yes"),
    )
    assert "Consent changes for pupils already on the roster: 1" in html
    assert (
        '<td>Amara Okafor</td><td data-label="Class">Oak</td><td data-label="Consent for">Social media</td>'
        in html
    )
    assert (
        '<td data-label="Now">Given</td><td data-label="After the import">Refused or withdrawn</td>' in html
    )
    assert pupil("Okafor").photo_consent is True  # a preview changes nothing


def test_pupils_with_photo_tags_survive_an_import_that_leaves_them_out(roster: Personas) -> None:
    p = roster
    ben = pupil("Castellano")
    post = post_showing(p, ben, Post.Status.PUBLISHED, "Our science week")
    import_roster(p, "Forename,Surname,Reg Group\nAmara,Okafor,Oak\n")
    ben.refresh_from_db()
    assert not ben.is_active and ben.left_at == timezone.localdate()
    assert PhotoTag.objects.filter(pupil=ben, photo__post=post).exists()
    assert list(posts_showing(ben)) == [post]
    # A leaver stays known to the checker: posts still must not name them.
    assert "castellano" in p.school.roster.by_surname
    register = client_for(p.office)
    assert "Ben Castellano" not in text(register.get(REGISTER))
    assert "Ben Castellano" in text(register.get(REGISTER, {"show": "left"}))
    # Back on a later export: the same pupil, active again.
    import_roster(p, ROSTER)
    ben.refresh_from_db()
    assert ben.is_active and ben.left_at is None
    assert Pupil.objects.filter(surname="Castellano").count() == 1


def test_same_named_pupils_are_told_apart_by_class_and_year_even_after_moving_up(p: Personas) -> None:
    import_roster(p, "first_name,last_name,year,class\nOliver,Smith,Year 3,Oak\nOliver,Smith,Year 5,Elm\n")
    younger = Pupil.objects.get(year="Year 3")
    older = Pupil.objects.get(year="Year 5")
    actions.set_consent(
        older, "social", False, given_by="Mr Smith", on=timezone.localdate(), note="", actor=p.head
    )
    plan = plan_import(
        p.school,
        parse_roster("first_name,last_name,year,class\nOliver,Smith,Year 6,Birch\nOliver,Smith,Year 4,Ash\n"),
    )
    assert {(old.pk, new.year) for old, new in plan.matched} == {(younger.pk, "Year 4"), (older.pk, "Year 6")}
    assert not plan.joining and not plan.leaving


# Take-down lists -------------------------------------------------------------------------------


def test_withdrawing_consent_lists_every_published_post_that_shows_the_pupil(roster: Personas) -> None:
    p = roster
    amara = pupil("Okafor")
    shown = post_showing(p, amara, Post.Status.PUBLISHED, "Sports day relay")
    also = post_showing(p, amara, Post.Status.PUBLISHED, "Harvest festival")
    draft = post_showing(p, amara, Post.Status.SCHEDULED, "Book week costumes")
    post_showing(p, pupil("Castellano"), Post.Status.PUBLISHED, "Ben's class assembly")
    html = text(record(client_for(p.office), "Okafor", "social", "withdrawn"))
    assert (
        "2 published posts show Amara Okafor: they are listed below. Open each one and take it down." in html
    )
    assert "Consent for social media is refused or withdrawn." in html
    for post in (shown, also):
        assert f'href="{reverse("posts:detail", args=[post.pk])}"' in html
    assert "Sports day relay" in html and "Harvest festival" in html
    assert "assembly" not in html
    assert "1 post not yet published shows Amara" in html and "Book week costumes" in html
    assert f'href="{reverse("posts:detail", args=[draft.pk])}"' in html
    # Still there when the page is opened again later.
    assert "Sports day relay" in text(client_for(p.teacher).get(page("Okafor")))


def test_withdrawing_with_no_published_posts_says_so(roster: Personas) -> None:
    html = text(record(client_for(roster.office), "Okafor", "website", "withdrawn"))
    assert "No published post shows Amara Okafor" in html


# Face matching ---------------------------------------------------------------------------------


def enrol_directly(who: Pupil, p: Personas, n: int = 1) -> None:
    for i in range(n):
        FaceReference.objects.create(pupil=who, embedding=bytes([i]) * 512, recorded_by=p.office)


def give_face_consent(p: Personas, who: Pupil) -> None:
    actions.set_consent(
        who,
        "face-matching",
        True,
        given_by="Mrs Okafor (mother)",
        on=timezone.localdate(),
        note="",
        actor=p.office,
    )


def test_withdrawing_face_matching_consent_deletes_the_references_and_says_so(roster: Personas) -> None:
    p = roster
    p.school.face_matching = True
    p.school.save()
    amara = pupil("Okafor")
    give_face_consent(p, amara)
    enrol_directly(amara, p, 2)
    assert references_for(p.school) == {amara.pk: [bytes([0]) * 512, bytes([1]) * 512]}
    html = text(record(client_for(p.office), "Okafor", "face-matching", "withdrawn"))
    assert "2 enrolled face references were deleted: Amara Okafor will no longer be matched." in html
    assert not FaceReference.objects.exists()
    assert references_for(p.school) == {}
    entry = AuditEntry.objects.get(action="face.references_deleted")
    assert entry.data == {"pupil": amara.pk, "deleted": 2, "why": "face-matching consent withdrawn"}


def test_references_are_given_only_for_consenting_pupils_on_roll_while_matching_is_on(
    roster: Personas,
) -> None:
    p = roster
    amara, ben = pupil("Okafor"), pupil("Castellano")
    give_face_consent(p, amara)
    enrol_directly(amara, p)
    enrol_directly(ben, p)  # stored without consent: never handed out
    assert references_for(p.school) == {}  # off by default
    actions.set_face_matching(p.school, True, p.school.memberships.get(user=p.head))
    assert list(references_for(p.school)) == [amara.pk]


def test_only_the_headteacher_switches_face_matching_and_off_deletes_every_reference(
    roster: Personas,
) -> None:
    p = roster
    senior = client_for(p.senior).post(reverse("schools:face_matching"), {"on": "1"})
    assert senior.status_code == 403
    head = client_for(p.head)
    assert "Face matching is on." in text(
        head.post(reverse("schools:face_matching"), {"on": "1"}, follow=True)
    )
    p.school.refresh_from_db()
    assert p.school.face_matching
    amara = pupil("Okafor")
    give_face_consent(p, amara)
    enrol_directly(amara, p, 3)
    html = text(head.post(reverse("schools:face_matching"), {"on": "0"}, follow=True))
    assert (
        "Face matching is off: no photo is matched against pupils' faces. 3 enrolled references were deleted."
        in html
    )
    assert not FaceReference.objects.exists()
    entries = AuditEntry.objects.filter(action="school.face_matching").order_by("seq")
    assert [e.data for e in entries] == [
        {"face_matching": True, "references_deleted": 0},
        {"face_matching": False, "references_deleted": 3},
    ]


def test_no_reference_is_stored_without_written_consent_or_while_matching_is_off(roster: Personas) -> None:
    p = roster
    amara = pupil("Okafor")
    with pytest.raises(actions.SchoolError, match="Face matching is off for your school"):
        actions.enrol_face(amara, b"not read", "face.jpg", p.office)
    p.school.face_matching = True
    p.school.save()
    amara.refresh_from_db()
    with pytest.raises(actions.SchoolError, match="has no written consent for face matching"):
        actions.enrol_face(amara, b"not read", "face.jpg", p.office)
    assert not FaceReference.objects.exists()


def test_a_leavers_references_are_deleted_by_the_import_that_marks_them_as_left(roster: Personas) -> None:
    p = roster
    amara = pupil("Okafor")
    give_face_consent(p, amara)
    enrol_directly(amara, p)
    import_roster(p, "Forename,Surname\nBen,Castellano\n")
    assert not FaceReference.objects.exists()
    assert (
        AuditEntry.objects.filter(action="roster.imported").latest("seq").data["face_references_deleted"] == 1
    )


# The register page and who may use it ------------------------------------------------------------


def test_the_register_shows_counts_and_filters_pupils_without_consent(roster: Personas) -> None:
    client = client_for(roster.teacher)
    html = text(client.get(REGISTER))
    assert "3 pupils on the roster" in html
    assert "Amara Okafor" in html and "Chloé Dubois" in html
    no_social = text(client.get(REGISTER, {"show": "no-social"}))
    # Refused and never recorded both mean: no photo on social media.
    assert "Ben Castellano" in no_social and "Chloé Dubois" in no_social and "Amara Okafor" not in no_social
    no_website = text(client.get(REGISTER, {"show": "no-website"}))
    assert "Chloé Dubois" in no_website and "Ben Castellano" not in no_website
    fragment = text(client.get(REGISTER, {"q": "amar"}, HTTP_HX_REQUEST="true"))
    assert fragment.lstrip().startswith('<div id="register-list"') and "Amara Okafor" in fragment
    assert "Ben Castellano" not in fragment


def test_staff_who_post_can_read_consent_but_only_the_office_and_leaders_change_it(roster: Personas) -> None:
    p = roster
    teacher = client_for(p.teacher)
    html = text(teacher.get(page("Okafor")))
    assert "Amara Okafor" in html and "Record a parent's consent" not in html
    assert record(teacher, "Okafor", "social", "withdrawn").status_code == 403
    assert pupil("Okafor").photo_consent is True
    assert "Record a parent's consent" in text(client_for(p.office).get(page("Okafor")))
    assert "Record a parent's consent" in text(client_for(p.senior).get(page("Okafor")))
    assert client_for(p.governor).get(REGISTER).status_code == 403


def test_outsiders_get_404_for_another_schools_pupils(roster: Personas) -> None:
    outsider = client_for(roster.outsider)
    assert outsider.get(page("Okafor")).status_code == 404
    assert record(outsider, "Okafor", "social", "withdrawn").status_code == 404
    assert "Amara" not in text(outsider.get(REGISTER))
    assert pupil("Okafor").photo_consent is True


def test_the_consent_register_is_in_the_navigation_of_those_who_may_see_it(roster: Personas) -> None:
    assert f'href="{REGISTER}"' in text(client_for(roster.teacher).get(REGISTER))
    assert f'href="{REGISTER}"' not in text(client_for(roster.governor).get(reverse("schools:settings")))


FACES = Path(__file__).resolve().parents[3] / "bench" / "faces" / "real"


def enrol_upload(client: Client, surname: str, data: bytes, name: str) -> str:
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return text(client.post(page(surname), {"form": "enrol", "photo": upload}, follow=True))


def test_a_reference_photo_is_enrolled_as_measurements_only(
    roster: Personas, settings: Any, tmp_path: Path
) -> None:
    from safepost.photos.matching import Embedding

    settings.MEDIA_ROOT = tmp_path
    p = roster
    actions.set_face_matching(p.school, True, p.school.memberships.get(user=p.head))
    amara = pupil("Okafor")
    give_face_consent(p, amara)
    office = client_for(p.office)
    html = enrol_upload(office, "Okafor", (FACES / "obama.jpg").read_bytes(), "IMG_0042.jpg")
    assert "Reference added for Amara Okafor. The photo was not kept" in html
    (reference,) = FaceReference.objects.filter(pupil=amara)
    assert len(Embedding.from_bytes(bytes(reference.embedding)).to_bytes()) == len(bytes(reference.embedding))
    assert references_for(p.school) == {amara.pk: [bytes(reference.embedding)]}
    assert not any(tmp_path.rglob("*"))  # the photo was never written anywhere
    assert AuditEntry.objects.filter(action="face.enrolled", object_id=str(amara.pk)).exists()

    blank = io.BytesIO()
    Image.new("RGB", (400, 300), "#7a9").save(blank, "PNG")
    assert "No face was found in this reference photo" in enrol_upload(
        office, "Okafor", blank.getvalue(), "wall.png"
    )
    assert "is a PDF, not a photo" in enrol_upload(office, "Okafor", b"%PDF-1.7 not a photo", "form.jpg")
    assert FaceReference.objects.count() == 1


def test_a_new_child_with_a_leavers_name_does_not_inherit_the_leavers_consent(db: None) -> None:
    from apps.schools.actions import do_replace_roster
    from apps.schools.models import Pupil
    from apps.schools.testing import make_personas
    from safepost.policy.roster import Pupil as RosterPupil
    from safepost.policy.roster import Roster

    p = make_personas(slug="leaver-name")
    leaver = RosterPupil(("Sam",), ("Lee",), year="Year 6", class_name="Ash", photo_consent=True)
    do_replace_roster(p.school, Roster([leaver]), p.head)
    do_replace_roster(p.school, Roster([]), p.head)  # Sam left at the end of Year 6
    joiner = RosterPupil(("Sam",), ("Lee",), year="Reception", class_name="Oak")
    do_replace_roster(p.school, Roster([joiner]), p.head)

    pupils = list(Pupil.objects.filter(school=p.school, first_name="Sam").order_by("pk"))
    assert len(pupils) == 2
    assert pupils[0].is_active is False and pupils[1].is_active is True
    assert pupils[1].photo_consent is None  # nothing recorded for the new child yet

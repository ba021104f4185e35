"""Versions of the settings, their sign-off by the headteacher and the chair of governors (RAC-13,
COU-13), the agreement staff sign again (SUT-15) and the review reminder."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.governance import actions
from apps.governance.models import PolicyVersion, SignOff
from apps.governance.tests.conftest import pdf_text
from apps.notifications.models import Notification
from apps.schools import actions as schools
from apps.schools.agreement_text import default_agreement_text
from apps.schools.models import Agreement, Membership, Role
from apps.schools.policy_edit import set_values
from apps.schools.testing import Personas, make_user


def member(p: Personas, user: Any) -> Membership:
    return Membership.objects.select_related("school").get(user=user, school=p.school)


def change(p: Personas, values: dict[tuple[str, ...], Any]) -> PolicyVersion:
    p.school.refresh_from_db()
    schools.update_policy(p.school, set_values(p.school.policy_toml, values), p.head)
    return PolicyVersion.objects.get(school=p.school, number=p.school.policy_version)


def sign_both(p: Personas, version: PolicyVersion) -> None:
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    actions.sign_version(version, member(p, p.head), "Helen Head")
    actions.sign_version(version, member(p, p.governor), "Gill Governor")


def test_every_change_of_the_settings_makes_a_new_draft_version(p: Personas) -> None:
    first = PolicyVersion.objects.get(school=p.school)
    assert first.number == 1 and first.policy_toml == p.school.policy_toml and not first.is_signed
    second = change(p, {("posting_window", "start"): "09:00"})
    assert second.number == 2 and 'start = "09:00"' in second.policy_toml
    assert 'start = "09:00"' not in PolicyVersion.objects.get(school=p.school, number=1).policy_toml


def test_the_head_and_the_chair_of_governors_sign_and_the_signed_version_is_kept(p: Personas) -> None:
    version = actions.latest_version(p.school)
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    actions.sign_version(version, member(p, p.head), "helen  head")
    version.refresh_from_db()
    assert not version.is_signed and actions.signed_version(p.school) is None
    # The chair is asked for the other signature.
    assert Notification.objects.filter(user=p.governor, kind="policy.sign").exists()

    actions.sign_version(version, member(p, p.governor), "Gill Governor")
    version.refresh_from_db()
    assert version.is_signed and actions.signed_version(p.school) == version
    kept = {(s.capacity, s.user, s.typed_name) for s in version.signoffs.all()}
    assert kept == {
        (SignOff.Capacity.HEADTEACHER, p.head, "helen head"),
        (SignOff.Capacity.CHAIR, p.governor, "Gill Governor"),
    }
    ratified = AuditEntry.objects.get(school=p.school, action="policy.ratified")
    assert "Gill Governor (Chair of governors)" in ratified.summary

    # A later change is a new draft; the signed version stays the school's signed policy.
    later = change(p, {("posting_window", "end"): "17:00"})
    assert not later.is_signed and actions.signed_version(p.school) == version


def test_only_the_chair_signs_for_the_governors_and_only_the_newest_version(p: Personas) -> None:
    version = actions.latest_version(p.school)
    with pytest.raises(actions.GovernanceError, match="Ask the headteacher to record who the chair is"):
        actions.sign_version(version, member(p, p.governor), "Gill Governor")
    with pytest.raises(actions.GovernanceError, match="Only the headteacher and the chair"):
        actions.sign_version(version, member(p, p.senior), "Sam Senior")
    other = make_user("gov2", p.school, Role.GOVERNOR, "Gerry", "Other")
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    with pytest.raises(actions.GovernanceError, match="Only the chair of governors"):
        actions.sign_version(version, member(p, other), "Gerry Other")
    with pytest.raises(actions.GovernanceError, match="exactly as the staff list has it: Helen Head"):
        actions.sign_version(version, member(p, p.head), "Someone Else")
    change(p, {("posting_window", "start"): "09:00"})
    with pytest.raises(actions.GovernanceError, match="read version 2 and sign that one"):
        actions.sign_version(version, member(p, p.head), "Helen Head")
    with pytest.raises(actions.GovernanceError, match="Only the headteacher can say"):
        actions.set_chair(p.school, member(p, other), member(p, p.senior))
    assert not SignOff.objects.exists()


def test_a_chair_who_leaves_can_no_longer_sign(p: Personas) -> None:
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    Membership.objects.filter(user=p.governor).update(is_active=False)
    assert actions.chair_of(p.school) is None


def test_staff_sign_the_agreement_again_when_a_signed_version_changes_what_they_must_do(p: Personas) -> None:
    schools.publish_agreement(p.school, default_agreement_text(p.school), p.head)
    sign_both(p, actions.latest_version(p.school))
    assert Agreement.objects.filter(school=p.school).count() == 1  # nothing changed for staff

    # A change staff do not act on (the review date) is signed: no new agreement.
    p.school.refresh_from_db()
    quiet = change(p, {("review", "next_review"): "2027-07"})
    actions.sign_version(quiet, member(p, p.head), "Helen Head")
    actions.sign_version(quiet, member(p, p.governor), "Gill Governor")
    assert Agreement.objects.filter(school=p.school).count() == 1

    # Posting hours change what staff must do: once signed, the agreement is published again.
    p.school.refresh_from_db()
    hours = change(p, {("posting_window", "start"): "09:00"})
    actions.sign_version(hours, member(p, p.head), "Helen Head")
    assert Agreement.objects.filter(school=p.school).count() == 1  # not until the chair signs too
    mail.outbox.clear()
    actions.sign_version(hours, member(p, p.governor), "Gill Governor")
    latest = Agreement.objects.filter(school=p.school).order_by("-version").first()
    assert latest is not None and latest.version == 2 and "between 09:00 and 18:00" in latest.text
    hours.refresh_from_db()
    assert hours.agreement_republished
    told = Notification.objects.filter(kind="agreement.changed").values_list("user", flat=True)
    assert set(told) >= {p.teacher.pk, p.office.pk} and p.governor.pk not in told
    assert any("Sign the social media agreement again" in m.subject for m in mail.outbox)


def test_a_schools_own_agreement_is_kept_with_what_changed_added(p: Personas) -> None:
    schools.publish_agreement(p.school, "Our own agreement, written by the governors.", p.head)
    hours = change(p, {("posting_window", "end"): "17:00"})
    sign_both(p, hours)
    latest = Agreement.objects.filter(school=p.school).order_by("-version").first()
    assert latest is not None and latest.text.startswith("Our own agreement, written by the governors.")
    assert "Changed with the policy signed on" in latest.text and "between 08:00 and 17:00" in latest.text


def test_the_version_page_signs_and_the_pdf_says_who_signed(p: Personas) -> None:
    head, governor = p.client_for(p.head), p.client_for(p.governor)
    version = actions.latest_version(p.school)
    page = governor.get(reverse("governance:version", args=[version.pk]))
    assert page.status_code == 200 and "Sign the policy" not in page.content.decode()
    assert "We post Monday to Friday between 8am and 6pm." in page.content.decode()

    head.post(reverse("governance:chair"), {"governor": member(p, p.governor).pk})
    assert actions.chair_of(p.school) == p.governor
    wrong = governor.post(reverse("governance:sign", args=[version.pk]), {"typed_name": "G"})
    assert "exactly as the staff list has it" in wrong.content.decode()
    head.post(reverse("governance:sign", args=[version.pk]), {"typed_name": "Helen Head"})
    done = governor.post(
        reverse("governance:sign", args=[version.pk]), {"typed_name": "Gill Governor"}, follow=True
    )
    assert "this is now the school&#x27;s signed policy" in done.content.decode()

    pdf = head.get(reverse("governance:version_pdf", args=[version.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "signed by Helen Head (headteacher)" in text and "Gill Governor (chair of governors)" in text


def test_only_the_headteacher_records_the_chair_and_staff_cannot_sign(p: Personas) -> None:
    version = actions.latest_version(p.school)
    senior = p.client_for(p.senior)
    assert senior.post(reverse("governance:chair"), {"governor": member(p, p.governor).pk}).status_code == 403
    got = senior.post(reverse("governance:sign", args=[version.pk]), {"typed_name": "Sam Senior"})
    assert "Only the headteacher and the chair" in got.content.decode()
    assert not SignOff.objects.exists() and actions.chair_of(p.school) is None


def test_an_outsider_gets_404_for_another_schools_version(p: Personas) -> None:
    version = actions.latest_version(p.school)
    outsider = p.client_for(p.outsider)
    for name in ("governance:version", "governance:version_pdf", "governance:sign"):
        assert outsider.get(reverse(name, args=[version.pk])).status_code in (404, 405)
    assert (
        outsider.post(
            reverse("governance:sign", args=[version.pk]), {"typed_name": "Otto Outsider"}
        ).status_code
        == 404
    )


def test_the_home_page_tells_the_head_and_the_chair_a_version_waits_for_them(p: Personas) -> None:
    actions.set_chair(p.school, member(p, p.governor), member(p, p.head))
    waiting = "Policy version 1 is waiting for your signature"
    assert waiting in p.client_for(p.head).get("/").content.decode()
    assert waiting in p.client_for(p.governor).get("/").content.decode()
    assert waiting not in p.client_for(p.senior).get("/").content.decode()
    actions.sign_version(actions.latest_version(p.school), member(p, p.head), "Helen Head")
    assert waiting not in p.client_for(p.head).get("/").content.decode()
    assert waiting in p.client_for(p.governor).get("/").content.decode()


def test_a_version_this_safepost_cannot_read_is_explained_not_a_traceback(p: Personas) -> None:
    version = actions.latest_version(p.school)
    PolicyVersion.objects.filter(pk=version.pk).update(
        policy_toml=version.policy_toml + "\n[retired_section]\nkey = 1\n"
    )
    head = p.client_for(p.head)
    page = head.get(reverse("governance:version", args=[version.pk]))
    assert page.status_code == 200 and "can no longer be read" in page.content.decode()
    pdf = head.get(reverse("governance:version_pdf", args=[version.pk]), follow=True)
    assert "there is no PDF of it" in pdf.content.decode()
    PolicyVersion.objects.filter(pk=version.pk).update(policy_toml="[writing\n")
    assert "not valid TOML" in head.get(reverse("governance:version", args=[version.pk])).content.decode()

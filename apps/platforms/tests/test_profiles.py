"""Official accounts identify themselves (SUT-17): the connections page reads each profile and
offers the wording; a senior leader puts it on the platform where its API allows."""

from __future__ import annotations

from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.platforms import actions
from apps.platforms.models import Connection
from apps.platforms.profiles import check_profile, suggested_text
from apps.platforms.tests.conftest import connect
from apps.platforms.tests.fakes import SCHOOL, FakeWorld
from apps.schools.testing import Personas, client_for

LIST = "http://testserver/s/st-caths/accounts/"


def test_a_profile_that_does_not_say_it_is_official_gets_the_wording_and_the_button(
    p: Personas, world: FakeWorld
) -> None:
    connection = connect(p, world)
    world.profiles[SCHOOL.external_id] = "News from St Catherine's"
    assert actions.check_connection(connection) == "ok"

    page = client_for(p.head).get(reverse("platforms:connections")).content.decode()
    assert "does not say it is the school's official account" in page
    assert suggested_text(p.school, LIST).replace("'", "&#x27;") in page
    assert reverse("platforms:profile", args=[connection.pk]) in page


def test_the_head_puts_the_wording_on_the_profile_and_it_is_read_back_and_recorded(
    p: Personas, world: FakeWorld
) -> None:
    connection = connect(p, world)
    response = client_for(p.head).post(reverse("platforms:profile", args=[connection.pk]))
    assert response.status_code == 302
    assert "official account of" in world.profiles[SCHOOL.external_id]
    assert AuditEntry.objects.filter(school=p.school, action="platform.profile_set").exists()

    actions.check_connection(connection)
    connection.refresh_from_db()
    verdict = check_profile(connection, LIST)
    assert verdict.states_official and verdict.links_to_list
    page = client_for(p.head).get(reverse("platforms:connections")).content.decode()
    assert "Profile says it is official" in page


def test_a_link_to_the_school_website_counts_as_the_list(p: Personas, world: FakeWorld) -> None:
    p.school.website = "https://www.stcaths.sch.uk"
    p.school.save()
    connection = connect(
        p,
        world,
        profile_text="Official account. www.stcaths.sch.uk/social",
        profile_links=["www.stcaths.sch.uk/social"],
    )
    assert check_profile(connection, LIST).ok


def test_a_teacher_cannot_change_the_profile(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world)
    response = client_for(p.teacher).post(reverse("platforms:profile", args=[connection.pk]))
    assert response.status_code in (403, 404)
    assert world.profiles == {}


def test_a_platform_whose_api_does_not_allow_it_is_explained_and_nothing_is_sent(
    p: Personas, world: FakeWorld
) -> None:
    connection = connect(p, world, kind="fakepass")
    response = client_for(p.head).post(reverse("platforms:profile", args=[connection.pk]), follow=True)
    assert "does not let Safepost change the profile" in response.content.decode()
    assert world.profiles == {}
    assert not AuditEntry.objects.filter(action="platform.profile_set").exists()


def test_a_connection_not_in_use_is_refused(p: Personas, world: FakeWorld) -> None:
    connection = connect(p, world, status=Connection.Status.WAITING)
    response = client_for(p.head).post(reverse("platforms:profile", args=[connection.pk]), follow=True)
    assert "not in use" in response.content.decode()

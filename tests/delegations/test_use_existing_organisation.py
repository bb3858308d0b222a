"""The duplicate warning offers the recorded organisation ("Use this one"), and the quick add
from Add member records the kind of a new organisation (issue 20)."""

import re

from sqlalchemy import select

from tests.checks import count_rows
from tests.delegations.members import add_member
from tracker.extensions import db
from tracker.models import DelegationMember, Organisation, OrganisationKind, Person


def test_the_add_member_warning_offers_each_look_alike_to_use(client, login, make, delegation):
    login()
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    page = add_member(
        client, delegation, full_name="Eva Lang", new_organisation="JENAER OPTRONIK"
    ).text
    assert re.search(
        rf'name="use_organisation_id" value="{existing.id}"[^>]*>\s*Use this one', page
    )
    # Enter in a text field presses the first submit button: the plain one, not "Use this one".
    first_button = re.search(r"<button[^>]*>", page.split('id="role"')[0]).group(0)
    assert "use_organisation_id" not in first_button


def test_use_this_one_adds_the_member_with_the_recorded_organisation(client, login, make,
                                                                     delegation):  # fmt: skip
    login()
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = add_member(client, delegation, full_name="Eva Lang",
                          new_organisation="JENAER OPTRONIK", new_organisation_kind="company",
                          use_organisation_id=existing.id)  # fmt: skip
    assert response.status_code == 302
    assert count_rows(Organisation) == 1
    person = db.session.scalar(select(Person))
    assert person.organisation_id == existing.id
    assert db.session.scalar(select(DelegationMember.organisation_id)) == existing.id


def test_use_this_one_refuses_an_organisation_that_does_not_exist(client, login, delegation):
    login()
    response = add_member(client, delegation, full_name="Eva Lang", new_organisation="X",
                    use_organisation_id="424242")  # fmt: skip
    assert response.status_code == 200
    assert (count_rows(Organisation), count_rows(Person)) == (0, 0)


def test_the_quick_add_records_the_kind_chosen(client, login, delegation):
    login()
    page = client.get(f"/delegations/{delegation.id}/members/add").text
    assert '<option selected value="company">' in page.split('id="new_organisation_kind"')[1]
    response = add_member(
        client,
        delegation,
        full_name="Prof. Eva Lang",
        new_organisation="Hochschule Jena",
        new_organisation_kind="university",
    )
    assert response.status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert (organisation.name, organisation.kind) == (
        "Hochschule Jena",
        OrganisationKind.UNIVERSITY,
    )


def test_the_quick_add_refuses_an_unknown_kind(client, login, delegation):
    login()
    response = add_member(client, delegation, full_name="Eva Lang", new_organisation="Optik Lang",
                    new_organisation_kind="pirate_ship")  # fmt: skip
    assert response.status_code == 200
    assert "Not a valid choice" in response.text
    assert count_rows(Organisation) == 0


def test_the_organisation_form_offers_the_recorded_one_instead(client, login, make):
    login()
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    page = client.post("/organisations/new", data={"name": "JENAER OPTRONIK", "kind": "company",
                                                   "country": "DE"}).text  # fmt: skip
    duplicates = page.split('id="duplicates"')[1].split("</ul>")[0]
    assert re.search(rf'href="/organisations/{existing.id}"\s+aria-label="[^"]*">Use this one',
                     duplicates)  # fmt: skip
    assert count_rows(Organisation) == 1


def test_renaming_into_a_look_alike_offers_a_merge_to_managers(client, login, make):
    login("manager")
    existing = make.organisation(name="Jenaer Optronik AG")
    other = make.organisation(name="Optronik Jena")
    db.session.commit()
    page = client.post(f"/organisations/{other.id}/edit", data={
        "name": "JENAER OPTRONIK", "kind": "company", "country": "DE", "version": other.version,
    }).text  # fmt: skip
    assert f"/organisations/{other.id}/merge/{existing.id}" in page
    assert "Use this one" not in page

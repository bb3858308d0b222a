"""Adding and removing members and organisations, with the organisation duplicate guard."""

import pytest
from sqlalchemy import select

from tests.checks import count_rows
from tests.delegations.members import add_member
from tests.messages import CANNOT_COERCE, NOT_A_CHOICE, too_long
from tracker.extensions import db
from tracker.models import (
    DelegationMember,
    MemberRole,
    Organisation,
    OrganisationKind,
    Person,
    delegation_organisation,
)


def test_form_lists_people_with_their_organisation_by_name(client, login, make, delegation):
    login()
    zeiss = make.organisation(name="Zeiss")
    make.person(full_name="Zora", organisation=zeiss)
    make.person(full_name="Anton")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}/members/add").text
    assert "Zora — Zeiss" in text
    assert text.index("Anton") < text.index("Zora — Zeiss")


def test_add_existing_person_stores_their_organisation_at_that_moment(
    client, login, make, delegation
):
    login()
    zeiss = make.organisation(name="Zeiss")
    person = make.person(organisation=zeiss)
    db.session.commit()
    response = add_member(client, delegation, person_id=str(person.id), role="head")
    assert response.status_code == 302
    member = db.session.scalar(select(DelegationMember))
    assert (member.person_id, member.organisation_id, member.role) == (
        person.id,
        zeiss.id,
        MemberRole.HEAD,
    )


def test_adding_the_same_person_twice_is_refused(client, login, make, delegation):
    login()
    person = make.person()
    make.member(delegation, person)
    db.session.commit()
    response = add_member(client, delegation, person_id=str(person.id))
    assert response.status_code == 200
    assert "This person is already a member." in response.text
    assert count_rows(DelegationMember) == 1


def test_add_new_person_with_existing_organisation(client, login, make, delegation):
    user = login()
    zeiss = make.organisation(name="Zeiss")
    db.session.commit()
    response = add_member(
        client,
        delegation,
        full_name="Jürgen Schmidt",
        position="CEO",
        email="js@example.de",
        organisation_id=str(zeiss.id),
    )
    assert response.status_code == 302
    person = db.session.scalar(select(Person))
    assert (person.full_name, person.position, person.email) == (
        "Jürgen Schmidt",
        "CEO",
        "js@example.de",
    )
    assert person.organisation_id == zeiss.id
    assert person.created_by_id == user.id
    assert db.session.scalar(select(DelegationMember.organisation_id)) == zeiss.id


def test_add_new_person_with_new_organisation(client, login, delegation):
    login()
    response = add_member(
        client, delegation, full_name="Eva Lang", new_organisation="Optik Lang GmbH"
    )
    assert response.status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert organisation.name == "Optik Lang GmbH"
    assert organisation.kind == OrganisationKind.COMPANY
    assert organisation.is_local is False
    assert organisation.country == "DE"
    person = db.session.scalar(select(Person))
    assert person.organisation_id == organisation.id
    assert db.session.scalar(select(DelegationMember.organisation_id)) == organisation.id


def test_add_new_person_without_organisation(client, login, delegation):
    login()
    assert add_member(client, delegation, full_name="Solo Traveller").status_code == 302
    assert db.session.scalar(select(DelegationMember.organisation_id)) is None
    assert count_rows(Organisation) == 0


def test_near_duplicate_organisation_is_flagged_and_nothing_created(
    client, login, make, delegation
):
    login()
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = add_member(
        client, delegation, full_name="Eva Lang", new_organisation="JENAER OPTRONIK"
    )
    assert response.status_code == 200
    assert "looks like an organisation that is already recorded" in response.text
    assert f'href="/organisations/{existing.id}"' in response.text
    assert "Create it anyway" in response.text
    assert 'value="Eva Lang"' in response.text
    assert (count_rows(Organisation), count_rows(Person), count_rows(DelegationMember)) == (1, 0, 0)


def test_near_duplicate_organisation_is_created_when_confirmed(client, login, make, delegation):
    login()
    make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = add_member(
        client,
        delegation,
        full_name="Eva Lang",
        new_organisation="JENAER OPTRONIK",
        create_anyway="y",
    )
    assert response.status_code == 302
    assert count_rows(Organisation) == 2
    assert count_rows(DelegationMember) == 1


def test_picking_the_existing_organisation_instead(client, login, make, delegation):
    login()
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = add_member(
        client, delegation, full_name="Eva Lang", organisation_id=str(existing.id)
    )
    assert response.status_code == 302
    assert count_rows(Organisation) == 1
    assert db.session.scalar(select(Person.organisation_id)) == existing.id


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Pick a person, or enter a new person"),
        ({"full_name": "   "}, "Pick a person, or enter a new person"),
        ({"person_id": "PERSON", "full_name": "New"}, "not both"),
        ({"person_id": "PERSON", "new_organisation": "Org"}, "not both"),
        ({"full_name": "New", "organisation_id": "ORG", "new_organisation": "X"}, "not both"),
        ({"person_id": "99999"}, NOT_A_CHOICE),
        ({"person_id": "abc"}, CANNOT_COERCE),
        ({"full_name": "New", "organisation_id": "99999"}, NOT_A_CHOICE),
        ({"full_name": "x" * 201}, too_long(200)),
        ({"full_name": "New", "email": "not-an-email"}, "Invalid email address."),
        ({"full_name": "New", "new_organisation": "x" * 201}, "cannot be longer than 200"),
        ({"full_name": "New", "role": "king"}, CANNOT_COERCE),
    ],
)
def test_add_member_rejects_bad_input(client, login, make, delegation, data, message):
    login()
    person, organisation = make.person(), make.organisation()
    db.session.commit()
    ids = {"PERSON": str(person.id), "ORG": str(organisation.id)}
    response = add_member(client, delegation, **{k: ids.get(v, v) for k, v in data.items()})
    assert response.status_code == 200
    assert message in response.text
    assert (count_rows(Person), count_rows(Organisation), count_rows(DelegationMember)) == (1, 1, 0)


def test_remove_member_keeps_the_person(client, login, make, delegation):
    login()
    person = make.person(full_name="Leaving Soon")
    member = make.member(delegation, person)
    db.session.commit()
    response = client.post(f"/delegations/{delegation.id}/members/{member.id}/remove")
    assert response.status_code == 302
    assert count_rows(DelegationMember) == 0
    assert count_rows(Person) == 1


def test_remove_member_of_another_delegation_is_404(client, login, make, delegation):
    login()
    other = make.delegation()
    member = make.member(other, make.person())
    db.session.commit()
    response = client.post(f"/delegations/{delegation.id}/members/{member.id}/remove")
    assert response.status_code == 404
    assert count_rows(DelegationMember) == 1


def test_remove_member_needs_post(client, login, make, delegation):
    login()
    member = make.member(delegation, make.person())
    db.session.commit()
    response = client.get(f"/delegations/{delegation.id}/members/{member.id}/remove")
    assert response.status_code == 405


def _extras() -> list[tuple[int, int]]:
    return [tuple(r) for r in db.session.execute(select(delegation_organisation))]


def test_add_and_remove_organisation_without_named_people(client, login, make, delegation):
    login()
    chamber = make.organisation(name="IHK Erfurt")
    db.session.commit()
    url = f"/delegations/{delegation.id}/organisations/add"
    assert client.post(url, data={"organisation_id": str(chamber.id)}).status_code == 302
    assert _extras() == [(delegation.id, chamber.id)]
    assert client.post(url, data={"organisation_id": str(chamber.id)}).status_code == 302
    assert _extras() == [(delegation.id, chamber.id)]
    remove = f"/delegations/{delegation.id}/organisations/{chamber.id}/remove"
    assert client.post(remove).status_code == 302
    assert _extras() == []
    assert count_rows(Organisation) == 1


@pytest.mark.parametrize("value", ["", "abc", "99999"])
def test_add_organisation_rejects_bad_choice(client, login, delegation, value):
    login()
    response = client.post(
        f"/delegations/{delegation.id}/organisations/add",
        data={"organisation_id": value},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Pick an organisation to add." in response.text
    assert _extras() == []


def test_remove_organisation_not_listed_is_404(client, login, make, delegation):
    login()
    organisation = make.organisation()
    db.session.commit()
    url = f"/delegations/{delegation.id}/organisations/{organisation.id}/remove"
    assert client.post(url).status_code == 404


def test_member_pages_of_unknown_delegation_are_404(client, login):
    login()
    assert client.get("/delegations/999/members/add").status_code == 404
    assert client.post("/delegations/999/organisations/add").status_code == 404

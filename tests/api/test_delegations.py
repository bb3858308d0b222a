"""The delegations resource: list, read, create and update, through the delegation form."""

from datetime import date

from tracker.extensions import db
from tracker.models import AuditEntry, Delegation, DelegationMember, Person


def test_get_answers_the_delegation_with_its_members_and_an_etag(api, make):
    visit = make.delegation(title="Thuringia May 2026")
    make.member(visit, make.person(full_name="Anna Berg"))
    db.session.commit()
    response = api("staff", "read").get(f"/api/v1/delegations/{visit.id}")
    assert response.status_code == 200, response.text
    assert response.json["title"] == "Thuringia May 2026"
    assert [m["full_name"] for m in response.json["members"]] == ["Anna Berg"]
    assert response.headers["ETag"]


def test_create_validates_with_the_form_and_records_the_token_in_the_audit(api, make):
    client = api("staff", "write", name="partner import")
    body = {"title": "Saxony visit", "start_date": "2026-06-01", "end_date": "2026-06-03"}
    response = client.post("/api/v1/delegations", json=body)
    assert response.status_code == 201, response.text
    visit = db.session.get(Delegation, response.json["id"])
    assert visit.start_date == date(2026, 6, 1)
    entry = db.session.query(AuditEntry).filter_by(entity="delegation").one()
    assert entry.via == "partner import"


def test_the_history_page_names_the_token(api, client, login):
    response = api("staff", "write", name="partner import").post(
        "/api/v1/delegations",
        json={"title": "Saxony visit", "start_date": "2026-06-01", "end_date": "2026-06-03"},
    )
    login("staff")
    page = client.get(f"/history/delegation/{response.json['id']}")
    assert page.status_code == 200
    assert "via API token “partner import”" in page.text


def test_a_partner_agencys_list_is_enrolled_member_by_member(api, make):
    """An existing person by id, a new one with a recorded organisation, a new one with a new
    organisation: each as the member form enrols them, and the delegation lists them."""
    visit = make.delegation(title="Thuringia May 2026", origin_country="DE")
    known = make.person(full_name="Anna Berg")
    firm = make.organisation(name="Saale Robotik GmbH")
    db.session.commit()
    client, url = api(name="agency list"), f"/api/v1/delegations/{visit.id}/members"
    first = client.post(url, json={"person_id": known.id, "role": "head"})
    assert first.status_code == 201, first.text
    assert (first.json["full_name"], first.json["role"]) == ("Anna Berg", "head")
    second = client.post(url, json={"full_name": "Jonas Keil", "organisation_id": firm.id})
    assert second.json["organisation_name"] == "Saale Robotik GmbH"
    third = client.post(url, json={"full_name": "Lea Wolf", "new_organisation": "Ilmtal Optik"})
    assert third.status_code == 201, third.text
    members = client.get(f"/api/v1/delegations/{visit.id}").json["members"]
    assert {m["full_name"] for m in members} == {"Anna Berg", "Jonas Keil", "Lea Wolf"}
    new_firm = db.session.get(Person, third.json["person_id"]).organisation
    assert (new_firm.name, new_firm.country, new_firm.is_local) == ("Ilmtal Optik", "DE", False)


def test_enrolling_refuses_as_the_page_does(api, make):
    """Twice the same person: 409 at person_id; a new organisation named like a recorded one:
    409 with the look-alikes until create_anyway; neither field given: 422."""
    visit, known = make.delegation(), make.person(full_name="Anna Berg")
    make.organisation(name="Saale Robotik GmbH")
    db.session.commit()
    client, url = api(), f"/api/v1/delegations/{visit.id}/members"
    assert client.post(url, json={"person_id": known.id}).status_code == 201
    again = client.post(url, json={"person_id": known.id})
    assert again.status_code == 409 and "person_id" in again.json["errors"]
    body = {"full_name": "Jonas Keil", "new_organisation": "Saale Robotik"}
    alike = client.post(url, json=body)
    assert alike.status_code == 409
    assert [d["name"] for d in alike.json["duplicates"]] == ["Saale Robotik GmbH"]
    assert client.post(url, json=body | {"create_anyway": True}).status_code == 201
    assert client.post(url, json={}).status_code == 422
    assert db.session.query(DelegationMember).filter_by(delegation_id=visit.id).count() == 2


def test_removing_a_member_keeps_the_person(api, make):
    visit, person = make.delegation(), make.person(full_name="Anna Berg")
    member = make.member(visit, person)
    db.session.commit()
    url = f"/api/v1/delegations/{visit.id}/members/{member.id}"
    assert api("staff", "read").open(url, "DELETE").status_code == 403
    assert api().open(url, "DELETE").status_code == 204
    assert api().open(url, "DELETE").status_code == 404
    assert db.session.get(Person, person.id) is not None

"""The local offers resource: list, read, add and change through the offer form and service."""

from tracker.extensions import db
from tracker.models import AuditEntry, LocalOffer


def test_create_adds_an_offer_to_a_local_partner(api, make):
    partner = make.local_partner(name="Robot Park")
    robotics = make.industry(name="Robotics")
    db.session.commit()
    body = {"organisation_id": partner.id, "kind": "factory_space", "title": "Halls",
            "area_m2": 5000, "industry_ids": [robotics.id]}  # fmt: skip
    response = api(name="partner sync").post("/api/v1/offers", json=body)
    assert response.status_code == 201, response.text
    assert response.json["industry_ids"] == [robotics.id]
    assert db.session.get(LocalOffer, response.json["id"]).area_m2 == 5000
    entry = db.session.query(AuditEntry).filter_by(entity="local_offer", action="create").one()
    assert entry.via == "partner sync"


def test_an_offer_of_a_visitor_is_refused(api, make):
    visitor = make.organisation(name="Visitor GmbH")
    db.session.commit()
    body = {"organisation_id": visitor.id, "kind": "factory_space", "title": "Halls"}
    response = api().post("/api/v1/offers", json=body)
    assert response.status_code == 422
    assert "organisation_id" in response.json["errors"]


def test_field_errors_are_the_offer_forms_messages(api, make):
    partner = make.local_partner()
    db.session.commit()
    response = api().post(
        "/api/v1/offers", json={"organisation_id": partner.id, "kind": "factory_space", "title": ""}
    )
    assert response.status_code == 422
    assert response.json["errors"]["title"] == ["This field is required."]


def test_update_needs_if_match_and_keeps_the_rest(api, make):
    robotics = make.industry(name="Robotics")
    offer = make.offer(title="Halls", area_m2=5000, industries=[robotics])
    db.session.commit()
    client, url = api(), f"/api/v1/offers/{offer.id}"
    assert client.patch(url, json={"title": "Big halls"}).status_code == 428
    etag = client.get(url).headers["ETag"]
    response = client.patch(url, json={"title": "Big halls"}, headers={"If-Match": etag})
    assert response.status_code == 200, response.text
    assert (response.json["title"], response.json["area_m2"]) == ("Big halls", 5000)
    assert response.json["industry_ids"] == [robotics.id]
    assert client.patch(url, json={"title": "x"}, headers={"If-Match": etag}).status_code == 412


def test_list_by_partner(api, make):
    partner = make.local_partner()
    make.offer(partner, title="Mine")
    make.offer(title="Other")
    db.session.commit()
    response = api("staff", "read").get(f"/api/v1/offers?organisation_id={partner.id}")
    assert [o["title"] for o in response.json["items"]] == ["Mine"]

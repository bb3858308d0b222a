"""The delegations resource: list, read, create and update, through the delegation form."""

from datetime import date

from tracker.extensions import db
from tracker.models import AuditEntry, Delegation


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

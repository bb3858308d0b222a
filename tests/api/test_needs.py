"""The needs resource: list, read, create, update and stage moves, through the pages' forms and
services; a confidential need hidden from the token's user does not exist for it."""

import pytest

from tracker.extensions import db
from tracker.models import AuditEntry, Need, Stage
from tracker.needs.builders import stage_form

PROBLEM = "application/problem+json"


def move(client, need, body):
    """POST a stage move with the need's current ETag in If-Match, as a client that read it."""
    etag = client.get(f"/api/v1/needs/{need.id}").headers["ETag"]
    return client.post(f"/api/v1/needs/{need.id}/moves", json=body, headers={"If-Match": etag})


@pytest.fixture
def secret_need(make):
    """A confidential need of a manager's, hidden from any other staff member."""
    owner = make.user(role="staff")
    need = make.need(title="Secret plant", confidential=True, owner=owner)
    db.session.commit()
    return need


def test_create_records_the_need_with_the_token_in_the_audit(api, make):
    company = make.organisation(name="Lindner GmbH")
    db.session.commit()
    body = {"organisation_id": company.id, "title": "Factory space", "priority": "high"}
    response = api(name="crm sync").post("/api/v1/needs", json=body)
    assert response.status_code == 201, response.text
    need = db.session.get(Need, response.json["id"])
    assert (need.title, need.stage, need.priority.value) == ("Factory space", Stage.NEW, "high")
    assert response.headers["Location"].endswith(f"/api/v1/needs/{need.id}")
    entry = db.session.query(AuditEntry).filter_by(entity="need", action="create").one()
    assert entry.via == "crm sync"


def test_a_need_made_by_the_api_is_on_the_web_page_at_once(api, make, login, client):
    company = make.organisation(name="Lindner GmbH")
    db.session.commit()
    body = {"organisation_id": company.id, "title": "Warehouse near the port"}
    need_id = api().post("/api/v1/needs", json=body).json["id"]
    login("staff")
    page = client.get(f"/needs/{need_id}")
    assert page.status_code == 200
    assert "Warehouse near the port" in page.text


def test_field_errors_are_the_need_forms_messages(api):
    response = api().post("/api/v1/needs", json={"title": "", "estimated_investment": 5})
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    errors = response.json["errors"]
    assert errors["title"] == ["This field is required."]
    assert errors["currency"] == ["Choose the currency of the amount."]
    assert "organisation_id" in errors


def test_list_filters_as_the_page_and_pages_by_cursor(api, make):
    for n in range(3):
        make.need(title=f"Open {n}")
    make.need(title="Closed one", stage=Stage.LOST)
    db.session.commit()
    client = api("staff", "read")
    first = client.get("/api/v1/needs?state=open&limit=2&sort=title")
    assert first.status_code == 200, first.text
    assert [n["title"] for n in first.json["items"]] == ["Open 0", "Open 1"]
    rest = client.get(first.json["next"]).json
    assert [n["title"] for n in rest["items"]] == ["Open 2"]
    assert rest["next"] is None


def test_update_needs_if_match_and_refuses_a_stale_one(api, make):
    need = make.need(title="Old title")
    db.session.commit()
    client = api()
    url = f"/api/v1/needs/{need.id}"
    assert client.patch(url, json={"title": "New"}).status_code == 428
    etag = client.get(url).headers["ETag"]
    saved = client.patch(url, json={"title": "New"}, headers={"If-Match": etag})
    assert saved.status_code == 200, saved.text
    assert saved.json["title"] == "New"
    stale = client.patch(url, json={"title": "Newer"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json["current"]["title"] == "New"


def test_a_read_token_cannot_write(api, make):
    company = make.organisation()
    db.session.commit()
    body = {"organisation_id": company.id, "title": "Factory space"}
    assert api("staff", "read").post("/api/v1/needs", json=body).status_code == 403
    assert db.session.query(Need).count() == 0


def test_a_move_to_lost_without_a_reason_names_the_field(api, make, app):
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    response = move(api(), need, {"to_stage": "lost"})
    assert response.status_code == 422
    with app.test_request_context(method="POST", data={"to_stage": "lost"}):
        form = stage_form(need, meta={"csrf": False})
        form.validate()
        expected = [str(m) for m in form.errors["lost_reason_id"]]
    assert response.json["errors"]["lost_reason_id"] == expected
    db.session.expire_all()
    assert db.session.get(Need, need.id).stage == Stage.QUALIFIED


def test_a_move_to_lost_with_a_reason_closes_the_need(api, make):
    need, reason = make.need(stage=Stage.QUALIFIED), make.lost_reason(name="Went elsewhere")
    db.session.commit()
    body = {"to_stage": "lost", "lost_reason_id": reason.id, "note": "Chose Vietnam"}
    response = move(api(), need, body)
    assert response.status_code == 200, response.text
    assert (response.json["stage"], response.json["lost_reason_id"]) == ("lost", reason.id)


def test_a_won_move_needs_its_date_and_outcome(api, make):
    need = make.need(stage=Stage.NEGOTIATION)
    db.session.commit()
    response = move(api(), need, {"to_stage": "won"})
    assert response.status_code == 422
    assert {"won_on", "won_outcome"} <= response.json["errors"].keys()


def test_a_closed_need_is_reopened_only_explicitly_with_a_note(api, make):
    need = make.need(stage=Stage.LOST)
    db.session.commit()
    client = api()
    plain = move(client, need, {"to_stage": "qualified"})
    assert plain.status_code == 422
    no_note = move(client, need, {"to_stage": "qualified", "reopen": True})
    assert no_note.status_code == 422
    assert "note" in no_note.json["errors"]
    reopened = move(client, need, {"to_stage": "qualified", "reopen": True, "note": "Back"})
    assert reopened.status_code == 200, reopened.text
    assert reopened.json["stage"] == "qualified"


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [("GET", "", None), ("PATCH", "", {"title": "x"}), ("POST", "/moves", {"to_stage": "lost"})],
)
def test_a_hidden_confidential_need_is_a_404(api, secret_need, method, suffix, body):
    headers = {"If-Match": '"x"'} if method != "GET" else {}
    response = api("staff").open(
        f"/api/v1/needs/{secret_need.id}{suffix}", method, json=body, headers=headers
    )
    assert response.status_code == 404
    assert response.mimetype == PROBLEM


def test_a_hidden_confidential_need_is_not_listed(api, make, secret_need):
    make.need(title="Open need")
    db.session.commit()
    titles = [n["title"] for n in api("staff", "read").get("/api/v1/needs").json["items"]]
    assert titles == ["Open need"]
    owner_titles = [
        n["title"] for n in api(user=secret_need.owner).get("/api/v1/needs").json["items"]
    ]
    assert "Secret plant" in owner_titles


def test_a_move_names_the_version_it_was_decided_on(api, make):
    """Without If-Match a move is refused (428); with a stale one it answers 412 with the need as
    it is now, and the need stays where the other move put it."""
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    client, url = api(), f"/api/v1/needs/{need.id}/moves"
    assert client.post(url, json={"to_stage": "matching"}).status_code == 428
    stale = client.get(f"/api/v1/needs/{need.id}").headers["ETag"]
    assert move(client, need, {"to_stage": "matching"}).status_code == 200
    late = client.post(url, json={"to_stage": "talks"}, headers={"If-Match": stale})
    assert late.status_code == 412
    assert late.json["current"]["stage"] == "matching"
    db.session.expire_all()
    assert db.session.get(Need, need.id).stage == Stage.MATCHING


def test_a_confidential_need_is_refused_without_an_owner_and_nothing_is_saved(api, make):
    """Saved without an owner it would be hidden from the client that recorded it: a 201 would
    be followed by 404s, and a retry would record it twice."""
    company = make.organisation(name="Lindner GmbH")
    db.session.commit()
    body = {"organisation_id": company.id, "title": "Second plant", "confidential": True}
    response = api("staff").post("/api/v1/needs", json=body)
    assert response.status_code == 422
    assert response.json["errors"]["owner_id"] == ["Choose the owner of a confidential need."]
    assert db.session.query(Need).count() == 0

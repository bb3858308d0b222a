"""The follow-ups resource: list, read, create, change, assign and complete, through the
follow-up forms and services."""

from datetime import date, timedelta

import pytest

from tracker.extensions import db
from tracker.models import AuditEntry, FollowUp, FollowUpStatus, Reassignment

PROBLEM = "application/problem+json"


@pytest.fixture
def colleague(make):
    found = make.user(role="staff", display_name="Li Wei")
    db.session.commit()
    return found


def _due(days: int = 7) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def test_create_on_a_need_records_the_token_in_the_audit(api, make, colleague):
    need = make.need()
    db.session.commit()
    body = {"need_id": need.id, "title": "Send the price list", "kind": "email",
            "assignee_id": colleague.id, "due_date": _due()}  # fmt: skip
    response = api(name="crm sync").post("/api/v1/followups", json=body)
    assert response.status_code == 201, response.text
    followup = db.session.get(FollowUp, response.json["id"])
    assert (followup.need_id, followup.assignee_id) == (need.id, colleague.id)
    entry = db.session.query(AuditEntry).filter_by(entity="followup", action="create").one()
    assert entry.via == "crm sync"


def test_field_errors_are_the_follow_up_forms_messages(api, make):
    need = make.need()
    db.session.commit()
    body = {"need_id": need.id, "title": "Call", "assignee_id": 999999, "due_date": _due(-3)}
    response = api().post("/api/v1/followups", json=body)
    assert response.status_code == 422
    errors = response.json["errors"]
    assert errors["assignee_id"] == ["Choose an active colleague from the list."]
    assert errors["due_date"] == [
        "This date is in the past. Tick the box below if that is what you mean."
    ]


def test_create_names_exactly_one_target(api, colleague):
    body = {"title": "Call", "assignee_id": colleague.id, "due_date": _due()}
    response = api().post("/api/v1/followups", json=body)
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"need_id", "organisation_id", "delegation_id"}


def test_list_filters_by_assignee_and_status(api, make, colleague):
    other = make.user()
    make.followup(colleague, title="Mine", need=make.need())
    make.followup(other, title="Theirs", need=make.need())
    db.session.commit()
    response = api("staff", "read").get(f"/api/v1/followups?assignee_id={colleague.id}&status=open")
    assert response.status_code == 200, response.text
    assert [f["title"] for f in response.json["items"]] == ["Mine"]


def test_assign_hands_it_over_with_if_match_and_records_the_reassignment(api, make, colleague):
    first = make.user()
    followup = make.followup(first, need=make.need())
    db.session.commit()
    client, url = api(), f"/api/v1/followups/{followup.id}"
    assert client.post(f"{url}/assign", json={"assignee_id": colleague.id}).status_code == 428
    etag = client.get(url).headers["ETag"]
    response = client.post(
        f"{url}/assign", json={"assignee_id": colleague.id}, headers={"If-Match": etag}
    )
    assert response.status_code == 200, response.text
    assert response.json["assignee_id"] == colleague.id
    moved = db.session.query(Reassignment).filter_by(followup_id=followup.id).one()
    assert (moved.from_user_id, moved.to_user_id) == (first.id, colleague.id)
    stale = client.post(f"{url}/assign", json={"assignee_id": first.id}, headers={"If-Match": etag})
    assert stale.status_code == 412


def test_assign_takes_only_the_assignee(api, make, colleague):
    followup = make.followup(colleague, need=make.need())
    db.session.commit()
    response = api().post(
        f"/api/v1/followups/{followup.id}/assign", json={"assignee_id": colleague.id, "title": "x"},
        headers={"If-Match": '"any"'},
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json["errors"] == {"title": ["Unknown field."]}


def test_complete_needs_an_outcome_then_closes_it(api, make, colleague):
    followup = make.followup(colleague, need=make.need())
    db.session.commit()
    client, url = api(), f"/api/v1/followups/{followup.id}"
    etag = client.get(url).headers["ETag"]
    empty = client.post(f"{url}/complete", json={"outcome": ""}, headers={"If-Match": etag})
    assert empty.status_code == 422
    assert empty.json["errors"]["outcome"] == ["Say briefly what came of it."]
    done = client.post(f"{url}/complete", json={"outcome": "Sent"}, headers={"If-Match": etag})
    assert done.status_code == 200, done.text
    assert (done.json["status"], done.json["outcome"]) == ("done", "Sent")
    again = client.post(
        f"{url}/complete", json={"outcome": "Again"}, headers={"If-Match": done.headers["ETag"]}
    )
    assert again.status_code == 409
    assert db.session.get(FollowUp, followup.id).status == FollowUpStatus.DONE


def test_a_read_token_cannot_complete(api, make, colleague):
    followup = make.followup(colleague, need=make.need())
    db.session.commit()
    response = api("staff", "read").post(
        f"/api/v1/followups/{followup.id}/complete", json={"outcome": "Sent"}
    )
    assert response.status_code == 403


def test_follow_ups_of_a_hidden_confidential_need_do_not_exist(api, make, colleague):
    owner = make.user()
    secret = make.need(confidential=True, owner=owner)
    followup = make.followup(owner, need=secret, title="Secret call")
    db.session.commit()
    client = api("staff")
    assert client.get(f"/api/v1/followups/{followup.id}").status_code == 404
    listed = client.get("/api/v1/followups").json["items"]
    assert "Secret call" not in [f["title"] for f in listed]
    body = {"need_id": secret.id, "title": "x", "assignee_id": colleague.id, "due_date": _due()}
    assert client.post("/api/v1/followups", json=body).status_code == 404
    headers = {"If-Match": '"x"'}
    assert (
        client.post(
            f"/api/v1/followups/{followup.id}/complete", json={"outcome": "x"}, headers=headers
        ).status_code
        == 404
    )

"""The talks resource: list, read, schedule and change a talk through the talk form and
services, with the page's overlap warning."""

from datetime import datetime

import pytest

from tracker.extensions import db
from tracker.models import AuditEntry, MatchStatus, Stage, Talk

BODY = {"day": "2026-05-13", "start": "10:00", "end": "11:00", "timezone": "Asia/Shanghai",
        "place": "Hall 1"}  # fmt: skip


@pytest.fixture
def need(make):
    found = make.need(title="Production space", stage=Stage.QUALIFIED)
    db.session.commit()
    return found


def test_scheduling_on_a_match_stores_utc_and_moves_the_match(api, make, need):
    partner = make.local_partner(name="Robot Park")
    match = make.match(need, partner)
    db.session.commit()
    response = api(name="planner").post("/api/v1/talks", json={"match_id": match.id, **BODY})
    assert response.status_code == 201, response.text
    talk = db.session.get(Talk, response.json["id"])
    assert (talk.starts_at, talk.title) == (
        datetime(2026, 5, 13, 2),
        "Production space: Robot Park",
    )
    assert response.json["organisation_ids"] == [partner.id]
    assert db.session.get(type(match), match.id).status == MatchStatus.TALK_SCHEDULED
    entry = db.session.query(AuditEntry).filter_by(entity="talk", action="create").one()
    assert entry.via == "planner"


def test_field_errors_are_the_talk_forms_messages(api, need):
    body = {**BODY, "need_id": need.id, "end": "09:00", "place": ""}
    response = api().post("/api/v1/talks", json=body)
    assert response.status_code == 422
    errors = response.json["errors"]
    assert errors["end"] == ["The talk must end after it starts."]
    assert errors["place"] == ["Give a place or a video link."]


def test_an_overlap_is_a_409_until_scheduled_anyway(api, make, need):
    make.talk(need, datetime(2026, 5, 13, 2), title="Other", place="HALL 1")
    db.session.commit()
    client = api()
    response = client.post("/api/v1/talks", json={**BODY, "need_id": need.id})
    assert response.status_code == 409
    assert [c["title"] for c in response.json["conflicts"]] == ["Other"]
    assert "schedule_anyway" in response.json["errors"]
    anyway = client.post(
        "/api/v1/talks", json={**BODY, "need_id": need.id, "schedule_anyway": True}
    )
    assert anyway.status_code == 201, anyway.text


def test_update_needs_if_match_and_keeps_what_is_not_sent(api, need):
    client = api()
    created = client.post("/api/v1/talks", json={**BODY, "need_id": need.id, "agenda": "Prices"})
    url = f"/api/v1/talks/{created.json['id']}"
    assert client.patch(url, json={"place": "Hall 2"}).status_code == 428
    response = client.patch(
        url, json={"place": "Hall 2"}, headers={"If-Match": created.headers["ETag"]}
    )
    assert response.status_code == 200, response.text
    assert (response.json["place"], response.json["agenda"]) == ("Hall 2", "Prices")
    assert response.json["starts_at"] == created.json["starts_at"]
    stale = client.patch(
        url, json={"place": "Hall 3"}, headers={"If-Match": created.headers["ETag"]}
    )
    assert stale.status_code == 412


def test_list_and_get(api, make, need):
    talk = make.talk(need, datetime(2026, 5, 13, 2), title="Listed")
    db.session.commit()
    client = api("staff", "read")
    assert [t["title"] for t in client.get("/api/v1/talks").json["items"]] == ["Listed"]
    assert client.get(f"/api/v1/talks/{talk.id}").json["title"] == "Listed"


def test_talks_of_a_hidden_confidential_need_do_not_exist(api, make):
    owner = make.user()
    secret = make.need(confidential=True, owner=owner)
    talk = make.talk(secret, datetime(2026, 5, 13, 2), title="Secret talk")
    db.session.commit()
    client = api("staff")
    assert client.get(f"/api/v1/talks/{talk.id}").status_code == 404
    assert client.get("/api/v1/talks").json["items"] == []
    assert client.post("/api/v1/talks", json={**BODY, "need_id": secret.id}).status_code == 404
    response = client.patch(
        f"/api/v1/talks/{talk.id}", json={"place": "x"}, headers={"If-Match": '"x"'}
    )
    assert response.status_code == 404

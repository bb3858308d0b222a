"""Matchmaking for a need: the ranked suggestions, accepting one, picking a partner by hand,
and moving a match on, through the matchmaking services and forms."""

import pytest

from tests.matchmaking.fixtures import robotics_world
from tracker.extensions import db
from tracker.models import AuditEntry, Match, MatchStatus

PROBLEM = "application/problem+json"


@pytest.fixture
def world(app):
    found = robotics_world()
    db.session.commit()
    return found


def test_suggestions_are_ranked_with_scores_and_reasons(api, world):
    response = api("staff", "read").get(f"/api/v1/needs/{world.need.id}/suggestions")
    assert response.status_code == 200, response.text
    first = response.json[0]
    assert first["organisation_name"] == "Shanghai Robot Industry Park"
    assert first["offer"]["title"] == "Factory halls"
    assert first["score"] > 0
    assert "offers 5,000 m² for the 3,000 m² asked" in first["reasons"]
    scores = [s["score"] for s in response.json]
    assert scores == sorted(scores, reverse=True)


def test_accepting_a_suggestion_keeps_its_score_and_reasons(api, world):
    client = api(name="matching bot")
    suggested = client.get(f"/api/v1/needs/{world.need.id}/suggestions").json[0]
    response = client.post(
        f"/api/v1/needs/{world.need.id}/suggestions/accept",
        json={"organisation_id": world.park.id},
    )
    assert response.status_code == 201, response.text
    assert response.json["status"] == "proposed"
    assert (response.json["score"], response.json["reasons"]) == (
        suggested["score"], suggested["reasons"],
    )  # fmt: skip
    listed = client.get(f"/api/v1/needs/{world.need.id}/matches").json
    assert [m["organisation_name"] for m in listed] == ["Shanghai Robot Industry Park"]
    entry = db.session.query(AuditEntry).filter_by(entity="match", action="create").one()
    assert entry.via == "matching bot"
    again = client.post(
        f"/api/v1/needs/{world.need.id}/suggestions/accept",
        json={"organisation_id": world.park.id},
    )
    assert again.status_code == 422
    assert "already matched" in again.json["errors"]["organisation_id"][0]


def test_picking_a_visitor_instead_of_a_local_partner_is_refused(api, world, make):
    visitor = make.organisation(name="Not local")
    db.session.commit()
    response = api().post(
        f"/api/v1/needs/{world.need.id}/matches", json={"organisation_id": visitor.id}
    )
    assert response.status_code == 422
    assert "organisation_id" in response.json["errors"]
    assert db.session.query(Match).count() == 0


def test_a_status_change_needs_if_match_and_a_reason_to_decline(api, world, make):
    match = make.match(world.need, world.park)
    db.session.commit()
    client, url = api(), f"/api/v1/matches/{match.id}"
    assert client.post(f"{url}/status", json={"to_status": "introduced"}).status_code == 428
    etag = client.get(url).headers["ETag"]
    declined = client.post(
        f"{url}/status", json={"to_status": "declined"}, headers={"If-Match": etag}
    )
    assert declined.status_code == 422
    assert declined.json["errors"]["to_status"] == ["Say why the match was declined."]
    moved = client.post(
        f"{url}/status", json={"to_status": "introduced"}, headers={"If-Match": etag}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json["status"] == "introduced"
    stale = client.post(
        f"{url}/status", json={"to_status": "talk_scheduled"}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert db.session.get(Match, match.id).status == MatchStatus.INTRODUCED


def test_a_hidden_confidential_needs_suggestions_and_matches_are_404(api, world, make):
    owner = make.user()
    world.need.confidential, world.need.owner = True, owner
    match = make.match(world.need, world.park)
    db.session.commit()
    client = api("staff")
    need_url = f"/api/v1/needs/{world.need.id}"
    assert client.get(f"{need_url}/suggestions").status_code == 404
    assert client.get(f"{need_url}/matches").status_code == 404
    assert client.get(f"/api/v1/matches/{match.id}").status_code == 404
    accept = client.post(f"{need_url}/suggestions/accept", json={"organisation_id": world.park.id})
    assert accept.status_code == 404
    status = client.post(
        f"/api/v1/matches/{match.id}/status", json={"to_status": "introduced"},
        headers={"If-Match": '"x"'},
    )  # fmt: skip
    assert status.status_code == 404
    assert api(user=owner).get(f"{need_url}/suggestions").status_code == 200

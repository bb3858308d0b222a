"""Bearer tokens: the only way into /api/v1/ (no session cookie), with the user's role."""

import pytest

from tests.api.conftest import ApiClient
from tracker.extensions import db
from tracker.models import ApiToken
from tracker.tokens import revoke_token

PROBLEM = "application/problem+json"


@pytest.mark.parametrize("header", [None, "Bearer trk_unknown", "Basic dXNlcjpwYXNz", "Bearer "])
def test_no_or_a_wrong_token_is_a_401_problem(client, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/delegations", headers=headers)
    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    assert response.json["status"] == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_a_401(api, client):
    reader = api("staff", "read")
    token = db.session.query(ApiToken).one()
    revoke_token(token.user_id, token.id)
    db.session.commit()
    assert reader.get("/api/v1/delegations").status_code == 401


def test_a_deactivated_users_token_is_a_401(api, make):
    user = make.user()
    reader = api(user=user)
    user.active = False
    db.session.commit()
    assert reader.get("/api/v1/delegations").status_code == 401


def test_the_session_cookie_is_not_accepted(client, login):
    login("admin")
    response = client.get("/api/v1/delegations")
    assert response.status_code == 401


def test_a_logged_in_browser_may_read_the_document(client, login):
    login("staff")
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_a_read_token_may_not_write(api):
    response = api("admin", "read").post("/api/v1/delegations", json={"title": "x"})
    assert response.status_code == 403
    assert response.mimetype == PROBLEM


def test_using_a_token_notes_when(api):
    api("staff", "read").get("/api/v1/delegations")
    assert db.session.query(ApiToken).one().last_used_at is not None


def test_only_the_hash_of_the_secret_is_stored(make, client):
    secret = make.api_token(scope="read")
    db.session.commit()
    token = db.session.query(ApiToken).one()
    assert secret not in (token.token_hash, token.prefix)
    assert secret.startswith(token.prefix)
    assert ApiClient(client, secret).get("/api/v1/delegations").status_code == 200

"""Tokens on the profile page (made, shown once, listed, revoked), by an admin, and by the CLI."""

import re

from tests.api.conftest import ApiClient
from tracker.extensions import db
from tracker.models import ApiToken, TokenScope


def _secret(html: str) -> str:
    return re.search(r'id="token-secret" value="(trk_[^"]+)"', html).group(1)


def test_a_token_made_on_the_profile_is_shown_once_and_works(client, login):
    login("staff")
    response = client.post("/profile/tokens", data={"name": "BI dashboard", "scope": "read"})
    assert response.status_code == 200
    secret = _secret(response.text)
    token = db.session.query(ApiToken).one()
    assert (token.name, token.scope) == ("BI dashboard", TokenScope.READ)
    profile = client.get("/profile").text
    assert "BI dashboard" in profile
    assert secret not in profile
    assert ApiClient(client, secret).get("/api/v1/delegations").status_code == 200


def test_a_user_revokes_their_token_but_not_anothers(client, login, make):
    other = make.api_token(name="someone else's")
    user = login("staff")
    make.api_token(user, name="mine")
    db.session.commit()
    theirs, mine = db.session.query(ApiToken).order_by(ApiToken.id).all()
    assert client.post(f"/profile/tokens/{theirs.id}/revoke").status_code == 302
    assert client.post(f"/profile/tokens/{mine.id}/revoke").status_code == 302
    db.session.expire_all()
    assert theirs.revoked_at is None
    assert mine.revoked_at is not None
    assert ApiClient(client, other).get("/api/v1/delegations").status_code == 200


def test_an_admin_revokes_anyones_token(client, login, make):
    owner = make.user()
    secret = make.api_token(owner, name="script")
    db.session.commit()
    token = db.session.query(ApiToken).one()
    login("admin")
    assert "script" in client.get(f"/admin/users/{owner.id}/edit").text
    client.post(f"/admin/users/{owner.id}/tokens/{token.id}/revoke")
    assert ApiClient(client, secret).get("/api/v1/delegations").status_code == 401


def test_the_cli_prints_a_token_once(runner, make, client):
    user = make.user(email="ops@example.org")
    db.session.commit()
    result = runner.invoke(
        args=["create-token", "--email", "OPS@example.org", "--name", "set-up", "--scope", "write"]
    )
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    token = db.session.query(ApiToken).one()
    assert (token.user_id, token.scope) == (user.id, TokenScope.WRITE)
    assert ApiClient(client, secret).get("/api/v1/delegations").status_code == 200


def test_the_cli_refuses_an_unknown_user(runner):
    result = runner.invoke(args=["create-token", "--email", "x@example.org", "--name", "n"])
    assert result.exit_code != 0
    assert "No active user" in result.output

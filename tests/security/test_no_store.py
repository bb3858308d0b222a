"""Nothing but static files may be kept by a browser or a proxy cache: Cache-Control: no-store."""

import pyotp
import pytest

from tests.conftest import PASSWORD
from tests.test_access import RULES, _concrete
from tracker import CACHEABLE_ENDPOINTS
from tracker.extensions import db


@pytest.fixture
def delegation_id(client, login, make) -> int:
    """Logged in as a manager; the id of a delegation."""
    login("manager")
    delegation = make.delegation(title="Thüringen 2026")
    db.session.commit()
    return delegation.id


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/people/",
        "/profile/two-step",
        "/delegations/export.csv",
        "/people/export.xlsx",
        "/delegations/{id}",
        "/imports/delegation/{id}/members.csv",
    ],
)
def test_pages_and_exports_of_a_session_are_not_stored(client, delegation_id, path):
    response = client.get(path.format(id=delegation_id))
    assert response.status_code == 200, path
    assert response.headers["Cache-Control"] == "no-store"


def test_error_pages_are_not_stored(client, delegation_id):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "no-store"


def test_the_login_page_is_not_stored(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_the_two_step_page_is_not_stored(client, make):
    user = make.user(totp_secret=pyotp.random_base32())
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/login/verify")
    assert response.headers["Cache-Control"] == "no-store"
    page = client.get("/login/verify")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path",
    ["/static/css/tracker.css", "/static/js/tracker.js", "/bootstrap/static/css/bootstrap.min.css"],
)
def test_static_files_keep_their_caching(client, delegation_id, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    again = client.get(path, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


GET_RULES = [r for r in RULES if "GET" in r.methods and r.endpoint not in CACHEABLE_ENDPOINTS]


@pytest.mark.parametrize("rule", GET_RULES, ids=lambda rule: rule.rule)
def test_every_page_of_the_url_map_is_not_stored(client, login, rule):
    login("admin")
    response = client.get(_concrete(rule))
    assert response.headers["Cache-Control"] == "no-store", rule.rule

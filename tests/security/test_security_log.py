"""CSRF failures, refused permissions and imports reach the security log, on one line each."""

import logging

import pytest

from tests.imports.files import csv_file
from tests.imports.test_views import draft_id, mapping_data, upload
from tracker.extensions import db

FORGED = "evil\r\n2026-01-01 WARNING login succeeded email='admin@example.org'"


def _security_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tracker.security"]


@pytest.fixture
def app_config(request):
    """The real CSRF setting for the CSRF test; the others post without tokens."""
    return {"WTF_CSRF_ENABLED": "csrf" in request.node.name}


def test_a_post_without_csrf_token_is_logged(client, caplog):
    caplog.set_level(logging.INFO, logger="tracker.security")
    response = client.post("/login", data={"email": "x@example.org", "password": "x"})
    assert response.status_code == 400
    (line,) = [m for m in _security_lines(caplog) if m.startswith("csrf check failed")]
    assert "path='/login'" in line


def test_a_refused_permission_is_logged_with_user_and_action(client, login, caplog):
    user = login("staff")
    caplog.set_level(logging.INFO, logger="tracker.security")
    assert client.get("/admin/users").status_code == 403
    (line,) = [m for m in _security_lines(caplog) if m.startswith("permission denied")]
    assert "action='user.manage'" in line and f"user={user.email!r}" in line
    assert "path='/admin/users'" in line


def test_user_text_in_a_refusal_cannot_forge_log_lines(client, login, caplog):
    login("staff")
    caplog.set_level(logging.INFO, logger="tracker.security")
    client.get("/admin/users?q=" + FORGED.replace("\r\n", "%0D%0A"))
    client.post("/login", data={"email": FORGED, "password": "x"})
    for line in _security_lines(caplog):
        assert "\n" not in line and "\r" not in line


def test_an_import_is_logged(client, login, make, caplog):
    login("staff")
    delegation = make.delegation()
    db.session.commit()
    caplog.set_level(logging.INFO, logger="tracker.security")
    data = csv_file([["Name", "Organisation"], ["Anna Berg", "Saale Robotik GmbH"]])
    upload(client, delegation, data, name="liste.csv")
    record_id = draft_id()
    client.post(f"/imports/{record_id}/mapping", data=mapping_data(["full_name", "organisation"]))
    assert client.post(f"/imports/{record_id}/preview").status_code == 302
    (line,) = [m for m in _security_lines(caplog) if m.startswith("member list imported")]
    assert "file='liste.csv'" in line and f"delegation='{delegation.id}'" in line

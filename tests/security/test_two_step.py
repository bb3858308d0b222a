"""Two-step login with TOTP: enrolment, the second step, recovery codes, required roles."""

import re

import pyotp
import pytest

from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import RecoveryCode


def _enrol(client) -> tuple[str, list[str]]:
    page = client.get("/profile/two-step").text
    secret = re.search(r'<code class="user-select-all">([A-Z2-7]+)</code>', page).group(1)
    response = client.post("/profile/two-step", data={"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<li class=\"col\">([0-9a-f]{8}-[0-9a-f]{8})</li>", response.text)
    return secret, codes


def test_enrolment_needs_a_matching_code(client, login):
    user = login()
    client.get("/profile/two-step")
    response = client.post("/profile/two-step", data={"code": "000000"})
    assert "does not match" in response.text
    db.session.refresh(user)
    assert not user.totp_enabled


def test_enrolment_shows_a_qr_code_and_ten_recovery_codes(client, login):
    user = login()
    assert "<svg" in client.get("/profile/two-step").text
    _secret, codes = _enrol(client)
    assert len(codes) == 10 == len(set(codes))
    db.session.refresh(user)
    assert user.totp_enabled
    stored = db.session.scalars(db.select(RecoveryCode.code_hash)).all()
    assert not set(codes) & set(stored)  # only hashes are kept


@pytest.fixture
def enrolled(client, login):
    user = login()
    secret, codes = _enrol(client)
    client.post("/logout")
    return user, secret, codes


def test_login_asks_for_the_second_step(client, enrolled):
    user, secret, _codes = enrolled
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/login/verify")
    assert client.get("/").status_code == 302  # not logged in yet
    assert "not valid" in client.post("/login/verify", data={"code": "123456"}).text
    assert client.post("/login/verify", data={"code": pyotp.TOTP(secret).now()}).status_code == 302
    assert client.get("/").status_code == 200


def test_a_code_cannot_be_used_twice(client, enrolled):
    user, secret, _codes = enrolled
    code = pyotp.TOTP(secret).now()
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    client.post("/login/verify", data={"code": code})
    client.post("/logout")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert "not valid" in client.post("/login/verify", data={"code": code}).text


def test_a_recovery_code_works_once(client, enrolled):
    user, _secret, codes = enrolled
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert client.post("/login/verify", data={"code": codes[0]}).status_code == 302
    client.post("/logout")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert "not valid" in client.post("/login/verify", data={"code": codes[0]}).text


def test_verify_without_a_password_step_goes_back_to_login(client):
    response = client.post("/login/verify", data={"code": "123456"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login")


@pytest.fixture
def app_config(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize(
    "app_config", [{"TOTP_REQUIRED_ROLES": ["manager", "admin"]}], indirect=True
)
def test_required_roles_must_enrol_before_anything_else(client, login, app_config):
    login("manager")
    response = client.get("/needs/")
    assert response.headers["Location"].endswith("/profile/two-step")
    _enrol(client)
    assert client.get("/needs/").status_code == 200


@pytest.mark.parametrize(
    "app_config", [{"TOTP_REQUIRED_ROLES": ["manager", "admin"]}], indirect=True
)
def test_staff_are_not_forced(client, login, app_config):
    login("staff")
    assert client.get("/needs/").status_code == 200


def test_turning_it_off_asks_for_the_password(client, login):
    user = login()
    _enrol(client)
    assert (
        "not your current password"
        in client.post("/profile/two-step", data={"password": "nope", "action": "disable"}).text
    )
    client.post("/profile/two-step", data={"password": PASSWORD, "action": "disable"})
    db.session.refresh(user)
    assert not user.totp_enabled

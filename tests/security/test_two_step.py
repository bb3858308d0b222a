"""Two-step login with TOTP: enrolment, the second step, recovery codes, required roles."""

import re
from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from tests.conftest import PASSWORD
from tracker import config
from tracker.demo import create_demo_admin
from tracker.extensions import db
from tracker.models import RecoveryCode

# The code default, which the rest of the suite turns off (tests/conftest.py).
REQUIRED_BY_DEFAULT = {"TOTP_REQUIRED_ROLES": config.TOTP_REQUIRED_ROLES}


def _shown_secret(page: str) -> str:
    return re.search(r'<code class="user-select-all">([A-Z2-7]+)</code>', page).group(1)


def _next_code(secret: str) -> str:
    """The code of the next time step: the current one was spent on enrolling."""
    return pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30))


def _enrol(client) -> tuple[str, list[str]]:
    secret = _shown_secret(client.get("/profile/two-step").text)
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
    assert client.post("/login/verify", data={"code": _next_code(secret)}).status_code == 302
    assert client.get("/").status_code == 200


def test_a_code_cannot_be_used_twice(client, enrolled):
    user, secret, _codes = enrolled
    code = _next_code(secret)
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert client.post("/login/verify", data={"code": code}).status_code == 302
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


def test_the_enrolment_code_cannot_be_replayed_at_login(client, login):
    user = login()
    secret = _shown_secret(client.get("/profile/two-step").text)
    code = pyotp.TOTP(secret).now()
    client.post("/profile/two-step", data={"code": code})
    client.post("/logout")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert "not valid" in client.post("/login/verify", data={"code": code}).text
    assert client.get("/").status_code == 302


def test_the_secret_being_enrolled_stays_on_the_server(app, client, login):
    login()
    secret = _shown_secret(client.get("/profile/two-step").text)
    cookie = client.get_cookie("session", domain="tracker.test").value
    readable = app.session_interface.get_signing_serializer(app).loads(cookie)
    assert secret not in repr(readable)
    assert _shown_secret(client.get("/profile/two-step").text) == secret  # the QR code stays


@pytest.mark.parametrize("app_config", [REQUIRED_BY_DEFAULT], indirect=True)
@pytest.mark.parametrize("role", ["manager", "admin"])
def test_managers_and_admins_enrol_right_after_the_password_by_default(client, make, role):
    user = make.user(role=role)
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/profile/two-step")
    for url in ["/", "/needs/", "/admin/users", "/profile", "/profile/password"]:
        assert client.get(url).headers["Location"].endswith("/profile/two-step"), url
    _enrol(client)
    assert client.get("/needs/").status_code == 200


@pytest.mark.parametrize("app_config", [REQUIRED_BY_DEFAULT], indirect=True)
def test_the_demo_admin_logs_in_and_is_guided_to_enrol(client):
    email, password = create_demo_admin()
    db.session.commit()
    response = client.post(
        "/login", data={"email": email, "password": password}, follow_redirects=True
    )
    assert "Required for your role." in response.text
    assert "<svg" in response.text and _shown_secret(response.text)
    _secret, codes = _enrol(client)
    assert len(codes) == 10
    assert client.get("/").status_code == 200

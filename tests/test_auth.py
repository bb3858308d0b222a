"""Logging in and out."""

import pytest

from tests.conftest import PASSWORD
from tests.messages import REQUIRED
from tracker.extensions import db


def test_login_with_mixed_case_email(client, make):
    make.user(email="li.na@example.org")
    db.session.commit()
    response = client.post("/login", data={"email": "Li.Na@Example.org ", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("li.na@example.org", "wrong password", "Unknown e-mail address or wrong password."),
        ("nobody@example.org", PASSWORD, "Unknown e-mail address or wrong password."),
        ("", PASSWORD, REQUIRED),
        ("not-an-email", PASSWORD, "Invalid email address."),
        ("li.na@example.org", "", REQUIRED),
    ],
)
def test_bad_login_stays_on_the_form_with_a_message(client, make, email, password, message):
    make.user(email="li.na@example.org")
    db.session.commit()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 200
    assert message in response.text
    assert client.get("/").status_code == 302


def test_deactivated_user_cannot_log_in(client, make):
    make.user(email="gone@example.org", active=False)
    db.session.commit()
    client.post("/login", data={"email": "gone@example.org", "password": PASSWORD})
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/people/", "/people/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_login_follows_only_local_next(client, make, next_url, expected):
    make.user(email="li.na@example.org")
    db.session.commit()
    response = client.post(
        "/login",
        query_string={"next": next_url},
        data={"email": "li.na@example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.removeprefix("http://tracker.test") == expected


def test_logout_is_a_post_and_ends_the_session(client, login):
    login()
    assert client.get("/logout").status_code == 405
    response = client.post("/logout")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_logged_in_user_visiting_login_goes_to_dashboard(client, login):
    login()
    assert client.get("/login").status_code == 302


def test_production_hashes_passwords_with_scrypt():
    from tracker import create_app
    from tracker.models import User

    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        user = User(email="a@example.org", display_name="A")
        user.set_password("correct horse battery")
    assert user.password_hash.startswith("scrypt:")
    assert user.check_password("correct horse battery")
    assert not user.check_password("wrong")

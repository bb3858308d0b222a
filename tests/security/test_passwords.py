"""Passwords (ASVS V6): length-only policy with a common-password list, changes and resets."""

from datetime import timedelta

import pytest

from tests.conftest import PASSWORD
from tracker.auth.passwords import password_problem
from tracker.extensions import db
from tracker.models import User, utcnow


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 8"),
        ("x" * 129, "at most 128"),
        ("password", "most common"),
        ("Password1", "most common"),
        ("qwertyuiop", "most common"),
        ("li.na@example.org", "e-mail address or name"),
        ("LI.NA@EXAMPLE.ORG", "e-mail address or name"),
    ],
)
def test_password_policy(password, problem):
    assert problem in password_problem(password, email="li.na@example.org", name="Li Na")


@pytest.mark.parametrize(
    "password", ["Thüringen-Baoshan 2026", "宝山区商务委员会合作", "x" * 128, "abcdefgh!"]
)
def test_any_long_enough_uncommon_password_is_fine(password):
    assert password_problem(password, email="li.na@example.org", name="Li Na") is None


def _change(client, current, new, confirm=None):
    return client.post(
        "/profile/password",
        data={"password": current, "new_password": new, "confirm": confirm or new},
    )


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("wrong one", "a brand new phrase", None, "That is not your current password."),
        (PASSWORD, "a brand new phrase", "another phrase", "The two entries differ."),
        (PASSWORD, "password", None, "most common"),
        (PASSWORD, PASSWORD, None, "different from the current one"),
        (PASSWORD, "short", None, "at least 8"),
    ],
)
def test_change_password_refusals(client, login, current, new, confirm, message):
    user = login()
    response = _change(client, current, new, confirm)
    assert response.status_code == 200
    assert message in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_change_password_keeps_this_session_and_ends_the_others(app, client, login):
    user = login()
    other = app.test_client()
    other.post("/login", data={"email": user.email, "password": PASSWORD})
    assert other.get("/").status_code == 200
    response = _change(client, PASSWORD, "a brand new phrase")
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert other.get("/").status_code == 302
    db.session.refresh(user)
    assert user.check_password("a brand new phrase")


def test_reset_password_is_temporary_and_must_be_changed(app, client, login, make):
    target = make.user(email="target@example.org")
    db.session.commit()
    login("admin")
    client.post(f"/admin/users/{target.id}/reset-password")
    db.session.refresh(target)
    assert target.must_change_password
    assert target.password_expires_at > utcnow() + timedelta(hours=71)
    flashes = client.get(f"/admin/users/{target.id}/edit").text
    temporary = flashes.split("New password for target@example.org: ")[1].split(" ")[0]
    theirs = app.test_client()
    assert (
        theirs.post("/login", data={"email": target.email, "password": temporary}).status_code
        == 302
    )
    response = theirs.get("/needs/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/profile/password")
    _change(theirs, temporary, "my own new phrase")
    assert theirs.get("/needs/").status_code == 200


def test_expired_temporary_password_is_refused(client, make):
    user = make.user(must_change_password=True, password_expires_at=utcnow() - timedelta(hours=1))
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "temporary password has expired" in response.text


def test_admin_created_accounts_get_a_temporary_password(client, login):
    login("admin")
    client.post(
        "/admin/users/new",
        data={"email": "new@example.org", "display_name": "New", "role": "staff"},
    )
    user = db.session.scalar(db.select(User).where(User.email == "new@example.org"))
    assert user.must_change_password and user.password_expires_at is not None


BLANK = " " * 8
ONLY_SPACES = "spaces only"


@pytest.mark.parametrize("password", [BLANK, "\t" * 9, "\u3000" * 8, " \n " * 4])
def test_a_password_of_spaces_only_is_refused(password):
    assert ONLY_SPACES in password_problem(password)


def _admin_creates(client, password: str):
    data = {"email": "new@example.org", "display_name": "New", "role": "staff"}
    return client.post("/admin/users/new", data={**data, "password": password})


def _cli_creates(runner, password: str):
    args = ["create-user", "--email", "new@example.org", "--name", "New"]
    return runner.invoke(args=args, input=f"{password}\n")


def test_one_rule_for_blank_passwords_everywhere(app, client, runner, login):
    """An admin, the command line, a password change and the login form refuse the same way."""
    admin = login("admin")
    assert ONLY_SPACES in _admin_creates(client, BLANK).text
    result = _cli_creates(runner, BLANK)
    assert result.exit_code != 0 and ONLY_SPACES in result.output
    assert db.session.scalar(db.select(User).where(User.email == "new@example.org")) is None
    assert ONLY_SPACES in _change(client, PASSWORD, BLANK).text
    db.session.refresh(admin)
    assert admin.check_password(PASSWORD)
    response = app.test_client().post("/login", data={"email": admin.email, "password": BLANK})
    assert response.status_code == 200 and ONLY_SPACES in response.text


@pytest.mark.parametrize("by", ["admin", "command line"])
def test_a_password_is_used_exactly_as_it_was_set(app, client, runner, login, by):
    padded = "  a padded phrase  "
    if by == "admin":
        login("admin")
        assert _admin_creates(client, padded).status_code == 302
    else:
        assert _cli_creates(runner, padded).exit_code == 0
    user = db.session.scalar(db.select(User).where(User.email == "new@example.org"))
    theirs = app.test_client()
    refused = theirs.post("/login", data={"email": user.email, "password": padded.strip()})
    assert refused.status_code == 200
    assert theirs.post("/login", data={"email": user.email, "password": padded}).status_code == 302

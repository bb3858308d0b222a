"""The create-user command: password from standard input, the service's rules, then a login."""

import pytest
from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import Role, User


def _create(runner, *args: str, password: str | None = None):
    """Run the command with the password typed on standard input (secret-pass by default)."""
    typed = "secret-pass" if password is None else password
    return runner.invoke(args=["create-user", *args], input=f"{typed}\n")


def _users() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_creates_a_user_who_can_log_in(app, runner, client):
    result = _create(
        runner, "--email", "Admin@Baoshan.gov.cn", "--name", "Admin", "--role", "admin"
    )
    assert result.exit_code == 0, result.output
    assert "Created admin admin@baoshan.gov.cn" in result.output
    user = db.session.scalar(select(User))
    assert (user.email, user.display_name, user.role) == (
        "admin@baoshan.gov.cn",
        "Admin",
        Role.ADMIN,
    )
    response = client.post(
        "/login", data={"email": "admin@baoshan.gov.cn", "password": "secret-pass"}
    )
    assert response.status_code == 302


def test_role_defaults_to_staff(app, runner):
    assert _create(runner, "--email", "a@example.org", "--name", "A").exit_code == 0
    assert db.session.scalar(select(User.role)) is Role.STAFF


def test_duplicate_email_in_another_case_is_refused(app, runner):
    assert _create(runner, "--email", "li@example.org", "--name", "Li").exit_code == 0
    result = _create(runner, "--email", "LI@Example.org", "--name", "Li again")
    assert result.exit_code != 0
    assert "already used" in result.output
    assert _users() == 1


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["--email", "a@example.org", "--name", "A"], "short", "at least 8"),
        (["--email", "a@example.org", "--name", "A"], "", "at least 8"),
        (["--email", "a@example.org", "--name", "A"], "x" * 129, "at most 128"),
        (["--email", "not-an-address", "--name", "A"], "secret-pass", "valid e-mail"),
        (["--email", "a@example.org", "--name", "  "], "secret-pass", "Enter a name"),
        (["--email", "a@example.org", "--name", "A", "--role", "root"], "secret-pass", "root"),
    ],
)
def test_bad_input_is_refused_with_a_message(app, runner, args, password, message):
    result = _create(runner, *args, password=password)
    assert result.exit_code != 0
    assert message in result.output
    assert _users() == 0

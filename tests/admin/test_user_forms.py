"""Creating and editing users through the admin pages."""

import re

import pytest
from sqlalchemy import func, select

from tests.messages import NOT_A_CHOICE, REQUIRED, too_long
from tracker.extensions import db
from tracker.models import Role, User

GENERATED = re.compile(r"Initial password: ([A-Za-z0-9_-]{20,})")


def _user_count() -> int:
    return db.session.scalar(select(func.count(User.id)))


def _by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _can_log_in(app, email: str, password: str) -> bool:
    response = app.test_client().post("/login", data={"email": email, "password": password})
    return response.status_code == 302


def test_create_with_a_chosen_password(app, client, login):
    login("admin")
    data = {"email": "Wang.Fang@Baoshan.gov.cn", "display_name": "王芳", "role": "manager",
            "password": "chosen secret"}  # fmt: skip
    response = client.post("/admin/users/new", data=data, follow_redirects=True)
    assert "Created the account for wang.fang@baoshan.gov.cn." in response.text
    assert "Initial password" not in response.text
    user = _by_email("wang.fang@baoshan.gov.cn")
    assert (user.display_name, user.role, user.active) == ("王芳", Role.MANAGER, True)
    assert _can_log_in(app, "WANG.FANG@baoshan.gov.cn", "chosen secret")


def test_create_without_password_shows_a_generated_one_once(app, client, login):
    login("admin")
    data = {"email": "jens@leg-thueringen.de", "display_name": "Jens", "role": "staff"}
    response = client.post("/admin/users/new", data=data, follow_redirects=True)
    match = GENERATED.search(response.text)
    assert match, response.text
    assert _can_log_in(app, "jens@leg-thueringen.de", match.group(1))
    again = client.get("/admin/users").text
    assert match.group(1) not in again and "Initial password" not in again


def test_create_form_defaults_to_staff(client, login):
    login("admin")
    page = client.get("/admin/users/new").text
    assert '<option selected value="staff">' in page or 'value="staff" selected' in page


VALID = {"email": "new@example.org", "display_name": "New", "role": "staff", "password": ""}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": ""}, REQUIRED),
        ({"email": "not-an-address"}, "Invalid email address."),
        ({"email": "a@b"}, "Invalid email address."),
        ({"email": "x" * 250 + "@example.org"}, too_long(254)),
        ({"email": "TAKEN@Example.org"}, "This e-mail address is already used."),
        ({"display_name": ""}, REQUIRED),
        ({"display_name": "x" * 121}, too_long(120)),
        ({"role": "emperor"}, NOT_A_CHOICE),
        ({"role": ""}, NOT_A_CHOICE),
        ({"password": "short"}, "Field must be between 8 and 128 characters long."),
        ({"password": "x" * 129}, "Field must be between 8 and 128 characters long."),
    ],
)
def test_create_validation(client, make, login, changes, message):
    login("admin")
    make.user(email="taken@example.org")
    db.session.commit()
    before = _user_count()
    response = client.post("/admin/users/new", data={**VALID, **changes})
    assert response.status_code == 200
    assert message in response.text
    assert "is-invalid" in response.text
    assert _user_count() == before


def test_create_keeps_input_after_an_error(client, login):
    login("admin")
    response = client.post(
        "/admin/users/new", data={**VALID, "display_name": "Müller", "role": "x"}
    )
    assert 'value="Müller"' in response.text and 'value="new@example.org"' in response.text


def test_edit_saves_name_role_and_language(client, make, login):
    login("admin")
    user = make.user(display_name="Old name")
    db.session.commit()
    response = client.post(
        f"/admin/users/{user.id}/edit",
        data={"display_name": "New name", "role": "manager", "language": "de", "version": 1},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.display_name, user.role, user.language) == ("New name", Role.MANAGER, "de")


def test_edit_browser_default_language_stores_none(client, make, login):
    login("admin")
    user = make.user(language="zh")
    db.session.commit()
    client.post(
        f"/admin/users/{user.id}/edit",
        data={"display_name": "X", "role": "staff", "language": "", "version": user.version},
    )
    db.session.refresh(user)
    assert user.language is None


def test_edit_form_is_prefilled(client, make, login):
    login("admin")
    user = make.user(display_name="Jens", role="manager", language="de")
    db.session.commit()
    page = client.get(f"/admin/users/{user.id}/edit").text
    assert 'value="Jens"' in page and user.email in page
    assert re.search(r'<option selected value="manager">|value="manager" selected', page)
    assert re.search(r'<option selected value="de">|value="de" selected', page)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"display_name": ""}, REQUIRED),
        ({"display_name": "x" * 121}, too_long(120)),
        ({"role": "root"}, NOT_A_CHOICE),
        ({"language": "fr"}, NOT_A_CHOICE),
    ],
)
def test_edit_validation(client, make, login, changes, message):
    login("admin")
    user = make.user(display_name="Kept", language="en")
    db.session.commit()
    data = {"display_name": "Changed", "role": "manager", "language": "de", **changes}
    response = client.post(f"/admin/users/{user.id}/edit", data=data)
    assert response.status_code == 200 and message in response.text
    db.session.refresh(user)
    assert (user.display_name, user.role, user.language) == ("Kept", Role.STAFF, "en")


def test_admin_cannot_demote_themselves(client, make, login):
    me = login("admin")
    make.user(role="admin")
    db.session.commit()
    response = client.post(
        f"/admin/users/{me.id}/edit",
        data={"display_name": "Me", "role": "staff", "language": "", "version": me.version},
    )
    assert response.status_code == 200
    assert "You cannot remove your own admin role." in response.text
    assert 'id="role-error"' in response.text
    db.session.refresh(me)
    assert me.role is Role.ADMIN


def test_demoting_the_other_admin_then_myself_is_refused(client, make, login):
    """Over HTTP the acting admin is always active, so the last admin is always oneself."""
    me = login("admin")
    other = make.user(role="admin")
    db.session.commit()
    data = {"display_name": "Other", "role": "manager", "language": "", "version": other.version}
    assert client.post(f"/admin/users/{other.id}/edit", data=data).status_code == 302
    data |= {"display_name": "Me", "version": me.version}
    mine = client.post(f"/admin/users/{me.id}/edit", data=data)
    assert "You cannot remove your own admin role." in mine.text
    db.session.refresh(me)
    db.session.refresh(other)
    assert (me.role, other.role) == (Role.ADMIN, Role.MANAGER)

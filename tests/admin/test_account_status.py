"""Deactivating, reactivating and resetting passwords, and what that does to logging in."""

import re

from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import User

NEW_PASSWORD = re.compile(r"New password for \S+: ([A-Za-z0-9_-]{20,})")


def _login_status(app, email: str, password: str) -> int:
    return app.test_client().post("/login", data={"email": email, "password": password}).status_code


def test_deactivate_then_activate(app, client, make, login):
    login("admin")
    user = make.user(display_name="Jens", password=PASSWORD)
    db.session.commit()
    response = client.post(f"/admin/users/{user.id}/deactivate", follow_redirects=True)
    assert "Jens can no longer log in." in response.text
    db.session.refresh(user)
    assert not user.active
    assert _login_status(app, user.email, PASSWORD) == 200  # the form again, with an error
    response = client.post(f"/admin/users/{user.id}/activate", follow_redirects=True)
    assert "Jens can log in again." in response.text
    db.session.refresh(user)
    assert user.active
    assert _login_status(app, user.email, PASSWORD) == 302


def test_edit_page_offers_the_matching_button_with_confirmation(client, make, login):
    login("admin")
    active, inactive = make.user(), make.user(active=False)
    db.session.commit()
    page = client.get(f"/admin/users/{active.id}/edit").text
    assert f"/admin/users/{active.id}/deactivate" in page and "data-confirm=" in page
    page = client.get(f"/admin/users/{inactive.id}/edit").text
    assert f"/admin/users/{inactive.id}/activate" in page


def test_own_edit_page_has_no_deactivate_button(client, login):
    me = login("admin")
    page = client.get(f"/admin/users/{me.id}/edit").text
    assert f"/admin/users/{me.id}/deactivate" not in page


def test_admin_cannot_deactivate_themselves(client, make, login):
    me = login("admin")
    make.user(role="admin")
    db.session.commit()
    response = client.post(f"/admin/users/{me.id}/deactivate", follow_redirects=True)
    assert "You cannot change the status of your own account." in response.text
    db.session.refresh(me)
    assert me.active


def test_deactivated_users_session_is_rejected_on_the_next_request(client, make, login):
    user = login("staff")
    assert client.get("/").status_code == 200
    db.session.get(User, user.id).active = False
    db.session.commit()
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_deactivated_user_cannot_log_in_with_the_right_password(app, make):
    user = make.user(password=PASSWORD, active=False)
    db.session.commit()
    response = app.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Unknown e-mail address or wrong password." in response.text


def test_reset_password_asks_for_confirmation_first(client, make, login):
    login("admin")
    user = make.user(password=PASSWORD)
    db.session.commit()
    page = client.get(f"/admin/users/{user.id}/reset-password")
    assert page.status_code == 200 and "Reset password" in page.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_reset_password_gives_a_working_new_password_once(app, client, make, login):
    login("admin")
    user = make.user(password=PASSWORD)
    db.session.commit()
    response = client.post(f"/admin/users/{user.id}/reset-password", follow_redirects=True)
    match = NEW_PASSWORD.search(response.text)
    assert match, response.text
    assert _login_status(app, user.email, match.group(1)) == 302
    assert _login_status(app, user.email, PASSWORD) == 200
    assert match.group(1) not in client.get(f"/admin/users/{user.id}/edit").text

"""Sessions (ASVS V7): fresh at login, time limits, and the epoch that ends them everywhere."""

import time

import pytest

from tests.conftest import PASSWORD
from tracker.extensions import db


def _log_in(client, user, password=PASSWORD):
    return client.post("/login", data={"email": user.email, "password": password})


def _logged_in(client) -> bool:
    return client.get("/").status_code == 200


def test_login_starts_a_fresh_session(client, make):
    user = make.user()
    db.session.commit()
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    _log_in(client, user)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.permanent


def test_logout_ends_even_a_copied_cookie(app, make):
    user = make.user()
    db.session.commit()
    mine, thief = app.test_client(), app.test_client()
    _log_in(mine, user)
    thief.set_cookie(
        "session", mine.get_cookie("session", domain="tracker.test").value, domain="tracker.test"
    )
    assert _logged_in(thief)
    mine.post("/logout")
    assert not _logged_in(thief)


@pytest.mark.parametrize("action", ["end-sessions", "deactivate"])
def test_an_admin_ends_a_users_sessions_at_once(app, make, login, client, action):
    """Ending the sessions, or deactivating the account, logs out every browser of the user."""
    user = make.user()
    db.session.commit()
    theirs = app.test_client()
    _log_in(theirs, user)
    assert _logged_in(theirs)
    login("admin")
    client.post(f"/admin/users/{user.id}/{action}")
    assert not _logged_in(theirs)


@pytest.mark.parametrize("stamp", ["seen_at", "login_at"])
def test_idle_and_absolute_time_limits(client, make, stamp):
    user = make.user()
    db.session.commit()
    _log_in(client, user)
    with client.session_transaction() as session:
        session[stamp] = int(time.time()) - 11 * 3600
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert "Your session expired" in client.get("/login").text


def test_activity_keeps_the_session_alive(client, make):
    user = make.user()
    db.session.commit()
    _log_in(client, user)
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - 50 * 60  # idle limit is 60 minutes
    assert _logged_in(client)
    with client.session_transaction() as session:
        assert session["seen_at"] > time.time() - 5


def test_the_cookie_is_sent_again_only_when_the_session_moves(client, make):
    """Not signed afresh on every request: seen_at moves at most every 30 seconds."""
    user = make.user()
    db.session.commit()
    _log_in(client, user)
    client.get("/")
    assert "Set-Cookie" not in client.get("/").headers
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - 31
    assert "session=" in client.get("/").headers.get("Set-Cookie", "")


def test_a_forged_session_user_id_is_refused(client, make):
    user = make.user()
    db.session.commit()
    _log_in(client, user)
    for forged in [str(user.id), f"{user.id}:99", "x:y", f"{user.id}:" + "9" * 40]:
        with client.session_transaction() as session:
            session["_user_id"] = forged
        assert not _logged_in(client), forged

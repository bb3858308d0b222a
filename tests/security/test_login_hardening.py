"""Login hardening: budgets charged before any check, one hash per attempt, device cookies."""

import http.client
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from urllib.parse import urlencode

import pyotp
import pytest
import werkzeug.security
from werkzeug.serving import make_server

from tests.conftest import PASSWORD
from tracker.auth import totp
from tracker.extensions import db

LIMIT = 5
CROWD = 30


@pytest.fixture
def app_config(request):
    config = {
        "RATELIMIT_ENABLED": True,
        "LOGIN_LIMIT_PER_ACCOUNT": f"{LIMIT} per 15 minutes",
        "LOGIN_LIMIT_PER_DEVICE": f"{LIMIT} per 15 minutes",
        "LOGIN_LIMIT_PER_ADDRESS": "1000 per 10 minutes",  # the account's budget is under test
    }
    return {**config, **getattr(request, "param", {})}


@pytest.fixture(autouse=True)
def _fresh_limits(app):
    from tracker.extensions import limiter

    limiter.reset()


@pytest.fixture
def hashes(monkeypatch) -> list[str]:
    """Every password hash computed (a check or a new hash); each one slowed down a little, so
    that simultaneous requests overlap while their passwords are checked."""
    computed: list[str] = []
    original = werkzeug.security._hash_internal

    def spy(method, salt, password):
        computed.append(password)
        threading.Event().wait(0.05)
        return original(method, salt, password)

    monkeypatch.setattr(werkzeug.security, "_hash_internal", spy)
    return computed


@pytest.fixture
def server(app):
    """The app behind a real threaded HTTP server on a free loopback port."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    thread.join(timeout=5)


def _request(port: int, method: str, path: str, fields: dict, cookie: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": "tracker.test", "Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request(method, path, urlencode(fields) if fields else None, headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def _post(port: int, path: str, fields: dict, cookie: str = "") -> int:
    return _request(port, "POST", path, fields, cookie).status


def _session_after(response, cookie: str) -> str:
    """The session cookie a browser holds after response."""
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith("session="):
            return header.split(";")[0]
    return cookie


def _all_at_once(port: int, path: str, fields: list[dict], cookie: str = "") -> list[int]:
    """POST every form at the same moment, each on its own connection; the status codes."""
    start = threading.Barrier(len(fields))

    def send(form):
        start.wait()
        return _post(port, path, form, cookie)

    with ThreadPoolExecutor(max_workers=len(fields)) as pool:
        return list(pool.map(send, fields))


def _attempt(client, email, password="wrong password"):
    return client.post("/login", data={"email": email, "password": password}).status_code


# 1. Simultaneous guesses -----------------------------------------------------------------------


def test_simultaneous_passwords_are_checked_at_most_limit_times(server, make, hashes):
    user = make.user()
    db.session.commit()
    hashes.clear()
    guesses = [{"email": user.email, "password": f"guess number {i}"} for i in range(CROWD)]
    codes = _all_at_once(server, "/login", guesses)
    assert len(hashes) <= LIMIT
    assert codes.count(429) >= CROWD - LIMIT
    hashes.clear()
    assert _post(server, "/login", {"email": user.email, "password": PASSWORD}) == 429
    assert hashes == []  # the right password, once the budget is spent, is not even checked


def _wrong_code(secret: str) -> str:
    generator = pyotp.TOTP(secret)
    now = generator.timecode(datetime.now(UTC))
    valid = {generator.generate_otp(now + offset) for offset in (-1, 0, 1, 2)}
    return next(f"{n:06d}" for n in range(123456, 999999) if f"{n:06d}" not in valid)


def test_simultaneous_codes_are_checked_at_most_limit_times(app, server, make, monkeypatch):
    secret = pyotp.random_base32()
    user = make.user(totp_secret=secret)
    db.session.commit()
    browser = app.test_client()
    browser.post("/login", data={"email": user.email, "password": PASSWORD})
    cookie = "session=" + browser.get_cookie("session", domain="tracker.test").value
    checked = []
    original = totp.verify

    def spy(*args):
        checked.append(args[1])
        threading.Event().wait(0.05)
        return original(*args)

    monkeypatch.setattr(totp, "verify", spy)
    codes = _all_at_once(server, "/login/verify", [{"code": _wrong_code(secret)}] * CROWD, cookie)
    assert len(checked) <= LIMIT
    assert codes.count(429) >= CROWD - LIMIT
    checked.clear()
    right = pyotp.TOTP(secret).now()
    assert _post(server, "/login/verify", {"code": right}, cookie) == 429
    assert checked == []


def test_one_code_sent_twice_at_once_logs_in_once(app, server, make, monkeypatch):
    secret = pyotp.random_base32()
    user = make.user(totp_secret=secret)
    db.session.commit()
    cookies = []
    for _ in range(2):
        browser = app.test_client()
        browser.post("/login", data={"email": user.email, "password": PASSWORD})
        cookies.append("session=" + browser.get_cookie("session", domain="tracker.test").value)
    original = totp.verify

    def slow(*args):
        accepted = original(*args)
        threading.Event().wait(0.1)  # both have checked the code before either saves its step
        return accepted

    monkeypatch.setattr(totp, "verify", slow)
    code = pyotp.TOTP(secret).now()
    start = threading.Barrier(2)

    def send(cookie):
        start.wait()
        return _session_after(
            _request(server, "POST", "/login/verify", {"code": code}, cookie), cookie
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        after = list(pool.map(send, cookies))
    pages = [_request(server, "GET", "/", {}, cookie).status for cookie in after]
    assert sorted(pages) == [200, 302], pages  # one browser is in, the other is not


# 8. One hash whatever the account's state --------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "password"),
    [
        ("active", "wrong password"),
        ("active", PASSWORD),
        ("deactivated", "wrong password"),
        ("deactivated", PASSWORD),
        ("unknown", PASSWORD),
    ],
)
def test_every_login_attempt_costs_exactly_one_hash(client, make, hashes, state, password):
    make.user(email="li.na@example.org", active=state != "deactivated")
    db.session.commit()
    client.post("/login", data={"email": "warm.up@example.org", "password": "x" * 9})
    hashes.clear()
    email = "nobody@example.org" if state == "unknown" else "li.na@example.org"
    client.post("/login", data={"email": email, "password": password})
    assert hashes == [password]


# 14. Device cookies and the security log ---------------------------------------------------------


def _known_device(client, user):
    """Commit user, log in and out on client: its browser now carries user's device cookie."""
    db.session.commit()
    assert _attempt(client, user.email, PASSWORD) == 302
    client.post("/logout")
    return user


def test_a_stranger_cannot_lock_the_owner_out(app, client, make):
    owner = _known_device(client, make.user())  # the owner's browser, earlier
    stranger = app.test_client()
    assert [_attempt(stranger, owner.email) for _ in range(LIMIT)] == [200] * LIMIT
    assert _attempt(stranger, owner.email, PASSWORD) == 429
    assert _attempt(client, owner.email, PASSWORD) == 302


def test_a_device_cookie_has_its_own_budget(client, make, hashes):
    owner = _known_device(client, make.user())
    assert [_attempt(client, owner.email) for _ in range(LIMIT)] == [200] * LIMIT
    hashes.clear()
    assert _attempt(client, owner.email, PASSWORD) == 429
    assert hashes == []


def test_a_device_cookie_counts_only_for_its_own_account(app, client, make):
    theirs = make.user()
    _known_device(client, make.user())  # mine
    stranger = app.test_client()
    for _ in range(LIMIT):
        _attempt(stranger, theirs.email)
    assert _attempt(client, theirs.email, PASSWORD) == 429


def test_a_forged_device_cookie_is_ignored(app, client, make):
    owner = _known_device(client, make.user())
    cookie = client.get_cookie("tracker_device", domain="tracker.test", path="/login")
    forger = app.test_client()
    forger.set_cookie("tracker_device", cookie.value[:-2] + "xx", domain="tracker.test")
    for _ in range(LIMIT):
        _attempt(forger, owner.email)
    assert _attempt(forger, owner.email, PASSWORD) == 429


@pytest.mark.parametrize("secure", [False, True])
def test_the_device_cookie_is_signed_long_lived_and_not_for_scripts(app, client, make, secure):
    app.config["SESSION_COOKIE_SECURE"] = secure
    owner = make.user()
    db.session.commit()
    response = client.post("/login", data={"email": owner.email, "password": PASSWORD})
    (header,) = [h for h in response.headers.getlist("Set-Cookie") if "tracker_device=" in h]
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Path=/login" in header
    assert ("Secure" in header) is secure
    max_age = int(header.split("Max-Age=")[1].split(";")[0])
    assert max_age >= 180 * 24 * 3600


def test_refused_attempts_are_logged(app, client, make, caplog):
    user = make.user()
    db.session.commit()
    for _ in range(LIMIT):
        _attempt(client, user.email)
    with caplog.at_level(logging.INFO, logger="tracker.security"):
        response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60
    assert "Too many failed attempts" in response.text
    (line,) = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert line.startswith("login refused: too many attempts")
    assert user.email in line and "limit='account'" in line


def test_refused_second_steps_are_logged(client, make, caplog):
    secret = pyotp.random_base32()
    user = make.user(totp_secret=secret)
    db.session.commit()
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    for _ in range(LIMIT):
        client.post("/login/verify", data={"code": _wrong_code(secret)})
    with caplog.at_level(logging.INFO, logger="tracker.security"):
        response = client.post("/login/verify", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 429
    (line,) = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert line.startswith("second step refused: too many attempts") and user.email in line

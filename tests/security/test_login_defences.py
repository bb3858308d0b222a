"""Login defences: rate limits per account and per address, logging, security headers."""

import logging

import pytest

from tests.conftest import PASSWORD
from tracker import create_app
from tracker.extensions import db


@pytest.fixture
def app_config():
    return {
        "RATELIMIT_ENABLED": True,
        "LOGIN_LIMIT_PER_ACCOUNT": "3 per 15 minutes",
        "LOGIN_LIMIT_PER_ADDRESS": "5 per 10 minutes",
    }


@pytest.fixture(autouse=True)
def _fresh_limits(app):
    from tracker.extensions import limiter

    limiter.reset()


def _attempt(client, email, password="wrong password"):
    return client.post("/login", data={"email": email, "password": password}).status_code


def test_an_account_is_paused_after_repeated_failures(client, make):
    user = make.user()
    db.session.commit()
    assert [_attempt(client, user.email) for _ in range(3)] == [200, 200, 200]
    assert _attempt(client, user.email) == 429
    assert _attempt(client, user.email, PASSWORD) == 429  # even the right password waits
    assert _attempt(client, "someone.else@example.org") == 200


def test_an_address_is_paused_after_failures_across_accounts(client):
    codes = [_attempt(client, f"guess{i}@example.org") for i in range(6)]
    assert codes == [200] * 5 + [429]


def test_successful_logins_do_not_count(client, make):
    user = make.user()
    db.session.commit()
    for _ in range(5):
        assert _attempt(client, user.email, PASSWORD) == 302
        client.post("/logout")


def test_every_attempt_is_logged_without_line_breaks(client, make, caplog):
    user = make.user()
    db.session.commit()
    with caplog.at_level(logging.INFO, logger="tracker.security"):
        _attempt(client, "evil\r\nFAKE login succeeded@example.org")
        _attempt(client, user.email, PASSWORD)
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("login failed") for m in messages)
    assert any(m.startswith("login succeeded") and user.email in m for m in messages)
    assert all("\n" not in m and "\r" not in m for m in messages)


def test_security_headers(client):
    headers = client.get("/login").headers
    csp = headers["Content-Security-Policy"]
    for directive in ("script-src 'self'", "object-src 'none'", "base-uri 'none'",
                      "frame-ancestors 'none'"):  # fmt: skip
        assert directive in csp
    assert "unsafe-eval" not in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers


def test_hsts_and_secure_cookies_behind_https(database_url):
    app = create_app(
        {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": database_url, "SESSION_COOKIE_SECURE": True}
    )
    response = app.test_client().get("/login", base_url="https://tracker.test")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    assert "Secure" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "SameSite=Lax" in response.headers["Set-Cookie"]
    with app.app_context():
        db.engine.dispose()


def test_no_page_uses_inline_script(client, login):
    login("admin")
    for url in ["/", "/needs/board", "/delegations/", "/profile", "/profile/two-step"]:
        page = client.get(url).text
        assert "<script>" not in page and "onclick=" not in page, url

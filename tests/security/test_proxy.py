"""Behind a reverse proxy: X-Forwarded-* are believed for exactly TRUSTED_PROXIES hops."""

import logging

import pytest
from flask import request, request_started

from tests.conftest import _test_config
from tracker import create_app

LIMITS = {"RATELIMIT_ENABLED": True, "LOGIN_LIMIT_PER_ADDRESS": "3 per 10 minutes"}


@pytest.fixture(autouse=True)
def _fresh_limits(app):
    from tracker.extensions import limiter

    limiter.reset()


def _failed_login(client, forwarded_for: str, email: str = "guess@example.org") -> int:
    return client.post(
        "/login",
        data={"email": email, "password": "wrong password"},
        headers={"X-Forwarded-For": forwarded_for},
    ).status_code


def _addresses(caplog) -> list[str]:
    lines = [r.getMessage() for r in caplog.records if r.name == "tracker.security"]
    return [line.split("address=")[1] for line in lines if line.startswith("login failed")]


@pytest.mark.parametrize("app_config", [{**LIMITS, "TRUSTED_PROXIES": 1}])
def test_behind_one_proxy_each_client_has_its_own_limit_and_log_address(app, caplog):
    caplog.set_level(logging.INFO, logger="tracker.security")
    alice, bob = app.test_client(), app.test_client()
    codes = [_failed_login(alice, "203.0.113.7", f"a{i}@example.org") for i in range(4)]
    assert codes == [200, 200, 200, 429]
    assert _failed_login(bob, "198.51.100.23") == 200  # someone else is not locked out
    assert _addresses(caplog) == ["'203.0.113.7'"] * 3 + ["'198.51.100.23'"]


@pytest.mark.parametrize("app_config", [{**LIMITS, "TRUSTED_PROXIES": 1}])
def test_only_the_address_the_proxy_appended_is_believed(client, caplog):
    caplog.set_level(logging.INFO, logger="tracker.security")
    # The client's own X-Forwarded-For comes first; the proxy appends what it saw.
    for i in range(3):
        _failed_login(client, f"10.0.0.{i}, 203.0.113.7")
    assert _failed_login(client, "10.0.0.99, 203.0.113.7") == 429
    assert set(_addresses(caplog)) == {"'203.0.113.7'"}


@pytest.mark.parametrize("app_config", [LIMITS])
def test_without_trusted_proxies_a_forged_header_escapes_no_limit(client, caplog):
    caplog.set_level(logging.INFO, logger="tracker.security")
    codes = [_failed_login(client, f"203.0.113.{i}") for i in range(4)]
    assert codes == [200, 200, 200, 429]
    assert set(_addresses(caplog)) == {"'127.0.0.1'"}


def _seen(app, headers: dict) -> dict:
    """The scheme, host and client address a request with these headers has inside the app."""
    seen = {}

    def record(_sender, **_extra):
        seen.update(scheme=request.scheme, host=request.host, address=request.remote_addr)

    with request_started.connected_to(record, app):
        app.test_client().get("/healthz", headers=headers)
    return seen


FORWARDED = {
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "tracker.example.org",
}


@pytest.mark.parametrize("app_config", [{"TRUSTED_PROXIES": 1}])
def test_the_proxy_tells_address_scheme_and_host(app):
    assert _seen(app, FORWARDED) == {
        "scheme": "https",
        "host": "tracker.example.org",
        "address": "203.0.113.7",
    }


def test_by_default_no_forwarded_header_is_believed(app):
    assert _seen(app, FORWARDED) == {
        "scheme": "http",
        "host": "tracker.test",
        "address": "127.0.0.1",
    }


def test_trusted_proxies_is_read_from_the_environment(database_url, monkeypatch):
    monkeypatch.setenv("TRACKER_TRUSTED_PROXIES", "2")
    app = create_app(_test_config(database_url))
    assert app.config["TRUSTED_PROXIES"] == 2
    monkeypatch.setenv("TRACKER_TRUSTED_PROXIES", "-1")
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        create_app(_test_config(database_url))
